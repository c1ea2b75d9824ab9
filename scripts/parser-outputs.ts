/**
 * tsx scripts/parser-outputs.ts OUT.json [FOLDER …]: every record (or refusal) the parser makes of
 * the inputs the tests use — seeds, end-to-end reports, and the folders named (a corpus kept outside
 * the project, e.g. ../shared/corpus/dev ../shared/corpus/pingtan), their traditional-character copies — and of a few thousand synthetic, crawler and fuzzed reports, as
 * one JSON file. Written before and after a change to the parser, the two files must be equal byte
 * for byte when the change is meant to leave the output alone (a speed-up).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Converter } from 'opencc-js';
import { parseReport, ReportParseError } from '../src/lib/report/index.ts';
import { loadDivisionList, loadDivisions } from './lib/divisions.ts';
import { fuzzCase } from './lib/fuzz.ts';
import { CRAWLER_LAYOUTS, CRAWLER_SEED, LAYOUTS, SHAPE_LAYOUTS, TEMPLATES, crawlerCase, mulberry32, officePicker, pick, realisticNumberOptions, seedOf, syntheticReport } from './lib/synthetic.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: tsx scripts/parser-outputs.ts OUT.json [FOLDER …]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const texts: { name: string; text: string }[] = [];
const folder = (dir: string) => {
  if (!existsSync(dir)) return console.warn(`skipped: ${dir} is not there`);
  for (const f of readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort()) texts.push({ name: f, text: readFileSync(join(dir, f), 'utf8') });
};
folder(join(root, 'tests/fixtures/seeds'));
folder(join(root, 'tests/fixtures/e2e/reports'));
for (const dir of process.argv.slice(3)) folder(resolve(dir));
const toTraditional = Converter({ from: 'cn', to: 'tw' });
for (const t of [...texts]) texts.push({ name: `traditional ${t.name}`, text: toTraditional(t.text) });

const pickOffice = officePicker(loadDivisionList());
const count = Number(process.env.SYNTHETIC ?? 3000);
for (let i = 0; i < count; i++) {
  const rng = mulberry32(seedOf('parser-outputs', i));
  const template = pick(rng, TEMPLATES);
  const layout = pick(rng, LAYOUTS);
  const sparsity = pick(rng, [0, 0.2, 0.5, 0.9, 0.97]);
  texts.push({ name: `synthetic ${i}`, text: syntheticReport(rng, { template, layout, office: pickOffice(rng), sparsity, numbers: realisticNumberOptions(rng) }).text });
}
for (const template of TEMPLATES)
  for (const layout of CRAWLER_LAYOUTS)
    for (let i = 0; i < count / 6; i++) texts.push({ name: `crawler ${template} ${layout} ${i}`, text: crawlerCase(CRAWLER_SEED, template, layout, i, pickOffice).text });
// The other shapes of the crawler round trip (one cell per line, lines printed once, zeros as blanks).
for (const template of TEMPLATES)
  for (const layout of ['cell-per-line', ...SHAPE_LAYOUTS] as const)
    for (let i = 0; i < count / 30; i++) texts.push({ name: `shape ${template} ${layout} ${i}`, text: crawlerCase(CRAWLER_SEED, template, layout, i, pickOffice).text });
const seeds = texts.filter((t) => /^00\d_/.test(t.name));
for (let i = 0; i < count; i++) texts.push({ name: `fuzz ${i}`, text: fuzzCase('parser-outputs', i, seeds).text });

const divisions = loadDivisions();
const records: Record<string, unknown> = {};
let parseMs = 0;
for (const { name, text } of texts) {
  const t0 = performance.now();
  try {
    records[name] = parseReport(text, { fileName: name, divisions });
  } catch (e) {
    if (!(e instanceof ReportParseError)) throw e;
    records[name] = { refused: e.code, message: e.message };
  }
  parseMs += performance.now() - t0;
}
writeFileSync(out, JSON.stringify(records));
console.log(`${texts.length} inputs, parsed in ${(parseMs / 1000).toFixed(1)} s, written to ${out}`);
