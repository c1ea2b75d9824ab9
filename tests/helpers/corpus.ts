/** Where the test reports live: the seeds are ours (tests/fixtures), the rest stay in ../shared. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SEEDS_DIR = resolve(here, '../fixtures/seeds');
export const SHARED_CORPUS_DIR = resolve(here, '../../../shared/corpus/dev');
export const sharedCorpusPresent = existsSync(SHARED_CORPUS_DIR);

export interface TruthCase {
  name: string;
  textFile: string;
  truth: Record<string, unknown>;
}

/** Every text report in a folder that has a hand-checked `*.truth.json` beside it. */
export function truthCases(dir: string): TruthCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f) && existsSync(join(dir, f.replace(/\.(txt|md)$/, '.truth.json'))))
    .sort()
    .map((f) => ({
      name: f,
      textFile: join(dir, f),
      truth: JSON.parse(readFileSync(join(dir, f.replace(/\.(txt|md)$/, '.truth.json')), 'utf8')),
    }));
}

/**
 * Field-by-field differences between a record and a truth. A key absent from the truth was not
 * checked by hand; `problemsPresent` says whether section 五 has text.
 */
export function diffAgainstTruth(record: Record<string, any>, truth: Record<string, any>): string[] {
  const diffs: string[] = [];
  const compare = (path: string, got: unknown, want: unknown) => {
    if (want === undefined) return;
    if (want !== null && typeof want === 'object') {
      for (const k of Object.keys(want)) compare(`${path}.${k}`, (got as any)?.[k], (want as any)[k]);
      return;
    }
    if (got !== want) diffs.push(`${path}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  for (const key of ['title', 'office', 'region', 'year', 'template', 'active', 'applications', 'reviewLitigation']) {
    compare(key, record[key], truth[key]);
  }
  if ('problemsPresent' in truth && Boolean(record.sections?.problems) !== truth.problemsPresent) {
    diffs.push(`problemsPresent: got ${Boolean(record.sections?.problems)}, want ${truth.problemsPresent}`);
  }
  return diffs;
}
