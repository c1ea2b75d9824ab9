/**
 * The report's own arithmetic (勾稽关系), computed from the parsed numbers; checks over null cells
 * are skipped. A check's `expected` is the figure the template states (a total, or what came in:
 * 一 + 二), `actual` what the other figures make of it. They are not the formula's left and right
 * side: `checkSides` gives those, each with its terms, for every sentence that shows a check.
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

/**
 * A term of an identity: a label of the template as "section.kind.key", the `labels` table's
 * section, kind and key ("applications.row.newReceived", "reviewLitigation.column.upheld"), or a
 * heading of section 三's results ("applications.heading.denied": （三）不予公开, the sum of its rows).
 * Cross-year checks give a term its year, and mark the terms subtracted.
 */
export type Term = string | { term: string; year: number; minus?: true };

/** One side of an identity as the formula writes it: the terms added up, and what they come to. */
export interface CheckSide {
  terms: Term[];
  value: number;
}

/** An identity as its two sides, in the formula's order, and what it is about. */
export interface CheckSides {
  /** The check's id ("reviewLitigation.review"). */
  check: string;
  /** The column, row or group the identity runs along (a term), or null. */
  subject: string | null;
  left: CheckSide;
  right: CheckSide;
}

/** Every identity `computeChecks` can report, with its formula in the template's words. */
export interface CheckDefinition {
  id: string;
  /** Which table: applications or reviewLitigation. */
  section: 'applications' | 'reviewLitigation';
  /** The identity as the template's labels state it, e.g. "一 + 二 = 三(七) + 四 (自然人)". */
  formula: string;
  /** The column, row or group the identity runs along (a term). */
  subject: string;
  /** The terms of the formula's left and right side. */
  left: string[];
  right: string[];
  /** Which of a check's values is the left side (the other is the right). */
  leftIs: 'expected' | 'actual';
}

const applicantColumn = (key: string) => `applications.column.${key}`;
const applicationRow = (key: string) => `applications.row.${key}`;
const reviewColumn = (key: string) => `reviewLitigation.column.${key}`;
/** The parts of a row or group that add up to its 总计 (every column but the last). */
const partsOf = <T extends { key: string }>(columns: T[]) => columns.slice(0, -1).map((c) => c.key);
/** （一）至（六）: the results the template sums to （七）总计, by their headings. */
export const RESULT_HEADINGS = ['granted', 'partiallyGranted', 'denied', 'unavailable', 'rejected', 'other'] as const;

export const CHECK_DEFINITIONS: CheckDefinition[] = [
  ...APPLICANT_COLUMNS.map((c) => ({
    id: `applications.balance.${c.key}`,
    section: 'applications' as const,
    formula: `本年新收 + 上年结转 = 总计 + 结转下年度（${c.label}）`,
    subject: applicantColumn(c.key),
    left: [applicationRow('newReceived'), applicationRow('carriedOver')],
    right: [applicationRow('totalProcessed'), applicationRow('carriedForward')],
    leftIs: 'expected' as const,
  })),
  ...APPLICATION_ROWS.map((r) => ({
    id: `applications.columns.${r.key}`,
    section: 'applications' as const,
    formula: `${APPLICANT_COLUMNS.slice(0, -1).map((c) => c.label).join(' + ')} = 总计（${r.label}）`,
    subject: applicationRow(r.key),
    left: partsOf(APPLICANT_COLUMNS).map(applicantColumn),
    right: [applicantColumn('total')],
    leftIs: 'actual' as const,
  })),
  ...APPLICANT_COLUMNS.map((c) => ({
    id: `applications.results.${c.key}`,
    section: 'applications' as const,
    formula: `办理结果（一）至（六）之和 = （七）总计（${c.label}）`,
    subject: applicantColumn(c.key),
    left: RESULT_HEADINGS.map((h) => `applications.heading.${h}`),
    right: [applicationRow('totalProcessed')],
    leftIs: 'actual' as const,
  })),
  ...REVIEW_GROUPS.map((g) => ({
    id: `reviewLitigation.${g.key}`,
    section: 'reviewLitigation' as const,
    formula: `${REVIEW_COLUMNS.slice(0, -1).map((c) => c.label).join(' + ')} = 总计（${g.label}）`,
    subject: `reviewLitigation.row.${g.key}`,
    left: partsOf(REVIEW_COLUMNS).map(reviewColumn),
    right: [reviewColumn('total')],
    leftIs: 'actual' as const,
  })),
];

const DEFINITION = new Map(CHECK_DEFINITIONS.map((d) => [d.id, d]));

/** A check of a report as the formula reads, left to right; null for an id no definition has. */
export function checkSides(check: Pick<Check, 'id' | 'expected' | 'actual'>): CheckSides | null {
  const d = DEFINITION.get(check.id);
  if (!d) return null;
  const [leftValue, rightValue] = d.leftIs === 'expected' ? [check.expected, check.actual] : [check.actual, check.expected];
  return { check: d.id, subject: d.subject, left: { terms: d.left, value: leftValue }, right: { terms: d.right, value: rightValue } };
}

/**
 * The identities between an office's reports of consecutive years, the one statement of them: the
 * database's `cross_year_checks` view is written from these (schema.ts), and the build's choice
 * between readings of a run (src/lib/build/across-years.ts) applies them. What a year carries
 * forward (四、结转下年度继续办理) the next carries over (二、上年结转); an item's documents in force
 * (现行有效件数) are the year before's plus those issued (本年制发件数) less those repealed
 * (本年废止件数), in the 2021 format, whose items have those columns.
 */
export const CROSS_YEAR_RULES = {
  carryOver: { id: 'applications.carryOver', forward: 'carriedForward', over: 'carriedOver' },
  inForce: { id: 'active.inForce', template: '2021', items: ['regulations', 'normativeDocuments'], issued: 'issued', repealed: 'repealed', inForce: 'inForce' },
} as const;

/** The cross-year checks' ids, as the database's `cross_year_checks` view gives them. */
export const CROSS_YEAR_CHECK_IDS: string[] = [CROSS_YEAR_RULES.carryOver.id, ...CROSS_YEAR_RULES.inForce.items.map((item) => `${CROSS_YEAR_RULES.inForce.id}.${item}`)];

/**
 * A carry-over finding's sides as the database stores them (report_findings.params): what
 * crossYearSides makes them from, the next year being the year after. The `findings` view gives
 * the sides whole (schema.ts).
 */
export interface CrossYearParams {
  check: string;
  year: number;
  left: number;
  right: number;
}

export function crossYearParams(sides: CheckSides): CrossYearParams {
  const first = sides.left.terms[0];
  return { check: sides.check, year: typeof first === 'string' ? NaN : first.year, left: sides.left.value, right: sides.right.value };
}

/**
 * A cross-year check as its two sides: 结转下年度 (year) = 上年结转 (next year); 现行有效 (year) +
 * 制发 − 废止 (next year) = 现行有效 (next year). `expected` is the left side, `actual` the right.
 */
export function crossYearSides(checkId: string, year: number, nextYear: number, expected: number, actual: number): CheckSides {
  const item = /^active\.inForce\.(\w+)$/.exec(checkId)?.[1];
  if (item) {
    const column = (key: string) => `active.column.${key}`;
    return {
      check: checkId,
      subject: `active.row.${item}`,
      left: { terms: [{ term: column('inForce'), year }, { term: column('issued'), year: nextYear }, { term: column('repealed'), year: nextYear, minus: true }], value: expected },
      right: { terms: [{ term: column('inForce'), year: nextYear }], value: actual },
    };
  }
  return {
    check: checkId,
    subject: null,
    left: { terms: [{ term: applicationRow('carriedForward'), year }], value: expected },
    right: { terms: [{ term: applicationRow('carriedOver'), year: nextYear }], value: actual },
  };
}
