/**
 * Every SQL statement the app runs, as typed functions. Views never write SQL: they call these.
 * Each function takes `run` (the worker client in the page, sql.js directly in unit tests).
 */
import type { Run } from './client';
import type { Row, SqlValue } from './protocol';
import { HEADLINE_KEYS } from './schema';

export type { Run };

export interface Filters {
  years: number[];
  province: string | null;
  city: string | null;
  district: string | null;
  template: '2021' | '2019' | null;
}

export const NO_FILTERS: Filters = { years: [], province: null, city: null, district: null, template: null };

export type HeadlineKey = (typeof HEADLINE_KEYS)[number];
export type Figures = Record<HeadlineKey, number | null>;

/** WHERE clause over `report_overview` (alias r) for the filters. */
function where(f: Filters, alias = 'r'): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (f.years.length) {
    parts.push(`${alias}.year IN (${f.years.map(() => '?').join(', ')})`);
    params.push(...f.years);
  }
  for (const key of ['province', 'city', 'district', 'template'] as const) {
    if (f[key]) {
      parts.push(`${alias}.${key} = ?`);
      params.push(f[key]);
    }
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const num = (v: SqlValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: SqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
const figuresOf = (row: Row): Figures => Object.fromEntries(HEADLINE_KEYS.map((k) => [k, num(row[k])])) as Figures;

// ── Filters and headline ───────────────────────────────────────────────────────────────────────

export interface FilterOptions {
  years: number[];
  provinces: string[];
  cities: { province: string; city: string }[];
  districts: { city: string; district: string }[];
  templates: string[];
}

export async function filterOptions(run: Run): Promise<FilterOptions> {
  const [years, places, templates] = await Promise.all([
    run('SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year'),
    run('SELECT DISTINCT province, city, district FROM reports WHERE province IS NOT NULL ORDER BY province, city, district'),
    run('SELECT DISTINCT template FROM reports WHERE template IS NOT NULL ORDER BY template DESC'),
  ]);
  const provinces = [...new Set(places.map((p) => String(p.province)))];
  const cities = [...new Map(places.filter((p) => p.city).map((p) => [String(p.city), { province: String(p.province), city: String(p.city) }])).values()];
  const districts = [...new Map(places.filter((p) => p.district).map((p) => [`${p.city}/${p.district}`, { city: String(p.city), district: String(p.district) }])).values()];
  return { years: years.map((y) => Number(y.year)), provinces, cities, districts, templates: templates.map((t) => String(t.template)) };
}

export interface Headline extends Figures {
  offices: number;
  reports: number;
  years: number;
  reportsNotAddingUp: number;
}

export async function headline(run: Run, f: Filters): Promise<Headline> {
  const w = where(f);
  const [row] = await run(
    `SELECT COUNT(DISTINCT r.office_id) AS offices, COUNT(*) AS reports, COUNT(DISTINCT r.year) AS years,
            SUM(r.failed_check_count > 0) AS not_adding_up, ${HEADLINE_KEYS.map((k) => `SUM(r.${k}) AS ${k}`).join(', ')}
     FROM report_overview r ${w.sql}`,
    w.params,
  );
  return { ...figuresOf(row), offices: Number(row.offices), reports: Number(row.reports), years: Number(row.years), reportsNotAddingUp: Number(row.not_adding_up ?? 0) };
}

export interface YearFigures extends Figures {
  year: number;
  reports: number;
}

/** Sums by year: SUM skips NULL, and `reports` says how many reports stand behind each year. */
export async function trendByYear(run: Run, f: Filters): Promise<YearFigures[]> {
  const w = where(f);
  const rows = await run(
    `SELECT r.year, COUNT(*) AS reports, ${HEADLINE_KEYS.map((k) => `SUM(r.${k}) AS ${k}`).join(', ')}
     FROM report_overview r ${w.sql} ${w.sql ? 'AND' : 'WHERE'} r.year IS NOT NULL GROUP BY r.year ORDER BY r.year`,
    w.params,
  );
  return rows.map((row) => ({ ...figuresOf(row), year: Number(row.year), reports: Number(row.reports) }));
}

export interface OfficeFigure {
  officeId: string;
  name: string;
  district: string | null;
  value: number;
}

/** Offices ranked by a headline figure, summed over the filtered years. */
export async function topOffices(run: Run, f: Filters, key: HeadlineKey = 'new_received', limit = 10): Promise<OfficeFigure[]> {
  const w = where(f);
  const rows = await run(
    `SELECT r.office_id, r.office_name, r.district, SUM(r.${key}) AS value
     FROM report_overview r ${w.sql} GROUP BY r.office_id HAVING SUM(r.${key}) > 0 ORDER BY value DESC, r.office_id LIMIT ?`,
    [...w.params, limit],
  );
  return rows.map((r) => ({ officeId: String(r.office_id), name: String(r.office_name), district: str(r.district), value: Number(r.value) }));
}

// ── Offices ────────────────────────────────────────────────────────────────────────────────────

export interface OfficeSummary {
  officeId: string;
  name: string;
  province: string | null;
  city: string | null;
  district: string | null;
  reports: number;
  firstYear: number | null;
  lastYear: number | null;
  newReceived: number | null;
  reportsNotAddingUp: number;
  /** 本年新收 by year, for the small trend. */
  trend: { year: number; value: number | null }[];
}

export async function officeList(run: Run, f: Filters, search = ''): Promise<OfficeSummary[]> {
  const w = where(f);
  const term = search.trim();
  const searchSql = term ? `${w.sql ? 'AND' : 'WHERE'} (instr(r.office_name, ?) > 0 OR instr(r.office, ?) > 0 OR r.office_id IN (SELECT office_id FROM office_aliases WHERE instr(alias, ?) > 0))` : '';
  const params = [...w.params, ...(term ? [term, term, term] : [])];
  const rows = await run(
    `SELECT r.office_id, r.office_name, r.province, r.city, r.district, COUNT(*) AS reports, MIN(r.year) AS first_year, MAX(r.year) AS last_year,
            SUM(r.new_received) AS new_received, SUM(r.failed_check_count > 0) AS not_adding_up,
            group_concat(r.year || ':' || IFNULL(r.new_received, ''), ',') AS trend
     FROM report_overview r ${w.sql} ${searchSql}
     GROUP BY r.office_id ORDER BY r.province, r.city, r.district, r.office_name`,
    params,
  );
  return rows.map((r) => ({
    officeId: String(r.office_id),
    name: String(r.office_name),
    province: str(r.province),
    city: str(r.city),
    district: str(r.district),
    reports: Number(r.reports),
    firstYear: num(r.first_year),
    lastYear: num(r.last_year),
    newReceived: num(r.new_received),
    reportsNotAddingUp: Number(r.not_adding_up ?? 0),
    trend: String(r.trend ?? '')
      .split(',')
      .filter((p) => p && !p.startsWith(':'))
      .map((p) => {
        const [year, value] = p.split(':');
        return { year: Number(year), value: value === '' ? null : Number(value) };
      })
      .sort((a, b) => a.year - b.year),
  }));
}

export interface OfficeInfo {
  officeId: string;
  name: string;
  province: string | null;
  city: string | null;
  district: string | null;
  divisionCode: string | null;
  aliases: string[];
}

export async function officeInfo(run: Run, officeId: string): Promise<OfficeInfo | null> {
  const [[o], aliases] = await Promise.all([
    run('SELECT * FROM offices WHERE office_id = ?', [officeId]),
    run('SELECT alias FROM office_aliases WHERE office_id = ? ORDER BY alias', [officeId]),
  ]);
  if (!o) return null;
  return {
    officeId,
    name: String(o.name),
    province: str(o.province),
    city: str(o.city),
    district: str(o.district),
    divisionCode: str(o.division_code),
    aliases: aliases.map((a) => String(a.alias)),
  };
}

export interface ReportSummary extends Figures {
  reportId: number;
  officeId: string;
  officeName: string;
  office: string | null;
  year: number | null;
  template: string | null;
  title: string | null;
  sourcePath: string;
  warningCount: number;
  failedCheckCount: number;
  province: string | null;
  city: string | null;
  district: string | null;
}

const reportSummary = (r: Row): ReportSummary => ({
  ...figuresOf(r),
  reportId: Number(r.report_id),
  officeId: String(r.office_id),
  officeName: String(r.office_name),
  office: str(r.office),
  year: num(r.year),
  template: str(r.template),
  title: str(r.title),
  sourcePath: String(r.source_path),
  warningCount: Number(r.warning_count),
  failedCheckCount: Number(r.failed_check_count),
  province: str(r.province),
  city: str(r.city),
  district: str(r.district),
});

const REPORT_COLUMNS = 'o.*, rep.title, rep.source_path';

/** An office's reports, oldest first. */
export async function officeReports(run: Run, officeId: string): Promise<ReportSummary[]> {
  const rows = await run(
    `SELECT ${REPORT_COLUMNS} FROM report_overview o JOIN reports rep USING (report_id) WHERE o.office_id = ? ORDER BY o.year, o.report_id`,
    [officeId],
  );
  return rows.map(reportSummary);
}

/** The reports table of the Data view, with the current filters. */
export async function reportList(run: Run, f: Filters): Promise<ReportSummary[]> {
  const w = where(f, 'o');
  const rows = await run(`SELECT ${REPORT_COLUMNS} FROM report_overview o JOIN reports rep USING (report_id) ${w.sql} ORDER BY o.year DESC, o.province, o.city, o.district, o.office_name`, w.params);
  return rows.map(reportSummary);
}

// ── One report ─────────────────────────────────────────────────────────────────────────────────

export interface Figure {
  section: 'active' | 'applications' | 'reviewLitigation';
  rowKey: string;
  rowLabel: string;
  rowPosition: number;
  columnKey: string;
  columnLabel: string;
  columnPosition: number;
  value: number | null;
  sourceLine: number | null;
}

export async function reportFigures(run: Run, reportId: number): Promise<Figure[]> {
  const rows = await run('SELECT * FROM figures WHERE report_id = ? ORDER BY section, row_position, column_position', [reportId]);
  return rows.map((r) => ({
    section: r.section as Figure['section'],
    rowKey: String(r.row_key),
    rowLabel: String(r.row_label),
    rowPosition: Number(r.row_position),
    columnKey: String(r.column_key),
    columnLabel: String(r.column_label),
    columnPosition: Number(r.column_position),
    value: num(r.value),
    sourceLine: num(r.source_line),
  }));
}

export interface CheckResult {
  checkId: string;
  formula: string;
  ok: boolean;
  expected: number;
  actual: number;
}

export async function reportChecks(run: Run, reportId: number): Promise<CheckResult[]> {
  const rows = await run('SELECT check_id, formula, ok, expected, actual FROM check_results WHERE report_id = ? ORDER BY ok, check_id', [reportId]);
  return rows.map((r) => ({ checkId: String(r.check_id), formula: String(r.formula), ok: r.ok === 1, expected: Number(r.expected), actual: Number(r.actual) }));
}

export interface ReportDetail {
  warnings: string[];
  sections: Record<string, string>;
  text: string;
}

export async function reportDetail(run: Run, reportId: number): Promise<ReportDetail> {
  const [warnings, sections, [text]] = await Promise.all([
    run('SELECT message FROM warnings WHERE report_id = ? ORDER BY seq', [reportId]),
    run('SELECT section, text FROM sections WHERE report_id = ?', [reportId]),
    run('SELECT text FROM report_texts WHERE report_id = ?', [reportId]),
  ]);
  return {
    warnings: warnings.map((w) => String(w.message)),
    sections: Object.fromEntries(sections.map((s) => [String(s.section), String(s.text)])),
    text: text ? String(text.text) : '',
  };
}

export interface CrossYearCheck {
  checkId: string;
  year: number;
  nextYear: number;
  formula: string;
  expected: number;
  actual: number;
  ok: boolean;
}

export async function officeCrossYearChecks(run: Run, officeId: string): Promise<CrossYearCheck[]> {
  const rows = await run('SELECT * FROM cross_year_checks WHERE office_id = ? ORDER BY year, check_id', [officeId]);
  return rows.map((r) => ({
    checkId: String(r.check_id),
    year: Number(r.year),
    nextYear: Number(r.next_year),
    formula: String(r.formula),
    expected: Number(r.expected),
    actual: Number(r.actual),
    ok: r.ok === 1,
  }));
}

/** The report record (the project's JSON format) rebuilt from the database. */
export async function reportRecord(run: Run, reportId: number): Promise<Record<string, unknown>> {
  const [[rep], figures, checks, detail] = await Promise.all([
    run('SELECT * FROM reports WHERE report_id = ?', [reportId]),
    reportFigures(run, reportId),
    run('SELECT check_id, ok, expected, actual FROM check_results WHERE report_id = ? ORDER BY check_id', [reportId]),
    reportDetail(run, reportId),
  ]);
  const tables: Record<string, Record<string, Record<string, number | null>>> = { active: {}, applications: {}, reviewLitigation: {} };
  const sources: Record<string, number> = {};
  for (const f of figures) {
    (tables[f.section][f.rowKey] ??= {})[f.columnKey] = f.value;
    if (f.sourceLine !== null) sources[`${f.section}.${f.rowKey}.${f.columnKey}`] = f.sourceLine;
  }
  return {
    title: rep.title,
    office: rep.office,
    region: { province: rep.province, city: rep.city, district: rep.district },
    divisionCode: rep.division_code,
    year: rep.year,
    template: rep.template,
    active: tables.active,
    applications: tables.applications,
    reviewLitigation: tables.reviewLitigation,
    sections: { overview: detail.sections.overview ?? null, problems: detail.sections.problems ?? null, other: detail.sections.other ?? null },
    checks: checks.map((c) => ({ id: c.check_id, ok: c.ok === 1, expected: c.expected, actual: c.actual })),
    warnings: detail.warnings,
    sources,
  };
}

// ── Problems ───────────────────────────────────────────────────────────────────────────────────

export interface ProblemHit {
  reportId: number;
  officeId: string;
  officeName: string;
  year: number | null;
  text: string;
}

/** What offices say about themselves (section 五), containing every word of the search. */
export async function searchProblems(run: Run, f: Filters, search: string, limit = 200): Promise<ProblemHit[]> {
  const w = where(f);
  const words = search.trim().split(/\s+/).filter(Boolean);
  const conditions = [...(w.sql ? [w.sql.replace(/^WHERE /, '')] : []), ...words.map(() => 'instr(s.text, ?) > 0')];
  const rows = await run(
    `SELECT r.report_id, r.office_id, r.office_name, r.year, s.text
     FROM sections s JOIN report_overview r USING (report_id)
     WHERE s.section = 'problems' ${conditions.length ? `AND ${conditions.join(' AND ')}` : ''}
     ORDER BY r.year DESC, r.office_name LIMIT ?`,
    [...w.params, ...words, limit],
  );
  return rows.map((r) => ({ reportId: Number(r.report_id), officeId: String(r.office_id), officeName: String(r.office_name), year: num(r.year), text: String(r.text) }));
}

// ── The SQL box ────────────────────────────────────────────────────────────────────────────────

export interface QueryResult {
  columns: string[];
  rows: Row[];
}

/**
 * A reader's own query: one SELECT (or WITH … SELECT) only. The worker also sets
 * `PRAGMA query_only`, so SQLite itself refuses writes that slip past this check.
 */
export async function readOnlyQuery(run: Run, sql: string, limit = 1000): Promise<QueryResult> {
  const statement = sql.trim().replace(/;\s*$/, '');
  if (!/^(select|with)\b/i.test(statement)) throw new Error('only SELECT queries can be run here');
  if (statement.includes(';')) throw new Error('one statement at a time');
  const rows = await run(`SELECT * FROM (${statement}) LIMIT ${limit + 1}`);
  const columns = rows.length ? Object.keys(rows[0]) : [];
  return { columns, rows: rows.slice(0, limit) };
}

export async function meta(run: Run): Promise<Record<string, string>> {
  const rows = await run('SELECT key, value FROM meta');
  return Object.fromEntries(rows.map((r) => [String(r.key), String(r.value)]));
}

// ── offices, problems & data views ─────────────────────────────────────────────────────────────

/** The words of a problems search, as searchProblems matches them (the view highlights the same). */
export function problemWords(search: string): string[] {
  return search.trim().split(/\s+/).filter(Boolean);
}

/** How many section 五 texts contain every word of the search (searchProblems returns at most its limit). */
export async function countProblems(run: Run, f: Filters, search: string): Promise<number> {
  const w = where(f);
  const words = problemWords(search);
  const conditions = [...(w.sql ? [w.sql.replace(/^WHERE /, '')] : []), ...words.map(() => 'instr(s.text, ?) > 0')];
  const [row] = await run(
    `SELECT COUNT(*) AS n FROM sections s JOIN report_overview r USING (report_id)
     WHERE s.section = 'problems' ${conditions.length ? `AND ${conditions.join(' AND ')}` : ''}`,
    [...w.params, ...words],
  );
  return Number(row?.n ?? 0);
}

/** The tables and views a reader can query in the SQL box. */
export async function databaseObjects(run: Run): Promise<{ tables: string[]; views: string[] }> {
  const rows = await run("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name");
  return {
    tables: rows.filter((r) => r.type === 'table').map((r) => String(r.name)),
    views: rows.filter((r) => r.type === 'view').map((r) => String(r.name)),
  };
}

/** Example queries for the SQL box (docs/database.md); their labels are i18n keys data.example.<id>. */
export const EXAMPLE_QUERIES = [
  {
    id: 'topOffices',
    sql: 'SELECT office_name, district, year, new_received FROM office_year\nWHERE year = (SELECT MAX(year) FROM office_year)\nORDER BY new_received DESC LIMIT 20',
  },
  { id: 'failing', sql: 'SELECT office, year, formula, expected, actual FROM reports_failing_checks' },
  {
    id: 'source',
    sql: "SELECT f.report_id, f.value, f.source_line FROM figures f\nWHERE f.row_key = 'newReceived' AND f.column_key = 'total'\nORDER BY f.report_id",
  },
  { id: 'regions', sql: 'SELECT province, city, district, year, offices, reports, new_received\nFROM region_year ORDER BY year DESC, province, city, district' },
] as const;

// ── office & compare views ──────────────────────────────────────────────────────────────────────

export interface DatedFigure extends Figure {
  reportId: number;
  year: number | null;
}

/** Every figure of an office's reports, oldest first: the office view's tables, charts and trends. */
export async function officeFigures(run: Run, officeId: string): Promise<DatedFigure[]> {
  const rows = await run(
    `SELECT r.year, f.* FROM figures f JOIN reports r USING (report_id)
     WHERE r.office_id = ? ORDER BY r.year, f.report_id, f.section, f.row_position, f.column_position`,
    [officeId],
  );
  return rows.map((r) => ({
    reportId: Number(r.report_id),
    year: num(r.year),
    section: r.section as Figure['section'],
    rowKey: String(r.row_key),
    rowLabel: String(r.row_label),
    rowPosition: Number(r.row_position),
    columnKey: String(r.column_key),
    columnLabel: String(r.column_label),
    columnPosition: Number(r.column_position),
    value: num(r.value),
    sourceLine: num(r.source_line),
  }));
}

export interface TemplateLabel {
  section: 'active' | 'applications' | 'reviewLitigation' | 'sections';
  kind: 'row' | 'column' | 'section';
  /** Section 二 differs by format; null where both formats share the label. */
  template: string | null;
  /** Section 二's columns: the item they belong to. */
  rowKey: string | null;
  key: string;
  label: string;
  groupLabel: string | null;
  position: number;
}

/** The template's labels as the database holds them (the one source of the names views show). */
export async function templateLabels(run: Run): Promise<TemplateLabel[]> {
  const rows = await run('SELECT section, kind, template, row_key, key, label, group_label, position FROM labels ORDER BY label_id');
  return rows.map((r) => ({
    section: r.section as TemplateLabel['section'],
    kind: r.kind as TemplateLabel['kind'],
    template: str(r.template),
    rowKey: str(r.row_key),
    key: String(r.key),
    label: String(r.label),
    groupLabel: str(r.group_label),
    position: Number(r.position),
  }));
}
