/**
 * The check view's model (src/views/check/model.ts): a record parsed in the page, shaped as the
 * database's figures and set against the database — the same office found, the same year's numbers
 * compared, the cross-year checks run as the data build runs them. Against a database built from
 * the seeds; the records are the seeds parsed again, as the browser parses a dropped file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport, type ReportRecord } from '../src/lib/report';
import * as q from '../src/lib/db/queries';
import { recordChecks, recordFigures, recordHeadline, sameYearDifferences } from '../src/views/check/model';
import initSqlJs from 'sql.js';
import { crossYearChecksWith } from '../src/lib/build/assemble';
import { loadDivisions } from '../scripts/lib/divisions';
import { SEEDS_DIR } from './helpers/corpus';
import { build, filesOf, open, queryRunner } from './helpers/database';

const divisions = loadDivisions();
const HUAYUAN_TEXT = readFileSync(join(SEEDS_DIR, '001_ece336a5f188f35c.txt'), 'utf8');
const HUAYUAN = '410711004';
const parse = (text: string) => parseReport(text, { fileName: 'dropped.txt', divisions });

let db: Database;
const run = queryRunner(() => db);
let labels: q.TemplateLabel[];
let database: q.DatedFigure[];
let bytes: Uint8Array;
/** The check view's cross-year checks: the record added to a copy of the database, which answers by its own SQL. */
const crossYear = async (record: ReportRecord) =>
  crossYearChecksWith(await initSqlJs(), bytes, { path: 'dropped.txt', sha256: '', bytes: 0, text: '', record, page: { title: null, publishedAt: null, url: null, publisher: null, bodyStart: 0 } }, HUAYUAN);

beforeAll(async () => {
  bytes = (await build(filesOf(SEEDS_DIR, 'seeds/').filter((f) => f.path.endsWith('.txt')))).database;
  db = await open(bytes);
  labels = await q.templateLabels(run);
  database = await q.officeFigures(run, HUAYUAN);
});

describe('a record read in the page, against the database', () => {
  it('the same file gives the same figures as the database holds, cell for cell', () => {
    const record = parse(HUAYUAN_TEXT);
    const figures = recordFigures(record, labels);
    const stored = database.filter((f) => f.year === 2022);
    expect(stored.length).toBeGreaterThan(100);
    expect(figures.size).toBe(stored.length);
    for (const f of stored) {
      const mine = figures.get(`${f.section}.${f.rowKey}.${f.columnKey}`);
      expect(mine, `${f.section}.${f.rowKey}.${f.columnKey}`).toMatchObject({ value: f.value, rowLabel: f.rowLabel, columnLabel: f.columnLabel, sourceLine: f.sourceLine });
    }
    expect(sameYearDifferences(record, figures, database)).toEqual({ differ: 0, compared: stored.length });
  });

  it('a changed number is counted as a difference; a year the database lacks compares nothing', () => {
    const edited = parse(HUAYUAN_TEXT.replace(/^一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0/m, '一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3'));
    expect(edited.applications.newReceived?.total).toBe(3);
    const figures = recordFigures(edited, labels);
    expect(sameYearDifferences(edited, figures, database)).toEqual({ differ: 2, compared: figures.size });
    const later = parse(HUAYUAN_TEXT.replaceAll('2022年', '2024年'));
    expect(later.year).toBe(2024);
    expect(sameYearDifferences(later, recordFigures(later, labels), database)).toBeNull();
  });

  it('the next year carrying over what this one did not carry forward fails the cross-year check, with both sides', async () => {
    const next = parse(HUAYUAN_TEXT.replaceAll('2022年', '2023年').replace(/^二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0/m, '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1'));
    expect(next.year).toBe(2023);
    const cross = await crossYear(next);
    expect(cross.map((c) => [c.checkId, c.year, c.nextYear, c.expected, c.actual, c.ok])).toEqual([
      ['active.inForce.normativeDocuments', 2022, 2023, 0, 0, true],
      ['active.inForce.regulations', 2022, 2023, 0, 0, true],
      ['applications.carryOver', 2022, 2023, 0, 1, false],
    ]);
    // Its own identity fails too (一 + 二 ≠ 三(七) + 四), and comes first, with its formula.
    const checks = recordChecks(next, new Map([['applications.balance', '一+二 = 三(七)+四']]));
    expect(checks[0].ok).toBe(false);
    expect(checks.filter((c) => !c.ok).map((c) => c.checkId)).toEqual(next.checks.filter((c) => !c.ok).map((c) => c.id));
    expect(checks).toHaveLength(next.checks.length);
  });

  it('a record of the database\'s own year has no cross-year checks against itself', async () => {
    const record = parse(HUAYUAN_TEXT);
    expect(await crossYear(record)).toEqual([]);
    // The copy was the one changed: the database still has one report of the office.
    expect(await q.officeReports(run, HUAYUAN)).toHaveLength(1);
  });

  it('the headline figures are those the database computes for its reports', async () => {
    const record = parse(HUAYUAN_TEXT);
    const [stored] = await q.officeReports(run, HUAYUAN);
    expect(recordHeadline(record)).toEqual({
      new_received: stored.new_received,
      total_processed: stored.total_processed,
      granted: stored.granted,
      carried_forward: stored.carried_forward,
      review_total: stored.review_total,
      litigation_total: stored.litigation_total,
    });
  });

  it('the office is found by its code, else by its name (any spelling) in the same district, never by name alone elsewhere', async () => {
    const record: ReportRecord = parse(HUAYUAN_TEXT);
    expect((await q.findOffice(run, { office: record.office, region: record.region, divisionCode: record.divisionCode })).map((o) => [o.officeId, o.by, o.reports])).toEqual([[HUAYUAN, 'code', 1]]);
    const byName = await q.findOffice(run, { office: '花园街道办事处', region: record.region, divisionCode: null });
    expect(byName.map((o) => [o.officeId, o.by])).toEqual([[HUAYUAN, 'name']]);
    expect(await q.findOffice(run, { office: '花园街道办事处', region: { province: '河南省', city: '新乡市', district: '红旗区' }, divisionCode: null })).toEqual([]);
  });
});
