import { expect, test } from '@playwright/test';
import { openView, serveDatabase } from './helpers';

/**
 * Report texts are untrusted input. This test serves a database built from a report
 * whose section 五 carries <script> and <img onerror> (tests/fixtures/e2e/reports/script-in-text.txt; built
 * by `npm run test:e2e` into test-results/e2e-data).
 */
const DATA = 'test-results/e2e-data';

test.beforeEach(async ({ page }) => {
  await serveDatabase(page, DATA);
});

test('a report text containing <script> renders as text, and nothing runs', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
  await openView(page, '#/problems?q=%E6%A0%87%E7%AD%BE');
  const hit = page.getByTestId('problem-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText('<script>window.__xss = 1</script>');
  await expect(hit).toContainText('<img src=x onerror="window.__xss = 2">');
  await expect(hit.locator('script, img, b')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
