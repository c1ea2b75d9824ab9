import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_CORPUS_DIR, diffAgainstTruth } from '../helpers/corpus';
import { fillTemplate } from '../helpers/publish';
import { seedCase } from '../helpers/published-cases';
import { expectNoHorizontalScroll, openView, shoot } from './helpers';

/**
 * "Check a report": files picked through the page's file chooser are read and parsed in the page,
 * against the bundled database. Real files: the corpus's PDF (read in place from ../shared) and
 * the official blank template filled with seed 002's numbers (劳动街道 2022, which the bundled
 * database holds, so the view finds the office and the same numbers).
 */
const PDF = join(SHARED_CORPUS_DIR, 'hongze-2023.pdf');
const TEMPLATE = join(SHARED_CORPUS_DIR, 'template-2021-blank.docx');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function pick(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('选择文件').click()]);
  await chooser.setFiles(file);
}

/** The figure button of a table cell, by its row and column labels and its value. */
const cell = (page: Page, row: string, column: string, value: string) => page.getByRole('button', { name: `${row} · ${column}: ${value}`, exact: true });

async function downloadedRecord(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('check-download').click()]);
  return JSON.parse((await (await download.createReadStream()).toArray()).join(''));
}

test.describe('with the shared corpus', () => {
  test.skip(!existsSync(PDF), '../shared/corpus is not beside the project');

  test('a PDF picked in the page is read there: its figures, checks and record match its truth', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openView(page, '#/check');
    await pick(page, PDF);
    await expect(page.getByTestId('check-result')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('check-office')).toHaveText('洪泽区人民政府');
    await expect(page.getByTestId('check-year')).toHaveText('2023');
    await expect(page.getByTestId('check-result')).toContainText('hongze-2023.pdf');
    // Figures as the tables show them (the truth: 21 new applications, 10 reviews upheld).
    await expect(cell(page, '一、本年新收政府信息公开申请数量', '总计', '21')).toBeVisible();
    await expect(cell(page, '行政复议', '结果维持', '10')).toBeVisible();
    // A figure clicked shows the line of the text it was read from.
    await cell(page, '一、本年新收政府信息公开申请数量', '总计', '21').click();
    await expect(page.locator('.evidence .where')).toContainText('出自原文第');
    await expect(page.locator('.evidence .quote')).toContainText('21');
    // The report's own checks: this PDF does not add up in table 四 (as printed), and says so.
    await expect(page.getByTestId('check-result')).toContainText('对不上');
    // The finding states each side with its own value: the four results add up to 11, the total says 0.
    await expect(page.getByTestId('check-finding').filter({ hasText: '行政复议' })).toContainText('数字对不上（行政复议）：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 11，但总计 = 0。');
    // The record downloaded is the report's truth, field for field.
    const truth = JSON.parse(readFileSync(join(SHARED_CORPUS_DIR, 'hongze-2023.truth.json'), 'utf8'));
    expect(diffAgainstTruth(await downloadedRecord(page), truth)).toEqual([]);
    // Not in the bundled database: said so.
    await expect(page.getByTestId('check-db-absent')).toBeVisible();
    await shoot(page, 'check-pdf');
    expect(errors).toEqual([]);
  });

  test('a filled Word template is read: the office is found in the database with the same numbers', async ({ page }) => {
    const { truth, report } = seedCase('002_c3699d8ca2ce9b9a');
    const buffer = Buffer.from(fillTemplate(new Uint8Array(readFileSync(TEMPLATE)), report));
    await openView(page, '#/check');
    await pick(page, { name: '劳动街道2022年报.docx', mimeType: DOCX, buffer });
    await expect(page.getByTestId('check-result')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('check-office')).toHaveText(truth.office);
    await expect(page.getByTestId('check-year')).toHaveText(String(truth.year));
    const received = String(truth.applications.newReceived.total);
    await expect(cell(page, '一、本年新收政府信息公开申请数量', '总计', received)).toBeVisible();
    await expect(page.getByTestId('check-db-found')).toContainText('劳动街道');
    await expect(page.getByTestId('check-db-same-year')).toContainText('完全相同');
    // This file's row beside the database's years.
    await expect(page.getByTestId('check-db-table').locator('tr[data-mine="true"]')).toContainText(received);
    expect(diffAgainstTruth(await downloadedRecord(page), truth)).toEqual([]);
    // The link leads to the office's page.
    await page.getByTestId('check-db-link').click();
    await expect(page).toHaveURL(/#\/office\/420102009\?year=2022/);
  });
});

test('a file that is not a report, and a broken PDF, say why, naming the file', async ({ page }) => {
  await openView(page, '#/check');
  await pick(page, { name: 'shopping-list.txt', mimeType: 'text/plain', buffer: Buffer.from('苹果 3 个\n梨 2 个\n牛奶 1 瓶\n') });
  await expect(page.getByTestId('check-failed')).toContainText('无法读取 shopping-list.txt');
  await expect(page.getByTestId('check-failed')).toContainText('这不是政府信息公开工作年度报告');
  await pick(page, { name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nthis is not really a pdf') });
  await expect(page.getByTestId('check-failed')).toContainText('无法读取 broken.pdf');
  await expect(page.getByTestId('check-failed')).toContainText('文件已损坏');
  await pick(page, { name: 'report.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) });
  await expect(page.getByTestId('check-failed')).toContainText('不支持这种文件类型');
});

test('a report in plain text on a 375-px phone: charts fit, no horizontal scroll', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openView(page, '#/check');
  await pick(page, { name: '000.txt', mimeType: 'text/plain', buffer: readFileSync('tests/fixtures/seeds/000_20342ef31a6ba026.txt') });
  await expect(page.getByTestId('check-result')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('check-themes')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await shoot(page, 'check-375');
});
