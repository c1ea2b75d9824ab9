/**
 * The maths of drawing a text of any length in a scrolling box: only the rows in view (plus a
 * few) become elements. A text's lines are cut into display rows of at most `cols` monospace
 * columns (a crawler's one-line dump of 50,000 characters is a thousand short rows, not one
 * element the browser must lay out), every row is the same height, and a text taller than a
 * browser lets an element be is scrolled at a scale. Pure: no DOM (tests/virtual-lines.test.ts).
 */

/**
 * How tall the scrolled content may be, in pixels: browsers cap an element's height (Firefox
 * near 17.9 million px, Chrome 33.5 million); beyond this the scroll position is scaled.
 */
export const MAX_SCROLL_HEIGHT = 8_000_000;

/** Printed width of one UTF-16 unit: CJK and full-width take two columns, a tab up to four, the low half of a surrogate pair none. */
function width(code: number): number {
  if (code === 9) return 4;
  if (code >= 0xdc00 && code <= 0xdfff) return 0;
  if (code >= 0xd800 && code <= 0xdbff) return 2; // astral: CJK extensions, emoji
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
    ? 2
    : 1;
}

/** Where a line's display rows start (offsets into the line; the first is 0), each at most `cols` columns wide. */
export function rowBreaks(line: string, cols: number): number[] {
  const breaks = [0];
  let used = 0;
  for (let i = 0; i < line.length; i++) {
    const w = width(line.charCodeAt(i));
    // A row holds at least one character, and a surrogate pair stays whole (its low half has width 0).
    if (used + w > cols && used > 0 && w > 0) {
      breaks.push(i);
      used = 0;
    }
    used += w;
  }
  return breaks;
}

/** A line that surely fits one row, told without reading it. */
const fitsOneRow = (line: string, cols: number) => line.length * 4 <= cols || (line.length * 2 <= cols && !line.includes('\t'));

export interface RowLayout {
  cols: number;
  /** starts[i]: the first display row of line i (0-based); starts[lines.length] is the number of rows. */
  starts: Uint32Array;
  /** The row breaks of the lines longer than one row, by line index. */
  breaks: Map<number, Uint32Array>;
  rows: number;
}

/** Every line's display rows at `cols` columns: O(characters of the long lines), short lines are not read. */
export function layoutRows(lines: readonly string[], cols: number): RowLayout {
  const starts = new Uint32Array(lines.length + 1);
  const breaks = new Map<number, Uint32Array>();
  let row = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = row;
    const line = lines[i];
    if (fitsOneRow(line, cols)) row += 1;
    else {
      const b = rowBreaks(line, cols);
      if (b.length > 1) breaks.set(i, Uint32Array.from(b));
      row += b.length;
    }
  }
  starts[lines.length] = row;
  return { cols, starts, breaks, rows: row };
}

/** The line (0-based) a display row belongs to. */
export function lineOfRow(layout: RowLayout, row: number): number {
  const { starts } = layout;
  let lo = 0;
  let hi = starts.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The text of a line's k-th display row. */
export function rowText(lines: readonly string[], layout: RowLayout, line: number, k: number): string {
  const b = layout.breaks.get(line);
  if (!b) return lines[line];
  return lines[line].slice(b[k], k + 1 < b.length ? b[k + 1] : undefined);
}

/** How the box scrolls: the content's height in the page, and content pixels per pixel scrolled (1 unless the text is taller than MAX_SCROLL_HEIGHT). */
export function scrollGeometry(rows: number, rowHeight: number, viewport: number): { height: number; scale: number } {
  const full = rows * rowHeight;
  if (full <= MAX_SCROLL_HEIGHT) return { height: full, scale: 1 };
  return { height: MAX_SCROLL_HEIGHT, scale: (full - viewport) / Math.max(1, MAX_SCROLL_HEIGHT - viewport) };
}

export interface RowWindow {
  /** First row to draw, and one past the last. */
  first: number;
  end: number;
  /** Where row `first` sits in the scrolled content, in pixels (the box's own coordinates). */
  top: number;
}

/** The rows to draw at a scroll position: those in view, and `overscan` more on either side. */
export function rowWindow(scrollTop: number, viewport: number, rows: number, rowHeight: number, overscan = 8): RowWindow {
  const { scale } = scrollGeometry(rows, rowHeight, viewport);
  // The content's pixel at the box's top edge; rows are placed relative to it.
  const at = scrollTop * scale;
  const firstInView = Math.min(rows, Math.max(0, Math.floor(at / rowHeight)));
  const first = Math.max(0, firstInView - overscan);
  const end = Math.min(rows, Math.ceil((at + viewport) / rowHeight) + overscan);
  return { first, end: Math.max(first, end), top: scrollTop + first * rowHeight - at };
}

/** The scrollTop that puts a row in the middle of the box (at its top if the line is taller than the box). */
export function scrollTopFor(row: number, rowsOfLine: number, rows: number, rowHeight: number, viewport: number): number {
  const { height, scale } = scrollGeometry(rows, rowHeight, viewport);
  const lineHeight = rowsOfLine * rowHeight;
  const at = lineHeight >= viewport ? row * rowHeight : row * rowHeight - (viewport - lineHeight) / 2;
  return Math.min(Math.max(0, height - viewport), Math.max(0, at / scale));
}

/** A section's text longer than this is shown in a scrolling box of lines (VirtualLines), not as one block the page lays out whole. */
export const LONG_TEXT = 20_000;

/** A stretch of a text, by offsets into it (lines joined by one newline), to be marked. */
export interface MarkRange {
  start: number;
  end: number;
}

/** Where each line starts in the text it was split from (lines joined by one newline); one more entry for the end. */
export function lineOffsets(lines: readonly string[]): Float64Array {
  const at = new Float64Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) at[i + 1] = at[i] + lines[i].length + 1;
  return at;
}

/** The text between `from` and `to` as plain and marked pieces, by sorted, disjoint ranges (found by bisection). */
export function markedPieces(from: number, to: number, ranges: readonly MarkRange[]): { from: number; to: number; mark: boolean }[] {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= from) lo = mid + 1;
    else hi = mid;
  }
  const pieces: { from: number; to: number; mark: boolean }[] = [];
  let at = from;
  for (let r = lo; r < ranges.length && ranges[r].start < to && at < to; r++) {
    const start = Math.max(at, ranges[r].start);
    const end = Math.min(to, ranges[r].end);
    if (start > at) pieces.push({ from: at, to: start, mark: false });
    pieces.push({ from: start, to: end, mark: true });
    at = end;
  }
  if (at < to || pieces.length === 0) pieces.push({ from: at, to, mark: false });
  return pieces;
}

/**
 * One column of a side-by-side comparison as lines and the ranges to mark: the left column is the
 * parts both have and those only the left has (marked), the right likewise with the added parts.
 */
export function diffColumn(parts: readonly { kind: 'same' | 'removed' | 'added'; text: string }[], side: 'left' | 'right'): { lines: string[]; ranges: MarkRange[] } {
  const own = side === 'left' ? 'removed' : 'added';
  const texts: string[] = [];
  const ranges: MarkRange[] = [];
  let at = 0;
  for (const p of parts) {
    if (p.kind !== 'same' && p.kind !== own) continue;
    const text = p.text.replace(/\r\n?/g, '\n');
    if (p.kind === own && text) ranges.push({ start: at, end: at + text.length });
    texts.push(text);
    at += text.length;
  }
  return { lines: texts.join('').split('\n'), ranges };
}
