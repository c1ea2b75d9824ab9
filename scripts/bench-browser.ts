/**
 * Browser benchmark (part of npm run bench): the built site in Debian's Chromium, time from
 * navigation to the first chart's data marks (`rect.mark`: not its frame, a loading line or a "no
 * data" placeholder), for the bundled data and for the synthetic database that scripts/bench-data.ts
 * leaves in $TMPDIR/gongkai-bench, and whether "no data" showed before the marks; and what the page
 * downloads to draw it: JavaScript and sql.js's wasm, gzipped, together and apart. Targets: 0.5 s
 * and 2.5 s; under 150 KB of gzipped JS.
 */
import { chromium } from '@playwright/test';
import { spawn, execSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extrasByName, extrasLabel } from './lib/extras-by-name.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const benchData = join(tmpdir(), 'gongkai-bench');

// The bundled data first: without it the overview has no chart to time.
execSync('npx tsx scripts/build-data.ts > /dev/null', { cwd: root, stdio: 'inherit' });
execSync('npx vite build --logLevel error', { cwd: root, stdio: 'inherit' });
const assets = join(dist, 'assets');
const gzipOf = (files: string[]) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
const wasm = gzipOf(readdirSync(assets).filter((f) => f.endsWith('.wasm')));
/** The chart's data drawn: a mark, never the placeholder a chart without rows shows. */
const DATA_MARK = '[data-chart] svg rect.mark';
console.log(`browser benchmark`);

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

/**
 * The JavaScript a page really loads (scripts and workers, as the browser requests them): the
 * dashboard's first load, and what "check a report" adds on demand (readers, parser, pdf.js).
 */
async function scriptsLoaded(url: string, then?: (page: import('@playwright/test').Page) => Promise<void>): Promise<{ first: string[]; later: string[] }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const seen: string[] = [];
  page.on('request', (r) => {
    const file = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (/\.m?js$/.test(file) && !seen.includes(file)) seen.push(file);
  });
  await page.goto(url);
  await page.waitForSelector(DATA_MARK, { state: 'attached', timeout: 60_000 });
  const first = [...seen];
  await then?.(page);
  await browser.close();
  return { first, later: seen.filter((f) => !first.includes(f)) };
}

/**
 * Median of several cold loads: navigation start → the first chart's first data mark in the DOM;
 * and in how many loads a chart's "no data" placeholder was in the DOM before any mark (the flash
 * a loading state prevents), seen by a MutationObserver from the page's first script on.
 */
async function firstChart(url: string, runs = 5): Promise<{ ms: number; flashes: number }> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const times: number[] = [];
  let flashes = 0;
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { emptyBeforeMark: boolean };
      w.emptyBeforeMark = false;
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-chart] svg rect.mark')) observer.disconnect();
        else if (document.querySelector('[data-chart] .empty')) w.emptyBeforeMark = true;
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.waitForSelector(DATA_MARK, { state: 'attached', timeout: 120_000 });
    times.push(await page.evaluate(() => performance.now()));
    if (await page.evaluate(() => (window as unknown as { emptyBeforeMark: boolean }).emptyBeforeMark)) flashes++;
    await context.close();
  }
  await browser.close();
  return { ms: times.sort((a, b) => a - b)[Math.floor(runs / 2)], flashes };
}

// ── A large site built in parts (BENCH_SITE: a folder of gongkai.json, the summary and its parts) ──
// The page at 100,000 reports (issue 16), alone, as a visitor meets it:
//   BENCH_SIZES=100000 BENCH_KEEP=/tmp/gongkai-data100k npx tsx scripts/bench-data.ts
//   BENCH_SITE=/tmp/gongkai-data100k npx tsx scripts/bench-browser.ts
// Targets: first chart < 1.5 s local and < 6 s on emulated Fast 4G, each view < 1 s, page memory
// < 400 MiB after every view.
/** DevTools' "Fast 4G" preset (bytes per second, ms). */
const FAST_4G = { offline: false, latency: 60 * 2.75, downloadThroughput: ((9 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((1.5 * 1000 * 1000) / 8) * 0.9 };

/**
 * What the OS counts for the page: the resident memory of this process's Chromium renderers
 * (the page, its database worker and the SQL box's worker live in one; JS heaps, sql.js's wasm
 * memory and the DOM together), the largest one (a spare renderer holds a few MB). `own`: of it,
 * the anonymous memory, the page's own; the rest is Chromium's code and shared-memory files, which
 * every Chromium process maps (some 180 MiB here, whatever the page).
 */
function renderer(): { resident: number; own: number } {
  const parent = new Map<number, number>();
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number)) {
    try {
      // "pid (comm) state ppid …": the name may hold spaces, the ppid follows its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parent.get(p) ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  let largest = { resident: 0, own: 0 };
  for (const pid of parent.keys()) {
    try {
      if (!mine(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const mib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
      if (mib('VmRSS') > largest.resident) largest = { resident: mib('VmRSS'), own: mib('RssAnon') };
    } catch {
      /* gone */
    }
  }
  return largest;
}
const rendererMiB = () => renderer().resident;

async function benchSite(data: string) {
  const { symlinkSync, mkdirSync, mkdtempSync } = await import('node:fs');
  const initSqlJs = (await import('sql.js')).default;
  const manifest = JSON.parse(readFileSync(join(data, 'gongkai.json'), 'utf8')) as { reports: number; bytes: number; gzip?: { bytes: number }; parts?: { bytes: number; gzip?: { bytes: number } }[]; extras?: { bytes: number; gzip: { file: string; bytes: number } }[] };
  // The site: the build's dist with the data folder's files linked in place of the bundled ones.
  // A folder and port of its own (BENCH_PORT): two engineers may bench two sites at once.
  const site = mkdtempSync(join(tmpdir(), 'gongkai-bench-large-site-'));
  cpSync(dist, site, { recursive: true });
  for (const f of readdirSync(join(site, 'data')).filter((f) => f.startsWith('gongkai'))) rmSync(join(site, 'data', f));
  mkdirSync(join(site, 'data'), { recursive: true });
  for (const f of readdirSync(data).filter((f) => f.startsWith('gongkai'))) symlinkSync(join(data, f), join(site, 'data', f));

  // An office with the most reports, and one of another province to compare it with.
  const SQL = await initSqlJs();
  const summary = new SQL.Database(readFileSync(join(data, 'gongkai.sqlite')));
  const [[officeId, province]] = summary.exec('SELECT office_id, province FROM reports WHERE province IS NOT NULL GROUP BY office_id ORDER BY COUNT(*) DESC, office_id LIMIT 1')[0].values as [string, string][];
  const [[otherId]] = summary.exec('SELECT office_id FROM reports WHERE province IS NOT NULL AND province <> ? GROUP BY office_id ORDER BY COUNT(*) DESC, office_id LIMIT 1', [province])[0].values as [string][];
  summary.close();

  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const gz = manifest.gzip?.bytes ?? manifest.bytes;
  console.log(
    `large site: ${manifest.reports.toLocaleString('en')} reports; summary ${mib(manifest.bytes)} MiB (${mib(gz)} MiB gzipped, what the first chart waits for)` +
      (manifest.extras ? `, its extras ${extrasByName(manifest.extras).map((e) => `${extrasLabel(e)} ${mib(e.bytes)} MiB (${mib(e.gzipBytes)} gzipped)`).join(', ')}, each fetched when a view reads it` : '') +
      (manifest.parts ? `, ${manifest.parts.length} parts of ${mib(manifest.parts.reduce((n, p) => n + p.bytes, 0))} MiB (${mib(manifest.parts.reduce((n, p) => n + (p.gzip?.bytes ?? p.bytes), 0))} gzipped)` : ''),
  );
  const port = Number(process.env.BENCH_PORT ?? 4194);
  const server = await serve(site, port);
  const url = `http://127.0.0.1:${port}/`;
  const rows: [string, string, string][] = [];
  const row = (what: string, value: string, target: string) => {
    rows.push([what, value, target]);
    console.log(`  ${what}: ${value} (target ${target})`);
  };
  try {
    const local = await firstChart(`${url}#/overview`, 3);
    row('first chart, local', `${(local.ms / 1000).toFixed(2)} s, "no data" first in ${local.flashes} of 3`, '< 1.5 s');

    // Fast 4G: the page's and its workers' requests throttled through the page's DevTools session.
    {
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', FAST_4G);
      await page.goto(`${url}#/overview`);
      await page.waitForSelector(DATA_MARK, { state: 'attached', timeout: 600_000 });
      const ms = await page.evaluate(() => performance.now());
      row('first chart, Fast 4G', `${(ms / 1000).toFixed(1)} s (the summary's download alone: ${(gz / FAST_4G.downloadThroughput).toFixed(1)} s for ${mib(gz)} MiB gzipped)`, '< 6 s');
      await browser.close();
    }

    // Every view in turn, in one page (parts fetched by one view stay for the next), each timed
    // from the change of address to its content drawn; then the page's memory.
    // --expose-gc: the bench collects the workers' garbage too (see memory()); the app never calls gc.
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc'] });
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${url}#/overview`);
    await page.waitForSelector(DATA_MARK, { state: 'attached', timeout: 120_000 });
    const figure = ({ resident, own }: { resident: number; own: number }) => `${resident.toFixed(0)} MiB (its own ${own.toFixed(0)})`;
    /**
     * The renderer as the views left it (the target's figure); with `settle`, also once the page has
     * been idle a while (V8 gives back the heap its garbage grew once the page is quiet, as a
     * reader's is while reading); then once the page's and the workers' garbage is collected.
     */
    const memory = async (settle = false) => {
      const now = renderer();
      let settled = '';
      if (settle) {
        // V8's memory reducer runs after some seconds of quiet, not at a set time: sampled every 5 s
        // until the figure falls by a tenth or a minute passes.
        let waited = 0;
        let then = now;
        while (waited < 60 && then.resident > now.resident * 0.9) {
          await page.waitForTimeout(5_000);
          waited += 5;
          then = renderer();
        }
        settled = `, after ${waited} s idle ${figure(then)}`;
      }
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      for (const worker of page.workers()) await worker.evaluate(() => (globalThis as unknown as { gc?: () => void }).gc?.()).catch(() => {});
      return `renderer ${figure(now)}${settled}, once every garbage is collected ${figure(renderer())} (page's JS heap ${mib(usedSize)} MiB)`;
    };
    row('memory after the first chart', await memory(), '—');
    const ids = encodeURIComponent([officeId, otherId].join(','));
    const views: [string, string, string][] = [
      ['offices', '#/offices', '[data-testid="office-row"]'],
      ['an office page', `#/office/${encodeURIComponent(officeId)}`, '[data-chart$="-applications-by-year"] rect.mark'],
      ['compare (two provinces)', `#/compare?ids=${ids}`, '[data-chart$="-applications-by-year"] rect.mark'],
      ['rankings (denial rate)', '#/overview?rate=denial_rate', '[data-testid="rate-ranking"] .hbars .row'],
      ['quality', '#/quality', '[data-testid="quality-report"]'],
      // Without a province, a collection in parts asks for one (the whole country's texts are in every part).
      ['problems', '#/problems', '[data-testid="problem-count"], [data-testid="parts-choice"]'],
      [`problems in ${province}: themes`, `#/problems?province=${encodeURIComponent(province)}`, '[data-chart="themes-by-year"]'],
      [`problems in ${province}: search "培训"`, `#/problems?q=%E5%9F%B9%E8%AE%AD&province=${encodeURIComponent(province)}`, '[data-testid="problem-hit"] mark'],
      ['data view', '#/data', '[data-testid="reports-row"]'],
      ['overview again', '#/overview', DATA_MARK],
    ];
    for (const [name, hash, selector] of views) {
      // Through the about page, so no element of the previous view can answer for this one.
      await page.evaluate(() => (location.hash = '#/about'));
      await page.waitForSelector('[data-chart], [data-testid="office-row"], [data-testid="reports-row"]', { state: 'detached' });
      const t0 = await page.evaluate((h) => ((location.hash = h), performance.now()), hash);
      const ok = await page.waitForSelector(selector, { state: 'attached', timeout: 600_000 }).then(
        () => true,
        () => false,
      );
      const ms = (await page.evaluate(() => performance.now())) - t0;
      // The renderer as the view left it (no forced GC): which view makes the page grow.
      row(name, `${ok ? `${(ms / 1000).toFixed(2)} s` : `not drawn in ${(ms / 1000).toFixed(0)} s`}, renderer ${rendererMiB().toFixed(0)} MiB`, '< 1 s');
    }
    // The SQL box: from Run to the result (its worker opens a copy of what is loaded first).
    {
      await page.evaluate(() => (location.hash = '#/data'));
      await page.getByTestId('sql-input').fill('SELECT province, COUNT(*) AS reports FROM reports GROUP BY province ORDER BY reports DESC');
      const t0 = await page.evaluate(() => performance.now());
      await page.getByTestId('sql-run').click();
      await page.waitForSelector('[data-testid="sql-result"]', { timeout: 600_000 });
      row('SQL box, first query', `${(((await page.evaluate(() => performance.now())) - t0) / 1000).toFixed(2)} s`, '< 1 s');
    }
    row('memory after every view', await memory(true), '< 400 MiB');
    const parts = await page.getByTestId('sql-parts').textContent().catch(() => null);
    if (parts) console.log(`  ${parts.trim()}`);
    await browser.close();
  } finally {
    process.kill(-server.pid!);
    rmSync(site, { recursive: true, force: true });
  }
  console.log('\n| what | measured | target |\n|---|---|---|');
  for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
}

if (process.env.BENCH_SITE) {
  await benchSite(resolve(process.env.BENCH_SITE));
  process.exit(0);
}

const bundled = await serve(dist, 4191);
try {
  const { first, later } = await scriptsLoaded('http://127.0.0.1:4191/#/overview', async (page) => {
    // Check a report: a PDF read in the page pulls in the readers, the parser and pdf.js's worker.
    await page.goto('http://127.0.0.1:4191/#/check');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('选择文件').click()]);
    await chooser.setFiles({ name: 'x.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nnot a pdf') });
    await page.waitForSelector('[data-testid="check-failed"]', { timeout: 60_000 });
  });
  const js = gzipOf(first);
  console.log(`JS and wasm the dashboard loads: ${((js + wasm) / 1024).toFixed(1)} KB gzipped — JS ${(js / 1024).toFixed(1)} KB in ${first.length} files (target < 150), sql.js wasm ${(wasm / 1024).toFixed(1)} KB`);
  console.log(`JS "check a report" adds when a file is read: ${(gzipOf(later) / 1024).toFixed(1)} KB gzipped in ${later.length} files (loaded on demand, not counted)`);
  const { ms, flashes } = await firstChart('http://127.0.0.1:4191/#/overview');
  console.log(`first chart's data marks, bundled data (${(statSync(join(dist, 'data/gongkai.sqlite')).size / 1024).toFixed(0)} KB): ${ms.toFixed(0)} ms (target < 500); "no data" shown first in ${flashes} of 5 loads`);
} finally {
  process.kill(-bundled.pid!);
}

if (existsSync(join(benchData, 'gongkai.sqlite'))) {
  const big = join(tmpdir(), 'gongkai-bench-site');
  rmSync(big, { recursive: true, force: true });
  cpSync(dist, big, { recursive: true });
  cpSync(join(benchData, 'gongkai.sqlite'), join(big, 'data/gongkai.sqlite'));
  cpSync(join(benchData, 'gongkai.json'), join(big, 'data/gongkai.json'));
  // The gzipped copy too: the manifest names it and the page downloads it (without it the page got
  // the bundled data's .gz from dist).
  cpSync(join(benchData, 'gongkai.sqlite.gz'), join(big, 'data/gongkai.sqlite.gz'));
  const server = await serve(big, 4192);
  try {
    const { ms, flashes } = await firstChart('http://127.0.0.1:4192/#/overview', 3);
    const mb = statSync(join(big, 'data/gongkai.sqlite')).size / 2 ** 20;
    const { reports } = JSON.parse(readFileSync(join(benchData, 'gongkai.json'), 'utf8')) as { reports?: number };
    console.log(`first chart's data marks, ${reports?.toLocaleString('en') ?? '?'}-report synthetic database (${mb.toFixed(1)} MiB): ${ms.toFixed(0)} ms (target < 2500); "no data" shown first in ${flashes} of 3 loads`);
  } finally {
    process.kill(-server.pid!);
  }
} else {
  console.log('first chart, synthetic database: skipped (run scripts/bench-data.ts first)');
}

// ── A collection of one's own, read in the page (#/collection) ──────────────────────────────
// Folders picked in Chromium's file chooser: a real collection named by BENCH_COLLECTION (dashboard
// ready = the first chart of the overview over it), 100 PDFs copied from BENCH_PDFS, and
// 1,000 synthetic reports in mixed formats (text, web page, Word) while the page's responsiveness
// is measured: the longest long task and the longest delay of a 50 ms timer during the import.
{
  const { mkdtempSync, mkdirSync, writeFileSync, copyFileSync } = await import('node:fs');
  const { zipSync, strToU8 } = await import('fflate');
  const { mulberry32, officePicker, pick, syntheticReport, LAYOUTS } = await import('./lib/synthetic.ts');
  const { loadDivisionList } = await import('./lib/divisions.ts');
  const site = await serve(dist, 4193);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  async function importFolder(dir: string, label: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('http://127.0.0.1:4193/#/collection');
    await page.waitForSelector('[data-testid="collection-folder"]', { state: 'attached' });
    // Responsiveness probes, installed before the import starts.
    // Counted from the input's change event: the file chooser's own work (Chromium turning a
    // picked folder into File objects, ~0.25 ms a file) happens before the page sees any file.
    await page.evaluate(() => {
      const w = window as unknown as { longest: number; lag: number; picked: number };
      w.longest = 0;
      w.lag = 0;
      w.picked = Infinity;
      document.addEventListener('change', () => (w.picked = performance.now()), { capture: true });
      new PerformanceObserver((list) => list.getEntries().forEach((e) => e.startTime >= w.picked && (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask', buffered: false });
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        if (last >= w.picked) w.lag = Math.max(w.lag, now - last - 50);
        last = now;
      }, 50);
    });
    const t0 = Date.now();
    await page.getByTestId('collection-folder').setInputFiles(dir);
    await page.waitForSelector('[data-testid="collection-counts"]', { timeout: 600_000 });
    const built = (Date.now() - t0) / 1000;
    const { longest, lag } = await page.evaluate(() => {
      const w = window as unknown as { longest: number; lag: number };
      return { longest: w.longest, lag: w.lag };
    });
    const counts = await page.getByTestId('collection-counts').textContent();
    await page.goto('http://127.0.0.1:4193/#/overview');
    await page.waitForSelector('[data-chart] svg rect.mark', { state: 'attached', timeout: 60_000 });
    const ready = (Date.now() - t0) / 1000;
    console.log(`collection, ${label}: read and built in ${built.toFixed(1)} s, dashboard ready (first chart over it) ${ready.toFixed(1)} s; longest long task ${longest.toFixed(0)} ms, longest timer delay ${lag.toFixed(0)} ms (target < 100) — ${counts}`);
    await context.close();
  }
  try {
    // Real files come from outside the project, named by the environment (the corpus is never shipped):
    //   BENCH_COLLECTION=../shared/corpus/pingtan BENCH_PDFS=../shared/corpus/dev npm run bench
    const collection = process.env.BENCH_COLLECTION;
    if (collection && existsSync(collection)) await importFolder(resolve(collection), `the ${readdirSync(collection).length} files of ${collection} (target for the 123 Pingtan texts < 5 s)`);
    else console.log('collection of real reports: skipped (set BENCH_COLLECTION to a folder of reports)');
    const source = process.env.BENCH_PDFS;
    const pdfs = source && existsSync(source) ? readdirSync(source).filter((f) => f.endsWith('.pdf')) : [];
    if (source && pdfs.length) {
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-pdfs-'));
      mkdirSync(join(dir, 'pdfs'));
      for (let i = 0; i < 100; i++) copyFileSync(join(source, pdfs[i % pdfs.length]), join(dir, 'pdfs', `${String(i).padStart(3, '0')}-${pdfs[i % pdfs.length]}`));
      await importFolder(join(dir, 'pdfs'), '100 PDFs (target < 30 s)');
      rmSync(dir, { recursive: true, force: true });
    } else console.log('100 PDFs: skipped (set BENCH_PDFS to a folder holding PDF reports; they are copied to 100)');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-mixed-'));
    mkdirSync(join(dir, 'mixed'));
    const rng = mulberry32(20261204);
    const office = officePicker(loadDivisionList());
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    for (let i = 0; i < 1000; i++) {
      const { text } = syntheticReport(rng, { template: '2021', layout: pick(rng, LAYOUTS), office: office(rng), year: 2019 + (i % 7), sparsity: 0.9 });
      const name = join(dir, 'mixed', String(i).padStart(4, '0'));
      if (i % 3 === 0) writeFileSync(`${name}.txt`, text);
      else if (i % 3 === 1) writeFileSync(`${name}.html`, `<!doctype html><html><head><meta charset="utf-8"></head><body><pre>${escape(text)}</pre></body></html>`);
      else {
        const body = text.split('\n').map((l) => `<w:p><w:r>${l.split('\t').map((c) => `<w:t xml:space="preserve">${escape(c)}</w:t>`).join('<w:tab/>')}</w:r></w:p>`).join('');
        writeFileSync(`${name}.docx`, zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`) }));
      }
    }
    await importFolder(join(dir, 'mixed'), '1,000 synthetic reports (.txt, .html, .docx)');
    rmSync(dir, { recursive: true, force: true });
  } finally {
    await browser.close();
    process.kill(-site.pid!);
  }
}
