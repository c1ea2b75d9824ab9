/**
 * A collection published in parts (issue 16): 2,000 synthetic reports of offices across the
 * country, written as a summary and one part per province, hold the rows the one file holds and
 * answer the app's queries as it does, and a query scoped to an office attaches only its
 * province's part. With a tiny part limit a province is published by city.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDatabase } from '../scripts/lib/build-database';
import { loadDivisions } from '../scripts/lib/divisions';
import { listInputFiles } from '../scripts/lib/list-files';
import { buildAndPublish, publishDatabase } from '../scripts/lib/publish-database';
import { LAYOUTS } from '../scripts/lib/synthetic';
import { partSources, type Manifest } from '../src/lib/db/client';
import { LARGELY_SAME } from '../src/lib/analysis/similarity';
import { DETAIL_TABLES, EXTRA_FILES, EXTRA_KEPT, EXTRA_REPORT_COLUMNS, EXTRA_SUBSETS, EXTRA_TABLES, PART_EXTRAS } from '../src/lib/db/schema';
import { PartSet } from '../src/lib/db/parts';
import type { PartScope, Row, SqlValue } from '../src/lib/db/protocol';
import {
  NO_FILTERS,
  collectionSummary,
  countProblems,
  checkFormulas,
  DEFAULT_REPORT_ORDER,
  filterOptions,
  findingsOfReport,
  findOffice,
  headline,
  officeCrossYearChecks,
  officeFigures,
  officeInfo,
  officeList,
  officePage,
  officeReports,
  officeThemes,
  qualityReports,
  qualitySummary,
  rateRanking,
  reportChecks,
  reportDetail,
  reportFigures,
  reportPage,
  reportRates,
  reportRecord,
  reportSimilarities,
  searchProblems,
  similarTexts,
  templateLabels,
  topOffices,
  trendByYear,
  type Run,
} from '../src/lib/db/queries';
import { expectSameAsFullScan, filtersOf } from './helpers/quality-reference';
import { syntheticCollection } from './helpers/synthetic-collection';

const YEARS = [2022, 2023];
const OFFICES = 1000;

let SQL: SqlJsStatic;
let whole: Database;
let dir: string;
let manifest: Manifest;

function runOn(db: Database, parts?: PartSet): Run {
  return async (sql: string, params: SqlValue[] = [], scope?: PartScope) => {
    await parts?.prepare(sql, scope);
    const stmt = db.prepare(sql);
    stmt.bind(params);
    const out: Row[] = [];
    while (stmt.step()) out.push(stmt.getAsObject() as Row);
    stmt.free();
    return out;
  };
}

/** The files of a collection in parts as the page fetches them, each by its name. */
const sourcesOf = (m: Manifest) => partSources(m, (p) => p.gzip.file)!;
/** The files of a summary's extras as the page fetches them. */
const extrasSources = (m: Manifest) => sourcesOf(m).filter((s) => s.extras);
/** The name of the extras' file holding a table. */
const extrasFile = (m: Manifest, table: string) => m.extras!.find((e) => e.tables.includes(table))!.gzip.file;

/** A part's database, as the page unzips it. */
const partBytes = (folder: string, gz: string) => new Uint8Array(gunzipSync(readFileSync(join(folder, gz))));

/**
 * The summary opened as the page opens it, its parts read from the folder when asked for (counted).
 * `old`: as a site built before the parts carried their extras (its manifest says none).
 */
function openParts({ old = false } = {}) {
  const summary = new SQL.Database(readFileSync(join(dir, manifest.database)));
  summary.exec('PRAGMA query_only = ON');
  const fetched: string[] = [];
  const sources = sourcesOf(manifest).map((s) => (old ? { ...s, carries: undefined } : s));
  const parts = new PartSet(SQL, summary, sources, async (source) => {
    fetched.push(source.url);
    return partBytes(dir, source.url);
  });
  return { run: runOn(summary, parts), parts, fetched, summary, close: () => summary.close() };
}

beforeAll(async () => {
  SQL = await initSqlJs();
  const files = syntheticCollection({ seed: 16_3, offices: OFFICES, years: YEARS, layout: (i) => LAYOUTS[i % LAYOUTS.length] });
  const { database } = await buildDatabase({ files, divisions: loadDivisions(), threads: 2 });
  whole = new SQL.Database(database);
  dir = mkdtempSync(join(tmpdir(), 'gongkai-parts-'));
  ({ manifest } = await buildAndPublish({ files, divisions: loadDivisions(), threads: 2, out: join(dir, 'gongkai.sqlite'), extra: {}, parts: 'always' }));
}, 300_000);

afterAll(() => {
  whole?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a database published in parts', () => {
  it('writes a summary and one part per province, listed with sizes and hashes', () => {
    const provinces = whole.exec('SELECT COUNT(DISTINCT COALESCE(province, \'\')) FROM reports')[0].values[0][0];
    expect(Number(whole.exec('SELECT COUNT(*) FROM reports')[0].values[0][0])).toBeGreaterThan(1990);
    expect(manifest.parts!.length).toBe(Number(provinces));
    expect(manifest.parts!.length).toBeGreaterThan(10);
    expect(manifest.parts!.reduce((n, p) => n + p.reports, 0)).toBe(Number(whole.exec('SELECT COUNT(*) FROM reports')[0].values[0][0]));
    for (const p of manifest.parts!) {
      // Published gzipped only: the page alone reads a part.
      expect(existsSync(join(dir, p.gzip.file.replace(/\.gz$/, '')))).toBe(false);
      expect(readFileSync(join(dir, p.gzip.file)).length).toBe(p.gzip.bytes);
      expect(partBytes(dir, p.gzip.file).length).toBe(p.bytes);
      expect(createHash('sha256').update(partBytes(dir, p.gzip.file)).digest('hex')).toBe(p.sha256);
    }
    // Each carries the extras of its own reports and offices, and says so.
    for (const p of manifest.parts!) expect(p.extras).toEqual([...PART_EXTRAS]);
    // The summary's extras too, gzipped only, one file for each view that reads them nationally.
    expect(manifest.extras!.map((e) => [e.gzip.file, e.tables])).toEqual([
      ['gongkai.findings.sqlite.gz', ['report_findings', 'similarities']],
      ['gongkai.sources.sqlite.gz', ['reports']],
      ['gongkai.aliases.sqlite.gz', ['office_aliases']],
      ['gongkai.files.sqlite.gz', ['files']],
      ['gongkai.quality.sqlite.gz', ['quality_kinds', 'quality_regions', 'quality_cells', 'quality_counts', 'quality_reports']],
      // Subsets, after the complete files: the findings of the first-ranked reports, the sources by ranges of ids.
      ['gongkai.findings-first.sqlite.gz', ['report_findings', 'similarities']],
      ['gongkai.sources-by-id.001.sqlite.gz', ['reports']],
      ['gongkai.sources-by-id.002.sqlite.gz', ['reports']],
    ]);
    expect(manifest.extras!.filter((e) => e.reports).map((e) => e.gzip.file)).toEqual(['gongkai.findings-first.sqlite.gz', 'gongkai.sources-by-id.001.sqlite.gz', 'gongkai.sources-by-id.002.sqlite.gz']);
    // The sources' files: every report once, in order, at most reportsPerFile in each.
    const ids = whole.exec('SELECT report_id FROM reports ORDER BY report_id')[0].values.map(([id]) => Number(id));
    const perFile = EXTRA_SUBSETS['sources-by-id'].reportsPerFile;
    expect(manifest.extras!.filter((e) => e.gzip.file.includes('sources-by-id')).map((e) => e.reports)).toEqual([
      [[ids[0], ids[perFile - 1]]],
      [[ids[perFile], ids.at(-1)]],
    ]);
    for (const e of manifest.extras!) {
      expect(readFileSync(join(dir, e.gzip.file)).length).toBe(e.gzip.bytes);
      expect(createHash('sha256').update(partBytes(dir, e.gzip.file)).digest('hex')).toBe(e.sha256);
    }
    expect(readdirSync(dir).sort()).toEqual(['gongkai.json', 'gongkai.sqlite', 'gongkai.sqlite.gz', ...manifest.extras!.map((e) => e.gzip.file), ...manifest.parts!.map((p) => p.gzip.file)].sort());
    const summary = new SQL.Database(readFileSync(join(dir, manifest.database)));
    expect(summary.exec('SELECT COUNT(*) FROM numbers')[0].values[0][0]).toBe(0);
    expect(summary.exec('SELECT COUNT(*) FROM report_headline')[0].values[0][0]).toBe(whole.exec('SELECT COUNT(*) FROM report_headline')[0].values[0][0]);
    summary.close();
  });

  it('holds, summary, its extras and parts together, exactly the rows of the one file', () => {
    const summary = new SQL.Database(readFileSync(join(dir, manifest.database)));
    const extrasOf = new Map(manifest.extras!.map((e) => [e.gzip.file, new SQL.Database(partBytes(dir, e.gzip.file))]));
    const extras = (table: string) => extrasOf.get(extrasFile(manifest, table))!;
    const parts = manifest.parts!.map((p) => new SQL.Database(partBytes(dir, p.gzip.file)));
    const rows = (db: Database, table: string) => (db.exec(`SELECT * FROM ${table}`)[0]?.values ?? []).map((r) => JSON.stringify(r)).sort();
    const detail = new Set<string>(DETAIL_TABLES);
    // The search index is filled by the page from the parts' texts (compared by the search test below).
    const tables = whole.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'problem_search%'")[0].values.map((r) => String(r[0]));
    expect(tables.length).toBeGreaterThan(15);
    const extra = new Set<string>(EXTRA_TABLES);
    for (const table of tables) {
      const expected = rows(whole, table);
      if (extra.has(table)) {
        // Moved to the extras, but the rows the summary keeps (the refused files).
        const kept = EXTRA_KEPT[table as keyof typeof EXTRA_KEPT];
        const keptRows = kept ? (whole.exec(`SELECT * FROM ${table} WHERE ${kept}`)[0]?.values ?? []).map((r) => JSON.stringify(r)).sort() : [];
        expect(rows(summary, table), table).toEqual(keptRows);
        expect(rows(extras(table), table).length, table).toBeGreaterThan(0);
        expect([...rows(summary, table), ...rows(extras(table), table)].sort(), table).toEqual(expected);
      } else if (table === 'reports') {
        // Its sources and titles in the extras, empty in the summary.
        const columns = EXTRA_REPORT_COLUMNS.join(', ');
        const emptied = whole.exec(`SELECT report_id, ${columns} FROM reports`)[0].values;
        expect(emptied.some((r) => r[1] !== null)).toBe(true);
        expect(rows(extras('reports'), 'reports')).toEqual(emptied.map((r) => JSON.stringify(r)).sort());
        expect(summary.exec(`SELECT COUNT(*) FROM reports WHERE ${EXTRA_REPORT_COLUMNS.map((c) => `IFNULL(${c}, '') <> ''`).join(' OR ')}`)[0].values[0][0]).toBe(0);
      } else if (detail.has(table)) {
        expect(rows(summary, table), table).toEqual([]);
        expect(parts.flatMap((p) => rows(p, table)).sort(), table).toEqual(expected);
      } else expect(rows(summary, table), table).toEqual(expected);
    }
    // Each file of the extras holds its tables only.
    for (const [name, tables] of Object.entries(EXTRA_FILES)) {
      expect(extrasOf.get(`gongkai.${name}.sqlite.gz`)!.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")[0].values.flat()).toEqual([...tables].sort());
    }
    expect(Object.values(EXTRA_FILES).flat().filter((t) => t !== 'reports').sort()).toEqual([...EXTRA_TABLES].sort());
    // The parts carry, together, every row of the extras they carry: each part those of its own reports and offices.
    const extraReports = (db: Database) => rows(db, `(SELECT report_id, ${EXTRA_REPORT_COLUMNS.join(', ')} FROM reports)`);
    for (const table of PART_EXTRAS) {
      const expected = table === 'reports' ? extraReports(whole) : rows(whole, table);
      expect(expected.length, table).toBeGreaterThan(0);
      expect(parts.flatMap((p) => rows(p, table)).sort(), table).toEqual(expected);
    }
    for (const part of parts) {
      const own = (sql: string) => part.exec(sql)[0].values[0][0];
      expect(own('SELECT COUNT(*) FROM report_findings WHERE report_id NOT IN (SELECT report_id FROM report_texts)')).toBe(0);
      expect(own('SELECT COUNT(*) FROM similarities WHERE report_id NOT IN (SELECT report_id FROM report_texts)')).toBe(0);
      expect(own('SELECT COUNT(*) FROM reports WHERE report_id NOT IN (SELECT report_id FROM report_texts)')).toBe(0);
      const offices = new Set(whole.exec(`SELECT DISTINCT office_id FROM reports WHERE report_id IN (${part.exec('SELECT report_id FROM reports')[0].values.flat().join(',')})`)[0].values.flat());
      expect(part.exec('SELECT DISTINCT office_id FROM office_aliases')[0].values.flat().every((id) => offices.has(id))).toBe(true);
    }
    for (const db of [summary, ...extrasOf.values(), ...parts]) db.close();
  });

  it('writes a subset of the findings: the rows of the reports ranked first, whose ids the manifest gives as ranges', () => {
    const entry = manifest.extras!.find((e) => e.reports)!;
    const { firstRanked } = EXTRA_SUBSETS['findings-first'];
    const first = whole.exec('SELECT report_id FROM quality_reports WHERE rank <= ? ORDER BY report_id', [firstRanked])[0].values.map(([id]) => Number(id));
    expect(first.length).toBe(firstRanked);
    // Sorted, apart (two ranges that touch would be one), and exactly those ids.
    const ranges = entry.reports!;
    for (const [i, [from, to]] of ranges.entries()) {
      expect(from).toBeLessThanOrEqual(to);
      if (i > 0) expect(from).toBeGreaterThan(ranges[i - 1][1] + 1);
    }
    expect(ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, k) => from + k))).toEqual(first);
    expect(ranges.length).toBeLessThan(first.length);
    // On one line in the manifest.
    expect(readFileSync(join(dir, 'gongkai.json'), 'utf8')).toContain(`"reports": ${JSON.stringify(ranges)}`);
    const subset = new SQL.Database(partBytes(dir, entry.gzip.file));
    expect(createHash('sha256').update(partBytes(dir, entry.gzip.file)).digest('hex')).toBe(entry.sha256);
    const rows = (db: Database, table: string, where = '') => (db.exec(`SELECT * FROM ${table}${where}`)[0]?.values ?? []).map((r) => JSON.stringify(r)).sort();
    for (const table of EXTRA_FILES.findings) {
      const expected = rows(whole, table, ` WHERE report_id IN (${first.join(',')})`);
      expect(expected.length, table).toBeGreaterThan(0);
      expect(rows(subset, table), table).toEqual(expected);
    }
    expect(subset.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")[0].values.flat()).toEqual([...EXTRA_FILES.findings].sort());
    subset.close();
  });

  it('merges every part and the extras’ files in either order into the one file’s rows, each row once', async () => {
    const rows = (db: Database, table: string) => (db.exec(`SELECT * FROM ${table}`)[0]?.values ?? []).map((r) => JSON.stringify(r)).sort();
    const tables = whole.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'problem_search%'")[0].values.map((r) => String(r[0]));
    const first = whole.exec('SELECT report_id FROM quality_reports WHERE rank <= 50')[0].values.map(([id]) => Number(id));
    for (const [partsFirst, subsetFirst] of [[true, false], [false, false], [true, true], [false, true]]) {
      const { parts, summary, fetched, close } = openParts();
      // The subset of the findings first (once the complete file or the parts are in, the rows are there: it is not fetched).
      if (subsetFirst) {
        await parts.prepare(`SELECT * FROM findings WHERE report_id IN (${first.join(',')})`, { reportIds: first });
        expect(fetched).toEqual(['gongkai.findings-first.sqlite.gz']);
      }
      if (partsFirst) await parts.need();
      await parts.prepareReader(`SELECT * FROM reports, ${EXTRA_TABLES.join(', ')}`, []);
      if (!partsFirst) await parts.need();
      for (const table of tables) expect(rows(summary, table), `${table}${partsFirst ? ', parts first' : ''}${subsetFirst ? ', the subset first' : ''}`).toEqual(rows(whole, table));
      close();
    }
  });

  it('merges the extras into the summary as the page does: every table but the detail ones as in the one file', async () => {
    const { parts, summary, fetched, close } = openParts();
    // As the SQL box asks for them: every table of the extras named, and a star beside `reports`.
    await parts.prepareReader(`SELECT * FROM reports, ${EXTRA_TABLES.join(', ')}`, []);
    // The complete files only: a subset holds some reports' rows.
    expect(fetched.sort()).toEqual(manifest.extras!.filter((e) => !e.reports).map((e) => e.gzip.file).sort());
    const rows = (db: Database, table: string) => (db.exec(`SELECT * FROM ${table}`)[0]?.values ?? []).map((r) => JSON.stringify(r)).sort();
    const detail = new Set<string>(DETAIL_TABLES);
    const tables = whole.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'problem_search%'")[0].values.map((r) => String(r[0])).filter((t) => !detail.has(t));
    for (const table of tables) expect(rows(summary, table), table).toEqual(rows(whole, table));
    close();
  });

  it('draws the overview, the offices list and the rankings from the core alone, as the one file does', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    const province = String(whole.exec('SELECT province FROM reports WHERE province IS NOT NULL GROUP BY province ORDER BY COUNT(*) DESC LIMIT 1')[0].values[0][0]);
    for (const f of [NO_FILTERS, { ...NO_FILTERS, years: [YEARS[1]] }, { ...NO_FILTERS, province }]) {
      expect(await headline(run, f)).toEqual(await headline(one, f));
      expect(await trendByYear(run, f)).toEqual(await trendByYear(one, f));
      expect(await topOffices(run, f)).toEqual(await topOffices(one, f));
      expect(await officeList(run, f)).toEqual(await officeList(one, f));
      expect(await rateRanking(run, f, 'denial_rate')).toEqual(await rateRanking(one, f, 'denial_rate'));
    }
    const options = await filterOptions(run);
    expect(options).toEqual(await filterOptions(one));
    // The places of the reports themselves (the options are read from their offices).
    const places = whole.exec('SELECT DISTINCT province, city, district FROM reports WHERE province IS NOT NULL')[0].values;
    expect(options.districts.length).toBe(new Set(places.filter((p) => p[2] !== null).map((p) => `${p[1]}/${p[2]}`)).size);
    expect(options.provinces).toEqual([...new Set(places.map(([p]) => String(p)))].sort());
    expect(options.provinces.length).toBeGreaterThan(10);
    expect(await collectionSummary(run)).toEqual(await collectionSummary(one));
    // No name in their SQL (a column, an alias) taken for a table of the extras.
    for (const query of [filterOptions, templateLabels, checkFormulas, (r: Run) => headline(r, NO_FILTERS), (r: Run) => trendByYear(r, NO_FILTERS), (r: Run) => topOffices(r, NO_FILTERS), (r: Run) => rateRanking(r, NO_FILTERS, 'denial_rate')]) {
      expect(await query(run)).toEqual(await query(one));
    }
    expect(fetched).toEqual([]);
    close();
  });

  it('compares two offices with their parts and the extras, never the quality view’s file nor the files read', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    const offices = whole.exec('SELECT office_id FROM reports WHERE province IS NOT NULL GROUP BY office_id ORDER BY COUNT(*) DESC, office_id LIMIT 2')[0].values.map(([id]) => String(id));
    for (const id of offices) {
      expect(await officeInfo(run, id)).toEqual(await officeInfo(one, id));
      expect(await officeReports(run, id)).toEqual(await officeReports(one, id));
      expect(await officeFigures(run, id)).toEqual(await officeFigures(one, id));
    }
    // Their spellings, titles and findings from their parts: no national file of the extras.
    expect(fetched.filter((f) => !f.includes('.part-'))).toEqual([]);
    close();
  });

  it('answers the quality view’s counts from its own file alone, its list’s first page (and the high one’s) with the subset of the findings, as the one file does', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    expect(await qualitySummary(run, NO_FILTERS)).toEqual(await qualitySummary(one, NO_FILTERS));
    expect(fetched).toEqual(['gongkai.quality.sqlite.gz']);
    // The view's page of 200: the same reports and sentences.
    const list = await qualityReports(one, NO_FILTERS, { limit: 200 });
    expect(list.reports.length).toBe(200);
    expect(list.reports.flatMap((r) => r.findings).length).toBeGreaterThan(400);
    expect(await qualityReports(run, NO_FILTERS, { limit: 200 })).toEqual(list);
    // Not the complete findings, nor the files read (their hashes weigh as much as the rest of the extras), nor a part.
    expect(fetched).toEqual(['gongkai.quality.sqlite.gz', 'gongkai.findings-first.sqlite.gz']);
    // The high list's first page: its reports rank first.
    const high = await qualityReports(one, NO_FILTERS, { severity: 'high', limit: 200 });
    expect(high.reports.length).toBeGreaterThan(50);
    expect(await qualityReports(run, NO_FILTERS, { severity: 'high', limit: 200 })).toEqual(high);
    expect(fetched).toEqual(['gongkai.quality.sqlite.gz', 'gongkai.findings-first.sqlite.gz']);
    close();
  });

  it('answers a quality list the subset does not cover from what costs less: a small province’s part, else the complete findings, as the one file does', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    const bytesOf = (file: string) => [...manifest.parts!, ...manifest.extras!].find((f) => f.gzip.file === file)!.gzip.bytes;
    const { firstRanked } = EXTRA_SUBSETS['findings-first'];
    const beyond = (list: Awaited<ReturnType<typeof qualityReports>>) =>
      list.reports.some((r) => Number(whole.exec('SELECT rank FROM quality_reports WHERE report_id = ?', [r.reportId])[0].values[0][0]) > firstRanked);
    // A kind's list that reaches past the first-ranked reports (half of these 2,000: a longer page than
    // the view's), over many provinces: their parts weigh more than the complete file.
    const codes = whole.exec('SELECT code FROM quality_kinds ORDER BY kind')[0].values.map(([c]) => String(c));
    let kind: { code: string; list: Awaited<ReturnType<typeof qualityReports>> } | undefined;
    for (const code of codes) {
      const list = await qualityReports(one, NO_FILTERS, { code, limit: 500 });
      if (!kind && beyond(list) && new Set(list.reports.map((r) => r.province)).size > 5) kind = { code, list };
    }
    expect(kind).toBeDefined();
    expect(await qualityReports(run, NO_FILTERS, { code: kind!.code, limit: 500 })).toEqual(kind!.list);
    expect(fetched).toEqual(['gongkai.quality.sqlite.gz', 'gongkai.findings.sqlite.gz']);
    close();

    // A small province: its one part weighs less than the complete findings, and carries its reports' findings.
    const fresh = openParts();
    const [[province]] = whole.exec('SELECT province FROM reports WHERE province IS NOT NULL GROUP BY province ORDER BY COUNT(*), province LIMIT 1')[0].values as [string][];
    const part = manifest.parts!.find((p) => p.provinces.includes(province))!.gzip.file;
    expect(bytesOf(part)).toBeLessThan(bytesOf('gongkai.findings.sqlite.gz'));
    const filters = { ...NO_FILTERS, province };
    const list = await qualityReports(one, filters, { limit: 200 });
    expect(beyond(list)).toBe(true);
    expect(list.reports.flatMap((r) => r.findings).length).toBeGreaterThan(0);
    expect(await qualityReports(fresh.run, filters, { limit: 200 })).toEqual(list);
    expect(fresh.fetched).toEqual(['gongkai.quality.sqlite.gz', part]);
    fresh.close();
  });

  it('answers the quality view as the full scans of the findings do, by province, city and year: its counts from its file, its list’s sentences from the extras, no part', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    const filters = await filtersOf(run, 4);
    for (const f of filters.slice(0, 8)) expect(await qualitySummary(run, f)).toEqual(await qualitySummary(one, f));
    expect(fetched).toEqual(['gongkai.quality.sqlite.gz']);
    // Every kind for no filter, a year and a province (each full scan of 2,000 reports' findings takes a while).
    expect(await expectSameAsFullScan(run, filters, 50, 5)).toBeGreaterThan(60);
    for (const f of filters.slice(0, 8)) expect(await qualityReports(run, f, { limit: 20 })).toEqual(await qualityReports(one, f, { limit: 20 }));
    expect(fetched).toEqual(['gongkai.quality.sqlite.gz', 'gongkai.findings.sqlite.gz']);
    close();
  });

  it('fetches for the SQL box the parts the app has loaded and the extras its SQL reads; a star beside `reports` reads its extras’ columns', async () => {
    const { parts, fetched, summary, close } = openParts();
    const asked = async (sql: string, loaded: string[] = []) => {
      fetched.length = 0;
      await parts.prepareReader(sql, loaded);
      return [...fetched];
    };
    expect(await asked("SELECT province, COUNT(*) AS reports FROM reports WHERE office <> 'files' GROUP BY province")).toEqual([]);
    expect(await asked('SELECT COUNT(*) FROM numbers')).toEqual([]);
    expect(await asked('SELECT kinds, COUNT(*) FROM quality_reports GROUP BY kinds')).toEqual(['gongkai.quality.sqlite.gz']);
    expect(await asked('SELECT r.* FROM reports r LIMIT 1')).toEqual(['gongkai.sources.sqlite.gz']);
    expect(summary.exec('SELECT COUNT(*) FROM reports WHERE source_path = \'\'')[0].values[0][0]).toBe(0);
    expect(await asked('SELECT path FROM files')).toEqual(['gongkai.files.sqlite.gz']);
    // Merged once.
    expect(await asked('SELECT * FROM files, quality_counts, reports')).toEqual([]);
    expect(parts.mergedUrls()).toEqual([]);

    // The parts the app has loaded, by file: those alone, whatever the SQL reads.
    const [a, b] = manifest.parts!;
    const count = (db: Database, sql: string, params: (string | null)[] = []) => Number(db.exec(sql, params)[0].values[0][0]);
    const inProvinces = (provinces: (string | null)[]) => `report_id IN (SELECT report_id FROM reports WHERE ${provinces.map(() => 'province IS ?').join(' OR ')})`;
    const numbers = count(whole, `SELECT COUNT(*) FROM numbers WHERE ${inProvinces(a.provinces)}`, a.provinces);
    expect(numbers).toBeGreaterThan(0);
    // Only when the SQL reads a detail table: the summary's own tables are whole without them.
    expect(await asked('SELECT COUNT(*) FROM reports', [a.gzip.file])).toEqual([]);
    expect(await asked('SELECT COUNT(*) FROM numbers', [a.gzip.file])).toEqual([a.gzip.file]);
    expect(parts.mergedUrls()).toEqual([a.gzip.file]);
    expect(count(summary, 'SELECT COUNT(*) FROM numbers')).toBe(numbers);
    // The search index (contentless: its rows counted in its docsize table) filled only when the SQL
    // reads it, with the texts of every part merged.
    const both = [...a.provinces, ...b.provinces];
    const problemTexts = count(whole, `SELECT COUNT(*) FROM sections WHERE section = 'problems' AND ${inProvinces(both)}`, both);
    expect(problemTexts).toBeGreaterThan(0);
    expect(await asked('SELECT COUNT(*) FROM sections', [a.gzip.file, b.gzip.file])).toEqual([b.gzip.file]);
    expect(count(summary, 'SELECT COUNT(*) FROM problem_search_docsize')).toBe(0);
    expect(await asked('SELECT COUNT(*) FROM problem_search', [a.gzip.file, b.gzip.file])).toEqual([]);
    expect(count(summary, 'SELECT COUNT(*) FROM problem_search_docsize')).toBe(problemTexts);
    close();
  });

  it('keeps the refused files in the summary, and lists them without fetching the extras', async () => {
    // A refused file among the reports: the note on every page lists it.
    const files = [...syntheticCollection({ seed: 16_7, offices: 30, years: YEARS }), { path: 'zz/broken.txt', read: () => new TextEncoder().encode('not a report at all') }];
    const out = mkdtempSync(join(tmpdir(), 'gongkai-refused-'));
    const { manifest: m } = await buildAndPublish({ files, divisions: loadDivisions(), out: join(out, 'gongkai.sqlite'), extra: {}, parts: 'always' });
    // 60 reports, all ranked first: no subset of the findings, which would weigh what the complete file does.
    expect(m.extras!.map((e) => e.gzip.file)).not.toContain('gongkai.findings-first.sqlite.gz');
    expect(readdirSync(out)).not.toContain('gongkai.findings-first.sqlite.gz');
    const summary = new SQL.Database(readFileSync(join(out, m.database)));
    const fetched: string[] = [];
    const parts = new PartSet(SQL, summary, extrasSources(m), async (source) => {
      fetched.push(source.url);
      return partBytes(out, source.url);
    });
    const run = runOn(summary, parts);
    const { refused, files: seen } = await collectionSummary(run);
    expect(refused.map((f) => [f.path, f.code])).toEqual([['zz/broken.txt', 'not-a-report']]);
    expect(seen).toBe(files.length);
    expect(fetched).toEqual([]);
    // Every file once the extras are in.
    expect((await run('SELECT COUNT(*) AS n FROM files'))[0].n).toBe(files.length);
    expect(fetched).toEqual(['gongkai.files.sqlite.gz']);
    summary.close();
    rmSync(out, { recursive: true, force: true });
  });

  /** An office of two years with a province, whose report has findings and copied texts. */
  const anOffice = () =>
    whole.exec(`SELECT office_id, province, report_id FROM reports WHERE province IS NOT NULL AND office_id IN (SELECT office_id FROM reports GROUP BY office_id HAVING COUNT(*) = 2)
                AND report_id IN (SELECT report_id FROM report_findings) AND report_id IN (SELECT report_id FROM similarities WHERE score >= ${LARGELY_SAME}) ORDER BY report_id LIMIT 1`)[0].values[0] as [string, string, number];

  /** Every query of an office's page (Office.svelte and its parts) and of a report's download, as the one file answers it. */
  async function expectOfficePage(run: Run, officeId: string, reportId: number) {
    const one = runOn(whole);
    const same = async <T>(query: (r: Run) => Promise<T>) => {
      const expected = await query(one);
      expect(await query(run)).toEqual(expected);
      return expected;
    };
    expect((await same((r) => officeFigures(r, officeId))).length).toBeGreaterThan(20);
    expect((await same((r) => officeInfo(r, officeId)))!.aliases.length).toBeGreaterThan(0);
    const reports = await same((r) => officeReports(r, officeId));
    expect(reports.map((r) => r.sourcePath).every((path) => path.length > 0)).toBe(true);
    await same((r) => officeCrossYearChecks(r, officeId));
    await same((r) => officeThemes(r, officeId));
    await same((r) => reportFigures(r, reportId));
    await same((r) => reportChecks(r, reportId));
    await same((r) => reportDetail(r, reportId));
    await same((r) => reportRates(r, reportId));
    expect((await same((r) => findingsOfReport(r, reportId))).length).toBeGreaterThan(0);
    expect((await same((r) => reportSimilarities(r, reportId, LARGELY_SAME))).length).toBeGreaterThan(0);
    await same((r) => reportSimilarities(r, reportId, 0));
    expect((await same((r) => reportRecord(r, reportId))).title).toBeTruthy();
  }

  it('fetches only the part of an office’s province for its page, with the same figures, findings, copies, spellings and sources: no file of the extras', async () => {
    const { run, fetched, parts, close } = openParts();
    const [officeId, province, reportId] = anOffice();
    await expectOfficePage(run, officeId, reportId);
    expect(fetched).toEqual([manifest.parts!.find((p) => p.provinces.includes(province))!.gzip.file]);
    expect(parts.merged()).toEqual([[province]]);
    close();
  });

  it('answers an office’s page of a site whose parts carry no extras from the extras’ files, as before', async () => {
    const { run, fetched, close } = openParts({ old: true });
    const [officeId, province, reportId] = anOffice();
    await expectOfficePage(run, officeId, reportId);
    const part = manifest.parts!.find((p) => p.provinces.includes(province))!.gzip.file;
    expect([...fetched].sort()).toEqual([part, 'gongkai.aliases.sqlite.gz', 'gongkai.findings.sqlite.gz', 'gongkai.sources.sqlite.gz'].sort());
    close();
  });

  it('fetches for the data view’s list the sources of its page’s reports only (all of them sorted by date); for an office search by another spelling and the check view’s office finder the spellings only', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    // A page in the default order: the sources of its reports from the file of their ids alone (a
    // province's reports, whose ids follow one another, all in the first of the two files).
    const [first, second] = manifest.extras!.filter((e) => e.gzip.file.includes('sources-by-id'));
    const [[inFirst]] = whole.exec('SELECT province FROM reports WHERE province IS NOT NULL GROUP BY province HAVING MAX(report_id) <= ? ORDER BY COUNT(*) DESC LIMIT 1', [first.reports![0][1]])[0].values as [string][];
    const f = { ...NO_FILTERS, province: inFirst };
    const firstPage = await reportPage(one, f, DEFAULT_REPORT_ORDER, 0, 100);
    expect(firstPage.rows.length).toBeGreaterThan(10);
    expect(firstPage.rows.every((r) => r.sourcePath.length > 0)).toBe(true);
    expect(await reportPage(run, f, DEFAULT_REPORT_ORDER, 0, 100)).toEqual(firstPage);
    expect(fetched).toEqual([first.gzip.file]);
    fetched.length = 0;
    // Reports of both files: the two together would weigh more than the complete file, which is taken.
    expect(first.gzip.bytes + second.gzip.bytes).toBeGreaterThan(manifest.extras!.find((e) => e.gzip.file === 'gongkai.sources.sqlite.gz')!.gzip.bytes);
    // Sorted by the date of publication, a column of the sources: the complete file.
    const order = { sort: 'published', dir: 'desc' } as const;
    const page = await reportPage(one, NO_FILTERS, order, 0, 50);
    expect(await reportPage(run, NO_FILTERS, order, 0, 50)).toEqual(page);
    expect(await reportPage(run, NO_FILTERS, DEFAULT_REPORT_ORDER, 50, 50)).toEqual(await reportPage(one, NO_FILTERS, DEFAULT_REPORT_ORDER, 50, 50));
    expect(fetched).toEqual(['gongkai.sources.sqlite.gz']);
    fetched.length = 0;
    // A spelling that is not the office's name.
    const [[alias, province, city, district]] = whole.exec('SELECT a.alias, o.province, o.city, o.district FROM office_aliases a JOIN offices o USING (office_id) WHERE instr(o.name, a.alias) = 0 ORDER BY a.alias LIMIT 1')[0].values as [string, string | null, string | null, string | null][];
    const offices = await officePage(one, NO_FILTERS, alias, { sort: 'region', dir: 'asc' }, 0, 20);
    expect(offices.total).toBeGreaterThan(0);
    expect(await officePage(run, NO_FILTERS, alias, { sort: 'region', dir: 'asc' }, 0, 20)).toEqual(offices);
    const clue = { office: alias, region: { province, city, district }, divisionCode: null };
    expect((await findOffice(one, clue)).length).toBeGreaterThan(0);
    expect(await findOffice(run, clue)).toEqual(await findOffice(one, clue));
    expect(fetched).toEqual(['gongkai.aliases.sqlite.gz']);
    close();
  });

  it('fills the search index of a merged part only when a search first reads it', async () => {
    const { run, summary, close } = openParts();
    const one = runOn(whole);
    const [[officeId, province]] = whole.exec("SELECT office_id, province FROM reports WHERE province IS NOT NULL AND report_id IN (SELECT report_id FROM sections WHERE section = 'problems') ORDER BY report_id LIMIT 1")[0].values as [string, string][];
    await officeFigures(run, officeId);
    const indexed = () => Number(summary.exec("SELECT COUNT(*) FROM problem_search WHERE problem_search MATCH '\"信息 息公 公开\"'")[0].values[0][0]);
    expect(indexed()).toBe(0);
    const filters = { ...NO_FILTERS, province };
    const expected = await searchProblems(one, filters, '信息公开', 5000);
    expect(expected.length).toBeGreaterThan(0);
    expect(await searchProblems(run, filters, '信息公开', 5000)).toEqual(expected);
    expect(indexed()).toBeGreaterThanOrEqual(expected.length);
    close();
  });

  it('searches section 五 over every part as the one file does', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    for (const word of ['队伍', '信息公开', '不足']) {
      const expected = await searchProblems(one, NO_FILTERS, word, 5000);
      expect(expected.length).toBeGreaterThan(0);
      expect(await searchProblems(run, NO_FILTERS, word, 5000)).toEqual(expected);
    }
    expect(fetched.length).toBe(manifest.parts!.length);
    close();
  });

  it('lists a report’s copied texts from its part, and fetches the other province’s part only for its text', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    const rows = whole.exec("SELECT s.report_id, s.other_report_id, s.section, a.province, b.province FROM similarities s JOIN reports a ON a.report_id = s.report_id JOIN reports b ON b.report_id = s.other_report_id WHERE a.province IS NOT b.province AND a.province IS NOT NULL AND b.province IS NOT NULL LIMIT 3")[0]?.values ?? [];
    expect(rows.length).toBe(3);
    const fileOf = (p: unknown) => manifest.parts!.find((m) => m.provinces.includes(p as string))!.gzip.file;
    for (const [id] of rows) {
      const expected = await reportSimilarities(one, Number(id), 0);
      expect(expected.length).toBeGreaterThan(0);
      expect(await reportSimilarities(run, Number(id), 0)).toEqual(expected);
    }
    expect(fetched).toEqual([...new Set(rows.map((r) => fileOf(r[3])))]);
    close();
    // A page opened afresh: the copies listed from the report's part, the other text from the other's.
    const fresh = openParts();
    const [id, other, section, province, otherProvince] = rows[0] as [number, number, string, string, string];
    await reportSimilarities(fresh.run, id, 0);
    expect(fresh.fetched).toEqual([fileOf(province)]);
    const texts = await similarTexts(fresh.run, section, id, other);
    expect(texts).toEqual(await similarTexts(one, section, id, other));
    expect(texts.text.length).toBeGreaterThan(0);
    expect(texts.otherText.length).toBeGreaterThan(0);
    expect(fresh.fetched).toEqual([fileOf(province), fileOf(otherProvince)]);
    fresh.close();
  });

  it('keeps a small collection one file, byte for byte', async () => {
    const { database: small } = await buildDatabase({ files: listInputFiles('public/data/reports'), divisions: loadDivisions() });
    const out = mkdtempSync(join(tmpdir(), 'gongkai-one-'));
    const m = await buildAndPublish({ files: listInputFiles('public/data/reports'), divisions: loadDivisions(), out: join(out, 'gongkai.sqlite'), extra: {} });
    expect(m.manifest.parts).toBeUndefined();
    expect(m.manifest.reports).toBe(5);
    expect(readdirSync(out).sort()).toEqual(['gongkai.json', 'gongkai.sqlite', 'gongkai.sqlite.gz']);
    expect(readFileSync(join(out, 'gongkai.sqlite')).equals(small)).toBe(true);
    // publishDatabase writes a database at hand (the same file).
    const again = await publishDatabase(join(out, 'again.sqlite'), small, { reports: 5 });
    expect(again.sha256).toBe(m.manifest.sha256);
    rmSync(out, { recursive: true, force: true });
  });
});

describe('a large province published by city', () => {
  let city: { dir: string; manifest: Manifest };
  beforeAll(async () => {
    // 150 offices, most provinces over a limit of 40 KB: those are split by city, and the larger cities in turns of offices.
    const files = syntheticCollection({ seed: 16_5, offices: 150, years: YEARS });
    const out = mkdtempSync(join(tmpdir(), 'gongkai-city-'));
    const { manifest: m } = await buildAndPublish({ files, divisions: loadDivisions(), out: join(out, 'gongkai.sqlite'), extra: {}, parts: 'always', partLimitBytes: 40_000 });
    city = { dir: out, manifest: m };
  }, 300_000);
  afterAll(() => city && rmSync(city.dir, { recursive: true, force: true }));

  it('writes one part per city of a province past the limit (several of whole offices for a city past it), each holding only its city’s reports', () => {
    const byCity = city.manifest.parts!.filter((p) => p.cities);
    expect(byCity.length).toBeGreaterThan(5);
    const places = byCity.map((p) => `${p.provinces[0]}/${p.cities![0]}`);
    expect(new Set(places).size).toBeLessThan(places.length);
    const summary = new SQL.Database(readFileSync(join(city.dir, city.manifest.database)));
    for (const p of byCity) {
      expect(p.cities!.length).toBe(1);
      const part = new SQL.Database(partBytes(city.dir, p.gzip.file));
      const ids = part.exec('SELECT DISTINCT report_id FROM report_texts')[0].values.map((r) => r[0]);
      expect(ids.length).toBe(p.reports);
      const places = summary.exec(`SELECT DISTINCT province, city FROM reports WHERE report_id IN (${ids.join(',')})`)[0].values;
      expect(places).toEqual([[p.provinces[0], p.cities![0]]]);
      part.close();
    }
    expect(city.manifest.parts!.reduce((n, p) => n + p.reports, 0)).toBe(Number(summary.exec('SELECT COUNT(*) FROM reports')[0].values[0][0]));
    summary.close();
  });

  it('fetches only an office’s city part, and a region filter’s parts', async () => {
    const summary = new SQL.Database(readFileSync(join(city.dir, city.manifest.database)));
    summary.exec('PRAGMA query_only = ON');
    const fetched: string[] = [];
    const sources = city.manifest.parts!.map((p) => ({ url: p.gzip.file, bytes: p.bytes, provinces: p.provinces, cities: p.cities }));
    const parts = new PartSet(SQL, summary, sources, async (source) => {
      fetched.push(source.url);
      return partBytes(city.dir, source.url);
    });
    const run = runOn(summary, parts);
    // A city of the province published in the most parts.
    const count = (province: string | null) => city.manifest.parts!.filter((p) => p.cities && p.provinces[0] === province).length;
    const split = city.manifest.parts!.filter((p) => p.cities && p.cities[0] !== null).sort((a, b) => count(b.provinces[0]) - count(a.provinces[0]))[0];
    const [[officeId]] = summary.exec('SELECT office_id FROM reports WHERE province = ? AND city = ? LIMIT 1', [split.provinces[0], split.cities![0]])[0].values;
    expect((await officeFigures(run, String(officeId))).length).toBeGreaterThan(20);
    // The parts of its city: one, or several of whole offices where the city passes the limit too.
    const ofCity = city.manifest.parts!.filter((p) => p.cities && p.provinces[0] === split.provinces[0] && p.cities[0] === split.cities![0]);
    expect([...fetched].sort()).toEqual(ofCity.map((p) => p.gzip.file).sort());
    expect(parts.merged()).toEqual(ofCity.map(() => [`${split.provinces[0]}${split.cities![0]}`]));
    // A province filter fetches every city of that province, and no other part.
    const province = split.provinces[0]!;
    const filters = { ...NO_FILTERS, province };
    expect(await countProblems(run, filters, '')).toBe(Number(summary.exec("SELECT COUNT(*) FROM reports WHERE province = ?", [province])[0].values[0][0]));
    const ofProvince = city.manifest.parts!.filter((p) => p.provinces[0] === province).map((p) => p.gzip.file);
    expect(ofProvince.length).toBeGreaterThan(1);
    expect([...fetched].sort()).toEqual([...ofProvince].sort());
    // Reports with no province (published by city too, past the limit): named null, for the page to name, not "".
    const nowhere = city.manifest.parts!.filter((p) => p.provinces[0] === null);
    expect(nowhere.length).toBeGreaterThan(0);
    const [[reportId]] = summary.exec('SELECT report_id FROM reports WHERE province IS NULL LIMIT 1')[0].values;
    const before = parts.merged().length;
    await parts.need({ reportIds: [Number(reportId)] });
    const merged = parts.merged();
    expect(merged.length - before).toBe(nowhere.length);
    expect(merged.flat().filter((place) => place === null).length).toBe(nowhere.flatMap((p) => p.cities ?? p.provinces).length);
    expect(merged.flat()).not.toContain('');
    summary.close();
  });
});
