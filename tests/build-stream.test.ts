/**
 * The streaming build (issue 16): files wait in a spool while only their index stays in memory.
 * The spool gives back exactly what was put in (on disk in Node, in memory in the browser); a build
 * in reader threads, results arriving in any order with a file that fails among them, gives the
 * bytes of a build one file at a time and of the browser's assembler.
 */
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { buildDatabase, type InputFile } from '../scripts/lib/build-database';
import { loadDivisions } from '../scripts/lib/divisions';
import { FileSpool } from '../scripts/lib/file-spool';
import { assembleDatabase, indexResult } from '../src/lib/build/assemble';
import { readReportFile, type FileResult, type ParsedFile } from '../src/lib/build/read-file';
import { MemorySpool } from '../src/lib/build/spool';
import { readLimits } from '../src/lib/formats';
import { syntheticCollection } from './helpers/synthetic-collection';

const seed = (name: string) => readFileSync(`tests/fixtures/seeds/${name}.txt`);

async function parsed(path: string, bytes: Uint8Array): Promise<ParsedFile> {
  const result = await readReportFile({ path }, () => bytes, { divisions: loadDivisions(), limits: readLimits() });
  if (!result.ok) throw new Error(result.file.message);
  return result.file;
}

describe('the spool', () => {
  it('gives back each parsed file as it was, by the reference it was written at, on disk and in memory', async () => {
    const files = [await parsed('a/001.txt', seed('001_ece336a5f188f35c')), await parsed('b/002.txt', seed('002_c3699d8ca2ce9b9a'))];
    // A text of every kind of character JSON escapes, and one past the Basic Multilingual Plane.
    files.push({ ...files[0], path: 'c/odd.txt', text: '引号"\\反斜杠\n\t\u0000\u2028𠀋 end' });
    const disk = new FileSpool();
    const memory = new MemorySpool();
    try {
      const refs = files.map((f) => {
        const { result, entry } = indexResult({ ok: true, file: f });
        expect(result.ok && result.file.spoolBytes).toBe(entry!.length);
        return [disk.write(entry!), memory.write(entry!)];
      });
      expect(refs[0][0]).toBe(0);
      expect(disk.bytes).toBe(refs[2][0] + indexResult({ ok: true, file: files[2] }).entry!.length);
      // Read back out of order, twice.
      for (const i of [2, 0, 1, 0]) {
        expect(disk.read(refs[i][0])).toEqual(files[i]);
        expect(memory.read(refs[i][1])).toEqual(files[i]);
      }
    } finally {
      disk.close();
    }
  });

  it('indexes a file without its texts: a few numbers and the compared sections’ signatures', async () => {
    const file = await parsed('a/001.txt', seed('001_ece336a5f188f35c'));
    const { result } = indexResult({ ok: true, file });
    if (!result.ok) throw new Error('not indexed');
    expect(result.file.path).toBe('a/001.txt');
    expect(result.file.year).toBe(file.record.year);
    expect(result.file.warnings).toBe(file.record.warnings.length);
    expect(result.file.signatures!.overview!.bigrams.length).toBeGreaterThan(50);
    expect(JSON.stringify(result.file)).not.toContain(file.record.sections.overview!.slice(0, 20));
  });
});

describe('a build as results stream in', () => {
  it('gives the same bytes in reader threads as one file at a time and in the browser’s assembler, with a failing file among the others and copies that disagree (their cells counted in the threads)', async () => {
    const files: InputFile[] = syntheticCollection({ seed: 16_6, offices: 40, years: [2022, 2023] });
    // Copies of two reports whose numbers differ in one cell: conflicts, whose cells the reader threads count.
    const tabbed = files.filter((f) => /\t\d+/.test(new TextDecoder().decode(f.read()))).slice(0, 2);
    expect(tabbed).toHaveLength(2);
    for (const file of tabbed) {
      const changed = new TextDecoder().decode(file.read()).replace(/\t(\d+)/, (_, n: string) => `\t${Number(n) + 1}`);
      files.push({ path: `zz-copy-of-${file.path}`, read: () => new TextEncoder().encode(changed) });
    }
    // Files that fail in the middle of the stream: not a report, and one that cannot be read at all.
    files.splice(30, 0, { path: '0015-notes.txt', read: () => new TextEncoder().encode('会议纪要\n今天天气很好。') });
    files.splice(50, 0, {
      path: '0025-gone.txt',
      read: () => {
        throw Object.assign(new Error('gone'), { code: 'ENOENT' });
      },
    });
    const threaded = await buildDatabase({ files, divisions: loadDivisions(), threads: 2 });
    const single = await buildDatabase({ files, divisions: loadDivisions() });
    expect(threaded.summary.failed).toBe(2);
    expect(threaded.summary.parsed).toBe(82);
    expect(threaded.summary.failures.join('\n')).toMatch(/0015-notes\.txt[\s\S]*0025-gone\.txt/);
    expect(threaded.summary.conflicts).toHaveLength(2);
    for (const message of threaded.summary.conflicts) expect(message).toMatch(/zz-copy-of-.* differs in 1 cells/);
    expect(threaded.summary.conflicts).toEqual(single.summary.conflicts);
    expect(Buffer.from(threaded.database).equals(Buffer.from(single.database))).toBe(true);

    // The browser's assembler: the same results, in another order.
    const limits = readLimits();
    const results: FileResult[] = [];
    for (const f of [...files].reverse()) results.push(await readReportFile(f, f.read, { divisions: loadDivisions(), limits }));
    const browser = await assembleDatabase(await initSqlJs(), results, { limits });
    expect(Buffer.from(browser.database).equals(Buffer.from(single.database))).toBe(true);
  }, 120_000);
});
