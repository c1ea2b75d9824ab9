/**
 * The database's schema: tables, views and the template's labels as rows. The data build creates it
 * (scripts/lib/build-database.ts); the app's query functions (src/lib/db/queries.ts) read it.
 * docs/database.md explains it for people who query it by hand.
 *
 * Size matters (the browser downloads the file): the numbers are stored one row per table row
 * (c1…c7 = the row's cells in column order, l1…l7 = the input line each was read from) and shown
 * in long form by the `figures` view, which is what charts aggregate.
 */
import { CHECK_MESSAGES, type CheckMessageKey, type Lang } from '../analysis/check-text';
import { RATES } from '../analysis/rates';
import { LARGELY_SAME } from '../analysis/similarity';
import { CHECK_DEFINITIONS, CROSS_YEAR_CHECK_IDS, CROSS_YEAR_RULES, crossYearSides } from '../report/checks';
import type { ReportRecord } from '../report/record';
import {
  ACTIVE_ITEMS,
  APPLICANT_COLUMNS,
  APPLICATION_GROUPS,
  APPLICATION_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  SECTIONS,
  type TemplateId,
} from '../report/template';

/**
 * Where each key of the report record is kept, so that the record read back from the database is
 * the parser's, key for key (tests/roundtrip.record.test.ts): a column of `reports` (the report's
 * own values, as the parser read them: `province` … `division_code` of `reports` are its office's,
 * which offices.csv or another report may have corrected or completed), or rows of a table
 * (`numbers` through the template's `labels`). The data build writes by it (`recordColumns`),
 * `reportRecord` (queries.ts) reads by it; a key the record gains and this map lacks fails the
 * type check.
 */
export const RECORD_STORAGE = {
  title: { column: 'title' },
  office: { column: 'office' },
  region: { columns: { province: 'stated_province', city: 'stated_city', district: 'stated_district' } },
  divisionCode: { column: 'stated_division_code' },
  year: { column: 'year' },
  template: { column: 'template' },
  active: { table: 'numbers' },
  applications: { table: 'numbers' },
  reviewLitigation: { table: 'numbers' },
  sections: { table: 'sections' },
  checks: { table: 'checks' },
  warnings: { table: 'warnings' },
  sources: { table: 'numbers' },
  ambiguities: { table: 'ambiguities' },
} as const satisfies { [K in keyof ReportRecord]-?: { column: string } | { columns: { [F in keyof ReportRecord[K]]-?: string } } | { table: 'numbers' | 'sections' | 'checks' | 'warnings' | 'ambiguities' } };

/** The `reports` columns that hold a record's own values. */
export const RECORD_COLUMNS: string[] = Object.values(RECORD_STORAGE).flatMap((where) => ('column' in where ? [where.column] : 'columns' in where ? Object.values(where.columns) : []));

/** The `reports` columns that hold a record's own values, with the record's values. */
export function recordColumns(record: ReportRecord): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [key, where] of Object.entries(RECORD_STORAGE)) {
    const value = (record as unknown as Record<string, unknown>)[key];
    if ('column' in where) out[where.column] = value as string | number | null;
    else if ('columns' in where) for (const [field, column] of Object.entries(where.columns)) out[column] = (value as Record<string, string | null>)[field];
  }
  return out;
}

/** Section 二's labels are of the report's format; a report whose format is unknown is stored as 2021's. */
export const activeTemplate = (template: TemplateId | null): TemplateId => template ?? '2021';

/** Bumped whenever a table or view changes shape. */
export const SCHEMA_VERSION = '13';

/** The most cells a table row has (section 三: seven applicant columns). */
export const MAX_COLUMNS = 7;

export type TableSection = 'active' | 'applications' | 'reviewLitigation';

/** One row of the `labels` table. */
export interface LabelRow {
  label_id: number;
  section: TableSection | 'sections';
  kind: 'row' | 'column' | 'section';
  /** Section 二 differs by format; null where both formats share the label. */
  template: TemplateId | null;
  /** For section 二's columns: the item (row key) they belong to. */
  row_key: string | null;
  key: string;
  label: string;
  /** The English name the English interface shows. */
  label_en: string;
  group_label: string | null;
  group_label_en: string | null;
  /** Display order; for columns, the slot c1…c7 that holds the value. */
  position: number;
}

/** The template's labels as rows, in a fixed order so label ids are stable. */
export function labelRows(): LabelRow[] {
  const rows: Omit<LabelRow, 'label_id'>[] = [];
  const row = (r: Pick<LabelRow, 'section' | 'kind'> & Partial<LabelRow>, def: { key: string; label: string; en: string; group?: string }, position: number) =>
    rows.push({
      template: null,
      row_key: null,
      ...r,
      key: def.key,
      label: def.label,
      label_en: def.en,
      group_label: def.group ?? null,
      group_label_en: def.group ? APPLICATION_GROUPS[def.group] : null,
      position,
    });
  for (const template of ['2021', '2019'] as const) {
    ACTIVE_ITEMS[template].forEach((item, i) => {
      row({ section: 'active', kind: 'row', template }, item, i + 1);
      item.columns.forEach((col, c) => row({ section: 'active', kind: 'column', template, row_key: item.key }, col, c + 1));
    });
  }
  APPLICATION_ROWS.forEach((r, i) => row({ section: 'applications', kind: 'row' }, r, i + 1));
  APPLICANT_COLUMNS.forEach((c, i) => row({ section: 'applications', kind: 'column' }, c, i + 1));
  REVIEW_GROUPS.forEach((g, i) => row({ section: 'reviewLitigation', kind: 'row' }, g, i + 1));
  REVIEW_COLUMNS.forEach((c, i) => row({ section: 'reviewLitigation', kind: 'column' }, c, i + 1));
  SECTIONS.forEach((s, i) => row({ section: 'sections', kind: 'section' }, s, i + 1));
  return rows.map((r, i) => ({ label_id: i + 1, ...r }));
}

/** Check ids in a fixed order: `checks.check_no` points into this list (1-based). */
export const CHECK_ROWS = CHECK_DEFINITIONS.map((d, i) => ({ check_no: i + 1, ...d }));

const slots = (prefix: string) => Array.from({ length: MAX_COLUMNS }, (_, i) => `${prefix}${i + 1}`);
const pick = (prefix: string) => `CASE c.position ${slots(prefix).map((s, i) => `WHEN ${i + 1} THEN n.${s}`).join(' ')} END`;
/** One cell of the applications table, by row key and column slot, for one report. */
const applicationCell = (row: string, slot = 7) =>
  `(SELECT n.c${slot} FROM numbers n WHERE n.report_id = r.report_id AND n.row_id = (SELECT label_id FROM labels WHERE section = 'applications' AND kind = 'row' AND key = '${row}'))`;
const sumOfRows = (rows: string[], slot = 7) =>
  `(SELECT SUM(n.c${slot}) FROM numbers n JOIN labels l ON l.label_id = n.row_id WHERE n.report_id = r.report_id AND l.section = 'applications' AND l.key IN (${rows.map((k) => `'${k}'`).join(', ')}))`;
const reviewCell = (group: string, column: string) =>
  `(SELECT n.c${REVIEW_COLUMNS.findIndex((c) => c.key === column) + 1} FROM numbers n WHERE n.report_id = r.report_id AND n.row_id = (SELECT label_id FROM labels WHERE section = 'reviewLitigation' AND kind = 'row' AND key = '${group}'))`;
const rowsOfGroup = (group: string) => APPLICATION_ROWS.filter((r) => r.group === group).map((r) => r.key);

/** Cases concluded: upheld + corrected + other result (尚未审结 excluded). */
const concluded = (groups: string[]) => `(${groups.flatMap((g) => ['upheld', 'corrected', 'other'].map((c) => reviewCell(g, c))).join(' + ')})`;

/** The headline figures of one report: what the overview and rankings aggregate. */
const HEADLINE_COLUMNS = [
  ['new_received', applicationCell('newReceived')],
  ['carried_over', applicationCell('carriedOver')],
  ['granted', applicationCell('granted')],
  ['partially_granted', applicationCell('partiallyGranted')],
  ['denied', sumOfRows(rowsOfGroup('（三）不予公开'))],
  ['unavailable', sumOfRows(rowsOfGroup('（四）无法提供'))],
  ['rejected', sumOfRows(rowsOfGroup('（五）不予处理'))],
  ['other_handling', sumOfRows(['otherNoCorrection', 'otherUnpaidFee', 'otherOther', 'otherHandling'])],
  ['total_processed', applicationCell('totalProcessed')],
  ['carried_forward', applicationCell('carriedForward')],
  ['review_total', reviewCell('review', 'total')],
  ['review_corrected', reviewCell('review', 'corrected')],
  ['litigation_total', `(${reviewCell('litigationDirect', 'total')} + ${reviewCell('litigationAfterReview', 'total')})`],
  ['litigation_corrected', `(${reviewCell('litigationDirect', 'corrected')} + ${reviewCell('litigationAfterReview', 'corrected')})`],
  ['review_concluded', concluded(['review'])],
  ['litigation_concluded', concluded(['litigationDirect', 'litigationAfterReview'])],
] as const;
/** Headline figures that the region and office views sum. */
export const HEADLINE_KEYS = HEADLINE_COLUMNS.map(([k]) => k);

/**
 * The data build fills `report_headline` with this, once all numbers are in: computed on the fly
 * (about thirty lookups per report) the overview of 10,000 reports took seconds in the browser.
 */
export const FILL_HEADLINE_SQL = `INSERT INTO report_headline SELECT r.report_id, ${HEADLINE_COLUMNS.map(([k, sql]) => `${sql} AS ${k}`).join(', ')} FROM reports r ORDER BY r.report_id`;

const SEVERITY_ORDER = (column: string) => `CASE ${column} WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`;

/**
 * The data build fills the quality view's tables (quality_kinds, quality_regions, quality_cells,
 * quality_counts, quality_reports) with this, once every report, finding and copied text is in: for
 * the one file and a collection's summary alike (assemble.ts fillQuality). Every count is the one the
 * view got from finding_kinds over every report (tests/helpers/quality-reference.ts compares them).
 */
export const FILL_QUALITY_SQL = `
INSERT INTO quality_kinds (kind, code, severity)
SELECT ROW_NUMBER() OVER (ORDER BY ${SEVERITY_ORDER('severity')}, code) - 1, code, severity
FROM (SELECT DISTINCT code, severity FROM finding_kinds);

INSERT INTO quality_regions (region, province, city, district)
SELECT ROW_NUMBER() OVER (ORDER BY province, city, district), province, city, district
FROM (SELECT DISTINCT province, city, district FROM reports);

-- Each report's cell, and its findings of each kind.
CREATE TEMP TABLE report_cells AS
SELECT r.report_id, g.region, r.year, r.template, 0 AS cell
FROM reports r JOIN quality_regions g ON g.province IS r.province AND g.city IS r.city AND g.district IS r.district;
CREATE TEMP TABLE cells AS
SELECT ROW_NUMBER() OVER (ORDER BY region, year, template) AS cell, region, year, template
FROM (SELECT DISTINCT region, year, template FROM temp.report_cells);
UPDATE temp.report_cells AS rc SET cell = c.cell FROM temp.cells c WHERE c.region = rc.region AND c.year IS rc.year AND c.template IS rc.template;
CREATE INDEX temp.report_cells_by_id ON report_cells (report_id);
CREATE TEMP TABLE report_kinds AS
SELECT f.report_id, k.kind, COUNT(*) AS findings
FROM finding_kinds f JOIN quality_kinds k ON k.code = f.code AND k.severity = f.severity
GROUP BY f.report_id, k.kind;

INSERT INTO quality_reports (rank, report_id, cell, high, medium, low, kinds)
SELECT ROW_NUMBER() OVER (ORDER BY CASE WHEN q.high > 0 THEN 3 WHEN q.medium > 0 THEN 2 ELSE 1 END DESC, q.high DESC, q.medium DESC, q.low DESC, r.year DESC, o.name, q.report_id),
       q.report_id, rc.cell, q.high, q.medium, q.low, q.kinds
FROM (
  SELECT rk.report_id,
         SUM(CASE k.severity WHEN 'high' THEN rk.findings ELSE 0 END) AS high,
         SUM(CASE k.severity WHEN 'medium' THEN rk.findings ELSE 0 END) AS medium,
         SUM(CASE k.severity WHEN 'low' THEN rk.findings ELSE 0 END) AS low,
         SUM(1 << rk.kind) AS kinds
  FROM temp.report_kinds rk JOIN quality_kinds k USING (kind)
  GROUP BY rk.report_id
) q JOIN reports r ON r.report_id = q.report_id JOIN offices o ON o.office_id = r.office_id JOIN temp.report_cells rc ON rc.report_id = q.report_id
ORDER BY 1;

INSERT INTO quality_cells (cell, region, year, template, reports, with_findings, high, medium, low)
SELECT c.cell, c.region, c.year, c.template, COUNT(*), COUNT(q.rank), COUNT(CASE WHEN q.high > 0 THEN 1 END), COUNT(CASE WHEN q.medium > 0 THEN 1 END), COUNT(CASE WHEN q.low > 0 THEN 1 END)
FROM temp.cells c JOIN temp.report_cells rc ON rc.cell = c.cell LEFT JOIN quality_reports q ON q.report_id = rc.report_id
GROUP BY c.cell ORDER BY c.cell;

INSERT INTO quality_counts (cell, kind, finding_count, reports)
SELECT rc.cell, rk.kind, SUM(rk.findings), COUNT(*)
FROM temp.report_kinds rk JOIN temp.report_cells rc ON rc.report_id = rk.report_id
GROUP BY rc.cell, rk.kind ORDER BY rc.cell, rk.kind;

DROP TABLE temp.report_kinds;
DROP TABLE temp.report_cells;
DROP TABLE temp.cells;
`;

/** The cross-year rules (checks.ts CROSS_YEAR_RULES) and the slots of section 二's columns they read. */
const CARRY = CROSS_YEAR_RULES.carryOver;
const IN_FORCE_RULE = CROSS_YEAR_RULES.inForce;
const activeSlot = (column: string) => `c${ACTIVE_ITEMS[IN_FORCE_RULE.template].find((i) => i.key === IN_FORCE_RULE.items[0])!.columns.findIndex((c) => c.key === column) + 1}`;
const [ISSUED, REPEALED, IN_FORCE] = [activeSlot(IN_FORCE_RULE.issued), activeSlot(IN_FORCE_RULE.repealed), activeSlot(IN_FORCE_RULE.inForce)];

/** A string as an SQL literal. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A sentence of the dictionary (check-text.ts CHECK_MESSAGES) as an SQL expression, its {names} filled with the expressions given. */
function fillSql(lang: Lang, key: CheckMessageKey, values: Record<string, string>): string {
  return CHECK_MESSAGES[lang][key]
    .split(/\{(\w+)\}/)
    .map((piece, i) => (i % 2 ? `(${values[piece]})` : piece ? literal(piece) : ''))
    .filter(Boolean)
    .join(' || ');
}

/**
 * The sentence of a finding about an identity (identity, carry-over), made in SQL from its stored
 * sides (`params`) in one language: check-text.ts sidesSentence, written with the same sentences
 * (CHECK_MESSAGES) and the same names of terms (the `term_names` table, termNameRows), so the
 * database need not store each sentence twice beside its sides (tests/finding-sides.test.ts holds
 * the two to each other). Values are written as they are (String in sidesSentence).
 */
function sidesSentenceSql(lang: Lang, code: string, params: string): string {
  const name = (term: string) => `COALESCE((SELECT n.name_${lang} FROM term_names n WHERE n.term = ${term}), ${term})`;
  const termsText = (side: 'left' | 'right') =>
    `(SELECT group_concat(CASE WHEN j.key = 0 THEN '' WHEN j.type = 'object' AND json_extract(j.value, '$.minus') THEN ' − ' ELSE ' + ' END || ` +
    `CASE WHEN j.type = 'object' THEN ${fillSql(lang, 'sides.ofYear', { term: name("json_extract(j.value, '$.term')"), year: "json_extract(j.value, '$.year')" })} ELSE ${name('j.value')} END, '') ` +
    `FROM json_each(${params}, '$.${side}.terms') j)`;
  const subjectTerm = `json_extract(${params}, '$.subject')`;
  const subject = `CASE WHEN ${subjectTerm} LIKE 'applications.column.%' THEN ${fillSql(lang, 'sides.column', { name: name(subjectTerm) })} WHEN ${subjectTerm} LIKE 'applications.row.%' THEN ${fillSql(lang, 'sides.row', { name: name(subjectTerm) })} ELSE ${name(subjectTerm)} END`;
  const right = termsText('right');
  // Chinese sets a space between a character and a figure or Latin letter: "但 2023 年上年结转".
  const spacedRight = lang === 'zh' ? `CASE WHEN substr(${right}, 1, 1) GLOB '[A-Za-z0-9_(]' THEN ' ' ELSE '' END || ${right}` : right;
  const values = { subject: `COALESCE(${subject}, '')`, left: termsText('left'), right: spacedRight, l: `json_extract(${params}, '$.left.value')`, r: `json_extract(${params}, '$.right.value')` };
  return `CASE WHEN ${code} = 'identity' THEN ${fillSql(lang, 'sides.identity', values)} WHEN ${subjectTerm} IS NULL THEN ${fillSql(lang, 'sides.carryOver', values)} ELSE ${fillSql(lang, 'sides.carryOverOf', values)} END`;
}

/**
 * A carry-over finding's stored params ({check, year, left, right}: checks.ts crossYearParams)
 * as its sides in SQL: the JSON crossYearSides makes for the check, its years and values put in.
 */
function crossYearSidesSql(params: string): string {
  const [year, next, left, right] = [-900000001, -900000002, -900000003, -900000004];
  const put = (json: string) =>
    [
      [year, `json_extract(${params}, '$.year')`],
      [next, `json_extract(${params}, '$.year') + 1`],
      [left, `json_extract(${params}, '$.left')`],
      [right, `json_extract(${params}, '$.right')`],
    ].reduce((sql, [from, to]) => `replace(${sql}, '${from}', ${to})`, literal(json));
  return `CASE json_extract(${params}, '$.check') ${CROSS_YEAR_CHECK_IDS.map((id) => `WHEN ${literal(id)} THEN ${put(JSON.stringify(crossYearSides(id, year, next, left, right)))}`).join(' ')} END`;
}

export const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE labels (
  label_id INTEGER PRIMARY KEY,
  section TEXT NOT NULL,
  kind TEXT NOT NULL,
  template TEXT,
  row_key TEXT,
  key TEXT NOT NULL,
  label TEXT NOT NULL,
  label_en TEXT NOT NULL,
  group_label TEXT,
  group_label_en TEXT,
  position INTEGER NOT NULL
);

-- An identity's sides as data (report/checks.ts): subject, left_terms and right_terms are terms,
-- labels as "section.kind.key" (JSON arrays for the sides); left_is says which of a check's values,
-- expected or actual, is the left side.
CREATE TABLE check_definitions (
  check_no INTEGER PRIMARY KEY,
  check_id TEXT NOT NULL UNIQUE,
  section TEXT NOT NULL,
  formula TEXT NOT NULL,
  subject TEXT NOT NULL,
  left_terms TEXT NOT NULL,
  right_terms TEXT NOT NULL,
  left_is TEXT NOT NULL CHECK (left_is IN ('expected', 'actual'))
);

CREATE TABLE offices (
  office_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  province TEXT,
  city TEXT,
  district TEXT,
  division_code TEXT,
  corrected_by_hand INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE office_aliases (
  alias TEXT NOT NULL,
  office_id TEXT NOT NULL REFERENCES offices(office_id),
  PRIMARY KEY (alias, office_id)
) WITHOUT ROWID;

CREATE TABLE reports (
  report_id INTEGER PRIMARY KEY,
  office_id TEXT NOT NULL REFERENCES offices(office_id),
  office TEXT,
  province TEXT,
  city TEXT,
  district TEXT,
  division_code TEXT,
  year INTEGER,
  template TEXT,
  title TEXT,
  source_path TEXT NOT NULL,
  -- From the saved page's header (发布时间, 原文链接), when the file has one.
  published_at TEXT,
  source_url TEXT,
  -- The file's hash is in \`files\` (files.report_id), once.
  parser_version TEXT NOT NULL,
  warning_count INTEGER NOT NULL,
  check_count INTEGER NOT NULL,
  failed_check_count INTEGER NOT NULL,
  -- The region and division code as the report gives them (the record's), where the columns above
  -- are its office's (RECORD_STORAGE).
  stated_province TEXT,
  stated_city TEXT,
  stated_district TEXT,
  stated_division_code TEXT
);
CREATE INDEX reports_by_office ON reports (office_id, year);
-- None by year: the overview's queries read most years, where a scan is as quick (measured at
-- 100,000 reports), and it was 0.25 MB of the 4.6 MB the first chart waited for.

CREATE TABLE numbers (
  report_id INTEGER NOT NULL REFERENCES reports(report_id),
  row_id INTEGER NOT NULL REFERENCES labels(label_id),
  ${slots('c').map((s) => `${s} NUMERIC`).join(', ')},
  ${slots('l').map((s) => `${s} INTEGER`).join(', ')},
  PRIMARY KEY (report_id, row_id)
) WITHOUT ROWID;

CREATE TABLE checks (
  report_id INTEGER NOT NULL REFERENCES reports(report_id),
  check_no INTEGER NOT NULL REFERENCES check_definitions(check_no),
  ok INTEGER NOT NULL,
  expected NUMERIC NOT NULL,
  actual NUMERIC NOT NULL,
  PRIMARY KEY (report_id, check_no)
) WITHOUT ROWID;

CREATE TABLE warnings (
  report_id INTEGER NOT NULL REFERENCES reports(report_id),
  seq INTEGER NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

-- Cells a run of digits left null between several readings (the record's \`ambiguities\`), as JSON:
-- cells (paths, as the record's sources name them), lines (the input line of each), readings (the
-- joint readings still possible, each a value per cell). The build removes an entry the office's
-- other years decide (src/lib/build/across-years.ts).
CREATE TABLE ambiguities (
  report_id INTEGER NOT NULL REFERENCES reports(report_id),
  seq INTEGER NOT NULL,
  cells TEXT NOT NULL,
  lines TEXT NOT NULL,
  readings TEXT NOT NULL,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

CREATE TABLE sections (
  report_id INTEGER NOT NULL REFERENCES reports(report_id),
  section TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (report_id, section)
) WITHOUT ROWID;

-- Section 五 indexed for search: docid = report_id, its character bigrams in order (src/lib/db/search.ts).
-- Contentless: the text stays in sections; the index holds only where each bigram occurs.
CREATE VIRTUAL TABLE problem_search USING fts4(content="", bigrams, tokenize=simple);

CREATE TABLE report_texts (
  report_id INTEGER PRIMARY KEY REFERENCES reports(report_id),
  text TEXT NOT NULL
);

CREATE TABLE files (
  path TEXT PRIMARY KEY,
  sha256 TEXT,
  bytes INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('parsed', 'duplicate', 'failed')),
  report_id INTEGER REFERENCES reports(report_id),
  duplicate_of INTEGER REFERENCES reports(report_id),
  numbers_differ INTEGER,
  conflict_rule TEXT,
  error_code TEXT,
  message TEXT
) WITHOUT ROWID;

-- Every number in long form: one row per cell, with its labels and the line it was read from.
CREATE VIEW figures AS
SELECT n.report_id, r.section, r.key AS row_key, r.label AS row_label, r.position AS row_position,
       c.key AS column_key, c.label AS column_label, c.position AS column_position,
       r.label_en AS row_label_en, c.label_en AS column_label_en,
       ${pick('c')} AS value,
       ${pick('l')} AS source_line
FROM numbers n
JOIN labels r ON r.label_id = n.row_id
JOIN labels c ON c.kind = 'column' AND c.section = r.section
  AND (c.row_key IS NULL OR (c.row_key = r.key AND c.template = r.template));

-- Section 三 as the template prints it: one row per report and template row.
CREATE VIEW applications_wide AS
SELECT rep.report_id, rep.office_id, rep.office, rep.year, l.position AS row_position, l.key AS row_key,
       l.group_label, l.label AS row_label, l.group_label_en, l.label_en AS row_label_en,
       ${APPLICANT_COLUMNS.map((c, i) => `n.c${i + 1} AS ${snake(c.key)}`).join(', ')}
FROM numbers n
JOIN labels l ON l.label_id = n.row_id AND l.section = 'applications'
JOIN reports rep ON rep.report_id = n.report_id;

-- One row per report: who, where, when, and the headline figures (NULL = not reported).
-- Each report's headline figures (the sums the overview, rankings and rates use), computed by the
-- data build from \`numbers\` (schema.ts HEADLINE_COLUMNS gives each one's definition).
CREATE TABLE report_headline (
  report_id INTEGER PRIMARY KEY REFERENCES reports(report_id),
  ${HEADLINE_KEYS.map((k) => `${k} NUMERIC`).join(',\n  ')}
);

CREATE VIEW report_overview AS
SELECT r.report_id, r.office_id, o.name AS office_name, r.office, r.province, r.city, r.district,
       r.division_code, r.year, r.template, r.warning_count, r.failed_check_count,
       ${HEADLINE_KEYS.map((k) => `h.${k}`).join(', ')}
FROM reports r JOIN offices o ON o.office_id = r.office_id JOIN report_headline h ON h.report_id = r.report_id;

-- Per office per year (duplicates are kept out of reports, so one report each).
CREATE VIEW office_year AS
SELECT office_id, office_name, province, city, district, year, report_id, template, failed_check_count,
       ${HEADLINE_KEYS.join(', ')}
FROM report_overview;

-- Per region per year: sums of the headline figures (SUM skips NULL: "not reported" adds nothing).
CREATE VIEW region_year AS
SELECT province, city, district, year, COUNT(DISTINCT office_id) AS offices, COUNT(*) AS reports,
       SUM(failed_check_count > 0) AS reports_not_adding_up,
       ${HEADLINE_KEYS.map((k) => `SUM(${k}) AS ${k}`).join(', ')}
FROM report_overview
GROUP BY province, city, district, year;

-- The ratios journalists compute (src/lib/analysis/rates.ts), with what stands behind each.
-- NULL when nothing does (no applications handled, no case concluded).
CREATE VIEW report_rates AS
SELECT o.report_id, o.office_id, o.office_name, o.province, o.city, o.district, o.year,
       ${RATES.map((r) => `CASE WHEN (${r.denominator}) > 0 THEN 1.0 * (${r.numerator}) / (${r.denominator}) END AS ${r.key}, ${r.denominator} AS ${r.key}_cases`).join(',\n       ')}
FROM report_overview o;

-- What may be wrong with a report, each in one sentence (src/lib/analysis/quality.ts): what the
-- report shows on its own, and the carry-over from the office's previous report. The view
-- \`findings\` adds the copied texts (from \`similarities\`) and is what people query.
CREATE TABLE report_findings (
  report_id INTEGER NOT NULL REFERENCES reports(report_id),
  seq INTEGER NOT NULL,
  code TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('high', 'medium', 'low')),
  -- The sentences, NULL where params give them (the view \`findings\` makes them from params).
  message_zh TEXT,
  message_en TEXT,
  -- What the sentences are made from (JSON), for the findings about an identity: identity, its
  -- sides {check, subject, left: {terms, value}, right: {terms, value}}; carry-over, what its sides
  -- are made from {check, year, left, right} (the view \`findings\` gives them whole); else NULL.
  params TEXT,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

-- The names of the template's terms in each language (check-text.ts termName), from which
-- \`findings\` makes the sentences of the findings about an identity.
CREATE TABLE term_names (
  term TEXT PRIMARY KEY,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL
) WITHOUT ROWID;

-- How much of a section's text is the same as the office's previous year, or as the closest
-- other office's of the same year (character-bigram Jaccard, src/lib/analysis/similarity.ts).
CREATE TABLE similarities (
  report_id INTEGER NOT NULL REFERENCES reports(report_id),
  section TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('previous-year', 'same-year')),
  other_report_id INTEGER NOT NULL REFERENCES reports(report_id),
  score REAL NOT NULL,
  PRIMARY KEY (report_id, section, kind)
) WITHOUT ROWID;

-- The kind and severity of every finding, without the sentences: cheap to count and filter on
-- (the quality view's summary and list use it; \`findings\` gives the sentences).
CREATE VIEW finding_kinds AS
SELECT report_id, code, severity FROM report_findings
UNION ALL
SELECT report_id, CASE kind WHEN 'previous-year' THEN 'copied-previous-year' ELSE 'copied-same-year' END,
       CASE kind WHEN 'previous-year' THEN 'medium' ELSE 'low' END
FROM similarities WHERE score >= ${LARGELY_SAME};

-- Every finding of every report, most serious first (seq): the stored ones, and a section largely
-- the same (score ≥ ${LARGELY_SAME}) as the office's previous year's (medium) or another office's of
-- the same year (low). Derived, not stored: the copies are already in \`similarities\`.
CREATE VIEW findings AS
WITH own AS (
  SELECT report_id, seq, code, severity, message_zh, message_en,
         CASE code WHEN 'carry-over' THEN ${crossYearSidesSql('params')} ELSE params END AS params
  FROM report_findings
), every AS (
  -- Within a severity: the report's own findings, then copied text, then carry-over (as reportFindings orders them).
  SELECT report_id, CASE code WHEN 'carry-over' THEN 2 ELSE 0 END AS part, seq AS part_seq, code, severity,
         CASE WHEN params IS NULL THEN message_zh ELSE ${sidesSentenceSql('zh', 'code', 'params')} END AS message_zh,
         CASE WHEN params IS NULL THEN message_en ELSE ${sidesSentenceSql('en', 'code', 'params')} END AS message_en,
         params
  FROM own
  UNION ALL
  SELECT s.report_id, 1, CASE s.section WHEN 'overview' THEN 1 ELSE 2 END,
         CASE s.kind WHEN 'previous-year' THEN 'copied-previous-year' ELSE 'copied-same-year' END,
         CASE s.kind WHEN 'previous-year' THEN 'medium' ELSE 'low' END,
         '“' || l.label || '”与' || CASE s.kind WHEN 'previous-year' THEN '上一年的报告' ELSE '同年另一机关的报告' END
           || '大部分相同（相似度 ' || CAST(round(s.score * 100) AS INTEGER) || '%）。',
         'The text of “' || l.label_en || '” is largely the same as ' || CASE s.kind WHEN 'previous-year' THEN 'last year''s' ELSE 'another office''s this year' END
           || ' (similarity ' || CAST(round(s.score * 100) AS INTEGER) || ' %).',
         NULL
  FROM similarities s JOIN labels l ON l.section = 'sections' AND l.key = s.section
  WHERE s.score >= ${LARGELY_SAME}
)
SELECT report_id,
       ROW_NUMBER() OVER (PARTITION BY report_id ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, part, part_seq) AS seq,
       code, severity, message_zh, message_en, params
FROM every;

-- The themes of self-reported problems (src/lib/analysis/themes.ts) and, per report, each
-- sentence of section 五's problem part that admits one, with the phrase that marked it.
CREATE TABLE themes (
  theme TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  label_zh TEXT NOT NULL,
  label_en TEXT NOT NULL,
  covers TEXT NOT NULL
) WITHOUT ROWID;

-- Sentences are stored as their place in the section's text (start: characters before it), not
-- copied: the view problem_themes gives them whole. sentence_text only when it is not found as is.
CREATE TABLE problem_theme_hits (
  report_id INTEGER NOT NULL REFERENCES reports(report_id),
  seq INTEGER NOT NULL,
  theme TEXT NOT NULL REFERENCES themes(theme),
  start INTEGER,
  length INTEGER,
  sentence_text TEXT,
  phrase TEXT NOT NULL,
  PRIMARY KEY (report_id, seq)
) WITHOUT ROWID;

CREATE VIEW problem_themes AS
SELECT h.report_id, h.seq, h.theme, COALESCE(h.sentence_text, substr(s.text, h.start + 1, h.length)) AS sentence, h.phrase
FROM problem_theme_hits h LEFT JOIN sections s ON s.report_id = h.report_id AND s.section = 'problems';

-- How often each theme is admitted, per year: reports admitting it, of the reports with a
-- section 五 text that year.
CREATE VIEW theme_year AS
WITH with_text AS (
  SELECT r.year, COUNT(*) AS reports FROM reports r JOIN sections s ON s.report_id = r.report_id AND s.section = 'problems' GROUP BY r.year
)
SELECT r.year, t.theme, t.label_zh, t.label_en, t.position, COUNT(DISTINCT pt.report_id) AS reports, w.reports AS reports_with_text
FROM problem_themes pt JOIN reports r USING (report_id) JOIN themes t USING (theme) JOIN with_text w ON w.year IS r.year
GROUP BY r.year, t.theme;

-- The quality view's counts and order, written by the data build once every finding is in
-- (FILL_QUALITY_SQL): counted from finding_kinds over every report, the view took seconds at 100,000
-- reports. Numbers only, and in a collection in parts a file of the summary's extras of their own
-- (EXTRA_FILES): the view needs no part, nor the findings, for its counts and list; only the
-- sentences of the reports shown come from \`findings\`.
-- Each kind of finding (code and severity) of the collection; \`kind\` is its bit in quality_reports.kinds.
CREATE TABLE quality_kinds (
  kind INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  severity TEXT NOT NULL
);

-- The reports' places (as in reports), numbered.
CREATE TABLE quality_regions (
  region INTEGER PRIMARY KEY,
  province TEXT,
  city TEXT,
  district TEXT
);

-- What the filters choose from: one cell per place, year and format, with how many reports it
-- holds, how many with any finding and with a finding of each severity. The filters select cells;
-- sums over them answer exactly.
CREATE TABLE quality_cells (
  cell INTEGER PRIMARY KEY,
  region INTEGER NOT NULL REFERENCES quality_regions(region),
  year INTEGER,
  template TEXT,
  reports INTEGER NOT NULL,
  with_findings INTEGER NOT NULL,
  high INTEGER NOT NULL,
  medium INTEGER NOT NULL,
  low INTEGER NOT NULL
);

-- Per cell and kind: how many findings, in how many reports (without rowid: a fifth smaller gzipped).
CREATE TABLE quality_counts (
  cell INTEGER NOT NULL REFERENCES quality_cells(cell),
  kind INTEGER NOT NULL REFERENCES quality_kinds(kind),
  finding_count INTEGER NOT NULL, -- not "findings": the page tells by name which queries read the view findings (parts.ts)
  reports INTEGER NOT NULL,
  PRIMARY KEY (cell, kind)
) WITHOUT ROWID;

-- One row per report with at least one finding, in the list's order (\`rank\`: worst finding, then
-- how many high, medium and low, the latest year, the office's name, the report id): its cell, how
-- many findings of each severity, and which kinds it has (bit \`kind\` of \`kinds\` set).
CREATE TABLE quality_reports (
  rank INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(report_id),
  cell INTEGER NOT NULL REFERENCES quality_cells(cell),
  high INTEGER NOT NULL,
  medium INTEGER NOT NULL,
  low INTEGER NOT NULL,
  kinds INTEGER NOT NULL
);

-- Reports with findings, most serious first (worst: 3 high, 2 medium, 1 low).
CREATE VIEW report_quality AS
SELECT r.report_id, r.office_id, r.office, r.year, r.province, r.city, r.district, q.high + q.medium + q.low AS findings,
       CASE WHEN q.high > 0 THEN 3 WHEN q.medium > 0 THEN 2 ELSE 1 END AS worst, q.high, q.medium, q.low
FROM quality_reports q JOIN reports r USING (report_id)
ORDER BY q.rank;

-- Every check of every report, with its formula and its two sides in the formula's order.
CREATE VIEW check_results AS
SELECT c.report_id, d.check_id, d.formula, c.ok, c.expected, c.actual, d.subject,
       d.left_terms, CASE d.left_is WHEN 'expected' THEN c.expected ELSE c.actual END AS left_value,
       d.right_terms, CASE d.left_is WHEN 'expected' THEN c.actual ELSE c.expected END AS right_value
FROM checks c JOIN check_definitions d ON d.check_no = c.check_no;

-- Reports whose numbers do not add up, one row per failed check.
CREATE VIEW reports_failing_checks AS
SELECT r.report_id, r.office_id, r.office, r.year, r.source_path, d.check_id, d.formula, c.expected, c.actual,
       CASE d.left_is WHEN 'expected' THEN c.expected ELSE c.actual END AS left_value,
       CASE d.left_is WHEN 'expected' THEN c.actual ELSE c.expected END AS right_value
FROM checks c
JOIN check_definitions d ON d.check_no = c.check_no
JOIN reports r ON r.report_id = c.report_id
WHERE c.ok = 0;

-- The same office across consecutive years: what one year carries forward the next carries over,
-- and documents in force grow by those issued and shrink by those repealed (2021 format).
CREATE VIEW cross_year_checks AS
WITH cell AS (
  SELECT n.report_id, r.office_id, r.year, l.section, l.key AS row_key, n.${ISSUED}, n.${REPEALED}, n.${IN_FORCE}, n.c7, n.l1, n.l3, n.l7
  FROM numbers n JOIN labels l ON l.label_id = n.row_id JOIN reports r ON r.report_id = n.report_id
  WHERE l.key IN ('${CARRY.forward}', '${CARRY.over}') OR (l.section = 'active' AND l.template = '${IN_FORCE_RULE.template}' AND l.key IN (${IN_FORCE_RULE.items.map((k) => `'${k}'`).join(', ')}))
)
SELECT a.office_id, a.year, b.year AS next_year, '${CARRY.id}' AS check_id,
       '结转下年度继续办理（' || a.year || '）= 上年结转（' || b.year || '）' AS formula,
       a.c7 AS expected, b.c7 AS actual, a.c7 = b.c7 AS ok, a.report_id, b.report_id AS next_report_id
FROM cell a JOIN cell b ON b.office_id = a.office_id AND b.year = a.year + 1
WHERE a.row_key = '${CARRY.forward}' AND b.row_key = '${CARRY.over}' AND a.c7 IS NOT NULL AND b.c7 IS NOT NULL
UNION ALL
SELECT a.office_id, a.year, b.year, '${IN_FORCE_RULE.id}.' || a.row_key,
       '现行有效（' || a.year || '）+ 制发 − 废止（' || b.year || '）= 现行有效（' || b.year || '）',
       a.${IN_FORCE} + b.${ISSUED} - b.${REPEALED}, b.${IN_FORCE}, a.${IN_FORCE} + b.${ISSUED} - b.${REPEALED} = b.${IN_FORCE}, a.report_id, b.report_id
FROM cell a JOIN cell b ON b.office_id = a.office_id AND b.year = a.year + 1 AND b.row_key = a.row_key AND b.section = 'active'
WHERE a.section = 'active' AND a.${IN_FORCE} IS NOT NULL AND b.${ISSUED} IS NOT NULL AND b.${REPEALED} IS NOT NULL AND b.${IN_FORCE} IS NOT NULL;
`;

/** camelCase record key → snake_case column name. */
export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The tables a large collection publishes in parts, by province or city (src/lib/build/assemble.ts writePart):
 * the rows of each report, which only a report's or office's page, or a search, reads. The summary
 * keeps every other table whole, and these empty, so its schema is the same.
 */
export const DETAIL_TABLES = ['numbers', 'checks', 'warnings', 'ambiguities', 'sections', 'report_texts', 'problem_search', 'problem_theme_hits'] as const;
/** The full-text index among them: rebuilt per part from `sections` (a contentless index cannot be copied by rows). */
export const SEARCH_TABLE = 'problem_search';

/** The quality view's tables (FILL_QUALITY_SQL), which it alone reads. */
export const QUALITY_TABLES = ['quality_kinds', 'quality_regions', 'quality_cells', 'quality_counts', 'quality_reports'] as const;

/**
 * The summary's tables no first view reads (the quality view's counts and list, an office's
 * findings and copied texts, the files read, the offices' other spellings), which weigh most of it:
 * a collection in parts publishes their rows in files of their own, the summary's extras, each
 * fetched the first time a query reads it, so the first chart waits only for the rest (the core).
 * The core holds them empty, but for the rows of EXTRA_KEPT.
 */
export const EXTRA_TABLES = ['report_findings', 'similarities', 'files', 'office_aliases', ...QUALITY_TABLES] as const;
/**
 * The extras' files (gongkai.NAME.sqlite.gz) and the tables each holds, split by the views that
 * read them nationally, so each fetches only what it reads:
 * - `findings`: the quality view's list (the view `findings` reads report_findings and similarities);
 * - `sources`: the data view's list (EXTRA_REPORT_COLUMNS, as a table `reports` of report_id and these);
 * - `aliases`: an office search by another spelling (the offices view, the check view's office finder);
 * - `files`: every file read, which no view but the SQL box reads;
 * - `quality`: the quality view's counts and order, which no other view reads (a third of the
 *   core's bytes when they were in it).
 * An office's or a report's page reads none of them: its part carries the same rows of its own
 * reports and offices (PART_EXTRAS).
 */
export const EXTRA_FILES = { findings: ['report_findings', 'similarities'], sources: ['reports'], aliases: ['office_aliases'], files: ['files'], quality: QUALITY_TABLES } as const satisfies Record<string, readonly ((typeof EXTRA_TABLES)[number] | 'reports')[]>;
/**
 * Files of the summary's extras that hold a subset of a complete one's rows (each extras table still
 * lives in exactly one complete file, EXTRA_FILES). The manifest lists the ids each covers, and a
 * query scoped to reports they cover fetches them instead of the complete file (parts.ts PartSet).
 * - `firstRanked`: the rows of the reports ranked first in quality_reports, for the quality view's
 *   list (its sentences for the reports shown). 1,000: the unfiltered list's first page (200) and
 *   the "high" list's (reports with a high finding rank first), and at 10,000 synthetic reports each
 *   of the last four years' first page too (2,000 would add two more years), for 92 KB gzipped
 *   (684 KB raw) against the complete file's 450 KB (31 MB raw, 4.4 MB gzipped at 100,000), and
 *   ~700 ranges of ids in the manifest, which every visitor reads first.
 * - `reportsPerFile`: every row, in files of that many reports each by report id, for the data
 *   view's list (the files and sources of the 100 reports shown). Ids follow office and region, so
 *   a page in the default order (by year, then region) falls in one or two files. 1,000: at 100,000
 *   reports, 85 files of ~170 KB raw (~20 KB gzipped) where the complete file is 14 MB.
 */
export const EXTRA_SUBSETS = {
  'findings-first': { of: 'findings', firstRanked: 1000 },
  'sources-by-id': { of: 'sources', reportsPerFile: 1000 },
} as const satisfies Record<string, { of: keyof typeof EXTRA_FILES } & ({ firstRanked: number } | { reportsPerFile: number })>;
/**
 * The extras a detail part carries for its own reports and offices (their findings, copied texts
 * keyed by them, their offices' spellings, their titles and sources): what an office's or a
 * report's page reads, so that page fetches its part and none of EXTRA_FILES.
 */
export const PART_EXTRAS = ['report_findings', 'similarities', 'office_aliases', 'reports'] as const satisfies readonly ((typeof EXTRA_TABLES)[number] | 'reports')[];
/** The rows of an extra table the core keeps: the refused files, which every page lists (queries.ts collectionSummary). */
export const EXTRA_KEPT: Partial<Record<(typeof EXTRA_TABLES)[number], string>> = { files: "status = 'failed'" };
/**
 * The columns of `reports` only a report's own page or the data view's list reads: in the extras
 * (a table `reports` of report_id and these), NULL in the core ('' where NOT NULL) until merged.
 */
export const EXTRA_REPORT_COLUMNS = ['title', 'source_path', 'published_at', 'source_url', 'parser_version', 'stated_province', 'stated_city', 'stated_district', 'stated_division_code'] as const;
