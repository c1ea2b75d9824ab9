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
import type { Manifest } from '../src/lib/db/client';
import { DETAIL_TABLES, EXTRA_FILES, EXTRA_KEPT, EXTRA_REPORT_COLUMNS, EXTRA_TABLES } from '../src/lib/db/schema';
import { PartSet } from '../src/lib/db/parts';
import type { PartScope, Row, SqlValue } from '../src/lib/db/protocol';
import {
  NO_FILTERS,
  collectionSummary,
  countProblems,
  filterOptions,
  headline,
  officeCrossYearChecks,
  officeFigures,
  officeInfo,
  officeList,
  officeReports,
  officeThemes,
  qualityReports,
  qualitySummary,
  rateRanking,
  reportDetail,
  reportFigures,
  reportSimilarities,
  searchProblems,
  similarTexts,
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

/** The files of a summary's extras as the page fetches them. */
const extrasSources = (m: Manifest) => m.extras!.map((e) => ({ url: e.gzip.file, bytes: e.bytes, provinces: [], extras: e.tables }));
/** The name of the extras' file holding a table. */
const extrasFile = (m: Manifest, table: string) => m.extras!.find((e) => e.tables.includes(table))!.gzip.file;

/** A part's database, as the page unzips it. */
const partBytes = (folder: string, gz: string) => new Uint8Array(gunzipSync(readFileSync(join(folder, gz))));

/** The summary opened as the page opens it, its parts read from the folder when asked for (counted). */
function openParts() {
  const summary = new SQL.Database(readFileSync(join(dir, manifest.database)));
  summary.exec('PRAGMA query_only = ON');
  const fetched: string[] = [];
  const sources = [...manifest.parts!.map((p) => ({ url: p.gzip.file, bytes: p.bytes, provinces: p.provinces })), ...extrasSources(manifest)];
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
    // The summary's extras too, gzipped only.
    expect(manifest.extras!.map((e) => [e.gzip.file, e.tables])).toEqual([
      ['gongkai.extras.sqlite.gz', ['report_findings', 'similarities', 'office_aliases', 'reports']],
      ['gongkai.files.sqlite.gz', ['files']],
      ['gongkai.quality.sqlite.gz', ['quality_kinds', 'quality_regions', 'quality_cells', 'quality_counts', 'quality_reports']],
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
    for (const db of [summary, ...extrasOf.values(), ...parts]) db.close();
  });

  it('merges the extras into the summary as the page does: every table but the detail ones as in the one file', async () => {
    const { parts, summary, fetched, close } = openParts();
    // As the SQL box asks for them: every table of the extras named.
    await parts.prepareExtras(`SELECT * FROM ${EXTRA_TABLES.join(', ')}`);
    expect(fetched.sort()).toEqual(manifest.extras!.map((e) => e.gzip.file).sort());
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
    expect(fetched.filter((f) => !f.includes('.part-'))).toEqual(['gongkai.extras.sqlite.gz']);
    close();
  });

  it('answers the quality view’s counts from its own file alone, its list with the extras’ sentences too, and as the one file does', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    expect(await qualitySummary(run, NO_FILTERS)).toEqual(await qualitySummary(one, NO_FILTERS));
    expect(fetched).toEqual(['gongkai.quality.sqlite.gz']);
    expect(await qualityReports(run, NO_FILTERS, { limit: 20 })).toEqual(await qualityReports(one, NO_FILTERS, { limit: 20 }));
    // Not the files read (their hashes weigh as much as the rest of the extras), nor a part.
    expect(fetched).toEqual(['gongkai.quality.sqlite.gz', 'gongkai.extras.sqlite.gz']);
    close();
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
    expect(fetched).toEqual(['gongkai.quality.sqlite.gz', 'gongkai.extras.sqlite.gz']);
    close();
  });

  it('fetches for the SQL box the extras its SQL reads, and no part; a star beside `reports` reads its extras’ columns', async () => {
    const { parts, fetched, summary, close } = openParts();
    const asked = async (sql: string) => {
      fetched.length = 0;
      await parts.prepareExtras(sql);
      return [...fetched];
    };
    expect(await asked("SELECT province, COUNT(*) AS reports FROM reports WHERE office <> 'files' GROUP BY province")).toEqual([]);
    expect(await asked('SELECT COUNT(*) FROM numbers')).toEqual([]);
    expect(parts.version).toBe(0);
    expect(await asked('SELECT kinds, COUNT(*) FROM quality_reports GROUP BY kinds')).toEqual(['gongkai.quality.sqlite.gz']);
    expect(parts.version).toBe(1);
    expect(await asked('SELECT r.* FROM reports r LIMIT 1')).toEqual(['gongkai.extras.sqlite.gz']);
    expect(summary.exec('SELECT COUNT(*) FROM reports WHERE source_path = \'\'')[0].values[0][0]).toBe(0);
    expect(await asked('SELECT path FROM files')).toEqual(['gongkai.files.sqlite.gz']);
    expect(parts.version).toBe(3);
    // Merged once.
    expect(await asked('SELECT * FROM files, quality_counts, similarities')).toEqual([]);
    expect(parts.version).toBe(3);
    close();
  });

  it('keeps the refused files in the summary, and lists them without fetching the extras', async () => {
    // A refused file among the reports: the note on every page lists it.
    const files = [...syntheticCollection({ seed: 16_7, offices: 30, years: YEARS }), { path: 'zz/broken.txt', read: () => new TextEncoder().encode('not a report at all') }];
    const out = mkdtempSync(join(tmpdir(), 'gongkai-refused-'));
    const { manifest: m } = await buildAndPublish({ files, divisions: loadDivisions(), out: join(out, 'gongkai.sqlite'), extra: {}, parts: 'always' });
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

  it('fetches only the part of an office’s province for its page, with the same figures', async () => {
    const { run, fetched, parts, close } = openParts();
    const one = runOn(whole);
    const [[officeId, province, reportId]] = whole.exec("SELECT office_id, province, report_id FROM reports WHERE province IS NOT NULL AND office_id IN (SELECT office_id FROM reports GROUP BY office_id HAVING COUNT(*) = 2) ORDER BY report_id LIMIT 1")[0].values as [string, string, number][];
    const figures = await officeFigures(run, officeId);
    expect(figures.length).toBeGreaterThan(20);
    expect(figures).toEqual(await officeFigures(one, officeId));
    expect(fetched).toEqual([manifest.parts!.find((p) => p.provinces.includes(province))!.gzip.file]);
    expect(parts.merged()).toEqual([[province]]);
    expect(await reportFigures(run, reportId)).toEqual(await reportFigures(one, reportId));
    expect(await reportDetail(run, reportId)).toEqual(await reportDetail(one, reportId));
    expect(await officeCrossYearChecks(run, officeId)).toEqual(await officeCrossYearChecks(one, officeId));
    expect(await officeThemes(run, officeId)).toEqual(await officeThemes(one, officeId));
    expect(fetched.length).toBe(1);
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

  it('lists a report’s copied texts from the summary’s extras, and fetches the other province’s part only for its text', async () => {
    const { run, fetched, close } = openParts();
    const one = runOn(whole);
    const rows = whole.exec("SELECT s.report_id, s.other_report_id, s.section, a.province, b.province FROM similarities s JOIN reports a ON a.report_id = s.report_id JOIN reports b ON b.report_id = s.other_report_id WHERE a.province IS NOT b.province AND a.province IS NOT NULL AND b.province IS NOT NULL LIMIT 3")[0]?.values ?? [];
    expect(rows.length).toBe(3);
    for (const [id] of rows) {
      const expected = await reportSimilarities(one, Number(id), 0);
      expect(expected.length).toBeGreaterThan(0);
      expect(await reportSimilarities(run, Number(id), 0)).toEqual(expected);
    }
    expect(fetched).toEqual(['gongkai.extras.sqlite.gz']);
    fetched.length = 0;
    const [id, other, section, province, otherProvince] = rows[0] as [number, number, string, string, string];
    const texts = await similarTexts(run, section, id, other);
    expect(texts).toEqual(await similarTexts(one, section, id, other));
    expect(texts.text.length).toBeGreaterThan(0);
    expect(texts.otherText.length).toBeGreaterThan(0);
    const fileOf = (p: string) => manifest.parts!.find((m) => m.provinces.includes(p))!.gzip.file;
    expect(fetched.sort()).toEqual([fileOf(province), fileOf(otherProvince)].sort());
    close();
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
