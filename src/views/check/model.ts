/**
 * Pure helpers of the check view: a report record read in the browser, shaped as the office view's
 * figures, checks and headline figures, and set against the same office's years in the database.
 * No DOM, no queries, no parser (tests/check-model.test.ts covers them).
 */
import type { CheckedReport } from '../../lib/app/check-report';
import type { CheckResult, DatedFigure, Figure, ReportSummary, TemplateLabel } from '../../lib/db/queries';
import { checkSides } from '../../lib/report/checks';
import { figureId } from '../office/model';

export type CheckedRecord = CheckedReport['record'];
type TableSection = Figure['section'];

/** Which rows and columns a section has, in display order (section 二: of the record's format). */
function rowsAndColumns(labels: TemplateLabel[], section: TableSection, template: string | null): { row: TemplateLabel; columns: TemplateLabel[] }[] {
  const sorted = (ls: TemplateLabel[]) => [...ls].sort((a, b) => a.position - b.position);
  if (section === 'active') {
    const items = sorted(labels.filter((l) => l.section === 'active' && l.kind === 'row' && l.template === template));
    return items.map((row) => ({ row, columns: sorted(labels.filter((l) => l.section === 'active' && l.kind === 'column' && l.template === template && l.rowKey === row.key)) }));
  }
  const columns = sorted(labels.filter((l) => l.section === section && l.kind === 'column'));
  return sorted(labels.filter((l) => l.section === section && l.kind === 'row')).map((row) => ({ row, columns }));
}

/**
 * The record's cells as the office view's figures (id → figure), labels from the template. A row
 * the report does not print (the form of （六）其他处理 it does not use) has no figures, as in the
 * database; a cell it leaves blank is a figure with value null.
 */
export function recordFigures(record: CheckedRecord, labels: TemplateLabel[]): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const section of ['active', 'applications', 'reviewLitigation'] as const) {
    const table = record[section] as Record<string, Record<string, number | null> | null>;
    for (const { row, columns } of rowsAndColumns(labels, section, record.template)) {
      const cells = table[row.key];
      if (!cells) continue;
      for (const column of columns) {
        const id = figureId(section, row.key, column.key);
        out.set(id, {
          section,
          rowKey: row.key,
          rowLabel: row.label,
          rowLabelEn: row.labelEn,
          rowPosition: row.position,
          columnKey: column.key,
          columnLabel: column.label,
          columnLabelEn: column.labelEn,
          columnPosition: column.position,
          value: cells[column.key] ?? null,
          sourceLine: record.sources[id] ?? null,
        });
      }
    }
  }
  return out;
}

/** The record's checks with their formulas (from the database's check definitions), failing first. */
export function recordChecks(record: CheckedRecord, formulas: Map<string, string>): CheckResult[] {
  const checks = record.checks.flatMap((c) => {
    const sides = checkSides(c);
    return sides ? [{ checkId: c.id, formula: formulas.get(c.id) ?? c.id, ok: c.ok, expected: c.expected, actual: c.actual, sides }] : [];
  });
  return [...checks.filter((c) => !c.ok), ...checks.filter((c) => c.ok)];
}

/** The headline figures set side by side with the database's years. */
export const HEADLINE = ['new_received', 'total_processed', 'granted', 'carried_forward', 'review_total', 'litigation_total'] as const;
export type HeadlineFigure = (typeof HEADLINE)[number];

const cell = (record: CheckedRecord, section: 'applications' | 'reviewLitigation', row: string, column = 'total'): number | null =>
  (record[section] as Record<string, Record<string, number | null> | null>)[row]?.[column] ?? null;

/** The record's headline figures, as the database computes them for its reports (schema.ts). */
export function recordHeadline(record: CheckedRecord): Record<HeadlineFigure, number | null> {
  const direct = cell(record, 'reviewLitigation', 'litigationDirect');
  const after = cell(record, 'reviewLitigation', 'litigationAfterReview');
  return {
    new_received: cell(record, 'applications', 'newReceived'),
    total_processed: cell(record, 'applications', 'totalProcessed'),
    granted: cell(record, 'applications', 'granted'),
    carried_forward: cell(record, 'applications', 'carriedForward'),
    review_total: cell(record, 'reviewLitigation', 'review'),
    litigation_total: direct === null || after === null ? null : direct + after,
  };
}

export const headlineOf = (r: ReportSummary): Record<HeadlineFigure, number | null> => Object.fromEntries(HEADLINE.map((k) => [k, r[k]])) as Record<HeadlineFigure, number | null>;

/**
 * The database's report of the same year as the record, figure by figure: how many of the cells
 * both give differ. null when the database has no report of that year.
 */
export function sameYearDifferences(record: CheckedRecord, figures: Map<string, Figure>, database: DatedFigure[]): { differ: number; compared: number } | null {
  if (record.year === null) return null;
  const same = database.filter((f) => f.year === record.year);
  if (!same.length) return null;
  // The database may hold two reports of one year; the first is compared, as the office view shows it.
  const reportId = same[0].reportId;
  let differ = 0;
  let compared = 0;
  for (const f of same.filter((x) => x.reportId === reportId)) {
    const mine = figures.get(figureId(f.section, f.rowKey, f.columnKey));
    if (!mine) continue;
    compared++;
    if (mine.value !== f.value) differ++;
  }
  return { differ, compared };
}
