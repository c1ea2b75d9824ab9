/**
 * Round trip: random numbers that satisfy the template's identities, rendered as a full report in
 * each layout reports reach us in (scripts/lib/synthetic.ts), must parse back to the same numbers,
 * template and year. Every cell is non-zero, so a value read into the wrong cell cannot hide behind
 * a 0. The seed is fixed; a failure names its case (seed, template, layout, index) and prints its text.
 */
import { describe, expect, it } from 'vitest';
import { parseReport, type ReportRecord } from '../src/lib/report';
import { computeChecks } from '../src/lib/report/checks';
import type { TemplateId } from '../src/lib/report/template';
import { loadDivisionList, loadDivisions } from '../scripts/lib/divisions';
import {
  LAYOUTS,
  TEMPLATES,
  mulberry32,
  officePicker,
  pick,
  randInt,
  randomRecordNumbers,
  seedOf,
  syntheticReport,
  type Layout,
  type ReportSpec,
} from '../scripts/lib/synthetic';

// Fixed by default; ROUNDTRIP_SEED and ROUNDTRIP_CASES explore further (e.g. ROUNDTRIP_CASES=200).
const CASES_PER_LAYOUT = Number(process.env.ROUNDTRIP_CASES ?? 30);
const SEED = process.env.ROUNDTRIP_SEED ?? 'gongkai-roundtrip-1';

const divisions = loadDivisions();
const randomOffice = officePicker(loadDivisionList());

function roundTripCase(template: TemplateId, layout: Layout, index: number): { text: string; expected: ReportSpec } {
  const rng = mulberry32(seedOf(SEED, template, layout, index));
  // 2019-era tables mostly report on 2019 and 2020, but some offices kept them later (docs/domain.md §1.5).
  const year = template === '2021' ? randInt(rng, 2021, 2025) : pick(rng, [2019, 2020, 2020, 2022, 2023]);
  return syntheticReport(rng, { template, layout, office: randomOffice(rng), year, sparsity: 0 });
}

/** The first cell (in the template's order) where the parser disagrees with what was rendered. */
function firstDifference(got: ReportRecord, want: ReportSpec): string | undefined {
  if (got.template !== want.template) return `template: got ${got.template}, want ${want.template}`;
  if (got.year !== want.year) return `year: got ${got.year}, want ${want.year}`;
  for (const table of ['active', 'applications', 'reviewLitigation'] as const) {
    const wantRows: Record<string, Record<string, number | null> | null> = want[table];
    const gotRows: Record<string, Record<string, number | null> | null> = got[table];
    for (const [row, wantCells] of Object.entries(wantRows)) {
      const gotCells = gotRows[row];
      if (wantCells === null || !gotCells) {
        if (wantCells !== gotCells) return `${table}.${row}: got ${JSON.stringify(gotCells)}, want ${JSON.stringify(wantCells)}`;
        continue;
      }
      for (const [col, value] of Object.entries(wantCells)) {
        const path = `${table}.${row}.${col}`;
        if (gotCells[col] !== value) return `${path}: got ${gotCells[col]}, want ${value} (read from line ${got.sources[path] ?? '-'})`;
      }
    }
    const extra = Object.keys(gotRows).filter((row) => !(row in wantRows));
    if (extra.length) return `${table}: unexpected rows ${extra.join(', ')}`;
  }
  return undefined;
}

describe('synthetic numbers', () => {
  it.each([0, 0.5, 0.9])('sparsity %s: every identity the parser checks holds, and no count is negative', (sparsity) => {
    const rng = mulberry32(seedOf(SEED, 'numbers', sparsity));
    for (const template of TEMPLATES) {
      for (let i = 0; i < 50; i++) {
        const n = randomRecordNumbers(rng, template, { sparsity });
        const checks = computeChecks(n.applications, n.reviewLitigation);
        // balance and results per applicant column, columns per printed row, one per review group
        const printedRows = Object.values(n.applications).filter(Boolean).length;
        expect(checks.length).toBe(7 + 7 + printedRows + 3);
        expect(checks.filter((c) => !c.ok)).toEqual([]);
        const cells = [n.active, n.applications, n.reviewLitigation].flatMap((t) => Object.values(t).flatMap((row) => Object.entries(row ?? {})));
        expect(cells.filter(([col, v]) => v === null || (col !== 'change' && v < 0))).toEqual([]);
        if (sparsity === 0) expect(cells.filter(([, v]) => v === 0)).toEqual([]);
      }
    }
  });
});

describe.each(TEMPLATES)('round trip, %s template', (template) => {
  it.each(LAYOUTS)(`layout %s: ${CASES_PER_LAYOUT} reports parse back to their numbers, template and year`, (layout) => {
    const failures: { index: number; diff: string; text: string; warnings: string[] }[] = [];
    for (let index = 0; index < CASES_PER_LAYOUT; index++) {
      const { text, expected } = roundTripCase(template, layout, index);
      let diff: string | undefined;
      let warnings: string[] = [];
      try {
        const record = parseReport(text, { divisions });
        diff = firstDifference(record, expected);
        warnings = record.warnings;
      } catch (e) {
        diff = `parse error: ${(e as Error).message}`;
      }
      if (diff) failures.push({ index, diff, text, warnings });
    }
    const first = failures[0];
    const message = first
      ? [
          `${failures.length} of ${CASES_PER_LAYOUT} ${template}/${layout} reports do not round-trip.`,
          `First: roundTripCase('${template}', '${layout}', ${first.index}) with ROUNDTRIP_SEED=${SEED}: ${first.diff}`,
          `Parser warnings: ${first.warnings.join(' | ') || 'none'}`,
          '── rendered text ──',
          first.text,
        ].join('\n')
      : '';
    expect(
      failures.map((f) => `#${f.index}: ${f.diff}`),
      message,
    ).toEqual([]);
  });
});
