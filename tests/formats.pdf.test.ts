/**
 * PDFs: the development corpus's two real reports read in place (../shared/corpus/dev), each to
 * its truth and to the same numbers as pdftotext's layout extraction of it; scans, PDFs whose
 * fonts need character maps, and broken files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configurePdf, extractText, FileFormatError } from '../src/lib/formats';
import { layoutPage } from '../src/lib/formats/pdf';
import { parseReport } from '../src/lib/report';
import { loadDivisions } from '../scripts/lib/divisions';
import { configurePdfForNode } from '../scripts/lib/pdf-node';
import { SHARED_CORPUS_DIR, diffAgainstTruth, sharedCorpusPresent } from './helpers/corpus';
import { buildPdf, cjkPdf, partlyScannedPdf, scannedPdf } from './helpers/pdf';

const divisions = loadDivisions();
const REPORTS = ['hongze-2023', 'huaian-2024'];

beforeAll(() => configurePdfForNode());

describe.skipIf(!sharedCorpusPresent)('the corpus PDFs, read in place', () => {
  for (const name of REPORTS) {
    it(`${name}.pdf → its truth, field for field, and the same numbers as its -layout.txt`, async () => {
      const file = join(SHARED_CORPUS_DIR, `${name}.pdf`);
      const { text, format } = await extractText(file, new Uint8Array(readFileSync(file)));
      expect(format).toBe('pdf');
      const record = parseReport(text, { fileName: `${name}.pdf`, divisions });
      const truth = JSON.parse(readFileSync(join(SHARED_CORPUS_DIR, `${name}.truth.json`), 'utf8'));
      expect(diffAgainstTruth(record, truth)).toEqual([]);
      const layout = parseReport(readFileSync(join(SHARED_CORPUS_DIR, `${name}-layout.txt`), 'utf8'), { divisions });
      for (const key of ['active', 'applications', 'reviewLitigation', 'checks', 'title', 'office', 'year', 'template'] as const) {
        expect(record[key], key).toEqual(layout[key]);
      }
      // Page numbers ("- 3 -", "-3-") are dropped, and every number's line holds that number.
      expect(text).not.toMatch(/^\s*-\s*\d+\s*-\s*$/m);
      const lines = text.split('\n');
      expect(lines[record.sources['applications.newReceived.total'] - 1]).toMatch(/^\s*一、本年新收政府信息公开申请数量\s+\d+(\s+\d+){6}$/);
    });
  }

  it('洪泽区 2023: table 四 as printed, its failing checks kept (the PDF does not add up either)', async () => {
    const file = join(SHARED_CORPUS_DIR, 'hongze-2023.pdf');
    const record = parseReport((await extractText(file, new Uint8Array(readFileSync(file)))).text, { divisions });
    expect(record.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(['reviewLitigation.review', 'reviewLitigation.litigationAfterReview']);
  });
});
if (!sharedCorpusPresent) console.warn(`skipped: the corpus PDFs are not at ${SHARED_CORPUS_DIR}`);

describe('PDFs without readable text', () => {
  it('a scan (pages that only paint an image) → FileFormatError "scanned", naming the file', async () => {
    const err = await extractText('scan.pdf', scannedPdf(3)).catch((e) => e);
    expect(err).toBeInstanceOf(FileFormatError);
    expect(err.code).toBe('scanned');
    expect(err.message).toMatch(/^scan\.pdf: scanned: no text layer \(3 pages, 0 characters of text\)/);
  });

  it('a PDF partly scanned: its text is read, and the pages that are images are named in a warning', async () => {
    const line = 'The text layer of this page is read like any other page of a report';
    const { text, warnings } = await extractText('part.pdf', partlyScannedPdf(5, [2, 3, 5], line));
    expect(text).toContain(`${line} 1`);
    expect(text).toContain(`${line} 4`);
    expect(warnings).toEqual(['PDF pages 2–3, 5 of 5 are images without text (scanned): their content is not read']);
    const one = await extractText('part.pdf', partlyScannedPdf(3, [3], line));
    expect(one.warnings).toEqual(['PDF page 3 of 3 is an image without text (scanned): its content is not read']);
    // A PDF of text only has nothing to say.
    expect((await extractText('text.pdf', partlyScannedPdf(2, [], line))).warnings).toEqual([]);
  });

  it('a CJK font that is not embedded is decoded through pdf.js\'s character maps', async () => {
    const pdf = cjkPdf([
      [72, 760, '测试街道2023年政府信息公开工作年度报告'],
      [72, 720, '二、主动公开政府信息情况'],
      [72, 690, '规章'],
      [300, 690, '12'],
    ]);
    const { text } = await extractText('cjk.pdf', pdf);
    expect(text).toMatch(/^测试街道2023年政府信息公开工作年度报告\n+二、主动公开政府信息情况\n+规章 {2,}12\n$/);
  });

  it('…and without the character maps it is "undecodable", not mistaken for a scan', async () => {
    configurePdf({ cMapUrl: undefined });
    try {
      const err = await extractText('cjk.pdf', cjkPdf([[72, 760, '规章十二件以上的文字内容用于测试解码']])).catch((e) => e);
      expect(err.code).toBe('undecodable');
      expect(err.message).toMatch(/^cjk\.pdf: the PDF draws text but its characters cannot be decoded/);
    } finally {
      configurePdfForNode();
    }
  });
});

describe('broken PDFs', () => {
  it('a .pdf that is no PDF (a download that saved an error message) → "corrupt"', async () => {
    const err = await extractText('x.pdf', new TextEncoder().encode('403 Forbidden: access denied')).catch((e) => e);
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/^x\.pdf: the PDF cannot be opened/);
  });

  it('a PDF header followed by garbage → "corrupt"', async () => {
    const err = await extractText('garbage.pdf', new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(2000))).catch((e) => e);
    expect(err.code).toBe('corrupt');
  });

  it.skipIf(!sharedCorpusPresent)('a truncated real PDF: pdf.js recovers what it can, or says "corrupt"', async () => {
    const bytes = readFileSync(join(SHARED_CORPUS_DIR, 'huaian-2024.pdf'));
    const result = await extractText('cut.pdf', new Uint8Array(bytes.subarray(0, bytes.length >> 2))).catch((e) => e);
    if (result instanceof FileFormatError) expect(['corrupt', 'scanned']).toContain(result.code);
    else expect(result.format).toBe('pdf');
  });

  it('a PDF without its extension, or misnamed, is read as a PDF', async () => {
    const pdf = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
      '<< /Length 61 >>\nstream\nBT /F1 12 Tf 72 760 Td (Annual report 2023, no text here) Tj ET\nendstream',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]);
    expect((await extractText('download', pdf)).format).toBe('pdf');
    expect((await extractText('report.txt', pdf)).text).toBe('Annual report 2023, no text here\n');
  });
});

describe('lines from positions', () => {
  const item = (text: string, x: number, y: number, size = 10) => ({ text, x, y, width: [...text].length * size * (/^[\d.]+$/.test(text) ? 0.5 : 1), size });

  it('a row\'s values a point off its label share its line; column gaps become 2+ spaces, word gaps one', () => {
    const lines = layoutPage(
      [item('一、本年新收', 50, 300), item('21', 200, 301.4, 14), item('0', 240, 301.4, 14), item('2023', 50, 340), item('年', 72, 340)],
      842,
    );
    expect(lines).toEqual(['一、本年新收' + ' '.repeat(18) + '21      0', '', '2023 年']);
  });

  it('page numbers in the margin are dropped, a number in the body is kept', () => {
    const lines = layoutPage([item('- 2 -', 280, 820), item('行政许可', 50, 400), item('3', 300, 400), item('7', 300, 500)], 842);
    expect(lines).toEqual(['行政许可' + ' '.repeat(42) + '3', '', ' '.repeat(50) + '7']);
    // A bare "5" far below the text is the page number; a lone value right under its row is not.
    expect(layoutPage([item('正文', 50, 700), item('5', 290, 800)], 842)).toEqual(['正文']);
    expect(layoutPage([item('行政强制', 50, 745), item('195', 300, 760)], 842)).toEqual(['行政强制', ' '.repeat(50) + '195']);
  });
});
