/**
 * Odd files a reports folder or a person's download holds: symbolic links (to files, to folders,
 * broken, in loops), a report inside a <pre>, text in UTF-16 without a BOM. Each is read or
 * accounted for with a reason, never dropped without mention.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../src/lib/formats';
import { sniffUtf16 } from '../src/lib/formats/text';
import { parseReport } from '../src/lib/report';
import { listInputFiles } from '../scripts/lib/list-files';
import { SEEDS_DIR, SHARED_CORPUS_DIR, sharedCorpusPresent } from './helpers/corpus';
import { build, open, rows } from './helpers/database';
import { reportPage } from './helpers/publish';
import { seedCase } from './helpers/published-cases';

const ROOT = resolve(__dirname, '..');
const seed = (name: string) => readFileSync(join(SEEDS_DIR, `${name}.txt`));

describe('symbolic links in a reports folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-links-'));
  const reports = join(dir, 'reports');
  beforeAll(() => {
    mkdirSync(join(reports, 'nested'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere', 'folder'), { recursive: true });
    writeFileSync(join(reports, 'qinggong.txt'), seed('000_20342ef31a6ba026'));
    writeFileSync(join(reports, 'nested', 'guanghua.txt'), seed('004_3c95a7fc71041271'));
    writeFileSync(join(dir, 'elsewhere', 'huayuan.txt'), seed('001_ece336a5f188f35c'));
    writeFileSync(join(dir, 'elsewhere', 'folder', 'report.txt'), seed('003_75afd8928d84c447'));
    symlinkSync('../elsewhere/huayuan.txt', join(reports, 'to-file.txt'));
    symlinkSync('../elsewhere/folder', join(reports, 'to-folder'));
    symlinkSync('gone.txt', join(reports, 'broken.txt'));
    symlinkSync('self', join(reports, 'self'));
    symlinkSync('..', join(reports, 'nested', 'up'));
  });

  it('lists files through links, and broken links and loops with their reason', () => {
    const listed = listInputFiles(reports)
      .map((f) => ({ path: f.path, size: f.size, problem: f.problem?.code }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(listed).toEqual([
      { path: 'broken.txt', size: undefined, problem: 'broken-link' },
      { path: 'nested/guanghua.txt', size: seed('004_3c95a7fc71041271').length, problem: undefined },
      { path: 'nested/up', size: undefined, problem: 'link-loop' },
      { path: 'qinggong.txt', size: seed('000_20342ef31a6ba026').length, problem: undefined },
      { path: 'self', size: undefined, problem: 'link-loop' },
      { path: 'to-file.txt', size: seed('001_ece336a5f188f35c').length, problem: undefined },
      { path: 'to-folder/report.txt', size: seed('003_75afd8928d84c447').length, problem: undefined },
    ]);
  });

  it('a two-folder loop ends, each folder listed once per way in', () => {
    const loop = join(dir, 'loop');
    mkdirSync(join(loop, 'a'), { recursive: true });
    mkdirSync(join(loop, 'b'));
    writeFileSync(join(loop, 'a', 'x.txt'), 'x');
    symlinkSync('../b', join(loop, 'a', 'to-b'));
    symlinkSync('../a', join(loop, 'b', 'to-a'));
    const paths = listInputFiles(loop).map((f) => `${f.path}${f.problem ? ` (${f.problem.code})` : ''}`);
    expect(paths.sort()).toEqual(['a/to-b/to-a (link-loop)', 'a/x.txt', 'b/to-a/to-b (link-loop)', 'b/to-a/x.txt']);
  });

  it('the build reads the linked reports and records the others as failed with their reason', async () => {
    const { database, summary } = await build(listInputFiles(reports));
    const db = await open(database);
    expect(rows(db, 'SELECT path, status, error_code FROM files ORDER BY path')).toEqual([
      { path: 'broken.txt', status: 'failed', error_code: 'broken-link' },
      { path: 'nested/guanghua.txt', status: 'parsed', error_code: null },
      { path: 'nested/up', status: 'failed', error_code: 'link-loop' },
      { path: 'qinggong.txt', status: 'parsed', error_code: null },
      { path: 'self', status: 'failed', error_code: 'link-loop' },
      { path: 'to-file.txt', status: 'parsed', error_code: null },
      { path: 'to-folder/report.txt', status: 'parsed', error_code: null },
    ]);
    expect(summary.failures).toEqual([
      'broken.txt: a symbolic link to "gone.txt", which does not exist (ENOENT)',
      'nested/up: a symbolic link to "..", a folder that holds the link: a loop, not followed',
      'self: a symbolic link to "self" that leads back to itself through other links: nothing to read',
    ]);
  });

  it('npm run build:data prints them among the failures', async () => {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'build:data', '--', '--reports', reports, '--out', join(dir, 'db.sqlite'), '--offices', 'none'], { cwd: ROOT });
    expect(stdout).toMatch(/build:data: 7 files in .*\n/);
    expect(stdout).toMatch(/7 files seen, 4 parsed .*, 3 failed/);
    expect(stderr).toContain('✗ broken.txt: a symbolic link to "gone.txt", which does not exist (ENOENT)');
  });
});

describe('a report inside <pre>', () => {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const page = (body: string) => new TextEncoder().encode(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>${body}</body></html>`);
  /** The lines a reader keeps: trimmed, blank ones dropped (as from every block of a page). */
  const kept = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const numbers = (text: string, name: string) => {
    const r = parseReport(text, { fileName: name });
    return { year: r.year, office: r.office, tables: [r.active, r.applications, r.reviewLitigation] };
  };
  const cases: [string, string][] = [['laodong-2022', seed('002_c3699d8ca2ce9b9a').toString('utf8')]];
  // pdftotext's layout: columns of a table apart by runs of spaces, which only line breaks keep apart.
  if (sharedCorpusPresent) cases.push(['huaian-2024-layout', readFileSync(join(SHARED_CORPUS_DIR, 'huaian-2024-layout.txt'), 'utf8')]);

  for (const [name, text] of cases) {
    it(`${name}: the page whose body is a <pre> reads as the text file, line for line`, async () => {
      const { text: read, format } = await extractText(`${name}.html`, page(`<pre>${escape(text)}</pre>`));
      expect(format).toBe('html');
      expect(read.split('\n').filter(Boolean)).toEqual(kept(text));
      expect(numbers(read, `${name}.html`)).toEqual(numbers(text, `${name}.txt`));
    });
  }

  it('inside site chrome, and in a <div> styled white-space: pre-wrap', async () => {
    const [, text] = cases[0];
    const chrome = (report: string) => page(`<nav><a href="/">首页</a> <a href="/gk">政务公开</a></nav><div class="article">${report}</div><footer>版权所有</footer>`);
    for (const bytes of [chrome(`<pre>${escape(text)}</pre>`), chrome(`<div style="white-space: pre-wrap">${escape(text)}</div>`)]) {
      const { text: read } = await extractText('laodong.html', bytes);
      expect(read.split('\n').filter(Boolean)).toEqual(kept(text));
    }
  });
});

describe('UTF-16 without a byte-order mark', () => {
  const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
  const utf16be = (text: string) => utf16le(text).map((_, i, b) => b[i ^ 1]);
  const text = seed('002_c3699d8ca2ce9b9a').toString('utf8');
  const record = (t: string) => {
    const r = parseReport(t, { fileName: 'laodong' });
    return [r.title, r.office, r.year, r.active, r.applications, r.reviewLitigation, r.warnings];
  };

  it('a text file in UTF-16LE or BE reads as the UTF-8 file, character for character', async () => {
    for (const [encoding, bytes] of [['utf-16le', utf16le(text)], ['utf-16be', utf16be(text)]] as const) {
      expect(bytes[0] === 0xff || bytes[0] === 0xfe).toBe(false); // no BOM
      expect(sniffUtf16(bytes)).toBe(encoding);
      const read = await extractText('laodong.txt', bytes);
      expect(read).toEqual({ text, format: 'text', warnings: [] });
      expect(record(read.text)).toEqual(record(text));
    }
  });

  it('a web page in UTF-16 is told as a page even when saved as .txt, and reads as its UTF-8 copy', async () => {
    const page = reportPage(seedCase('002_c3699d8ca2ce9b9a').report);
    const expected = await extractText('laodong.html', new TextEncoder().encode(page));
    for (const bytes of [utf16le(page), utf16be(page)]) {
      for (const name of ['laodong.html', 'laodong.txt']) {
        const read = await extractText(name, bytes);
        expect(read.format).toBe('html');
        expect(read.text).toBe(expected.text);
      }
    }
  });

  it('UTF-8, GBK and binary bytes are not taken for UTF-16', async () => {
    expect(sniffUtf16(seed('002_c3699d8ca2ce9b9a'))).toBeUndefined();
    expect(sniffUtf16(iconv.encode(text, 'gbk'))).toBeUndefined();
    // Noise with zeros on both sides, as in images and executables.
    let x = 1;
    const noise = Uint8Array.from({ length: 8192 }, () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % 5 === 0 ? 0 : x & 0xff));
    expect(sniffUtf16(noise)).toBeUndefined();
    // Text with a NUL on one side but units no text holds (controls): not text either.
    const controls = Uint8Array.from({ length: 4096 }, (_, i) => (i % 2 ? 0 : 1 + (i % 7)));
    expect(sniffUtf16(controls)).toBeUndefined();
  });
});
