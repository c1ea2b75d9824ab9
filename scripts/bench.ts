/**
 * npm run bench: parser throughput on the project's own fixtures (the five seeds and the end-to-end
 * reports) and on synthetic crawler copies (one-line bodies, runs of digits: the decoder's work),
 * on one core. Target: ≥ 1,000 text reports per second.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseReport } from '../src/lib/report/index.ts';
import { loadDivisionList, loadDivisions } from './lib/divisions.ts';
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
for (let r = 0; r < rounds; r++) {
  for (const { name, text } of texts) {
    const t = performance.now();
    parseReport(text, { divisions });
    perFile.set(name, (perFile.get(name) ?? 0) + performance.now() - t);
  }
  sample();
}
const seconds = (performance.now() - start) / 1000;
const reports = rounds * texts.length;

console.log(`parser benchmark: ${texts.length} reports (fixtures and synthetic crawler copies) × ${rounds} rounds, one core`);
const count = new Map<string, number>();
for (const { name } of texts) count.set(name, (count.get(name) ?? 0) + 1);
for (const [name, ms] of perFile) console.log(`  ${name.padEnd(34)} ${(ms / rounds / count.get(name)!).toFixed(2)} ms per parse`);
console.log(`reports per second: ${Math.round(reports / seconds)} (target ≥ 1000)`);
console.log(`peak memory (RSS): ${(peakRss / 2 ** 20).toFixed(0)} MiB, heap used now: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
