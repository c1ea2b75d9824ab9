/**
 * Data build benchmark (part of npm run bench): 10,000 synthetic reports — varied offices from the
 * national code list, years 2019–2025, both formats, six layouts, realistic sparsity (most street
 * offices report zeros) — built into one database. Prints seconds, bytes per report (numbers only,
 * and with texts) and peak memory. Targets: < 60 s, < 3 KB per report without the section texts.
 *
 *   BENCH_REPORTS=2000 npm run bench     a smaller run
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { buildDatabase, type InputFile } from './lib/build-database.ts';
import { bigramTokens } from '../src/lib/db/search.ts';
import { publishDatabase } from './lib/publish-database.ts';
import { loadDivisionList, loadDivisions } from './lib/divisions.ts';
import { LAYOUTS, mulberry32, officePicker, pick, syntheticReport, type Layout } from './lib/synthetic.ts';

const REPORTS = Number(process.env.BENCH_REPORTS ?? 10_000);
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 50);

// Offices report for several consecutive years; most layouts are Word tables flattened to tabs.
const rng = mulberry32(20261125);
const randomOffice = officePicker(loadDivisionList());
const layouts: Layout[] = ['tab', 'tab', 'tab', 'cell-per-line', ...LAYOUTS];
const files: InputFile[] = [];
const encoder = new TextEncoder();
let generated = 0;
let totalTextBytes = 0;
while (generated < REPORTS) {
  const office = randomOffice(rng);
  const layout = pick(rng, layouts);
  // Most street offices receive nothing; a few busy ones receive many.
  const sparsity = pick(rng, [0.97, 0.95, 0.9, 0.9, 0.8, 0.5]);
  for (const year of YEARS) {
    if (generated >= REPORTS) break;
    // The 2021 format from the 2021 reports on; a few offices kept the 2019 tables.
    const template = year < 2021 || rng() < 0.03 ? '2019' : '2021';
    const { text } = syntheticReport(rng, { template, layout, office, year, sparsity });
    const bytes = encoder.encode(text);
    totalTextBytes += bytes.length;
    const path = `${office.district ?? 'x'}/${office.name}-${generated}-${year}.txt`;
    files.push({ path, read: () => bytes });
    generated++;
  }
}
sample();
console.log(`data build benchmark: ${files.length} synthetic reports (${(totalTextBytes / files.length / 1024).toFixed(1)} KB of text each on average)`);

const divisions = loadDivisions();
const started = performance.now();
const { database, summary } = await buildDatabase({ files, divisions, progressEvery: 2500, onProgress: (done, total) => console.log(`  ${done}/${total} files read`) });
const seconds = (performance.now() - started) / 1000;
sample();

// Kept for the browser benchmark (scripts/bench-browser.ts), with its manifest.
export const BENCH_DATA_DIR = join(tmpdir(), 'gongkai-bench');
const { gzip } = publishDatabase(join(BENCH_DATA_DIR, 'gongkai.sqlite'), database, { reports: summary.parsed - summary.duplicates });

// The same database without the section texts and original texts: what the numbers cost.
const SQL = await initSqlJs();
const db = new SQL.Database(database);
// Section 五 search: through the bigram index (what the problems view runs) against a scan of
// every text, median of five, for words the synthetic texts hold.
{
  const time = (sql: string, params: (string | number)[]) => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      db.exec(sql, params);
      runs.push(performance.now() - t0);
    }
    return runs.sort((a, b) => a - b)[2];
  };
  for (const word of ['培训', '队伍建设']) {
    const indexed = time("SELECT count(*) FROM sections s WHERE s.section = 'problems' AND s.report_id IN (SELECT docid FROM problem_search WHERE problem_search MATCH ?) AND instr(s.text, ?) > 0", [`"${bigramTokens(word)}"`, word]);
    const scan = time("SELECT count(*) FROM sections s WHERE s.section = 'problems' AND instr(s.text, ?) > 0", [word]);
    console.log(`problems search "${word}": ${indexed.toFixed(1)} ms with the bigram index, ${scan.toFixed(1)} ms scanning every text`);
  }
  const before = db.export().length;
  db.run("DROP TABLE problem_search; VACUUM;");
  console.log(`the bigram index costs ${((before - db.export().length) / 2 ** 20).toFixed(1)} MiB`);
}
db.run('DELETE FROM sections; DELETE FROM report_texts; VACUUM;');
const numbersOnly = db.export().length;
db.close();
clearInterval(timer);

const reports = summary.parsed - summary.duplicates;
console.log(`  parsed ${summary.parsed}, failed ${summary.failed}, duplicates ${summary.duplicates}, offices ${summary.offices}`);
console.log(`build seconds: ${seconds.toFixed(1)} (target < 60)`);
console.log(`database: ${(database.length / 2 ** 20).toFixed(1)} MiB, ${(database.length / reports / 1024).toFixed(2)} KB per report with texts; gzipped (what the app downloads): ${(gzip!.bytes / 2 ** 20).toFixed(1)} MiB`);
console.log(`numbers only (no section or original texts): ${(numbersOnly / 2 ** 20).toFixed(1)} MiB, ${(numbersOnly / reports / 1024).toFixed(2)} KB per report (target < 3)`);
console.log(`peak memory (RSS): ${(peakRss / 2 ** 20).toFixed(0)} MiB`);

// The hostile folder (scripts/lib/hostile.ts: a 400 MB zip bomb, millions of XML nodes, a 120 MB
// file, a million tabs on a line, symlinks…) through the real CLI, in a process of its own: what
// matters is that it finishes and how much memory the OS counts for it.
{
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync, rmSync } = await import('node:fs');
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
