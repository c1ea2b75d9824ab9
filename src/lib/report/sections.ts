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

function isHeading(line: string, ordinal: string, keywords: string[]): boolean {
  const m = HEADING.exec(line);
  if (!m || m[1] !== ordinal) return false;
  const compact = line.replace(/\s+/g, '');
  return compact.length <= 48 && keywords.some((k) => compact.includes(k));
}

export function findSections(matchLines: string[]): SectionSpans {
  const found: { key: SectionKey; heading: number }[] = [];
  let from = 0;
  for (const section of SECTIONS) {
    for (let i = from; i < matchLines.length; i++) {
      if (isHeading(matchLines[i], section.ordinal, section.keywords)) {
        found.push({ key: section.key, heading: i });
        from = i + 1;
        break;
      }
    }
  }
  const spans: SectionSpans = {};
  found.forEach((f, n) => {
    spans[f.key] = { heading: f.heading, end: n + 1 < found.length ? found[n + 1].heading : matchLines.length };
  });
  return spans;
}

/** How many headings of a section occur in the text: a repeated section is worth a warning. */
export function countHeadings(matchLines: string[], key: SectionKey): number {
  const section = SECTIONS.find((s) => s.key === key)!;
  return matchLines.filter((l) => isHeading(l, section.ordinal, section.keywords)).length;
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
