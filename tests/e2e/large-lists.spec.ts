/**
 * The offices and data views over a collection too big to draw whole: 3,000 synthetic reports
 * (1,000 offices × 3 years), built as the site's data is and served in place of the bundled
 * database. Each view draws one page, sorted and paged by SQL; the totals, the sort order and
 * the last page are checked against the database itself. The time to the first rows and the
 * number of rows drawn are printed (measured, not asserted).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import { buildDatabase } from '../../scripts/lib/build-database';
import { loadDivisions } from '../../scripts/lib/divisions';
import { publishDatabase } from '../../scripts/lib/publish-database';
import { expectNoHorizontalScroll, openView, serveDatabase, shoot } from './helpers';
import { syntheticCollection } from '../helpers/synthetic-collection';

const DIR = 'test-results/e2e-large';
const OFFICES = 1000;
const YEARS = [2021, 2022, 2023];
const PAGE = 100;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

let db: Database;
test.beforeAll(async () => {
  test.setTimeout(300_000);
  const files = syntheticCollection({ seed: 16_2, offices: OFFICES, years: YEARS });
  const { database, summary } = await buildDatabase({ files, divisions: loadDivisions() });
  rmSync(DIR, { recursive: true, force: true });
  await publishDatabase(join(DIR, 'gongkai.sqlite'), database, { reports: summary.parsed - summary.duplicates, source: 'synthetic' });
  db = new (await initSqlJs()).Database(database);
});
test.beforeEach(async ({ page }) => serveDatabase(page, DIR));

const one = (sql: string) => Number(db.exec(sql)[0].values[0][0]);
const column = (sql: string) => db.exec(sql)[0].values.map((r) => r[0]);

/** The rows drawn anywhere in the view (table rows of every table). */
const rowsDrawn = (page: Page) => page.locator('main tr').count();

/** Opens a view and returns the milliseconds until its first row is drawn. */
async function timeToFirstRows(page: Page, hash: string, row: string): Promise<number> {
  const started = Date.now();
  await openView(page, hash);
  await expect(page.getByTestId(row).first()).toBeVisible({ timeout: 60_000 });
  return Date.now() - started;
}

test('offices: the total of the database, one page drawn, sorted by SQL, paged to the last office', async ({ page }) => {
  const total = one('SELECT COUNT(DISTINCT office_id) FROM reports');
  expect(total).toBeGreaterThan(900); // a few streets may share a name and district
  const ms = await timeToFirstRows(page, '#/offices', 'office-row');
  await expect(page.getByTestId('list-total')).toHaveText(`共 ${total.toLocaleString('en-US')} 个机关`);
  const rows = page.getByTestId('office-row');
  await expect(rows).toHaveCount(PAGE);
  const drawn = await rowsDrawn(page);
  expect(drawn).toBeLessThanOrEqual(200);
  console.log(`offices view, ${total} offices / ${one('SELECT COUNT(*) FROM reports')} reports: first rows in ${ms} ms; ${drawn} table rows drawn`);

  // Sorted by 新收 (most first, unknown last, then by name and id): the database's own order.
  await page.locator('button[data-sort="received"]').click();
  await expect(page).toHaveURL(/sort=received/);
  const expected = column(
    `SELECT office_id FROM (SELECT o.office_id, o.name, SUM(h.new_received) AS received FROM reports r JOIN offices o USING (office_id) JOIN report_headline h USING (report_id) GROUP BY o.office_id)
     ORDER BY received IS NULL, received DESC, name, office_id`,
  ) as string[];
  expect(expected).toHaveLength(total);
  const ids = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-office-id')));
  await expect.poll(ids).toEqual(expected.slice(0, PAGE));
  const received = await rows.locator('td:nth-child(5)').allTextContents();
  expect(Number(received[0].replace(/,/g, ''))).toBe(one('SELECT MAX(s) FROM (SELECT SUM(new_received) AS s FROM report_overview GROUP BY office_id)'));

  // Next page, then the last: its rows are the last of the order, the last office last.
  await page.getByTestId('pager').first().getByRole('button', { name: '下一页' }).click();
  await expect.poll(ids).toEqual(expected.slice(PAGE, 2 * PAGE));
  await page.getByTestId('pager').first().getByRole('button', { name: '末页' }).click();
  const lastStart = Math.floor((total - 1) / PAGE) * PAGE;
  await expect.poll(ids).toEqual(expected.slice(lastStart));
  await expect(page.getByTestId('pager-range').first()).toHaveText(`第 ${(lastStart + 1).toLocaleString('en-US')}–${total.toLocaleString('en-US')} 项，共 ${total.toLocaleString('en-US')} 项`);
  await expect(page.getByTestId('pager').first().getByRole('button', { name: '下一页' })).toBeDisabled();
  await shoot(page, 'large-offices-last-page');

  // Another search starts again at the first page.
  await page.getByTestId('search-input').fill('街道');
  await expect(page.getByTestId('pager-page').first()).toHaveText(/^第 1 \//);
});

test('offices: the CSV has every matching office, in the order shown, not only the page', async ({ page }) => {
  const total = one('SELECT COUNT(DISTINCT office_id) FROM reports');
  await openView(page, '#/offices?sort=name&dir=asc');
  const rows = page.getByTestId('office-row');
  await expect(rows).toHaveCount(PAGE);
  await expect(page.getByTestId('csv-export')).toHaveText(`导出全部 ${total.toLocaleString('en-US')} 个机关（CSV）`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
  const lines = (await (await download.createReadStream()).toArray()).join('').replace(/^\ufeff/, '').trim().split(/\r?\n/);
  expect(lines).toHaveLength(1 + total);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-office-id')));
  expect(lines.slice(1, 1 + PAGE).map((l) => l.split(',')[0].replace(/^"|"$/g, ''))).toEqual(shown);
});

test('data: the total of the database, one page drawn, sorted by SQL, paged to the last report', async ({ page }) => {
  const total = one('SELECT COUNT(*) FROM reports');
  const ms = await timeToFirstRows(page, '#/data', 'reports-row');
  await expect(page.getByTestId('list-total')).toHaveText(`共 ${total.toLocaleString('en-US')} 份报告`);
  const rows = page.getByTestId('reports-row');
  await expect(rows).toHaveCount(PAGE);
  const drawn = await rowsDrawn(page);
  expect(drawn).toBeLessThanOrEqual(200);
  console.log(`data view, ${total} reports: first rows in ${ms} ms; ${drawn} table rows drawn`);

  // Sorted by warnings, most first; ties newest first, then by region and office, then id.
  await page.locator('button[data-sort="warnings"]').click();
  await expect(page).toHaveURL(/sort=warnings/);
  const expected = column(
    `SELECT report_id FROM report_overview ORDER BY warning_count DESC, year IS NULL, year DESC, province, city, district, office_name, report_id`,
  ).map(Number);
  const ids = () => rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-report-id'))));
  await expect.poll(ids).toEqual(expected.slice(0, PAGE));
  // The header says which column sorts, and how.
  await expect(page.locator('th[aria-sort]')).toHaveCount(1);
  await expect(page.locator('th[aria-sort="descending"] button[data-sort="warnings"]')).toHaveCount(1);

  // The foot's pager: the last page, the last report of the order last.
  await page.getByTestId('pager').last().getByRole('button', { name: '末页' }).click();
  const lastStart = Math.floor((total - 1) / PAGE) * PAGE;
  await expect.poll(ids).toEqual(expected.slice(lastStart));
  expect(await rowsDrawn(page)).toBeLessThanOrEqual(200);

  // Ascending: the same order reversed in its first key.
  await page.locator('button[data-sort="warnings"]').click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(page.getByTestId('pager-page').first()).toHaveText(/^第 1 \//);
  const least = one('SELECT MIN(warning_count) FROM reports');
  const warnings = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[7]?.textContent?.replace(/,/g, ''))));
  expect(warnings[0]).toBe(least);
  expect([...warnings].sort((a, b) => a - b)).toEqual(warnings);
});

test('data: a filter counts and pages in SQL, and the CSV has every matching report', async ({ page }) => {
  const total = one('SELECT COUNT(*) FROM reports WHERE year = 2022');
  await openView(page, '#/data?years=2022');
  await expect(page.getByTestId('list-total')).toHaveText(`共 ${total.toLocaleString('en-US')} 份报告`);
  await expect(page.getByTestId('reports-row')).toHaveCount(PAGE);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
  const lines = (await (await download.createReadStream()).toArray()).join('').replace(/^\ufeff/, '').trim().split(/\r?\n/);
  expect(lines).toHaveLength(1 + total);
});

test('a 375-px phone pages the offices without horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openView(page, '#/offices');
  await expect(page.getByTestId('office-row')).toHaveCount(PAGE);
  await page.getByTestId('pager').first().getByRole('button', { name: '下一页' }).click();
  await expect(page.getByTestId('pager-page').first()).toHaveText(/^第 2 \//);
  await expectNoHorizontalScroll(page);
  await shoot(page, 'large-offices-375');
  await page.getByTestId('pager').first().screenshot({ path: 'test-results/screenshots/large-offices-pager-375.png' });
});

for (const [name, hash] of [
  ['offices', '#/offices?lang=en'],
  ['data', '#/data?lang=en'],
] as const) {
  test(`axe: the ${name} view with its page controls, in English`, async ({ page }) => {
    await openView(page, hash);
    await expect(page.getByTestId('pager').first()).toContainText('Page 1 of');
    await expect(page.getByRole('navigation', { name: /: pages$/ })).toHaveCount(2);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help}`);
    expect(bad, bad.join('\n')).toEqual([]);
  });
}
