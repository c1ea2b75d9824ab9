/**
 * The data build's second half, the same in Node (build:data) and in the browser (a collection
 * dropped into the page): the files read (read-file.ts) in, SQLite out, through sql.js. In stages,
 * so that a national collection is built in bounded memory (issue 16):
 *   1. index: as each file's result arrives, only a compact index of it is kept (indexResult: what
 *      the decisions need, and similarity signatures instead of texts); the file itself (text and
 *      record) waits in a spool (spool.ts: a temporary file in Node, memory in the browser);
 *   2. decisions (decide): offices resolved, one report kept per office and year (duplicates and
 *      conflicts recorded), report ids, copied texts, the files' rows and the build's summary;
 *   3. rows (writeSingle, writePart and the summary): each kept report's record read back from the spool and
 *      written, with numbers, checks, texts, themes and quality findings — into one database, or a
 *      summary database and one detail part at a time.
 * Every file is accounted for in `files`. The output depends only on the inputs: rows are inserted
 * in the order of stable keys and nothing records the time, so the same files give the same bytes
 * wherever they are built.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { termNameRows } from '../analysis/check-text';
import { findSimilaritiesOf, sectionSignature, hash53, type SectionSignature, type Similarity } from '../analysis/copies';
import { problemThemes } from '../analysis/problems';
import { reportFindings, sidesFinding, sortFindings, type Finding } from '../analysis/quality';
import { COMPARED_SECTIONS } from '../analysis/similarity';
import { THEMES } from '../analysis/themes';
import { activeTemplate, CHECK_ROWS, DETAIL_TABLES, EXTRA_FILES, EXTRA_KEPT, EXTRA_SUBSETS, EXTRA_REPORT_COLUMNS, FILL_HEADLINE_SQL, FILL_QUALITY_SQL, labelRows, MAX_COLUMNS, PART_EXTRAS, RECORD_COLUMNS, recordColumns, SCHEMA_SQL, SCHEMA_VERSION, SEARCH_TABLE, type LabelRow } from '../db/schema';
import type { CrossYearCheck } from '../db/queries';
import { FORMATS_VERSION, type ReadLimits } from '../formats/index';
import { crossYearParams, crossYearSides } from '../report/checks';
import { PARSER_VERSION, type ReportRecord } from '../report/index';
import { bigramTokens } from '../db/search';
import { applyDecisions, crossYearCells, decideAcrossYears, yearView, type Decision, type YearView } from './across-years';
import { sha256Hex } from './hash';
import { OfficeResolver, readOfficesCsv, type OfficeIdentity, type OfficeNaming, type OfficeOverride } from './offices';
import type { FailedFile, FileResult, ParsedFile } from './read-file';
import { encodeSpoolEntry, MemorySpool, type Spool } from './spool';

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
  /**
   * Counts, for pairs of spool references, the cells the two records disagree on
   * (differingCellsOf): Node's build counts them in its threads. By default, here.
   */
  countDiffering?: (pairs: [number, number][]) => Promise<number[]>;
}

/**
 * A parsed file as the build keeps it in memory until the rows are written: what the decisions
 * read of it, and where the whole file (text and record) waits in the spool.
 */
export interface IndexedReport {
  path: string;
  sha256: string;
  bytes: number;
  /** What the office resolver reads of the record. */
  naming: OfficeNaming;
  year: number | null;
  publishedAt: string | null;
  url: string | null;
  /** A hash of the three tables' numbers: copies of one office and year with the same are plain duplicates. */
  numbersKey: number;
  warnings: number;
  failedChecks: number;
  /** The compared sections' signatures (copies.ts), dropped once the copied texts are found. */
  signatures: Partial<Record<(typeof COMPARED_SECTIONS)[number], SectionSignature | null>> | null;
  /**
   * What the office's other years need to choose between readings (across-years.ts): the cells the
   * cross-year rules read, in crossYearCells() order, and the readings the record left open.
   */
  crossYear: Pick<YearView, 'template' | 'ambiguities'> & { values: (number | null)[] };
  /** The file's entry in the spool, and its size (what a detail part of it will weigh, about). */
  ref: number;
  spoolBytes: number;
}

export type IndexedResult = { ok: true; file: IndexedReport } | { ok: false; file: FailedFile };

/** A file's result as the build keeps it (its index) and its spool entry, to be written where the spool lives. */
export function indexResult(result: FileResult): { result: IndexedResult; entry: Uint8Array | null } {
  if (!result.ok) return { result, entry: null };
  const f = result.file;
  const r = f.record;
  const entry = encodeSpoolEntry(f);
  const file: IndexedReport = {
    path: f.path,
    sha256: f.sha256,
    bytes: f.bytes,
    naming: { office: r.office, title: r.title, region: r.region, divisionCode: r.divisionCode },
    year: r.year,
    publishedAt: f.page.publishedAt,
    url: f.page.url,
    numbersKey: hash53(numbersOf(r)),
    warnings: r.warnings.length,
    failedChecks: r.checks.filter((c) => !c.ok).length,
    signatures: Object.fromEntries(COMPARED_SECTIONS.map((s) => [s, sectionSignature(r.sections[s])])),
    crossYear: crossYearOf(r),
    ref: -1,
    spoolBytes: entry.length,
  };
  return { result: { ok: true, file }, entry };
}

function crossYearOf(r: ReportRecord): IndexedReport['crossYear'] {
  const view = yearView('', '', r);
  return { template: view.template, ambiguities: view.ambiguities, values: crossYearCells().map((path) => view.cells[path]) };
}

/** An indexed report and, once resolved, its office and the readings its other years chose. */
export interface Entry extends IndexedReport {
  office?: OfficeIdentity;
  decisions?: Decision[];
}

/**
 * The office's other years choose between readings a record left open (across-years.ts), over the
 * kept reports: only offices with such a record are looked at. Each chosen reading is kept on its
 * report and applied when the record is read back from the spool to be written.
 */
function chooseAcrossYears(kept: Entry[], spool: Spool): void {
  const open = new Set(kept.filter((p) => p.crossYear.ambiguities.length > 0).map((p) => p.office!.officeId));
  if (open.size === 0) return;
  const paths = crossYearCells();
  const views: YearView[] = kept
    .filter((p) => open.has(p.office!.officeId))
    .map((p) => ({ key: p.path, officeId: p.office!.officeId, year: p.year, template: p.crossYear.template, ambiguities: p.crossYear.ambiguities, cells: Object.fromEntries(paths.map((path, i) => [path, p.crossYear.values[i]])) }));
  const byPath = new Map(kept.map((p) => [p.path, p]));
  for (const d of decideAcrossYears(views)) {
    const p = byPath.get(d.key)!;
    (p.decisions ??= []).push(d);
  }
  // The counts the summary gives are the records' as written.
  for (const p of kept) {
    if (!p.decisions) continue;
    const record = applyDecisions(spool.read(p.ref).record, p.decisions);
    p.warnings = record.warnings.length;
    p.failedChecks = record.checks.filter((c) => !c.ok).length;
  }
}

const byKey = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Sorts `list` in place by a key made once per item (byKey makes two for every comparison). */
function sortByKey<T>(list: T[], key: (t: T) => string): void {
  const keyed = list.map((item) => ({ key: key(item), item }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  keyed.forEach(({ item }, i) => (list[i] = item));
}

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

/** How many cells of the three tables two records disagree on (a cell one lacks counts as null). */
export function differingCellsOf(a: ReportRecord, b: ReportRecord): number {
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
  kept: Entry;
  /** The copies whose numbers differ from the kept one's. */
  others: Entry[];
  differing: Map<Entry, number>;
  rule: ConflictRule;
  message: string;
}

/** A group's copies in the order of choosing and, where their numbers disagree, the rule that chose and the copies whose numbers differ. */
export interface Choice {
  ordered: Entry[];
  disagreement: { rule: ConflictRule; others: Entry[] } | null;
}

/**
 * The report kept for one office and year, first in `ordered`. Copies with the same numbers are
 * plain duplicates: the cleanest reading is kept (then the first path). Copies whose numbers
 * differ are a conflict, settled by, in order: a file named in offices.csv's prefer column; the
 * newer publication date where the saved pages give one; the cleaner reading (fewer warnings,
 * then fewer failed checks); else file name order, flagged as undecided.
 */
export function orderCopies(group: Entry[], preferred: Set<string>): Choice {
  const cleaner = (a: Entry, b: Entry) => a.warnings - b.warnings || a.failedChecks - b.failedChecks;
  const byPath = (a: Entry, b: Entry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const published = (p: Entry) => p.publishedAt ?? '';
  const disagree = group.length > 1 && new Set(group.map((p) => p.numbersKey)).size > 1;
  if (!disagree) return { ordered: [...group].sort((a, b) => cleaner(a, b) || byPath(a, b)), disagreement: null };
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
  return { ordered, disagreement: { rule, others: ordered.slice(1).filter((p) => p.numbersKey !== kept.numbersKey) } };
}

/** A disagreement as the conflict recorded, `differingCells` counting the cells the kept copy and each other one disagree on. */
function recordConflict({ ordered: [kept], disagreement }: Choice, differingCells: (a: Entry, b: Entry) => number): Conflict | null {
  if (!disagreement) return null;
  const { rule, others } = disagreement;
  const differing = new Map(others.map((p) => [p, differingCells(kept, p)]));
  const dated = (p: Entry) => (p.publishedAt ? ` (published ${p.publishedAt})` : '');
  const message =
    `${kept.naming.office ?? kept.office!.name} ${kept.year}: ${others.length + 1} copies disagree; kept ${kept.path}${dated(kept)} by ${RULE_TEXT[rule].en}; ` +
    others.map((p) => `${p.path}${dated(p)} differs in ${differing.get(p)} cells`).join('; ');
  return { kept, others, differing, rule, message };
}

/** orderCopies and the conflict recorded, its records read back from the spool by `differingCells`. */
export function chooseReport(group: Entry[], preferred: Set<string>, differingCells: (a: Entry, b: Entry) => number): { ordered: Entry[]; conflict: Conflict | null } {
  const choice = orderCopies(group, preferred);
  return { ordered: choice.ordered, conflict: recordConflict(choice, differingCells) };
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

const REPORT_COLUMNS = ['report_id', 'office_id', 'province', 'city', 'district', 'division_code', 'source_path', 'published_at', 'source_url', 'parser_version', 'warning_count', 'check_count', 'failed_check_count', ...RECORD_COLUMNS];
// Bound by position: a named parameter is looked up by name for every value of every row.
const INSERT_REPORT = `INSERT INTO reports (${REPORT_COLUMNS.join(', ')}) VALUES (${REPORT_COLUMNS.map(() => '?').join(', ')})`;
const INSERT_NUMBERS = `INSERT INTO numbers VALUES (${Array(2 + 2 * MAX_COLUMNS).fill('?').join(', ')})`;

/** A report's row of `reports` in REPORT_COLUMNS order: the office as resolved, the file, and the record's own columns (RECORD_STORAGE). */
function reportRow(p: ParsedFile, o: OfficeIdentity, id: number): ReportRow {
  const r = p.record;
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
    parser_version: PARSER_VERSION,
    warning_count: r.warnings.length,
    check_count: r.checks.length,
    failed_check_count: r.checks.filter((c) => !c.ok).length,
    ...recordColumns(r),
  };
  return REPORT_COLUMNS.map((c) => values[c]);
}

/** A row of `reports`, its values in REPORT_COLUMNS order. */
export type ReportRow = (string | number | null)[];

type FileRow = { path: string; sha256: string | null; bytes: number; status: string; report_id: number | null; duplicate_of: number | null; numbers_differ: number | null; conflict_rule: string | null; error_code: string | null; message: string | null };

/** What the build decided before writing a row: which reports are kept, their ids, and what is known of them all. */
export interface Decisions {
  /** The kept reports in report id order (id = position + 1). */
  kept: Entry[];
  reportId: Map<Entry, number>;
  duplicates: { dup: Entry; of: Entry }[];
  conflictOf: Map<Entry, Conflict>;
  overrides: OfficeOverride[];
  /** Copied texts, found over every kept report (by the same office, or another of the same year). */
  similarities: Similarity[];
  fileRows: FileRow[];
  meta: Record<string, string | number>;
  summary: BuildSummary;
}

/**
 * The indexed files (in any order) → every decision the rows depend on (the parsed files' entries
 * are taken over as the kept and duplicate reports). `spool` gives back a file's record where a
 * decision reads it (copies that disagree).
 */
export async function decide(results: IndexedResult[], options: AssembleOptions, spool: Spool): Promise<Decisions> {
  const files = results.map((r) => r.file).sort(byKey((f) => f.path));
  // Paths name files in the database; a folder cannot hold two of the same, a caller's list might.
  const repeated = files.find((f, i) => i > 0 && files[i - 1].path === f.path);
  if (repeated) throw new Error(`the input list names ${repeated.path} twice`);
  // The index's own entries become the reports decided on (not copies: at 100,000 reports a copy
  // of the index was a few hundred MB more at the build's peak). `results` is not to be decided on twice.
  const parsed: Entry[] = results.filter((r) => r.ok).map((r) => r.file as Entry).sort(byKey((p) => p.path));
  const failed: FailedFile[] = results.filter((r) => !r.ok).map((r) => r.file as FailedFile).sort(byKey((f) => f.path));

  // Offices: learn which names carry a code, then give every report its office.
  const { overrides, problems } = options.officesCsv !== undefined ? readOfficesCsv(options.officesCsv) : { overrides: [], problems: [] };
  const resolver = new OfficeResolver(overrides);
  for (const p of parsed) resolver.learn(p.naming);
  for (const p of parsed) p.office = resolver.resolve(p.naming);
  joinBySiteColumn(parsed);

  // One report per office and year; the others are duplicates, and copies whose numbers differ
  // are conflicts, settled by a rule the user can predict and override (chooseReport).
  const groups = new Map<string, Entry[]>();
  for (const p of parsed) {
    const key = p.year === null ? `${p.path}` : `${p.office!.officeId}\u0000${p.year}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const preferred = new Set(overrides.flatMap((o) => o.prefer));
  const kept: Entry[] = [];
  const duplicates: { dup: Entry; of: Entry }[] = [];
  // Chosen before the office's other years change any copy's counts of warnings and failed checks.
  const choices = [...groups.values()].map((group) => orderCopies(group, preferred));
  for (const { ordered } of choices) {
    kept.push(ordered[0]);
    for (const dup of ordered.slice(1)) duplicates.push({ dup, of: ordered[0] });
  }
  // The cells each copy that differs disagrees on with the kept one: counted from the two records
  // while the rest is decided (by the caller's threads, where it gives a counter).
  const pairs = choices.flatMap(({ ordered: [first], disagreement }) => (disagreement?.others ?? []).map((p) => [first, p] as const));
  const refs = pairs.map(([a, b]) => [a.ref, b.ref] as [number, number]);
  const counting = options.countDiffering ? options.countDiffering(refs) : Promise.resolve(refs.map(([a, b]) => differingCellsOf(spool.read(a).record, spool.read(b).record)));
  const inputPaths = new Set(files.map((f) => f.path));
  for (const path of [...preferred].sort()) {
    if (!inputPaths.has(path)) problems.push(`offices.csv: prefer names ${path}, which is not among the input files; ignored`);
  }
  sortByKey(kept, (p) => `${p.office!.officeId}\u0000${p.year ?? ''}\u0000${p.path}`);
  const reportId = new Map(kept.map((p, i) => [p, i + 1]));

  // The kept report of each office and year is chosen and nothing is written yet: its other years
  // may now choose between the readings a record left open.
  chooseAcrossYears(kept, spool);

  // Copied texts, over every kept report at once; then the signatures are no longer needed.
  const similarities = findSimilaritiesOf(kept.map((p) => ({ id: reportId.get(p)!, officeId: p.office!.officeId, year: p.year, signatures: p.signatures ?? {} })));
  for (const p of parsed) p.signatures = null;

  const counts = await counting;
  const differing = new Map(pairs.map(([, p], i) => [p, counts[i]]));
  const conflicts = choices.map((choice) => recordConflict(choice, (_, p) => differing.get(p)!)).filter((c): c is Conflict => c !== null);
  const conflictOf = new Map(conflicts.flatMap((c) => [c.kept, ...c.others].map((p) => [p, c] as const)));

  const fileRows: FileRow[] = [
    ...kept.map((p) => ({ path: p.path, sha256: p.sha256, bytes: p.bytes, status: 'parsed', report_id: reportId.get(p)!, duplicate_of: null, numbers_differ: null, conflict_rule: conflictOf.get(p)?.rule ?? null, error_code: null, message: conflictOf.get(p)?.message ?? null })),
    ...duplicates.map(({ dup, of }) => {
      const differ = dup.numbersKey !== of.numbersKey;
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

  const inputsHash = await sha256Hex(
    [`parser ${PARSER_VERSION}`, `formats ${FORMATS_VERSION}`, `limits ${JSON.stringify(options.limits)}`, `schema ${SCHEMA_VERSION}`, `offices.csv ${await sha256Hex(options.officesCsv ?? '')}`, ...fileRows.map((f) => `${f.path}\t${f.sha256}`)].join('\n'),
  );
  const summary: BuildSummary = {
    filesSeen: files.length,
    parsed: parsed.length,
    withWarnings: parsed.filter((p) => p.warnings > 0).length,
    failed: failed.length,
    duplicates: duplicates.length,
    checksFailed: kept.filter((p) => p.failedChecks > 0).length,
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
    reports_with_warnings: kept.filter((p) => p.warnings > 0).length,
    reports_failing_checks: summary.checksFailed,
    offices: summary.offices,
  };
  return { kept, reportId, duplicates, conflictOf, overrides, similarities, fileRows, meta, summary };
}

/** The files read (in any order) → one database and the build's summary, the spool in memory (the browser's collection). */
export async function assembleDatabase(SQL: SqlJsStatic, results: FileResult[], options: AssembleOptions): Promise<{ database: Uint8Array; summary: BuildSummary }> {
  const spool = new MemorySpool();
  const indexed = results.map((r) => {
    const { result, entry } = indexResult(r);
    if (result.ok) result.file.ref = spool.write(entry!);
    return result;
  });
  const decisions = await decide(indexed, options, spool);
  return { database: writeSingle(SQL, decisions, spool), summary: decisions.summary };
}

/** A database with the schema, ready for one transaction of inserts. */
function freshDatabase(SQL: SqlJsStatic, cacheMiB: number): Database {
  const db = new SQL.Database();
  db.run('PRAGMA page_size = 4096');
  // A fresh database built in one go: no rollback journal, pages kept in the cache, not rewritten
  // to sql.js's in-memory file as they spill (the file's bytes are the same).
  db.run(`PRAGMA journal_mode = OFF; PRAGMA cache_size = -${cacheMiB * 1024}; PRAGMA temp_store = MEMORY`);
  db.exec(SCHEMA_SQL);
  db.run('BEGIN');
  return db;
}

/** The tables every database of a build holds whole: the template's labels, the names of its terms and the checks' definitions. */
function insertDefinitions(db: Database, labels: LabelRow[]): void {
  insertAll(db, 'labels', labels);
  insertAll(db, 'term_names', termNameRows());
  insertAll(
    db,
    'check_definitions',
    CHECK_ROWS.map((c) => ({ check_no: c.check_no, check_id: c.id, section: c.section, formula: c.formula, subject: c.subject, left_terms: JSON.stringify(c.left), right_terms: JSON.stringify(c.right), left_is: c.leftIs })),
  );
}

type ThemeRow = { report_id: number; seq: number; theme: string; start: number | null; length: number | null; sentence_text: string | null; phrase: string };

/** A kept report as its rows are written: where its file waits, its id and office, and its conflict's finding. Plain data (a part is written in a thread). */
export interface ReportToWrite {
  ref: number;
  id: number;
  office: OfficeIdentity;
  conflict: Finding | null;
  /** The readings its other years chose (applied to the record as it is read back). */
  decisions: Decision[];
}

/** The kept reports given, in report id order, as their rows are written. */
export function reportsToWrite(d: Decisions, reports: Entry[]): ReportToWrite[] {
  return reports
    .map((p) => {
      const c = d.conflictOf.get(p);
      return { ref: p.ref, id: d.reportId.get(p)!, office: p.office!, conflict: c ? conflictFinding(c) : null, decisions: p.decisions ?? [] };
    })
    .sort((a, b) => a.id - b.id);
}

/**
 * The rows of a set of kept reports, each record read back from the spool in turn: `reports`,
 * numbers, checks, warnings, sections, texts and the search index (`search`), into `db`. Returns
 * what is derived from each record for the tables written after (the problem themes' hits and the
 * report's own findings) and, with `keepReports`, the `reports` rows (for the summary).
 */
function writeReports(db: Database, reports: ReportToWrite[], spool: Spool, labels: LabelRow[], options: { search: boolean; keepReports?: boolean }) {
  const rowIds = rowIdIndex(labels);
  const checkNo = new Map(CHECK_ROWS.map((c) => [c.id, c.check_no]));
  const insertReport = db.prepare(INSERT_REPORT);
  const insertNumbers = db.prepare(INSERT_NUMBERS);
  const insertCheck = db.prepare('INSERT INTO checks VALUES (?, ?, ?, ?, ?)');
  const insertWarning = db.prepare('INSERT INTO warnings VALUES (?, ?, ?)');
  const insertAmbiguity = db.prepare('INSERT INTO ambiguities VALUES (?, ?, ?, ?, ?)');
  const insertSection = db.prepare('INSERT INTO sections VALUES (?, ?, ?)');
  const insertText = db.prepare('INSERT INTO report_texts VALUES (?, ?)');
  const insertSearch = db.prepare(`INSERT INTO ${SEARCH_TABLE} (docid, bigrams) VALUES (?, ?)`);
  const themeRows: ThemeRow[] = [];
  const findings = new Map<number, Finding[]>();
  const reportRows: ReportRow[] = [];
  try {
    for (const { ref, id, office, conflict, decisions } of reports) {
      const read = spool.read(ref);
      const p = decisions.length ? { ...read, record: applyDecisions(read.record, decisions) } : read;
      const r = p.record;
      const row = reportRow(p, office, id);
      insertReport.run(row);
      if (options.keepReports) reportRows.push(row);
      for (const numbers of numberRows(r, rowIds, labels)) insertNumbers.run([id, ...numbers]);
      for (const c of r.checks) insertCheck.run([id, checkNo.get(c.id) ?? 0, c.ok ? 1 : 0, c.expected, c.actual]);
      r.warnings.forEach((w, i) => insertWarning.run([id, i + 1, w]));
      r.ambiguities.forEach((a, i) => insertAmbiguity.run([id, i + 1, JSON.stringify(a.cells), JSON.stringify(a.lines), JSON.stringify(a.readings)]));
      for (const [section, text] of Object.entries(r.sections)) if (text !== null) insertSection.run([id, section, text]);
      insertText.run([id, p.text]);
      if (options.search && r.sections.problems) insertSearch.run([id, bigramTokens(r.sections.problems)]);
      const text = r.sections.problems ?? '';
      problemThemes(text).forEach((h, i) => {
        // Offsets in characters (code points), as SQLite's substr counts them.
        const at = text.indexOf(h.sentence);
        const place = at >= 0 ? { start: Array.from(text.slice(0, at)).length, length: Array.from(h.sentence).length, sentence_text: null } : { start: null, length: null, sentence_text: h.sentence };
        themeRows.push({ report_id: id, seq: i + 1, theme: h.theme, ...place, phrase: h.phrase });
      });
      const own = reportFindings(r, p.page.publishedAt);
      if (conflict) own.push(conflict);
      findings.set(id, own);
    }
  } finally {
    for (const s of [insertReport, insertNumbers, insertCheck, insertWarning, insertAmbiguity, insertSection, insertText, insertSearch]) s.free();
  }
  return { themeRows, findings, reportRows };
}

type FindingRow = { report_id: number; seq: number; code: string; severity: string; message_zh: string | null; message_en: string | null; params: string | null };

/**
 * The quality findings of a set of reports: their own and their conflicts' (`findings`), and the
 * carry-over between an office's years, which `db`'s `cross_year_checks` view finds over the
 * numbers just written (every report of an office is written in the same database).
 */
function findingRows(db: Database, findings: Map<number, Finding[]>): FindingRow[] {
  // Carry-over between years: the later report is the one that does not follow on.
  const crossYear = db.exec('SELECT next_report_id, check_id, year, next_year, expected, actual FROM cross_year_checks WHERE ok = 0 ORDER BY next_report_id, check_id')[0]?.values ?? [];
  for (const [id, checkId, year, nextYear, expected, actual] of crossYear) {
    findings.get(Number(id))?.push(sidesFinding('carry-over', 'medium', crossYearSides(String(checkId), Number(year), Number(nextYear), Number(expected), Number(actual))));
  }
  const rows: FindingRow[] = [];
  for (const [id, list] of [...findings.entries()].sort((a, b) => a[0] - b[0])) {
    sortFindings(list).forEach((f, i) =>
      // A finding with sides stores them, not its sentences: the `findings` view makes those from
      // them, and a carry-over's sides from its check, year and values.
      rows.push({
        report_id: id,
        seq: i + 1,
        code: f.code,
        severity: f.severity,
        message_zh: f.params ? null : f.zh,
        message_en: f.params ? null : f.en,
        params: f.params ? JSON.stringify(f.code === 'carry-over' ? crossYearParams(f.params) : f.params) : null,
      }),
    );
  }
  return rows;
}

/** The tables about the whole collection: offices, themes, copied texts, files and the build's facts. */
function insertCollection(db: Database, d: Decisions, part: 'offices' | 'rest'): void {
  if (part === 'offices') return insertOffices(db, d.kept, d.duplicates.map((x) => x.dup), d.overrides);
  insertAll(db, 'similarities', d.similarities.map(similarityRow));
}

const similarityRow = (s: Similarity) => ({ report_id: s.reportId, section: s.section, kind: s.kind, other_report_id: s.otherReportId, score: s.score });

const THEME_ROWS = () => THEMES.map((t, i) => ({ theme: t.key, position: i + 1, label_zh: t.zh, label_en: t.en, covers: t.covers }));

/**
 * Compacts a database, its copy made in a temporary file (sql.js keeps files in memory it gives back
 * once the file is gone), not in pages of SQLite's cache: WebAssembly never gives back memory it grew
 * to, and the summary of 100,000 reports is 80 MB.
 */
function vacuum(db: Database): void {
  db.run('PRAGMA temp_store = FILE');
  db.run('VACUUM');
}

/** Commits, compacts and exports a database, then closes it. */
function finish(db: Database): Uint8Array {
  db.run('COMMIT');
  vacuum(db);
  const bytes = db.export();
  db.close();
  return bytes;
}

/** Every kept report in one database (a small collection, the browser's, or --parts never). */
export function writeSingle(SQL: SqlJsStatic, d: Decisions, spool: Spool): Uint8Array {
  const db = freshDatabase(SQL, 256);
  try {
    const labels = labelRows();
    insertDefinitions(db, labels);
    insertCollection(db, d, 'offices');
    const { themeRows, findings } = writeReports(db, reportsToWrite(d, d.kept), spool, labels, { search: true });
    db.exec(FILL_HEADLINE_SQL);
    insertAll(db, 'themes', THEME_ROWS());
    insertAll(db, 'problem_theme_hits', themeRows);
    insertCollection(db, d, 'rest');
    insertAll(db, 'report_findings', findingRows(db, findings));
    fillQuality(db);
    insertAll(db, 'files', d.fileRows);
    insertAll(db, 'meta', Object.entries(d.meta).map(([key, value]) => ({ key, value: String(value) })));
    return finish(db);
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A detail part: whose reports' rows it holds (a province, or one city of a large province). */
export interface PartPlan {
  provinces: (string | null)[];
  /** Set when a province is split by city. */
  cities?: (string | null)[];
  reports: Entry[];
}

/**
 * What the kept reports' rows will weigh in a database, about: half their spool entries' sizes (the
 * record's JSON repeats the keys the tables do not; 0.43 measured on 10,000 synthetic reports).
 */
export const estimatedBytes = (reports: Entry[]) => reports.reduce((n, p) => n + p.spoolBytes, 0) / 2;

const regionOrder = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/**
 * The detail parts: one per province (null last); a province whose part would pass `limitBytes`
 * one per city; a city (or the reports without a province or city) still past it, several, each
 * of whole offices up to the limit (the page fetches them together for that place). An office's
 * reports share its province and city and are never split, so each part holds every year of its
 * offices (the carry-over between years is found within it).
 */
export function planParts(d: Decisions, limitBytes: number): PartPlan[] {
  const byKey = (key: (p: Entry) => string | null, reports: Entry[]) => {
    const groups = new Map<string | null, Entry[]>();
    for (const p of reports) {
      const k = key(p);
      const group = groups.get(k);
      if (group) group.push(p);
      else groups.set(k, [p]);
    }
    return [...groups.entries()].sort((a, b) => regionOrder(a[0], b[0]));
  };
  const inTurns = (place: Omit<PartPlan, 'reports'>, reports: Entry[]): PartPlan[] => {
    const plans: PartPlan[] = [];
    let current: Entry[] = [];
    let bytes = 0;
    for (const [, ofOffice] of byKey((p) => p.office!.officeId, reports)) {
      const b = estimatedBytes(ofOffice);
      if (current.length && bytes + b > limitBytes) (plans.push({ ...place, reports: current }), (current = []), (bytes = 0));
      current.push(...ofOffice);
      bytes += b;
    }
    if (current.length) plans.push({ ...place, reports: current });
    return plans;
  };
  const plans: PartPlan[] = [];
  for (const [province, reports] of byKey((p) => p.office!.province, d.kept)) {
    if (estimatedBytes(reports) <= limitBytes) plans.push({ provinces: [province], reports });
    else for (const [city, ofCity] of byKey((p) => p.office!.city, reports)) plans.push(...inTurns({ provinces: [province], cities: [city] }, ofCity));
  }
  return plans;
}

/** What a detail part gives the summary: its reports' rows, headline figures and quality findings. */
export interface PartRows {
  /** Their rows of `reports`, in REPORT_COLUMNS order. */
  reports: ReportRow[];
  headline: (number | string | null)[][];
  findings: FindingRow[];
}

/** The rows of the summary's extras a part carries that the part does not compute itself: its reports' copied texts, its offices' spellings. */
export interface PartExtraRows {
  similarities: ReturnType<typeof similarityRow>[];
  aliases: { alias: string; office_id: string }[];
}

/**
 * What each part carries of the copied texts and the offices' spellings (schema.ts PART_EXTRAS):
 * the copies keyed by its reports, the spellings of its reports' offices, from the decisions and
 * the summary (opened: its offices and their spellings are in).
 */
export function partExtraRows(summary: Database, d: Decisions): (reports: ReportToWrite[]) => PartExtraRows {
  const aliases = new Map<string, { alias: string; office_id: string }[]>();
  for (const [alias, officeId] of summary.exec('SELECT alias, office_id FROM office_aliases ORDER BY alias, office_id')[0]?.values ?? []) {
    const ofOffice = aliases.get(String(officeId)) ?? [];
    aliases.set(String(officeId), ofOffice);
    ofOffice.push({ alias: String(alias), office_id: String(officeId) });
  }
  const copies = new Map<number, Similarity[]>();
  for (const s of d.similarities) {
    const ofReport = copies.get(s.reportId) ?? [];
    copies.set(s.reportId, ofReport);
    ofReport.push(s);
  }
  return (reports) => ({
    similarities: reports.flatMap((r) => copies.get(r.id) ?? []).map(similarityRow),
    aliases: [...new Set(reports.map((r) => r.office.officeId))].flatMap((id) => aliases.get(id) ?? []),
  });
}

/**
 * One detail part (issue 16): its reports written into a database of the whole schema, which
 * computes their headline figures and carry-over between years (an office's reports are all in
 * its part), then keeps only the detail tables (schema.ts DETAIL_TABLES, without the search index:
 * the page fills it from the part's texts) and, given `extras`, the summary's extras of its own
 * reports and offices (schema.ts PART_EXTRAS; `reports` as the extras' table of report_id and
 * EXTRA_REPORT_COLUMNS). Returns the part and the rows it gives the summary.
 * Pure data in and out: Node writes the parts in threads.
 */
export function writePart(SQL: SqlJsStatic, reports: ReportToWrite[], spool: Spool, extras?: PartExtraRows): { database: Uint8Array; rows: PartRows } {
  const labels = labelRows();
  // Rows come in report id order, mostly appended: a small cache does (each thread's memory grows to it).
  const part = freshDatabase(SQL, 32);
  try {
    insertDefinitions(part, labels);
    const { themeRows, findings, reportRows } = writeReports(part, reports, spool, labels, { search: false, keepReports: true });
    part.exec(FILL_HEADLINE_SQL);
    const headline = (part.exec('SELECT * FROM report_headline ORDER BY report_id')[0]?.values ?? []) as (number | string | null)[][];
    insertAll(part, 'problem_theme_hits', themeRows);
    const rows: PartRows = { reports: reportRows, headline, findings: findingRows(part, findings) };
    if (extras) {
      insertAll(part, 'report_findings', rows.findings);
      insertAll(part, 'similarities', extras.similarities);
      insertAll(part, 'office_aliases', extras.aliases);
    }
    part.run('COMMIT');
    // Only the detail tables (and the extras) stay: the views first, the search index with its own tables, then the rest.
    const keep = new Set<string>([...DETAIL_TABLES.filter((t) => t !== SEARCH_TABLE), ...(extras ? PART_EXTRAS : [])]);
    for (const [name] of part.exec("SELECT name FROM sqlite_master WHERE type = 'view'")[0]?.values ?? []) part.run(`DROP VIEW "${name}"`);
    part.run(`DROP TABLE ${SEARCH_TABLE}`);
    for (const [name] of part.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")[0]?.values ?? []) if (!keep.has(String(name))) part.run(`DROP TABLE "${name}"`);
    if (extras) {
      // `reports` as the extras file holds it: report_id and the columns the core holds empty.
      part.run(extraReportsTable('extra_reports'));
      part.run(`INSERT INTO extra_reports SELECT report_id, ${EXTRA_REPORT_COLUMNS.join(', ')} FROM reports`);
      part.run('DROP TABLE reports');
      part.run('ALTER TABLE extra_reports RENAME TO reports');
    }
    vacuum(part);
    return { database: part.export(), rows };
  } finally {
    part.close();
  }
}

/**
 * The summary of a collection in parts: every table but the detail ones, which it holds empty.
 * Open it, add each part's rows (in any order: the tables are ordered by their keys), close it
 * into its core and its extras. The rows of the summary, its extras and the parts together are
 * those writeSingle writes.
 */
export function openSummary(SQL: SqlJsStatic, d: Decisions): Database {
  const summary = freshDatabase(SQL, 16);
  insertDefinitions(summary, labelRows());
  insertCollection(summary, d, 'offices');
  insertAll(summary, 'themes', THEME_ROWS());
  return summary;
}

export function addToSummary(summary: Database, rows: PartRows): void {
  const insertReport = summary.prepare(INSERT_REPORT);
  for (const row of rows.reports) insertReport.run(row);
  insertReport.free();
  if (rows.headline.length) {
    const insertHeadline = summary.prepare(`INSERT INTO report_headline VALUES (${rows.headline[0].map(() => '?').join(', ')})`);
    for (const row of rows.headline) insertHeadline.run(row);
    insertHeadline.free();
  }
  insertAll(summary, 'report_findings', rows.findings);
}

/**
 * A file of the summary's extras that holds a subset of a complete one's rows (schema.ts
 * EXTRA_SUBSETS): its name in the published files (the subset's, and its number where there are
 * several), the complete file's, and the ids of the reports it covers, as sorted ranges [from, to].
 */
export interface ExtrasSubset {
  name: string;
  of: keyof typeof EXTRA_FILES;
  database: Uint8Array;
  reports: [number, number][];
}

/**
 * Closes the summary: its core (what the page opens first) and the files of its extras, by name
 * (schema.ts EXTRA_FILES: the rows of EXTRA_TABLES and EXTRA_REPORT_COLUMNS), and their subsets
 * (EXTRA_SUBSETS, copied before the complete files take the rows; none that would hold every row).
 */
export function closeSummary(SQL: SqlJsStatic, summary: Database, d: Decisions): { summary: Uint8Array; extras: Record<string, Uint8Array>; subsets: ExtrasSubset[] } {
  insertCollection(summary, d, 'rest');
  fillQuality(summary);
  insertAll(summary, 'files', d.fileRows);
  insertAll(summary, 'meta', Object.entries(d.meta).map(([key, value]) => ({ key, value: String(value) })));
  // Every row written first (whatever is computed over them), then the extras' rows moved out.
  summary.run('COMMIT');
  const subsets = copySubsets(SQL, summary);
  const extras = Object.fromEntries(Object.entries(EXTRA_FILES).map(([name, tables]) => [name, copyExtras(SQL, summary, tables, { move: true })]));
  summary.run('BEGIN');
  return { summary: finish(summary), extras, subsets };
}

/** The subsets of the summary's extras (schema.ts EXTRA_SUBSETS), copied while the summary still holds their rows; none that would hold every row. */
function copySubsets(SQL: SqlJsStatic, summary: Database): ExtrasSubset[] {
  const ids = (sql: string) => (summary.exec(sql)[0]?.values ?? []).map(([id]) => Number(id));
  const subsets: ExtrasSubset[] = [];
  for (const [name, subset] of Object.entries(EXTRA_SUBSETS)) {
    const tables = EXTRA_FILES[subset.of];
    if ('firstRanked' in subset) {
      // None where every report with a finding ranks first: the subset would weigh what the complete file does.
      const ranked = Number(summary.exec('SELECT COUNT(*) FROM quality_reports')[0].values[0][0]);
      if (ranked <= subset.firstRanked) continue;
      const first = `SELECT report_id FROM main.quality_reports WHERE rank <= ${Number(subset.firstRanked)} ORDER BY report_id`;
      subsets.push({ name, of: subset.of, database: copyExtras(SQL, summary, tables, { reports: first }), reports: idRanges(ids(first)) });
    } else {
      const all = ids('SELECT report_id FROM main.reports ORDER BY report_id');
      if (all.length <= subset.reportsPerFile) continue;
      for (let at = 0, n = 1; at < all.length; at += subset.reportsPerFile, n++) {
        const [from, to] = [all[at], all[Math.min(at + subset.reportsPerFile, all.length) - 1]];
        const database = copyExtras(SQL, summary, tables, { reports: `SELECT report_id FROM main.reports WHERE report_id BETWEEN ${from} AND ${to}` });
        subsets.push({ name: `${name}.${String(n).padStart(3, '0')}`, of: subset.of, database, reports: [[from, to]] });
      }
    }
  }
  return subsets;
}

/** Sorted ids as ranges of consecutive ones: [[1, 3], [7, 7]] for 1, 2, 3, 7. */
function idRanges(sorted: number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const id of sorted) {
    const last = ranges.at(-1);
    if (last && id === last[1] + 1) last[1] = id;
    else ranges.push([id, id]);
  }
  return ranges;
}

/** The extras' table of the reports' columns the core holds empty (EXTRA_REPORT_COLUMNS), by report. */
const extraReportsTable = (name: string) => `CREATE TABLE ${name} (report_id INTEGER PRIMARY KEY, ${EXTRA_REPORT_COLUMNS.join(', ')})`;

/**
 * A file of the summary's extras: a database of the tables given alone, as the summary declares
 * them, holding their rows (but EXTRA_KEPT's); `reports`: a table of report_id and
 * EXTRA_REPORT_COLUMNS. `move`: the summary then no longer holds them (its `reports` holds those
 * columns empty); `reports`: only the rows of the reports this SQL selects (a subset, copied).
 * The summary ATTACHes it (outside a transaction) and copies the rows in SQL.
 */
function copyExtras(SQL: SqlJsStatic, summary: Database, tables: readonly string[], { move = false, reports }: { move?: boolean; reports?: string }): Uint8Array {
  const extras = new SQL.Database();
  const columns = EXTRA_REPORT_COLUMNS.join(', ');
  try {
    extras.run('PRAGMA page_size = 4096');
    for (const table of tables) {
      extras.run(table === 'reports' ? extraReportsTable('reports') : String(summary.exec("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table])[0].values[0][0]));
    }
    summary.run(`ATTACH '/${(extras as unknown as { filename: string }).filename}' AS extras`);
    try {
      summary.run('BEGIN');
      for (const table of tables) {
        const kept = EXTRA_KEPT[table as keyof typeof EXTRA_KEPT];
        const conditions = [...(kept ? [`NOT (${kept})`] : []), ...(reports ? [`report_id IN (${reports})`] : [])];
        const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
        if (table === 'reports') {
          summary.run(`INSERT INTO extras.reports SELECT report_id, ${columns} FROM main.reports${where}`);
          if (!move) continue;
          // Emptied: NULL, or '' where the schema wants a value.
          const notNull = new Set((summary.exec('SELECT name FROM pragma_table_info(\'reports\') WHERE "notnull"')[0]?.values ?? []).map(([name]) => String(name)));
          summary.run(`UPDATE main.reports SET ${EXTRA_REPORT_COLUMNS.map((c) => `${c} = ${notNull.has(c) ? "''" : 'NULL'}`).join(', ')}${where}`);
          continue;
        }
        summary.run(`INSERT INTO extras.${table} SELECT * FROM main.${table}${where}`);
        if (move) summary.run(`DELETE FROM main.${table}${where}`);
      }
      summary.run('COMMIT');
    } finally {
      summary.run('DETACH extras');
    }
    vacuum(extras);
    return extras.export();
  } finally {
    extras.close();
  }
}

/** The quality view's counts, once every finding and copied text is in (the one file's or the summary's). */
function fillQuality(db: Database): void {
  db.exec(FILL_QUALITY_SQL);
  // Each kind is a bit of a 64-bit integer (quality_reports.kinds).
  const kinds = Number(db.exec('SELECT COUNT(*) FROM quality_kinds')[0].values[0][0]);
  if (kinds > 62) throw new Error(`${kinds} kinds of finding: quality_reports.kinds holds at most 62`);
}

function insertAll<T extends object>(db: Database, table: string, rows: T[]): void {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]);
  const stmt = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  for (const row of rows) stmt.run(cols.map((c) => (row as Record<string, number | string | null>)[c]));
  stmt.free();
}

function insertOffices(db: Database, kept: Entry[], dups: Entry[], overrides: { name: string; aliases: string[] }[]): void {
  const offices = new Map<string, { identity: OfficeIdentity; spellings: Map<string, number> }>();
  for (const p of [...kept, ...dups]) {
    const o = p.office!;
    const entry = offices.get(o.officeId) ?? { identity: o, spellings: new Map() };
    offices.set(o.officeId, entry);
    const spelling = p.naming.office ?? o.name;
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
const pathCache = new Map<string, string[]>();

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
    const key = `${section}/${template ?? ''}/${rowKey}`;
    const rowId = rowIds.get(key);
    if (rowId === undefined) return;
    // The cells' paths in `sources`, made once per row of the template rather than per cell of every report.
    let paths = pathCache.get(key);
    if (!paths) pathCache.set(key, (paths = columns.map((c) => `${section}.${rowKey}.${c.key}`)));
    const row: (number | null)[] = Array(1 + 2 * MAX_COLUMNS).fill(null);
    row[0] = rowId;
    columns.forEach((c, i) => {
      row[1 + i] = cells[c.key] ?? null;
      row[1 + MAX_COLUMNS + i] = r.sources[paths[i]] ?? null;
    });
    out.push(row);
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
function joinBySiteColumn(parsed: Entry[]): void {
  const byColumn = new Map<string, Entry[]>();
  for (const p of parsed) {
    const column = siteColumn(p.url);
    if (column && p.year !== null) byColumn.set(column, [...(byColumn.get(column) ?? []), p]);
  }
  for (const reports of byColumn.values()) {
    const ids = new Set(reports.map((p) => p.office!.officeId));
    if (ids.size < 2 || reports.some((p) => p.office!.correctedByHand)) continue;
    const years = reports.map((p) => p.year);
    if (new Set(years).size !== years.length) continue;
    const latest = reports.reduce((a, b) => (b.year! > a.year! ? b : a));
    for (const p of reports) p.office = { ...latest.office! };
  }
}

/** A row of the database's `cross_year_checks` view: the check view's row (queries.ts) without its sides. */
export type CrossYearRow = Omit<CrossYearCheck, 'sides'>;

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
    stmt.run(reportRow(file, identity, id));
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
