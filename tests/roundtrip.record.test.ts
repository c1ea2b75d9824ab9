/**
 * The record downloaded from an office page is the record the parser made: for every seed and
 * every development report (../shared/corpus/dev, when present), parse → database → reportRecord
 * deep-equals the parser's output, key for key. Nothing of the record is outside the database (the
 * text the parser read is not part of the record: it is `report_texts`, downloaded apart).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { readReportFile } from '../src/lib/build/read-file';
import { reportRecord } from '../src/lib/db/queries';
import { readLimits } from '../src/lib/formats/index';
import type { ReportRecord } from '../src/lib/report/record';
import type { TemplateId } from '../src/lib/report/template';
import { loadDivisions } from '../scripts/lib/divisions';
import { configurePdfForNode } from '../scripts/lib/pdf-node';
import { CRAWLER_SEED, crawlerCase, mulberry32, seedOf, syntheticReport, type Layout } from '../scripts/lib/synthetic';
import { SEEDS_DIR, SHARED_CORPUS_DIR } from './helpers/corpus';
import { build, open, rows, queryRunner } from './helpers/database';

const reports = (dir: string, pattern: RegExp) => (existsSync(dir) ? readdirSync(dir).filter((f) => pattern.test(f)).sort().map((f) => join(dir, f)) : []);
const SEEDS = reports(SEEDS_DIR, /\.txt$/);
const DEV = reports(SHARED_CORPUS_DIR, /\.(txt|pdf)$/);

const runOn = (db: Database) => queryRunner(() => db);

/** One file parsed, and built alone (with an offices.csv, if given) into a database, read back. */
async function roundTrip(name: string, bytes: Uint8Array, officesCsv?: string) {
  configurePdfForNode();
  const read = await readReportFile({ path: name }, () => bytes, { divisions: loadDivisions(), limits: readLimits() });
  if (!read.ok) throw new Error(`${name}: ${read.file.message}`);
  const db = await open((await build([{ path: name, read: () => bytes }], officesCsv)).database);
  const [{ report_id }] = rows(db, 'SELECT report_id FROM reports');
  const record = await reportRecord(runOn(db), Number(report_id));
  db.close();
  return { parsed: read.file.record, record };
}

/** Deep-equal, and in the parser's key order too: the downloaded JSON reads the same. */
function expectSame(record: ReportRecord, parsed: ReportRecord) {
  expect(record).toStrictEqual(JSON.parse(JSON.stringify(parsed)));
  expect(JSON.stringify(record)).toBe(JSON.stringify(parsed));
}

const synthetic = (template: TemplateId, otherForm: 'split' | 'whole', layout: Layout) =>
  new TextEncoder().encode(syntheticReport(mulberry32(seedOf('record-roundtrip', template, otherForm, layout)), { template, layout, otherForm, sparsity: 0.2 }).text);

describe('the record from the database is the parser’s record', () => {
  it('covers the seeds', () => expect(SEEDS.length).toBeGreaterThanOrEqual(5));

  it.each(SEEDS.map((f) => [basename(f), f]))('seed %s', async (name, file) => {
    const { parsed, record } = await roundTrip(name, readFileSync(file));
    expectSame(record, parsed);
  });

  it.skipIf(DEV.length === 0).each(DEV.map((f) => [basename(f), f]))('development report %s', async (name, file) => {
    const { parsed, record } = await roundTrip(name, readFileSync(file));
    expectSame(record, parsed);
  });

  // What the seeds do not have: the 2019 format, （六）其他处理 as one row, blank cells.
  it.each([
    ['2019', 'whole', 'tab'],
    ['2021', 'whole', 'pipe'],
    ['2021', 'split', 'cell-per-line'],
  ] as const)('a synthetic %s report, （六） %s, %s layout', async (template, otherForm, layout) => {
    const { parsed, record } = await roundTrip('synthetic.txt', synthetic(template, otherForm, layout));
    expect(parsed.template).toBe(template);
    expect(parsed.applications[otherForm === 'whole' ? 'otherOther' : 'otherHandling']).toBeNull();
    expectSame(record, parsed);
  });

  it('keeps the cells a run left between several readings (ambiguities), in order', async () => {
    // Case 93 of the crawler round trip: table 二's 规章 and 行政规范性文件 and three rows of table 三 read two ways or more.
    const { parsed, record } = await roundTrip('crawler.txt', new TextEncoder().encode(crawlerCase(CRAWLER_SEED, '2021', 'crawler-one-line', 93).text));
    expect(parsed.ambiguities.map((a) => [a.cells[0], a.cells.length, a.readings.length])).toEqual([
      ['active.regulations.issued', 3, 4],
      ['active.normativeDocuments.issued', 3, 2],
      ['applications.newReceived.naturalPerson', 21, 2],
    ]);
    expectSame(record, parsed);
  });

  it('keeps the division code the report gives where offices.csv corrects its office', async () => {
    const csv = 'name,province,city,district,division_code,aliases\n花园街道办事处,,,,410711099,花园办事处\n';
    const bytes = readFileSync(join(SEEDS_DIR, '001_ece336a5f188f35c.txt'));
    const { parsed, record } = await roundTrip('001.txt', bytes, csv);
    const db = await open((await build([{ path: '001.txt', read: () => bytes }], csv)).database);
    expect(rows(db, 'SELECT office_id, division_code, stated_division_code FROM reports')).toEqual([{ office_id: '410711099', division_code: '410711099', stated_division_code: '410711004' }]);
    db.close();
    expect(parsed.divisionCode).toBe('410711004');
    expectSame(record, parsed);
  });
});
