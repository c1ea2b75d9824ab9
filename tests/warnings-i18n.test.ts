/**
 * The parser's warnings read in both languages: every shape the seeds, the development reports and
 * the Pingtan collection produce is recognised and rendered from the dictionary.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDivisions } from '../scripts/lib/divisions';
import { applyLanguage } from '../src/lib/app/i18n.svelte';
import { parseWarning, warningText } from '../src/lib/app/warnings';
import { parseReport, ReportParseError } from '../src/lib/report';
import { SEEDS_DIR, SHARED_CORPUS_DIR } from './helpers/corpus';

const PINGTAN = resolve(__dirname, '../../shared/corpus/pingtan');
const CJK = /[\u3400-\u9fff]/;

function warningsOf(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const divisions = loadDivisions();
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .flatMap((f) => {
      try {
        return parseReport(readFileSync(join(dir, f), 'utf8'), { fileName: f, divisions }).warnings;
      } catch (e) {
        if (e instanceof ReportParseError) return [];
        throw e;
      }
    });
}

afterAll(() => applyLanguage('zh'));

describe('parser warnings in the reader’s language', () => {
  it('every warning of the seeds, the development reports and the Pingtan collection has a known shape', () => {
    const all = [SEEDS_DIR, SHARED_CORPUS_DIR, PINGTAN].flatMap(warningsOf);
    expect(all.length).toBeGreaterThan(existsSync(PINGTAN) ? 300 : 0);
    expect(all.filter((w) => !parseWarning(w))).toEqual([]);
    applyLanguage('zh');
    // In Chinese no English sentence is left: the rendered text has no run of three English words.
    for (const w of all) expect(warningText(w).text, w).not.toMatch(/\b[a-z]+ [a-z]+ [a-z]+\b/);
  });

  it('renders a run-together row in Chinese and in English, with the label in the reader’s language', () => {
    const w = 'table 二: row "行政许可" prints "1213" (line 52) with its cells run together; it reads as 1,2,13 or 12,1,3 (and 2 more), so its cells are null';
    expect(parseWarning(w)).toEqual({ key: 'warning.runTogether', params: { table: '二', row: '行政许可', printed: '1213', line: '52', readings: '1,2,13 or 12,1,3 (and 2 more)' } });
    applyLanguage('zh');
    expect(warningText(w)).toEqual({ known: true, text: '表二：“行政许可”一行的数字连在一起印作“1213”（第 52 行），可读作 1,2,13 或 12,1,3（另有 2 种），无法确定，其单元格按未知处理。' });
    applyLanguage('en');
    expect(warningText(w).text).toBe(
      'Table 2: row "Administrative licensing" prints "1213" (line 52) with its cells run together; it reads as 1,2,13 or 12,1,3 (and 2 more), so its cells are unknown.',
    );
  });

  it('names sections and review groups in English, and keeps what is not a template label as printed', () => {
    applyLanguage('en');
    expect(warningText('section 六、其他需要报告的事项 not found').text).toBe('Section "6. Other matters to report" not found.');
    expect(warningText('table 四: 行政复议 reads as 1,0,0,0,1 or 10,0,0,0,10 from "100010" (line 9); its cells are null').text).toContain('"Administrative review" reads as');
    expect(warningText('the place of "某某街道" could not be told from the report; region is null').text).toBe('The place of "某某街道" could not be told from the report: the region is unknown.');
    applyLanguage('zh');
    expect(warningText('sections 四、五 not found: the text may be cut off; what it has is read').text).toBe('没有找到第四、五部分：文本可能不完整，已读取现有内容。');
    expect(CJK.test(warningText('the body was saved on one line (a crawler\'s copy): it was cut into lines at the headings and table labels').text)).toBe(true);
  });

  it('renders a reading the office\'s other years chose (the data build\'s warning) in both languages', () => {
    const one = 'table 二: row "行政规范性文件" read as 5,6,15 (of 3 readings) by the office\'s other years: the only one that agrees with its 2022 report\'s 现行有效件数';
    const two =
      'table 三: row "二、上年结转政府信息公开申请数量" read as 10,1,0,0,0,0,11 (of 2 readings) by the office\'s other years: the only one that agrees with its 2021 report\'s 四、结转下年度继续办理 and its 2023 report\'s 二、上年结转政府信息公开申请数量';
    expect(parseWarning(one)).toEqual({ key: 'warning.chosenAcrossYears', params: { table: '二', row: '行政规范性文件', reading: '5,6,15', n: '3', reports: "its 2022 report's 现行有效件数" } });
    applyLanguage('zh');
    expect(warningText(one).text).toBe('表二：“行政规范性文件”一行依本机关其他年度的报告读作 5,6,15（共 3 种读法），唯有这一种与2022 年报告的“现行有效件数”相符。');
    expect(warningText(two).text).toBe(
      '表三：“二、上年结转政府信息公开申请数量”一行依本机关其他年度的报告读作 10,1,0,0,0,0,11（共 2 种读法），唯有这一种与2021 年报告的“四、结转下年度继续办理”和2023 年报告的“二、上年结转政府信息公开申请数量”相符。',
    );
    applyLanguage('en');
    expect(warningText(one).text).toBe('Table 2: row "Administrative normative documents" read as 5,6,15 (of 3 readings) by the office\'s other years: the only one that agrees with its 2022 report\'s In force.');
    expect(warningText(two).text).toContain("agrees with its 2021 report's 4. Carried forward to next year and its 2023 report's 2. Applications carried over from last year.");
  });

  it('a warning of an unknown shape is shown as it is', () => {
    applyLanguage('zh');
    expect(warningText('something new the parser says')).toEqual({ known: false, text: 'something new the parser says' });
  });
});
