/**
 * Browser benchmark (part of npm run bench): the built site in Debian's Chromium, time from
 * navigation to the first chart drawn, for the bundled data and for the 10,000-report synthetic
 * database that scripts/bench-data.ts leaves in $TMPDIR/gongkai-bench; and the JavaScript shipped
 * (gzip, without the wasm). Targets: 1 s and 2.5 s; under 150 KB of gzipped JS.
 */
import { chromium } from '@playwright/test';
import { spawn, execSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const benchData = join(tmpdir(), 'gongkai-bench');

execSync('npx vite build --logLevel error', { cwd: root, stdio: 'inherit' });
const assets = join(dist, 'assets');
const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
const gzipped = js.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
const wasm = readdirSync(assets).filter((f) => f.endsWith('.wasm')).reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0);
console.log(`browser benchmark`);
console.log(`JS shipped: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${js.length} files (target < 150); sql.js wasm ${(wasm / 1024).toFixed(0)} KB gzipped, not counted`);

async function serve(dir: string, port: number) {
  const server = spawn('npx', ['vite', 'preview', '--outDir', dir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

/** Median of several cold loads: navigation start → first chart mark in the DOM. */
async function firstChart(url: string, runs = 5): Promise<number> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-chart] svg rect.mark, [data-chart] .empty', { state: 'attached', timeout: 60_000 });
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  await browser.close();
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const bundled = await serve(dist, 4191);
try {
  const ms = await firstChart('http://127.0.0.1:4191/#/overview');
  console.log(`first chart, bundled data (${(statSync(join(dist, 'data/gongkai.sqlite')).size / 1024).toFixed(0)} KB): ${ms.toFixed(0)} ms (target < 1000)`);
} finally {
  process.kill(-bundled.pid!);
}

if (existsSync(join(benchData, 'gongkai.sqlite'))) {
  const big = join(tmpdir(), 'gongkai-bench-site');
  rmSync(big, { recursive: true, force: true });
  cpSync(dist, big, { recursive: true });
  cpSync(join(benchData, 'gongkai.sqlite'), join(big, 'data/gongkai.sqlite'));
  cpSync(join(benchData, 'gongkai.json'), join(big, 'data/gongkai.json'));
  const server = await serve(big, 4192);
  try {
    const ms = await firstChart('http://127.0.0.1:4192/#/overview', 3);
    const mb = statSync(join(big, 'data/gongkai.sqlite')).size / 2 ** 20;
    console.log(`first chart, 10,000-report synthetic database (${mb.toFixed(1)} MiB): ${ms.toFixed(0)} ms (target < 2500)`);
  } finally {
    process.kill(-server.pid!);
  }
} else {
  console.log('first chart, synthetic database: skipped (run scripts/bench-data.ts first)');
}
