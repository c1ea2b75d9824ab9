/**
 * The parser against mutated reports (issue 13): seeded mutations of the seed reports and of the
 * synthetic generator's reports — bytes flipped, digits swapped, lines deleted or duplicated, huge
 * runs of whitespace or digits inserted, impossible numbers, truncation, text in one encoding read
 * as another. Each case is parsed (and, one in ten, read as a web page first); what counts is what
 * must never happen: an exception other than ReportParseError (a crash), a case that takes over
 * `hangMs` (a hang: measured, reported), and a value no cell can hold stored in a record.
 * Every case is named by (seed, index) and rebuilt from them alone.
 */
import iconv from 'iconv-lite';
import { extractText } from '../../src/lib/formats/index.ts';
import { parseReport, ReportParseError, type ReportRecord } from '../../src/lib/report/index.ts';
import { activeColumnKind, impossibility } from '../../src/lib/report/values.ts';
import { CRAWLER_LAYOUTS, LAYOUTS, TEMPLATES, chance, crawlerCase, mulberry32, pick, randInt, realisticNumberOptions, seedOf, syntheticReport, type Rng } from './synthetic.ts';

export interface FuzzCase {
  index: number;
  base: string;
  mutations: string[];
  text: string;
  /** Read through the HTML reader first. */
  asHtml: boolean;
}

export interface FuzzReport {
  count: number;
  parsed: number;
  refused: Record<string, number>;
  crashes: { index: number; mutations: string[]; error: string }[];
  hangs: { index: number; mutations: string[]; ms: number }[];
  impossible: { index: number; mutations: string[]; path: string; value: number }[];
  slowest: { index: number; ms: number };
}

const HUGE_UNITS = ['\t', ' ', '\u3000', '\n', '7', '0', '0 ', '1 ', '７', '数', '一、', '（一）', '、。，：；（）', '\t0', '-', '.'];
const IMPOSSIBLE_NUMBERS = ['-2', '-9', '3.5', '0.5', '9007199254740993', '99999999999999999999', 'Infinity', '1e5', '-0', '１２', 'NaN', '+3'];

/** The largest text a case grows to: the size of the linear-time test's lines. */
export const MAX_CHARS = 1_000_000;

/** The length of an inserted run: 10^2 to 10^5 characters, evenly on a log scale. */
const hugeLength = (rng: Rng) => Math.round(10 ** (2 + 3 * rng()));

type Mutation = (text: string, rng: Rng) => [string, string];

const MUTATIONS: Mutation[] = [
  (t, rng) => {
    // Bytes flipped in the UTF-8 text, decoded again (invalid sequences become U+FFFD).
    const bytes = new TextEncoder().encode(t);
    const n = randInt(rng, 1, 20);
    for (let i = 0; i < n && bytes.length; i++) bytes[Math.floor(rng() * bytes.length)] ^= 1 << randInt(rng, 0, 7);
    return [new TextDecoder().decode(bytes), `flip ${n} bytes`];
  },
  (t, rng) => {
    const digits = [...t.matchAll(/\d/g)].map((m) => m.index);
    if (!digits.length) return [t, 'no digit to change'];
    const at = pick(rng, digits);
    const d = String(randInt(rng, 0, 9));
    return [t.slice(0, at) + d + t.slice(at + 1), `digit at ${at} → ${d}`];
  },
  (t, rng) => {
    const lines = t.split('\n');
    const at = Math.floor(rng() * lines.length);
    const op = pick(rng, ['delete', 'duplicate', 'swap'] as const);
    if (op === 'delete') lines.splice(at, 1);
    else if (op === 'duplicate') lines.splice(at, 0, ...Array(randInt(rng, 1, 50)).fill(lines[at]));
    else if (at + 1 < lines.length) [lines[at], lines[at + 1]] = [lines[at + 1], lines[at]];
    return [lines.join('\n'), `${op} line ${at + 1}`];
  },
  (t, rng) => {
    const unit = pick(rng, HUGE_UNITS);
    const n = hugeLength(rng);
    const at = Math.floor(rng() * (t.length + 1));
    return [t.slice(0, at) + unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + t.slice(at), `insert ${n} × ${JSON.stringify(unit)} at ${at}`];
  },
  (t, rng) => {
    const numbers = [...t.matchAll(/\d+/g)];
    if (!numbers.length) return [t, 'no number to replace'];
    const m = pick(rng, numbers);
    const by = pick(rng, IMPOSSIBLE_NUMBERS);
    return [t.slice(0, m.index) + by + t.slice(m.index + m[0].length), `number at ${m.index} → ${by}`];
  },
  (t, rng) => {
    const at = Math.floor(rng() * t.length);
    return [t.slice(0, at), `truncate at ${at}`];
  },
  (t, rng) => {
    // A stretch of the text in GBK read as UTF-8, or in UTF-8 read as GB18030 or Latin-1.
    const from = Math.floor(rng() * t.length);
    const to = Math.min(t.length, from + hugeLength(rng));
    const piece = t.slice(from, to);
    const how = pick(rng, ['gbk as utf-8', 'utf-8 as gb18030', 'utf-8 as latin1'] as const);
    const mixed =
      how === 'gbk as utf-8'
        ? new TextDecoder().decode(iconv.encode(piece, 'gbk'))
        : new TextDecoder(how === 'utf-8 as gb18030' ? 'gb18030' : 'latin1').decode(new TextEncoder().encode(piece));
    return [t.slice(0, from) + mixed + t.slice(to), `${how} for ${from}–${to}`];
  },
  (t, rng) => {
    // Control characters and stray markup.
    const at = Math.floor(rng() * (t.length + 1));
    const junk = pick(rng, ['\u0000', '\u0007', '\ufffd', '<!--', '-->', '|', '#', '**', '\r', '\u2028', '\ufeff']);
    return [t.slice(0, at) + junk.repeat(randInt(rng, 1, 30)) + t.slice(at), `insert ${JSON.stringify(junk)} at ${at}`];
  },
];

/** The base reports: the given texts (the seeds) and synthetic ones of every layout. */
function baseReport(rng: Rng, seeds: { name: string; text: string }[]): { name: string; text: string } {
  const kind = rng();
  if (kind < 0.4 && seeds.length) return pick(rng, seeds);
  const template = pick(rng, TEMPLATES);
  if (kind < 0.7) {
    const layout = pick(rng, LAYOUTS);
    return { name: `synthetic ${template} ${layout}`, text: syntheticReport(rng, { template, layout, numbers: realisticNumberOptions(rng) }).text };
  }
  const layout = pick(rng, CRAWLER_LAYOUTS);
  const index = randInt(rng, 0, 999);
  return { name: `crawler ${template} ${layout} ${index}`, text: crawlerCase('fuzz', template, layout, index).text };
}

export function fuzzCase(seed: string, index: number, seeds: { name: string; text: string }[]): FuzzCase {
  const rng = mulberry32(seedOf('fuzz', seed, index));
  const base = baseReport(rng, seeds);
  let text = base.text;
  const mutations: string[] = [];
  for (let n = randInt(rng, 1, 4); n > 0; n--) {
    const [next, what] = pick(rng, MUTATIONS)(text, rng);
    // A hang is a report read slowly for its size: cases stay within MAX_CHARS (a 170 KB line
    // duplicated fifty times is a 12 MB web page, read in linear time, slowly).
    if (next.length > MAX_CHARS) mutations.push(`${what}: skipped, over ${MAX_CHARS} characters`);
    else {
      text = next;
      mutations.push(what);
    }
  }
  return { index, base: base.name, mutations, text, asHtml: chance(rng, 0.1) };
}

/** A record's cells holding values no cell can: a count negative, fractional or beyond 2^53 − 1. */
export function impossibleCells(record: ReportRecord): { path: string; value: number }[] {
  const out: { path: string; value: number }[] = [];
  for (const table of ['active', 'applications', 'reviewLitigation'] as const) {
    for (const [row, cells] of Object.entries(record[table] as Record<string, Record<string, number | null> | null>)) {
      for (const [column, value] of Object.entries(cells ?? {})) {
        if (value === null) continue;
        const kind = table === 'active' ? activeColumnKind(column) : 'count';
        if (typeof value !== 'number' || impossibility(value, kind) !== null) out.push({ path: `${table}.${row}.${column}`, value });
      }
    }
  }
  return out;
}

function pageOf(text: string): Uint8Array {
  const escape = (l: string) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = text
    .split('\n')
    .map((l) => (l.includes('\t') ? `<table><tr><td>${l.split('\t').map(escape).join('</td><td>')}</td></tr></table>` : `<p>${escape(l)}</p>`))
    .join('\n');
  return new TextEncoder().encode(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
}

export interface FuzzOptions {
  count: number;
  seed: string;
  /** The seed reports (read by the caller: this module does no file reading). */
  seeds: { name: string; text: string }[];
  /** A case slower than this is a hang (measured, reported). */
  hangMs?: number;
  /** Only this case. */
  only?: number;
  onCase?: (c: FuzzCase, ms: number, outcome: string) => void;
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const hangMs = options.hangMs ?? 2000;
  const report: FuzzReport = { count: 0, parsed: 0, refused: {}, crashes: [], hangs: [], impossible: [], slowest: { index: -1, ms: 0 } };
  const indexes = options.only !== undefined ? [options.only] : Array.from({ length: options.count }, (_, i) => i);
  for (const index of indexes) {
    const c = fuzzCase(options.seed, index, options.seeds);
    report.count++;
    const start = performance.now();
    let outcome = 'parsed';
    try {
      const text = c.asHtml ? (await extractText('fuzz.html', pageOf(c.text))).text : c.text;
      const record = parseReport(text);
      report.parsed++;
      for (const cell of impossibleCells(record)) report.impossible.push({ index, mutations: c.mutations, ...cell });
    } catch (e) {
      if (e instanceof ReportParseError) {
        report.refused[e.code] = (report.refused[e.code] ?? 0) + 1;
        outcome = `refused (${e.code})`;
      } else {
        outcome = 'crash';
        report.crashes.push({ index, mutations: c.mutations, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      }
    }
    const ms = performance.now() - start;
    if (ms > hangMs) report.hangs.push({ index, mutations: c.mutations, ms });
    if (ms > report.slowest.ms) report.slowest = { index, ms };
    options.onCase?.(c, ms, outcome);
  }
  return report;
}
