/**
 * Prints one synthetic report (scripts/lib/synthetic.ts) exactly as a round-trip test builds it.
 *   npx tsx scripts/print-synthetic.ts --layout crawler-spaced --template 2021 --index 7
 * Options: --layout (default crawler-one-line; any of LAYOUTS, CRAWLER_LAYOUTS or SHAPE_LAYOUTS), --template
 * 2021|2019 (default 2021), --index N (default 0), --seed S (default: the test's own, CRAWLER_SEED for
 * the crawler round trip, tests/roundtrip.test.ts's for the others), --expected (then the numbers as
 * JSON), --body (only the body: for a crawler page, the text after the 正文 rule), --crawler (a layout
 * of LAYOUTS as the crawler round trip builds it: 'cell-per-line'), --source (the file as published:
 * a web page's HTML rather than the text the parser reads of it).
 * CRAWLER_LAYOUTS and SHAPE_LAYOUTS come from crawlerCase, as in tests/roundtrip.crawler.test.ts; the
 * other layouts repeat roundTripCase of tests/roundtrip.test.ts (every cell non-zero).
 */
import { parseArgs } from 'node:util';
import type { TemplateId } from '../src/lib/report/template.ts';
import { loadDivisionList } from './lib/divisions.ts';
import {
  CRAWLER_LAYOUTS,
  CRAWLER_SEED,
  LAYOUTS,
  SHAPE_LAYOUTS,
  TEMPLATES,
  crawlerCase,
  mulberry32,
  officePicker,
  pick,
  randInt,
  seedOf,
  syntheticReport,
  type Layout,
} from './lib/synthetic.ts';

const ROUNDTRIP_SEED = 'gongkai-roundtrip-1';

const { values } = parseArgs({
  options: {
    layout: { type: 'string', default: 'crawler-one-line' },
    template: { type: 'string', default: '2021' },
    index: { type: 'string', default: '0' },
    seed: { type: 'string' },
    expected: { type: 'boolean', default: false },
    body: { type: 'boolean', default: false },
    crawler: { type: 'boolean', default: false },
    source: { type: 'boolean', default: false },
  },
});

const layouts: readonly Layout[] = [...LAYOUTS, ...CRAWLER_LAYOUTS, ...SHAPE_LAYOUTS];
const layout = values.layout as Layout;
const template = values.template as TemplateId;
const index = Number(values.index);
if (!layouts.includes(layout) || !TEMPLATES.includes(template) || !Number.isInteger(index) || index < 0) {
  process.stderr.write(
    `usage: npx tsx scripts/print-synthetic.ts [--layout ${layouts.join('|')}] [--template ${TEMPLATES.join('|')}] [--index N] [--seed S] [--expected] [--body] [--crawler] [--source]\n`,
  );
  process.exit(2);
}

const randomOffice = officePicker(loadDivisionList());
const crawler = values.crawler || ([...CRAWLER_LAYOUTS, ...SHAPE_LAYOUTS] as readonly Layout[]).includes(layout);
const seed = values.seed ?? (crawler ? CRAWLER_SEED : ROUNDTRIP_SEED);

function roundTripCase() {
  // As tests/roundtrip.test.ts builds its cases.
  const rng = mulberry32(seedOf(seed, template, layout, index));
  const year = template === '2021' ? randInt(rng, 2021, 2025) : pick(rng, [2019, 2020, 2020, 2022, 2023]);
  return syntheticReport(rng, { template, layout, office: randomOffice(rng), year, sparsity: 0 });
}

const made = crawler ? crawlerCase(seed, template, layout, index, randomOffice) : roundTripCase();
// What the parser reads (a web page through the HTML reader), or with --source the file as published.
const text = crawler && values.source ? (made as ReturnType<typeof crawlerCase>).source : made.text;
const expected = made.expected;
const rule = '==================== 正文 ====================\n';
const shown = values.body && text.includes(rule) ? text.slice(text.indexOf(rule) + rule.length) : text;
process.stdout.write(shown + '\n');
if (values.expected) process.stdout.write('\n' + JSON.stringify(expected, null, 2) + '\n');
