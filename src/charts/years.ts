/**
 * The year axis of the charts: every year from the first to the last, so a year without a report
 * is a visible gap, not a year that silently drops out (2021, 2022, 2024 drawn evenly). And the
 * three kinds of value a mark can be: a count, a reported 0 (drawn, as a zero), and a figure the
 * report left blank (null) — all distinct from a year with no report at all.
 */

/** Years further apart than this are drawn as listed: one misread year (1921) must not fill the axis. */
export const MAX_YEAR_SPAN = 50;

export interface YearSlot {
  year: number;
  /** Position of the year in the list given; null: no report that year (a gap). */
  index: number | null;
}

/**
 * The slots of a year axis over `years` (the years that have a report, in any order), widened to
 * `span` where several charts share one axis.
 */
export function yearAxis(years: readonly number[], span?: readonly [number, number] | null): YearSlot[] {
  const indexOf = new Map<number, number>();
  years.forEach((y, i) => {
    if (!indexOf.has(y)) indexOf.set(y, i);
  });
  const all = [...indexOf.keys(), ...(span ?? [])];
  if (!all.length) return [];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const listed = hi - lo > MAX_YEAR_SPAN ? [...indexOf.keys()].sort((a, b) => a - b) : Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  return listed.map((year) => ({ year, index: indexOf.get(year) ?? null }));
}

export type MarkKind = 'no-report' | 'not-reported' | 'zero' | 'value';

/** What a chart draws for one slot of one series: a gap, a "–", a zero mark or a bar. */
export function markKind(slot: YearSlot, values: readonly (number | null | undefined)[]): MarkKind {
  if (slot.index === null) return 'no-report';
  const v = values[slot.index];
  if (v === null || v === undefined) return 'not-reported';
  return v === 0 ? 'zero' : 'value';
}
