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

/** The template's six sections, and a fee section (信息处理费收取情况) some reports insert. */
export type SpanKey = SectionKey | 'fees';
export type SectionSpans = Partial<Record<SpanKey, SectionSpan>>;

/**
 * "二、…", "#### 二、…" and the bold "**二、…**" web-to-markdown converters give. No two runs of
 * spaces stand side by side in the pattern (as "(?:#+\s*)?(?:\*\*)?\s*" did): on a long run of
 * whitespace they would try every way to share it, which took seconds on a line of tabs.
 */
const HEADING = /^\s*(?:#+\s*)?(?:(?:\*\*|__)\s*)?([一二三四五六七八])\s*[、.．,，]/;

/**
 * Words that name a section whatever its number: reports insert sections ("二、政务公开工作主要任务
 * 落实情况", "五、信息处理费收取情况") and renumber the rest. Stricter than the keywords that go
 * with the template's own ordinal, so a sub-head is not taken for a section.
 */
const SECTION_WORDS: Record<SectionKey, RegExp> = {
  overview: /^.{1,3}(?:总体情况|概述|基本情况|概况)$/,
  active: /主动公开政府信息/,
  applications: /收到和处理|申请情况$/,
  reviewLitigation: /行政复议.{0,3}行政诉讼|复议.{0,2}诉讼情况/,
  problems: /存在的?(?:主要|突出)?问题|不足|改进(?:情况|措施|举措)/,
  other: /其他需要?(?:报告|说明)|需要说明的其他|其他事项/,
};
const FEE_WORDS = /(?:信息)?处理费|收费情况|收取情况/;

/** The lines that are each section's heading, in the order of the text. */
export type SectionHeadings = Record<SpanKey, number[]>;

/**
 * One pass over the lines. A heading whose ordinal and words fit the template's section is that
 * section's; one whose words alone name a section (renumbered reports) is that section's too.
 */
export function findHeadings(matchLines: string[]): SectionHeadings {
  const headings = { fees: [] as number[] } as SectionHeadings;
  for (const s of SECTIONS) headings[s.key] = [];
  for (let i = 0; i < matchLines.length; i++) {
    const m = HEADING.exec(matchLines[i]);
    if (!m) continue;
    const compact = matchLines[i].replace(/\s+/g, '');
    if (compact.length > 48) continue;
    const own = SECTIONS.find((s) => s.ordinal === m[1]);
    if (FEE_WORDS.test(compact) && !SECTION_WORDS.problems.test(compact) && !SECTION_WORDS.other.test(compact)) headings.fees.push(i);
    else if (own && own.keywords.some((k) => compact.includes(k))) headings[own.key].push(i);
    else {
      const named = SECTIONS.find((s) => SECTION_WORDS[s.key].test(compact));
      if (named) headings[named.key].push(i);
    }
  }
  return headings;
}

/**
 * Each section at its first heading after the previous section's; it ends where the next begins.
 * A fee section ends the section before it and is kept apart (it is not the problems).
 */
export function findSections(headings: SectionHeadings, lineCount: number): SectionSpans {
  const found: { key: SpanKey; heading: number }[] = [];
  let from = 0;
  for (const section of SECTIONS) {
    const heading = headings[section.key].find((i) => i >= from);
    if (heading !== undefined) {
      found.push({ key: section.key, heading });
      from = heading + 1;
    }
  }
  if (headings.fees.length) {
    found.push({ key: 'fees', heading: headings.fees[0] });
    found.sort((a, b) => a.heading - b.heading);
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
  // Each part as its pieces, with its length and last character: testing the joined part itself
  // read the whole part again at every join (quadratic on thousands of wrapped lines).
  const parts: string[][] = [];
  let prevLength = 0;
  let prevEnd = '';
  for (let i = span.heading + 1; i < span.end; i++) {
    const line = lines[i].replace(/^#+\s*/, '').replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (parts.length && prevLength >= 20 && !/[。；！？：:;!?)）]/.test(prevEnd) && /^[\u3400-\u9fff，、。]/.test(line) && /[\u3400-\u9fff，、]/.test(prevEnd)) {
      parts[parts.length - 1].push(line);
      prevLength += line.length;
    } else {
      parts.push([line]);
      prevLength = line.length;
    }
    prevEnd = line[line.length - 1];
  }
  const text = parts.map((p) => p.join('')).join('\n').trim();
  return text || null;
}
