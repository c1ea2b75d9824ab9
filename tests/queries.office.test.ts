/** The office and compare views' query functions and pure helpers, against the seeds' database. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import * as q from '../src/lib/db/queries';
import { checkStatement, commonMax, failingFirst, figureId, figureMap, labelsOf, parseFigureId, safeFileName, sumKnown, textLines, warningLine } from '../src/views/office/model';
import { fillFrom } from '../src/lib/analysis/check-text';
import { checkSides, crossYearSides } from '../src/lib/report/checks';
import { SEEDS_DIR } from './helpers/corpus';
import { build, filesOf, open, queryRunner } from './helpers/database';

let db: Database;
const run = queryRunner(() => db);

beforeAll(async () => {
  db = await open((await build(filesOf(SEEDS_DIR).filter((f) => f.path.endsWith('.txt')))).database);
  db.exec('PRAGMA query_only = ON');
});

describe('office view queries', () => {
  it('officeFigures gives every cell of the office’s reports with its year and source line', async () => {
    const figures = await q.officeFigures(run, '420102009');
    expect(new Set(figures.map((f) => f.year))).toEqual(new Set([2022]));
    const byId = figureMap(figures);
    expect(byId.get('applications.newReceived.total')).toMatchObject({ value: 1, year: 2022, rowLabel: '一、本年新收政府信息公开申请数量', columnLabel: '总计' });
    expect(byId.get('applications.newReceived.naturalPerson')?.value).toBe(1);
    expect(byId.get('applications.granted.total')?.value).toBe(1);
    expect(byId.get('applications.totalProcessed.total')?.value).toBe(1);
    expect(byId.get('reviewLitigation.review.total')?.value).toBe(0);
    expect(byId.get('active.regulations.issued')).toMatchObject({ value: 0, rowLabel: '规章', columnLabel: '本年制发件数' });
    expect(byId.get('active.regulations.issued')).toMatchObject({ rowLabelEn: 'Rules', columnLabelEn: 'Issued this year' });
    // The source line holds the number: the evidence the view scrolls to.
    const [report] = await q.officeReports(run, '420102009');
    const lines = textLines((await q.reportDetail(run, report.reportId)).text);
    const received = byId.get('applications.newReceived.total')!;
    expect(lines[received.sourceLine! - 1].trim()).toBe('1');
    // Only the printed form of （六）其他处理 is there.
    expect(byId.has('applications.otherNoCorrection.total')).toBe(true);
    expect(byId.has('applications.otherHandling.total')).toBe(false);
    expect(figures.every((f) => f.reportId === report.reportId)).toBe(true);
  });

  it('officeFigures of an office with all zeros says 0, not null, and nothing for an unknown office', async () => {
    const figures = await q.officeFigures(run, '410711004');
    expect(figures.length).toBeGreaterThan(100);
    const byId = figureMap(figures);
    expect(byId.get('applications.newReceived.total')).toMatchObject({ value: 0, year: 2022, sourceLine: 39 });
    expect(byId.get('reviewLitigation.litigationAfterReview.total')).toMatchObject({ value: 0, sourceLine: 71 });
    expect(await q.officeFigures(run, 'no-such-office')).toEqual([]);
  });

  it('templateLabels are the labels table, in order, with group labels', async () => {
    const labels = await q.templateLabels(run);
    const rows = labelsOf(labels, 'applications', 'row');
    expect(rows[0]).toMatchObject({ key: 'newReceived', label: '一、本年新收政府信息公开申请数量', position: 1 });
    expect(rows.find((r) => r.key === 'deniedStateSecret')).toMatchObject({ label: '1.属于国家秘密', groupLabel: '（三）不予公开' });
    expect(rows.at(-1)?.key).toBe('carriedForward');
    expect(labelsOf(labels, 'applications', 'column').map((c) => c.label)).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    expect(labelsOf(labels, 'reviewLitigation', 'row').map((r) => r.key)).toEqual(['review', 'litigationDirect', 'litigationAfterReview']);
    expect(labelsOf(labels, 'active', 'row', '2021').map((r) => r.label)).toEqual(['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费']);
    expect(labelsOf(labels, 'active', 'row', '2019')).toHaveLength(8);
    expect(labelsOf(labels, 'sections', 'section').find((s) => s.key === 'problems')?.label).toBe('五、存在的主要问题及改进情况');
    // …and their English names, from the same table.
    expect(rows.find((r) => r.key === 'deniedStateSecret')).toMatchObject({ labelEn: '1. State secrets', groupLabelEn: '(3) Not disclosed' });
    expect(labelsOf(labels, 'reviewLitigation', 'column').map((c) => c.labelEn)).toEqual(['Upheld', 'Corrected', 'Other results', 'Pending', 'Total']);
  });

  it('checks read as their two sides, with their terms, from check_results', async () => {
    const [report] = await q.officeReports(run, '420102009');
    const checks = await q.reportChecks(run, report.reportId);
    const balance = checks.find((c) => c.checkId === 'applications.balance.total')!;
    expect(balance.sides).toEqual({
      check: 'applications.balance.total',
      subject: 'applications.column.total',
      left: { terms: ['applications.row.newReceived', 'applications.row.carriedOver'], value: 1 },
      right: { terms: ['applications.row.totalProcessed', 'applications.row.carriedForward'], value: 1 },
    });
    expect(checkStatement(balance, 'zh', fillFrom('zh'))).toEqual({ subject: '“总计”列', left: '本年新收 + 上年结转', right: '（七）总计 + 结转下年度', leftValue: 1, rightValue: 1, ok: true });
    const row = checkStatement(checks.find((c) => c.checkId === 'applications.columns.partiallyGranted')!, 'zh', fillFrom('zh'));
    expect(row.subject).toBe('“（二）部分公开”行');
    expect(row.right).toBe('总计');
    expect(row.left).toBe('自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他');
    const review = checkStatement(checks.find((c) => c.checkId === 'reviewLitigation.review')!, 'en', fillFrom('en'));
    expect(review).toMatchObject({ subject: 'administrative review', left: 'upheld + corrected + other result + pending', right: 'total' });
  });
});

describe('office view helpers', () => {
  it.each([
    ['applications.newReceived.total', { section: 'applications', rowKey: 'newReceived', columnKey: 'total' }],
    ['active.fees.amountWan', { section: 'active', rowKey: 'fees', columnKey: 'amountWan' }],
    ['reviewLitigation.review.corrected', { section: 'reviewLitigation', rowKey: 'review', columnKey: 'corrected' }],
    ['sections.problems.text', null],
    ['applications.newReceived', null],
    ['', null],
    [null, null],
  ])('parseFigureId(%s)', (id, expected) => {
    expect(parseFigureId(id)).toEqual(expected);
    if (expected) expect(figureId(expected.section, expected.rowKey, expected.columnKey)).toBe(id);
  });

  it.each([
    [[1, 2, 3], { value: 6, partial: false }],
    [[0, 0], { value: 0, partial: false }],
    [[null, null], { value: null, partial: false }],
    [[], { value: null, partial: false }],
    [[2, null, 0.1], { value: 2.1, partial: true }],
  ])('sumKnown(%j) keeps not reported apart from zero', (values, expected) => {
    expect(sumKnown(values)).toEqual(expected);
  });

  it('commonMax is the largest value, at least 1', () => {
    expect(commonMax([3, null, 7, 0])).toBe(7);
    expect(commonMax([null, 0])).toBe(1);
  });

  it.each([
    // balance: the formula's left side is `expected`
    [{ id: 'applications.balance.naturalPerson', expected: 5, actual: 4 }, 'zh', { subject: '“自然人”列', left: '本年新收 + 上年结转', right: '（七）总计 + 结转下年度', leftValue: 5, rightValue: 4 }],
    // sums of a row: the left side (the parts) is `actual`
    [{ id: 'applications.results.total', expected: 9, actual: 8 }, 'zh',
      { subject: '“总计”列', left: '（一）予以公开 + （二）部分公开 + （三）不予公开 + （四）无法提供 + （五）不予处理 + （六）其他处理', right: '（七）总计', leftValue: 8, rightValue: 9 }],
    [{ id: 'reviewLitigation.review', expected: 0, actual: 11 }, 'zh', { subject: '行政复议', left: '结果维持 + 结果纠正 + 其他结果 + 尚未审结', right: '总计', leftValue: 11, rightValue: 0 }],
    [{ id: 'applications.columns.deniedStateSecret', expected: 2, actual: 3 }, 'en',
      { subject: 'row "(3) 1. state secret"', left: 'natural persons + businesses + research institutions + public-interest organisations + legal service providers + others', right: 'total', leftValue: 3, rightValue: 2 }],
  ] as const)('checkStatement %#', (check, lang, expected) => {
    expect(checkStatement({ sides: checkSides(check)!, ok: false }, lang, fillFrom(lang))).toEqual({ ...expected, ok: false });
  });

  it('checkStatement of a cross-year check gives each term its year', () => {
    expect(checkStatement({ sides: crossYearSides('applications.carryOver', 2021, 2022, 2, 0), ok: false }, 'zh', fillFrom('zh'))).toEqual({
      subject: null, left: '2021 年结转下年度', right: '2022 年上年结转', leftValue: 2, rightValue: 0, ok: false,
    });
    expect(checkStatement({ sides: crossYearSides('active.inForce.regulations', 2021, 2022, 5, 3), ok: false }, 'en', fillFrom('en'))).toEqual({
      subject: 'government rules (规章)', left: 'in force (2021) + issued (2022) − repealed (2022)', right: 'in force (2022)', leftValue: 5, rightValue: 3, ok: false,
    });
  });

  it('failingFirst puts failed checks first, keeping order', () => {
    const c = (checkId: string, ok: boolean) => ({ checkId, ok });
    expect(failingFirst([c('a', true), c('b', false), c('c', true), c('d', false)]).map((x) => x.checkId)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('warningLine finds the line a warning names', () => {
    expect(warningLine('table 三: row "（一）予以公开" has six 0s and one blank cell (line 52); the blank is 0 too')).toBe(52);
    expect(warningLine('section 一、总体情况 appears 2 times; the first is read')).toBeNull();
  });

  it('safeFileName keeps ids usable as download names', () => {
    expect(safeFileName('420102009')).toBe('420102009');
    expect(safeFileName('江苏省淮安市洪泽区/洪泽区人民政府')).toBe('江苏省淮安市洪泽区_洪泽区人民政府');
  });

  it('textLines counts lines as the parser does', () => {
    expect(textLines('a\r\nb\rc\nd')).toEqual(['a', 'b', 'c', 'd']);
  });
});
