/** Reports to publish in the format tests: a seed's truth with its own prose, and random numbers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/lib/report';
import type { TemplateId } from '../../src/lib/report/template';
import { mulberry32, randomRecordNumbers, seedOf, type RecordNumbers } from '../../scripts/lib/synthetic';
import { SEEDS_DIR } from './corpus';
import type { PublishedReport } from './publish';

const lines = (text: string | null) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * A report with a truth file (seed or corpus): its title, its own prose (the parsed sections,
 * the preface between title and section 一) and the truth's numbers.
 */
export function publishedFromTruth(textFile: string, truth: Record<string, any>): PublishedReport {
  const text = readFileSync(textFile, 'utf8').replace(/\[bookmark:[^\]]*\]/g, '');
  const record = parseReport(text);
  const all = text.split('\n').map((l) => l.trim());
  const first = all.findIndex((l) => /^#*\s*一、/.test(l));
  const titleAt = all.findIndex((l) => /年度报告/.test(l));
  return {
    title: truth.title,
    template: truth.template,
    preface: all.slice(titleAt + 1, first).filter((l) => l && !/年度报告$/.test(l)),
    overview: lines(record.sections.overview),
    problems: lines(record.sections.problems),
    other: lines(record.sections.other),
    active: truth.active,
    applications: truth.applications,
    reviewLitigation: truth.reviewLitigation,
  };
}

export const seedCase = (name: string) => {
  const truth = JSON.parse(readFileSync(join(SEEDS_DIR, `${name}.truth.json`), 'utf8'));
  return { truth, report: publishedFromTruth(join(SEEDS_DIR, `${name}.txt`), truth) };
};

/** Random numbers with every cell non-zero (a value in the wrong cell cannot hide behind a 0). */
export function randomCase(template: TemplateId, index: number, otherForm?: 'split' | 'whole'): PublishedReport & { numbers: RecordNumbers } {
  const rng = mulberry32(seedOf('formats', template, index, otherForm ?? ''));
  const numbers = randomRecordNumbers(rng, template, { sparsity: 0, maxCount: 60, ...(otherForm && { otherForm }) });
  const year = template === '2021' ? 2023 : 2020;
  return {
    title: `江苏省淮安市洪泽区高良涧街道办事处${year}年政府信息公开工作年度报告`,
    template,
    preface: [`本报告由高良涧街道办事处根据《中华人民共和国政府信息公开条例》要求编制。报告中所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`],
    overview: [`${year}年，高良涧街道认真贯彻落实《条例》，扎实推进政府信息公开工作。`, '（一）主动公开', '通过政府门户网站主动公开政府信息。'],
    problems: ['一是公开内容还不够全面；二是队伍建设有待加强。'],
    other: ['无。'],
    ...numbers,
    numbers,
  };
}

/** Field by field: where a parsed record's three tables differ from the numbers rendered. */
export function numberDiffs(record: Record<string, any>, numbers: RecordNumbers): string[] {
  const diffs: string[] = [];
  for (const table of ['active', 'applications', 'reviewLitigation'] as const) {
    for (const [row, cells] of Object.entries(numbers[table] as Record<string, Record<string, number | null> | null>)) {
      if (cells === null) {
        if (record[table][row] !== null) diffs.push(`${table}.${row}: got ${JSON.stringify(record[table][row])}, want null`);
        continue;
      }
      for (const [col, want] of Object.entries(cells)) {
        const got = record[table][row]?.[col];
        if (got !== want) diffs.push(`${table}.${row}.${col}: got ${got}, want ${want}`);
      }
    }
  }
  return diffs;
}
