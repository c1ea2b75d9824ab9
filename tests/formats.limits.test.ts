/**
 * Every reader works within limits (src/lib/formats/limits.ts): a zip bomb, a page of a million
 * tags, a PDF of a thousand pages or a file of gigabytes is refused with code `too-large` and a
 * message naming the limit, the value found and the flag that raises it, before it costs the
 * memory or time it would. Real reports read exactly as without limits.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, unzipSync, Zip, ZipDeflate, Zlib, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { DEFAULT_READ_LIMITS, extractText, FileFormatError, type ReadLimits } from '../src/lib/formats';
import { readZipParts } from '../src/lib/formats/zip';
import { parseReport } from '../src/lib/report';
import { loadDivisions } from '../scripts/lib/divisions';
import { configurePdfForNode } from '../scripts/lib/pdf-node';
import { SEEDS_DIR, SHARED_CORPUS_DIR, diffAgainstTruth, sharedCorpusPresent } from './helpers/corpus';
import { build, filesFrom, open, rows } from './helpers/database';
import { buildPdf, partlyScannedPdf } from './helpers/pdf';
import { fillTemplate } from './helpers/publish';
import { seedCase } from './helpers/published-cases';

const MB = 1024 * 1024;
const NO_LIMITS: ReadLimits = { maxInputBytes: Infinity, maxUncompressedBytes: Infinity, maxMarkupTags: Infinity, maxPdfPages: Infinity, maxTextChars: Infinity };
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

/**
 * A valid .docx whose word/document.xml is one paragraph of `mb` MB of "A": fflate's streaming
 * zip at level 9 (a ~1 KB deflate block per MB), so the test never holds the inflated text.
 */
function bombDocx(mb: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  const types = new ZipDeflate('[Content_Types].xml', { level: 9 });
  zip.add(types);
  types.push(strToU8(CONTENT_TYPES), true);
  const doc = new ZipDeflate('word/document.xml', { level: 9 });
  zip.add(doc);
  doc.push(strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`));
  const block = new Uint8Array(MB).fill(0x41);
  for (let i = 0; i < mb; i++) doc.push(block);
  doc.push(strToU8('</w:t></w:r></w:p></w:body></w:document>'), true);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
}

const concat = (chunks: Uint8Array[]) => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
};

/** A one-page PDF whose content stream (FlateDecode, level 9) draws a line of text, then holds `mb` MB of spaces. */
function flateBombPdf(mb: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zlib = new Zlib({ level: 9 }, (chunk) => chunks.push(chunk));
  zlib.push(strToU8('BT /F1 12 Tf 40 760 Td (The annual report text on this page) Tj ET\n'));
  const block = new Uint8Array(MB).fill(0x20);
  for (let i = 0; i < mb; i++) zlib.push(block);
  zlib.push(new Uint8Array(0), true);
  const data = concat(chunks);
  const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    concat([latin1(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, latin1('\nendstream')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

/** Offsets of the central-directory records (PK\1\2) of the entries named `name`. */
function centralRecords(zip: Uint8Array, name: string): number[] {
  const found: number[] = [];
  const wanted = strToU8(name);
  for (let i = 0; i + 46 < zip.length; i++) {
    if (zip[i] !== 0x50 || zip[i + 1] !== 0x4b || zip[i + 2] !== 1 || zip[i + 3] !== 2) continue;
    const nameLength = zip[i + 28] | (zip[i + 29] << 8);
    if (nameLength === wanted.length && wanted.every((b, j) => zip[i + 46 + j] === b)) found.push(i);
  }
  return found;
}

/** The zip with `name`'s declared uncompressed size (central directory) set to `size`. */
function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const [record] = centralRecords(out, name);
  new DataView(out.buffer).setUint32(record + 24, size, true);
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<FileFormatError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileFormatError);
  return error as FileFormatError;
}

const seedText = (name: string) => readFileSync(join(SEEDS_DIR, `${name}.txt`));

describe('a zip bomb', () => {
  let bomb: Uint8Array;
  beforeAll(() => {
    bomb = bombDocx(200);
  });

  it('is small, valid and declares what it inflates to', () => {
    expect(bomb.length).toBeLessThan(400 * 1024);
    const [record] = centralRecords(bomb, 'word/document.xml');
    expect(new DataView(bomb.buffer).getUint32(record + 24, true)).toBeGreaterThan(200 * MB);
  });

  it('is refused as too-large once 64 MB are inflated, not 200 MB, within bounded memory', async () => {
    const before = process.memoryUsage().rss;
    const error = await refusal(extractText('bomb.docx', bomb));
    // The process's peak resident size: what reading the bomb cost at most.
    const peakGrowth = process.resourceUsage().maxRSS * 1024 - before;
    expect(error.code).toBe('too-large');
    expect(error.limit).toBe('maxUncompressedBytes');
    expect(error.message).toBe(
      'bomb.docx: too large: word/document.xml inflates to more than 64 MB, over the limit of 64 MB on the bytes a Word file\'s parts or a PDF\'s streams inflate to (maxUncompressedBytes); if the file is genuine, raise the limit with --max-uncompressed-mb in build:data or parse',
    );
    expect(peakGrowth).toBeLessThan(300 * MB);
  });

  it('is refused whatever size its central directory declares (1 KB)', async () => {
    const lying = withDeclaredSize(bomb, 'word/document.xml', 1024);
    let declared = 0;
    unzipSync(lying, { filter: (f) => ((declared = f.name === 'word/document.xml' ? f.originalSize : declared), false) });
    expect(declared).toBe(1024);
    const error = await refusal(extractText('lying.docx', lying));
    expect(error.code).toBe('too-large');
    expect(error.limit).toBe('maxUncompressedBytes');
  });

  it('is read when the limit is raised above it (the cap is the limit, not a guess)', async () => {
    const small = bombDocx(3);
    await expect(refusal(extractText('small.docx', small, { maxUncompressedBytes: 2 * MB }))).resolves.toMatchObject({ code: 'too-large' });
    const { text } = await extractText('small.docx', small, { maxUncompressedBytes: 4 * MB });
    expect(text).toBe('A'.repeat(3 * MB) + '\n');
  });

  it('the parts count together: styles and numbering use up the budget document.xml may inflate to', async () => {
    const styles = `<w:styles xmlns:w="${W}">${'<!-- padding -->'.repeat(40_000)}</w:styles>`; // 640,000 bytes
    const docx = zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${'一'.repeat(200_000)}</w:t></w:r></w:p></w:body></w:document>`), 'word/styles.xml': strToU8(styles) });
    const error = await refusal(extractText('padded.docx', docx, { maxUncompressedBytes: MB }));
    expect(error.message).toMatch(/^padded\.docx: too large: word\/\w+\.xml inflates to more than [\d.]+ KB \(after [\d.]+ KB in other parts\), over the limit of 1 MB/);
  });
});

describe('the other limits', () => {
  beforeAll(() => configurePdfForNode());

  it('a file over maxInputBytes is refused before it is read', async () => {
    const bytes = seedText('002_c3699d8ca2ce9b9a');
    const error = await refusal(extractText('laodong.txt', bytes, { maxInputBytes: 1024 }));
    expect(error).toMatchObject({ code: 'too-large', limit: 'maxInputBytes' });
    expect(error.message).toBe("laodong.txt: too large: the file is 6.8 KB, over the limit of 1 KB on a file's size (maxInputBytes); if the file is genuine, raise the limit with --max-file-mb in build:data or parse");
    // The default: 50 MB.
    const huge = new Uint8Array(DEFAULT_READ_LIMITS.maxInputBytes + 1);
    expect(await refusal(extractText('huge.txt', huge))).toMatchObject({ code: 'too-large', limit: 'maxInputBytes' });
  });

  it('a web page over the tag limit is refused before it is parsed', async () => {
    const tags = DEFAULT_READ_LIMITS.maxMarkupTags; // 1,000,000
    const page = `<html><body>${'<p>x</p>'.repeat(tags / 2)}</body></html>`; // tags + 4
    const error = await refusal(extractText('tags.html', strToU8(page)));
    expect(error).toMatchObject({ code: 'too-large', limit: 'maxMarkupTags' });
    expect(error.message).toContain('the page has 1,000,004 tags, over the limit of 1,000,000');
    expect(error.message).toContain('--max-tags');
  });

  it('a Word file over the tag limit is refused before its XML is parsed', async () => {
    const docx = zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body>${'<w:p/>'.repeat(5000)}</w:body></w:document>`) });
    await expect(refusal(extractText('many.docx', docx, { maxMarkupTags: 1000 }))).resolves.toMatchObject({ code: 'too-large', limit: 'maxMarkupTags' });
    await expect(extractText('many.docx', docx, { maxMarkupTags: 6000 })).resolves.toMatchObject({ format: 'docx' });
  });

  it('a PDF whose content stream is a bomb is refused before pdf.js inflates it, within bounded memory', async () => {
    const bomb = flateBombPdf(300);
    expect(bomb.length).toBeLessThan(600 * 1024);
    const before = process.memoryUsage().rss;
    const error = await refusal(extractText('bomb.pdf', bomb));
    const peakGrowth = process.resourceUsage().maxRSS * 1024 - before;
    expect(error).toMatchObject({ code: 'too-large', limit: 'maxUncompressedBytes' });
    expect(error.message).toContain("bomb.pdf: too large: the PDF's compressed streams inflate to more than 64 MB, over the limit of 64 MB");
    expect(peakGrowth).toBeLessThan(300 * MB);
    // The same PDF with a small stream is read: the limit, not the construction, refuses it.
    expect((await extractText('small.pdf', flateBombPdf(1))).text).toContain('The annual report text on this page');
    await expect(refusal(extractText('small.pdf', flateBombPdf(1), { maxUncompressedBytes: MB / 2 }))).resolves.toMatchObject({ code: 'too-large' });
  });

  it('a PDF over the page limit is refused before its pages are read', async () => {
    const pdf = partlyScannedPdf(DEFAULT_READ_LIMITS.maxPdfPages + 1, [], 'page');
    const error = await refusal(extractText('long.pdf', pdf));
    expect(error).toMatchObject({ code: 'too-large', limit: 'maxPdfPages' });
    expect(error.message).toContain('the PDF has 501 pages, over the limit of 500');
    expect(error.message).toContain('--max-pdf-pages');
    const three = partlyScannedPdf(3, [], 'TheReportTextOnPage');
    await expect(refusal(extractText('three.pdf', three, { maxPdfPages: 2 }))).resolves.toMatchObject({ limit: 'maxPdfPages' });
    expect((await extractText('three.pdf', three, { maxPdfPages: 3 })).text).toContain('TheReportTextOnPage 3');
  });

  it('a PDF stops at the page where its text passes maxTextChars', async () => {
    const pdf = partlyScannedPdf(5, [], 'x'.repeat(40));
    const error = await refusal(extractText('wordy.pdf', pdf, { maxTextChars: 100 }));
    expect(error).toMatchObject({ code: 'too-large', limit: 'maxTextChars' });
    expect(error.message).toContain('by page 3 of 5');
  });

  it('text over maxTextChars is refused, whatever the format', async () => {
    const bytes = seedText('002_c3699d8ca2ce9b9a');
    const chars = new TextDecoder().decode(bytes).length;
    await expect(refusal(extractText('laodong.txt', bytes, { maxTextChars: chars - 1 }))).resolves.toMatchObject({ code: 'too-large', limit: 'maxTextChars' });
    expect((await extractText('laodong.txt', bytes, { maxTextChars: chars })).text).toHaveLength(chars);
  });
});

describe('real reports read exactly as without limits', () => {
  beforeAll(() => configurePdfForNode());
  const divisions = loadDivisions();

  it('the zip reader returns what unzipSync does: deflated, stored, and streamed with data descriptors', () => {
    const laodong = seedCase('002_c3699d8ca2ce9b9a');
    const template = sharedCorpusPresent ? new Uint8Array(readFileSync(join(SHARED_CORPUS_DIR, 'template-2021-blank.docx'))) : zipSync({ 'word/document.xml': strToU8('<w:document/>') });
    const filled = sharedCorpusPresent ? fillTemplate(template, laodong.report) : template;
    const stored = zipSync(unzipSync(filled), { level: 0 });
    const streamed = bombDocx(1);
    for (const zip of [template, filled, stored, streamed]) {
      const expected = unzipSync(zip);
      const parts = readZipParts(zip, () => true, DEFAULT_READ_LIMITS);
      expect(Object.keys(parts).sort()).toEqual(Object.keys(expected).sort());
      // Byte for byte (Buffer.equals: toEqual on typed arrays of this size takes seconds).
      for (const [name, bytes] of Object.entries(expected)) expect(Buffer.from(parts[name]).equals(Buffer.from(bytes)), name).toBe(true);
    }
  });

  it.skipIf(!sharedCorpusPresent)('a filled-in Word template and a real PDF: the same text as without limits, and their truth', async () => {
    const laodong = seedCase('002_c3699d8ca2ce9b9a');
    const docx = fillTemplate(new Uint8Array(readFileSync(join(SHARED_CORPUS_DIR, 'template-2021-blank.docx'))), laodong.report);
    const pdf = new Uint8Array(readFileSync(join(SHARED_CORPUS_DIR, 'hongze-2023.pdf')));
    for (const [name, bytes, truth] of [
      ['laodong-2022.docx', docx, laodong.truth],
      ['hongze-2023.pdf', pdf, JSON.parse(readFileSync(join(SHARED_CORPUS_DIR, 'hongze-2023-layout.truth.json'), 'utf8'))],
    ] as const) {
      const bounded = await extractText(name, bytes);
      const unbounded = await extractText(name, bytes, NO_LIMITS);
      expect(bounded.text).toBe(unbounded.text);
      expect(diffAgainstTruth(parseReport(bounded.text, { fileName: name, divisions }), truth)).toEqual([]);
    }
  });
});

describe('a build with a zip bomb beside a good report', () => {
  let db: Database;
  let summary: Awaited<ReturnType<typeof build>>['summary'];
  beforeAll(async () => {
    const files = filesFrom({ 'good/laodong-2022.txt': seedText('002_c3699d8ca2ce9b9a'), 'bad/bomb.docx': bombDocx(200) });
    // A 2 GB file is refused by the size the folder listing gives, never read.
    files.push({
      path: 'bad/huge.pdf',
      size: 2048 * MB,
      read: () => {
        throw new Error('read although too large');
      },
    });
    const built = await build(files);
    summary = built.summary;
    db = await open(built.database);
  });

  it('parses the good one and records the bomb and the huge file as failed with too-large', () => {
    expect(rows(db, 'SELECT path, status, error_code, bytes FROM files ORDER BY path')).toEqual([
      { path: 'bad/bomb.docx', status: 'failed', error_code: 'too-large', bytes: expect.any(Number) },
      { path: 'bad/huge.pdf', status: 'failed', error_code: 'too-large', bytes: 2048 * MB },
      { path: 'good/laodong-2022.txt', status: 'parsed', error_code: null, bytes: seedText('002_c3699d8ca2ce9b9a').length },
    ]);
    expect(rows(db, 'SELECT office, year FROM reports')).toEqual([{ office: '劳动街道', year: 2022 }]);
    expect(summary).toMatchObject({ filesSeen: 3, parsed: 1, failed: 2 });
    expect(summary.failures).toEqual([
      expect.stringMatching(/^bad\/bomb\.docx: too large: word\/document\.xml inflates to more than 64 MB.*--max-uncompressed-mb/),
      'bad/huge.pdf: too large: the file is 2,048 MB, over the limit of 50 MB on a file\'s size (maxInputBytes); if the file is genuine, raise the limit with --max-file-mb in build:data or parse',
    ]);
  });

  it('limits given to the build apply to every file', async () => {
    const { summary: raised } = await build(filesFrom({ 'laodong.txt': seedText('002_c3699d8ca2ce9b9a') }));
    expect(raised.parsed).toBe(1);
    const { buildDatabase } = await import('../scripts/lib/build-database');
    const { summary: lowered } = await buildDatabase({ files: filesFrom({ 'laodong.txt': seedText('002_c3699d8ca2ce9b9a') }), limits: { maxTextChars: 100 } });
    expect(lowered).toMatchObject({ parsed: 0, failed: 1 });
    expect(lowered.failures[0]).toMatch(/^laodong\.txt: too large: the text extracted is [\d,]+ characters, over the limit of 100/);
  });
});

describe('the flags of the data build and the parse CLI', () => {
  const ROOT = resolve(__dirname, '..');
  const run = promisify(execFile);
  async function npm(script: string, args: string[]) {
    try {
      const { stdout, stderr } = await run('npm', ['run', '--silent', script, '--', ...args], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-limits-'));
  const reports = join(dir, 'reports');
  mkdirSync(reports);
  // 4,859 and 6,991 bytes: --max-file-mb 0.005 (5,243 bytes) lets the first through.
  copyFileSync(join(SEEDS_DIR, '003_75afd8928d84c447.txt'), join(reports, 'small.txt'));
  copyFileSync(join(SEEDS_DIR, '002_c3699d8ca2ce9b9a.txt'), join(reports, 'large.txt'));

  it('build:data --max-file-mb: the larger file fails as too-large, the build goes on', async () => {
    const { code, stdout, stderr } = await npm('build:data', ['--reports', reports, '--out', join(dir, 'db.sqlite'), '--offices', 'none', '--max-file-mb', '0.005']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 files seen, 1 parsed .*, 1 failed/);
    expect(stderr).toContain("✗ large.txt: too large: the file is 6.8 KB, over the limit of 5.1 KB on a file's size (maxInputBytes)");
    const db = await open(readFileSync(join(dir, 'db.sqlite')));
    expect(rows(db, 'SELECT path, status, error_code FROM files ORDER BY path')).toEqual([
      { path: 'large.txt', status: 'failed', error_code: 'too-large' },
      { path: 'small.txt', status: 'parsed', error_code: null },
    ]);
  });

  it('a flag without a positive number is an error with the usage line', async () => {
    const { code, stderr } = await npm('build:data', ['--reports', reports, '--max-pdf-pages', 'many']);
    expect(code).toBe(1);
    expect(stderr).toContain('--max-pdf-pages needs a positive number, not "many"\nusage: npm run build:data -- [--reports DIR|URL] [--out FILE] [--offices FILE|none] [--parts auto|never|always] [--max-file-mb 50]');
  });

  it('parse --max-text-chars refuses a longer report; without it the report is read', async () => {
    const file = join(reports, 'large.txt');
    const refused = await npm('parse', ['--max-text-chars', '1000', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/large\.txt: too large: the text extracted is [\d,]+ characters, over the limit of 1,000 .*--max-text-chars/);
    const read = await npm('parse', [file]);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).office).toBe('劳动街道');
    const usage = await npm('parse', ['--max-file-mb']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('[--max-file-mb 50] [--max-uncompressed-mb 64] [--max-tags 1000000] [--max-pdf-pages 500] [--max-text-chars 5000000]');
  });
});
