/**
 * Word files: the official blank 2021 template (../shared/corpus/dev/template-2021-blank.docx, a
 * real Word file with merged cells: w:gridSpan across, w:vMerge down) filled in with a report's
 * numbers inside its XML, then read back. Plus automatic list numbering and broken files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractText, FileFormatError } from '../src/lib/formats';
import { parseReport } from '../src/lib/report';
import { loadDivisions } from '../scripts/lib/divisions';
import { SHARED_CORPUS_DIR, diffAgainstTruth, sharedCorpusPresent } from './helpers/corpus';
import { fillTemplate } from './helpers/publish';
import { numberDiffs, publishedFromTruth, randomCase, seedCase } from './helpers/published-cases';

const divisions = loadDivisions();
const TEMPLATE = join(SHARED_CORPUS_DIR, 'template-2021-blank.docx');

async function readDocx(name: string, bytes: Uint8Array) {
  const { text, format } = await extractText(name, bytes);
  expect(format).toBe('docx');
  return { text, record: parseReport(text, { fileName: name, divisions }) };
}

describe.skipIf(!sharedCorpusPresent)('the official blank template, filled in and read back', () => {
  const template = sharedCorpusPresent ? new Uint8Array(readFileSync(TEMPLATE)) : new Uint8Array();

  it('the blank template itself: the tables are read as grids with merged cells left empty', async () => {
    const { text } = await extractText('template.docx', template);
    expect(text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况');
    expect(text).toContain('\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计');
    expect(text).toContain('\t\t\t\t商业 企业\t科研 机构\t社会公益组织\t法律服务机构\t其他');
    expect(text).toContain('三、本年度办理结果\t（一）予以公开');
    expect(text).toContain('\t（三）不予公开\t1.属于国家秘密');
    expect(text).toContain('行政复议\t\t\t\t\t行政诉讼');
  });

  it('淮安市 2024 (the corpus report\'s numbers and prose) → its truth, field for field', async () => {
    const truth = JSON.parse(readFileSync(join(SHARED_CORPUS_DIR, 'huaian-2024.truth.json'), 'utf8'));
    const report = publishedFromTruth(join(SHARED_CORPUS_DIR, 'huaian-2024-layout.txt'), truth);
    const { record } = await readDocx('huaian-2024.docx', fillTemplate(template, report));
    expect(diffAgainstTruth(record, truth)).toEqual([]);
    expect(record.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('seed 002 (劳动街道 2022) → its truth, field for field', async () => {
    const { truth, report } = seedCase('002_c3699d8ca2ce9b9a');
    const { record } = await readDocx('laodong-2022.docx', fillTemplate(template, report));
    expect(diffAgainstTruth(record, truth)).toEqual([]);
  });

  it('every cell non-zero: every number read from its own cell, sources on the right lines', async () => {
    for (const index of [1, 2, 3]) {
      const c = randomCase('2021', index, 'split');
      const { text, record } = await readDocx(`random-${index}.docx`, fillTemplate(template, c));
      expect(numberDiffs(record, c.numbers), `case ${index}`).toEqual([]);
      const lines = text.split('\n');
      expect(lines[record.sources['applications.deniedThirdParty.total'] - 1]).toMatch(/^\t\t4\.保护第三方合法权益\t/);
      expect(lines[record.sources['reviewLitigation.litigationAfterReview.total'] - 1].split('\t')).toHaveLength(15);
    }
  });
});
if (!sharedCorpusPresent) console.warn(`skipped: the Word template tests need ${TEMPLATE}`);

/** A minimal .docx: the given body XML and, optionally, numbering.xml. */
function docx(body: string, numbering?: string): Uint8Array {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${ns}><w:body>${body}</w:body></w:document>`),
    ...(numbering && { 'word/numbering.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${ns}>${numbering}</w:numbering>`) }),
  });
}
const p = (text: string, pPr = '') => `<w:p>${pPr}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('Word details', () => {
  it('automatic numbering ("一、", "（一）") is written out, counters per level', async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const num = (ilvl: number) => `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
    const body = [p('总体情况', num(0)), p('主动公开', num(1)), p('依申请公开', num(1)), p('主动公开政府信息情况', num(0)), p('规章', num(1))].join('');
    const { text } = await extractText('n.docx', docx(body, numbering));
    expect(text).toBe('一、总体情况\n（一）主动公开\n（二）依申请公开\n二、主动公开政府信息情况\n（一）规章\n');
  });

  it('tabs, line breaks, hidden text, deleted text and text boxes', async () => {
    const body =
      '<w:p><w:r><w:t>规章</w:t></w:r><w:r><w:tab/><w:t>0</w:t><w:br/><w:t>下一行</w:t></w:r>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del>' +
      '<w:ins><w:r><w:t>插入</w:t></w:r></w:ins></w:p>' +
      '<w:p><w:r><w:drawing><w:txbxContent>' + p('文本框') + '</w:txbxContent></w:drawing></w:r></w:p>';
    const { text } = await extractText('d.docx', docx(body));
    expect(text).toBe('规章\t0\n下一行插入\n文本框\n');
  });

  it('w:gridBefore and a vertical merge keep a row\'s cells in their columns', async () => {
    const tc = (text: string, tcPr = '') => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${p(text)}</w:tc>`;
    const body =
      '<w:tbl>' +
      `<w:tr>${tc('甲', '<w:vMerge w:val="restart"/>')}${tc('乙', '<w:gridSpan w:val="2"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('1')}${tc('2')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${tc('3')}</w:tr>` +
      '</w:tbl>';
    const { text } = await extractText('t.docx', docx(body));
    expect(text).toBe('甲\t乙\n\t1\t2\n\t\t3\n');
  });
});

describe('broken Word files', () => {
  it('a .docx that is no zip archive: "corrupt", naming the file', async () => {
    const err = await extractText('bad.docx', new TextEncoder().encode('not a zip at all')).catch((e) => e);
    expect(err).toBeInstanceOf(FileFormatError);
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/^bad\.docx: the Word file cannot be opened as a zip archive/);
  });

  it('a truncated .docx (the first half of the real template): "corrupt"', async () => {
    const bytes = existsSync(TEMPLATE) ? readFileSync(TEMPLATE) : docx(p('x'.repeat(5000)));
    const err = await extractText('half.docx', new Uint8Array(bytes.subarray(0, bytes.length >> 1))).catch((e) => e);
    expect(err).toBeInstanceOf(FileFormatError);
    expect(err.code).toBe('corrupt');
  });

  it('a zip without word/document.xml (an .xlsx renamed): "corrupt"', async () => {
    const err = await extractText('sheet.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })).catch((e) => e);
    expect(err.code).toBe('corrupt');
    expect(err.message).toBe('sheet.docx: a zip archive without word/document.xml: not a Word .docx file');
  });

  it('malformed document XML: "corrupt"', async () => {
    const bytes = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p></w:body>') });
    const err = await extractText('xml.docx', bytes).catch((e) => e);
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/^xml\.docx: the Word file's word\/document\.xml is not well-formed XML/);
  });

  it('an old binary .doc: "unsupported", with what to do', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    const err = await extractText('old.doc', ole).catch((e) => e);
    expect(err.code).toBe('unsupported');
    expect(err.message).toMatch(/old binary Office file .* save it as \.docx or PDF/);
  });
});
