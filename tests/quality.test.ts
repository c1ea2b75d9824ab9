/** Data quality: every rule fires on a crafted report and stays silent on a clean one. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isGrassrootsOffice, reportFindings } from '../src/lib/analysis/quality';
import { parseReport } from '../src/lib/report';
import { SEEDS_DIR } from './helpers/corpus';

/** Seed 001: 花园办事处 2022, every table filled with zeros that add up. */
const clean = readFileSync(join(SEEDS_DIR, '001_ece336a5f188f35c.txt'), 'utf8');
const ZEROS_15 = Array(15).fill('0').join('\t');

function crafted(edit: (text: string) => string) {
  const text = edit(clean);
  expect(text).not.toBe(clean);
  return reportFindings(parseReport(text));
}
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('quality findings', () => {
  it('a clean report has none', () => {
    expect(reportFindings(parseReport(clean))).toEqual([]);
  });

  it('an identity that fails, with both sides, first', () => {
    const f = crafted((t) => t.replace('一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0', '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1'));
    expect(codes(f)).toEqual(['identity', 'identity']);
    expect(f[0].zh).toBe('数字对不上（“自然人”列）：本年新收 + 上年结转 = 1，但（七）总计 + 结转下年度 = 0。');
  });

  it('a table missing, and cells left blank', () => {
    expect(codes(crafted((t) => t.replace(ZEROS_15, '')))).toEqual(['table-missing']);
    const blank = crafted((t) => t.replace('规章\t0\t0\t0', '规章\t-\t0\t0'));
    expect(codes(blank)).toEqual(['table-blank']);
    expect(blank[0].zh).toBe('表二（主动公开）有 1 个单元格空白或写作“-”“无”，按未报告处理。');
  });

  it('规章 reported by a street office', () => {
    const f = crafted((t) => t.replace('规章\t0\t0\t0', '规章\t1\t0\t1'));
    expect(codes(f)).toEqual(['impossible-for-level']);
    expect(f[0].zh).toContain('花园办事处报告了 1 件规章');
    expect(isGrassrootsOffice('洪泽区人民政府')).toBe(false);
    expect(isGrassrootsOffice('金山镇人民政府')).toBe(true);
  });

  it('impossible values: their own finding with the texts found, neither blank nor unread', () => {
    const f = crafted((t) => t.replace('规章\t0\t0\t0', '规章\t-2\t3.5\t0').replace(ZEROS_15, `9007199254740993\t${ZEROS_15.slice(2)}`));
    expect(codes(f)).toEqual(['impossible-value', 'impossible-value']);
    expect(f[0].zh).toBe('表二（主动公开）有 2 个单元格写着不可能的数值（“-2”、“3.5”：件数不会是负数、小数或大到无法准确存储），按未知处理。');
    expect(f[1].en).toBe('Table IV (review and litigation) has 1 cell with an impossible value ("9007199254740993": a count is never negative, fractional or too large to store exactly), read as unknown.');
  });

  it('a format that does not match the year', () => {
    expect(codes(crafted((t) => t.replaceAll('2022年', '2019年')))).toEqual(['format-year']);
  });

  it('a count in the text that the table contradicts', () => {
    const f = crafted((t) => t.replace('## 一、总体情况\n', '## 一、总体情况\n今年共收到政府信息公开申请5件，均按时答复。\n'));
    expect(codes(f)).toEqual(['narrative']);
    expect(f[0].zh).toBe('正文说收到申请 5 件，表格是 0 件：“今年共收到政府信息公开申请5件，均按时答复。”');
  });
});
