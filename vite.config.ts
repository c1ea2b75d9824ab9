import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy, as a <meta> tag (GitHub Pages sets no headers). Only in the built
 * site: the dev server injects inline styles and a websocket that a strict policy would block.
 * 'wasm-unsafe-eval' lets sql.js compile its WebAssembly; nothing else may run or load from
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

function contentSecurityPolicy(): Plugin {
  return {
    name: 'gongkai-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
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
  plugins: [svelte(), contentSecurityPolicy(), serveDatabaseAsBinary()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
