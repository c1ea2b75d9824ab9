/**
 * Reading the three tables. Each reader finds the template's labels in the token stream and reads
 * the values that belong to them; where a layout leaves the labels out of order or lost (PDF
 * extraction), the order of the template and its identities (勾稽关系) decide between readings.
 */
import { LabelMatcher, matchKey } from './normalize';
import type { Ambiguity, Cells } from './record';
import type { SectionSpan } from './sections';
import {
  ACTIVE_ITEMS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  type ActiveItemDef,
  type LabelDef,
  type TemplateId,
} from './template';
import { computeChecks } from './checks';
import { isBlankCell, parseValueCell, tokenize, type Token, type ValueToken } from './tokens';
import { allZero, describeReadings, expandRepeats, groupsOf, splitGroups, splitRun } from './runs';
import { activeColumnKind, admitValue, impossibility, type ValueKind } from './values';

export interface TableRead<T> {
  table: T;
  /** Cell path → 1-based input line: the `sources` passed in, with this table's cells added. */
  sources: Record<string, number>;
  warnings: string[];
  /** False when the section has no table at all. */
  found: boolean;
}

/** A value with the text that stood before it since the previous value (a class: see tokens.ts `Value`). */
class LabelledValue implements ValueToken {
  readonly kind = 'value';
  value: number | null;
  raw: string;
  line: number;
  leadingBlanks: number | undefined;
  glued: boolean | undefined;
  impossible: string | undefined;
  constructor(
    t: ValueToken,
    readonly label: string,
    /** Index of the run (values with no text between them) the value belongs to. */
    readonly run: number,
  ) {
    this.value = t.value;
    this.raw = t.raw;
    this.line = t.line;
    this.leadingBlanks = t.leadingBlanks;
    this.glued = t.glued;
    this.impossible = t.impossible;
  }
}

function labelledValues(tokens: Token[]): LabelledValue[] {
  const out: LabelledValue[] = [];
  const text: string[] = [];
  let run = -1;
  for (const t of tokens) {
    if (t.kind === 'text') text.push(t.text);
    else {
      if (text.length || run < 0) run++;
      out.push(new LabelledValue(t, text.length ? matchKey(text.join('')) : '', run));
      text.length = 0;
    }
  }
  return out;
}

/** The keys of each template label, computed once: the readers ask for them per run and per row. */
const keysOfLabel = new WeakMap<LabelDef, string[]>();

function labelKeys(def: LabelDef): string[] {
  let keys = keysOfLabel.get(def);
  if (!keys) keysOfLabel.set(def, (keys = [def.label, ...(def.variants ?? [])].map(matchKey)));
  return keys;
}

/**
 * How the report prints its tables, as far as the readers must know beyond the lines themselves.
 * `runs`: see below. `linesOnce`: one cell per line with equal lines next to each other printed once
 * (printsEqualLinesOnce). `decoded`, when given, receives the path of every cell not read from a
 * cell of its own (split from a run, expanded from a line printed once, a blank read as 0), and how.
 */
export interface TableShape {
  /** The body was saved on one line (reflow.ts): any number may be digits of several cells run together. */
  runs?: boolean;
  linesOnce?: boolean;
  /**
   * Set by readApplications when the report is shown to print its zeros as blanks: by table 三's
   * identities, or (table 三 printed all blank) by its text stating that no application came in.
   */
  zerosBlank?: 'identities' | 'text';
  decoded?: Map<string, 'run' | 'repeats' | 'blank'>;
}

/**
 * True when the tables print one cell per line and never the same value on two lines in a row.
 * Tables printed one cell per line show runs of equal cells (mostly 0s) nearly everywhere: twenty
 * value lines without one are a text whose extractor printed equal lines next to each other once,
 * so a line may stand for several cells (runs.ts expandRepeats).
 */
export function printsEqualLinesOnce(matchLines: string[], spans: (SectionSpan | undefined)[]): boolean {
  let single = 0;
  let several = 0;
  for (const span of spans) {
    if (!span) continue;
    let previous = '';
    for (let i = span.heading + 1; i < span.end; i++) {
      const line = matchLines[i].trim();
      if (!line) continue;
      if (line.length <= 20 && parseValueCell(line)?.value != null) {
        if (line === previous) return false;
        single++;
      } else if (line.length <= 200 && /\d[	|]|\d\s{2,}\d/.test(line)) several++;
      previous = line;
    }
  }
  return single >= 20 && several <= 2;
}

function nullCells(columns: LabelDef[]): Cells {
  const cells: Cells = {};
  for (const c of columns) cells[c.key] = null;
  return cells;
}

/** At most this many joint readings of an ambiguity are recorded; a run with more records none. */
export const MAX_KEPT_READINGS = 64;

/**
 * The record's entry for cells left null between readings: the readings every cell can hold (a
 * count is never negative), recorded when at least two and at most MAX_KEPT_READINGS remain.
 */
function recordAmbiguity(ambiguities: Ambiguity[], cells: string[], lines: number[], readings: number[][], kinds: ValueKind[]): void {
  const possible = readings.filter((r) => r.every((v, i) => impossibility(v, kinds[i]) === null));
  if (possible.length >= 2 && possible.length <= MAX_KEPT_READINGS) ambiguities.push({ cells, lines, readings: possible });
}

function describe(v: ValueToken): string {
  return v.raw === '' ? 'blank' : `"${v.raw}"`;
}

// ── Section 二 ────────────────────────────────────────────────────────────────────────────────

/**
 * The readers add their cells' lines to `sources`: the record's one map, filled table by table
 * (merging three maps of ~250 keys cost several percent of the parse).
 */
export function readActive(
  matchLines: string[],
  span: SectionSpan | undefined,
  template: TemplateId | null,
  sources: Record<string, number> = {},
  shape: TableShape = {},
  ambiguities: Ambiguity[] = [],
  /**
   * Whether the report prints its zeros as blanks, as table 三 shows it (zerosBlankHabit): asked only
   * when table 二 prints no 0 and a row of it has fewer numbers than cells.
   */
  zerosBlankHabit?: () => TableShape['zerosBlank'],
): TableRead<Record<string, Cells>> {
  const items = ACTIVE_ITEMS[template ?? '2021'];
  const table: Record<string, Cells> = Object.fromEntries(items.map((i) => [i.key, nullCells(i.columns)]));
  const warnings: string[] = [];
  if (!span) return { table, sources, warnings: ['section 二 (主动公开政府信息情况) not found: its table is null'], found: false };
  const tokens = tokenize(matchLines, span.heading + 1, span.end);
  const values = tokens.filter((t): t is ValueToken => t.kind === 'value');
  if (values.length === 0) return { table, sources, warnings: ['table 二 (主动公开) missing: no values in section 二'], found: false };

  const expected = items.reduce((n, i) => n + i.columns.length, 0);
  const anchored = readActiveAnchored(tokens, items);
  // Prefer reading by labels; when labels and values are out of step (PDF text puts a label after
  // its value) but the count of values is exactly the table's, read them in the template's order.
  let assignment: Map<string, ValueToken[]>;
  if (anchored.complete || values.length !== expected) assignment = anchored.byItem;
  else {
    assignment = new Map();
    let p = 0;
    for (const item of items) {
      assignment.set(item.key, values.slice(p, p + item.columns.length));
      p += item.columns.length;
    }
  }
  // Blanks as 0s: learnt once, for a table that prints no 0 in delimited rows (printsZerosBlank).
  let blanksAreZeros: boolean | undefined;
  const zerosBlank = () => (blanksAreZeros ??= !shape.runs && !shape.linesOnce && printsZerosBlank(values, matchLines, span) && zerosBlankHabit?.() !== undefined);
  for (const item of items) {
    let got: (ValueToken | undefined)[] = assignment.get(item.key) ?? [];
    const width = item.columns.length;
    const placed = got.length > 0 && got.length < width && zerosBlank() ? placeActiveBlanks(matchLines, span, item, got as ValueToken[]) : undefined;
    if (placed) {
      const line = got[0]!.line;
      const zeros = item.columns.filter((col, c) => placed[c] && isBlankCell(placed[c]!));
      for (const col of zeros) shape.decoded?.set(`active.${item.key}.${col.key}`, 'blank');
      if (zeros.length) warnings.push(`table 二: row "${item.label}" prints its zeros as blank cells, as the report's table 三 does (line ${line}): ${zeros.map((col) => col.label).join(', ')} read as 0`);
      item.columns.forEach((col, c) => {
        if (!placed[c]) warnings.push(`table 二: row "${item.label}" leaves ${col.label} blank (line ${line}); a count of what stands at the year's end may be one the office does not keep, so it is null`);
      });
      got = placed;
    } else if (got.length > 0 && (got.some((v) => v?.glued) || got.length !== width)) {
      const groups = groupsOf(got.map((v) => v!.raw));
      const line = got[0]!.line;
      if (shape.linesOnce && got.length < width && got.every((v) => !v!.glued && v!.value !== null)) {
        // A line may stand for several equal cells. Table 二 has no identity to choose between the
        // readings: only a row of 0s reads one way.
        const readings = expandRepeats(got.map((v) => v!.value!), width);
        if (readings.length === 0 || readings.some((r) => r.some((x) => x !== 0))) {
          const reads = readings.length > 1 ? `it reads as ${describeReadings(readings)}` : readings.length ? `it would read as ${describeReadings(readings)}, which no identity of table 二 can confirm` : 'no reading fits it';
          warnings.push(`table 二: row "${item.label}" prints "${groups.join(' ')}" (line ${line}) with equal cells next to each other printed once; ${reads}, so its cells are null`);
          continue;
        }
        got = readings[0].map((value) => ({ kind: 'value', value, raw: String(value), line }));
        for (const col of item.columns) shape.decoded?.set(`active.${item.key}.${col.key}`, 'repeats');
      } else {
        // Digits run together ("规范性文件1077"): read only where one split is possible. Outside a
        // body saved on one line, a number printed in a cell of its own is that number, never split
        // (a row of blank cells, "1" "12", is not 1, 1, 2).
        const whole = shape.runs ? undefined : got.flatMap((v) => groupsOf([v!.raw]).map(() => !v!.glued));
        const readings = splitGroups(groups, width, undefined, whole);
        if (readings && readings.length === 1) {
          got = readings[0].map((value) => ({ kind: 'value', value, raw: String(value), line }));
          for (const col of item.columns) shape.decoded?.set(`active.${item.key}.${col.key}`, 'run');
        } else if (!readings || readings.length === 0) {
          // No identity says what a lost cell held here: fewer digits than cells leave the row null.
          got = [];
          warnings.push(`table 二: row "${item.label}" prints "${groups.join(' ')}" (line ${line}), which cannot be read as its ${width} cells; they are null`);
        } else {
          warnings.push(`table 二: row "${item.label}" prints "${groups.join(' ')}" (line ${line}) with its cells run together; it reads as ${describeReadings(readings)}, so its cells are null`);
          recordAmbiguity(
            ambiguities,
            item.columns.map((col) => `active.${item.key}.${col.key}`),
            item.columns.map(() => line),
            readings,
            item.columns.map((col) => activeColumnKind(col.key)),
          );
          continue;
        }
        if (got.length === 0) continue;
      }
    }
    if (got.length === 0) warnings.push(`table 二: row "${item.label}" not found, its cells are null`);
    else if (got.length < width && !placed) warnings.push(`table 二: row "${item.label}" has ${got.length} of ${width} values; the rest are null`);
    item.columns.forEach((col, c) => {
      const v = got[c];
      if (!v) return;
      const path = `active.${item.key}.${col.key}`;
      table[item.key][col.key] = admitValue(v.value, activeColumnKind(col.key), () => ({ table: '二', row: item.label, column: col.label, path }), v.raw, v.line, warnings, v.impossible);
      sources[path] = v.line;
      if (v.value === null && !v.impossible) warnings.push(`table 二: ${item.label} ${col.label} is ${describe(v)} (line ${v.line}), read as null`);
    });
  }
  return { table, sources, warnings, found: true };
}

/**
 * Table 二's columns that count what stands at the year's end (in force, disclosed in total, items
 * last year): a blank there may be a count the office does not keep rather than a 0, and stays null.
 */
const STOCK_COLUMNS = new Set(['inForce', 'totalPublic', 'previous']);

/** The fields of a delimited line, trimmed, trailing blank fields dropped (as a reader may have). */
function delimitedFields(line: string): string[] | undefined {
  const sep = line.includes('\t') ? '\t' : line.includes('|') ? '|' : undefined;
  if (!sep) return undefined;
  const fields = line.replace(/^\s*\|/, '').replace(/\|\s*$/, '').split(sep).map((f) => f.trim());
  while (fields.length && !fields[fields.length - 1]) fields.pop();
  return fields;
}

/**
 * A table-二 row with fewer numbers than cells, in a report that prints its zeros as blanks: its
 * cells placed by the fields of its one delimited line, from the field after its label on (a reader
 * drops a row's trailing blank fields, never its inner ones), where the item's header line puts the
 * column labels in those very fields. A blank is 0, except in a stock column (STOCK_COLUMNS), left
 * undefined. Undefined when the row cannot be placed so: the reader leaves it null as before.
 */
function placeActiveBlanks(matchLines: string[], span: SectionSpan, item: ActiveItemDef, got: ValueToken[]): (ValueToken | undefined)[] | undefined {
  const lineNo = got[0].line;
  if (got.some((v) => v.line !== lineNo || v.glued || v.value === null)) return undefined;
  const fields = delimitedFields(matchLines[lineNo - 1]);
  if (!fields) return undefined;
  const label = fields.findIndex(Boolean);
  const isValue = (f: string) => parseValueCell(f)?.value != null && !/^0\d/.test(f);
  const width = item.columns.length;
  const cells = fields.slice(label + 1);
  if (label < 0 || isValue(fields[label]) || !labelKeys(item).some((k) => matchKey(fields[label]).startsWith(k))) return undefined;
  if (cells.length > width || cells.some((f) => f && !isValue(f)) || cells.filter(Boolean).length !== got.length) return undefined;
  // The header: the nearest line above naming the first column, each column in the row's own field.
  const first = labelKeys(item.columns[0]);
  for (let i = lineNo - 2; i > span.heading; i--) {
    const header = delimitedFields(matchLines[i]);
    if (!header?.some((f) => first.some((k) => matchKey(f).startsWith(k)))) continue;
    if (!item.columns.every((col, c) => labelKeys(col).some((k) => matchKey(header[label + 1 + c] ?? '').startsWith(k)))) return undefined;
    let next = 0;
    return item.columns.map((col, c) => {
      if (cells[c]) return got[next++];
      return STOCK_COLUMNS.has(col.key) ? undefined : { kind: 'value', value: 0, raw: '', line: lineNo };
    });
  }
  return undefined;
}

/**
 * Whether the report prints its zeros as blanks, as its table 三 shows (its identities, or its
 * words for a table all blank): table 三 read aside, for table 二, which is read before it.
 */
export function zerosBlankHabit(matchLines: string[], span: SectionSpan | undefined, template: TemplateId | null, shape: TableShape): TableShape['zerosBlank'] {
  const aside: TableShape = { runs: shape.runs, linesOnce: shape.linesOnce };
  readApplications(matchLines, span, template, {}, aside, []);
  return aside.zerosBlank;
}

function readActiveAnchored(tokens: Token[], items: ActiveItemDef[]): { byItem: Map<string, ValueToken[]>; complete: boolean } {
  const byItem = new Map<string, ValueToken[]>();
  const keys = items.map((i) => labelKeys(i));
  let current: ActiveItemDef | undefined;
  for (const t of tokens) {
    if (t.kind === 'text') {
      const k = matchKey(t.text);
      // The longest label the cell starts with: 行政规范性文件 before 规范性文件, 规章 alone.
      let best = -1;
      let bestLen = 0;
      keys.forEach((ks, i) => {
        for (const key of ks) if (k.startsWith(key) && key.length > bestLen && !byItem.has(items[i].key)) (best = i), (bestLen = key.length);
      });
      current = best >= 0 ? items[best] : undefined;
      if (current) byItem.set(current.key, []);
    } else if (current) {
      // Every value up to the next label: the reader decides what a row with too many means.
      byItem.get(current.key)!.push(t);
    }
  }
  const complete = items.every((i) => byItem.get(i.key)?.length === i.columns.length);
  return { byItem, complete };
}

// ── Section 三 ────────────────────────────────────────────────────────────────────────────────

const WIDTH = APPLICANT_COLUMNS.length;
/** "applications.<row>.<column>" by row and column index, built once rather than per cell. */
const APPLICATION_PATHS = APPLICATION_ROWS.map((r) => APPLICANT_COLUMNS.map((c) => `applications.${r.key}.${c.key}`));
/**
 * Per row, its （六） form: 0 none, 1 split, 2 whole. Read in the alignment's inner loop, where a
 * property load on the rows (objects of many shapes) was slow.
 */
const OTHER_FORM = Int8Array.from(APPLICATION_ROWS, (r) => (r.otherForm === 'split' ? 1 : r.otherForm === 'whole' ? 2 : 0));
/** Every row's label keys in one matcher, each with its row. */
const ROW_LABELS = APPLICATION_ROWS.flatMap((r, row) => labelKeys(r).map((key) => ({ row, key })));
const ROW_MATCHER = new LabelMatcher(ROW_LABELS.map((l) => l.key));

/** How well a text fits each row: its best label's similarity, 0 below one half. */
function rowSimilarities(text: string): number[] {
  const sims = ROW_MATCHER.similarities(text);
  const best = new Array<number>(APPLICATION_ROWS.length).fill(0);
  ROW_LABELS.forEach((l, k) => (best[l.row] = Math.max(best[l.row], sims[k])));
  return best.map((b) => (b < 0.5 ? 0 : b));
}

interface Chunk {
  row: number;
  start: number;
  /** 7; 1 when the row prints its total only; fewer when cells are missing. */
  width: number;
  /** False when the values cannot be told apart by column. */
  placed: boolean;
}

/**
 * Align the value stream to the template's rows (dynamic programming): each row takes seven values
 * (or a lone total), in the template's order; the texts before the values pull each row towards
 * its own label. Rows may be absent, stray values are skipped, and a report uses either the three
 * sub-rows of （六）其他处理 or the one undivided row, never both.
 */
function alignRows(values: LabelledValue[]): { chunks: Chunk[]; skipped: number[] } {
  const n = values.length;
  const R = APPLICATION_ROWS.length;
  // How well each value's preceding text fits each row: its own text when it starts a run, the
  // run's text (weighed less) when it sits inside a run of several rows.
  const fitOf = (text: string): number[] => {
    const sims = rowSimilarities(text);
    let first = 0;
    let second = 0;
    for (const s of sims) if (s > first) [first, second] = [s, first];
    else if (s > second) second = s;
    return sims.map((own) => {
      const other = own === first ? second : first;
      return 2 * own - 1.5 * Math.max(0, other - own);
    });
  };
  const runStart: number[] = [];
  const runSize: number[] = [];
  values.forEach((v, p) => {
    runStart[p] = p > 0 && values[p - 1].run === v.run ? runStart[p - 1] : p;
    runSize[v.run] = (runSize[v.run] ?? 0) + 1;
  });
  // labelFit[p * R + row], computed up front: the alignment asks for it at every state.
  const fitByText = new Map<string, number[]>();
  const labelFit = new Float64Array(n * R);
  for (let p = 0; p < n; p++) {
    const start = runStart[p];
    const text = values[start].label;
    let fit = fitByText.get(text);
    if (!fit) fitByText.set(text, (fit = fitOf(text)));
    for (let row = 0; row < R; row++) labelFit[p * R + row] = start === p ? fit[row] : 0.7 * Math.max(0, fit[row]);
  }

  // A run break inside a seven-value window costs: count breaks by prefix sums.
  const breaksBefore = new Int32Array(n + 1);
  for (let q = 1; q < n; q++) breaksBefore[q + 1] = breaksBefore[q] + (values[q].run !== values[q - 1].run ? 1 : 0);

  // best[state]: best score having used values < p and rows < j; f = 1 once a split （六） row is
  // used. Flat typed arrays: this loop is the parser's hot spot.
  const NEG = -1e9;
  const state = (p: number, j: number, f: number) => (p * (R + 1) + j) * 2 + f;
  const size = (n + 1) * (R + 1) * 2;
  const best = new Float64Array(size).fill(NEG);
  const backFrom = new Int32Array(size).fill(-1);
  /** What the step into a state did: 0 skip a value, 1 skip a row, else 2 + chunk width (+ 100 when placed). */
  const backStep = new Int32Array(size);
  const relax = (to: number, score: number, from: number, step: number) => {
    if (score > best[to]) {
      best[to] = score;
      backFrom[to] = from;
      backStep[to] = step;
    }
  };
  best[state(0, 0, 0)] = 0;
  for (let p = 0; p <= n; p++) {
    for (let j = 0; j <= R; j++) {
      for (let f = 0; f < 2; f++) {
        const from = state(p, j, f);
        const here = best[from];
        if (here === NEG) continue;
        if (p < n) relax(state(p + 1, j, f), here - 1.5, from, 0);
        if (j === R) continue;
        const form = OTHER_FORM[j];
        relax(state(p, j + 1, f), here - (form ? 0 : 0.6), from, 1);
        if (p === n || (form === 2 && f === 1)) continue;
        const nf = form === 1 ? 1 : f;
        const fit = labelFit[p * R + j];
        if (p + WIDTH <= n) {
          const breaks = breaksBefore[p + WIDTH] - breaksBefore[p + 1];
          relax(state(p + WIDTH, j + 1, nf), here + 1 + fit - 0.5 * breaks, from, 2 + WIDTH + 100);
        }
        const runLength = runSize[values[p].run];
        if (runStart[p] === p && runLength < WIDTH) {
          // A lone value is the row's total, unless a delimited row shows it standing left of
          // the total column; 2–6 values are a row with cells missing.
          const total = runLength === 1 && (values[p].leadingBlanks === undefined || values[p].leadingBlanks! >= WIDTH - 3);
          relax(state(p + runLength, j + 1, nf), here + (total ? 0.9 : 0.5) + fit, from, 2 + runLength + (total ? 100 : 0));
        }
      }
    }
  }
  let at = best[state(n, R, 1)] > best[state(n, R, 0)] ? state(n, R, 1) : state(n, R, 0);
  const chunks: Chunk[] = [];
  const skipped: number[] = [];
  while (backFrom[at] >= 0) {
    const from = backFrom[at];
    const step = backStep[at];
    const p = Math.floor(from / ((R + 1) * 2));
    const j = Math.floor(from / 2) % (R + 1);
    if (step === 0) skipped.push(p);
    else if (step > 1) chunks.push({ row: j, start: p, width: (step % 100) - 2, placed: step >= 100 });
    at = from;
  }
  return { chunks: chunks.reverse(), skipped: skipped.reverse() };
}

function sumParts(cells: (number | null)[]): number | null {
  const parts = cells.slice(0, WIDTH - 1);
  return parts.some((c) => c === null) ? null : parts.reduce<number>((a, b) => a + (b as number), 0);
}

function rowAddsUp(cells: (number | null)[]): boolean {
  const s = sumParts(cells);
  return s === null || cells[WIDTH - 1] === null || s === cells[WIDTH - 1];
}

/** Which form of （六）其他处理 a table prints: the one its rows show, else the format's usual one. */
function otherFormOf(rows: number[], template: TemplateId | null): 'split' | 'whole' {
  if (rows.some((r) => APPLICATION_ROWS[r].otherForm === 'split')) return 'split';
  if (rows.some((r) => APPLICATION_ROWS[r].otherForm === 'whole')) return 'whole';
  return template === '2019' ? 'whole' : 'split';
}

/** "共收到政府信息公开申请5件": the count the report's own words give, to choose between readings. */
const STATED_APPLICATIONS = /(?:收到|受理|新收|接收)[^。;；,，]{0,12}?(?:政府信息公开|依申请公开)?申请[^。;；,，\d]{0,6}?(\d+)\s*件/;

function statedApplications(matchLines: string[], span: SectionSpan): number | null {
  const before = matchLines.slice(0, span.heading).join('');
  const m = STATED_APPLICATIONS.exec(before);
  return m ? Number(m[1]) : null;
}

/**
 * The share of a label's character pairs found in the end of a text as long as the label (plus
 * two); 0 as soon as the pairs left cannot bring it up to `atLeast` (the caller keeps only a share
 * at least as high as its best so far).
 */
function tailSimilarity(key: string, text: string, atLeast = 0): number {
  if (key.length < 2) return 0;
  const tail = text.slice(-(key.length + 2));
  if (tail.includes(key)) return 1;
  const pairs = pairsOf(key);
  let found = 0;
  for (let i = 0; i < pairs.length; i++) {
    if (tail.includes(pairs[i])) found++;
    else if ((found + pairs.length - 1 - i) / (key.length - 1) < atLeast) return 0;
  }
  return found / (key.length - 1);
}

/** A label key's character pairs, in order with repeats, cut once per key (the keys are the template's). */
const pairsOfKey = new Map<string, string[]>();
function pairsOf(key: string): string[] {
  let pairs = pairsOfKey.get(key);
  if (!pairs) {
    pairs = [];
    for (let i = 0; i + 1 < key.length; i++) pairs.push(key.slice(i, i + 2));
    pairsOfKey.set(key, pairs);
  }
  return pairs;
}

/** True when a table-三 section prints runs of digits (or rows with more numbers than columns). */
function hasRuns(values: LabelledValue[]): boolean {
  if (values.some((v) => v.glued)) return true;
  const perRun = new Map<number, number>();
  for (const v of values) perRun.set(v.run, (perRun.get(v.run) ?? 0) + 1);
  return values.some((v) => v.value !== null && v.value >= 1000000 && perRun.get(v.run) === 1);
}

/**
 * Table 三 read row by row from its labels when its cells are run together (one-line bodies):
 * each row's digits are split every way the row allows (its six parts sum to its total), then the
 * rows are chosen together so the table's identities hold — results (一)…(六) sum to (七), and
 * 一 + 二 = (七) + 四 — and, where readings still differ, by the count the report states. A row
 * still ambiguous is null with its readings in a warning; a report that does not add up as
 * published is read as published wherever a row has only one reading, and its checks fail.
 */
function readApplicationsByLabels(
  values: LabelledValue[],
  matchLines: string[],
  span: SectionSpan,
  template: TemplateId | null,
  sources: Record<string, number>,
  warnings: string[],
  shape: TableShape,
  ambiguities: Ambiguity[],
  linesOnce = false,
): TableRead<Record<string, Cells | null>> & { form: 'split' | 'whole' | null } {
  // Runs of values with their label, each placed on the next row whose label fits it best.
  const runs: { run: number; label: string; groups: string[]; line: number }[] = [];
  for (const v of values) {
    const last = runs[runs.length - 1];
    if (last && last.run === v.run) last.groups.push(...groupsOf([v.raw]));
    else runs.push({ run: v.run, label: v.label, groups: groupsOf([v.raw]), line: v.line });
  }
  const placed = new Map<number, { groups: string[]; line: number }>();
  let after = -1;
  for (const run of runs) {
    // The text before a run may hold several labels (rows whose cells were lost, a group
    // heading): the label that ends the text is the run's, so each row's label is compared with
    // the text's tail of the label's own length.
    let best = -1;
    let bestScore = 0.75;
    for (let r = after + 1; r < APPLICATION_ROWS.length; r++) {
      for (const key of labelKeys(APPLICATION_ROWS[r])) {
        const sc = tailSimilarity(key, run.label, bestScore);
        if (sc > bestScore || (sc === bestScore && best >= 0 && sc > 0.75 && key.length > labelKeys(APPLICATION_ROWS[best])[0].length)) (best = r), (bestScore = sc);
      }
    }
    if (best < 0) {
      warnings.push(`table 三: values "${run.groups.join(' ')}" at line ${run.line} under "${run.label.slice(-20)}" match no row of the template and were ignored`);
      continue;
    }
    placed.set(best, { groups: run.groups, line: run.line });
    after = best;
  }
  const form = otherFormOf([...placed.keys()], template);

  // Each row's readings: the splits whose parts sum to the total; else the one split there is.
  const candidates = new Map<number, number[][]>();
  placed.forEach(({ groups, line }, r) => {
    const label = APPLICATION_ROWS[r].label;
    // Printed once, a line may stand for several equal cells; else digits may hold several cells.
    const all = linesOnce ? expandRepeats(groups.map(Number), WIDTH) : splitRun(groups, WIDTH);
    if (all === null) {
      warnings.push(`table 三: row "${label}" prints "${groups.join(' ')}" (line ${line}), which allows too many readings; its cells are null`);
      return;
    }
    if (all.length === 0) {
      if (allZero(groups)) {
        warnings.push(`table 三: row "${label}" prints ${groups.join('').length} zeros for ${WIDTH} cells (line ${line}); counts are never negative, so every cell is 0`);
        candidates.set(r, [new Array(WIDTH).fill(0)]);
      } else warnings.push(`table 三: row "${label}" prints "${groups.join(' ')}" (line ${line}), which cannot be read as its ${WIDTH} cells; they are null`);
      return;
    }
    const adding = all.filter((c) => rowAddsUp(c));
    if (adding.length) candidates.set(r, adding);
    // One split is the row as published; one expansion of a short row is only a guess.
    else if (all.length === 1 && (!linesOnce || groups.length === WIDTH)) candidates.set(r, all);
    else warnings.push(`table 三: row "${label}" prints "${groups.join(' ')}" (line ${line}); no reading of it adds up (${describeReadings(all)}), so its cells are null`);
  });

  // The rows chosen together: every combination of the ambiguous rows' readings, bounded.
  const rowIndex = (key: string) => APPLICATION_ROWS.findIndex((r) => r.key === key);
  const resultRows = APPLICATION_ROWS.map((r, i) => i).filter((i) => APPLICATION_ROWS[i].result && (!APPLICATION_ROWS[i].otherForm || APPLICATION_ROWS[i].otherForm === form));
  const [nNew, nOld, nTotal, nForward] = ['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].map(rowIndex);
  const ambiguous = [...candidates.entries()].filter(([, c]) => c.length > 1).map(([r]) => r);
  const combos = ambiguous.reduce((n, r) => n * candidates.get(r)!.length, 1);
  const consistent = (pick: Map<number, number[]>) => {
    const row = (r: number) => pick.get(r) ?? (candidates.get(r)?.length === 1 ? candidates.get(r)![0] : undefined);
    for (let c = 0; c < WIDTH; c++) {
      const total = row(nTotal);
      const results = resultRows.map(row);
      if (total && results.every(Boolean) && results.reduce((a, x) => a + x![c], 0) !== total[c]) return false;
      const [a, b, d] = [row(nNew), row(nOld), row(nForward)];
      if (a && b && total && d && a[c] + b[c] !== total[c] + d[c]) return false;
    }
    return true;
  };
  const solutions: Map<number, number[]>[] = [];
  if (ambiguous.length && combos <= 50000) {
    const pick = new Map<number, number[]>();
    const walk = (k: number) => {
      if (k === ambiguous.length) {
        if (consistent(pick)) solutions.push(new Map(pick));
        return;
      }
      for (const c of candidates.get(ambiguous[k])!) {
        pick.set(ambiguous[k], c);
        walk(k + 1);
      }
    };
    walk(0);
  }
  let chosen = solutions;
  if (solutions.length > 1 && ambiguous.includes(nNew)) {
    const stated = statedApplications(matchLines, span);
    const agreeing = solutions.filter((sol) => sol.get(nNew)![WIDTH - 1] === stated);
    if (stated !== null && agreeing.length) {
      chosen = agreeing;
      if (agreeing.length < solutions.length) warnings.push(`table 三: of the readings that add up, the one with ${stated} new applications was taken, as the report's text states`);
    }
  }
  // The rows the readings still differ on, chosen together: one entry of the record's ambiguities.
  const undecided = ambiguous.filter((r) => (!APPLICATION_ROWS[r].otherForm || APPLICATION_ROWS[r].otherForm === form) && new Set(chosen.map((sol) => sol.get(r)!.join(','))).size > 1);
  if (undecided.length) {
    const joint = [...new Set(chosen.map((sol) => undecided.map((r) => sol.get(r)!.join(',')).join(',')))].map((x) => x.split(',').map(Number));
    recordAmbiguity(
      ambiguities,
      undecided.flatMap((r) => APPLICATION_PATHS[r]),
      undecided.flatMap((r) => APPLICANT_COLUMNS.map(() => placed.get(r)!.line)),
      joint,
      joint[0].map((): ValueKind => 'count'),
    );
  }
  for (const r of ambiguous) {
    const readings = [...new Set(chosen.map((sol) => sol.get(r)!.join(',')))];
    const label = APPLICATION_ROWS[r].label;
    const { groups, line } = placed.get(r)!;
    if (readings.length === 1) candidates.set(r, [readings[0].split(',').map(Number)]);
    else {
      const shown = readings.length ? readings.map((x) => x.split(',').map(Number)) : candidates.get(r)!;
      warnings.push(`table 三: row "${label}" prints "${groups.join(' ')}" (line ${line}) and reads as ${describeReadings(shown)}; ${readings.length ? 'the table adds up either way' : 'no choice makes the table add up'}, so its cells are null`);
      candidates.delete(r);
    }
  }

  const table: Record<string, Cells | null> = {};
  APPLICATION_ROWS.forEach((row, r) => {
    if (row.otherForm && row.otherForm !== form) {
      table[row.key] = null;
      return;
    }
    const cells = nullCells(APPLICANT_COLUMNS);
    table[row.key] = cells;
    const reading = candidates.get(r);
    if (!placed.has(r)) warnings.push(`table 三: row "${row.label}" not found, its cells are null`);
    if (!reading || reading.length !== 1) return;
    const { line, groups } = placed.get(r)!;
    APPLICANT_COLUMNS.forEach((col, c) => {
      cells[col.key] = admitValue(reading[0][c], 'count', () => ({ table: '三', row: row.label, column: col.label, path: APPLICATION_PATHS[r][c] }), String(reading[0][c]), line, warnings);
      sources[APPLICATION_PATHS[r][c]] = line;
      if (groups.length !== WIDTH) shape.decoded?.set(APPLICATION_PATHS[r][c], linesOnce ? 'repeats' : 'run');
    });
  });
  return { table, sources, warnings, found: true, form };
}

export function readApplications(
  matchLines: string[],
  span: SectionSpan | undefined,
  template: TemplateId | null,
  sources: Record<string, number> = {},
  shape: TableShape = {},
  ambiguities: Ambiguity[] = [],
): TableRead<Record<string, Cells | null>> & { form: 'split' | 'whole' | null } {
  const warnings: string[] = [];
  const table: Record<string, Cells | null> = {};
  const emptyTable = () => {
    for (const row of APPLICATION_ROWS) {
      const absentForm = template === '2019' ? 'split' : 'whole';
      table[row.key] = row.otherForm === absentForm ? null : nullCells(APPLICANT_COLUMNS);
    }
  };
  if (!span) {
    emptyTable();
    return { table, sources, warnings: ['section 三 (收到和处理政府信息公开申请情况) not found: its table is null'], found: false, form: null };
  }
  const values = labelledValues(tokenize(matchLines, span.heading + 1, span.end));
  if (values.length === 0) {
    const idle = printsZerosBlank(values, matchLines, span) ? readIdleApplications(matchLines, span, template, sources, shape) : undefined;
    if (idle) return idle;
    emptyTable();
    return { table, sources, warnings: ['table 三 (申请情况) missing: no values in section 三, its cells are null'], found: false, form: null };
  }

  if (hasRuns(values)) return readApplicationsByLabels(values, matchLines, span, template, sources, warnings, shape, ambiguities);
  if (shape.linesOnce) {
    warnings.push('table 三 is printed one cell per line with equal lines next to each other printed once: a row of fewer than 7 lines is read where the identities allow one reading');
    return readApplicationsByLabels(values, matchLines, span, template, sources, warnings, shape, ambiguities, true);
  }
  if (printsZerosBlank(values, matchLines, span)) {
    // Read with the blanks as 0s; kept only where every row and every identity of the table then
    // holds (a blank the office left for a number it did not know would break one).
    const trialWarnings: string[] = [];
    const trialSources: Record<string, number> = {};
    const trialDecoded = new Map<string, 'blank'>();
    const blanks = labelledValues(tokenize(matchLines, span.heading + 1, span.end, { width: WIDTH, rowLabel: isRowLabel }));
    const trial = readApplicationsAligned(blanks, template, trialSources, trialWarnings, trialDecoded);
    // Every printed number placed in a row (a blank row made of a stray label would add up too).
    const printed = blanks.filter((v) => !isBlankCell(v)).length;
    if (trialDecoded.size && trial.skipped === 0 && printed === values.length && applicationsAddUp(trial.table)) {
      Object.assign(sources, trialSources);
      for (const [path, how] of trialDecoded) shape.decoded?.set(path, how);
      shape.zerosBlank = 'identities';
      warnings.push(
        `table 三 prints its zeros as blank cells (no 0 is printed in it); its ${trialDecoded.size} blank cells were read as 0 because every row and every identity of the table then holds`,
        ...trialWarnings,
      );
      return { ...trial, sources, warnings };
    }
  }
  return readApplicationsAligned(values, template, sources, warnings);
}

/**
 * A clause saying that no application came in this year: "我局未收到政府信息公开申请", "本办事处未接到
 * 政府信息公开申请", "2022年未收到有关申请", "未收到依申请公开事宜", "暂未接到群众对依申请公开信息申请"
 * (the corpora's words), or a count of 0: "共收到政府信息公开申请0件", "共受理依申请公开 0 件",
 * "收到依申请公开事项0项". Only words that name applications as a whole: "未收到涉密的申请" says nothing
 * of the others. Bounded quantifiers only (the clause may be a hostile line of 10^6 characters).
 */
const NO_APPLICATION =
  /(?:未|没有)(?:收到|接到|受理|接收)过?(?:任何|有关|相关)?(?:(?:群众|公民|公众|社会公众)(?:提出|提交)?的?对?)?(?:(?:政府信息公开|信息公开|公开政府信息|依申请公开(?:政府)?信息|政府信息)?类?的?申请(?!人)|依申请公开(?:的)?(?:事宜|事项|申请)?)/;
const ZERO_APPLICATIONS = /(?:收到|受理|新收|接收|接到)[^，,。；;\d]{0,16}?申请[^，,。；;\d]{0,8}?0 ?[件项]/;
/** Clauses about reviews, lawsuits, complaints or a reply awaited, whose "申请" is not an application for information. */
const NOT_ABOUT_APPLICATIONS = /复议|诉讼|举报|投诉|申诉|补正/;
/** Words of an application carried over, put off or handled: any of them leaves an all-blank table 三 unconfirmed. */
const CARRIED = /结转|顺延|延期|上年度?(?:未办结|遗留)/;
/** A count that is not 0 ("3件", "12 项", "一件"); the lookbehind starts it at its first digit. */
const SOME_COUNT = /(?<!\d)[1-9]\d{0,8} ?[件项]|[一二两三四五六七八九十] ?件/;

/**
 * The line of the report's words that confirm an all-blank table 三 is all 0s, or undefined. They
 * must say that no application came in this year, and nowhere tell of one carried over, put off or
 * handled, or count applications other than 0: 0 new applications alone leave 上年结转 open, and an
 * office that carried one over (or left its table unfilled) would say so in its account of the year.
 * Read: every line but table 三's own rows (its labels speak of 结转).
 */
function textConfirmsIdle(matchLines: string[], span: SectionSpan): number | undefined {
  let stated: number | undefined;
  for (let i = 0; i < matchLines.length; i++) {
    const line = matchLines[i];
    if (i > span.heading && i < span.end && (line.includes('\t') || line.includes('|') || (line.length <= 200 && isRowLabel(line.trim())))) continue;
    if (!line.includes('申请') && !CARRIED.test(line)) continue;
    for (const clause of line.split(/[，,。；;！!？?]/)) {
      if (CARRIED.test(clause)) return undefined;
      if (!clause.includes('申请')) continue;
      if (SOME_COUNT.test(clause)) return undefined;
      if (NOT_ABOUT_APPLICATIONS.test(clause)) continue;
      if (stated === undefined && (NO_APPLICATION.test(clause) || ZERO_APPLICATIONS.test(clause))) stated = i + 1;
    }
  }
  return stated;
}

/**
 * Table 三 printed all blank, in a delimited table (a site that prints its zeros as blanks, or an
 * office that left its table unfilled): no identity can tell the two apart, so the blanks are read as
 * 0s only where the report's words confirm it (textConfirmsIdle) and every row of the table is
 * printed; else undefined, and the table is missing as before.
 */
function readIdleApplications(
  matchLines: string[],
  span: SectionSpan,
  template: TemplateId | null,
  sources: Record<string, number>,
  shape: TableShape,
): (TableRead<Record<string, Cells | null>> & { form: 'split' | 'whole' | null }) | undefined {
  const line = textConfirmsIdle(matchLines, span);
  if (line === undefined) return undefined;
  const blanks = labelledValues(tokenize(matchLines, span.heading + 1, span.end, { width: WIDTH, rowLabel: isRowLabel }));
  const trialSources: Record<string, number> = {};
  const decoded = new Map<string, 'blank'>();
  const trial = readApplicationsAligned(blanks, template, trialSources, [], decoded);
  // Every row found and read in full (applicationsAddUp: no cell null), every blank placed.
  if (!decoded.size || trial.skipped || !applicationsAddUp(trial.table)) return undefined;
  Object.assign(sources, trialSources);
  for (const [path, how] of decoded) shape.decoded?.set(path, how);
  shape.zerosBlank = 'text';
  const warning = `table 三 prints every cell blank, and the report's text states that no application came in (line ${line}) and tells of none carried over or handled: its ${decoded.size} blank cells are read as 0`;
  return { table: trial.table, sources, warnings: [warning], found: true, form: trial.form };
}

/**
 * True when a table prints no 0 in its values and is delimited (tab fields, `|` cells): a site that
 * prints its zeros as blank cells, whose blanks hold their places in the row.
 */
function printsZerosBlank(values: ValueToken[], matchLines: string[], span: SectionSpan): boolean {
  if (values.some((v) => v.value === 0 || v.glued)) return false;
  // Rows of delimited cells, not one cell per line (Word's text export starts each with a tab).
  let rows = 0;
  for (let i = span.heading + 1; i < span.end; i++) {
    const line = matchLines[i].trim();
    if (!line) continue;
    if (parseValueCell(line)) return false;
    if (line.includes('\t') || line.includes('|')) rows++;
  }
  return rows > 0;
}

/** A text that is a row label of table 三 (one of a line's cells). */
function isRowLabel(text: string): boolean {
  return rowSimilarities(matchKey(text)).some((s) => s >= 0.8);
}

/** Every printed row read in full, and every identity of table 三 holding. */
function applicationsAddUp(table: Record<string, Cells | null>): boolean {
  if (Object.values(table).some((cells) => cells && Object.values(cells).some((v) => v === null))) return false;
  const noReview = Object.fromEntries(REVIEW_GROUPS.map((g) => [g.key, nullCells(REVIEW_COLUMNS)]));
  return computeChecks(table, noReview).every((c) => c.ok);
}

/** Table 三 by the alignment of its values to the template's rows (alignRows). */
function readApplicationsAligned(
  values: LabelledValue[],
  template: TemplateId | null,
  sources: Record<string, number>,
  warnings: string[],
  decoded?: Map<string, 'blank'>,
): TableRead<Record<string, Cells | null>> & { form: 'split' | 'whole' | null; skipped: number } {
  const table: Record<string, Cells | null> = {};
  const { chunks, skipped } = alignRows(values);
  for (const s of skipped) {
    const v = values[s];
    if (v.label) warnings.push(`table 三: values at line ${v.line} under "${v.label.slice(0, 30)}" match no row of the template and were ignored`);
  }
  if (skipped.length && !skipped.some((s) => values[s].label)) warnings.push(`table 三: ${skipped.length} stray value(s) ignored`);

  // Rows taken one after another from one run of values were printed as a block; PDF text can
  // give such a block column by column. Read it so only when that makes every row add up.
  const rowsOf = new Map<number, (ValueToken | undefined)[]>();
  for (let c = 0; c < chunks.length; ) {
    let end = c + 1;
    while (
      end < chunks.length &&
      chunks[end].width === WIDTH &&
      chunks[end - 1].width === WIDTH &&
      chunks[end].start === chunks[end - 1].start + WIDTH &&
      values[chunks[end].start].run === values[chunks[end - 1].start].run
    )
      end++;
    const block = chunks.slice(c, end);
    const rowMajor = block.map((ch): (ValueToken | undefined)[] => {
      if (ch.width === WIDTH) return values.slice(ch.start, ch.start + WIDTH);
      if (ch.placed) return [...Array(WIDTH - 1).fill(undefined), values[ch.start]];
      const got = values.slice(ch.start, ch.start + ch.width);
      const label = APPLICATION_ROWS[ch.row].label;
      if (ch.width === WIDTH - 1 && got.every((v) => v.value === 0)) {
        // Six zeros and one blank: whichever cell is blank, total = sum of parts makes it 0.
        warnings.push(`table 三: row "${label}" has six 0s and one blank cell (line ${got[0].line}); the blank is 0 too`);
        return Array.from({ length: WIDTH }, () => ({ ...got[0], raw: '0' }));
      }
      warnings.push(`table 三: row "${label}" has ${ch.width} of ${WIDTH} values (line ${got[0].line}); which columns they belong to cannot be told, so its cells are null`);
      return Array(WIDTH).fill(undefined);
    });
    const adds = (rows: (ValueToken | undefined)[][]) => rows.every((r) => rowAddsUp(r.map((v) => v?.value ?? null)));
    let chosen = rowMajor;
    if (block.length > 1 && !adds(rowMajor)) {
      // The column-by-column part may be any stretch of the block's rows: try the longest first.
      search: for (let len = block.length; len >= 2; len--) {
        for (let a = 0; a + len <= block.length; a++) {
          if (block.slice(a, a + len).some((ch) => ch.width !== WIDTH)) continue;
          const flat = values.slice(block[a].start, block[a].start + len * WIDTH);
          const transposed = Array.from({ length: len }, (_, r) => Array.from({ length: WIDTH }, (_, col) => flat[col * len + r]));
          const candidate = [...rowMajor.slice(0, a), ...transposed, ...rowMajor.slice(a + len)];
          if (adds(candidate)) {
            chosen = candidate;
            warnings.push(`table 三: ${len} rows from line ${flat[0].line} were printed column by column; read so because only then do they add up`);
            break search;
          }
        }
      }
    }
    block.forEach((ch, i) => rowsOf.set(ch.row, chosen[i]));
    c = end;
  }

  const form = otherFormOf(chunks.map((c) => c.row), template);
  APPLICATION_ROWS.forEach((row, r) => {
    if (row.otherForm && row.otherForm !== form) {
      table[row.key] = null;
      return;
    }
    const cells = nullCells(APPLICANT_COLUMNS);
    table[row.key] = cells;
    const got = rowsOf.get(r);
    if (!got) {
      warnings.push(`table 三: row "${row.label}" not found, its cells are null`);
      return;
    }
    if (got.every((v) => v === undefined)) return;
    const blanks: string[] = [];
    // Cells that printed a value no count can hold: null, and never filled in below.
    const impossible = new Set<string>();
    APPLICANT_COLUMNS.forEach((col, c) => {
      const v = got[c];
      if (!v) return;
      cells[col.key] = admitValue(v.value, 'count', () => ({ table: '三', row: row.label, column: col.label, path: APPLICATION_PATHS[r][c] }), v.raw, v.line, warnings, v.impossible);
      sources[APPLICATION_PATHS[r][c]] = v.line;
      if (decoded && isBlankCell(v)) decoded.set(APPLICATION_PATHS[r][c], 'blank');
      if (cells[col.key] === null && (v.value !== null || v.impossible)) impossible.add(col.key);
      else if (v.value === null) blanks.push(`${col.label} ${describe(v)}`);
    });
    const parts = APPLICANT_COLUMNS.slice(0, -1);
    const partsMissing = parts.every((col) => cells[col.key] === null);
    if (cells.total === 0 && parts.some((col) => cells[col.key] === null) && parts.every((col) => !cells[col.key])) {
      // Counts are never negative: a total of 0 means 0 in every applicant column.
      for (const col of parts) if (!impossible.has(col.key)) cells[col.key] ??= 0;
      warnings.push(`table 三: row "${row.label}" leaves applicant columns blank beside a total of 0 (line ${got[WIDTH - 1]!.line}); they are 0`);
    } else if (partsMissing && got.filter(Boolean).length === 1) {
      // The applicant cells were printed blank on the total's line: the report's omission.
      APPLICANT_COLUMNS.forEach((col, c) => (sources[APPLICATION_PATHS[r][c]] ??= got[WIDTH - 1]!.line));
      warnings.push(`table 三: row "${row.label}" prints only its total (line ${got[WIDTH - 1]!.line}); the applicant columns are null`);
    } else if (blanks.length) {
      warnings.push(`table 三: row "${row.label}" has ${blanks.join(', ')}, read as null`);
    }
  });
  return { table, sources, warnings, found: true, form, skipped: skipped.length };
}

// ── Section 四 ────────────────────────────────────────────────────────────────────────────────

const REVIEW_WIDTH = REVIEW_GROUPS.length * REVIEW_COLUMNS.length;
const REVIEW_PATHS = REVIEW_GROUPS.map((g) => REVIEW_COLUMNS.map((c) => `reviewLitigation.${g.key}.${c.key}`));
/** Words only one litigation group's header carries: group index → key. */
const LITIGATION_KEYS: [number, string][] = [
  [1, matchKey('未经复议直接起诉')],
  [2, matchKey('复议后起诉')],
];

function reviewAddsUp(vals: (number | null)[]): boolean {
  for (let g = 0; g < REVIEW_GROUPS.length; g++) {
    const cells = vals.slice(g * 5, g * 5 + 5);
    if (cells.some((c) => c === null)) continue;
    if ((cells[0] as number) + (cells[1] as number) + (cells[2] as number) + (cells[3] as number) !== cells[4]) return false;
  }
  return true;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

export function readReviewLitigation(
  matchLines: string[],
  span: SectionSpan | undefined,
  sources: Record<string, number> = {},
  shape: TableShape = {},
  ambiguities: Ambiguity[] = [],
): TableRead<Record<string, Cells>> {
  const table: Record<string, Cells> = Object.fromEntries(REVIEW_GROUPS.map((g) => [g.key, nullCells(REVIEW_COLUMNS)]));
  const warnings: string[] = [];
  if (!span) return { table, sources, warnings: ['section 四 (行政复议、行政诉讼情况) not found: its table is null'], found: false };
  let values = labelledValues(tokenize(matchLines, span.heading + 1, span.end));
  if (values.length === 0 && shape.zerosBlank && printsZerosBlank(values, matchLines, span)) {
    // Table 三 showed that this report prints its zeros as blanks, and table 四 is printed (its
    // header's cells delimited) with every cell blank: none is negative, so each is 0.
    warnings.push(
      shape.zerosBlank === 'text'
        ? 'table 四 prints every cell blank, as table 三 does, whose blanks the report\'s text confirms are 0s; its cells are 0'
        : 'table 四 prints every cell blank, and the report prints its zeros as blanks (table 三 adds up so); its cells are 0',
    );
    REVIEW_GROUPS.forEach((g, gi) =>
      REVIEW_COLUMNS.forEach((c, ci) => {
        table[g.key][c.key] = 0;
        shape.decoded?.set(REVIEW_PATHS[gi][ci], 'blank');
      }),
    );
    return { table, sources, warnings, found: true };
  }
  if (values.length === 0) return { table, sources, warnings: ['table 四 (行政复议、行政诉讼) missing: no values in section 四, its cells are null'], found: false };
  if (values.some((v) => v.glued) || (values.length > REVIEW_WIDTH && values.length <= 3 * REVIEW_WIDTH)) {
    return readReviewRuns(values, table, sources, warnings, shape, ambiguities);
  }
  if (shape.linesOnce && values.length < REVIEW_WIDTH && values.every((v) => v.value !== null)) {
    return readReviewRuns(values, table, sources, warnings, shape, ambiguities, true);
  }
  if (values.length < REVIEW_WIDTH && printsZerosBlank(values, matchLines, span)) {
    // Blanks kept in their places read as 0s where each group then adds up (as for table 三).
    const blanks = labelledValues(tokenize(matchLines, span.heading + 1, span.end, { width: REVIEW_WIDTH, valuesOnly: true }));
    const filled = blanks.filter(isBlankCell).length;
    if (blanks.length === REVIEW_WIDTH && filled && blanks.every((v) => v.value !== null) && reviewAddsUp(blanks.map((v) => v.value))) {
      warnings.push(`table 四 prints its zeros as blank cells (no 0 is printed in it); its ${filled} blank cells were read as 0 because each group then adds up`);
      blanks.forEach((v, i) => isBlankCell(v) && shape.decoded?.set(REVIEW_PATHS[Math.floor(i / REVIEW_COLUMNS.length)][i % REVIEW_COLUMNS.length], 'blank'));
      values = blanks;
    }
  }
  if (values.length < REVIEW_WIDTH) {
    warnings.push(`table 四 has ${values.length} values where the template has ${REVIEW_WIDTH}: its cells are null`);
    return { table, sources, warnings, found: true };
  }
  let chosen: ValueToken[] = values.slice(0, REVIEW_WIDTH);
  if (values.length > REVIEW_WIDTH) warnings.push(`table 四 has ${values.length} values, more than the template's ${REVIEW_WIDTH}: the first ${REVIEW_WIDTH} were read`);
  else if (!reviewAddsUp(chosen.map((v) => v.value))) {
    // PDF text can split the row into pieces out of order. Try the orders of the pieces: one
    // order that adds up is the reading; several are ambiguous; none means the report's own sums
    // are wrong, and it is kept as printed for the checks to show.
    const runs: LabelledValue[][] = [];
    for (const v of values) (runs[v.run] ??= []).push(v);
    const pieces = runs.filter(Boolean);
    if (pieces.length > 1 && pieces.length <= 6) {
      // Between orders that add up, prefer the one that puts pieces under the litigation group their
      // own header names ("复议后起诉"), then the one closest to the printed order.
      const pointsTo = (label: string) => {
        const hits = LITIGATION_KEYS.filter(([, key]) => label.includes(key));
        return hits.length === 1 ? hits[0][0] : undefined;
      };
      let bestScore = -Infinity;
      const readings = new Map<string, ValueToken[]>();
      for (const order of permutations(pieces)) {
        const flat = order.flat();
        if (!reviewAddsUp(flat.map((v) => v.value))) continue;
        // Score: pieces under the header they name (the first piece's text is the whole table
        // header, so it names nothing), then fewer pieces moved from where they were printed.
        let score = 0;
        let at = 0;
        for (const piece of order) {
          if (piece !== pieces[0] && pointsTo(piece[0].label) === Math.floor(at / REVIEW_COLUMNS.length)) score += 100;
          at += piece.length;
        }
        order.forEach((a, i) => order.slice(i + 1).forEach((b) => pieces.indexOf(a) > pieces.indexOf(b) && score--));
        if (score > bestScore) readings.clear();
        if (score >= bestScore) {
          bestScore = score;
          readings.set(flat.map((v) => v.value).join(','), flat);
        }
      }
      if (readings.size === 1) {
        chosen = [...readings.values()][0];
        warnings.push('table 四: its values were printed out of order; read in the one order in which each group adds up and sits under its own header');
      } else if (readings.size > 1) {
        warnings.push(`table 四: its values were printed out of order and ${readings.size} orders add up; its cells are null`);
        return { table, sources, warnings, found: true };
      }
    }
  }
  REVIEW_GROUPS.forEach((g, gi) =>
    REVIEW_COLUMNS.forEach((c, ci) => {
      const v = chosen[gi * REVIEW_COLUMNS.length + ci];
      table[g.key][c.key] = admitValue(v.value, 'count', () => ({ table: '四', row: g.label, column: c.label, path: REVIEW_PATHS[gi][ci] }), v.raw, v.line, warnings, v.impossible);
      sources[REVIEW_PATHS[gi][ci]] = v.line;
      if (v.value === null && !v.impossible) warnings.push(`table 四: ${g.label} ${c.label} is ${describe(v)}, read as null`);
    }),
  );
  return { table, sources, warnings, found: true };
}

/**
 * Table 四 with its cells run together ("000000000000000", "21317000001324019", "0 00 0 0 0 …"):
 * the splits into fifteen numbers in which each group's four parts sum to its total. One such
 * split is the reading; several leave the groups they disagree on null; none leaves the table as
 * published where only one split exists at all (its check then fails), else null.
 */
function readReviewRuns(
  values: LabelledValue[],
  table: Record<string, Cells>,
  sources: Record<string, number>,
  warnings: string[],
  shape: TableShape,
  ambiguities: Ambiguity[],
  linesOnce = false,
): TableRead<Record<string, Cells>> {
  const groups = groupsOf(values.map((v) => v.raw));
  const line = values[0].line;
  const shown = groups.join(' ');
  // Printed once, a line may stand for several equal cells (expandRepeats); else digits may hold several.
  const all = linesOnce ? expandRepeats(values.map((v) => v.value!), REVIEW_WIDTH) : splitRun(groups, REVIEW_WIDTH);
  if (linesOnce) warnings.push(`table 四 prints ${values.length} line(s) for its ${REVIEW_WIDTH} cells, equal cells next to each other printed once (line ${line}); read where each group adds up one way`);
  let readings: number[][] = [];
  /** False when the readings kept are splits none of which adds up: no ambiguity is recorded then. */
  let identitiesHold = false;
  if (all === null) warnings.push(`table 四 prints "${shown}" (line ${line}), which allows too many readings; its cells are null`);
  else if (all.length === 0) {
    if (allZero(groups)) {
      readings = [new Array(REVIEW_WIDTH).fill(0)];
      warnings.push(`table 四 prints ${groups.join('').length} zeros for ${REVIEW_WIDTH} cells (line ${line}); counts are never negative, so every cell is 0`);
    } else warnings.push(`table 四 prints "${shown}" (line ${line}), which cannot be read as its ${REVIEW_WIDTH} cells; they are null`);
  } else {
    const adding = all.filter((r) => reviewAddsUp(r));
    identitiesHold = adding.length > 0;
    if (adding.length) readings = adding;
    else if (linesOnce) warnings.push(`table 四 prints "${shown}" (line ${line}); no reading of it adds up (${describeReadings(all)}), so its cells are null`);
    else {
      // No reading adds up: a group that reads the same in every split is read as published.
      readings = all;
      if (all.length > 1) warnings.push(`table 四 prints "${shown}" (line ${line}); no reading of it adds up (${describeReadings(all)}): only groups that read the same in every split are read`);
    }
  }
  const G = REVIEW_COLUMNS.length;
  const undecided = REVIEW_GROUPS.map((g, gi) => gi).filter((gi) => new Set(readings.map((r) => r.slice(gi * G, gi * G + G).join(','))).size > 1);
  if (identitiesHold && undecided.length) {
    const joint = [...new Set(readings.map((r) => undecided.flatMap((gi) => r.slice(gi * G, gi * G + G)).join(',')))].map((x) => x.split(',').map(Number));
    const cells = undecided.flatMap((gi) => REVIEW_PATHS[gi]);
    recordAmbiguity(ambiguities, cells, cells.map(() => line), joint, cells.map((): ValueKind => 'count'));
  }
  REVIEW_GROUPS.forEach((g, gi) => {
    const options = [...new Set(readings.map((r) => r.slice(gi * G, gi * G + G).join(',')))];
    if (options.length !== 1) {
      if (options.length > 1) warnings.push(`table 四: ${g.label} reads as ${options.slice(0, 4).join(' or ')} from "${shown}" (line ${line}); its cells are null`);
      return;
    }
    const cells = options[0].split(',').map(Number);
    REVIEW_COLUMNS.forEach((c, ci) => {
      table[g.key][c.key] = admitValue(cells[ci], 'count', () => ({ table: '四', row: g.label, column: c.label, path: REVIEW_PATHS[gi][ci] }), String(cells[ci]), line, warnings);
      sources[REVIEW_PATHS[gi][ci]] = line;
      if (groups.length !== REVIEW_WIDTH) shape.decoded?.set(REVIEW_PATHS[gi][ci], linesOnce ? 'repeats' : 'run');
    });
  });
  return { table, sources, warnings, found: true };
}
