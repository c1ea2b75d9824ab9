/**
 * The report's own arithmetic (勾稽关系), computed from the parsed numbers. `expected` and
 * `actual` are the identity's two sides; checks over null cells are skipped.
 */
import type { Cells, Check } from './record';
import { APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS } from './template';

function sum(values: (number | null | undefined)[]): number | null {
  let total = 0;
  for (const v of values) {
    if (v === null || v === undefined) return null;
    total += v;
  }
  return Math.round(total * 1e6) / 1e6;
}

function push(checks: Check[], id: string, expected: number | null, actual: number | null) {
  if (expected === null || actual === null) return;
  checks.push({ id, ok: expected === actual, expected, actual });
}

export function computeChecks(applications: Record<string, Cells | null>, reviewLitigation: Record<string, Cells>): Check[] {
  const checks: Check[] = [];
  const cell = (row: string, col: string) => applications[row]?.[col] ?? null;
  const printedResultRows = APPLICATION_ROWS.filter((r) => r.result && applications[r.key] !== null);
  for (const col of APPLICANT_COLUMNS) {
    // 一 + 二 = 三(七) + 四: the identity the template prints in its header.
    push(
      checks,
      `applications.balance.${col.key}`,
      sum([cell('newReceived', col.key), cell('carriedOver', col.key)]),
      sum([cell('totalProcessed', col.key), cell('carriedForward', col.key)]),
    );
  }
  for (const row of APPLICATION_ROWS) {
    const cells = applications[row.key];
    if (!cells) continue;
    push(checks, `applications.columns.${row.key}`, cells.total, sum(APPLICANT_COLUMNS.slice(0, -1).map((c) => cells[c.key])));
  }
  for (const col of APPLICANT_COLUMNS) {
    push(checks, `applications.results.${col.key}`, cell('totalProcessed', col.key), sum(printedResultRows.map((r) => cell(r.key, col.key))));
  }
  for (const group of REVIEW_GROUPS) {
    const cells = reviewLitigation[group.key];
    push(checks, `reviewLitigation.${group.key}`, cells.total, sum(REVIEW_COLUMNS.slice(0, -1).map((c) => cells[c.key])));
  }
  return checks;
}

/** Every identity `computeChecks` can report, with its formula in the template's words. */
export interface CheckDefinition {
  id: string;
  /** Which table: applications or reviewLitigation. */
  section: 'applications' | 'reviewLitigation';
  /** The identity as the template's labels state it, e.g. "一 + 二 = 三(七) + 四 (自然人)". */
  formula: string;
}

export const CHECK_DEFINITIONS: CheckDefinition[] = [
  ...APPLICANT_COLUMNS.map((c) => ({
    id: `applications.balance.${c.key}`,
    section: 'applications' as const,
    formula: `本年新收 + 上年结转 = 总计 + 结转下年度（${c.label}）`,
  })),
  ...APPLICATION_ROWS.map((r) => ({
    id: `applications.columns.${r.key}`,
    section: 'applications' as const,
    formula: `${APPLICANT_COLUMNS.slice(0, -1).map((c) => c.label).join(' + ')} = 总计（${r.label}）`,
  })),
  ...APPLICANT_COLUMNS.map((c) => ({
    id: `applications.results.${c.key}`,
    section: 'applications' as const,
    formula: `办理结果（一）至（六）之和 = （七）总计（${c.label}）`,
  })),
  ...REVIEW_GROUPS.map((g) => ({
    id: `reviewLitigation.${g.key}`,
    section: 'reviewLitigation' as const,
    formula: `${REVIEW_COLUMNS.slice(0, -1).map((c) => c.label).join(' + ')} = 总计（${g.label}）`,
  })),
];
