import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, openView, shoot } from './helpers';

const csvOf = async (download: import('@playwright/test').Download) =>
  (await (await download.createReadStream()).toArray()).join('').replace(/^\ufeff/, '').trim().split(/\r?\n/);

test('the offices list leads to an office page', async ({ page }) => {
  await openView(page, '#/offices');
  await expect(page.getByTestId('office-row')).toHaveCount(5);
  await shoot(page, 'offices');
  await page.getByTestId('office-row').filter({ hasText: '劳动街道' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/#\/office\/420102009/);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('劳动街道');
});

// The list is drawn a page at a time (tests/e2e/large-lists.spec.ts); the CSV, as its button
// says, has every office that matches, in the order shown. Here all four fit on the one page.
test('CSV export of the offices list downloads every matching office, in the order shown', async ({ page }) => {
  await openView(page, '#/offices?province=%E6%B2%B3%E5%8D%97%E7%9C%81');
  const rows = page.getByTestId('office-row');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('csv-export')).toHaveText('导出全部 4 个机关（CSV）');
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-office-id')));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
  const lines = await csvOf(download);
  expect(lines).toHaveLength(1 + 4);
  // Each exported row names one of the offices shown, in the order shown.
  const names = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('a')?.textContent?.trim() ?? ''));
  lines.slice(1).forEach((line, i) => expect(line).toContain(names[i]));
  expect(shown).toHaveLength(4);
});

test('the data view: reports table with filters, and a CSV of every matching report', async ({ page }) => {
  await openView(page, '#/data?years=2022');
  await expect(page.getByTestId('reports-row')).toHaveCount(3);
  await expect(page.getByTestId('csv-export')).toHaveText('导出全部 3 份报告（CSV）');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()]);
  expect(await csvOf(download)).toHaveLength(1 + 3);
  await shoot(page, 'data');
});

test('the SQL box runs a SELECT, and SQLite refuses DROP TABLE', async ({ page }) => {
  await openView(page, '#/data');
  await page.getByTestId('sql-input').fill('SELECT office, year FROM reports ORDER BY year, office');
  await page.getByTestId('sql-run').click();
  const result = page.getByTestId('sql-result');
  await expect(result.locator('tbody tr')).toHaveCount(5);
  await expect(result.locator('tbody tr').first()).toContainText('洛北街道办事处');
  await expect(page).toHaveURL(/sql=SELECT/);
  await page.getByTestId('sql-input').fill('DROP TABLE reports');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-error')).toContainText('attempt to write a readonly database');
  // Still there.
  await page.getByTestId('sql-input').fill('SELECT COUNT(*) AS n FROM reports');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-result').locator('tbody tr')).toHaveText(/5/);
});

test('problems: full-text search with highlighted hits and links to the office', async ({ page }) => {
  await openView(page, '#/problems?q=%E5%85%AC%E5%BC%80');
  await expect(page.getByTestId('problem-hit').first()).toBeVisible();
  await expect(page.getByTestId('problem-hit').first().locator('mark').first()).toHaveText('公开');
  await shoot(page, 'problems');
});

for (const [name, hash] of [
  ['offices', '#/offices'],
  ['problems', '#/problems?q=%E5%85%AC%E5%BC%80'],
  ['data', '#/data'],
] as const) {
  test(`a 375-px phone shows ${name} without horizontal scroll`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openView(page, hash);
    await page.waitForTimeout(300);
    await expectNoHorizontalScroll(page);
    await shoot(page, `${name}-375`);
  });
}

test('office page: clicking a figure highlights its line in the original report', async ({ page }) => {
  await openView(page, '#/office/420102009');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('劳动街道');
  await page.getByRole('button', { name: '一、本年新收政府信息公开申请数量 · 总计: 1' }).click();
  await expect(page).toHaveURL(/figure=applications\.newReceived\.total/);
  const line = page.locator('li[data-line][aria-current="true"]');
  await expect(line).toHaveCount(1);
  await expect(line).toHaveText(/^94\s+1\s*$/); // line number, then the line: "1"
  // The line is the one the database names as the figure's source.
  await expect(line).toHaveAttribute('data-line', '94');
  await shoot(page, 'office');
  // A reload of the deep link selects the same figure.
  await page.reload();
  await expect(page.locator('li[data-line][aria-current="true"]')).toHaveAttribute('data-line', '94', { timeout: 20_000 });
});

test('compare: two offices side by side on the same scales', async ({ page }) => {
  await openView(page, '#/compare?ids=420102009,410711004');
  await expect(page.getByRole('main')).toContainText('劳动街道');
  await expect(page.getByRole('main')).toContainText('花园街道办事处');
  await expect(page.locator('[data-chart] svg').first()).toBeVisible();
  await shoot(page, 'compare');
});

for (const [name, hash] of [
  ['office', '#/office/420102009?figure=applications.newReceived.total'],
  ['compare', '#/compare?ids=420102009,410711004'],
] as const) {
  test(`a 375-px phone shows ${name} without horizontal scroll`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openView(page, hash);
    await page.waitForTimeout(300);
    await expectNoHorizontalScroll(page);
    await shoot(page, `${name}-375`);
  });
}
