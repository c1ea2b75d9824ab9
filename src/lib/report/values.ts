/**
 * Values no cell can hold. The tables count documents, decisions, applications and cases: a count
 * is a whole number, never negative, and at most Number.MAX_SAFE_INTEGER (2^53 − 1; beyond it a
 * number is not even stored exactly: 9007199254740993 becomes …992). Two kinds of cell differ:
 * amounts (收费金额, 采购总金额, in 万元) keep their decimals, and the 2019 format's 本年增/减 is a
 * signed count ("减用负值表示，如-8"). A value impossible for its cell is null, and a warning that
 * starts with IMPOSSIBLE_VALUE names the cell, the text found and why; the build turns these into
 * a quality finding (`impossible-value`).
 *
 * A lone "-", "—" or "/" is a placeholder for a blank cell (tokens.ts), never a negative number;
 * a minus glued to digits ("-2") is a sign. No report of the corpora prints a dash against a
 * number in its tables (the "-1-" lines are page numbers, dropped before), so "-2" is read as
 * minus two and refused as a count, with the text shown, rather than guessed to mean 2 or blank.
 */

/** The start of every warning about a value no cell can hold. */
export const IMPOSSIBLE_VALUE = 'impossible value:';

/** `count`: whole, ≥ 0; `signed`: whole (本年增/减); `amount`: ≥ 0, decimals kept (万元). */
export type ValueKind = 'count' | 'signed' | 'amount';

/** The kind of a table-二 column by its key; every cell of tables 三 and 四 is a count. */
export function activeColumnKind(columnKey: string): ValueKind {
  if (columnKey === 'amountWan') return 'amount';
  if (columnKey === 'change') return 'signed';
  return 'count';
}

/**
 * Why `value` (printed as `raw`) cannot be a cell of this kind, or null when it can. `raw` catches
 * a fraction that rounding hid ("1.0000000000000001" is the number 1).
 */
export function impossibility(value: number, kind: ValueKind, raw = String(value)): string | null {
  if (!Number.isFinite(value)) return 'not a finite number';
  if (kind === 'amount') {
    if (value < 0) return 'an amount is never negative';
    if (value > Number.MAX_SAFE_INTEGER) return 'beyond 2^53 − 1, not stored exactly';
    return null;
  }
  if (!Number.isInteger(value) || /\.\d*[1-9]/.test(raw)) return 'a count is a whole number';
  if (kind === 'count' && value < 0) return 'a count is never negative';
  if (!Number.isSafeInteger(value)) return 'beyond 2^53 − 1 (9007199254740991), not stored exactly';
  return null;
}

export interface CellName {
  /** 二, 三 or 四. */
  table: string;
  row: string;
  column: string;
  /** The record's path: "active.licensing.decisions". */
  path: string;
}

/** The warning for a cell whose printed value is impossible. */
export function impossibleValueWarning(cell: CellName, raw: string, line: number | undefined, reason: string): string {
  const at = line === undefined ? '' : ` (line ${line})`;
  return `${IMPOSSIBLE_VALUE} table ${cell.table}, row "${cell.row}", column "${cell.column}" [${cell.path}] reads "${raw}"${at}: ${reason}; it is null`;
}

/**
 * The value a cell takes: `value`, or null (with a warning pushed) when it is impossible for the
 * cell's kind. −0 is 0. `reason` gives a reason found before (a cell printed "Infinity"). `cell`
 * names the cell, asked for only when there is a warning to write (a report has 250 cells).
 */
export function admitValue(
  value: number | null,
  kind: ValueKind,
  cell: () => CellName,
  raw: string,
  line: number | undefined,
  warnings: string[],
  reason: string | null = null,
): number | null {
  // The common case first: a whole number of a count's range, printed without a point.
  if (reason === null && value !== null && Number.isSafeInteger(value) && (value >= 0 || kind === 'signed') && !raw.includes('.')) return value === 0 ? 0 : value;
  const why = reason ?? (value === null ? null : impossibility(value, kind, raw));
  if (why) {
    warnings.push(impossibleValueWarning(cell(), raw, line, why));
    return null;
  }
  return value === 0 ? 0 : value;
}

/** The cells a record's impossible-value warnings name, with the text each printed. */
export function impossibleValues(warnings: string[]): { path: string; raw: string }[] {
  const out: { path: string; raw: string }[] = [];
  for (const w of warnings) {
    if (!w.startsWith(IMPOSSIBLE_VALUE)) continue;
    const m = /\[([\w.]+)\] reads "(.*?)"/.exec(w);
    if (m) out.push({ path: m[1], raw: m[2] });
  }
  return out;
}
