/**
 * "Your collection" (#/collection): a real folder of reports (the Pingtan collection on the shelf,
 * 123 files) picked in Chromium's file chooser is read in the page's workers and built into a
 * database that is byte for byte the one build:data gives for the same folder; every view then
 * shows it, it survives a reload, and the bundled data is one click away.
 */
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import initSqlJs from 'sql.js';
import { strToU8, zipSync } from 'fflate';
import { openView, shoot } from './helpers';

const PINGTAN = resolve('../shared/corpus/pingtan');
const BUILT = 'test-results/e2e-pingtan/gongkai.sqlite';

test('a folder picked in the page becomes the dashboard, byte-identical to build:data', async ({ page }) => {
  test.skip(!existsSync(PINGTAN) || !existsSync(BUILT), 'the Pingtan collection is not beside the project');
  test.setTimeout(180_000);
  await openView(page, '#/collection');
  const started = Date.now();
  await page.getByTestId('collection-folder').setInputFiles(PINGTAN);
  await expect(page.getByTestId('collection-progress')).toBeVisible();
  await expect(page.getByTestId('collection-counts')).toBeVisible({ timeout: 150_000 });
  console.log(`collection: 123 Pingtan texts read and built in the page in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // The same database as build:data's, to the byte.
  const download = page.waitForEvent('download');
  await page.getByTestId('collection-download-sqlite').click();
  const bytes = readFileSync(await (await download).path());
  const expected = readFileSync(BUILT);
  expect(bytes.length).toBe(expected.length);
  expect(Buffer.compare(bytes, expected)).toBe(0);

  const SQL = await initSqlJs();
  const db = new SQL.Database(expected);
  const one = (sql: string) => db.exec(sql)[0].values[0][0];
  await expect(page.getByTestId('collection-counts')).toHaveText(
    `共 ${one('SELECT count(*) FROM files')} 个文件：${one("SELECT count(*) FROM files WHERE status = 'parsed'")} 份已读入，${one("SELECT count(*) FROM files WHERE status = 'duplicate'")} 份与其他文件重复，${one("SELECT count(*) FROM files WHERE status = 'failed'")} 个未能读取。`,
  );
  await expect(page.getByTestId('collection-file-table').locator('tr[data-status="failed"]')).toHaveCount(1);
  await shoot(page, 'collection');

  // Every view over it: the offices list is the database's.
  await openView(page, '#/offices');
  const shown = await page.getByTestId('office-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-office-id')));
  expect(shown.sort()).toEqual((db.exec('SELECT office_id FROM offices')[0].values.map((r) => r[0]) as string[]).sort());
  await expect(page.getByTestId('data-source')).toBeVisible();

  // It survives a reload; the bundled data is one click away.
  await page.reload();
  await openView(page, '#/overview');
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText(String(one('SELECT count(*) FROM reports')));
  await openView(page, '#/collection');
  await page.getByRole('button', { name: '改看示例数据' }).click();
  await expect(page.getByTestId('data-source')).toHaveCount(0);
  await openView(page, '#/overview');
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText('5');
});

test('files and a .zip picked together: every file accounted for, the broken one with its reason', async ({ page }) => {
  await openView(page, '#/collection');
  const seed = (name: string) => readFileSync(`tests/fixtures/seeds/${name}`);
  const zip = zipSync({ 'a/001.txt': seed('001_ece336a5f188f35c.txt'), 'a/002.txt': seed('002_c3699d8ca2ce9b9a.txt'), '../evil.txt': strToU8('x') });
  await page.getByTestId('collection-files').setInputFiles([
    { name: 'reports.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) },
    { name: '003.txt', mimeType: 'text/plain', buffer: seed('003_75afd8928d84c447.txt') },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('今天天气很好。\n') },
  ]);
  await expect(page.getByTestId('collection-counts')).toHaveText('共 5 个文件：3 份已读入，0 份与其他文件重复，2 个未能读取。', { timeout: 60_000 });
  const failed = page.getByTestId('collection-file-table').locator('tr[data-status="failed"]');
  await expect(failed).toHaveCount(2);
  await expect(failed.filter({ hasText: 'notes.txt' })).toContainText('not a government information-disclosure annual report');
  await expect(failed.filter({ hasText: 'evil.txt' })).toContainText('outside its folder');
  await page.setViewportSize({ width: 375, height: 800 });
  await shoot(page, 'collection-375');
  await page.getByRole('button', { name: '清除我的报告集' }).click();
  await expect(page.getByTestId('data-source')).toHaveCount(0);
});
