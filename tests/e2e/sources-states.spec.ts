/**
 * What a reader needs to cite and to trust what the page shows (issue 15, items 4, 5 and 8):
 * each report's date, original address and file; on every page when the database was built,
 * from how many files, with which parser; a year without a report drawn as a labelled gap; and a
 * query that fails shown as a failure with a retry, never as "no data".
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import initSqlJs, { type Database } from 'sql.js';
import { openView, serveDatabase, shoot } from './helpers';

const PINGTAN = 'test-results/e2e-pingtan';
const E2E = 'test-results/e2e-data';

async function openDb(file: string): Promise<Database> {
  const SQL = await initSqlJs();
  return new SQL.Database(readFileSync(file));
}

/** Serve a database made in the test (changed from a built one) in place of the bundled one. */
async function serveBytes(page: Page, bytes: Uint8Array, manifest: Record<string, unknown>) {
  await page.route(/\/data\/gongkai\.(json|sqlite|sqlite\.gz)(\?|$)/, (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop()!;
    if (file === 'gongkai.json') return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...manifest, database: 'gongkai.sqlite', bytes: bytes.length, gzip: undefined }) });
    return route.fulfill({ contentType: 'application/octet-stream', body: Buffer.from(bytes) });
  });
}

test('every page says when the database was built, from how many files, with which parser', async ({ page }) => {
  const manifest = JSON.parse(readFileSync('public/data/gongkai.json', 'utf8')) as { builtAt: string; source: string; parserVersion: string };
  const db = await openDb('public/data/gongkai.sqlite');
  const files = String(db.exec("SELECT value FROM meta WHERE key = 'files_seen'")[0].values[0][0]);
  const parser = String(db.exec("SELECT value FROM meta WHERE key = 'parser_version'")[0].values[0][0]);
  const when = manifest.builtAt.replace('T', ' ').replace(/:\d\dZ$/, ' UTC');
  const footer = page.getByTestId('data-footer');
  for (const view of ['#/overview', '#/offices', '#/data', '#/collection']) {
    await openView(page, view);
    await expect(footer).toHaveText(`数据库构建于 ${when}，读取 ${manifest.source} 的 ${files} 个文件，解析程序版本 ${parser}。`);
  }
  expect(parser).toBe(manifest.parserVersion);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(footer).toHaveText(`Database built ${when} from ${files} files of ${manifest.source}, parser version ${parser}.`);
});

test.describe('the Pingtan collection', () => {
  test.skip(!existsSync(`${PINGTAN}/gongkai.sqlite`), 'the Pingtan collection is not beside the project (../shared/corpus/pingtan)');
  test.beforeEach(async ({ page }) => serveDatabase(page, PINGTAN));
  const POLICE = '/平潭综合实验区公安局';

  test('an office with years missing: the trend runs 2019–2024, 2020 and 2023 drawn as gaps labelled 无报告', async ({ page }) => {
    const db = await openDb(`${PINGTAN}/gongkai.sqlite`);
    expect(db.exec(`SELECT group_concat(year) FROM (SELECT year FROM reports WHERE office_id = '${POLICE}' ORDER BY year)`)[0].values[0][0]).toBe('2019,2021,2022,2024');
    await openView(page, `#/office/${encodeURIComponent(POLICE)}?year=2021`);
    const chart = page.locator('[data-chart$="-applications-by-year"]');
    const ticks = chart.locator('svg text.tick');
    await expect(ticks.filter({ hasText: /^20\d\d$/ })).toHaveText(['2019', '2020', '2021', '2022', '2023', '2024']);
    await expect(chart.locator('[data-gap]')).toHaveCount(2);
    for (const year of ['2020', '2023']) await expect(chart.locator(`[data-gap="${year}"] text`)).toHaveText('无报告');
    // Two series over four reports: every reported value a mark (a reported 0 too).
    await expect(chart.locator('rect.mark')).toHaveCount(8);
    // The table alternative writes the years as years.
    await chart.getByRole('button', { name: '以表格显示' }).click();
    await expect(chart.locator('tbody tr td:first-child')).toHaveText(['2019', '2021', '2022', '2024']);
    await shoot(page, 'pingtan-office-gaps');
  });

  test('the office page cites its report: publication date, original address (a safe link) and file name', async ({ page }) => {
    await openView(page, `#/office/${encodeURIComponent(POLICE)}?year=2021`);
    const meta = page.getByTestId('report-meta');
    await expect(meta.getByTestId('report-published')).toHaveText('发布日期：2022-01-14');
    await expect(meta.getByTestId('report-file')).toHaveText('文件名：gaj-2021.txt');
    const link = meta.getByTestId('source-url');
    const url = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/ptzhsyqgaj/zfxxgknb/202201/t20220114_80607.htm';
    await expect(link).toHaveAttribute('href', url);
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveText(url);
  });

  test('the data view lists each report with its date, address and file, in the table and the CSV', async ({ page }) => {
    await openView(page, '#/data?years=2024');
    const row = page.getByTestId('reports-row').filter({ hasText: '平潭综合实验区公安局' });
    await expect(row.getByTestId('report-published')).toHaveText('2025-01-20');
    await expect(row.getByTestId('source-url')).toHaveAttribute('href', /t20250120_96806\.htm$/);
    await expect(row).toContainText('gaj-2024.txt');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
    const lines = (await (await download.createReadStream()).toArray()).join('').replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/,发布日期,原文链接,文件名$/);
    expect(lines.find((l) => l.startsWith('平潭综合实验区公安局,'))).toMatch(/,2025-01-20,https:\/\/www\.pingtan\.gov\.cn\/\S+t20250120_96806\.htm,gaj-2024\.txt$/);
  });
});

test('an original address that is not http(s) is shown as text, never as a link', async ({ page }) => {
  const db = await openDb(`${E2E}/gongkai.sqlite`);
  db.run("UPDATE reports SET source_url = 'javascript:alert(1)', published_at = '2023-01-20' WHERE source_path = 'quality-2022.txt'");
  const manifest = JSON.parse(readFileSync(`${E2E}/gongkai.json`, 'utf8'));
  await serveBytes(page, db.export(), manifest);
  await openView(page, `#/office/${encodeURIComponent('河南省新乡市牧野区/核对测试街道')}?year=2022`);
  const meta = page.getByTestId('report-meta');
  await expect(meta.getByTestId('report-published')).toHaveText('发布日期：2023-01-20');
  await expect(meta.getByTestId('source-url')).toHaveText('javascript:alert(1)');
  // No link anywhere to that address (the header's only link is the format's "?" note to the about page).
  await expect(meta.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await meta.getByTestId('source-url').evaluate((e) => e.closest('a') === null && e.querySelector('a') === null)).toBe(true);
});

test('a query that fails shows the error and a retry, not "no data"', async ({ page }) => {
  // The database opens, but the view behind the overview's figures is gone.
  const db = await openDb(`${E2E}/gongkai.sqlite`);
  db.run('DROP VIEW report_overview');
  const manifest = JSON.parse(readFileSync(`${E2E}/gongkai.json`, 'utf8'));
  await serveBytes(page, db.export(), manifest);
  await openView(page, '#/overview');
  const failed = page.getByRole('main').getByTestId('load-failed').first();
  await expect(failed).toContainText('读取失败：no such table: report_overview');
  await expect(page.getByText('没有符合条件的数据。')).toHaveCount(0);
  await expect(page.locator('[data-figure]')).toHaveCount(0);
  await shoot(page, 'overview-query-failed');
  // Retry runs the query again; the database is still broken, so it fails again, and says so.
  await failed.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('main').getByTestId('load-failed').first()).toContainText('no such table: report_overview');
  // The views that still work are drawn: the footer reads meta and files, not the view.
  await expect(page.getByTestId('data-footer')).toContainText('解析程序版本');
});
