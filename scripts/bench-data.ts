/**
 * Data build benchmark (part of npm run bench): the real CLI (scripts/build-data.ts) over folders
 * of 1,000 and 10,000 synthetic reports written to a temporary folder (100,000 with BENCH_LARGE=1:
 * minutes) — varied offices from the national code list, years 2019–2025, both formats, six
 * layouts, realistic sparsity (most street offices report zeros) — each build in a process of its
 * own, so its peak memory is the OS's count (the CLI's maxRSS, reader threads included). A table of
 * seconds and milliseconds per report at each size shows growth that is not linear, with the
 * published files' sizes (as build:data publishes them: in parts above 20 MB). Targets: 100,000
 * reports in < 120 s and < 1.5 GiB, the cost per report at 100,000 within 1.5× of that at 1,000,
 * every file < 100 MB and the whole data < 1 GB.
 *
 *   BENCH_SIZES=2000,5000 npm run bench     other sizes
 *   BENCH_SIZES=100000 BENCH_KEEP=/tmp/data100k npx tsx scripts/bench-data.ts
 *                                           keeps the published files of the last size (for
 *                                           BENCH_SITE in scripts/bench-browser.ts)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { bigramTokens } from '../src/lib/db/search.ts';
import { loadDivisionList } from './lib/divisions.ts';
import { extrasByName, extrasLabel } from './lib/extras-by-name.ts';
import { LAYOUTS, mulberry32, officePicker, pick, syntheticReport, type Layout } from './lib/synthetic.ts';

const SIZES = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(',').map(Number)
  : [1_000, 10_000, ...(process.env.BENCH_LARGE === '1' ? [100_000] : [])];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const tsx = join(import.meta.dirname, '../node_modules/.bin/tsx');
const randomOffice = officePicker(loadDivisionList());

/** Writes `count` synthetic reports under `dir` (the same stream for every size); their mean size in bytes. */
function writeReports(dir: string, count: number): number {
  // Offices report for several consecutive years; most layouts are Word tables flattened to tabs.
  const rng = mulberry32(20261125);
  const layouts: Layout[] = ['tab', 'tab', 'tab', 'cell-per-line', ...LAYOUTS];
  let generated = 0;
  let bytes = 0;
  while (generated < count) {
    const office = randomOffice(rng);
    const layout = pick(rng, layouts);
    // Most street offices receive nothing; a few busy ones receive many.
    const sparsity = pick(rng, [0.97, 0.95, 0.9, 0.9, 0.8, 0.5]);
    for (const year of YEARS) {
      if (generated >= count) break;
      // The 2021 format from the 2021 reports on; a few offices kept the 2019 tables.
      const template = year < 2021 || rng() < 0.03 ? '2019' : '2021';
      const { text } = syntheticReport(rng, { template, layout, office, year, sparsity });
      const folder = join(dir, office.district ?? 'x');
      mkdirSync(folder, { recursive: true });
      const data = Buffer.from(text);
      writeFileSync(join(folder, `${office.name}-${generated}-${year}.txt`), data);
      bytes += data.length;
      generated++;
    }
  }
  return bytes / count;
}

// Kept for the browser benchmark (scripts/bench-browser.ts): the largest database of 10,000 reports or fewer.
export const BENCH_DATA_DIR = join(tmpdir(), 'gongkai-bench');
const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-build-'));
const rows: string[] = [];
let kept: string | null = null;
console.log('data build benchmark: the CLI (tsx scripts/build-data.ts --offices none) in a process of its own per size');
try {
  for (const size of SIZES) {
    const reports = join(work, `reports-${size}`);
    const meanBytes = writeReports(reports, size);
    const out = join(work, `out-${size}`, 'gongkai.sqlite');
    const cli = (target: string, parts: string) =>
      execFileSync(tsx, [join(import.meta.dirname, 'build-data.ts'), '--reports', reports, '--out', target, '--offices', 'none', '--parts', parts], {
        encoding: 'utf8',
        // GONGKAI_BUILD_TIMES=1 (or 2): the build's stderr shown, with its stages' times and the peak so far (stage-times.ts).
        stdio: ['ignore', 'pipe', process.env.GONGKAI_BUILD_TIMES ? 'inherit' : 'ignore'],
        maxBuffer: 2 ** 28,
      });
    const t0 = performance.now();
    // As a collection is published (--parts auto: in parts when the one file would pass 20 MB).
    const log = cli(out, 'auto');
    const wall = (performance.now() - t0) / 1000;
    const seconds = Number(/ in ([\d.]+) s, peak memory/.exec(log)?.[1] ?? NaN);
    const peak = Number(/peak memory (\d+) MB/.exec(log)?.[1] ?? NaN);
    const threads = /read in (\d+) threads?/.exec(log)?.[1] ?? '?';
    const parsed = /(\d+) parsed/.exec(log)?.[1] ?? '?';
    // Every file published: the one database or the summary, raw (for sqlite3) and .gz (what the
    // app downloads), the parts' .gz (the page alone reads them), the manifest.
    const published = readdirSync(join(work, `out-${size}`)).filter((f) => f.startsWith('gongkai')).map((f) => statSync(join(work, `out-${size}`, f)).size);
    const manifest = JSON.parse(readFileSync(join(work, `out-${size}`, 'gongkai.json'), 'utf8')) as { bytes: number; gzip: { bytes: number }; parts?: { cities?: unknown }[]; extras?: { bytes: number; gzip: { file: string; bytes: number } }[] };
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    // The summary's .gz is what the first chart waits for (on Fast 4G, ~1 MB/s: < 3 MB for < 6 s); its extras come later.
    const layout =
      `summary ${mb(manifest.gzip.bytes)} MB gzipped` +
      (manifest.parts ? ` (extras ${extrasByName(manifest.extras ?? []).map((e) => `${extrasLabel(e)} ${(e.gzipBytes / 2 ** 20).toFixed(2)}`).join(', ')}), ${manifest.parts.length} parts (${manifest.parts.filter((p) => p.cities).length} by city)` : ', one file');
    rows.push(
      `${size.toLocaleString('en').padStart(9)} ${seconds.toFixed(1).padStart(8)} ${((seconds * 1000) / size).toFixed(2).padStart(10)} ${String(peak).padStart(8)} ` +
        `${mb(manifest.bytes).padStart(10)} ${mb(Math.max(...published)).padStart(10)} ${mb(published.reduce((n, b) => n + b, 0)).padStart(9)} ${threads.padStart(8)}   ` +
        `${layout}; ${(meanBytes / 1024).toFixed(1)} KB of text each, ${parsed} parsed, ${wall.toFixed(1)} s with the process's start`,
    );
    if (size <= 10_000) {
      // The browser bench and the search timings below are over one whole database.
      cli(out, 'never');
    }
    console.log(`  ${size} reports built`);
    if (process.env.BENCH_KEEP && size === SIZES.at(-1)) {
      rmSync(process.env.BENCH_KEEP, { recursive: true, force: true });
      cpSync(join(work, `out-${size}`), process.env.BENCH_KEEP, { recursive: true });
      console.log(`  kept in ${process.env.BENCH_KEEP}`);
    }
    rmSync(reports, { recursive: true, force: true });
    if (size <= 10_000) {
      rmSync(BENCH_DATA_DIR, { recursive: true, force: true });
      mkdirSync(BENCH_DATA_DIR, { recursive: true });
      for (const f of ['gongkai.sqlite', 'gongkai.sqlite.gz', 'gongkai.json']) cpSync(join(work, `out-${size}`, f), join(BENCH_DATA_DIR, f));
      kept = join(BENCH_DATA_DIR, 'gongkai.sqlite');
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log('  reports  seconds  ms/report  peak MB  summary MB  largest MB  total MB  threads   (files as published: the summary raw and .gz, the parts .gz)');
for (const row of rows) console.log(row);
console.log('targets: 100,000 reports < 120 s, peak < 1,536 MB, ms/report at 100,000 within 1.5× of 1,000; every file < 100 MB, total < 1,024 MB');

if (kept) {
  // Section 五 search: through the bigram index (what the problems view runs) against a scan of
  // every text, median of five, for words the synthetic texts hold; and what the numbers cost
  // without the section texts and original texts.
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(kept));
  const reports = Number(db.exec('SELECT count(*) FROM reports')[0].values[0][0]);
  const time = (sql: string, params: (string | number)[]) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      db.exec(sql, params);
      runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[2];
  };
  console.log(`over the ${reports.toLocaleString('en')}-report database:`);
  for (const word of ['培训', '队伍建设']) {
    const indexed = time("SELECT count(*) FROM sections s WHERE s.section = 'problems' AND s.report_id IN (SELECT docid FROM problem_search WHERE problem_search MATCH ?) AND instr(s.text, ?) > 0", [`"${bigramTokens(word)}"`, word]);
    const scan = time("SELECT count(*) FROM sections s WHERE s.section = 'problems' AND instr(s.text, ?) > 0", [word]);
    console.log(`  problems search "${word}": ${indexed.toFixed(1)} ms with the bigram index, ${scan.toFixed(1)} ms scanning every text`);
  }
  const before = db.export().length;
  db.run('DROP TABLE problem_search; VACUUM;');
  console.log(`  the bigram index costs ${((before - db.export().length) / 2 ** 20).toFixed(1)} MiB`);
  db.run('DELETE FROM sections; DELETE FROM report_texts; VACUUM;');
  const numbersOnly = db.export().length;
  db.close();
  console.log(`  numbers only (no section or original texts): ${(numbersOnly / 2 ** 20).toFixed(1)} MiB, ${(numbersOnly / reports / 1024).toFixed(2)} KB per report (target < 3)`);
}

// The hostile folder (scripts/lib/hostile.ts: a 400 MB zip bomb, millions of XML nodes, a 120 MB
// file, a million tabs on a line, symlinks…) through the real CLI, in a process of its own: what
// matters is that it finishes and how much memory the OS counts for it.
{
  const { writeHostileFolder } = await import('./lib/hostile.ts');
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-hostile-'));
  const seed = readFileSync(join(import.meta.dirname, '../tests/fixtures/seeds/001_ece336a5f188f35c.txt'), 'utf8');
  const entries = writeHostileFolder(join(dir, 'reports'), seed, seed.replace(/^行政许可\t0/m, '行政许可\t5'));
  const t0 = performance.now();
  const out = execFileSync('npx', ['tsx', join(import.meta.dirname, 'build-data.ts'), '--reports', join(dir, 'reports'), '--out', join(dir, 'out.sqlite'), '--offices', 'none'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const peak = /peak memory (\d+) MB/.exec(out)?.[1] ?? '?';
  console.log(`hostile folder (${entries.length} entries): built in ${((performance.now() - t0) / 1000).toFixed(1)} s, peak memory ${peak} MB (the build's own maxRSS)`);
  rmSync(dir, { recursive: true, force: true });
}
