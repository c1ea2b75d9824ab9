import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy: the one source of it, for the <meta> tag of the built site (GitHub
 * Pages sends no headers of our choosing), the preview server's headers and dist/_headers. Only in
 * the built site: the dev server injects inline styles and a websocket that a strict policy would
 * block. 'wasm-unsafe-eval' lets sql.js compile its WebAssembly; nothing else may run or load from
 * elsewhere.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * What a host that can send headers sends: the policy plus frame-ancestors, which a <meta> policy
 * cannot carry (browsers ignore it there), so only a header can forbid framing the site.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function securityMeta(): Plugin {
  return {
    name: 'gongkai-security-meta',
    apply: 'build',
    // Pages: the policy (without frame-ancestors) and the referrer policy as <meta> tags.
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />\n    <meta name="referrer" content="no-referrer" />`,
      ),
    // Netlify and Cloudflare Pages read dist/_headers; other hosts ignore the file.
    generateBundle() {
      const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
      this.emitFile({ type: 'asset', fileName: '_headers', source: ['/*', ...lines, ''].join('\n') });
    },
  };
}

/** npm start and the browser tests: real headers on every response of `vite preview`. */
function securityHeaders(): Plugin {
  return {
    name: 'gongkai-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        next();
      });
    },
  };
}

/**
 * The database is binary: served without a type, `vite preview` (npm start, the browser tests)
 * takes it for text and gzips all of it on every request — seconds of CPU for a large database.
 */
function serveDatabaseAsBinary(): Plugin {
  return {
    name: 'gongkai-sqlite-type',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        if (/\.sqlite(\?|$)/.test(req.url ?? '')) res.setHeader('Content-Type', 'application/vnd.sqlite3');
        next();
      });
    },
  };
}

export default defineConfig({
  // Relative base: the built site works under any sub-path (GitHub Pages project sites, forks).
  base: './',
  plugins: [svelte(), securityMeta(), securityHeaders(), serveDatabaseAsBinary()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
