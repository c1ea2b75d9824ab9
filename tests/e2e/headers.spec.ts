import { expect, test } from '@playwright/test';

/**
 * The preview server (npm start, these tests) sends the security headers that a <meta> cannot
 * carry; the built site keeps the policy as a <meta> for hosts without headers (GitHub Pages), and
 * dist/_headers holds them for Netlify and Cloudflare Pages.
 */
const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'none'";

test('the preview server sends the policy with frame-ancestors, nosniff and no-referrer on every response', async ({ request }) => {
  const page = await request.get('./');
  expect(page.ok()).toBe(true);
  const html = await page.text();
  const script = html.match(/src="\.\/(assets\/index-[^"]+\.js)"/)?.[1];
  expect(script).toBeTruthy();
  for (const response of [page, await request.get(`./${script}`), await request.get('./data/gongkai.json')]) {
    const headers = response.headers();
    expect(headers['content-security-policy']).toBe(`${POLICY}; frame-ancestors 'none'`);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  }
  // The <meta> policy, for hosts that send no headers (frame-ancestors is ignored there: not in it).
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${POLICY}" />`);
  expect(html).toContain('<meta name="referrer" content="no-referrer" />');
  const headersFile = await (await request.get('./_headers')).text();
  expect(headersFile.split('\n')).toEqual([
    '/*',
    `  Content-Security-Policy: ${POLICY}; frame-ancestors 'none'`,
    '  X-Frame-Options: DENY',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '',
  ]);
});

test('a page that frames the site gets a blocked frame, not the site', async ({ page, baseURL }) => {
  // setContent waits for the frame's load: the site's page, or the browser's error page when refused.
  await page.setContent(`<iframe src="${baseURL}"></iframe>`);
  const frame = page.frames()[1];
  expect(frame.url()).toBe('chrome-error://chromewebdata/');
  expect(await frame.locator('#app').count()).toBe(0);
});
