import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, openView, shoot } from './helpers';

/**
 * axe-core over every view, in both languages, on a desktop and a 375-px phone: no serious or
 * critical violation (contrast, names, labels, structure). A screenshot of each is kept.
 */
const VIEWS = [
  ['overview', '#/overview'],
  ['offices', '#/offices'],
  ['office', '#/office/420102009'],
  ['compare', '#/compare?ids=420102009,410711004'],
  ['problems', '#/problems?q=%E5%85%AC%E5%BC%80'],
  ['quality', '#/quality'],
  ['data', '#/data'],
  ['check', '#/check'],
  ['about', '#/about'],
] as const;

for (const lang of ['zh', 'en'] as const) {
  for (const width of [1280, 375]) {
    for (const [name, hash] of VIEWS) {
      test(`axe: ${name}, ${lang}, ${width} px`, async ({ page }) => {
        await page.addInitScript((l) => localStorage.setItem('gongkai.lang', l), lang);
        await page.setViewportSize({ width, height: 800 });
        await openView(page, hash);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        // Let the view's queries settle (charts drawn, counts written).
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const bad = violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(bad, bad.join('\n')).toEqual([]);
        if (width === 375) await expectNoHorizontalScroll(page);
        await shoot(page, `a11y-${name}-${lang}-${width}`);
      });
    }
  }
}

test('a term explains itself by keyboard, and the about page holds the glossary', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openView(page, '#/office/420102009');
  const ask = page.locator('#sec-active').getByRole('button', { name: '什么是“主动公开”？' });
  await ask.focus();
  await page.keyboard.press('Enter');
  const popover = page.locator('[data-term-text="active"]');
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('机关不等人申请');
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await popover.evaluate((el) => (el as HTMLElement).showPopover());
  await popover.getByRole('link').click();
  await expect(page).toHaveURL(/#\/about$/);
  await expect(page.getByTestId('glossary')).toContainText('勾稽关系');
});

test('on a phone the office page starts with its summary, the first section open and the others folded', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  const expanded = (id: string) => page.locator(`#${id}-toggle`);
  // A figure selected in the URL opens its section.
  await openView(page, '#/office/420102009?figure=reviewLitigation.review.total');
  await expect(expanded('sec-review')).toHaveAttribute('aria-expanded', 'true');
  await expect(expanded('sec-applications')).toHaveAttribute('aria-expanded', 'false');

  await openView(page, '#/office/420102009');
  await page.reload();
  await expect(page.locator('[data-summary="received"] dd')).toHaveText('1');
  await expect(expanded('sec-active')).toHaveAttribute('aria-expanded', 'true');
  await expect(expanded('sec-applications')).toHaveAttribute('aria-expanded', 'false');
  await expect(expanded('sec-checks')).toHaveAttribute('aria-expanded', 'false');
  const figure = page.getByRole('button', { name: '一、本年新收政府信息公开申请数量 · 总计: 1' });
  await expect(figure).toBeHidden();
  // The heading's button opens its section, and its figures click through as on a desktop.
  await expanded('sec-applications').click();
  await expect(expanded('sec-applications')).toHaveAttribute('aria-expanded', 'true');
  await figure.click();
  await expect(page).toHaveURL(/figure=applications\.newReceived\.total/);
  await expect(page.locator('li[data-line][aria-current="true"]')).toHaveAttribute('data-line', '94');
});

test('touch targets on a phone: year boxes, selects and the language button are 44 px tall, the button on one line', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await openView(page, '#/overview');
  const height = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().height);
  expect(await height('.filters label:has(input[type="checkbox"])')).toBeGreaterThanOrEqual(44);
  expect(await height('.filters select')).toBeGreaterThanOrEqual(44);
  const lang = page.getByRole('button', { name: 'English' });
  expect((await lang.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  // One line box for its text: it does not wrap.
  const lines = await lang.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
});
