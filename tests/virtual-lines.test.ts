/** The source text's windowing: which display rows are drawn for a scroll position, and long lines cut into rows. */
import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, diffColumn, layoutRows, lineOffsets, lineOfRow, markedPieces, rowBreaks, rowText, rowWindow, scrollGeometry, scrollTopFor } from '../src/views/virtual-lines';

describe('rowBreaks', () => {
  it('cuts a line at the column count, CJK counting two columns', () => {
    expect(rowBreaks('abcdefghij', 4)).toEqual([0, 4, 8]);
    expect(rowBreaks('一二三四五', 4)).toEqual([0, 2, 4]);
    // 'a' (1) + '一' (2) = 3, 'b' would make 4: fits; '二' does not.
    expect(rowBreaks('a一b二', 4)).toEqual([0, 3]);
    expect(rowBreaks('', 4)).toEqual([0]);
  });

  it('never splits a surrogate pair and puts at least one character on a row', () => {
    const astral = '𠀀'; // U+20000, two UTF-16 units, two columns
    expect(rowBreaks(`a${astral}${astral}`, 2)).toEqual([0, 1, 3]);
    expect(rowBreaks('一二', 1)).toEqual([0, 1]);
  });

  it('cuts a 50,000-character one-line dump into rows whose text adds up to the line', () => {
    const line = '申请数量50000050'.repeat(4200); // 50,400 units
    const lines = ['标题', line, '结尾'];
    const layout = layoutRows(lines, 80);
    const rows = layout.starts[2] - layout.starts[1];
    // 4,200 × (4 CJK × 2 + 8 digits) = 67,200 columns, 80 a row.
    expect(rows).toBe(840);
    expect(layout.rows).toBe(842);
    const texts = Array.from({ length: rows }, (_, k) => rowText(lines, layout, 1, k));
    expect(texts.join('')).toBe(line);
    expect(texts[0]).toBe('申请数量50000050'.repeat(5));
    expect(rowText(lines, layout, 2, 0)).toBe('结尾');
  });
});

describe('layoutRows and lineOfRow', () => {
  const lines = ['short', 'x'.repeat(25), '', 'tab\there', 'end'];
  const layout = layoutRows(lines, 10);

  it('gives each line its first row; a long line takes several', () => {
    // A tab counts four columns: "tab\there" is 3 + 4 + 4 = 11 > 10, two rows.
    expect(Array.from(layout.starts)).toEqual([0, 1, 4, 5, 7, 8]);
    expect(layout.rows).toBe(8);
    expect(rowText(lines, layout, 1, 2)).toBe('xxxxx');
    expect([rowText(lines, layout, 3, 0), rowText(lines, layout, 3, 1)]).toEqual(['tab\ther', 'e']);
    expect(layout.breaks.has(0)).toBe(false);
  });

  it('finds the line of every row', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((r) => lineOfRow(layout, r))).toEqual([0, 1, 1, 1, 2, 3, 3, 4]);
    expect(lineOfRow(layoutRows([], 10), 0)).toBe(0);
  });
});

describe('rowWindow', () => {
  it('draws the rows in view and the overscan, placed where they scroll to', () => {
    // 1,000 rows of 18 px in a 180-px box scrolled to 900 px: rows 50–59 in view.
    expect(rowWindow(900, 180, 1000, 18, 5)).toEqual({ first: 45, end: 65, top: 45 * 18 });
    expect(rowWindow(0, 180, 1000, 18, 5)).toEqual({ first: 0, end: 15, top: 0 });
    // At the bottom: nothing past the last row.
    expect(rowWindow(1000 * 18 - 180, 180, 1000, 18, 5)).toEqual({ first: 985, end: 1000, top: 985 * 18 });
    // A partly scrolled row is drawn.
    expect(rowWindow(10, 180, 1000, 18, 0)).toEqual({ first: 0, end: 11, top: 0 });
  });

  it('keeps the drawn rows few however long the text', () => {
    const rows = 10_000_000; // 180 million px: taller than any browser lets a box be
    const { height, scale } = scrollGeometry(rows, 18, 600);
    expect(height).toBe(MAX_SCROLL_HEIGHT);
    expect(scale).toBeCloseTo((rows * 18 - 600) / (MAX_SCROLL_HEIGHT - 600), 9);
    for (const scrollTop of [0, 1234, MAX_SCROLL_HEIGHT / 2, MAX_SCROLL_HEIGHT - 600]) {
      const w = rowWindow(scrollTop, 600, rows, 18, 8);
      expect(w.end - w.first).toBeLessThanOrEqual(600 / 18 + 2 + 16);
    }
    // Scrolled to the end, the last row ends at the box's bottom edge.
    const last = rowWindow(MAX_SCROLL_HEIGHT - 600, 600, rows, 18, 8);
    expect(last.end).toBe(rows);
    expect(last.top + (last.end - last.first) * 18).toBeCloseTo(MAX_SCROLL_HEIGHT, 6);
  });
});

describe('scrollTopFor', () => {
  it('centres a line in the box, or puts a line taller than the box at its top', () => {
    expect(scrollTopFor(100, 1, 1000, 18, 180)).toBe(100 * 18 - (180 - 18) / 2);
    expect(scrollTopFor(100, 20, 1000, 18, 180)).toBe(100 * 18);
    expect(scrollTopFor(0, 1, 1000, 18, 180)).toBe(0);
    expect(scrollTopFor(999, 1, 1000, 18, 180)).toBe(1000 * 18 - 180);
  });

  it('brings a row into view when the scroll is scaled', () => {
    const rows = 10_000_000;
    const top = scrollTopFor(7_654_321, 1, rows, 18, 600);
    const w = rowWindow(top, 600, rows, 18, 0);
    expect(w.first).toBeLessThanOrEqual(7_654_321);
    expect(w.end).toBeGreaterThan(7_654_321);
  });
});

describe('marked ranges (the side-by-side view of long texts)', () => {
  it('cuts a stretch into plain and marked pieces', () => {
    const ranges = [
      { start: 2, end: 4 },
      { start: 6, end: 9 },
    ];
    expect(markedPieces(0, 10, ranges)).toEqual([
      { from: 0, to: 2, mark: false },
      { from: 2, to: 4, mark: true },
      { from: 4, to: 6, mark: false },
      { from: 6, to: 9, mark: true },
      { from: 9, to: 10, mark: false },
    ]);
    expect(markedPieces(3, 7, ranges)).toEqual([
      { from: 3, to: 4, mark: true },
      { from: 4, to: 6, mark: false },
      { from: 6, to: 7, mark: true },
    ]);
    expect(markedPieces(7, 8, ranges)).toEqual([{ from: 7, to: 8, mark: true }]);
    expect(markedPieces(10, 12, ranges)).toEqual([{ from: 10, to: 12, mark: false }]);
    expect(markedPieces(5, 5, ranges)).toEqual([{ from: 5, to: 5, mark: false }]);
  });

  it('gives each column of a diff its lines and the ranges only it has, at offsets of its lines', () => {
    const parts = [
      { kind: 'same' as const, text: '收到申请' },
      { kind: 'removed' as const, text: '1' },
      { kind: 'added' as const, text: '2\r\n新' },
      { kind: 'same' as const, text: '件。\n完' },
    ];
    const left = diffColumn(parts, 'left');
    expect(left).toEqual({ lines: ['收到申请1件。', '完'], ranges: [{ start: 4, end: 5 }] });
    const right = diffColumn(parts, 'right');
    expect(right).toEqual({ lines: ['收到申请2', '新件。', '完'], ranges: [{ start: 4, end: 7 }] });
    const at = lineOffsets(right.lines);
    expect(Array.from(at)).toEqual([0, 6, 10, 12]);
    // The second line "新件。" starts at 6: its first character is the end of the added part.
    expect(markedPieces(at[1], at[1] + 3, right.ranges)).toEqual([
      { from: 6, to: 7, mark: true },
      { from: 7, to: 9, mark: false },
    ]);
  });
});
