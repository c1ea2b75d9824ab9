/**
 * npm run bench: parser throughput on the project's own fixtures (the five seeds and the end-to-end
 * reports), on one core. Target: ≥ 500 text reports per second.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseReport } from '../src/lib/report/index.ts';
import { loadDivisions } from './lib/divisions.ts';

const root = resolve(import.meta.dirname, '..');
const folders = [join(root, 'tests/fixtures/seeds'), join(root, 'tests/fixtures/e2e/reports')];
const texts = folders.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })),
);
const divisions = loadDivisions();

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

console.log(`parser benchmark: ${texts.length} fixture reports × ${rounds} rounds, one core`);
for (const [name, ms] of perFile) console.log(`  ${name.padEnd(34)} ${(ms / rounds).toFixed(2)} ms per parse`);
console.log(`reports per second: ${Math.round(reports / seconds)} (target ≥ 500)`);
console.log(`peak memory (RSS): ${(peakRss / 2 ** 20).toFixed(0)} MiB, heap used now: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
