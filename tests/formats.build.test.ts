/**
 * The data build and the parse CLI read reports as published: web pages, Word files and PDFs next
 * to text files; broken and scanned files are recorded with their reason and the build goes on.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { SHARED_CORPUS_DIR, sharedCorpusPresent } from './helpers/corpus';
import { build, filesFrom, open, rows } from './helpers/database';
import { scannedPdf } from './helpers/pdf';
import { fillTemplate, reportPage } from './helpers/publish';
import { seedCase } from './helpers/published-cases';

const ROOT = resolve(__dirname, '..');
const laodong = seedCase('002_c3699d8ca2ce9b9a');
const huayuan = seedCase('001_ece336a5f188f35c');
const qinggong = seedCase('000_20342ef31a6ba026');
const corpus = (name: string) => new Uint8Array(readFileSync(join(SHARED_CORPUS_DIR, name)));

describe('a build from pages, Word files, PDFs and broken files', () => {
  let db: Database;
  let summary: Awaited<ReturnType<typeof build>>['summary'];
  beforeAll(async () => {
    const files: Record<string, string | Uint8Array> = {
      'web/laodong-2022.html': reportPage(laodong.report),
      'web/huayuan-2022.htm': iconv.encode(reportPage(huayuan.report, { charset: 'gbk' }), 'gbk'),
      // A page saved without its extension: the content says what it is.
      'web/qinggong-2022': reportPage(qinggong.report, { tables: 'word' }),
      'broken/scan.pdf': scannedPdf(2),
      'broken/cut.docx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      'broken/not-really.pdf': 'Error 404: the page you asked for is gone',
      'broken/old.doc': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]),
    };
    if (sharedCorpusPresent) {
      files['pdf/hongze-2023.pdf'] = corpus('hongze-2023.pdf');
      files['word/huayuan-2022.docx'] = fillTemplate(corpus('template-2021-blank.docx'), huayuan.report);
    }
    const built = await build(filesFrom(files));
    summary = built.summary;
    db = await open(built.database);
  });

  it('accounts for every file: parsed, duplicate, or failed with its code', () => {
    const expected = [
      { path: 'broken/cut.docx', status: 'failed', error_code: 'corrupt' },
      { path: 'broken/not-really.pdf', status: 'failed', error_code: 'corrupt' },
      { path: 'broken/old.doc', status: 'failed', error_code: 'unsupported' },
      { path: 'broken/scan.pdf', status: 'failed', error_code: 'scanned' },
      ...(sharedCorpusPresent ? [{ path: 'pdf/hongze-2023.pdf', status: 'parsed', error_code: null }] : []),
      { path: 'web/huayuan-2022.htm', status: 'parsed', error_code: null },
      { path: 'web/laodong-2022.html', status: 'parsed', error_code: null },
      { path: 'web/qinggong-2022', status: 'parsed', error_code: null },
      // The same report as a Word file: a duplicate of the page, with the same numbers.
      ...(sharedCorpusPresent ? [{ path: 'word/huayuan-2022.docx', status: 'duplicate', error_code: null }] : []),
    ];
    expect(rows(db, 'SELECT path, status, error_code FROM files ORDER BY path')).toEqual(expected);
    if (sharedCorpusPresent) expect(rows(db, "SELECT numbers_differ FROM files WHERE path = 'word/huayuan-2022.docx'")).toEqual([{ numbers_differ: 0 }]);
    expect(summary.failed).toBe(4);
    expect(summary.failures).toContain('broken/scan.pdf: scanned: no text layer (2 pages, 0 characters of text); the report is an image and needs OCR');
  });

  it('stores the extracted text as the report text: every number points at its line there', () => {
    const figures = rows(
      db,
      `SELECT r.source_path, f.value, f.source_line, t.text FROM figures f JOIN reports r USING (report_id) JOIN report_texts t USING (report_id)
       WHERE f.row_key = 'newReceived' AND f.column_key = 'total'`,
    );
    expect(figures.length).toBe(sharedCorpusPresent ? 4 : 3);
    for (const f of figures) {
      const line = (f.text as string).split('\n')[(f.source_line as number) - 1];
      expect(line, String(f.source_path)).toMatch(new RegExp(`^\\s*一、本年新收政府信息公开申请数量.*\\b${f.value}\\s*$`));
    }
    expect(rows(db, "SELECT office, year FROM reports WHERE source_path = 'web/laodong-2022.html'")).toEqual([{ office: '劳动街道', year: 2022 }]);
  });
});

describe('npm run parse on published formats', () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-formats-'));

  it('reads a page and a PDF; a scan is one line on stderr, exit 1', async () => {
    const page = join(dir, 'laodong.html');
    writeFileSync(page, reportPage(laodong.report));
    const scan = join(dir, 'scan.pdf');
    writeFileSync(scan, scannedPdf(1));
    const args = ['run', '--silent', 'parse', '--', '--jsonl', page, scan];
    if (sharedCorpusPresent) args.push(join(SHARED_CORPUS_DIR, 'huaian-2024.pdf'));
    const result = await run('npm', args, { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    const records = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => r.office)).toEqual(['劳动街道', ...(sharedCorpusPresent ? ['淮安市人民政府'] : [])]);
    expect(result.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'))).toEqual([
      `${scan}: scanned: no text layer (1 page, 0 characters of text); the report is an image and needs OCR`,
    ]);
  });
});
