import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../helpers/corpus';
import { openView, shoot } from './helpers';

/**
 * English is English: in the English interface the office and check views name the template's
 * rows, columns and sections in English — table headers, section headings, chart labels and CSV
 * header rows — leaving Chinese only where it is the report's own (office names, quoted text).
 * The language is in the URL and in <html lang>.
 */
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
const SEED = join(SEEDS_DIR, '002_c3699d8ca2ce9b9a.txt'); // 劳动街道 2022

/**
 * The texts of the view's headings, table headers and chart labels (not the office's name, an h2).
 * A term's "?" explanation is left out: it names the Chinese term on purpose ("Refused (不予公开)").
 */
async function labelsShown(page: Page): Promise<string[]> {
  return page
    .locator('main')
    .locator('h3, h4, th, figure.chart figcaption, .hbars .label, .hbars .group, .hbars .legend li, svg text.tick, .legend li, .mini-title')
    .evaluateAll((elements) =>
      elements.map((e) => {
        const copy = e.cloneNode(true) as Element;
        copy.querySelectorAll('.explain, .ask').forEach((x) => x.remove());
        return copy.textContent ?? ''; // SVG text has no innerText
      }),
    );
}

/** The header row of every CSV the view's Export CSV buttons give. */
async function csvHeaders(page: Page): Promise<string[]> {
  const headers: string[] = [];
  const buttons = page.getByRole('button', { name: 'Export CSV' });
  const n = await buttons.count();
  expect(n).toBeGreaterThan(2);
  for (let i = 0; i < n; i++) {
    const [download] = await Promise.all([page.waitForEvent('download'), buttons.nth(i).click()]);
    const text = (await (await download.createReadStream()).toArray()).join('');
    headers.push(text.replace(/^\ufeff/, '').split(/\r?\n/)[0]);
  }
  return headers;
}

/** Texts with Chinese left once the office's name (its own, not a label) is taken out. */
const OFFICE = '劳动街道';
const withCjk = (texts: string[]) => texts.filter((text) => CJK.test(text.split(OFFICE).join('')));

test('#/office in English: headers, headings, chart labels and CSV headers have no Chinese', async ({ page }) => {
  await openView(page, '#/office/420102009?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: '3. Applications for government information received and handled' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Natural persons' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: '1. New applications received this year' })).toBeVisible();
  const labels = await labelsShown(page);
  expect(labels.length).toBeGreaterThan(30);
  expect(labels).toContain('Administrative review');
  expect(withCjk(labels)).toEqual([]);
  const headers = await csvHeaders(page);
  expect(headers.some((h) => h.includes('Public-interest organisations'))).toBe(true);
  expect(withCjk(headers)).toEqual([]);
  // A figure's evidence names it in English too.
  await page.getByRole('button', { name: '1. New applications received this year · Total: 1' }).click();
  await expect(page.locator('.evidence .what')).toContainText('1. New applications received this year · Total');
  await shoot(page, 'office-english');
});

test('#/check in English: a report read in the page shows its tables in English', async ({ page }) => {
  await openView(page, '#/check?lang=en');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('choose a file').click()]);
  await chooser.setFiles(SEED);
  await expect(page.getByTestId('check-result')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('columnheader', { name: 'Upheld' }).first()).toBeVisible();
  const labels = await labelsShown(page);
  expect(labels.length).toBeGreaterThan(30);
  expect(withCjk(labels)).toEqual([]);
  const headers = await csvHeaders(page);
  expect(withCjk(headers)).toEqual([]);
  await shoot(page, 'check-english');
});

test('the language follows the URL, is kept in the links, and sets <html lang>', async ({ page }) => {
  await openView(page, '#/overview?lang=en');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Overview');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Links carry the language, so a link copied from any view opens in it.
  await page.getByRole('link', { name: 'Offices' }).first().click();
  await expect(page).toHaveURL(/#\/offices\?lang=en$/);
  // The switch changes the address too, and the page's language.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveURL(/#\/offices$/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page).toHaveURL(/#\/offices\?lang=en$/);
  // Without lang in the URL the stored choice applies; lang in the URL wins over it.
  await openView(page, '#/overview');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Overview');
  await openView(page, '#/overview?lang=zh');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('总览');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('parser warnings read in Chinese in the Chinese interface', async ({ page }) => {
  await openView(page, '#/check');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('选择文件').click()]);
  await chooser.setFiles({ name: 'cut.txt', mimeType: 'text/plain', buffer: Buffer.from(cutReport()) });
  await expect(page.getByTestId('check-result')).toBeVisible({ timeout: 30_000 });
  const warnings = page.locator('.warnings li');
  await expect(warnings.first()).toBeVisible();
  for (const text of await warnings.allInnerTexts()) expect(text).toMatch(CJK);
  await expect(warnings.filter({ hasText: '没有找到“六、其他需要报告的事项”' })).toHaveCount(1);
});

/** The seed's text without its section 六: the parser warns that the section is not found. */
function cutReport(): string {
  const text = readFileSync(SEED, 'utf8');
  return text.slice(0, text.indexOf('六、其他需要报告的事项'));
}
