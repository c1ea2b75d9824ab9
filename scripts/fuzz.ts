/**
 * npm run fuzz -- N [--seed S] [--case I]: N mutated reports (scripts/lib/fuzz.ts) through the
 * parser; prints the count, crashes (exceptions other than ReportParseError), hangs (a case over
 * 2 s, measured) and impossible values stored, each with the seed and index that rebuild it
 * (`--case I` runs that one case and prints its mutations). Exits 1 on any crash, hang or
 * impossible value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fuzz } from './lib/fuzz.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const seed = option('--seed') ?? 'gongkai-fuzz-1';
const only = option('--case');
const count = Number(args[0] ?? 1000);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: npm run fuzz -- N [--seed S] [--case I]');
  process.exit(2);
}

const dir = resolve(import.meta.dirname, '../tests/fixtures/seeds');
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));

const started = performance.now();
const report = await fuzz({
  count,
  seed,
  seeds,
  only: only === undefined ? undefined : Number(only),
  onCase: (c, ms, outcome) => {
    if (only !== undefined) console.log(`case ${c.index} of seed ${seed}: ${c.base}${c.asHtml ? ' as a web page' : ''}; ${c.mutations.join('; ')}; ${outcome} in ${ms.toFixed(0)} ms`);
    else if ((c.index + 1) % 5000 === 0) console.error(`  ${c.index + 1} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  },
});

const again = (index: number) => `npm run fuzz -- --seed ${seed} --case ${index}`;
console.log(`fuzz: ${report.count} mutated reports (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(`  parsed ${report.parsed}, refused ${Object.entries(report.refused).map(([code, n]) => `${n} ${code}`).join(', ') || 0}`);
console.log(`  crashes: ${report.crashes.length}`);
for (const c of report.crashes.slice(0, 20)) console.log(`    case ${c.index} (${again(c.index)}): ${c.error} after ${c.mutations.join('; ')}`);
console.log(`  hangs (> 2 s): ${report.hangs.length}`);
for (const h of report.hangs.slice(0, 20)) console.log(`    case ${h.index} (${again(h.index)}): ${h.ms.toFixed(0)} ms after ${h.mutations.join('; ')}`);
console.log(`  impossible values stored: ${report.impossible.length}`);
for (const i of report.impossible.slice(0, 20)) console.log(`    case ${i.index} (${again(i.index)}): ${i.path} = ${i.value} after ${i.mutations.join('; ')}`);
console.log(`  slowest case: ${report.slowest.index} in ${report.slowest.ms.toFixed(0)} ms`);
process.exit(report.crashes.length || report.hangs.length || report.impossible.length ? 1 : 0);
