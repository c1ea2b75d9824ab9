/**
 * What the HTML and Word readers produce before it becomes text: paragraphs and tables in
 * document order. Tables are resolved into grids (merged cells placed where they sit) and written
 * one row per line, cells separated by tabs — the layout the parser reads best (see
 * src/lib/report/tokens.ts), and the one Word itself gives when a table is copied as text.
 */

export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

/** A table cell as the document gives it, before the grid is resolved. */
export interface SourceCell {
  text: string;
  colspan: number;
  rowspan: number;
}

/**
 * How a merged cell fills the grid positions it covers besides its first: left empty (what Word
 * writes when it copies a table as text, and what the parser reads correctly: a label repeated
 * into the rows below it would stand for a row of its own) or repeated.
 */
export type SpanFill = 'empty' | 'repeat';

/**
 * Rows of cells with spans → a rectangular grid. A cell goes to the first position of its row
 * not taken by a cell above reaching down (rowspan); `rowspan = 0` reaches to the table's end.
 */
export function resolveGrid(rows: SourceCell[][], fill: SpanFill = 'empty'): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      const rowspan = cell.rowspan === 0 ? rows.length - r : Math.min(Math.max(cell.rowspan, 1), rows.length - r);
      const colspan = Math.min(Math.max(cell.colspan, 1), 1000);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell.text : fill === 'repeat' ? cell.text : '';
        }
      }
      c += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
}

/** One cell's text on one line: whitespace runs (line breaks, tabs, ideographic spaces) become one space. */
export function cellText(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

const isSpace = (c: string) => c === ' ' || c === '\u00a0' || c === '\u3000';

/**
 * A line without the spaces (ASCII, no-break, ideographic) at its ends; tabs are kept. Loops, not
 * /[ ]+$/: that pattern scans a run of spaces from each of its spaces (quadratic on a long run).
 */
function trimSpaces(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && isSpace(line[start])) start++;
  while (end > start && isSpace(line[end - 1])) end--;
  return line.slice(start, end);
}

/**
 * Blocks → the report text: a paragraph per line (its own line breaks kept), a table row per line
 * with tab-separated cells (trailing empty cells dropped, rows with no text left out), a blank
 * line around each table.
 */
export function blocksToText(blocks: Block[]): string {
  const out: string[] = [];
  const blank = () => {
    if (out.length && out[out.length - 1] !== '') out.push('');
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      for (const line of block.text.split('\n')) {
        const trimmed = trimSpaces(line);
        if (trimmed) out.push(trimmed);
      }
      continue;
    }
    blank();
    for (const row of block.rows) {
      const cells = row.map(cellText);
      while (cells.length && !cells[cells.length - 1]) cells.pop();
      if (cells.length) out.push(cells.join('\t'));
    }
    blank();
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}
