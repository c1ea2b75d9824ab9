/**
 * How the parser reads the cells of tables 二, 三 and 四: files parsed, cells read, cells decoded
 * (split from a run of digits, expanded from a line printed once, a blank read as 0), cells left
 * null and why (from the warning that names their row), and, for generated reports, wrong numbers
 * (a cell read as another number than the one rendered; must be 0).
 *   npx tsx scripts/decode-figures.ts --reports ../shared/corpus/pingtan   # a folder (.txt, .md, .html, .htm)
 *   npx tsx scripts/decode-figures.ts --generated 5000 [--seed S]           # crawler and other shapes, realistic numbers
 * --examples names, for each reason, the first cell left null for it (file and cell).
 * Generated reports cycle over both templates and the layouts of the crawler round trip
 * (tests/roundtrip.crawler.test.ts): CRAWLER_LAYOUTS, 'cell-per-line' and SHAPE_LAYOUTS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { htmlToText } from '../src/lib/formats/html.ts';
import { parseReport, ReportParseError, type ReportRecord } from '../src/lib/report/index.ts';
import { ACTIVE_ITEMS, APPLICATION_ROWS, REVIEW_GROUPS } from '../src/lib/report/template.ts';
import { loadDivisionList, loadDivisions } from './lib/divisions.ts';
import { CRAWLER_LAYOUTS, CRAWLER_SEED, SHAPE_LAYOUTS, TEMPLATES, crawlerCase, officePicker, type Layout, type ReportSpec } from './lib/synthetic.ts';

const { values } = parseArgs({
  options: { reports: { type: 'string' }, generated: { type: 'string' }, seed: { type: 'string', default: CRAWLER_SEED }, examples: { type: 'boolean', default: false } },
});
if (!values.reports && !values.generated) {
  console.error('usage: npx tsx scripts/decode-figures.ts --reports DIR | --generated N [--seed S]');
  process.exit(2);
}

export const ROUNDTRIP_LAYOUTS: readonly Layout[] = [...CRAWLER_LAYOUTS, 'cell-per-line', ...SHAPE_LAYOUTS];
const TABLES = ['active', 'applications', 'reviewLitigation'] as const;

/** Why a cell is null, from the warning naming its row; the first pattern that fits wins. */
const REASONS: [string, RegExp][] = [
  ['no reading adds up', /no reading of it adds up|no choice makes the table add up/],
  ['too many readings', /too many readings/],
  ['ambiguous readings', /reads as .+ or |orders add up|adds up either way/],
  ['one reading no identity confirms', /no identity of table 二 can confirm/],
  ['count of numbers off', /cannot be read as its|has \d+ of \d+ values|which columns they belong to|values where the template has|more than the template/],
  ['impossible value', /^impossible value/],
  ['not printed (blank, missing row or table)', /not found|blank|read as null|prints only its total|missing|no values/],
];

/** The labels a warning names a row by: table → row key → the strings to look for. */
const ROW_NAMES: Record<(typeof TABLES)[number], Map<string, string[]>> = {
  active: new Map([...ACTIVE_ITEMS['2021'], ...ACTIVE_ITEMS['2019']].map((i) => [i.key, [`table 二: row "${i.label}"`, `table 二: ${i.label} `]])),
  applications: new Map(APPLICATION_ROWS.map((r) => [r.key, [`row "${r.label}"`]])),
  reviewLitigation: new Map(REVIEW_GROUPS.map((g) => [g.key, [`table 四: ${g.label} `]])),
};
const TABLE_WORD = { active: 'table 二', applications: 'table 三', reviewLitigation: 'table 四' } as const;

interface Figures {
  files: number;
  parsed: number;
  refused: Map<string, number>;
  read: number;
  decoded: Map<string, number>;
  nulls: Map<string, number>;
  /** The first cell left null for each reason. */
  nullExamples: Map<string, string>;
  wrong: number;
  wrongExamples: string[];
}
const figures = (): Figures => ({ files: 0, parsed: 0, refused: new Map(), read: 0, decoded: new Map(), nulls: new Map(), nullExamples: new Map(), wrong: 0, wrongExamples: [] });
const bump = (m: Map<string, number>, k: string, n = 1) => m.set(k, (m.get(k) ?? 0) + n);

function reasonOf(record: ReportRecord, table: (typeof TABLES)[number], row: string): string {
  const names = ROW_NAMES[table].get(row) ?? [];
  const named = record.warnings.filter((w) => w.startsWith(TABLE_WORD[table]) && names.some((n) => w.includes(n)));
  // A table-wide warning (table 四 as one run, a table missing) when no warning names the row.
  const about = named.length ? named : record.warnings.filter((w) => w.startsWith(TABLE_WORD[table]) || w.includes(`section ${TABLE_WORD[table].slice(-1)} `));
  for (const [reason, pattern] of REASONS) if (about.some((w) => pattern.test(w))) return reason;
  return 'other';
}

function tally(f: Figures, name: string, text: string, want?: ReportSpec) {
  f.files++;
  const decoded = new Map<string, 'run' | 'repeats' | 'blank'>();
  let record: ReportRecord;
  try {
    record = parseReport(text, { fileName: name, divisions, decoded });
  } catch (e) {
    if (!(e instanceof ReportParseError)) throw e;
    bump(f.refused, e.code);
    return;
  }
  f.parsed++;
  for (const how of decoded.values()) bump(f.decoded, how);
  for (const table of TABLES) {
    const rows: Record<string, Record<string, number | null> | null> = record[table];
    const wantRows: Record<string, Record<string, number | null> | null> | undefined = want?.[table];
    for (const [row, cells] of Object.entries(rows)) {
      if (!cells) continue;
      for (const [col, got] of Object.entries(cells)) {
        const truth = wantRows ? (wantRows[row]?.[col] ?? null) : undefined;
        if (got === null) {
          // A generated cell the report itself leaves blank is not the parser's null.
          if (truth === null) continue;
          const reason = reasonOf(record, table, row);
          bump(f.nulls, reason);
          if (!f.nullExamples.has(reason)) f.nullExamples.set(reason, `${name}: ${table}.${row}.${col}`);
        } else {
          f.read++;
          if (truth !== undefined && got !== truth) {
            f.wrong++;
            if (f.wrongExamples.length < 10) f.wrongExamples.push(`${name}: ${table}.${row}.${col} read ${got}, rendered ${truth}`);
          }
        }
      }
    }
  }
}

function print(title: string, f: Figures, generated: boolean) {
  const nulls = [...f.nulls.values()].reduce((a, b) => a + b, 0);
  const decoded = [...f.decoded.values()].reduce((a, b) => a + b, 0);
  const lines = [
    `${title}: ${f.files} files, ${f.parsed} parsed${f.refused.size ? ` (refused: ${[...f.refused].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}`,
    `  cells read ${f.read}, of which decoded ${decoded} (${[...f.decoded].map(([k, n]) => `${k === 'run' ? 'split from runs' : k === 'repeats' ? 'expanded from lines printed once' : 'blanks read as 0'} ${n}`).join(', ') || 'none'})`,
    `  cells left null ${nulls}${nulls ? ':' : ''}`,
    ...[...f.nulls].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `    ${reason}: ${n}` + (values.examples ? ` (first: ${f.nullExamples.get(reason)})` : '')),
  ];
  if (generated) lines.push(`  wrong numbers ${f.wrong}`, ...f.wrongExamples.map((w) => `    ${w}`));
  console.log(lines.join('\n'));
}

const divisions = loadDivisions();

if (values.reports) {
  const f = figures();
  for (const file of readdirSync(values.reports).sort()) {
    const ext = extname(file).toLowerCase();
    if (!['.txt', '.md', '.html', '.htm'].includes(ext)) continue;
    const raw = readFileSync(join(values.reports, file), 'utf8');
    tally(f, file, ext === '.txt' || ext === '.md' ? raw : htmlToText(raw));
  }
  print(values.reports, f, false);
}

if (values.generated) {
  const n = Number(values.generated);
  const randomOffice = officePicker(loadDivisionList());
  const all = figures();
  const byLayout = new Map<Layout, Figures>(ROUNDTRIP_LAYOUTS.map((l) => [l, figures()]));
  const combos = TEMPLATES.flatMap((t) => ROUNDTRIP_LAYOUTS.map((l) => [t, l] as const));
  for (let i = 0; i < n; i++) {
    const [template, layout] = combos[i % combos.length];
    const index = Math.floor(i / combos.length);
    const { text, expected } = crawlerCase(values.seed!, template, layout, index, randomOffice);
    const name = `crawlerCase('${values.seed}', '${template}', '${layout}', ${index})`;
    tally(all, name, text, expected);
    tally(byLayout.get(layout)!, name, text, expected);
  }
  for (const [layout, f] of byLayout) print(`  ${layout}`, f, true);
  print(`${n} generated reports (seed ${values.seed})`, all, true);
}
