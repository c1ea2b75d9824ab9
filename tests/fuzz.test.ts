/**
 * The fuzzer's core (scripts/lib/fuzz.ts) at a small N: mutated seed and synthetic reports are read
 * or refused with a ReportParseError, and no record stores a value no cell can hold. `npm run fuzz
 * -- 100000` runs the same at scale and reports hangs too (no timing is asserted here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzz, fuzzCase } from '../scripts/lib/fuzz';
import { SEEDS_DIR } from './helpers/corpus';

const seeds = readdirSync(SEEDS_DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(SEEDS_DIR, f), 'utf8') }));

describe('fuzz', () => {
  it('a case is rebuilt from its seed and index alone', () => {
    const a = fuzzCase('test', 7, seeds);
    expect(fuzzCase('test', 7, seeds)).toEqual(a);
    expect(a.mutations.length).toBeGreaterThan(0);
    expect(fuzzCase('test', 8, seeds).text).not.toBe(a.text);
  });

  it('300 mutated reports: no crash, no impossible value stored', async () => {
    const report = await fuzz({ count: 300, seed: 'gongkai-fuzz-ci', seeds, hangMs: Infinity });
    expect(report.count).toBe(300);
    expect(report.crashes).toEqual([]);
    expect(report.impossible).toEqual([]);
    // Most mutated reports are still read: the cases reach the tables, not just the refusals.
    expect(report.parsed).toBeGreaterThan(150);
  }, 120_000);
});
