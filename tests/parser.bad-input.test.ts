/**
 * Bad input: a clear error or precise warnings; never a crash, never a silent 0.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportParseError } from '../src/lib/report';
import { APPLICATION_ROWS } from '../src/lib/report/template';
import { SEEDS_DIR } from './helpers/corpus';

const seed000 = readFileSync(`${SEEDS_DIR}/000_20342ef31a6ba026.txt`, 'utf8');
const lines000 = seed000.split('\n');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

/** Seed 000 as the blank template reads: from section 一 on, no number, no line naming the office. */
function blankTemplateText(): string {
  return seed000
    .slice(seed000.indexOf('一、'))
    .replace(/[0-9]+/g, '')
    .replace(/[^\n]*(?:街道|办事处|人民政府)[^\n]*/g, '');
}

function parseError(text: string): ReportParseError {
  try {
    parseReport(text, { fileName: 'x.txt' });
  } catch (e) {
    expect(e).toBeInstanceOf(ReportParseError);
    return e as ReportParseError;
  }
  throw new Error('expected a ReportParseError');
}

describe('inputs that are no report', () => {
  it.each([
    ['empty', '', 'empty', 'x.txt: the file is empty'],
    ['whitespace only', ' \n\t\n ', 'empty', 'x.txt: the file is empty'],
    ['binary bytes', '\u0000\u0001PK\u0003\u0004\u0000\u0000\u0010\u0011\u0012', 'binary', 'x.txt: binary or unreadable text'],
    ['Chinese prose that is no report', '关于做好春节期间安全生产工作的通知\n各社区：为确保辖区群众度过一个平安祥和的节日，现就有关事项通知如下。', 'not-a-report', 'x.txt: not a government information-disclosure annual report'],
    [
      'a list that only mentions annual reports',
      '# 来源\n| 文件 | 报告 |\n|---|---|\n| a.txt | 淮安市人民政府2024年政府信息公开工作年度报告 |\n| b.txt | 洪泽区2023年政府信息公开工作年度报告 |',
      'not-a-report',
      'x.txt: not a government information-disclosure annual report',
    ],
    ['an English text', 'Annual report of the Acme Corporation 2023\nRevenue grew.', 'not-a-report', 'x.txt: not a government'],
    [
      'the blank template: headings and row labels, no office, no year, no number',
      blankTemplateText(),
      'blank-template',
      'x.txt: the blank template of the annual report: no office, no year and no number filled in',
    ],
  ])('%s', (_name, text, code, message) => {
    const err = parseError(text);
    expect(err.code).toBe(code);
    expect(err.message.startsWith(message)).toBe(true);
  });
});

describe('damaged reports', () => {
  it('a report cut off in the middle of table 三: read rows keep their values, the rest are null with warnings', () => {
    const cut = lines000.slice(0, lineOf(seed000, '4.保护第三方合法权益') + 1).join('\n');
    const r = parseReport(cut);
    expect(r.applications.newReceived).toEqual({ naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 });
    expect(r.applications.deniedThirdParty?.total).toBe(0);
    for (const key of ['deniedInternalAffairs', 'unavailableNotHeld', 'totalProcessed', 'carriedForward']) {
      expect(Object.values(r.applications[key]!).every((v) => v === null)).toBe(true);
      const label = APPLICATION_ROWS.find((row) => row.key === key)!.label;
      expect(r.warnings).toContain(`table 三: row "${label}" not found, its cells are null`);
    }
    expect(Object.values(r.reviewLitigation.review).every((v) => v === null)).toBe(true);
    expect(r.warnings).toContain('section 四 (行政复议、行政诉讼情况) not found: its table is null');
    expect(r.sections.problems).toBeNull();
    // No check is computed over the missing cells.
    expect(r.checks.some((c) => c.id === 'applications.balance.total')).toBe(false);
  });

  it('a section printed twice: the first is read and a warning says so', () => {
    const start = lineOf(seed000, '四、政府信息公开行政复议');
    const end = lineOf(seed000, '五、存在的主要问题');
    const twice = [...lines000.slice(0, end), ...lines000.slice(start, end), ...lines000.slice(end)].join('\n');
    const r = parseReport(twice);
    expect(r.warnings).toContain('section 四、政府信息公开行政复议、行政诉讼情况 appears 2 times; the first is read');
    expect(r.reviewLitigation.review.total).toBe(0);
  });

  it('table 三 with one column missing from every row: rows are null with a warning each, never a guess', () => {
    // 劳动街道-like numbers, with the 总计 column dropped from the header and every row.
    const rows: [string, number[]][] = [
      ['一、本年新收政府信息公开申请数量', [5, 1, 0, 0, 2, 0]],
      ['二、上年结转政府信息公开申请数量', [1, 0, 0, 0, 0, 0]],
      ['三、本年度办理结果\t（一）予以公开', [3, 1, 0, 0, 1, 0]],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [2, 0, 0, 0, 1, 0]],
      ['（七）总计', [5, 1, 0, 0, 2, 0]],
      ['四、结转下年度继续办理', [1, 0, 0, 0, 0, 0]],
    ];
    const text = [
      '某某街道办事处2023年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
      ...rows.map(([label, values]) => [label, ...values].join('\t')),
      '四、政府信息公开行政复议、行政诉讼情况',
      Array(15).fill('0').join('\t'),
    ].join('\n');
    const r = parseReport(text);
    for (const [key, cells] of Object.entries(r.applications)) {
      if (cells) expect(Object.values(cells).every((v) => v === null), key).toBe(true);
    }
    expect(r.warnings).toContain(
      'table 三: row "一、本年新收政府信息公开申请数量" has 6 of 7 values (line 4); which columns they belong to cannot be told, so its cells are null',
    );
    expect(r.warnings.filter((w) => w.includes('has 6 of 7 values')).length).toBe(6);
    expect(r.checks.filter((c) => c.id.startsWith('applications.'))).toEqual([]);
    expect(r.reviewLitigation.review).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  });

  it('placeholders "-", "/", "无" and blank cells in table 二 are null with a warning, a written 0 stays 0', () => {
    const text = seed000
      .replace('规章\t0\t0\t0', '规章\t-\t/\t0')
      .replace('行政许可\t0', '行政许可\t无');
    const r = parseReport(text);
    expect(r.active.regulations).toEqual({ issued: null, repealed: null, inForce: 0 });
    expect(r.active.licensing).toEqual({ decisions: null });
    expect(r.warnings).toContain('table 二: 规章 本年制发件数 is "-" (line 31), read as null');
    expect(r.warnings).toContain('table 二: 行政许可 本年处理决定数量 is "无" (line 35), read as null');
  });

  it('a report that prints no tables, only words: every cell null, with warnings', () => {
    const text = [
      '某某街道办事处2023年政府信息公开工作年度报告',
      '一、总体情况',
      '本年度，我办依法做好政府信息公开工作。',
      '二、主动公开政府信息情况',
      '本年度主动公开政府信息若干条。',
      '三、收到和处理政府信息公开申请情况',
      '本年度，未接到群众要求公开的信息。',
      '四、政府信息公开行政复议、行政诉讼情况',
      '本年度无行政复议、行政诉讼情况。',
      '五、存在的主要问题及改进情况',
      '公开形式较为单一。',
    ].join('\n');
    const r = parseReport(text);
    expect(r.year).toBe(2023);
    expect(r.template).toBeNull();
    expect(Object.values(r.active).every((item) => Object.values(item).every((v) => v === null))).toBe(true);
    expect(r.applications.newReceived?.total).toBeNull();
    expect(r.reviewLitigation.review.total).toBeNull();
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        'table 二 (主动公开) missing: no values in section 二',
        'table 三 (申请情况) missing: no values in section 三, its cells are null',
        'table 四 (行政复议、行政诉讼) missing: no values in section 四, its cells are null',
      ]),
    );
    expect(r.checks).toEqual([]);
  });
});
