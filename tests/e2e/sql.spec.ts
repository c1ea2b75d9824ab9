import { expect, test, type Page } from '@playwright/test';
import { openView, shoot } from './helpers';

/**
 * The SQL box runs a reader's SQL in a worker of its own: a query without end is cancelled or
 * stopped by the time limit, and the app's own queries go on meanwhile. The interface is in
 * Chinese (the default language), so the messages are checked in Chinese.
 */
const RUNAWAY = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c';

async function runSql(page: Page, sql: string) {
  await page.getByTestId('sql-input').fill(sql);
  await page.getByTestId('sql-run').click();
}

test('a runaway query is cancelled, the app answers meanwhile, and the overview still draws', async ({ page }) => {
  const downloads: string[] = [];
  page.on('request', (r) => /\/data\/gongkai\.sqlite/.test(r.url()) && downloads.push(r.url()));
  await openView(page, '#/data');
  await expect(page.getByTestId('reports-row')).toHaveCount(5);
  await runSql(page, RUNAWAY);
  await expect(page.getByTestId('sql-running')).toContainText('10 秒');
  // The reports table is the app's own query: it answers while the runaway query runs.
  await page.locator('input[data-year="2022"]').check();
  await expect(page.getByTestId('reports-row')).toHaveCount(3);
  await expect(page.getByTestId('sql-running')).toBeVisible();
  await shoot(page, 'sql-running');
  await page.getByTestId('sql-cancel').click();
  await expect(page.getByTestId('sql-stopped')).toHaveText('查询已取消。');
  await expect(page.getByTestId('sql-running')).toHaveCount(0);
  // The next query starts a fresh worker and answers.
  await runSql(page, 'SELECT COUNT(*) AS n FROM reports');
  await expect(page.getByTestId('sql-result').locator('tbody tr')).toHaveText('5');
  // Its copy of the database came from the app's worker, not from a second download.
  expect(downloads).toHaveLength(1);
  await openView(page, '#/overview');
  await expect(page.locator('[data-chart="applications-by-year"] rect.mark')).toHaveCount(6);
});

test('the time limit stops a runaway query (?timeout=1), and the next query runs', async ({ page }) => {
  await openView(page, '#/data?timeout=1');
  await expect(page.getByTestId('sql-time-limit')).toHaveValue('1');
  await runSql(page, RUNAWAY);
  await expect(page.getByTestId('sql-running')).toContainText('1 秒');
  await expect(page.getByTestId('sql-stopped')).toContainText('查询运行超过 1 秒，已停止', { timeout: 10_000 });
  await runSql(page, "SELECT 'again' AS x");
  await expect(page.getByTestId('sql-result').locator('tbody tr')).toHaveText('again');
  // The limit is set in the page too; the default is not written to the address.
  await page.getByTestId('sql-time-limit').fill('30');
  await page.getByTestId('sql-time-limit').blur();
  await expect(page).toHaveURL(/timeout=30/);
  await page.getByTestId('sql-time-limit').fill('10');
  await page.getByTestId('sql-time-limit').blur();
  await expect(page).not.toHaveURL(/timeout=/);
});

test('SQLite judges the statements: a quoted semicolon and comments run, a write is refused, data intact', async ({ page }) => {
  await openView(page, '#/data');
  const result = page.getByTestId('sql-result');
  await runSql(page, "SELECT ';' AS s");
  await expect(result.locator('tbody td')).toHaveText(';');
  await runSql(page, '-- note\nSELECT COUNT(*) AS n FROM reports /* all */');
  await expect(result.locator('tbody td')).toHaveText('5');
  await runSql(page, 'DELETE FROM reports');
  await expect(page.getByTestId('sql-error')).toContainText('attempt to write a readonly database');
  await runSql(page, 'PRAGMA query_only = OFF');
  await expect(page.getByTestId('sql-error')).toHaveCount(0);
  await runSql(page, 'DELETE FROM reports');
  await expect(page.getByTestId('sql-error')).toContainText('attempt to write a readonly database');
  await runSql(page, 'SELECT 1; DELETE FROM reports');
  await expect(page.getByTestId('sql-error')).toHaveText('一次只能运行一条语句：请删去其余的语句。');
  await runSql(page, 'SELECT COUNT(*) AS n FROM reports');
  await expect(result.locator('tbody td')).toHaveText('5');
  await expect(page.getByTestId('reports-row')).toHaveCount(5);
});

test('a ?sql= link shows the query but runs it only on a click', async ({ page }) => {
  const sql = 'SELECT COUNT(*) AS n FROM reports';
  await openView(page, `#/data?sql=${encodeURIComponent(sql)}`);
  await expect(page.getByTestId('sql-input')).toHaveValue(sql);
  await expect(page.getByTestId('sql-from-link')).toBeVisible();
  // Drawn (the schema comes from the app's worker) and nothing ran: no SQL worker was started.
  await expect(page.getByTestId('sql-schema')).toBeVisible();
  expect(page.workers()).toHaveLength(1);
  await expect(page.getByTestId('sql-result')).toHaveCount(0);
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-result').locator('tbody td')).toHaveText('5');
  await expect(page.getByTestId('sql-from-link')).toHaveCount(0);
  expect(page.workers()).toHaveLength(2);
});
