/** The app's query functions against a real database built from the seeds (sql.js in Node). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import * as q from '../src/lib/db/queries';
import { SEEDS_DIR } from './helpers/corpus';
import { build, filesOf, open, queryRunner } from './helpers/database';

let db: Database;
const run = queryRunner(() => db);

beforeAll(async () => {
  db = await open((await build(filesOf(SEEDS_DIR).filter((f) => f.path.endsWith('.txt')))).database);
  db.exec('PRAGMA query_only = ON');
});

describe('query functions', () => {
  it('filter options list the years and places of the reports', async () => {
    const o = await q.filterOptions(run);
    expect(o.years).toEqual([2021, 2022, 2024]);
    expect(o.provinces).toEqual(['河南省', '湖北省']);
    expect(o.districts.map((d) => d.district)).toEqual(['卫东区', '湛河区', '牧野区', '西工区', '江岸区']);
  });

  it('headline and trend follow the year filter', async () => {
    const all = await q.headline(run, q.NO_FILTERS);
    expect(all).toMatchObject({ offices: 5, reports: 5, years: 3, new_received: 1, reportsNotAddingUp: 0 });
    const y2021 = await q.headline(run, { ...q.NO_FILTERS, years: [2021] });
    expect(y2021).toMatchObject({ offices: 1, reports: 1, new_received: 0 });
    expect((await q.trendByYear(run, q.NO_FILTERS)).map((t) => [t.year, t.reports, t.new_received])).toEqual([
      [2021, 1, 0],
      [2022, 3, 1],
      [2024, 1, 0],
    ]);
  });

  it('ranks offices, lists them with their trend, and searches aliases', async () => {
    expect(await q.topOffices(run, q.NO_FILTERS)).toEqual([{ officeId: '420102009', name: '劳动街道', district: '江岸区', value: 1 }]);
    const list = await q.officeList(run, q.NO_FILTERS, '劳动');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ officeId: '420102009', reports: 1, newReceived: 1, trend: [{ year: 2022, value: 1 }] });
    const henan = await q.officeList(run, { ...q.NO_FILTERS, province: '河南省' });
    expect(henan).toHaveLength(4);
    // A picker's few: the first of the same order, no more.
    expect(await q.officeList(run, { ...q.NO_FILTERS, province: '河南省' }, '', q.DEFAULT_OFFICE_ORDER, 2)).toEqual(henan.slice(0, 2));
  });

  it('gives one report its figures, checks, texts and record', async () => {
    const [report] = await q.officeReports(run, '420102009');
    expect(report).toMatchObject({ officeName: '劳动街道', year: 2022, template: '2021', granted: 1 });
    const figures = await q.reportFigures(run, report.reportId);
    const received = figures.find((f) => f.rowKey === 'newReceived' && f.columnKey === 'total')!;
    expect(received).toMatchObject({ value: 1, columnLabel: '总计', rowLabel: '一、本年新收政府信息公开申请数量' });
    const detail = await q.reportDetail(run, report.reportId);
    expect(detail.text.split('\n')[received.sourceLine! - 1].trim()).toBe('1');
    const checks = await q.reportChecks(run, report.reportId);
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(checks.find((c) => c.checkId === 'applications.balance.total')).toMatchObject({ expected: 1, actual: 1 });
    const record = await q.reportRecord(run, report.reportId);
    expect(record).toMatchObject({ office: '劳动街道', year: 2022, divisionCode: '420102009', applications: { newReceived: { naturalPerson: 1, total: 1 } } });
  });

  it('finds problem texts by every word', async () => {
    const hits = await q.searchProblems(run, q.NO_FILTERS, '公开');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.text.includes('公开'))).toBe(true);
    expect(await q.searchProblems(run, q.NO_FILTERS, '公开 不存在的词语')).toEqual([]);
  });

  it('the app connection refuses writes (the SQL box has a connection of its own: user-query.test.ts)', async () => {
    await expect(run('DELETE FROM reports')).rejects.toThrow(/readonly|query_only/i);
    expect((await q.meta(run)).reports).toBe('5');
  });
});
