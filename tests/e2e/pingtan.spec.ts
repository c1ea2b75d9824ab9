/**
 * The dashboard over a real collection: the 123 reports of 平潭综合实验区's offices, 2019–2025, as
 * a crawler saved them (../shared/corpus/pingtan, never committed here). `npm run test:e2e` builds
 * them with build:data into test-results/e2e-pingtan; these tests serve that database in place of
 * the bundled one, walk every view, and check what the page shows against the database itself.
 * Screenshots at 1280 and 375 px are kept (test-results/screenshots/pingtan-*).
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import initSqlJs, { type Database } from 'sql.js';
import { expectNoHorizontalScroll, openView, serveDatabase, shoot } from './helpers';

const DIR = 'test-results/e2e-pingtan';
test.skip(!existsSync(`${DIR}/gongkai.sqlite`), 'the Pingtan collection is not beside the project (../shared/corpus/pingtan)');

let db: Database;
test.beforeAll(async () => {
  const SQL = await initSqlJs();
  db = new SQL.Database(readFileSync(`${DIR}/gongkai.sqlite`));
});
test.beforeEach(async ({ page }) => serveDatabase(page, DIR));

/** One value (or one column of values) from the database the page is showing. */
const value = (sql: string) => db.exec(sql)[0]?.values[0]?.[0];
const column = (sql: string) => (db.exec(sql)[0]?.values ?? []).map((r) => r[0]);
const fmt = (n: unknown) => Number(n).toLocaleString('en-US');

const officeId = (name: string) => `/平潭综合实验区${name}`;
const PIANQU = ['海坛', '君山', '苏平', '金井'].map((n) => officeId(`${n}片区管理局`));

test('overview: the headline figures are the database\'s', async ({ page }) => {
  await openView(page, '#/overview');
  const figure = (key: string) => page.locator(`[data-figure="${key}"] dd`);
  await expect(figure('offices')).toHaveText(fmt(value('SELECT count(*) FROM offices')));
  await expect(figure('reports')).toHaveText(fmt(value('SELECT count(*) FROM reports')));
  await expect(figure('years')).toHaveText(String(value('SELECT count(DISTINCT year) FROM reports')));
  await expect(figure('received')).toHaveText(fmt(value('SELECT sum(new_received) FROM report_headline')));
  await expect(figure('not-adding-up')).toHaveText(String(value('SELECT count(*) FROM reports WHERE failed_check_count > 0')));
  // Sanity of the collection itself: 18 offices over seven years.
  expect(value('SELECT count(*) FROM offices')).toBe(18);
  await expect(page.locator('[data-chart] svg').first()).toBeVisible();
  // What the site was built from, on its first page, and the one file refused with its reason.
  const note = page.getByTestId('collection-note');
  await expect(note).toContainText('本站数据来自 ../shared/corpus/pingtan：123 个文件，122 份年度报告，18 个机关，2019–2025 年度。');
  await expect(note).toContainText(/构建于 \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await note.getByText('1 个文件未能读取').click();
  await expect(note.getByTestId('collection-refused').getByRole('listitem')).toHaveText([/^gaj-2020\.txt title-only /]);
  await shoot(page, 'pingtan-overview');
});

test('offices: every office of the database is listed once', async ({ page }) => {
  await openView(page, '#/offices');
  const shown = await page.getByTestId('office-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-office-id')));
  expect(shown.sort()).toEqual((column('SELECT office_id FROM offices') as string[]).sort());
});

test('an office across its seven years: every year listed, the figures of the chosen year from the database', async ({ page }) => {
  const id = PIANQU[0];
  await openView(page, `#/office/${encodeURIComponent(id)}?year=2024`);
  const years = page.getByRole('navigation', { name: /年度报告|Reports by year/ }).getByRole('link');
  await expect(years).toHaveText((column(`SELECT year FROM reports WHERE office_id = '${id}' ORDER BY year`) as number[]).map(String));
  await expect(years.filter({ hasText: '2024' })).toHaveAttribute('aria-current', 'page');
  // 本年新收 of the chosen year as the database holds it, in the report's table. This report
  // prints 5 + 1 applicants over a total of 0 ("5100000"): read as published, it fails its check.
  const cell = (col: string) =>
    value(`SELECT value FROM figures JOIN reports USING (report_id) WHERE office_id = '${id}' AND year = 2024 AND section = 'applications' AND row_key = 'newReceived' AND column_key = '${col}'`);
  expect([cell('naturalPerson'), cell('commercial'), cell('total')]).toEqual([5, 1, 0]);
  await expect(page.getByRole('button', { name: '一、本年新收政府信息公开申请数量 · 自然人: 5' })).toBeVisible();
  await expect(page.getByRole('button', { name: '一、本年新收政府信息公开申请数量 · 总计: 0' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('平潭综合实验区海坛片区管理局');
  await shoot(page, 'pingtan-office');
});

test('compare four 片区管理局: one chart per office, seven years each, on one scale', async ({ page }) => {
  await openView(page, `#/compare?ids=${PIANQU.map(encodeURIComponent).join(',')}`);
  for (const id of PIANQU) await expect(page.getByRole('main')).toContainText(id.slice(1));
  const first = page.locator('.multiples').first().locator('.multiple');
  await expect(first).toHaveCount(4);
  // Seven year labels under each office's bars.
  for (let i = 0; i < 4; i++) {
    for (const y of ['2019', '2025']) await expect(first.nth(i).locator('svg')).toContainText(y);
  }
  await shoot(page, 'pingtan-compare');
});

test('does it add up? the reports that do not add up as published come first', async ({ page }) => {
  await openView(page, '#/quality');
  const notAddingUp = Number(value('SELECT count(*) FROM reports WHERE failed_check_count > 0'));
  expect(notAddingUp).toBeGreaterThan(0);
  const items = page.getByTestId('quality-report');
  await expect(items.first()).toBeVisible();
  const worst = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-worst')));
  // Severity never rises down the list, and the first ones are the arithmetic failures.
  const rank = { high: 3, medium: 2, low: 1 } as Record<string, number>;
  expect(worst.map((w) => rank[w!])).toEqual([...worst.map((w) => rank[w!])].sort((a, b) => b - a));
  expect(worst.slice(0, notAddingUp).every((w) => w === 'high')).toBe(true);
  await expect(items.first()).toContainText('数字对不上');
  await shoot(page, 'pingtan-quality');
});

test('copied text across years: the quality view lists every report whose text repeats last year\'s', async ({ page }) => {
  await openView(page, '#/quality?code=copied-previous-year');
  const expected = Number(value("SELECT count(DISTINCT report_id) FROM findings WHERE code = 'copied-previous-year'"));
  expect(expected).toBeGreaterThan(0);
  await expect(page.getByTestId('quality-count')).toHaveAttribute('data-count', String(expected));
});

test('problems by year: the themes grid covers the collection\'s years', async ({ page }) => {
  await openView(page, '#/problems');
  const grid = page.locator('table, [role="table"], .grid').first();
  await expect(grid).toBeVisible();
  for (const y of column('SELECT DISTINCT year FROM theme_year ORDER BY year') as number[]) await expect(page.getByRole('main')).toContainText(String(y));
  await shoot(page, 'pingtan-problems');
});

for (const [name, hash] of [
  ['overview', '#/overview'],
  ['offices', '#/offices'],
  ['office', `#/office/${encodeURIComponent(PIANQU[0])}`],
  ['compare', `#/compare?ids=${PIANQU.map(encodeURIComponent).join(',')}`],
  ['quality', '#/quality'],
  ['problems', '#/problems'],
  ['data', '#/data'],
] as const) {
  test(`a 375-px phone shows ${name} on the Pingtan collection without horizontal scroll`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openView(page, hash);
    await page.waitForTimeout(300);
    await expectNoHorizontalScroll(page);
    await shoot(page, `pingtan-${name}-375`);
  });
}
