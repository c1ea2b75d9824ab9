/**
 * Finding the six sections by their headings' content, not their numbering alone: reports carry
 * their own "一、… 二、…" sub-heads inside section 一 (seeds 000 and 003), so a heading counts only
 * when its ordinal and its words both fit the template's section.
 */
import { SECTIONS, type SectionKey } from './template';

export interface SectionSpan {
  /** 0-based line of the heading. */
  heading: number;
  /** 0-based line after the section's last line. */
  end: number;
}

export type SectionSpans = Partial<Record<SectionKey, SectionSpan>>;

/** "二、…", "#### 二、…" and the bold "**二、…**" web-to-markdown converters give. */
const HEADING = /^\s*(?:#+\s*)?(?:\*\*|__)?\s*([一二三四五六])\s*[、.．,，]/;

/** The lines that are each section's heading, in the order of the text. */
export type SectionHeadings = Record<SectionKey, number[]>;

/** One pass over the lines: the heading pattern's ordinal names the only section a line can head. */
export function findHeadings(matchLines: string[]): SectionHeadings {
  const headings = {} as SectionHeadings;
  for (const s of SECTIONS) headings[s.key] = [];
  for (let i = 0; i < matchLines.length; i++) {
    const m = HEADING.exec(matchLines[i]);
    if (!m) continue;
    const section = SECTIONS.find((s) => s.ordinal === m[1])!;
    const compact = matchLines[i].replace(/\s+/g, '');
    if (compact.length <= 48 && section.keywords.some((k) => compact.includes(k))) headings[section.key].push(i);
  }
  return headings;
}

/** Each section at its first heading after the previous section's; it ends where the next begins. */
export function findSections(headings: SectionHeadings, lineCount: number): SectionSpans {
  const found: { key: SectionKey; heading: number }[] = [];
  let from = 0;
  for (const section of SECTIONS) {
    const heading = headings[section.key].find((i) => i >= from);
    if (heading !== undefined) {
      found.push({ key: section.key, heading });
      from = heading + 1;
    }
  }
  const spans: SectionSpans = {};
  found.forEach((f, n) => {
    spans[f.key] = { heading: f.heading, end: n + 1 < found.length ? found[n + 1].heading : lineCount };
  });
  return spans;
}

/**
 * A section's text, heading removed, whitespace tidied: lines broken inside a sentence (PDF
 * extraction wraps every full line) are joined again; short lines (sub-heads) stay apart.
 */
export function sectionText(lines: string[], span: SectionSpan | undefined): string | null {
  if (!span) return null;
  const parts: string[] = [];
  for (let i = span.heading + 1; i < span.end; i++) {
    const line = lines[i].replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const prev = parts[parts.length - 1];
    if (prev !== undefined && prev.length >= 20 && !/[。；！？：:;!?)）]$/.test(prev) && /^[\u3400-\u9fff，、。]/.test(line) && /[\u3400-\u9fff，、]$/.test(prev)) {
      parts[parts.length - 1] = prev + line;
    } else parts.push(line);
  }
  const text = parts.join('\n').trim();
  return text || null;
}
