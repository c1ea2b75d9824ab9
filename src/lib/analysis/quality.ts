/**
 * Can this report's numbers be trusted? Findings a reader understands, each in one sentence,
 * most serious first. `reportFindings` looks at one record; the data build adds the findings
 * that need other reports (carry-over between years, text copied from last year or another office).
 */
import { CHECK_DEFINITIONS } from '../report/checks';
import type { ReportRecord } from '../report/record';
import { narrativeCounts } from './narrative';

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

export interface Finding {
  code: 'identity' | 'table-missing' | 'table-blank' | 'impossible-for-level' | 'format-year' | 'narrative' | 'carry-over' | 'copied-previous-year' | 'copied-same-year';
  severity: Severity;
  zh: string;
  en: string;
}

const FORMULA = new Map(CHECK_DEFINITIONS.map((d) => [d.id, d.formula]));
const TABLES = [
  ['active', '二（主动公开）', 'II (proactive disclosure)'],
  ['applications', '三（依申请公开）', 'III (applications)'],
  ['reviewLitigation', '四（复议诉讼）', 'IV (review and litigation)'],
] as const;

/** Street offices and townships make no 规章: only provincial and city governments can. */
export function isGrassrootsOffice(office: string | null): boolean {
  return !!office && /(街道|街道办事处|办事处|镇|乡)(人民政府)?$/.test(office);
}

function cellsOf(record: ReportRecord, table: (typeof TABLES)[number][0]): (number | null)[] {
  return Object.values(record[table] as Record<string, Record<string, number | null> | null>)
    .filter((row): row is Record<string, number | null> => row !== null)
    .flatMap((row) => Object.values(row));
}

export function reportFindings(record: ReportRecord): Finding[] {
  const out: Finding[] = [];
  for (const c of record.checks.filter((c) => !c.ok)) {
    const formula = FORMULA.get(c.id) ?? c.id;
    out.push({
      code: 'identity',
      severity: 'high',
      zh: `数字对不上：${formula}，左边 ${c.expected}，右边 ${c.actual}。`,
      en: `Does not add up: ${formula}: ${c.expected} on one side, ${c.actual} on the other.`,
    });
  }
  for (const [table, zh, en] of TABLES) {
    const cells = cellsOf(record, table);
    const blank = cells.filter((v) => v === null).length;
    if (cells.length && blank === cells.length) {
      out.push({ code: 'table-missing', severity: 'medium', zh: `表${zh}缺失或整表空白：这些数字未报告。`, en: `Table ${en} is missing or blank: these figures are not reported.` });
    } else if (blank) {
      out.push({ code: 'table-blank', severity: 'low', zh: `表${zh}有 ${blank} 个单元格空白或写作“-”“无”，按未报告处理。`, en: `Table ${en} has ${blank} blank cells (or "-", "无"), read as not reported.` });
    }
  }
  const regs = record.active.regulations;
  const madeRegulations = regs ? Math.max(regs.issued ?? 0, regs.inForce ?? 0, regs.made ?? 0) : 0;
  if (isGrassrootsOffice(record.office) && madeRegulations > 0) {
    out.push({
      code: 'impossible-for-level',
      severity: 'high',
      zh: `${record.office}报告了 ${madeRegulations} 件规章，但只有省级和设区的市级政府才能制定规章。`,
      en: `${record.office} reports ${madeRegulations} regulations (规章), which only provincial and city governments can make.`,
    });
  }
  if (record.year !== null && record.template !== null) {
    if (record.template === '2019' && record.year >= 2021) {
      out.push({ code: 'format-year', severity: 'low', zh: `${record.year} 年度报告仍用 2019 年版表格（2021 年度起应使用 2021 年版）。`, en: `A ${record.year} report in the 2019 format (the 2021 format applies from 2021).` });
    } else if (record.template === '2021' && record.year <= 2020) {
      out.push({ code: 'format-year', severity: 'low', zh: `${record.year} 年度报告却用 2021 年版表格。`, en: `A ${record.year} report in the 2021 format, which did not exist yet.` });
    }
  }
  const names = { applications: ['收到申请', 'applications received'], review: ['行政复议', 'administrative reviews'], litigation: ['行政诉讼', 'lawsuits'] } as const;
  for (const n of narrativeCounts(record).filter((n) => !n.agrees)) {
    out.push({
      code: 'narrative',
      severity: 'medium',
      zh: `正文说${names[n.figure][0]} ${n.stated} 件，表格是 ${n.table} 件：“${n.sentence}”`,
      en: `The text says ${n.stated} ${names[n.figure][1]}, the table ${n.table}: "${n.sentence}"`,
    });
  }
  return sortFindings(out);
}

export function sortFindings<T extends { severity: Severity }>(findings: T[]): T[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}
