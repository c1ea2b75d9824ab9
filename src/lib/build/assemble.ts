/**
 * The data build's second half, the same in Node (build:data) and in the browser (a collection
 * dropped into the page): the files read (read-file.ts) in, one SQLite database out, through
 * sql.js. Offices are resolved, one report kept per office and year (duplicates and conflicts
 * recorded), numbers, checks, texts, themes, copied texts and quality findings inserted. Every
 * file is accounted for in `files`. The output depends only on the inputs: rows are inserted in
 * the order of stable keys and nothing records the time, so the same files give the same bytes
 * wherever they are built.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { findSimilarities } from '../analysis/copies';
import { problemThemes } from '../analysis/problems';
import { reportFindings, sidesFinding, sortFindings, type Finding } from '../analysis/quality';
import { THEMES } from '../analysis/themes';
import { activeTemplate, CHECK_ROWS, FILL_HEADLINE_SQL, labelRows, MAX_COLUMNS, RECORD_COLUMNS, recordColumns, SCHEMA_SQL, SCHEMA_VERSION, type LabelRow } from '../db/schema';
import { FORMATS_VERSION, type ReadLimits } from '../formats/index';
import { crossYearSides } from '../report/checks';
import { PARSER_VERSION, type ReportRecord } from '../report/index';
import { bigramTokens } from '../db/search';
import { sha256Hex } from './hash';
import { OfficeResolver, readOfficesCsv, type OfficeIdentity } from './offices';
import type { FailedFile, FileResult, ParsedFile } from './read-file';

export interface BuildSummary {
  filesSeen: number;
  parsed: number;
  withWarnings: number;
  failed: number;
  duplicates: number;
  /** Reports (kept, not duplicates) with at least one failed check. */
  checksFailed: number;
  offices: number;
  /** Problems that are not about one report (offices.csv). */
  problems: string[];
  /** One line per failed file: "path: reason". */
  failures: string[];
  /** One line per office and year whose copies disagree: which was kept, and by which rule. */
  conflicts: string[];
  inputsHash: string;
}

export interface AssembleOptions {
  /** The text of offices.csv, if any. */
  officesCsv?: string;
  /** The readers' limits the files were read with (part of the inputs hash). */
  limits: ReadLimits;
}

/** A parsed file and, once resolved, its office. */
interface Parsed extends ParsedFile {
  office?: OfficeIdentity;
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The numbers of the three tables, for comparing two reports of the same office and year. */
const numbersOf = (r: ReportRecord) => JSON.stringify([r.active, r.applications, r.reviewLitigation]);

/** Every cell of the three tables as "table.row.column" → value, for counting the cells two copies disagree on. */
function cellsOf(r: ReportRecord): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [table, rows] of Object.entries({ active: r.active, applications: r.applications, reviewLitigation: r.reviewLitigation })) {
    for (const [row, cols] of Object.entries(rows as Record<string, Record<string, number | null> | null>)) {
      for (const [col, value] of Object.entries(cols ?? {})) out.set(`${table}.${row}.${col}`, value);
    }
  }
  return out;
}

function differingCells(a: ReportRecord, b: ReportRecord): number {
  const [ca, cb] = [cellsOf(a), cellsOf(b)];
  let n = 0;
  for (const key of new Set([...ca.keys(), ...cb.keys()])) if ((ca.get(key) ?? null) !== (cb.get(key) ?? null)) n++;
  return n;
}

/** How a conflict was settled, most authoritative first. `unresolved`: by file name, until the user chooses. */
export type ConflictRule = 'offices-csv' | 'newer-publication' | 'cleaner-reading' | 'unresolved';

const RULE_TEXT: Record<ConflictRule, { zh: string; en: string }> = {
  'offices-csv': { zh: '按 offices.csv 的 prefer 列指定', en: 'chosen in offices.csv (prefer)' },
  'newer-publication': { zh: '发布日期较新', en: 'the newer publication date' },
  'cleaner-reading': { zh: '读取警告或不平的勾稽关系较少', en: 'the cleaner reading (fewer warnings or failed checks)' },
  'unresolved': { zh: '无法判断哪份为准，暂按文件名排序保留；可在 offices.csv 的 prefer 列指定', en: 'undecided: kept by file name order until a copy is named in offices.csv (prefer)' },
};

interface Conflict {
  kept: Parsed;
  /** The copies whose numbers differ from the kept one's. */
  others: Parsed[];
  differing: Map<Parsed, number>;
  rule: ConflictRule;
  message: string;
}

/**
 * The report kept for one office and year, first in `ordered`. Copies with the same numbers are
 * plain duplicates: the cleanest reading is kept (then the first path). Copies whose numbers
 * differ are a conflict, settled by, in order: a file named in offices.csv's prefer column; the
 * newer publication date where the saved pages give one; the cleaner reading (fewer warnings,
 * then fewer failed checks); else file name order, flagged as undecided.
 */
export function chooseReport(group: Parsed[], preferred: Set<string>): { ordered: Parsed[]; conflict: Conflict | null } {
  const quality = (p: Parsed) => [p.record.warnings.length, p.record.checks.filter((c) => !c.ok).length];
  const cleaner = (a: Parsed, b: Parsed) => {
    const [qa, qb] = [quality(a), quality(b)];
    return qa[0] - qb[0] || qa[1] - qb[1];
  };
  const byPath = (a: Parsed, b: Parsed) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const published = (p: Parsed) => p.page.publishedAt ?? '';
  const disagree = group.length > 1 && new Set(group.map((p) => numbersOf(p.record))).size > 1;
  if (!disagree) {
    const ordered = [...group].sort((a, b) => cleaner(a, b) || byPath(a, b));
    return { ordered, conflict: null };
  }
  const ordered = [...group].sort(
    (a, b) => Number(preferred.has(b.path)) - Number(preferred.has(a.path)) || (published(a) && published(b) ? published(b).localeCompare(published(a)) : 0) || cleaner(a, b) || byPath(a, b),
  );
  const [kept, second] = ordered;
  const rule: ConflictRule =
    preferred.has(kept.path) && !preferred.has(second.path)
      ? 'offices-csv'
      : published(kept) && published(second) && published(kept) !== published(second)
        ? 'newer-publication'
        : cleaner(kept, second) !== 0
          ? 'cleaner-reading'
          : 'unresolved';
  const others = ordered.slice(1).filter((p) => numbersOf(p.record) !== numbersOf(kept.record));
  const differing = new Map(others.map((p) => [p, differingCells(kept.record, p.record)]));
  const dated = (p: Parsed) => (p.page.publishedAt ? ` (published ${p.page.publishedAt})` : '');
  const message =
    `${kept.record.office ?? kept.office!.name} ${kept.record.year}: ${others.length + 1} copies disagree; kept ${kept.path}${dated(kept)} by ${RULE_TEXT[rule].en}; ` +
    others.map((p) => `${p.path}${dated(p)} differs in ${differing.get(p)} cells`).join('; ');
  return { ordered, conflict: { kept, others, differing, rule, message } };
}

/** The kept report's finding: the reader sees that another copy says otherwise. */
function conflictFinding(c: Conflict): Finding {
  const list = (lang: 'zh' | 'en') => c.others.map((p) => (lang === 'zh' ? `${p.path}（${c.differing.get(p)} 个数字不同）` : `${p.path} (${c.differing.get(p)} cells differ)`)).join(lang === 'zh' ? '、' : ', ');
  return {
    code: 'conflicting-copies',
    severity: c.rule === 'unresolved' ? 'high' : 'medium',
    zh: `本年度还有 ${c.others.length} 份数字不同的报告：${list('zh')}。此处采用 ${c.kept.path}，依据：${RULE_TEXT[c.rule].zh}。`,
    en: `This year has ${c.others.length} other cop${c.others.length === 1 ? 'y' : 'ies'} with different numbers: ${list('en')}. Shown: ${c.kept.path}, by ${RULE_TEXT[c.rule].en}.`,
  };
}

const REPORT_COLUMNS = ['report_id', 'office_id', 'province', 'city', 'district', 'division_code', 'source_path', 'published_at', 'source_url', 'sha256', 'parser_version', 'warning_count', 'check_count', 'failed_check_count', ...RECORD_COLUMNS];
const INSERT_REPORT = `INSERT INTO reports (${REPORT_COLUMNS.join(', ')}) VALUES (${REPORT_COLUMNS.map((c) => `:${c}`).join(', ')})`;
const INSERT_NUMBERS = `INSERT INTO numbers VALUES (${Array(2 + 2 * MAX_COLUMNS).fill('?').join(', ')})`;

/** A report's row of `reports`: the office as resolved, the file, and the record's own columns (RECORD_STORAGE). */
function reportRow(p: Parsed, id: number): Record<string, string | number | null> {
  const r = p.record;
  const o = p.office!;
  const values: Record<string, string | number | null> = {
    report_id: id,
    office_id: o.officeId,
    province: o.province,
    city: o.city,
    district: o.district,
    division_code: o.divisionCode,
    source_path: p.path,
    published_at: p.page.publishedAt,
    source_url: p.page.url,
    sha256: p.sha256,
    parser_version: PARSER_VERSION,
    warning_count: r.warnings.length,
    check_count: r.checks.length,
    failed_check_count: r.checks.filter((c) => !c.ok).length,
    ...recordColumns(r),
  };
  return Object.fromEntries(REPORT_COLUMNS.map((c) => [`:${c}`, values[c]]));
}

/** The files read (in any order) → the database and the build's summary. */
export async function assembleDatabase(SQL: SqlJsStatic, results: FileResult[], options: AssembleOptions): Promise<{ database: Uint8Array; summary: BuildSummary }> {
  const files = results.map((r) => r.file).sort(byKey((f) => f.path));
  // Paths name files in the database; a folder cannot hold two of the same, a caller's list might.
  const repeated = files.find((f, i) => i > 0 && files[i - 1].path === f.path);
  if (repeated) throw new Error(`the input list names ${repeated.path} twice`);
  const parsed: Parsed[] = results.filter((r) => r.ok).map((r) => ({ ...(r.file as ParsedFile) })).sort(byKey((p) => p.path));
  const failed: FailedFile[] = results.filter((r) => !r.ok).map((r) => r.file as FailedFile).sort(byKey((f) => f.path));

  // Offices: learn which names carry a code, then give every report its office.
  const { overrides, problems } = options.officesCsv !== undefined ? readOfficesCsv(options.officesCsv) : { overrides: [], problems: [] };
  const resolver = new OfficeResolver(overrides);
  for (const p of parsed) resolver.learn(p.record);
  for (const p of parsed) p.office = resolver.resolve(p.record);
  joinBySiteColumn(parsed);

  // One report per office and year; the others are duplicates, and copies whose numbers differ
  // are conflicts, settled by a rule the user can predict and override (chooseReport).
  const groups = new Map<string, Parsed[]>();
  for (const p of parsed) {
    const key = p.record.year === null ? `${p.path}` : `${p.office!.officeId}\u0000${p.record.year}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const preferred = new Set(overrides.flatMap((o) => o.prefer));
  const kept: Parsed[] = [];
  const duplicates: { dup: Parsed; of: Parsed }[] = [];
  const conflicts: Conflict[] = [];
  for (const group of groups.values()) {
    const { ordered, conflict } = chooseReport(group, preferred);
    kept.push(ordered[0]);
    for (const dup of ordered.slice(1)) duplicates.push({ dup, of: ordered[0] });
    if (conflict) conflicts.push(conflict);
  }
  const inputPaths = new Set(files.map((f) => f.path));
  for (const path of [...preferred].sort()) {
    if (!inputPaths.has(path)) problems.push(`offices.csv: prefer names ${path}, which is not among the input files; ignored`);
  }
  const conflictOf = new Map(conflicts.flatMap((c) => [c.kept, ...c.others].map((p) => [p, c] as const)));
  kept.sort(byKey((p) => `${p.office!.officeId}\u0000${p.record.year ?? ''}\u0000${p.path}`));
  const reportId = new Map(kept.map((p, i) => [p, i + 1]));

  const db = new SQL.Database();
  db.run('PRAGMA page_size = 4096');
  // A fresh database built in one go: no rollback journal, pages kept in the cache, not rewritten
  // to sql.js's in-memory file as they spill (the file's bytes are the same).
  db.run('PRAGMA journal_mode = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY');
  db.exec(SCHEMA_SQL);
  db.run('BEGIN');
  const labels = labelRows();
  insertAll(db, 'labels', labels);
  insertAll(
    db,
    'check_definitions',
    CHECK_ROWS.map((c) => ({ check_no: c.check_no, check_id: c.id, section: c.section, formula: c.formula, subject: c.subject, left_terms: JSON.stringify(c.left), right_terms: JSON.stringify(c.right), left_is: c.leftIs })),
  );
  insertOffices(db, kept, duplicates.map((d) => d.dup), overrides);
  const rowIds = rowIdIndex(labels);
  const checkNo = new Map(CHECK_ROWS.map((c) => [c.id, c.check_no]));

  const insertReport = db.prepare(INSERT_REPORT);
  const insertNumbers = db.prepare(INSERT_NUMBERS);
  const insertCheck = db.prepare('INSERT INTO checks VALUES (?, ?, ?, ?, ?)');
  const insertWarning = db.prepare('INSERT INTO warnings VALUES (?, ?, ?)');
  const insertSection = db.prepare('INSERT INTO sections VALUES (?, ?, ?)');
  const insertText = db.prepare('INSERT INTO report_texts VALUES (?, ?)');
  for (const p of kept) {
    const id = reportId.get(p)!;
    const r = p.record;
    insertReport.run(reportRow(p, id));
    for (const row of numberRows(r, rowIds, labels)) insertNumbers.run([id, ...row]);
    for (const c of r.checks) insertCheck.run([id, checkNo.get(c.id) ?? 0, c.ok ? 1 : 0, c.expected, c.actual]);
    r.warnings.forEach((w, i) => insertWarning.run([id, i + 1, w]));
    for (const [section, text] of Object.entries(r.sections)) if (text !== null) insertSection.run([id, section, text]);
    insertText.run([id, p.text]);
  }
  for (const s of [insertReport, insertNumbers, insertCheck, insertWarning, insertSection, insertText]) s.free();
  const insertSearch = db.prepare('INSERT INTO problem_search (docid, bigrams) VALUES (?, ?)');
  for (const p of kept) if (p.record.sections.problems) insertSearch.run([reportId.get(p)!, bigramTokens(p.record.sections.problems)]);
  insertSearch.free();
  db.exec(FILL_HEADLINE_SQL);
  insertAnalysis(db, kept, reportId, conflictOf);

  const fileRows = [
    ...kept.map((p) => ({ path: p.path, sha256: p.sha256, bytes: p.bytes, status: 'parsed', report_id: reportId.get(p)!, duplicate_of: null, numbers_differ: null, conflict_rule: conflictOf.get(p)?.rule ?? null, error_code: null, message: conflictOf.get(p)?.message ?? null })),
    ...duplicates.map(({ dup, of }) => {
      const differ = numbersOf(dup.record) !== numbersOf(of.record);
      const conflict = conflictOf.get(dup);
      return {
        path: dup.path,
        sha256: dup.sha256,
        bytes: dup.bytes,
        status: 'duplicate',
        report_id: null,
        duplicate_of: reportId.get(of)!,
        numbers_differ: differ ? 1 : 0,
        conflict_rule: conflict && differ ? conflict.rule : null,
        error_code: null,
        message: `same office and year as ${of.path}${dup.sha256 === of.sha256 ? ' (identical file)' : differ ? `; their numbers differ (${conflict ? `${conflict.differing.get(dup)} cells; ${RULE_TEXT[conflict.rule].en}` : 'numbers differ'})` : '; same numbers'}`,
      };
    }),
    ...failed.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes, status: 'failed', report_id: null, duplicate_of: null, numbers_differ: null, conflict_rule: null, error_code: f.code, message: f.message })),
  ].sort(byKey((f) => f.path));
  insertAll(db, 'files', fileRows);

  const inputsHash = await sha256Hex(
    [`parser ${PARSER_VERSION}`, `formats ${FORMATS_VERSION}`, `limits ${JSON.stringify(options.limits)}`, `schema ${SCHEMA_VERSION}`, `offices.csv ${await sha256Hex(options.officesCsv ?? '')}`, ...fileRows.map((f) => `${f.path}\t${f.sha256}`)].join('\n'),
  );
  const summary: BuildSummary = {
    filesSeen: files.length,
    parsed: parsed.length,
    withWarnings: parsed.filter((p) => p.record.warnings.length > 0).length,
    failed: failed.length,
    duplicates: duplicates.length,
    checksFailed: kept.filter((p) => p.record.checks.some((c) => !c.ok)).length,
    offices: new Set(kept.map((p) => p.office!.officeId)).size,
    problems,
    failures: failed.map((f) => f.message),
    conflicts: conflicts.map((c) => c.message),
    inputsHash,
  };
  const meta: Record<string, string | number> = {
    parser_version: PARSER_VERSION,
    schema_version: SCHEMA_VERSION,
    inputs_hash: inputsHash,
    files_seen: summary.filesSeen,
    files_parsed: summary.parsed,
    files_failed: summary.failed,
    files_duplicate: summary.duplicates,
    conflicts: conflicts.length,
    reports: kept.length,
    reports_with_warnings: kept.filter((p) => p.record.warnings.length > 0).length,
    reports_failing_checks: summary.checksFailed,
    offices: summary.offices,
  };
  insertAll(db, 'meta', Object.entries(meta).map(([key, value]) => ({ key, value: String(value) })));
  db.run('COMMIT');
  db.run('VACUUM');
  const database = db.export();
  db.close();
  return { database, summary };
}

/**
 * What the reports say about themselves and whether they hold up: problem themes, copied text,
 * and the quality findings (one report's own, plus those that need other reports).
 */
function insertAnalysis(db: Database, kept: Parsed[], reportId: Map<Parsed, number>, conflictOf: Map<Parsed, Conflict>): void {
  insertAll(db, 'themes', THEMES.map((t, i) => ({ theme: t.key, position: i + 1, label_zh: t.zh, label_en: t.en, covers: t.covers })));
  const themeRows: { report_id: number; seq: number; theme: string; start: number | null; length: number | null; sentence_text: string | null; phrase: string }[] = [];
  for (const p of kept) {
    const text = p.record.sections.problems ?? '';
    problemThemes(text).forEach((h, i) => {
      // Offsets in characters (code points), as SQLite's substr counts them.
      const at = text.indexOf(h.sentence);
      const place = at >= 0 ? { start: Array.from(text.slice(0, at)).length, length: Array.from(h.sentence).length, sentence_text: null } : { start: null, length: null, sentence_text: h.sentence };
      themeRows.push({ report_id: reportId.get(p)!, seq: i + 1, theme: h.theme, ...place, phrase: h.phrase });
    });
  }
  insertAll(db, 'problem_theme_hits', themeRows);

  const findings = new Map<number, Finding[]>(kept.map((p) => [reportId.get(p)!, reportFindings(p.record, p.page.publishedAt)]));
  for (const p of kept) {
    const c = conflictOf.get(p);
    if (c) findings.get(reportId.get(p)!)!.push(conflictFinding(c));
  }
  const similarities = findSimilarities(
    kept.map((p) => ({ id: reportId.get(p)!, officeId: p.office!.officeId, year: p.record.year, sections: { overview: p.record.sections.overview, problems: p.record.sections.problems } })),
  );
  insertAll(db, 'similarities', similarities.map((s) => ({ report_id: s.reportId, section: s.section, kind: s.kind, other_report_id: s.otherReportId, score: s.score })));
  // Copied texts are findings too: the view `findings` derives them from `similarities`.
  // Carry-over between years: the later report is the one that does not follow on.
  const crossYear = db.exec('SELECT next_report_id, check_id, year, next_year, expected, actual FROM cross_year_checks WHERE ok = 0 ORDER BY next_report_id, check_id')[0]?.values ?? [];
  for (const [id, checkId, year, nextYear, expected, actual] of crossYear) {
    findings.get(Number(id))?.push(sidesFinding('carry-over', 'medium', crossYearSides(String(checkId), Number(year), Number(nextYear), Number(expected), Number(actual))));
  }
  const rows: { report_id: number; seq: number; code: string; severity: string; message_zh: string; message_en: string; params: string | null }[] = [];
  for (const [id, list] of [...findings.entries()].sort((a, b) => a[0] - b[0])) {
    sortFindings(list).forEach((f, i) =>
      rows.push({ report_id: id, seq: i + 1, code: f.code, severity: f.severity, message_zh: f.zh, message_en: f.en, params: f.params ? JSON.stringify(f.params) : null }),
    );
  }
  insertAll(db, 'report_findings', rows);
}

function insertAll<T extends object>(db: Database, table: string, rows: T[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]);
  const stmt = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  for (const row of rows) stmt.run(cols.map((c) => (row as Record<string, number | string | null>)[c]));
  stmt.free();
}

function insertOffices(db: Database, kept: Parsed[], dups: Parsed[], overrides: { name: string; aliases: string[] }[]): void {
  const offices = new Map<string, { identity: OfficeIdentity; spellings: Map<string, number> }>();
  for (const p of [...kept, ...dups]) {
    const o = p.office!;
    const entry = offices.get(o.officeId) ?? { identity: o, spellings: new Map() };
    offices.set(o.officeId, entry);
    const spelling = p.record.office ?? o.name;
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1);
  }
  const rows = [...offices.entries()].sort(byKey(([id]) => id));
  const aliases: { alias: string; office_id: string }[] = [];
  insertAll(
    db,
    'offices',
    rows.map(([id, { identity, spellings }]) => {
      // The name most reports use (ties: the longest, then the first in code-point order).
      const name = identity.correctedByHand
        ? identity.name
        : [...spellings.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
      const listed = identity.correctedByHand ? (overrides.find((o) => o.name === identity.name)?.aliases ?? []) : [];
      for (const alias of new Set([...spellings.keys(), ...listed, name])) aliases.push({ alias, office_id: id });
      return {
        office_id: id,
        name,
        province: identity.province,
        city: identity.city,
        district: identity.district,
        division_code: identity.divisionCode,
        corrected_by_hand: identity.correctedByHand ? 1 : 0,
      };
    }),
  );
  insertAll(db, 'office_aliases', aliases.sort(byKey((a) => `${a.alias}\u0000${a.office_id}`)));
}

/** Row key → label id, per section (and per template for section 二). */
function rowIdIndex(labels: LabelRow[]): Map<string, number> {
  return new Map(labels.filter((l) => l.kind === 'row').map((l) => [`${l.section}/${l.template ?? ''}/${l.key}`, l.label_id]));
}

const columnCache = new Map<string, LabelRow[]>();

/** The record's tables as `numbers` rows: [row_id, c1…c7, l1…l7]; rows the record leaves null are omitted. */
function numberRows(r: ReportRecord, rowIds: Map<string, number>, labels: LabelRow[]): (number | null)[][] {
  const out: (number | null)[][] = [];
  const columnsOf = (section: string, template: string | null, rowKey: string | null) => {
    const key = `${section}/${template}/${rowKey}`;
    let columns = columnCache.get(key);
    if (!columns) {
      columns = labels.filter((l) => l.kind === 'column' && l.section === section && l.template === template && l.row_key === rowKey).sort((a, b) => a.position - b.position);
      columnCache.set(key, columns);
    }
    return columns;
  };
  const push = (section: 'active' | 'applications' | 'reviewLitigation', template: string | null, rowKey: string, cells: Record<string, number | null>, columns: LabelRow[]) => {
    const values: (number | null)[] = Array(MAX_COLUMNS).fill(null);
    const lines: (number | null)[] = Array(MAX_COLUMNS).fill(null);
    columns.forEach((c, i) => {
      values[i] = cells[c.key] ?? null;
      lines[i] = r.sources[`${section}.${rowKey}.${c.key}`] ?? null;
    });
    const rowId = rowIds.get(`${section}/${template ?? ''}/${rowKey}`);
    if (rowId !== undefined) out.push([rowId, ...values, ...lines]);
  };
  const template = activeTemplate(r.template);
  for (const [item, cells] of Object.entries(r.active)) push('active', template, item, cells, columnsOf('active', template, item));
  const applicantColumns = columnsOf('applications', null, null);
  for (const [row, cells] of Object.entries(r.applications)) if (cells) push('applications', null, row, cells, applicantColumns);
  const reviewColumns = columnsOf('reviewLitigation', null, null);
  for (const [group, cells] of Object.entries(r.reviewLitigation)) push('reviewLitigation', null, group, cells, reviewColumns);
  return out.sort((a, b) => a[0]! - b[0]!);
}

/**
 * The column of the site a report was published in: its URL without the month folder and file
 * ("…/ptzhsyqgyz/zfxxgknb/202401/t20240110_1.htm" → "…/ptzhsyqgyz/zfxxgknb").
 */
export function siteColumn(url: string | null): string | null {
  if (!url) return null;
  const m = /^(https?:\/\/[^?#]+?)\/(?:\d{6}|\d{4}[-/]?\d{2}(?:[-/]?\d{2})?)\/[^/]+$/.exec(url);
  return m ? m[1] : null;
}

/**
 * One office across its years whatever its titles: a renamed bureau (国有资产管理局 → 投资促进局)
 * keeps publishing in the same column of its site. Reports of one column join the office of the
 * column's latest report, but only where the column holds at most one report a year and no
 * hand correction (offices.csv) named either office: a column where several offices publish is
 * a shared list, not an office.
 */
function joinBySiteColumn(parsed: Parsed[]): void {
  const byColumn = new Map<string, Parsed[]>();
  for (const p of parsed) {
    const column = siteColumn(p.page.url);
    if (column && p.record.year !== null) byColumn.set(column, [...(byColumn.get(column) ?? []), p]);
  }
  for (const reports of byColumn.values()) {
    const ids = new Set(reports.map((p) => p.office!.officeId));
    if (ids.size < 2 || reports.some((p) => p.office!.correctedByHand)) continue;
    const years = reports.map((p) => p.record.year);
    if (new Set(years).size !== years.length) continue;
    const latest = reports.reduce((a, b) => (b.record.year! > a.record.year! ? b : a));
    for (const p of reports) p.office = { ...latest.office! };
  }
}

/** A row of the database's `cross_year_checks` view. */
export interface CrossYearRow {
  checkId: string;
  year: number;
  nextYear: number;
  formula: string;
  expected: number;
  actual: number;
  ok: boolean;
}

/**
 * A report read elsewhere (the check view) set against an office's years by the database's own
 * rules: it is added to a copy of the database as one more report of the office, and the
 * `cross_year_checks` view is asked about it — one statement of each rule, here and in the build.
 */
export function crossYearChecksWith(SQL: SqlJsStatic, database: Uint8Array, file: ParsedFile, officeId: string): CrossYearRow[] {
  const db = new SQL.Database(database);
  try {
    db.run('PRAGMA query_only = OFF');
    // The labels' ids are this code's (labelRows): a database of another schema is not asked.
    if (db.exec("SELECT value FROM meta WHERE key = 'schema_version'")[0]?.values[0]?.[0] !== SCHEMA_VERSION) return [];
    const id = Number(db.exec('SELECT coalesce(max(report_id), 0) + 1 FROM reports')[0].values[0][0]);
    const [office] = db.exec('SELECT office_id, province, city, district, division_code FROM offices WHERE office_id = ?', [officeId])[0]?.values ?? [];
    if (!office) return [];
    const identity: OfficeIdentity = { officeId, name: file.record.office ?? '', province: office[1] as string | null, city: office[2] as string | null, district: office[3] as string | null, divisionCode: office[4] as string | null, correctedByHand: false };
    const stmt = db.prepare(INSERT_REPORT);
    stmt.run(reportRow({ ...file, office: identity }, id));
    stmt.free();
    const labels = labelRows();
    const numbers = db.prepare(INSERT_NUMBERS);
    for (const row of numberRows(file.record, rowIdIndex(labels), labels)) numbers.run([id, ...row]);
    numbers.free();
    const rows = db.exec('SELECT check_id, year, next_year, formula, expected, actual, ok FROM cross_year_checks WHERE report_id = ? OR next_report_id = ? ORDER BY year, check_id', [id, id])[0]?.values ?? [];
    return rows.map(([checkId, year, nextYear, formula, expected, actual, ok]) => ({
      checkId: String(checkId),
      year: Number(year),
      nextYear: Number(nextYear),
      formula: String(formula),
      expected: Number(expected),
      actual: Number(actual),
      ok: ok === 1,
    }));
  } finally {
    db.close();
  }
}
