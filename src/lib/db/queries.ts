/**
 * Every SQL statement the app runs, as typed functions. Views never write SQL: they call these.
 * Each function takes `run` (the worker client in the page, sql.js directly in unit tests).
 */
import type { Run } from './client';
import type { PartScope, Row, SqlValue } from './protocol';
import type { FindingParams } from '../analysis/check-text';
import { MIN_CASES_FOR_RANKING, RATES } from '../analysis/rates';
import { crossYearSides, type CheckSides } from '../report/checks';
import { RECORD_SECTIONS, type ReportRecord } from '../report/record';
import type { TemplateId } from '../report/template';
import { activeTemplate, HEADLINE_KEYS, RECORD_COLUMNS, RECORD_STORAGE, type TableSection } from './schema';
import { bigramQuery } from './search';

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
  // Before the first chart, which waits for them: the years and formats in one pass over the
  // reports, the places from the offices with a report (a report's place is its office's, schema.ts
  // RECORD_STORAGE, and offices are a sixth as many rows to sort: a fifth of a second at 100,000 reports in the page).
  const [kinds, places] = await Promise.all([
    run('SELECT DISTINCT year, template FROM reports'),
    run('SELECT DISTINCT province, city, district FROM offices o WHERE province IS NOT NULL AND EXISTS (SELECT 1 FROM reports r WHERE r.office_id = o.office_id) ORDER BY province, city, district'),
  ]);
  const distinct = (key: 'year' | 'template') => [...new Set(kinds.map((k) => k[key]).filter((v) => v !== null))];
  const years = (distinct('year') as number[]).sort((a, b) => a - b);
  const templates = (distinct('template') as string[]).sort().reverse();
  const provinces = [...new Set(places.map((p) => String(p.province)))];
  const cities = [...new Map(places.filter((p) => p.city).map((p) => [String(p.city), { province: String(p.province), city: String(p.city) }])).values()];
  const districts = [...new Map(places.filter((p) => p.district).map((p) => [`${p.city}/${p.district}`, { city: String(p.city), district: String(p.district) }])).values()];
  return { years: years.map(Number), provinces, cities, districts, templates: templates.map(String) };
}

export interface Headline extends Figures {
  offices: number;
  reports: number;
  years: number;
  reportsNotAddingUp: number;
}

/**
 * report_overview without its office's name: the first chart's sums need no lookup of each
 * report's office (a sixth of their time at 100,000 reports).
 */
const REPORTS_WITH_HEADLINE = 'reports r JOIN report_headline h ON h.report_id = r.report_id';

export async function headline(run: Run, f: Filters): Promise<Headline> {
  const w = where(f);
  const [row] = await run(
    `SELECT COUNT(DISTINCT r.office_id) AS offices, COUNT(*) AS reports, COUNT(DISTINCT r.year) AS years,
            SUM(r.failed_check_count > 0) AS not_adding_up, ${HEADLINE_KEYS.map((k) => `SUM(h.${k}) AS ${k}`).join(', ')}
     FROM ${REPORTS_WITH_HEADLINE} ${w.sql}`,
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
    `SELECT r.year, COUNT(*) AS reports, ${HEADLINE_KEYS.map((k) => `SUM(h.${k}) AS ${k}`).join(', ')}
     FROM ${REPORTS_WITH_HEADLINE} ${w.sql} ${w.sql ? 'AND' : 'WHERE'} r.year IS NOT NULL GROUP BY r.year ORDER BY r.year`,
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

// Lists are sorted and cut to a page in SQL, so a view draws one page of a national collection
// (tens of thousands of offices, hundreds of thousands of reports), not every row. Text sorts in
// SQLite's order (by code point), not by pinyin; ties always end on an id, so pages never overlap.

export type SortDir = 'asc' | 'desc';
export interface ListOrder<K extends string> {
  sort: K;
  dir: SortDir;
}
/** One page of a list: `total` rows match, `rows` are those from `offset` on. */
export interface ListPage<T> {
  total: number;
  offset: number;
  rows: T[];
}

export type OfficeSort = 'name' | 'region' | 'years' | 'reports' | 'received' | 'notAddingUp';
export const OFFICE_SORTS: readonly OfficeSort[] = ['name', 'region', 'years', 'reports', 'received', 'notAddingUp'];
export const DEFAULT_OFFICE_ORDER: ListOrder<OfficeSort> = { sort: 'region', dir: 'asc' };

/** ORDER BY over officeList's columns; unknown figures (NULL) last whichever the direction. */
function officeOrderBy({ sort, dir }: ListOrder<OfficeSort>): string {
  const d = dir === 'desc' ? 'DESC' : 'ASC';
  const keys: Record<OfficeSort, string> = {
    name: `office_name ${d}`,
    region: `IFNULL(province, '') ${d}, IFNULL(city, '') ${d}, IFNULL(district, '') ${d}`,
    years: `first_year IS NULL, first_year ${d}, last_year ${d}`,
    reports: `reports ${d}`,
    received: `new_received IS NULL, new_received ${d}`,
    notAddingUp: `not_adding_up ${d}`,
  };
  return `ORDER BY ${keys[OFFICE_SORTS.includes(sort) ? sort : 'region']}, office_name, office_id`;
}

/** The filters and the name/alias search over `report_overview` r. */
function officeConditions(f: Filters, search: string): { sql: string; params: SqlValue[] } {
  const w = where(f);
  const term = search.trim();
  const searchSql = term ? `${w.sql ? 'AND' : 'WHERE'} (instr(r.office_name, ?) > 0 OR instr(r.office, ?) > 0 OR r.office_id IN (SELECT office_id FROM office_aliases WHERE instr(alias, ?) > 0))` : '';
  return { sql: `${w.sql} ${searchSql}`, params: [...w.params, ...(term ? [term, term, term] : [])] };
}

async function officeRows(run: Run, f: Filters, search: string, order: ListOrder<OfficeSort>, limit = -1, offset = 0): Promise<OfficeSummary[]> {
  const c = officeConditions(f, search);
  const rows = await run(
    `SELECT r.office_id, r.office_name, r.province, r.city, r.district, COUNT(*) AS reports, MIN(r.year) AS first_year, MAX(r.year) AS last_year,
            SUM(r.new_received) AS new_received, SUM(r.failed_check_count > 0) AS not_adding_up,
            group_concat(r.year || ':' || IFNULL(r.new_received, ''), ',') AS trend
     FROM report_overview r ${c.sql}
     GROUP BY r.office_id ${officeOrderBy(order)} LIMIT ? OFFSET ?`,
    [...c.params, limit, offset],
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

/**
 * The offices with reports matching the filters and search, in `order` (by region by default):
 * every one, or the first `limit` (a picker shows a few: the rest is never read out of SQLite).
 */
export async function officeList(run: Run, f: Filters, search = '', order: ListOrder<OfficeSort> = DEFAULT_OFFICE_ORDER, limit = -1): Promise<OfficeSummary[]> {
  return officeRows(run, f, search, order, limit);
}

/**
 * One page of officeList, with how many offices match in all and the first and last year of
 * their reports (one year axis for every sparkline of every page).
 */
export async function officePage(
  run: Run,
  f: Filters,
  search: string,
  order: ListOrder<OfficeSort>,
  offset: number,
  limit: number,
): Promise<ListPage<OfficeSummary> & { years: [number, number] | null }> {
  const c = officeConditions(f, search);
  const [[count], rows] = await Promise.all([
    run(`SELECT COUNT(DISTINCT r.office_id) AS n, MIN(r.year) AS first_year, MAX(r.year) AS last_year FROM report_overview r ${c.sql}`, c.params),
    officeRows(run, f, search, order, limit, offset),
  ]);
  const first = num(count?.first_year);
  const last = num(count?.last_year);
  return { total: Number(count?.n ?? 0), offset, rows, years: first === null || last === null ? null : [first, last] };
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
    // Scoped: a collection in parts reads the office's spellings in its part (no national file).
    run('SELECT alias FROM office_aliases WHERE office_id = ? ORDER BY alias', [officeId], { officeId }),
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
  /** The file the report was read from, as the collection names it. */
  sourcePath: string;
  /** The publication date and the original address, where the saved page gave them. */
  publishedAt: string | null;
  sourceUrl: string | null;
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
  publishedAt: str(r.published_at),
  sourceUrl: str(r.source_url),
  warningCount: Number(r.warning_count),
  failedCheckCount: Number(r.failed_check_count),
  province: str(r.province),
  city: str(r.city),
  district: str(r.district),
});

/** The columns of a report's file and source: of the summary's extras in a collection in parts (schema.ts EXTRA_REPORT_COLUMNS). */
const SOURCE_COLUMNS = ['title', 'source_path', 'published_at', 'source_url'] as const;
const REPORT_COLUMNS = `o.*, ${SOURCE_COLUMNS.map((c) => `rep.${c}`).join(', ')}`;

/** An office's reports, oldest first. */
export async function officeReports(run: Run, officeId: string): Promise<ReportSummary[]> {
  const rows = await run(
    `SELECT ${REPORT_COLUMNS} FROM report_overview o JOIN reports rep USING (report_id) WHERE o.office_id = ? ORDER BY o.year, o.report_id`,
    [officeId],
    { officeId },
  );
  return rows.map(reportSummary);
}

export type ReportSort = 'office' | 'region' | 'year' | 'template' | HeadlineKey | 'warnings' | 'failedChecks' | 'published';
export const REPORT_SORTS: readonly ReportSort[] = ['office', 'region', 'year', 'template', ...HEADLINE_KEYS, 'warnings', 'failedChecks', 'published'];
/** Newest first, then by region and office: the Data view's order when the URL names none. */
export const DEFAULT_REPORT_ORDER: ListOrder<ReportSort> = { sort: 'year', dir: 'desc' };

/** ORDER BY over report_overview o and reports rep; unknown values (NULL) last whichever the direction. */
function reportOrderBy({ sort, dir }: ListOrder<ReportSort>): string {
  const d = dir === 'desc' ? 'DESC' : 'ASC';
  const nullsLast = (column: string) => `${column} IS NULL, ${column} ${d}`;
  const key = REPORT_SORTS.includes(sort) ? sort : 'year';
  const first =
    key === 'office'
      ? `o.office_name ${d}`
      : key === 'region'
        ? `IFNULL(o.province, '') ${d}, IFNULL(o.city, '') ${d}, IFNULL(o.district, '') ${d}`
        : key === 'year'
          ? nullsLast('o.year')
          : key === 'template'
            ? nullsLast('o.template')
            : key === 'warnings'
              ? `o.warning_count ${d}`
              : key === 'failedChecks'
                ? `o.failed_check_count ${d}`
                : key === 'published'
                  ? nullsLast('rep.published_at')
                  : nullsLast(`o.${key}`);
  return `ORDER BY ${first}, o.year IS NULL, o.year DESC, o.province, o.city, o.district, o.office_name, o.report_id`;
}

/** The reports table of the Data view (and its CSV): every report matching the filters, in `order`. */
export async function reportList(run: Run, f: Filters, order: ListOrder<ReportSort> = DEFAULT_REPORT_ORDER): Promise<ReportSummary[]> {
  const w = where(f, 'o');
  const rows = await run(`SELECT ${REPORT_COLUMNS} FROM report_overview o JOIN reports rep USING (report_id) ${w.sql} ${reportOrderBy(order)}`, w.params);
  return rows.map(reportSummary);
}

/**
 * One page of reportList, with how many reports match in all. The page is chosen on the core's
 * columns, then its reports' files and sources are asked for by id: a collection in parts fetches
 * only the files of the extras that hold those reports (parts.ts), not every report's (at 100,000
 * reports, 14 MB for a page of 100 rows). Sorted by date of publication, one query reads them all.
 */
export async function reportPage(run: Run, f: Filters, order: ListOrder<ReportSort>, offset: number, limit: number): Promise<ListPage<ReportSummary>> {
  const w = where(f, 'o');
  const bySource = order.sort === 'published';
  const [[count], rows] = await Promise.all([
    run(`SELECT COUNT(*) AS n FROM report_overview o ${w.sql}`, w.params),
    run(`SELECT ${bySource ? REPORT_COLUMNS : 'o.*'} FROM report_overview o ${bySource ? 'JOIN reports rep USING (report_id)' : ''} ${w.sql} ${reportOrderBy(order)} LIMIT ? OFFSET ?`, [...w.params, limit, offset]),
  ]);
  if (!bySource && rows.length) {
    const ids = rows.map((r) => Number(r.report_id));
    const sources = await run(`SELECT report_id, ${SOURCE_COLUMNS.join(', ')} FROM reports WHERE report_id IN (${ids.map(() => '?').join(', ')})`, ids, { reportIds: ids });
    const byId = new Map(sources.map((r) => [Number(r.report_id), r]));
    for (const row of rows) for (const c of SOURCE_COLUMNS) row[c] = byId.get(Number(row.report_id))?.[c] ?? null;
  }
  return { total: Number(count?.n ?? 0), offset, rows: rows.map(reportSummary) };
}

// ── One report ─────────────────────────────────────────────────────────────────────────────────

export interface Figure {
  section: 'active' | 'applications' | 'reviewLitigation';
  rowKey: string;
  rowLabel: string;
  rowLabelEn: string;
  rowPosition: number;
  columnKey: string;
  columnLabel: string;
  columnLabelEn: string;
  columnPosition: number;
  value: number | null;
  sourceLine: number | null;
}

export async function reportFigures(run: Run, reportId: number): Promise<Figure[]> {
  const rows = await run('SELECT * FROM figures WHERE report_id = ? ORDER BY section, row_position, column_position', [reportId], { reportIds: [reportId] });
  return rows.map((r) => ({
    section: r.section as Figure['section'],
    rowKey: String(r.row_key),
    rowLabel: String(r.row_label),
    rowLabelEn: String(r.row_label_en),
    rowPosition: Number(r.row_position),
    columnKey: String(r.column_key),
    columnLabel: String(r.column_label),
    columnLabelEn: String(r.column_label_en),
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
  /** The identity's two sides in the formula's order, with their terms: what the sentences are made from. */
  sides: CheckSides;
}

export async function reportChecks(run: Run, reportId: number): Promise<CheckResult[]> {
  const rows = await run(
    'SELECT check_id, formula, ok, expected, actual, subject, left_terms, left_value, right_terms, right_value FROM check_results WHERE report_id = ? ORDER BY ok, check_id',
    [reportId],
    { reportIds: [reportId] },
  );
  return rows.map((r) => ({
    checkId: String(r.check_id),
    formula: String(r.formula),
    ok: r.ok === 1,
    expected: Number(r.expected),
    actual: Number(r.actual),
    sides: {
      check: String(r.check_id),
      subject: r.subject === null ? null : String(r.subject),
      left: { terms: JSON.parse(String(r.left_terms)), value: Number(r.left_value) },
      right: { terms: JSON.parse(String(r.right_terms)), value: Number(r.right_value) },
    },
  }));
}

export interface ReportDetail {
  warnings: string[];
  sections: Record<string, string>;
  text: string;
}

export async function reportDetail(run: Run, reportId: number): Promise<ReportDetail> {
  const [warnings, sections, [text]] = await Promise.all([
    run('SELECT message FROM warnings WHERE report_id = ? ORDER BY seq', [reportId], { reportIds: [reportId] }),
    run('SELECT section, text FROM sections WHERE report_id = ?', [reportId], { reportIds: [reportId] }),
    run('SELECT text FROM report_texts WHERE report_id = ?', [reportId], { reportIds: [reportId] }),
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
  /** The two sides, each term with its year. */
  sides: CheckSides;
}

export async function officeCrossYearChecks(run: Run, officeId: string): Promise<CrossYearCheck[]> {
  const rows = await run('SELECT * FROM cross_year_checks WHERE office_id = ? ORDER BY year, check_id', [officeId], { officeId });
  return rows.map((r) => ({
    checkId: String(r.check_id),
    year: Number(r.year),
    nextYear: Number(r.next_year),
    formula: String(r.formula),
    expected: Number(r.expected),
    actual: Number(r.actual),
    ok: r.ok === 1,
    sides: crossYearSides(String(r.check_id), Number(r.year), Number(r.next_year), Number(r.expected), Number(r.actual)),
  }));
}

/**
 * The report record (the project's JSON format) read back from the database: the parser's record,
 * key for key (tests/roundtrip.record.test.ts). Every key is read where RECORD_STORAGE keeps it;
 * the tables by the template's labels, a row the report does not have (the unused form of
 * （六）其他处理) null, as the parser gives it.
 */
export async function reportRecord(run: Run, reportId: number): Promise<ReportRecord> {
  const [[rep], labels, numbers, checks, warnings, sections, ambiguities] = await Promise.all([
    // The record's columns named (a collection in parts reads some of them in the report's part, or the extras).
    run(`SELECT ${RECORD_COLUMNS.join(', ')} FROM reports WHERE report_id = ?`, [reportId], { reportIds: [reportId] }),
    run('SELECT label_id, section, kind, template, row_key, key, position FROM labels ORDER BY section, kind, position, label_id'),
    run('SELECT * FROM numbers WHERE report_id = ?', [reportId], { reportIds: [reportId] }),
    run('SELECT d.check_id, c.ok, c.expected, c.actual FROM checks c JOIN check_definitions d ON d.check_no = c.check_no WHERE c.report_id = ? ORDER BY c.check_no', [reportId], { reportIds: [reportId] }),
    run('SELECT message FROM warnings WHERE report_id = ? ORDER BY seq', [reportId], { reportIds: [reportId] }),
    run('SELECT section, text FROM sections WHERE report_id = ?', [reportId], { reportIds: [reportId] }),
    run('SELECT cells, lines, readings FROM ambiguities WHERE report_id = ? ORDER BY seq', [reportId], { reportIds: [reportId] }),
  ]);
  const numberRow = new Map(numbers.map((n) => [Number(n.row_id), n]));
  const template = activeTemplate((rep.template as TemplateId | null) ?? null);
  const sources: Record<string, number> = {};
  /** One table of the record: its rows (by the labels of its section, and of the report's format for section 二), each with its columns. */
  const table = (section: TableSection): Record<string, Record<string, number | null> | null> => {
    const ofSection = labels.filter((l) => l.section === section && (section !== 'active' || l.template === template));
    const out: Record<string, Record<string, number | null> | null> = {};
    for (const row of ofSection.filter((l) => l.kind === 'row')) {
      const n = numberRow.get(Number(row.label_id));
      if (!n) {
        out[String(row.key)] = null;
        continue;
      }
      const cells: Record<string, number | null> = {};
      for (const col of ofSection.filter((l) => l.kind === 'column' && (section !== 'active' || l.row_key === row.key))) {
        cells[String(col.key)] = num(n[`c${col.position}`]);
        const line = num(n[`l${col.position}`]);
        if (line !== null) sources[`${section}.${row.key}.${col.key}`] = line;
      }
      out[String(row.key)] = cells;
    }
    return out;
  };
  const text = new Map(sections.map((s) => [String(s.section), String(s.text)]));
  const stored: Record<string, (key: string) => unknown> = {
    numbers: (key) => (key === 'sources' ? sources : table(key as TableSection)),
    sections: () => Object.fromEntries(RECORD_SECTIONS.map((k) => [k, text.get(k) ?? null])),
    checks: () => checks.map((c) => ({ id: String(c.check_id), ok: c.ok === 1, expected: Number(c.expected), actual: Number(c.actual) })),
    warnings: () => warnings.map((w) => String(w.message)),
    ambiguities: () => ambiguities.map((a) => ({ cells: JSON.parse(String(a.cells)), lines: JSON.parse(String(a.lines)), readings: JSON.parse(String(a.readings)) })),
  };
  const record: Record<string, unknown> = {};
  // Sources last: the tables fill them.
  const keys = Object.keys(RECORD_STORAGE) as (keyof typeof RECORD_STORAGE)[];
  for (const key of [...keys.filter((k) => k !== 'sources'), 'sources' as const]) {
    const where: { column: string } | { columns: Record<string, string> } | { table: string } = RECORD_STORAGE[key];
    if ('column' in where) record[key] = rep[where.column];
    else if ('columns' in where) record[key] = Object.fromEntries(Object.entries(where.columns).map(([field, column]) => [field, rep[column]]));
    else record[key] = stored[where.table](key);
  }
  // In the record's own order.
  return Object.fromEntries(keys.map((k) => [k, record[k]])) as unknown as ReportRecord;
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
  const { sql, params } = problemConditions(f, search);
  const rows = await run(
    `SELECT r.report_id, r.office_id, r.office_name, r.year, s.text
     FROM sections s JOIN report_overview r USING (report_id)
     WHERE ${sql}
     ORDER BY r.year DESC, r.office_name LIMIT ?`,
    [...params, limit],
    regionScope(f),
  );
  return rows.map((r) => ({ reportId: Number(r.report_id), officeId: String(r.office_id), officeName: String(r.office_name), year: num(r.year), text: String(r.text) }));
}

/**
 * Section 五 texts of the filters that hold every word of the search: the bigram index narrows
 * them (search.ts), `instr` confirms each word exactly.
 */
function problemConditions(f: Filters, search: string): { sql: string; params: SqlValue[] } {
  const w = where(f);
  const words = problemWords(search);
  const match = bigramQuery(words);
  const conditions = [
    "s.section = 'problems'",
    ...(w.sql ? [w.sql.replace(/^WHERE /, '')] : []),
    ...(match ? ['s.report_id IN (SELECT docid FROM problem_search WHERE problem_search MATCH ?)'] : []),
    ...words.map(() => 'instr(s.text, ?) > 0'),
  ];
  return { sql: conditions.join(' AND '), params: [...w.params, ...(match ? [match] : []), ...words] };
}

// ── The SQL box ────────────────────────────────────────────────────────────────────────────────
// A reader's own SQL does not run here: it runs in a worker of its own (sql-box.ts, user-query.ts).

export async function meta(run: Run): Promise<Record<string, string>> {
  const rows = await run('SELECT key, value FROM meta');
  return Object.fromEntries(rows.map((r) => [String(r.key), String(r.value)]));
}

/** What the database was built from: counts, years, and the files refused with their reasons. */
export interface CollectionSummary {
  files: number;
  reports: number;
  offices: number;
  duplicates: number;
  conflicts: number;
  firstYear: number | null;
  lastYear: number | null;
  parserVersion: string;
  refused: { path: string; code: string; message: string }[];
}

export async function collectionSummary(run: Run): Promise<CollectionSummary> {
  const m = await meta(run);
  const [years] = await run('SELECT min(year) AS first, max(year) AS last FROM reports');
  // The refused files are kept in the summary of a collection in parts (schema.ts EXTRA_KEPT): every page lists them.
  const refused = await run("SELECT path, error_code, message FROM files WHERE status = 'failed' ORDER BY path", [], { summary: true });
  return {
    files: Number(m.files_seen ?? 0),
    reports: Number(m.reports ?? 0),
    offices: Number(m.offices ?? 0),
    duplicates: Number(m.files_duplicate ?? 0),
    conflicts: Number(m.conflicts ?? 0),
    firstYear: years?.first === null || years === undefined ? null : Number(years.first),
    lastYear: years?.last === null || years === undefined ? null : Number(years.last),
    parserVersion: m.parser_version ?? '',
    refused: refused.map((r) => ({ path: String(r.path), code: String(r.error_code ?? ''), message: String(r.message ?? '') })),
  };
}

// ── offices, problems & data views ─────────────────────────────────────────────────────────────

/** The words of a problems search, as searchProblems matches them (the view highlights the same). */
export function problemWords(search: string): string[] {
  return search.trim().split(/\s+/).filter(Boolean);
}

/** How many section 五 texts contain every word of the search (searchProblems returns at most its limit). */
export async function countProblems(run: Run, f: Filters, search: string): Promise<number> {
  const { sql, params } = problemConditions(f, search);
  const [row] = await run(`SELECT COUNT(*) AS n FROM sections s JOIN report_overview r USING (report_id) WHERE ${sql}`, params, regionScope(f));
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
    { officeId },
  );
  return rows.map((r) => ({
    reportId: Number(r.report_id),
    year: num(r.year),
    section: r.section as Figure['section'],
    rowKey: String(r.row_key),
    rowLabel: String(r.row_label),
    rowLabelEn: String(r.row_label_en),
    rowPosition: Number(r.row_position),
    columnKey: String(r.column_key),
    columnLabel: String(r.column_label),
    columnLabelEn: String(r.column_label_en),
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
  labelEn: string;
  groupLabel: string | null;
  groupLabelEn: string | null;
  position: number;
}

/** The template's labels as the database holds them (the one source of the names views show). */
export async function templateLabels(run: Run): Promise<TemplateLabel[]> {
  const rows = await run('SELECT section, kind, template, row_key, key, label, label_en, group_label, group_label_en, position FROM labels ORDER BY label_id');
  return rows.map((r) => ({
    section: r.section as TemplateLabel['section'],
    kind: r.kind as TemplateLabel['kind'],
    template: str(r.template),
    rowKey: str(r.row_key),
    key: String(r.key),
    label: String(r.label),
    labelEn: String(r.label_en),
    groupLabel: str(r.group_label),
    groupLabelEn: str(r.group_label_en),
    position: Number(r.position),
  }));
}

// ── quality, themes, rates ──────────────────────────────────────────────────────────────────────

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITIES: Severity[] = ['high', 'medium', 'low'];
const severityOf = (worst: SqlValue | undefined): Severity => (Number(worst) >= 3 ? 'high' : Number(worst) === 2 ? 'medium' : 'low');

/** The filters' conditions (over `reports` r) as a list, to combine with others. */
function conditions(f: Filters, extra: string[] = [], extraParams: SqlValue[] = []): { sql: string; params: SqlValue[] } {
  const w = where(f);
  const parts = [...(w.sql ? [w.sql.replace(/^WHERE /, '')] : []), ...extra];
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params: [...w.params, ...extraParams] };
}

export interface QualityFinding {
  seq: number;
  code: string;
  severity: Severity;
  messageZh: string;
  messageEn: string;
  /** What the sentence is made from (identities, carry-over), rendered in the page's language; else null. */
  params: FindingParams | null;
}

const qualityFinding = (r: Row): QualityFinding => ({
  seq: Number(r.seq),
  code: String(r.code),
  severity: String(r.severity) as Severity,
  messageZh: String(r.message_zh),
  messageEn: String(r.message_en),
  params: typeof r.params === 'string' ? (JSON.parse(r.params) as FindingParams) : null,
});

export interface QualityReport {
  reportId: number;
  officeId: string;
  officeName: string;
  /** The office as the report names itself. */
  office: string | null;
  year: number | null;
  province: string | null;
  city: string | null;
  district: string | null;
  /** The most serious of all the report's findings. */
  worst: Severity;
  high: number;
  medium: number;
  low: number;
  /** The findings shown (of the severity and code asked for), most serious first. */
  findings: QualityFinding[];
}

export interface QualityOptions {
  /** Only findings of this severity (and the reports that have one). */
  severity?: Severity | null;
  /** Only findings of this kind. */
  code?: string | null;
  limit?: number;
  /** Reports skipped before the first returned (a page of the list). */
  offset?: number;
}

function findingConditions(opts: QualityOptions, alias = 'fd'): { sql: string[]; params: SqlValue[] } {
  const sql: string[] = [];
  const params: SqlValue[] = [];
  if (opts.severity) (sql.push(`${alias}.severity = ?`), params.push(opts.severity));
  if (opts.code) (sql.push(`${alias}.code = ?`), params.push(opts.code));
  return { sql, params };
}

/**
 * The condition "has a finding of this severity and kind" over quality_reports (alias q): the
 * kinds asked for as bits (quality_kinds), none where nothing is asked.
 */
function kindsCondition(opts: QualityOptions): { sql: string[]; params: SqlValue[] } {
  const fc = findingConditions(opts, 'k');
  if (!fc.sql.length) return { sql: [], params: [] };
  return { sql: [`q.kinds & (SELECT COALESCE(SUM(1 << k.kind), 0) FROM quality_kinds k WHERE ${fc.sql.join(' AND ')}) != 0`], params: fc.params };
}

/**
 * The filters over quality_cells (alias c): the place as its regions' numbers, the years and the
 * format as they are.
 */
function cellConditions(f: Filters): { sql: string; params: SqlValue[] } {
  const place = where({ ...f, years: [], template: null }, 'g');
  const time = where({ ...NO_FILTERS, years: f.years, template: f.template }, 'c');
  const parts = [...(place.sql ? [`c.region IN (SELECT g.region FROM quality_regions g ${place.sql})`] : []), ...(time.sql ? [time.sql.replace(/^WHERE /, '')] : [])];
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params: [...place.params, ...time.params] };
}

/** The filters and the severity and kind asked for, over quality_reports (alias q): its cell and kinds. */
function qualityReportConditions(f: Filters, opts: QualityOptions): { sql: string; params: SqlValue[] } {
  const cells = cellConditions(f);
  const kinds = kindsCondition(opts);
  const parts = [...(cells.sql ? [`q.cell IN (SELECT c.cell FROM quality_cells c ${cells.sql})`] : []), ...kinds.sql];
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params: [...cells.params, ...kinds.params] };
}

/**
 * Reports with findings, most serious first (worst finding, then how many high, medium, low),
 * each with its findings in one sentence. `total` counts every report that matches; at most
 * `limit` are returned, after the first `offset`.
 */
export async function qualityReports(run: Run, f: Filters, opts: QualityOptions = {}): Promise<{ total: number; reports: QualityReport[] }> {
  // Filtered, counted and ranked on quality_reports alone (the build's counts, cells and order);
  // only the reports shown are read, and get their sentences from findings, asked for by id (the
  // view's numbering of every report's findings is the costly part), and scoped to them: in a
  // collection in parts, the first-ranked reports' findings come from a small file of their own.
  const c = qualityReportConditions(f, opts);
  const [[count], shown] = await Promise.all([
    run(`SELECT COUNT(*) AS n FROM quality_reports q ${c.sql}`, c.params),
    run(
      `SELECT r.report_id, r.office_id, o.name AS office_name, r.office, r.year, r.province, r.city, r.district,
              CASE WHEN q.high > 0 THEN 3 WHEN q.medium > 0 THEN 2 ELSE 1 END AS worst, q.high, q.medium, q.low
       FROM (SELECT * FROM quality_reports q ${c.sql} ORDER BY q.rank LIMIT ? OFFSET ?) q
       JOIN reports r ON r.report_id = q.report_id JOIN offices o ON o.office_id = r.office_id
       ORDER BY q.rank`,
      [...c.params, opts.limit ?? 200, opts.offset ?? 0],
    ),
  ]);
  const fc = findingConditions(opts);
  const ids = shown.map((r) => Number(r.report_id));
  const rows = ids.length
    ? await run(
        `SELECT fd.report_id, fd.seq, fd.code, fd.severity, fd.message_zh, fd.message_en, fd.params FROM findings fd
         WHERE fd.report_id IN (${ids.map(() => '?').join(', ')})${fc.sql.map((s) => ` AND ${s}`).join('')}
         ORDER BY fd.report_id, fd.seq`,
        [...ids, ...fc.params],
        { reportIds: ids },
      )
    : [];
  const findingsOf = new Map<number, Row[]>();
  for (const r of rows) findingsOf.set(Number(r.report_id), [...(findingsOf.get(Number(r.report_id)) ?? []), r]);
  const reports: QualityReport[] = shown.map((r) => ({
    reportId: Number(r.report_id),
    officeId: String(r.office_id),
    officeName: String(r.office_name),
    office: str(r.office),
    year: num(r.year),
    province: str(r.province),
    city: str(r.city),
    district: str(r.district),
    worst: severityOf(r.worst),
    high: Number(r.high),
    medium: Number(r.medium),
    low: Number(r.low),
    findings: (findingsOf.get(Number(r.report_id)) ?? []).map(qualityFinding),
  }));
  return { total: Number(count?.n ?? 0), reports };
}

export interface QualitySummary {
  /** Reports matching the filters. */
  reports: number;
  /** Of them, reports with any finding, and with a finding of each severity. */
  withFindings: number;
  high: number;
  medium: number;
  low: number;
  /** Each kind of finding: how many findings, in how many reports; most serious first. */
  byCode: { code: string; severity: Severity; findings: number; reports: number }[];
}

/** From the build's counts per place, year and format (quality_cells, quality_counts): no scan of the findings. */
export async function qualitySummary(run: Run, f: Filters): Promise<QualitySummary> {
  const c = cellConditions(f);
  const [[totals], byCode] = await Promise.all([
    run(`SELECT SUM(c.reports) AS reports, SUM(c.with_findings) AS with_findings, SUM(c.high) AS high, SUM(c.medium) AS medium, SUM(c.low) AS low FROM quality_cells c ${c.sql}`, c.params),
    run(
      `SELECT k.code, k.severity, n.finding_count, n.reports
       FROM (SELECT n.kind, SUM(n.finding_count) AS finding_count, SUM(n.reports) AS reports FROM quality_counts n
             ${c.sql ? `WHERE n.cell IN (SELECT c.cell FROM quality_cells c ${c.sql})` : ''} GROUP BY n.kind) n
       JOIN quality_kinds k ON k.kind = n.kind
       ORDER BY CASE k.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, n.reports DESC, k.code`,
      c.params,
    ),
  ]);
  return {
    reports: Number(totals?.reports ?? 0),
    withFindings: Number(totals?.with_findings ?? 0),
    high: Number(totals?.high ?? 0),
    medium: Number(totals?.medium ?? 0),
    low: Number(totals?.low ?? 0),
    byCode: byCode.map((r) => ({ code: String(r.code), severity: String(r.severity) as Severity, findings: Number(r.finding_count), reports: Number(r.reports) })),
  };
}

/** One report's findings, most serious first (the order the data build stored them in). */
export async function findingsOfReport(run: Run, reportId: number): Promise<QualityFinding[]> {
  const rows = await run('SELECT seq, code, severity, message_zh, message_en, params FROM findings WHERE report_id = ? ORDER BY seq', [reportId], { reportIds: [reportId] });
  return rows.map(qualityFinding);
}

export interface SimilarText {
  section: 'overview' | 'problems';
  kind: 'previous-year' | 'same-year';
  score: number;
  otherReportId: number;
  otherOfficeId: string;
  otherOfficeName: string;
  otherYear: number | null;
}

/**
 * The sections of a report that are largely the same (score ≥ minScore) as its office's previous
 * year or another office's of the same year; the previous year first. From the summary's rows
 * alone: the texts (similarTexts) are asked for when a copy is opened, since another office's
 * report may be in another part (often a large one).
 */
export async function reportSimilarities(run: Run, reportId: number, minScore: number): Promise<SimilarText[]> {
  const rows = await run(
    `SELECT s.section, s.kind, s.score, s.other_report_id, o.office_id AS other_office_id, oo.name AS other_office_name, o.year AS other_year
     FROM similarities s
     JOIN reports o ON o.report_id = s.other_report_id
     JOIN offices oo ON oo.office_id = o.office_id
     WHERE s.report_id = ? AND s.score >= ?
     ORDER BY s.kind = 'same-year', s.section = 'problems'`,
    [reportId, minScore],
    // The copies keyed by the report are in its part; the other report's office and year in the core.
    { reportIds: [reportId] },
  );
  return rows.map((r) => ({
    section: r.section as SimilarText['section'],
    kind: r.kind as SimilarText['kind'],
    score: Number(r.score),
    otherReportId: Number(r.other_report_id),
    otherOfficeId: String(r.other_office_id),
    otherOfficeName: String(r.other_office_name),
    otherYear: num(r.other_year),
  }));
}

/** A section's text in a report and in the other report it is compared with (empty where a report has none). */
export async function similarTexts(run: Run, section: string, reportId: number, otherReportId: number): Promise<{ text: string; otherText: string }> {
  const rows = await run('SELECT report_id, text FROM sections WHERE report_id IN (?, ?) AND section = ?', [reportId, otherReportId, section], { reportIds: [reportId, otherReportId] });
  const textOf = (id: number) => String(rows.find((r) => Number(r.report_id) === id)?.text ?? '');
  return { text: textOf(reportId), otherText: textOf(otherReportId) };
}

export interface ThemeInfo {
  theme: string;
  position: number;
  labelZh: string;
  labelEn: string;
  covers: string;
}

/** The themes of self-reported problems, in the table's order. */
export async function themeList(run: Run): Promise<ThemeInfo[]> {
  const rows = await run('SELECT theme, position, label_zh, label_en, covers FROM themes ORDER BY position');
  return rows.map((r) => ({ theme: String(r.theme), position: Number(r.position), labelZh: String(r.label_zh), labelEn: String(r.label_en), covers: String(r.covers) }));
}

export interface ThemeSentence {
  reportId: number;
  seq: number;
  theme: string;
  sentence: string;
  /** The words that marked the theme (NFKC-folded, spaces removed). */
  phrase: string;
  officeId: string;
  officeName: string;
  year: number | null;
}

const themeSentence = (r: Row): ThemeSentence => ({
  reportId: Number(r.report_id),
  seq: Number(r.seq),
  theme: String(r.theme),
  sentence: String(r.sentence),
  phrase: String(r.phrase),
  officeId: String(r.office_id),
  officeName: String(r.office_name),
  year: num(r.year),
});

/** Every problem sentence of an office's reports with the theme it admits, oldest year first. */
export async function officeThemes(run: Run, officeId: string): Promise<ThemeSentence[]> {
  const rows = await run(
    `SELECT pt.report_id, pt.seq, pt.theme, pt.sentence, pt.phrase, r.office_id, o.name AS office_name, r.year
     FROM problem_themes pt JOIN reports r ON r.report_id = pt.report_id JOIN offices o ON o.office_id = r.office_id
     WHERE r.office_id = ? ORDER BY r.year, pt.report_id, pt.seq`,
    [officeId],
    { officeId },
  );
  return rows.map(themeSentence);
}

/** The sentences behind a theme for the filters, latest year first; `total` counts them all. */
export async function themeSentences(run: Run, f: Filters, theme: string, limit = 200): Promise<{ total: number; sentences: ThemeSentence[] }> {
  const c = conditions(f, ['pt.theme = ?'], [theme]);
  const from = 'FROM problem_themes pt JOIN reports r ON r.report_id = pt.report_id JOIN offices o ON o.office_id = r.office_id';
  const [[count], rows] = await Promise.all([
    run(`SELECT COUNT(*) AS n ${from} ${c.sql}`, c.params, regionScope(f)),
    run(
      `SELECT pt.report_id, pt.seq, pt.theme, pt.sentence, pt.phrase, r.office_id, o.name AS office_name, r.year
       ${from} ${c.sql} ORDER BY r.year DESC, o.name, pt.report_id, pt.seq LIMIT ?`,
      [...c.params, limit],
      regionScope(f),
    ),
  ]);
  return { total: Number(count?.n ?? 0), sentences: rows.map(themeSentence) };
}

export type ThemeGrouping = 'year' | 'province' | 'city' | 'district';

export interface ThemeShares {
  /** What the groups are: years, or the places one level below the filters' place. */
  by: ThemeGrouping;
  /** Each group with its reports that have a section 五 text (the denominator). */
  groups: { group: string | null; reportsWithText: number }[];
  /** Reports admitting each theme, per group (only where at least one does). */
  cells: { group: string | null; theme: string; reports: number }[];
}

/**
 * How often each theme is admitted: reports admitting it ÷ reports with a section 五 text, per
 * year (as the `theme_year` view, with the filters) or per place (province, or the cities of the
 * province filtered on, or the districts of the city).
 */
export async function themeShares(run: Run, f: Filters, by: 'year' | 'region'): Promise<ThemeShares> {
  const grouping: ThemeGrouping = by === 'year' ? 'year' : f.city ? 'district' : f.province ? 'city' : 'province';
  const c = conditions(f, grouping === 'year' ? ['r.year IS NOT NULL'] : []);
  const base = `WITH base AS (
    SELECT r.report_id, r.${grouping} AS grp FROM reports r JOIN sections s ON s.report_id = r.report_id AND s.section = 'problems' ${c.sql}
  )`;
  const [groups, cells] = await Promise.all([
    run(`${base} SELECT grp, COUNT(*) AS reports FROM base GROUP BY grp ORDER BY grp IS NULL, grp`, c.params, regionScope(f)),
    run(
      `${base} SELECT b.grp, pt.theme, COUNT(DISTINCT pt.report_id) AS reports
       FROM problem_themes pt JOIN base b ON b.report_id = pt.report_id GROUP BY b.grp, pt.theme ORDER BY b.grp IS NULL, b.grp, pt.theme`,
      c.params,
      regionScope(f),
    ),
  ]);
  return {
    by: grouping,
    groups: groups.map((g) => ({ group: str(g.grp), reportsWithText: Number(g.reports) })),
    cells: cells.map((r) => ({ group: str(r.grp), theme: String(r.theme), reports: Number(r.reports) })),
  };
}

export interface RateValue {
  key: string;
  /** A share (0–1); null where nothing stands behind it (no cases, or not reported). */
  value: number | null;
  /** The denominator: the cases behind the rate. */
  cases: number | null;
}

const rateDef = (key: string) => {
  const def = RATES.find((r) => r.key === key);
  if (!def) throw new Error(`unknown rate: ${key}`);
  return def;
};

/** Every rate of one report (the `report_rates` view), in RATES' order. */
export async function reportRates(run: Run, reportId: number): Promise<RateValue[]> {
  const [row] = await run('SELECT * FROM report_rates WHERE report_id = ?', [reportId]);
  return RATES.map((r) => ({ key: r.key, value: row ? num(row[r.key]) : null, cases: row ? num(row[`${r.key}_cases`]) : null }));
}

export interface RankedOffice {
  officeId: string;
  name: string;
  district: string | null;
  /** Reports with a rate behind the figure. */
  reports: number;
  /** The rate over the filtered years: the numerators' sum ÷ the denominators' sum. */
  value: number;
  cases: number;
  numerator: number;
}

/**
 * Offices ranked by a rate over the filtered years, only those with at least `minCases` cases
 * behind it. `excluded` counts the offices with a rate but fewer cases.
 */
export async function rateRanking(
  run: Run,
  f: Filters,
  rateKey: string,
  opts: { minCases?: number; order?: 'desc' | 'asc'; limit?: number } = {},
): Promise<{ offices: RankedOffice[]; ranked: number; excluded: number }> {
  const key = rateDef(rateKey).key;
  const minCases = opts.minCases ?? MIN_CASES_FOR_RANKING;
  const c = conditions(f, [`rr.${key} IS NOT NULL`]);
  // rate × cases is the numerator (a count): rounding undoes the division's floating point.
  const perOffice = `SELECT rr.office_id, rr.office_name, rr.district, COUNT(*) AS reports, SUM(rr.${key}_cases) AS cases, ROUND(SUM(rr.${key} * rr.${key}_cases)) AS numerator
    FROM report_rates rr JOIN reports r ON r.report_id = rr.report_id ${c.sql} GROUP BY rr.office_id`;
  const dir = opts.order === 'asc' ? 'ASC' : 'DESC';
  // One pass over the reports (SQLite materializes a CTE read twice): the counts on every row, and
  // once on a row of NULLs when no office is ranked.
  const rows = await run(
    `WITH per_office AS (${perOffice}),
          counts AS (SELECT SUM(cases >= ?) AS ranked, SUM(cases < ?) AS excluded FROM per_office)
     SELECT counts.ranked, counts.excluded, top.* FROM counts
     LEFT JOIN (SELECT * FROM per_office WHERE cases >= ? ORDER BY 1.0 * numerator / cases ${dir}, cases DESC, office_id LIMIT ?) top
     ORDER BY 1.0 * top.numerator / top.cases ${dir}, top.cases DESC, top.office_id`,
    [...c.params, minCases, minCases, minCases, opts.limit ?? 20],
  );
  const counts = rows[0];
  return {
    offices: rows.filter((r) => r.office_id !== null).map((r) => ({
      officeId: String(r.office_id),
      name: String(r.office_name),
      district: str(r.district),
      reports: Number(r.reports),
      value: Number(r.numerator) / Number(r.cases),
      cases: Number(r.cases),
      numerator: Number(r.numerator),
    })),
    ranked: Number(counts?.ranked ?? 0),
    excluded: Number(counts?.excluded ?? 0),
  };
}

// ── check a report ──────────────────────────────────────────────────────────────────────────────

/** The formula of each of a report's own checks (勾稽关系), by check id: how the check view explains them. */
export async function checkFormulas(run: Run): Promise<Map<string, string>> {
  const rows = await run('SELECT check_id, formula FROM check_definitions ORDER BY check_no');
  return new Map(rows.map((r) => [String(r.check_id), String(r.formula)]));
}

/** Where a report read in the browser stands: what the parser found of its office. */
export interface OfficeClue {
  office: string | null;
  region: { province: string | null; city: string | null; district: string | null };
  divisionCode: string | null;
}

export interface OfficeMatch {
  officeId: string;
  name: string;
  province: string | null;
  city: string | null;
  district: string | null;
  divisionCode: string | null;
  reports: number;
  /** How it was found: by the division code, or by the name (or an alias) in the same district. */
  by: 'code' | 'name';
}

/** "花园街道办事处" → "花园街道": the data build's canonical name (src/lib/build/offices.ts). */
const canonicalName = (name: string) => name.replace(/\s+/g, '').replace(/(?:街道办事处|街道办|办事处|街道)$/, '街道');

/**
 * The spellings one office goes by, as the data build folds them (src/lib/build/offices.ts):
 * "花园街道办事处", "花园办事处", "花园街道办", "花园街道" are one street office.
 */
export function officeNameSpellings(name: string): string[] {
  const compact = name.replace(/\s+/g, '');
  const canonical = canonicalName(name);
  const base = canonical !== compact || /街道$/.test(compact) ? canonical.slice(0, -2) : null;
  return [...new Set([name, compact, canonical, ...(base ? [`${base}街道`, `${base}街道办事处`, `${base}办事处`, `${base}街道办`] : [])])];
}

/**
 * The database's office for a report checked in the browser: the office with its division code,
 * else the office whose name or an alias is one of its spellings in the same district (province
 * and city, where both are known, agree too). Best first (most reports); empty when none.
 */
export async function findOffice(run: Run, clue: OfficeClue): Promise<OfficeMatch[]> {
  const columns = `o.office_id, o.name, o.province, o.city, o.district, o.division_code,
    (SELECT COUNT(*) FROM reports r WHERE r.office_id = o.office_id) AS reports`;
  const match = (r: Row, by: OfficeMatch['by']): OfficeMatch => ({
    officeId: String(r.office_id),
    name: String(r.name),
    province: str(r.province),
    city: str(r.city),
    district: str(r.district),
    divisionCode: str(r.division_code),
    reports: Number(r.reports),
    by,
  });
  if (clue.divisionCode) {
    const rows = await run(`SELECT ${columns} FROM offices o WHERE o.division_code = ? OR o.office_id = ? ORDER BY reports DESC, o.office_id`, [clue.divisionCode, clue.divisionCode]);
    if (rows.length) return rows.map((r) => match(r, 'code'));
  }
  if (!clue.office) return [];
  const { province, city, district } = clue.region;
  const names = officeNameSpellings(clue.office);
  const marks = names.map(() => '?').join(', ');
  // The data build's own id for an office without a code: its region, "/", its canonical name.
  const builtId = [province, city, district].filter(Boolean).join('') + '/' + canonicalName(clue.office);
  const rows = await run(
    `SELECT ${columns} FROM offices o
     WHERE (o.office_id = ? OR o.name IN (${marks}) OR o.office_id IN (SELECT office_id FROM office_aliases WHERE alias IN (${marks})))
       AND (o.district = ? OR (o.district IS NULL AND ? IS NULL))
       AND (? IS NULL OR o.city IS NULL OR o.city = ?)
       AND (? IS NULL OR o.province IS NULL OR o.province = ?)
     ORDER BY reports DESC, o.office_id`,
    [builtId, ...names, ...names, district, district, city, city, province, province],
  );
  return rows.map((r) => match(r, 'name'));
}

// ---- A collection published in parts (issue 16; src/lib/db/parts.ts attaches them) ----

/** The provinces and cities a query's scope covers, to fetch only their parts. */
export const PART_SCOPE_SQL = {
  office: 'SELECT DISTINCT province, city FROM main.reports WHERE office_id = ?',
  reports: (n: number) => `SELECT DISTINCT province, city FROM main.reports WHERE report_id IN (${Array(n).fill('?').join(', ')})`,
};

/** The parts a region filter's rows are in (every part without a province filter). */
const regionScope = (f: Filters): PartScope | undefined => (f.province ? { region: { province: f.province, city: f.city } } : undefined);

/** The main schema's views and their SQL: a view reads the parts when it names a detail table or such a view. */
export const MAIN_VIEWS_SQL = "SELECT name, sql FROM main.sqlite_master WHERE type = 'view' ORDER BY rowid";

/**
 * A fetched part, ATTACHed as `incoming`, merged into the summary's empty detail tables: the
 * views and every query then read them as in one file (and the SQL box's copy has them too).
 * The search index is filled from the part's section 五 texts (PART_SEARCH_SQL), as the build does.
 */
export const partMergeSql = (tables: readonly string[]) => tables.map((t) => `INSERT INTO main.${t} SELECT * FROM incoming.${t}`);
/**
 * The rows of the summary's extras, from a file of them or a part: the rows a part carries are also
 * in the files (merged in either order), so a row already in is left as it is.
 */
export const extrasMergeSql = (tables: readonly string[]) => tables.map((t) => `INSERT OR IGNORE INTO main.${t} SELECT * FROM incoming.${t}`);
/** The summary extras' columns of `reports` (schema.ts EXTRA_REPORT_COLUMNS), put back into the summary's rows of the reports the file (or part) holds. */
export const extraReportColumnsSql = (columns: readonly string[]) =>
  `UPDATE main.reports SET (${columns.join(', ')}) = (SELECT ${columns.join(', ')} FROM incoming.reports x WHERE x.report_id = main.reports.report_id)
   WHERE report_id IN (SELECT report_id FROM incoming.reports)`;
export const PART_SEARCH_SQL = {
  /** The reports of the part with a section 五 text, noted as it is merged (indexed when a search first needs them). */
  ids: "SELECT report_id FROM incoming.sections WHERE section = 'problems' ORDER BY report_id",
  text: "SELECT text FROM main.sections WHERE report_id = ? AND section = 'problems'",
  insert: (table: string) => `INSERT INTO main.${table} (docid, bigrams) VALUES (?, ?)`,
};
