/**
 * Pure helpers of the office and compare views: figure ids (the URL's `figure=section.row.column`),
 * sums that keep "not reported" apart from 0, checks told as their two sides, and the report text's
 * lines. No DOM, no queries: tests/queries.office.test.ts covers them.
 */
import { sidesText, type Fill, type Lang } from '../../lib/analysis/check-text';
import type { Figure, TemplateLabel } from '../../lib/db/queries';
import type { CheckSides } from '../../lib/report/checks';

export type FigureSection = Figure['section'];

/** `applications.newReceived.total`: how the URL and the report record's `sources` name a cell. */
export const figureId = (section: string, rowKey: string, columnKey: string) => `${section}.${rowKey}.${columnKey}`;

export function parseFigureId(id: string | null | undefined): { section: FigureSection; rowKey: string; columnKey: string } | null {
  const m = /^(active|applications|reviewLitigation)\.([A-Za-z]+)\.([A-Za-z]+)$/.exec(id ?? '');
  return m ? { section: m[1] as FigureSection, rowKey: m[2], columnKey: m[3] } : null;
}

/** A report's figures by id. */
export function figureMap<F extends Figure>(figures: F[]): Map<string, F> {
  return new Map(figures.map((f) => [figureId(f.section, f.rowKey, f.columnKey), f]));
}

/**
 * A sum that says what it stands on: `null` when no part was reported (never 0), and `partial`
 * when some parts were not reported, so the sum is a floor, not the whole.
 */
export function sumKnown(values: (number | null | undefined)[]): { value: number | null; partial: boolean } {
  const known = values.filter((v): v is number => v !== null && v !== undefined);
  if (!known.length) return { value: null, partial: false };
  return { value: Math.round(known.reduce((a, b) => a + b, 0) * 1e6) / 1e6, partial: known.length < values.length };
}

/** The largest value of several series (for a common scale across offices); at least 1. */
export function commonMax(values: (number | null | undefined)[]): number {
  return Math.max(1, ...values.filter((v): v is number => v !== null && v !== undefined));
}

export interface CheckStatement {
  /** What the identity is about (an applicant column, a row, a group, an item of section 二). */
  subject: string | null;
  left: string;
  right: string;
  leftValue: number;
  rightValue: number;
  ok: boolean;
}

/** A check as its two sides, in the formula's own order, in words of the language asked for. */
export function checkStatement(check: { sides: CheckSides; ok: boolean }, lang: Lang, fill: Fill): CheckStatement {
  const s = sidesText(check.sides, lang, fill);
  return { subject: s.subject, left: s.left, right: s.right, leftValue: check.sides.left.value, rightValue: check.sides.right.value, ok: check.ok };
}

/** Failing checks first, then the rest in their order. */
export function failingFirst<C extends { ok: boolean }>(checks: C[]): C[] {
  return [...checks.filter((c) => !c.ok), ...checks.filter((c) => c.ok)];
}

/** The input line a parser warning names ("… (line 52); …"), if any. */
export function warningLine(message: string): number | null {
  const m = /\bline (\d+)\b/.exec(message);
  return m ? Number(m[1]) : null;
}

/** An office id as part of a download's name: ids without a division code hold "/" (region/name). */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '_');

/** The report text as the parser counted its lines (1-based line n = lines[n - 1]). */
export const textLines = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

/** Labels of one section and kind, in display order (section 二: of one format). */
export function labelsOf(labels: TemplateLabel[], section: TemplateLabel['section'], kind: TemplateLabel['kind'], template: string | null = null): TemplateLabel[] {
  return labels.filter((l) => l.section === section && l.kind === kind && (section !== 'active' || l.template === template)).sort((a, b) => a.position - b.position);
}
