import { expect, test, type Download } from '@playwright/test';
import { expectNoHorizontalScroll, openView, shoot, serveDatabase } from './helpers';

/**
 * The quality view, the office page's quality, rates and themes, the problem themes and the rate
 * ranking, against the end-to-end database (tests/fixtures/e2e/reports, built by
 * `npm run test:e2e` into test-results/e2e-data): 核对测试办事处 2022 (12 applications, all refused
 * as repeated) and 2023 (a planted carry-over mismatch, a rewritten problem sentence, the rest copied).
 */
const DATA = 'test-results/e2e-data';
const OFFICE = '河南省新乡市牧野区/核对测试街道';
const IDENTITY = '数字对不上（“总计”列）：本年新收 + 上年结转 = 1，但（七）总计 + 结转下年度 = 0。';
const CARRY_OVER = '与上一年的报告接不上：2022 年结转下年度 = 0，但 2023 年上年结转 = 1。';
const IDENTITY_EN = 'Does not add up (column "total"): new applications + carried over from last year = 1, but (7) total handled + carried forward to next year = 0.';
const CARRY_OVER_EN = "Does not follow on from last year's report: carried forward to next year (2022) = 0, but carried over from last year (2023) = 1.";

test.beforeEach(async ({ page }) => {
  await serveDatabase(page, DATA);
});

const csvOf = async (download: Download) => (await (await download.createReadStream()).toArray()).join('').replace(/^\ufeff/, '').trim().split(/\r?\n/);

test('the quality view lists the report with findings, each explained in one sentence, and exports its rows', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openView(page, '#/quality');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('数字靠得住吗？');
  await expect(page.locator('[data-figure="reports"] dd')).toHaveText('3');
  await expect(page.locator('[data-figure="with-findings"] dd')).toHaveText('1');
  await expect(page.locator('[data-figure="high"] dd')).toHaveText('1');
  const report = page.getByTestId('quality-report');
  await expect(report).toHaveCount(1);
  await expect(report).toHaveAttribute('data-worst', 'high');
  await expect(report.getByRole('link')).toHaveText('核对测试办事处');
  const findings = report.getByTestId('quality-finding');
  await expect(findings).toHaveCount(5);
  await expect(findings.nth(1)).toContainText(IDENTITY);
  await expect(findings.nth(1)).toContainText('严重');
  await expect(report).toContainText(CARRY_OVER);
  // The summary by kind, with its table alternative.
  const chart = page.locator('[data-chart="quality-by-kind"]');
  await expect(chart.getByRole('button', { name: /表格算术对不上/ })).toBeVisible();
  await shoot(page, 'quality');

  // CSV: exactly the findings shown, one row each.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quality-csv').click()]);
  const lines = await csvOf(download);
  expect(lines).toHaveLength(1 + 5);
  expect(lines[0]).toBe('机关编号,机关,省份,城市,区县,年度,严重程度,问题类型,说明');
  expect(lines[2]).toContain(IDENTITY);

  // Severity in the URL narrows the list; a kind clicked in the chart too.
  await page.locator('select[name="severity"]').selectOption('medium');
  await expect(page).toHaveURL(/severity=medium/);
  await expect(page.getByTestId('quality-finding')).toHaveCount(3);
  await page.locator('select[name="severity"]').selectOption('');
  await chart.getByRole('button', { name: /与上一年接不上/ }).click();
  await expect(page).toHaveURL(/code=carry-over/);
  await expect(page.getByTestId('quality-finding')).toHaveCount(1);
  await expect(page.getByTestId('quality-finding')).toHaveText(new RegExp(CARRY_OVER.replace(/[()（）+]/g, '.')));

  // A year without findings says so.
  await openView(page, '#/quality?years=2022');
  await expect(page.getByTestId('quality-count')).toHaveText('所选报告中没有发现符合条件的问题。');

  // The link leads to the office page of that year.
  await openView(page, '#/quality');
  await page.getByTestId('quality-report').getByRole('link').click();
  await expect(page).toHaveURL(/#\/office\/.+year=2023/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('核对测试办事处');
  expect(errors).toEqual([]);
});

test('the office page shows its findings, its rates, its themes and the copied text side by side', async ({ page }) => {
  await openView(page, `#/office/${encodeURIComponent(OFFICE)}?year=2023`);
  const quality = page.getByTestId('office-quality');
  await expect(quality.getByTestId('office-finding')).toHaveCount(5);
  await expect(quality).toContainText(IDENTITY);
  await expect(quality).toContainText(CARRY_OVER);
  // In English, the same sentences made from the same sides.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(quality).toContainText(IDENTITY_EN);
  await expect(quality).toContainText(CARRY_OVER_EN);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(quality).toContainText(IDENTITY);

  // Copied from 2022: the two texts side by side, the differences marked as elements of text.
  const copies = quality.getByTestId('office-copy');
  await expect(copies).toHaveCount(2);
  const problems = quality.locator('[data-testid="office-copy"][data-section="problems"]');
  await problems.locator('summary').click();
  await expect(problems.locator('ins').filter({ hasText: '政务新媒体账号' })).toHaveCount(1);
  await expect(problems.locator('del').filter({ hasText: '时效性有待进一步提高' })).toHaveCount(1);
  await expect(problems.locator('summary')).toContainText('84.6%');

  // 2023 handled no application: no rate can be computed, and each says how it would be.
  const rates = page.getByTestId('office-rates');
  await expect(rates.locator('[data-rate="disclosure_rate"]')).toContainText('无可计算');
  await expect(rates.locator('[data-rate="disclosure_rate"]')).toContainText('（予以公开 + 部分公开）÷ 办结总计');

  // The themes it admits: the rewritten sentence, its phrase marked.
  const themes = page.getByTestId('office-themes');
  await expect(themes.getByTestId('office-theme-sentence').filter({ hasText: '政务新媒体账号' }).locator('mark').first()).toHaveText('新媒体');
  await expect(themes.locator('[data-chart] table')).toBeVisible();
  await shoot(page, 'office-quality');

  // 2022: the rates it has, from 12 applications.
  await openView(page, `#/office/${encodeURIComponent(OFFICE)}?year=2022`);
  await expect(page.getByTestId('office-rates').locator('[data-rate="rejection_rate"]')).toContainText('100%');
  await expect(page.getByTestId('office-rates').locator('[data-rate="rejection_rate"]')).toContainText('分母 12 件');
  await expect(page.getByTestId('office-quality')).toContainText('没有发现问题。');
});

test('problems: clicking a theme lists the sentences behind it, the trigger phrase marked', async ({ page }) => {
  await openView(page, '#/problems');
  const byYear = page.locator('[data-chart="themes-by-year"]');
  await expect(byYear.locator('thead th')).toHaveText([/主题/, /2022/, /2023/]);
  await byYear.locator('button[data-theme="platform"]').click();
  await expect(page).toHaveURL(/theme=platform/);
  const list = page.getByTestId('theme-sentences');
  await expect(list.getByTestId('theme-sentence')).toHaveCount(1);
  await expect(list.getByTestId('theme-sentence')).toContainText('政务新媒体账号更新不及时，部分栏目长期空白');
  await expect(list.locator('mark')).toHaveText('新媒体');
  await expect(list.getByRole('link')).toHaveText('核对测试办事处');
  await shoot(page, 'problems-themes');
  // A theme admitted in both years: the latest first.
  await openView(page, '#/problems?theme=form_channels');
  await expect(page.getByTestId('theme-sentence').first()).toContainText('2023');
  await page.getByTestId('theme-sentences').getByRole('button', { name: '收起' }).click();
  await expect(page.getByTestId('theme-sentences')).toHaveCount(0);
});

test('the overview ranks offices by a chosen rate, with its formula and the minimum of cases', async ({ page }) => {
  await openView(page, '#/overview');
  const ranking = page.getByTestId('rate-ranking');
  await expect(ranking.getByTestId('rate-formula')).toContainText('（予以公开 + 部分公开）÷ 办结总计');
  await expect(ranking.getByTestId('rate-minimum')).toContainText('至少有 10 件');
  // 脚本测试街道's one application is too few to rank.
  await expect(ranking.getByTestId('rate-minimum')).toContainText('另有 1 个机关');
  await ranking.locator('select[name="rate"]').selectOption('rejection_rate');
  await expect(page).toHaveURL(/rate=rejection_rate/);
  await expect(ranking.getByTestId('rate-formula')).toContainText('不予处理 ÷ 办结总计');
  await expect(ranking.getByRole('button', { name: /核对测试办事处.*100%.*12 件/ })).toBeVisible();
  await shoot(page, 'overview-rates');
});

for (const [name, hash] of [
  ['quality', '#/quality'],
  ['office-quality', `#/office/${encodeURIComponent(OFFICE)}?year=2023`],
  ['problems-themes', '#/problems?theme=platform'],
  ['overview-rates', '#/overview?rate=rejection_rate'],
] as const) {
  test(`a 375-px phone shows ${name} without horizontal scroll`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openView(page, hash);
    await page.waitForTimeout(300);
    await expectNoHorizontalScroll(page);
    await shoot(page, `${name}-375`);
  });
}
