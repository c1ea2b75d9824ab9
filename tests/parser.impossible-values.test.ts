/**
 * Values no cell can hold (issue 13): a count that is negative, fractional, beyond 2^53 − 1 or
 * printed as a program prints numbers ("Infinity", "1e5") is null with a warning naming the cell
 * and the text found; every other cell reads as before. Amounts (万元) keep their decimals and the
 * 2019 format's 本年增/减 its sign. Reports are seed 001 (every cell 0) and a synthetic 2019 report,
 * edited here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { impossibleValues, parseReport, type ReportRecord } from '../src/lib/report';
import { computeChecks } from '../src/lib/report/checks';
import { mulberry32, syntheticReport } from '../scripts/lib/synthetic';
import { SEEDS_DIR } from './helpers/corpus';

const seed = readFileSync(join(SEEDS_DIR, '001_ece336a5f188f35c.txt'), 'utf8');
const ZEROS_15 = Array(15).fill('0').join('\t');

function edited(text: string, edits: [string, string][]): string {
  for (const [from, to] of edits) {
    expect(text, from).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

/** The clean record with some cells changed: the tables, and the checks computed over them. */
function expectedRecord(clean: ReportRecord, change: (r: ReportRecord) => void): ReportRecord {
  const r = structuredClone(clean);
  change(r);
  r.checks = computeChecks(r.applications, r.reviewLitigation);
  return r;
}

const newWarnings = (record: ReportRecord, clean: ReportRecord) => record.warnings.filter((w) => !clean.warnings.includes(w));

describe('impossible values in tables 二, 三 and 四', () => {
  const clean = parseReport(seed);
  const record = parseReport(
    edited(seed, [
      ['规章\t0\t0\t0', '规章\t-2\t3.5\t１２'],
      ['行政许可\t0', '行政许可\t9007199254740993'],
      ['行政处罚\t0', '行政处罚\tInfinity'],
      ['行政强制\t0', '行政强制\t1e5'],
      ['行政事业性收费\t0', '行政事业性收费\t3.5'],
      ['一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '一、本年新收政府信息公开申请数量\t-2\t3.5\t9007199254740993\tInfinity\t1e5\t１２\t12'],
      [ZEROS_15, '-2\t3.5\t9007199254740993\tInfinity\t0\t1e5\t１２\t0\t0\t12\t0\t0\t0\t0\t0'],
    ]),
  );

  it('reads the impossible cells as null and every other cell as printed', () => {
    const expected = expectedRecord(clean, (r) => {
      r.active.regulations = { issued: null, repealed: null, inForce: 12 };
      r.active.licensing.decisions = null;
      r.active.punishment.decisions = null;
      r.active.coercion.decisions = null;
      r.active.fees.amountWan = 3.5;
      r.applications.newReceived = { naturalPerson: null, commercial: null, research: null, socialWelfare: null, legalService: null, otherOrg: 12, total: 12 };
      r.reviewLitigation.review = { upheld: null, corrected: null, other: null, pending: null, total: 0 };
      r.reviewLitigation.litigationDirect = { upheld: null, corrected: 12, other: 0, pending: 0, total: 12 };
    });
    expect({ ...record, warnings: [] }).toEqual({ ...expected, warnings: [] });
    // The cells keep their lines: the report printed something there.
    expect(record.sources['active.licensing.decisions']).toBe(clean.sources['active.licensing.decisions']);
    for (const w of clean.warnings) expect(record.warnings).toContain(w);
  });

  it('names each cell, the text found and why', () => {
    const line = (path: string) => clean.sources[path];
    expect(newWarnings(record, clean)).toEqual([
      `impossible value: table 二, row "规章", column "本年制发件数" [active.regulations.issued] reads "-2" (line ${line('active.regulations.issued')}): a count is never negative; it is null`,
      `impossible value: table 二, row "规章", column "本年废止件数" [active.regulations.repealed] reads "3.5" (line ${line('active.regulations.issued')}): a count is a whole number; it is null`,
      `impossible value: table 二, row "行政许可", column "本年处理决定数量" [active.licensing.decisions] reads "9007199254740993" (line ${line('active.licensing.decisions')}): beyond 2^53 − 1 (9007199254740991), not stored exactly; it is null`,
      `impossible value: table 二, row "行政处罚", column "本年处理决定数量" [active.punishment.decisions] reads "Infinity" (line ${line('active.punishment.decisions')}): not a number as a report prints one; it is null`,
      `impossible value: table 二, row "行政强制", column "本年处理决定数量" [active.coercion.decisions] reads "1e5" (line ${line('active.coercion.decisions')}): not a number as a report prints one; it is null`,
      ...['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构'].map((column, c) => {
        const key = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService'][c];
        const raw = ['-2', '3.5', '9007199254740993', 'Infinity', '1e5'][c];
        const why = ['a count is never negative', 'a count is a whole number', 'beyond 2^53 − 1 (9007199254740991), not stored exactly', 'not a number as a report prints one', 'not a number as a report prints one'][c];
        return `impossible value: table 三, row "一、本年新收政府信息公开申请数量", column "${column}" [applications.newReceived.${key}] reads "${raw}" (line ${line('applications.newReceived.total')}): ${why}; it is null`;
      }),
      ...[
        ['行政复议', '结果维持', 'review.upheld', '-2', 'a count is never negative'],
        ['行政复议', '结果纠正', 'review.corrected', '3.5', 'a count is a whole number'],
        ['行政复议', '其他结果', 'review.other', '9007199254740993', 'beyond 2^53 − 1 (9007199254740991), not stored exactly'],
        ['行政复议', '尚未审结', 'review.pending', 'Infinity', 'not a number as a report prints one'],
        ['行政诉讼·未经复议直接起诉', '结果维持', 'litigationDirect.upheld', '1e5', 'not a number as a report prints one'],
      ].map(
        ([row, column, path, raw, why]) =>
          `impossible value: table 四, row "${row}", column "${column}" [reviewLitigation.${path}] reads "${raw}" (line ${line('reviewLitigation.review.total')}): ${why}; it is null`,
      ),
    ]);
    expect(impossibleValues(record.warnings).map((i) => i.path)).toHaveLength(15);
  });

  it('a clean report has no impossible value', () => {
    expect(clean.warnings.filter((w) => w.startsWith('impossible value:'))).toEqual([]);
  });
});

describe('signed changes and amounts (2019 format)', () => {
  const report = syntheticReport(mulberry32(7), { template: '2019', layout: 'tab', year: 2020, sparsity: 0 });
  const clean = parseReport(report.text);

  it('本年增/减 keeps its sign, an amount its decimals; a fractional change or a negative amount is refused', () => {
    expect(clean.active.licensing).toEqual({ previous: 2, change: -1, decisions: 5 });
    const record = parseReport(
      edited(report.text, [
        ['行政许可\t2\t-1\t5', '行政许可\t2\t-1.5\t5'],
        ['行政事业性收费\t5\t+7', '行政事业性收费\t5\t-8'],
        ['政府集中采购\t4\t5', '政府集中采购\t4\t-18651.06'],
      ]),
    );
    expect(record.active.licensing).toEqual({ previous: 2, change: null, decisions: 5 });
    expect(record.active.fees).toEqual({ previous: 5, change: -8 });
    expect(record.active.procurement).toEqual({ projects: 4, amountWan: null });
    expect(newWarnings(record, clean).map((w) => w.replace(/ \(line \d+\)/, ''))).toEqual([
      'impossible value: table 二, row "行政许可", column "本年增/减" [active.licensing.change] reads "-1.5": a count is a whole number; it is null',
      'impossible value: table 二, row "政府集中采购", column "采购总金额" [active.procurement.amountWan] reads "-18651.06": an amount is never negative; it is null',
    ]);
    const amount = parseReport(edited(report.text, [['政府集中采购\t4\t5', '政府集中采购\t4\t18651.06']]));
    expect(amount.active.procurement).toEqual({ projects: 4, amountWan: 18651.06 });
  });
});
