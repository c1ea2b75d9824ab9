import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemThemes } from '../../src/lib/analysis/problems';
import { parseReport } from '../../src/lib/report';
import { openView, serveDatabase, shoot } from './helpers';

/**
 * Texts far longer than any report (issue 13): a 30 MB text used to freeze "check a report" for
 * good and a stored 5 MB report its office page for seconds, because every line of the source
 * text became an element. The files are generated here (a real seed report and lines of filler),
 * not committed. Times are printed, not asserted: the tests' timeouts are the bound.
 */
const DIR = 'test-results/long-texts';
const SEED = readFileSync('tests/fixtures/seeds/000_20342ef31a6ba026.txt', 'utf8');
/** The seed's own record: where its figures were read (the big files begin with the seed, so the lines are the same). */
const SEED_SOURCES = parseReport(SEED).sources;
const RECEIVED = 'applications.newReceived.total';
/** Few rows are drawn however long the text: a box of 70vh shows some 40. */
const FEW = 500;

/** `bytes` of numbered filler lines after the seed report. */
function seedWithFiller(bytes: number): string {
  const lines: string[] = [];
  let n = 0;
  for (let i = 1; n < bytes; i++) {
    const line = `附录第${i}行：本行只为测试页面面对很长的文本时仍然可用。`;
    lines.push(line);
    n += Buffer.byteLength(line) + 1;
  }
  return `${SEED}\n${lines.join('\n')}`;
}

function writeFile(name: string, text: string): string {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, name);
  writeFileSync(path, text);
  return path;
}

async function pick(page: Page, path: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('选择文件').click()]);
  await chooser.setFiles(path);
}

const lineElements = (page: Page) => page.evaluate(() => document.querySelectorAll('li[data-line]').length);
const rowElements = (page: Page) => page.evaluate(() => document.querySelectorAll('li[data-line] .row').length);

/** The selected figure's line: highlighted, the one the record names, and inside the text box's visible part. */
async function expectLineShown(page: Page, line: number) {
  const hit = page.locator('li[data-line][aria-current="true"]');
  await expect(hit).toHaveCount(1);
  await expect(hit).toHaveAttribute('data-line', String(line));
  await expect(page.locator('.evidence .where')).toContainText(`出自原文第 ${line} 行`);
  await expect
    .poll(async () => {
      const [box, li] = await Promise.all([page.getByTestId('source-text').boundingBox(), hit.boundingBox()]);
      return !!box && !!li && li.y >= box.y - 1 && li.y + Math.min(li.height, 18) <= box.y + box.height + 1;
    })
    .toBe(true);
}

test.describe('check a report', () => {
  test.setTimeout(120_000);

  // 12 MB of this text is 4.8 million characters: under both the page's 20 MB and the readers'
  // 5,000,000-character limit (src/lib/formats/limits.ts), the longest text the page reads.
  test('a 12 MB text (a report and 150,000 lines of filler) is read, drawn with few elements, and its figures lead to their lines', async ({ page }) => {
    const text = seedWithFiller(12 * 1024 * 1024);
    expect(text.length).toBeLessThan(5_000_000);
    const total = text.split('\n').length;
    const path = writeFile('report-and-filler-12mb.txt', text);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openView(page, '#/check');
    const started = Date.now();
    await pick(page, path);
    await expect(page.getByTestId('check-reading')).toContainText('report-and-filler-12mb.txt');
    await expect(page.getByTestId('check-result')).toBeVisible({ timeout: 90_000 });
    const shown = Date.now() - started;
    await expect(page.getByTestId('check-office')).toHaveText('轻工路街道办事处');
    await expect(page.getByTestId('source-text-position')).toContainText(`共 ${total.toLocaleString('en-US')} 行`);
    const lines = await lineElements(page);
    expect(lines).toBeGreaterThan(0);
    expect(lines).toBeLessThan(FEW);
    // A figure clicked scrolls the box to its line and highlights it.
    await page.getByRole('button', { name: /^一、本年新收政府信息公开申请数量 · 总计: / }).click();
    await expectLineShown(page, SEED_SOURCES[RECEIVED]);
    // The keyboard reaches the end of the text: its last line is drawn, still with few elements.
    await page.getByTestId('source-text').focus();
    await page.keyboard.press('End');
    const last = page.locator('li[data-line]').last();
    await expect(last).toContainText('本行只为测试页面面对很长的文本时仍然可用');
    await expect(last).toHaveAttribute('data-line', String(total));
    await expect(page.getByTestId('source-text-position')).toContainText(`–${total.toLocaleString('en-US')} 行，共 ${total.toLocaleString('en-US')} 行`);
    expect(await lineElements(page)).toBeLessThan(FEW);
    console.log(`check view, 12 MB text of ${total} lines: result in ${shown} ms, ${lines} line elements drawn`);
    expect(errors).toEqual([]);
  });

  test('a 30 MB text is refused before it is read, naming the file and the limit', async ({ page }) => {
    const path = writeFile('report-and-filler-30mb.txt', seedWithFiller(30 * 1024 * 1024));
    await openView(page, '#/check');
    await expect(page.getByTestId('check-drop')).toContainText('文件最大 20.0 MB');
    const started = Date.now();
    await pick(page, path);
    await expect(page.getByTestId('check-failed')).toContainText('无法读取 report-and-filler-30mb.txt');
    await expect(page.getByTestId('check-failed')).toContainText('文件太大（30.0 MB）：这里最多读取 20.0 MB 的文件');
    console.log(`check view, 30 MB text: refused in ${Date.now() - started} ms`);
    // A file within the limit is read after it.
    await pick(page, 'tests/fixtures/seeds/000_20342ef31a6ba026.txt');
    await expect(page.getByTestId('check-result')).toBeVisible({ timeout: 30_000 });
  });

  test('a 5 MB text on one line, on a 375-px phone, is cut into rows: few elements, the figure on line 1', async ({ page }) => {
    // The seed flattened onto one line, then 5 MB more of the same line: a crawler's dump gone long.
    const path = writeFile('one-line-5mb.txt', `${SEED.replace(/\s*\n\s*/g, ' ')} ${'公开'.repeat(1024 * 1024)}`);
    await page.setViewportSize({ width: 375, height: 800 });
    await openView(page, '#/check');
    const started = Date.now();
    await pick(page, path);
    await expect(page.getByTestId('check-result').or(page.getByTestId('check-failed'))).toBeVisible({ timeout: 90_000 });
    const shown = Date.now() - started;
    await expect(page.getByTestId('check-result')).toBeVisible();
    await expect(page.getByTestId('source-text-position')).toContainText('第 1–1 行，共 1 行');
    const rows = await rowElements(page);
    expect(await lineElements(page)).toBe(1);
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(FEW);
    await page.getByRole('button', { name: /^一、本年新收政府信息公开申请数量 · 总计: / }).click();
    await expectLineShown(page, 1);
    // The end of the line is reached by the keyboard, and is drawn without the start.
    await page.getByTestId('source-text').focus();
    await page.keyboard.press('End');
    await expect(page.locator('li[data-line="1"] .row').last()).toHaveText(/^[公开]+$/);
    await expect(page.locator('li[data-line="1"] .row').first()).toHaveText(/^[公开]+$/);
    expect(await rowElements(page)).toBeLessThan(FEW);
    await shoot(page, 'check-one-line-375');
    console.log(`check view, 5 MB one-line text at 375 px: result in ${shown} ms, ${rows} row elements drawn`);
  });
});

test('check a report: a section 五 of 50,000 problem sentences is classified off the page’s thread and drawn 200 at a time', async ({ page }) => {
  test.setTimeout(120_000);
  const sentences = Array.from({ length: 50_000 }, (_, i) => `第${i + 1}个科室队伍建设薄弱，人员专业水平一般。`).join('\n');
  const at = SEED.indexOf('改进情况：');
  const text = `${SEED.slice(0, at)}${sentences}\n${SEED.slice(at)}`;
  const path = writeFile('many-problems.txt', text);
  // The same classifier in Node: how many distinct sentences the page must list.
  const total = new Set(problemThemes(parseReport(text).sections.problems).map((h) => h.sentence)).size;
  expect(total).toBeGreaterThan(50_000);
  await openView(page, '#/check');
  const started = Date.now();
  await pick(page, path);
  await expect(page.getByTestId('check-result')).toBeVisible({ timeout: 90_000 });
  const shown = Date.now() - started;
  const items = page.getByTestId('check-theme-sentence');
  await expect(items).toHaveCount(200);
  await expect(items.first()).toContainText('队伍建设薄弱');
  // The seed's own sentences and the 50,000: a button draws the next 200.
  const more = page.getByRole('button', { name: `再显示 200 句（共 ${total} 句）` });
  await more.click();
  await expect(items).toHaveCount(400);
  // Section 五's full text is a box of lines.
  await page.getByText('第五部分全文').click();
  await expect(page.getByRole('region', { name: /^第五部分原文，共 5\d,\d{3} 行$/ })).toBeVisible();
  expect(await lineElements(page)).toBeLessThan(FEW);
  console.log(`check view, section 五 of 50,000 problem sentences: result in ${shown} ms`);
});

test.describe('stored 5 MB reports', () => {
  const DATA = join(DIR, 'data');
  test.setTimeout(120_000);

  test.beforeAll(() => {
    // A database of its own, built as the site's data is: the seed office's 2022 and 2023 reports,
    // each with 5 MB of filler lines inside section 五 (so its text and the copy between the
    // years are long too); 2023 changes filler line 3.
    const reports = join(DIR, 'reports');
    rmSync(reports, { recursive: true, force: true });
    mkdirSync(reports, { recursive: true });
    const at = SEED.indexOf('六、其他需要报告的事项');
    const filler = seedWithFiller(5 * 1024 * 1024).slice(SEED.length + 1);
    const report2022 = `${SEED.slice(0, at)}${filler}\n\n${SEED.slice(at)}`;
    const seed2023 = SEED.replaceAll('2022', '2023');
    const report2023 = `${seed2023.slice(0, at)}${filler.replace('附录第3行：', '附录第3行：这一行改过，')}\n\n${seed2023.slice(at)}`;
    writeFileSync(join(reports, 'long-2022.txt'), report2022);
    writeFileSync(join(reports, 'long-2023.txt'), report2023);
    execFileSync('npx', ['tsx', 'scripts/build-data.ts', '--reports', reports, '--out', join(DATA, 'gongkai.sqlite'), '--offices', 'none'], { stdio: 'ignore' });
  });

  test('the office page opens on a figure’s line and compares the long sections side by side, drawing few elements', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await serveDatabase(page, DATA);
    const started = Date.now();
    await openView(page, `#/office/410411005?year=2023&figure=${RECEIVED}`);
    await expect(page.getByRole('heading', { level: 2 })).toContainText('轻工路街道办事处');
    await expectLineShown(page, SEED_SOURCES[RECEIVED]);
    const shown = Date.now() - started;
    await expect(page.getByTestId('source-text-position')).toContainText(/共 \d{2},\d{3} 行/);
    // Section 五's own text is a box of lines too.
    await expect(page.getByRole('region', { name: /^第五部分原文，共 \d{2},\d{3} 行$/ })).toBeVisible();
    // The copy of 2022's section 五, side by side in boxes of lines: the words 2023 added are marked.
    const copy = page.locator('[data-testid="office-copy"][data-section="problems"]');
    if ((await copy.getAttribute('open')) === null) await copy.locator('summary').click();
    await expect(copy.locator('.lines ins')).toHaveText('这一行改过，');
    await expect(copy.locator('.lines del')).toHaveCount(0);
    await expect(copy.locator('li[data-line]', { hasText: '附录第3行：这一行改过，本行' })).toHaveCount(1);
    const lines = await lineElements(page);
    expect(lines).toBeLessThan(FEW);
    console.log(`office page, stored 5 MB reports: figure's line shown in ${shown} ms; ${lines} line elements drawn in all with the side-by-side copy open`);
    expect(errors).toEqual([]);
  });
});
