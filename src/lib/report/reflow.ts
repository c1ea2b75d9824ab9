/**
 * Bodies saved on one line. Crawlers flatten a page into one line: headings, table labels and
 * numbers in one run ("…二、主动公开政府信息情况第二十条第（一）项…规章000规范性文件1077…"). The
 * parser reads lines, so such a line is cut into the lines the report had: before each section
 * heading ("二、"), and inside the tables before each row or item label ("（一）", "2.", "规章",
 * "行政许可") — where the digits of one row end and the next label begins. Each new line remembers
 * the input line it came from, so every number still points at its line in the input.
 */
import { ACTIVE_2019, ACTIVE_2021 } from './template';

export interface Reflowed {
  lines: string[];
  matchLines: string[];
  /** For each reflowed line, the 0-based input line it was cut from. */
  origin: number[];
  /** True when some line was cut. */
  changed: boolean;
}

/** A line this long with two or more section headings in it is a flattened body. */
const LONG_LINE = 300;
/** "二、" as a heading: not "第二、", not within a longer numeral ("十二、" is cut before 十). */
const HEADING_AT = /(?<![第一二三四五六七八九十])[一二三四五六七八九十]{1,2}、/g;
/** Row labels inside the tables: "（三）" (not "第（一）项"), "2." / "2、" before a word. */
const ROW_ORDINAL_AT = /(?<!第)[(（][一二三四五六七八][)）]|(?<![.．])\d[.．、](?=\s?[\u3400-\u9fff])/g;
/** Where a heading's title ends: its last title word before a bracket, digit, quote or punctuation. */
const TITLE_WINDOW = /^[^(（\d《“"，,。:：;；]{1,30}/;
const TITLE_END = /(?:情况|事项|措施|问题|举措|概述|概况|说明)(?!.*(?:情况|事项|措施|问题|举措|概述|概况|说明))/;
/** Table 二's item labels and captions, longest first (行政规范性文件 before 规范性文件). */
const ITEM_LABELS = [...new Set([...ACTIVE_2021, ...ACTIVE_2019].flatMap((i) => [i.label, ...(i.variants ?? [])]))]
  .sort((a, b) => b.length - a.length);
const ITEM_AT = new RegExp(`第二十条|${ITEM_LABELS.join('|')}`, 'g');
/** What closes a letter: copy-to and issued-by lines, never part of a section's text. */
const TAIL_AT = /抄送\s*[:：]|\s\S{2,30}\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日印发/g;

function cutsOf(line: string): number[] {
  const headings = [...line.matchAll(HEADING_AT)].map((m) => m.index);
  if (headings.length < 2) return [];
  const cuts = new Set<number>(headings);
  // "一、总体情况2022年，…": the heading's title is a line of its own.
  for (const h of headings) {
    const window = TITLE_WINDOW.exec(line.slice(h, h + 30));
    const end = window ? TITLE_END.exec(window[0]) : null;
    if (end) cuts.add(h + end.index + end[0].length);
  }
  // The tables run from section 二 (or 三) to the heading after section 四.
  const headingWith = (ordinal: string, words: RegExp, from = 0) =>
    headings.find((h) => h >= from && line.startsWith(ordinal, h) && words.test(line.slice(h, h + 24)));
  const start = headingWith('二', /主动公开/) ?? headingWith('三', /申请/);
  const review = headingWith('四', /复议|诉讼/, start ?? 0);
  const end = headingWith('五', /./, review ?? start ?? 0) ?? line.length;
  if (start !== undefined) {
    const table = line.slice(start, end);
    // A sentence before a table ("…被申请行政复议0件。行政复议行政诉讼结果维持…") is a line of its own.
    for (let at = table.indexOf('。'); at >= 0; at = table.indexOf('。', at + 1)) cuts.add(start + at + 1);
    for (const re of [ROW_ORDINAL_AT, ITEM_AT]) {
      for (const m of table.matchAll(re)) {
        // "行政规范性文件" holds "规范性文件": a label inside a longer one is no cut.
        if (re === ITEM_AT && m[0] === '规范性文件' && table.slice(Math.max(0, m.index - 2), m.index) === '行政') continue;
        cuts.add(start + m.index);
      }
    }
  }
  // The title, when the body opens with it: "…年度报告区管委会办公室：根据…".
  const title = /^.{0,80}?年度报告(?:的函)?/.exec(line);
  if (title && /信息公开/.test(title[0])) cuts.add(title[0].length);
  for (const m of line.matchAll(TAIL_AT)) cuts.add(m.index);
  return [...cuts].filter((c) => c > 0 && c < line.length).sort((a, b) => a - b);
}

/**
 * Cut flattened lines. The cuts are found on `matchLines` (folded, simplified) and applied to the
 * display line at the same places when folding kept its length, as it nearly always does; where it
 * did not (an ellipsis folds to three dots), the display shows the folded pieces.
 */
export function reflow(lines: string[], matchLines: string[]): Reflowed {
  const out: Reflowed = { lines: [], matchLines: [], origin: [], changed: false };
  for (let i = 0; i < matchLines.length; i++) {
    const key = matchLines[i];
    const cuts = key.length >= LONG_LINE ? cutsOf(key) : [];
    if (cuts.length === 0) {
      out.lines.push(lines[i]);
      out.matchLines.push(key);
      out.origin.push(i);
      continue;
    }
    out.changed = true;
    const sameLength = lines[i].length === key.length;
    const bounds = [0, ...cuts, key.length];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const piece = key.slice(bounds[k], bounds[k + 1]);
      // The letter's closing lines (抄送, 印发) are blanked: they belong to no section.
      const tail = /^\s*抄送|印发\s*$/.test(piece);
      out.matchLines.push(tail ? '' : piece);
      out.lines.push(tail ? '' : sameLength ? lines[i].slice(bounds[k], bounds[k + 1]) : piece);
      out.origin.push(i);
    }
  }
  return out;
}
