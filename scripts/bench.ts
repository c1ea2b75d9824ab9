/**
 * npm run bench: parser throughput on the project's own fixtures (the five seeds and the end-to-end
 * reports) and on synthetic crawler copies (one-line bodies, runs of digits: the decoder's work),
 * on one core. Target: ≥ 2,000 text reports per second. On a shared machine the wall clock counts
 * the time other processes held the core; the rate per second of this process's CPU time is printed too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseReport } from '../src/lib/report/index.ts';
import { loadDivisionList, loadDivisions } from './lib/divisions.ts';
import { LONG_LINE_KINDS, longLine } from './lib/long-lines.ts';
import { CRAWLER_LAYOUTS, CRAWLER_SEED, crawlerCase, officePicker } from './lib/synthetic.ts';

const root = resolve(import.meta.dirname, '..');
const folders = [join(root, 'tests/fixtures/seeds'), join(root, 'tests/fixtures/e2e/reports')];
const texts = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
);
const divisions = loadDivisions();
// Four crawler copies per layout and template, reproducible from the seed.
const pickOffice = officePicker(loadDivisionList());
for (const template of ['2021', '2019'] as const)
  for (const layout of CRAWLER_LAYOUTS)
    for (let i = 0; i < 4; i++) texts.push({ name: `synthetic ${template} ${layout}`, text: crawlerCase(CRAWLER_SEED, template, layout, i, pickOffice).text });

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

// Warm up the JIT, then measure for a fixed number of rounds.
for (const { text } of texts) parseReport(text, { divisions });
const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const perFile = new Map<string, number>();
const start = performance.now();
const cpuStart = process.cpuUsage();
for (let r = 0; r < rounds; r++) {
  for (const { name, text } of texts) {
    const t = performance.now();
    parseReport(text, { divisions });
    perFile.set(name, (perFile.get(name) ?? 0) + performance.now() - t);
  }
  sample();
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const reports = rounds * texts.length;

console.log(`parser benchmark: ${texts.length} reports (fixtures and synthetic crawler copies) × ${rounds} rounds, one core`);
const count = new Map<string, number>();
for (const { name } of texts) count.set(name, (count.get(name) ?? 0) + 1);
for (const [name, ms] of perFile) console.log(`  ${name.padEnd(34)} ${(ms / rounds / count.get(name)!).toFixed(2)} ms per parse`);
console.log(`reports per second: ${Math.round(reports / seconds)} (target ≥ 2000); per second of CPU time: ${Math.round(reports / cpuSeconds)}`);
console.log(`peak memory (RSS): ${(peakRss / 2 ** 20).toFixed(0)} MiB, heap used now: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

// Linear time on long lines (issue 13): a line of 10^5 and of 10^6 characters of each kind on a line
// of its own in seed 000, the best of three parses; linear growth is about 10x (a quadratic pattern
// gives 100x; the collector's work on a million small strings adds some).
const seed000 = texts.find((t) => t.name.startsWith('000_'))!.text;
const withLine = (line: string) => seed000.replace('\n二、主动公开政府信息情况', `\n${line}\n二、主动公开政府信息情况`);
const bestOf3 = (text: string) => {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    try {
      parseReport(text, { divisions });
    } catch {
      // refused or not: the time is what is measured
    }
    best = Math.min(best, performance.now() - t);
  }
  return best;
};
console.log(`a line of 100,000 tabs in seed 000: ${bestOf3(withLine('\t'.repeat(1e5))).toFixed(0)} ms per parse (4,500 ms in parser 1.2.0)`);
console.log('long lines in seed 000 (10^5 → 10^6 characters):');
for (const [kind, unit] of Object.entries(LONG_LINE_KINDS)) {
  const [small, large] = [1e5, 1e6].map((n) => bestOf3(withLine(longLine(unit, n))));
  console.log(`  ${kind.padEnd(32)} ${small.toFixed(0).padStart(6)} ms → ${large.toFixed(0).padStart(6)} ms (×${(large / Math.max(small, 0.5)).toFixed(1)})`);
}
