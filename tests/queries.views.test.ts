/** The query functions of the offices, problems and data views, against the seeds (sql.js in Node). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import * as q from '../src/lib/db/queries';
import { runUserQuery } from '../src/lib/db/user-query';
import { excerptRange, highlight } from '../src/views/highlight';
import { SEEDS_DIR } from './helpers/corpus';
import { build, filesOf, open, queryRunner } from './helpers/database';

let db: Database;
const run = queryRunner(() => db);

beforeAll(async () => {
  db = await open((await build(filesOf(SEEDS_DIR).filter((f) => f.path.endsWith('.txt')))).database);
  db.exec('PRAGMA query_only = ON');
});

describe('view query functions', () => {
  it('splits a problems search into the words searchProblems matches', () => {
    expect(q.problemWords('  培训  队伍 ')).toEqual(['培训', '队伍']);
    expect(q.problemWords('   ')).toEqual([]);
  });

  it('counts the problem texts the search finds, beyond the shown limit', async () => {
    expect(await q.countProblems(run, q.NO_FILTERS, '')).toBe(5);
    // 信息公开 is in four seeds' section 五 (not 轻工路's); 队伍 in 光华路 (2024), 轻工路 and 花园 (2022).
    expect(await q.countProblems(run, q.NO_FILTERS, '信息公开')).toBe(4);
    expect(await q.countProblems(run, q.NO_FILTERS, '队伍')).toBe(3);
    expect(await q.countProblems(run, { ...q.NO_FILTERS, years: [2022] }, '队伍')).toBe(2);
    expect(await q.countProblems(run, q.NO_FILTERS, '队伍 信息公开')).toBe(2);
    expect(await q.countProblems(run, q.NO_FILTERS, '队伍 不存在的词语')).toBe(0);
    const hits = await q.searchProblems(run, q.NO_FILTERS, '队伍', 1);
    expect(hits.map((h) => [h.officeName, h.year])).toEqual([['光华路街道办事处', 2024]]);
    expect(await q.countProblems(run, { ...q.NO_FILTERS, province: '湖北省' }, '')).toBe(1);
  });

  it('lists the tables and views of the database', async () => {
    const o = await q.databaseObjects(run);
    expect(o.tables).toEqual(expect.arrayContaining(['reports', 'offices', 'office_aliases', 'numbers', 'sections', 'meta']));
    expect(o.views).toEqual(expect.arrayContaining(['figures', 'report_overview', 'office_year', 'region_year', 'reports_failing_checks']));
    expect(o.tables).not.toContain('report_overview');
  });

  it('runs every example query of the SQL box', async () => {
    const results = Object.fromEntries(q.EXAMPLE_QUERIES.map((e) => [e.id, runUserQuery(db, e.sql, 1000)] as const));
    expect(results.topOffices.columns).toEqual(['office_name', 'district', 'year', 'new_received']);
    expect(results.topOffices.rows).toEqual([['光华路街道办事处', '卫东区', 2024, 0]]);
    expect(results.failing.rows).toEqual([]);
    expect(results.source.rows.map(([, value]) => value)).toEqual([0, 0, 0, 0, 1]);
    const regions = results.regions;
    const first = Object.fromEntries(regions.columns.map((c, i) => [c, regions.rows[0][i]]));
    expect(first).toMatchObject({ province: '河南省', city: '平顶山市', district: '卫东区', year: 2024, offices: 1, reports: 1 });
  });

  it('lists the reports of the data view with their figures and record', async () => {
    const list = await q.reportList(run, { ...q.NO_FILTERS, years: [2022] });
    // The test database has no offices.csv: 花园 keeps the name its report gives.
    expect(list.map((r) => r.officeName)).toEqual(['轻工路街道办事处', '花园办事处', '劳动街道']);
    expect(list.find((r) => r.officeName === '花园办事处')).toMatchObject({ warningCount: 6, failedCheckCount: 0, new_received: 0 });
    const record = await q.reportRecord(run, list[2].reportId);
    expect(record).toMatchObject({ office: '劳动街道', year: 2022 });
  });
});

describe('paged lists in SQL', () => {
  const ids = (list: { officeId: string }[]) => list.map((o) => o.officeId);

  it('pages the offices in SQL order, with the total and the year span of every match', async () => {
    const region = { sort: 'region', dir: 'asc' } as const;
    const page1 = await q.officePage(run, q.NO_FILTERS, '', region, 0, 2);
    expect(page1.total).toBe(5);
    expect(page1.years).toEqual([2021, 2024]);
    // By province, city (平顶山 before 新乡 before 洛阳 in code-point order), district.
    expect(ids(page1.rows)).toEqual(['410403007', '410411005']);
    const last = await q.officePage(run, q.NO_FILTERS, '', region, 4, 2);
    expect(ids(last.rows)).toEqual(['420102009']);
    expect((await q.officePage(run, q.NO_FILTERS, '', region, 10, 2)).rows).toEqual([]);
    // Received, most first: 劳动 (1) then the zeros by name.
    const received = await q.officePage(run, q.NO_FILTERS, '', { sort: 'received', dir: 'desc' }, 0, 5);
    expect(received.rows.map((o) => [o.name, o.newReceived])).toEqual([
      ['劳动街道', 1],
      ['光华路街道办事处', 0],
      ['洛北街道办事处', 0],
      ['花园办事处', 0],
      ['轻工路街道办事处', 0],
    ]);
    const years = await q.officePage(run, q.NO_FILTERS, '', { sort: 'years', dir: 'asc' }, 0, 1);
    expect(years.rows.map((o) => o.name)).toEqual(['洛北街道办事处']);
  });

  it('filters and searches the office pages, and counts only what matches', async () => {
    const order = q.DEFAULT_OFFICE_ORDER;
    const henan = await q.officePage(run, { ...q.NO_FILTERS, province: '河南省' }, '', order, 0, 100);
    expect(henan.total).toBe(4);
    expect(henan.rows).toHaveLength(4);
    const y2022 = await q.officePage(run, { ...q.NO_FILTERS, years: [2022] }, '', order, 0, 100);
    expect([y2022.total, y2022.years]).toEqual([3, [2022, 2022]]);
    const search = await q.officePage(run, q.NO_FILTERS, '劳动', order, 0, 100);
    expect([search.total, ids(search.rows)]).toEqual([1, ['420102009']]);
    const none = await q.officePage(run, q.NO_FILTERS, '不存在', order, 0, 100);
    expect([none.total, none.years, none.rows]).toEqual([0, null, []]);
  });

  it('gives every office exactly once across the pages, for every sort and direction, as officeList does', async () => {
    for (const sort of q.OFFICE_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const all = ids(await q.officeList(run, q.NO_FILTERS, '', { sort, dir }));
        const paged: string[] = [];
        for (let offset = 0; offset < 5; offset += 2) paged.push(...ids((await q.officePage(run, q.NO_FILTERS, '', { sort, dir }, offset, 2)).rows));
        expect(paged, `${sort} ${dir}`).toEqual(all);
        expect(new Set(all).size).toBe(5);
      }
    }
  });

  it('pages the reports in SQL order, with the total, filters and every sort', async () => {
    const first = await q.reportPage(run, q.NO_FILTERS, q.DEFAULT_REPORT_ORDER, 0, 2);
    expect(first.total).toBe(5);
    // Newest first, then by region: 光华路 (2024), then 2022's by province, city, district.
    expect(first.rows.map((r) => [r.officeName, r.year])).toEqual([
      ['光华路街道办事处', 2024],
      ['轻工路街道办事处', 2022],
    ]);
    const last = await q.reportPage(run, q.NO_FILTERS, q.DEFAULT_REPORT_ORDER, 4, 2);
    expect(last.rows.map((r) => [r.officeName, r.year])).toEqual([['洛北街道办事处', 2021]]);
    const warnings = await q.reportPage(run, q.NO_FILTERS, { sort: 'warnings', dir: 'desc' }, 0, 3);
    expect(warnings.rows.map((r) => [r.officeName, r.warningCount])).toEqual([
      ['花园办事处', 6],
      ['轻工路街道办事处', 3],
      ['光华路街道办事处', 0],
    ]);
    const ascending = await q.reportPage(run, q.NO_FILTERS, { sort: 'year', dir: 'asc' }, 0, 1);
    expect(ascending.rows.map((r) => r.year)).toEqual([2021]);
    const received = await q.reportPage(run, { ...q.NO_FILTERS, years: [2022] }, { sort: 'new_received', dir: 'desc' }, 0, 10);
    expect([received.total, received.rows.map((r) => r.officeName)]).toEqual([3, ['劳动街道', '轻工路街道办事处', '花园办事处']]);
    expect((await q.reportPage(run, { ...q.NO_FILTERS, province: '湖北省', years: [2021] }, q.DEFAULT_REPORT_ORDER, 0, 10)).total).toBe(0);
    for (const sort of q.REPORT_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const all = (await q.reportList(run, q.NO_FILTERS, { sort, dir })).map((r) => r.reportId);
        const paged: number[] = [];
        for (let offset = 0; offset < 5; offset += 2) paged.push(...(await q.reportPage(run, q.NO_FILTERS, { sort, dir }, offset, 2)).rows.map((r) => r.reportId));
        expect(paged, `${sort} ${dir}`).toEqual(all);
        expect(new Set(all).size).toBe(5);
      }
    }
  });
});

describe('search-word highlighting', () => {
  it('marks every occurrence of every word, merging overlaps, as plain segments', () => {
    expect(highlight('公开信息公开', ['公开'])).toEqual([
      { text: '公开', mark: true },
      { text: '信息', mark: false },
      { text: '公开', mark: true },
    ]);
    expect(highlight('信息公开工作', ['信息公开', '公开工作'])).toEqual([{ text: '信息公开工作', mark: true }]);
    expect(highlight('<b>x</b>', ['x'])).toEqual([
      { text: '<b>', mark: false },
      { text: 'x', mark: true },
      { text: '</b>', mark: false },
    ]);
    expect(highlight('abc', [])).toEqual([{ text: 'abc', mark: false }]);
    expect(highlight('abcabc', ['c'], 1, 4)).toEqual([
      { text: 'b', mark: false },
      { text: 'c', mark: true },
      { text: 'a', mark: false },
    ]);
  });

  it('collapses a long text to a window before the first match', () => {
    const text = 'x'.repeat(500) + '问题' + 'y'.repeat(500);
    expect(excerptRange(text, ['问题'], 240, 60)).toEqual({ start: 440, end: 680 });
    expect(excerptRange(text, ['没有'], 240)).toEqual({ start: 0, end: 240 });
    expect(excerptRange('短', ['短'])).toEqual({ start: 0, end: 1 });
    expect(excerptRange('x'.repeat(300) + '尾', ['尾'], 240)).toEqual({ start: 61, end: 301 });
    // A match across the window's end is kept whole.
    expect(excerptRange('问题' + 'x'.repeat(237) + '公开' + 'x'.repeat(100), ['问题', '公开'], 240)).toEqual({ start: 0, end: 241 });
  });
});
