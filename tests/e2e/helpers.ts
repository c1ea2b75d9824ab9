import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** Screenshots of each view are kept as test artefacts. */
export const SCREENSHOTS = 'test-results/screenshots';

export async function shoot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Open a view (a hash route) and wait until the database is loaded and the view drawn. */
export async function openView(page: Page, hash: string) {
  await page.goto(hash.startsWith('#') ? `./${hash}` : hash);
  await expect(page.getByRole('status')).toHaveCount(0, { timeout: 20_000 });
}

/** The page must not scroll sideways (a 375-px phone). */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * Serve the database files of another build (its manifest, .sqlite and .sqlite.gz, and the parts
 * of a build in parts, gongkai.part-NNN.sqlite(.gz), and its summary's extras, gongkai.NAME.sqlite.gz) in place of the bundled ones.
 */
export async function serveDatabase(page: Page, dir: string) {
  await page.route(/\/data\/gongkai\.(json|sqlite|sqlite\.gz|(part-\d+|[a-z-]+(\.\d+)?)\.sqlite(\.gz)?)(\?|$)/, (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop()!;
    return route.fulfill({ path: `${dir}/${file}`, contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
  });
}
