/**
 * Turning a table's lines into a stream of text and value tokens. We do not rebuild the grid from
 * whitespace (PDF extraction, Word-to-text and web pages each flatten it differently); we only need
 * to know, in reading order, which texts and which values there are and on which line.
 */

export interface TextToken {
  kind: 'text';
  text: string;
  line: number;
}

export interface ValueToken {
  kind: 'value';
  /** The number, or null for a placeholder ("-", "/", "无") or a blank cell kept by position. */
  value: number | null;
  /** What the cell said, for warnings. */
  raw: string;
  line: number;
  /** For a delimited row's only value: the blank cells between its label and it. */
  leadingBlanks?: number;
  /**
   * Digits that may hold several cells: printed against a label ("数量5000005") or with a
   * leading 0 ("0000000", "01"). Their `value` is null: only a reader that knows the row's
   * width and identities may split them (runs.ts); nobody reads them as one number.
   */
  glued?: boolean;
  /** Why the cell holds no possible value though it is one ("Infinity", "1e5"): see values.ts. */
  impossible?: string;
}

export type Token = TextToken | ValueToken;

/**
 * Value tokens built by a class, not an object literal: V8 moves the objects of a literal that
 * often outlive a garbage collection (as tokens do, for the whole table) to the old generation,
 * which then fills with them; that cost a tenth of the parse time.
 */
class Value implements ValueToken {
  readonly kind = 'value';
  constructor(
    public value: number | null,
    public raw: string,
    public line: number,
    public leadingBlanks: number | undefined,
    public glued = false,
    public impossible: string | undefined = undefined,
  ) {}
}

/** A label with digits run against it: "一、本年新收政府信息公开申请数量5000005", "规章000". */
const TRAILING_RUN = /^(.*[\u3400-\u9fff)）”"’])([+-]?\d[\d.+-]*)$/;
/** Digits with a leading 0 are several cells ("00", "0000000"), never one number. */
const LEADING_ZERO = /^0\d/;

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const PLACEHOLDER = /^(?:-+|—+|–+|\/|无|\\)$/;
const CHINESE_ZERO = /^[〇零]$/;
/** Numbers as a program prints them, never an office: "Infinity", "NaN", "1e5". A cell, but no count. */
const PROGRAM_NUMBER = /^[+-]?(?:infinity|nan|\d+(?:\.\d+)?e[+-]?\d+)$/i;
/**
 * A line of running prose: its digits are dates and counts in sentences ("2023 年", "5 件"), not
 * table cells, which stand apart from their neighbours. (Two characters before a colon, not
 * "{2,}": the same lines match, without the backtracking that made long lines slow.)
 */
const PROSE = /[，。；;]|[^\d\s]{2}[:：][^\d\s]|\d ?[年月日件次个项条份]/;
/** The end of a sentence: a short line ending so is prose too (a PDF wrapped the sentence). */
const SENTENCE_END = /[。]\s*$/;
/** Values that may be split off words by a single space: numbers and dashes, not "无" (a wrapped "（四）无法提供" leaves "无" beside words). */
const SPLITTABLE = /^(?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|-+|—+|–+)$/;

export function parseValueCell(cell: string): { value: number | null; impossible?: string } | undefined {
  const c = cell.trim();
  if (NUMBER.test(c)) return { value: Number(c.includes(',') ? c.replace(/,/g, '') : c) };
  if (PLACEHOLDER.test(c)) return { value: null };
  if (CHINESE_ZERO.test(c)) return { value: 0 };
  if (PROGRAM_NUMBER.test(c)) return { value: null, impossible: 'not a number as a report prints one' };
  return undefined;
}

/** Where a line breaks into cells: tabs, "|" and runs of two or more spaces. */
const CELL_BREAK = /\t|\||\s{2,}/;

/**
 * Split one line into cells: tabs, "|" and runs of two or more spaces separate cells; within a
 * cell, single spaces separate numbers ("21 0 0 0") but not words ("结果 维持").
 */
export function splitCells(line: string): string[] {
  const trimmed = line.replace(/^\s*\|/, '').replace(/\|\s*$/, '');
  // Splitting by a regex is slow even where it finds nothing: test first (for the coarse split
  // and for the spaces within a cell).
  const coarse = CELL_BREAK.test(trimmed) ? trimmed.split(CELL_BREAK) : [trimmed];
  const cells: string[] = [];
  for (const cell of coarse) {
    const text = cell.trim();
    if (!text.includes(' ')) {
      cells.push(text);
      continue;
    }
    const pieces = text.split(/ +/);
    if (pieces.length > 1 && pieces.some((p) => SPLITTABLE.test(p))) {
      // Keep words together, split off the values.
      let words: string[] = [];
      for (const p of pieces) {
        if (SPLITTABLE.test(p)) {
          if (words.length) cells.push(words.join(''));
          words = [];
          cells.push(p);
        } else words.push(p);
      }
      if (words.length) cells.push(words.join(''));
    } else cells.push(pieces.join(''));
  }
  return cells;
}

/**
 * A markdown table's separator row (|---|---|), tested on the trimmed line: with the spaces at
 * both ends in the pattern, two runs of them stood side by side (quadratic on a long run).
 */
const MD_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;

/**
 * How a reader asks for a delimited table's blank cells (tab fields, `|` cells, `<td></td>` of a web
 * page) to be kept, each as a 0 with an empty `raw`: for a report that prints its zeros as blanks.
 * Only rows whose cells can be placed are read so: a row label then the table's `width` cells, the
 * last of them printed (a reader drops a row's trailing blank fields, and the total, last, is only
 * blank when the whole row is); a row label alone (`rowLabel` says which texts are one), all its
 * cells blank; with `valuesOnly`, a line of values and blanks alone, cells from the first field on.
 * The reader must then confirm by the identities that the blanks are 0s; tokenize only places them.
 */
export interface BlankCells {
  width: number;
  rowLabel?: (text: string) => boolean;
  valuesOnly?: boolean;
}

/** A cell printed blank, kept by its position (BlankCells): a 0 until a reader's identities say otherwise. */
export const isBlankCell = (v: ValueToken): boolean => v.raw === '' && v.value === 0;

function blankCellTokens(line: string, lineNo: number, blanks: BlankCells): Token[] | undefined {
  const sep = line.includes('\t') ? '\t' : '|';
  const fields = line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split(sep).map((f) => f.trim());
  while (fields.length && !fields[fields.length - 1]) fields.pop();
  const isValue = (f: string) => f !== '' && parseValueCell(f) !== undefined && !LEADING_ZERO.test(f);
  const texts = fields.filter((f) => f && !isValue(f));
  const cell = (f: string): Token => {
    if (!f) return new Value(0, '', lineNo, undefined);
    const v = parseValueCell(f)!;
    return new Value(v.value, f, lineNo, undefined, false, v.impossible);
  };
  const label = (): Token[] => texts.map((text) => ({ kind: 'text', text, line: lineNo }));
  if (!fields.some(isValue)) {
    if (!texts.length || !blanks.rowLabel?.(texts[texts.length - 1])) return undefined;
    return [...label(), ...Array.from({ length: blanks.width }, () => cell(''))];
  }
  if (!texts.length) {
    if (!blanks.valuesOnly || fields.length > blanks.width) return undefined;
    return Array.from({ length: blanks.width }, (_, c) => cell(fields[c] ?? ''));
  }
  const start = fields.length - blanks.width;
  if (start < 1 || fields.slice(start).some((f) => f && !isValue(f)) || fields.slice(0, start).some(isValue)) return undefined;
  return [...label(), ...fields.slice(start).map(cell)];
}

/**
 * Tokens of lines [from, to) (0-based indexes; tokens carry 1-based line numbers). With `blanks`,
 * a delimited row's blank cells are kept (BlankCells).
 */
export function tokenize(lines: string[], from: number, to: number, blanks?: BlankCells): Token[] {
  const tokens: Token[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i].replace(/^#+\s*/, '');
    if (!line.trim() || (line.includes('---') && MD_SEPARATOR.test(line.trim()))) continue;
    if ((PROSE.test(line) && line.replace(/\s/g, '').length > 16) || SENTENCE_END.test(line)) {
      tokens.push({ kind: 'text', text: line.trim(), line: i + 1 });
      continue;
    }
    // A row label alone on a line of no delimiter: a row whose every cell is blank, from a reader
    // that dropped the trailing blank fields (a label with digits in it has its own delimiters).
    if (blanks && (line.includes('\t') || line.includes('|') || !/\d/.test(line))) {
      const row = blankCellTokens(line, i + 1, blanks);
      if (row) {
        tokens.push(...row);
        continue;
      }
    }
    const lone = loneValueBlanks(line);
    for (const cell of splitCells(line)) {
      if (!cell) continue;
      const v = parseValueCell(cell);
      if (v) {
        if (LEADING_ZERO.test(cell)) tokens.push(new Value(null, cell, i + 1, lone, true));
        else tokens.push(new Value(v.value, cell, i + 1, lone, false, v.impossible));
        continue;
      }
      const run = TRAILING_RUN.exec(cell);
      if (run) {
        tokens.push({ kind: 'text', text: run[1], line: i + 1 });
        tokens.push(new Value(null, run[2], i + 1, undefined, true));
      } else tokens.push({ kind: 'text', text: cell, line: i + 1 });
    }
  }
  return tokens;
}

/**
 * For a tab- or |-delimited row with a label and a single value ("(一) 予以公开→→→→→→→0"), how many
 * blank cells stand between the label and the value: far right means the total column.
 */
function loneValueBlanks(line: string): number | undefined {
  const sep = line.includes('\t') ? '\t' : line.includes('|') ? '|' : undefined;
  if (!sep) return undefined;
  const cells = line.replace(/^\s*\|/, '').split(sep).map((c) => c.trim());
  const valueAt = cells.map((c, i) => (c && parseValueCell(c) ? i : -1)).filter((i) => i >= 0);
  if (valueAt.length !== 1) return undefined;
  let lastText = -1;
  for (let c = 0; c < valueAt[0]; c++) if (cells[c]) lastText = c;
  if (lastText < 0) return undefined;
  return valueAt[0] - lastText - 1;
}
