/**
 * A collection published in parts (issue 16): 600 synthetic reports of offices across the
 * country, built and split (--parts always) as build:data does, served in place of the bundled
 * database. The overview draws from the summary alone; an office page fetches its province's one
 * part and shows its figures; the SQL box says which parts are loaded.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import { buildDatabase } from '../../scripts/lib/build-database';
import { loadDivisions } from '../../scripts/lib/divisions';
import { buildAndPublish } from '../../scripts/lib/publish-database';
import { LARGELY_SAME } from '../../src/lib/analysis/similarity';
import type { Manifest } from '../../src/lib/db/client';
import { openView, serveDatabase } from './helpers';
import { syntheticCollection } from '../helpers/synthetic-collection';

const DIR = 'test-results/e2e-parts';
const OFFICES = 300;
const YEARS = [2022, 2023];

test.describe.configure({ mode: 'serial' });

let db: Database;
let manifest: Manifest;
test.beforeAll(async () => {
  test.setTimeout(300_000);
  const files = syntheticCollection({ seed: 16_4, offices: OFFICES, years: YEARS });
  const { database, summary } = await buildDatabase({ files, divisions: loadDivisions() });
  rmSync(DIR, { recursive: true, force: true });
  ({ manifest } = await buildAndPublish({ files, divisions: loadDivisions(), out: join(DIR, 'gongkai.sqlite'), extra: { source: 'synthetic' }, parts: 'always' }));
  expect(manifest.reports).toBe(summary.parsed - summary.duplicates);
  db = new (await initSqlJs()).Database(database);
});

/** Every database file the page asks for, by name. */
function countRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop()!;
    if (/^gongkai\./.test(file)) asked.push(file);
  });
  return asked;
}

test('the overview draws from the summary alone', async ({ page }) => {
  expect(manifest.parts!.length).toBeGreaterThan(5);
  await serveDatabase(page, DIR);
  const asked = countRequests(page);
  await openView(page, '#/overview');
  await expect(page.locator('[data-chart="applications-by-year"] rect.mark')).not.toHaveCount(0);
  await expect(page.locator('[data-chart="top-offices"] rect.mark')).not.toHaveCount(0);
  expect(asked.filter((f) => f.includes('.part-'))).toEqual([]);
  expect(asked).toEqual(['gongkai.json', 'gongkai.sqlite.gz']);
});

test('an office page fetches its province’s one part and shows its figures', async ({ page }) => {
  // An office whose latest count of new applications is small (no thousands separator to format),
  // and whose texts copy no other province's report: showing both texts of such a copy would
  // fetch that province's part too; and whose latest report (the one shown) has findings.
  const [[officeId, province, value, sourcePath, findings]] = db.exec(`
    SELECT r.office_id, r.province, f.value, r.source_path, (SELECT COUNT(*) FROM findings fd WHERE fd.report_id = r.report_id) AS n
    FROM figures f JOIN reports r USING (report_id)
    WHERE f.row_key = 'newReceived' AND f.column_key = 'total' AND f.value BETWEEN 1 AND 999 AND r.province IS NOT NULL
      AND r.year = (SELECT MAX(year) FROM reports x WHERE x.office_id = r.office_id) AND n > 0
      AND NOT EXISTS (SELECT 1 FROM similarities s JOIN reports a ON a.report_id = s.report_id JOIN reports b ON b.report_id = s.other_report_id
                      WHERE a.office_id = r.office_id AND s.score >= ${LARGELY_SAME} AND b.province IS NOT a.province)
    ORDER BY r.report_id LIMIT 1`)[0].values as [string, string, number, string, number][];
  const part = manifest.parts!.find((p) => p.provinces.includes(province))!;
  await serveDatabase(page, DIR);
  const asked = countRequests(page);
  await openView(page, `#/office/${officeId}`);
  await expect(page.locator(`button[aria-label="一、本年新收政府信息公开申请数量 · 总计: ${value}"]`).first()).toBeVisible({ timeout: 20_000 });
  // Its report's file and findings drawn from its part, which carries them: no file of the summary's extras.
  await expect(page.getByTestId('report-file')).toContainText(sourcePath);
  await expect(page.getByTestId('office-finding')).toHaveCount(findings);
  expect(asked).toEqual(['gongkai.json', 'gongkai.sqlite.gz', part.gzip!.file]);

  // The SQL box says which part is loaded, and its query sees that part's rows.
  await page.evaluate(() => (location.hash = '#/data')); // the same page: a reload would start with no part
  await expect(page.getByTestId('sql-parts')).toContainText(`已载入 1 / ${manifest.parts!.length} 块（${province}）`);
  const rows = Number(db.exec('SELECT COUNT(*) FROM numbers WHERE report_id IN (SELECT report_id FROM reports WHERE province = ?)', [province])[0].values[0][0]);
  expect(rows).toBeGreaterThan(0);
  await page.locator('#sql-input').fill('SELECT COUNT(*) AS n FROM numbers');
  await page.getByTestId('sql-run').click();
  await expect(page.getByTestId('sql-result').locator('td')).toHaveText(String(rows));
  expect(readFileSync(join(DIR, part.gzip!.file)).length).toBe(part.gzip!.bytes);
});

test('the quality view fetches its own file and the findings of the summary’s extras, and no part', async ({ page }) => {
  await serveDatabase(page, DIR);
  const asked = countRequests(page);
  await openView(page, '#/quality');
  await expect(page.getByTestId('quality-report').first()).toBeVisible({ timeout: 20_000 });
  const withFindings = Number(db.exec('SELECT COUNT(*) FROM report_quality')[0].values[0][0]);
  expect(withFindings).toBeGreaterThan(0);
  expect(asked.filter((f) => f.includes('.part-'))).toEqual([]);
  expect(asked.slice(0, 2)).toEqual(['gongkai.json', 'gongkai.sqlite.gz']);
  // 600 reports, every one ranked first: no subset of the findings (schema.ts EXTRA_SUBSETS), which would weigh as much.
  expect(manifest.extras!.filter((e) => e.reports)).toEqual([]);
  expect(asked.slice(2).sort()).toEqual(['gongkai.findings.sqlite.gz', 'gongkai.quality.sqlite.gz']);
  // One page of 50 reports drawn at a time, the next on request, in the build's order.
  const ranked = db.exec('SELECT report_id FROM quality_reports ORDER BY rank LIMIT 100')[0].values.map(([id]) => String(id));
  expect(ranked.length).toBe(100);
  const shown = () => page.getByTestId('quality-report').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-report-id')));
  await expect.poll(shown).toEqual(ranked.slice(0, 50));
  await page.getByTestId('pager').first().locator('[data-page="next"]').click();
  await expect.poll(shown).toEqual(ranked.slice(50, 100));
});

test('the SQL box fetches only the extras its query reads, and queries what is loaded as it is loaded', async ({ page }) => {
  await serveDatabase(page, DIR);
  const asked = countRequests(page);
  await openView(page, '#/data');
  // Each query answers its name and a count: a result is told from the one before it.
  const expectCount = async (name: string, from: string, expected: string) => {
    await page.locator('#sql-input').fill(`SELECT '${name}' AS what, COUNT(*) AS n FROM ${from}`);
    await page.getByTestId('sql-run').click();
    await expect(page.getByTestId('sql-result').locator('td')).toHaveText([name, expected]);
  };
  const count = (from: string) => String(db.exec(`SELECT COUNT(*) FROM ${from}`)[0].values[0][0]);
  // No part loaded: the detail tables are empty.
  await expectCount('numbers', 'numbers', '0');
  // A column of the extras (the core holds ''): their file merged first.
  await expectCount('sources', "reports WHERE source_path <> ''", count('reports'));
  // Every file read once the query names them (the core keeps the refused ones only).
  expect(asked).not.toContain('gongkai.files.sqlite.gz');
  await expectCount('files', 'files', count('files'));
  expect(asked).toContain('gongkai.files.sqlite.gz');
  expect(asked).not.toContain('gongkai.quality.sqlite.gz');
  await expectCount('quality', 'quality_reports', count('quality_reports'));
  expect(asked).toContain('gongkai.quality.sqlite.gz');
  expect(asked.filter((f) => f.includes('.part-'))).toEqual([]);

  // A part merged since the box's copy was made: the next query sees it, as the note says.
  const [[officeId, province]] = db.exec('SELECT office_id, province FROM reports WHERE province IS NOT NULL ORDER BY report_id LIMIT 1')[0].values as [string, string][];
  await page.evaluate((id) => (location.hash = `#/office/${encodeURIComponent(id)}`), officeId);
  await expect.poll(() => asked.filter((f) => f.includes('.part-')).length, { timeout: 20_000 }).toBeGreaterThan(0);
  await page.evaluate(() => (location.hash = '#/data'));
  await expect(page.getByTestId('sql-parts')).toContainText(`（${province}）`);
  const loaded = manifest.parts!.filter((p) => asked.includes(p.gzip!.file)).flatMap((p) => p.provinces);
  expect(loaded).toContain(province);
  const rows = count(`numbers WHERE report_id IN (SELECT report_id FROM reports WHERE province IN (${loaded.map((p) => `'${p}'`).join(', ')}))`);
  expect(Number(rows)).toBeGreaterThan(0);
  await expectCount('numbers', 'numbers', rows);
});

test('the problems view asks for a province before downloading every part, then fetches only its parts', async ({ page }) => {
  await serveDatabase(page, DIR);
  const asked = countRequests(page);
  await openView(page, '#/problems');
  await expect(page.getByTestId('parts-choice')).toContainText(`全部 ${manifest.parts!.length} 块`);
  expect(asked.filter((f) => f.includes('.part-'))).toEqual([]);
  const province = manifest.parts!.find((p) => p.provinces[0] !== null)!.provinces[0]!;
  await page.evaluate((p) => (location.hash = `#/problems?province=${encodeURIComponent(p)}`), province);
  await expect(page.getByTestId('problem-count')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('parts-choice')).toHaveCount(0);
  const ofProvince = manifest.parts!.filter((p) => p.provinces.includes(province)).map((p) => p.gzip!.file);
  expect([...new Set(asked.filter((f) => f.includes('.part-')))].sort()).toEqual(ofProvince.sort());
});
