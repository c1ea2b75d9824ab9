/**
 * A folder of hostile and odd inputs (scripts/lib/hostile.ts: zip bomb, millions of XML nodes, a
 * 120 MB file, a million tabs on a line, UTF-16 without a BOM, symlinks good, broken and looping,
 * conflicting copies…) goes through the real CLI: the build finishes, in bounded memory, and every
 * entry is accounted for with the reason the folder's generator expects.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeHostileFolder, type HostileEntry } from '../scripts/lib/hostile';
import { open, rows } from './helpers/database';
import { SEEDS_DIR } from './helpers/corpus';
import type { Database } from 'sql.js';

const ROOT = resolve(import.meta.dirname, '..');
const REPORT = readFileSync(join(SEEDS_DIR, '001_ece336a5f188f35c.txt'), 'utf8');
const EDITED = REPORT.replace(/^行政许可\t0/m, '行政许可\t5');

describe('a hostile reports folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-hostile-'));
  const reports = join(dir, 'reports');
  let entries: HostileEntry[];
  let db: Database;
  let stderr = '';
  let stdout = '';
  let peakKb = 0;

  beforeAll(async () => {
    expect(EDITED).not.toBe(REPORT);
    entries = writeHostileFolder(reports, REPORT, EDITED);
    // GNU time reports the child's peak resident memory (KB) on stderr's last line.
    const run = promisify(execFile);
    const result = await run('/usr/bin/time', ['-f', 'peak-kb %M', 'npx', 'tsx', 'scripts/build-data.ts', '--reports', reports, '--out', join(dir, 'out.sqlite'), '--offices', 'none'], {
      cwd: ROOT,
      maxBuffer: 1 << 26,
    });
    ({ stdout, stderr } = result);
    peakKb = Number(/peak-kb (\d+)/.exec(stderr)?.[1]);
    db = await open(readFileSync(join(dir, 'out.sqlite')));
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes with a database, within bounded memory', () => {
    expect(stdout).toMatch(/files seen/);
    // A bound, not a speed target: the 400 MB bomb and the 120 MB file are never held whole.
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb).toBeLessThan(1_500_000);
  });

  it('accounts for every entry as the generator expects', () => {
    const files = new Map(rows(db, 'SELECT path, status, error_code, message FROM files').map((r) => [r.path as string, r]));
    for (const e of entries) {
      const row = files.get(e.path);
      if (e.expect.status === 'not-listed') {
        expect(row, `${e.path}: ${e.why}`).toBeUndefined();
      } else if (e.expect.status === 'read') {
        expect(row?.status, `${e.path}: ${e.why}`).toMatch(/^(parsed|duplicate)$/);
      } else {
        expect({ path: e.path, status: row?.status, code: row?.error_code }, e.why).toEqual({ path: e.path, status: 'failed', code: e.expect.code });
        expect(row?.message as string, e.why).toContain(e.path);
      }
    }
    // Nothing else: no file reached twice through the looping link.
    expect([...files.keys()].sort()).toEqual(entries.filter((e) => e.expect.status !== 'not-listed').map((e) => e.path).sort());
    expect(rows(db, "SELECT count(*) AS n FROM files WHERE status = 'parsed'")).toEqual([{ n: 1 }]);
  });

  it('prints the failures and the conflict on stderr', () => {
    for (const e of entries.filter((e) => e.expect.status === 'failed')) expect(stderr).toContain(`✗ ${e.path}: `);
    expect(stderr).toMatch(/⚠ conflict: 花园办事处 2022: 2 copies disagree; kept \S+ by undecided/);
    expect(rows(db, "SELECT path FROM files WHERE conflict_rule = 'unresolved' AND numbers_differ = 1")).toEqual([{ path: 'nested/deeper/report-edited.txt' }]);
  });
});
