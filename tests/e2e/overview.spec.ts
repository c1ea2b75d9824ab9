import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, openView, shoot } from './helpers';

test('the app loads the bundled database and the overview charts have marks', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openView(page, '#/overview');
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText('5');
  await expect(page.locator('[data-figure="offices"] dd')).toHaveText('5');
  await expect(page.locator('[data-figure="received"] dd')).toHaveText('1');
  // Marks drawn: bars in the yearly chart and the ranking.
  await expect(page.locator('[data-chart="applications-by-year"] rect.mark')).toHaveCount(6); // 3 years × 2 series
  await expect(page.locator('[data-chart="top-offices"] rect.mark')).toHaveCount(1);
  await shoot(page, 'overview');
  expect(errors).toEqual([]);
});

test('the app downloads the gzipped database, and the plain one where the browser cannot unzip a stream', async ({ page }) => {
  const downloads: string[] = [];
  page.on('request', (r) => /\/data\/gongkai\.sqlite/.test(r.url()) && downloads.push(new URL(r.url()).pathname.split('/').pop()!));
  await openView(page, '#/overview');
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText('5');
  expect(downloads).toEqual(['gongkai.sqlite.gz']);

  // A browser without DecompressionStream (Safari before 16.4): a new page where it is missing.
  const old = await page.context().newPage();
  const plain: string[] = [];
  old.on('request', (r) => /\/data\/gongkai\.sqlite/.test(r.url()) && plain.push(new URL(r.url()).pathname.split('/').pop()!));
  await old.addInitScript(() => delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream);
  await openView(old, '#/overview');
  await expect(old.locator('[data-figure="reports"] dd')).toHaveText('5');
  expect(plain).toEqual(['gongkai.sqlite']);
});

test('a year filter changes the figures to the values in the database', async ({ page }) => {
  await openView(page, '#/overview');
  await page.locator('input[data-year="2021"]').check();
  await expect(page).toHaveURL(/years=2021/);
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText('1');
  await expect(page.locator('[data-figure="received"] dd')).toHaveText('0');
  await page.locator('input[data-year="2022"]').check();
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText('4');
  await expect(page.locator('[data-figure="received"] dd')).toHaveText('1');
});

test('reloading a deep link restores the view', async ({ page }) => {
  await openView(page, '#/overview?years=2022&province=%E6%B2%B3%E5%8D%97%E7%9C%81');
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText('2');
  await page.reload();
  await expect(page.getByRole('status')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText('2');
  await expect(page.locator('select[name="province"]')).toHaveValue('河南省');
  // The districts offered are the chosen province's (a city's once one is chosen); before either, none.
  const districts = page.locator('select[name="district"] option');
  await expect(districts).toHaveText(['全部', '卫东区', '湛河区', '牧野区', '西工区']);
  await page.locator('select[name="city"]').selectOption('平顶山市');
  await expect(districts).toHaveText(['全部', '卫东区', '湛河区']);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.locator('select[name="district"]')).toBeDisabled();
  await expect(districts).toHaveText(['先选省份或城市']);
});

test('a chart shows as a table and exports exactly its rows as CSV', async ({ page }) => {
  await openView(page, '#/overview');
  const chart = page.locator('[data-chart="applications-by-year"]');
  await chart.getByRole('button', { name: '以表格显示' }).click();
  await expect(chart.locator('tbody tr')).toHaveCount(3);
  const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: '导出 CSV' }).click()]);
  const csv = (await (await download.createReadStream()).toArray()).join('');
  expect(csv.replace(/^\ufeff/, '').trim().split(/\r?\n/)).toEqual(['年度,本年新收,办结总计,年度报告', '2021,0,0,1', '2022,1,1,3', '2024,0,0,1']);
});

test('a 375-px phone shows the overview without horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openView(page, '#/overview');
  await expect(page.locator('[data-chart="top-offices"] rect.mark')).toHaveCount(1);
  await expectNoHorizontalScroll(page);
  await shoot(page, 'overview-375');
});

test('the language switch turns the interface to English and back', async ({ page }) => {
  await openView(page, '#/overview');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Overview');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('总览');
});

test('a failed download says so and offers a retry', async ({ page }) => {
  await page.route('**/data/gongkai.sqlite*', (route) => route.fulfill({ status: 500, body: 'boom' }));
  await page.goto('./#/overview');
  await expect(page.getByRole('alert')).toContainText('HTTP 500');
  await page.unroute('**/data/gongkai.sqlite*');
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText('5', { timeout: 20_000 });
});
