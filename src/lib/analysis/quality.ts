/**
 * Can this report's numbers be trusted? Findings a reader understands, each in one sentence,
 * most serious first. `reportFindings` looks at one record; the data build adds the findings
 * that need other reports (carry-over between years, text copied from last year or another office).
 */
import { checkSides, type CheckSides } from '../report/checks';
import type { ReportRecord } from '../report/record';
import { fillFrom, sidesSentence, type FindingParams } from './check-text';
import { impossibleValues } from '../report/values';
import { narrativeCounts } from './narrative';

export type Severity = 'high' | 'medium' | 'low';
export const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1 };

export interface Finding {
  code: 'identity' | 'late-publication' | 'cells-unread' | 'impossible-value' | 'table-missing' | 'table-blank' | 'impossible-for-level' | 'format-year' | 'narrative' | 'carry-over' | 'copied-previous-year' | 'copied-same-year' | 'conflicting-copies';
  severity: Severity;
  zh: string;
  en: string;
  /** What the sentence is made from, where the page renders it itself (identities, carry-over): their sides. */
  params?: FindingParams;
}

/** A finding about an identity, its sentences made from its sides in both languages. */
export function sidesFinding(code: 'identity' | 'carry-over', severity: Severity, sides: CheckSides): Finding {
  return { code, severity, zh: sidesSentence(code, sides, 'zh', fillFrom('zh')), en: sidesSentence(code, sides, 'en', fillFrom('en')), params: sides };
}
const TABLES = [
  ['active', '二（主动公开）', 'II (proactive disclosure)'],
  ['applications', '三（依申请公开）', 'III (applications)'],
  ['reviewLitigation', '四（复议诉讼）', 'IV (review and litigation)'],
] as const;

/** Street offices and townships make no 规章: only provincial and city governments can. */
export function isGrassrootsOffice(office: string | null): boolean {
  return !!office && /(街道|街道办事处|办事处|镇|乡)(人民政府)?$/.test(office);
}

/**
 * A table's cells counted by whether the report printed something in them: a null cell with a
 * source line was printed blank, "-" or "无"; a null cell without one was not read (a row whose
 * digits run together and read several ways, cells lost in the copy) — the parser's limit, not
 * the office's omission. A cell that printed a value no count can hold (−2, 3.5, beyond 2^53 − 1)
 * is null too, and `impossible` (its own finding, neither blank nor unread). One pass, no list of
 * cells: the data build counts every report's.
 */
function cellCounts(record: ReportRecord, table: (typeof TABLES)[number][0], impossible: Set<string>): { cells: number; blank: number; unread: number; allNull: boolean } {
  let cells = 0;
  let blank = 0;
  let unread = 0;
  let allNull = true;
  for (const [row, cols] of Object.entries(record[table] as Record<string, Record<string, number | null> | null>)) {
    if (cols === null) continue;
    const prefix = `${table}.${row}.`;
    for (const [col, value] of Object.entries(cols)) {
      cells++;
      if (value !== null) {
        allNull = false;
        continue;
      }
      const path = prefix + col;
      if (impossible.has(path)) continue;
      if (record.sources[path] !== undefined) blank++;
      else unread++;
    }
  }
  return { cells, blank, unread, allNull };
}

/** "“-2”、“3.5”" / '"-2", "3.5"': the texts found, at most four. */
function quoted(raws: string[], zh: boolean): string {
  const shown = raws.slice(0, 4).map((r) => (zh ? `“${r}”` : `"${r}"`));
  const more = raws.length > 4 ? (zh ? ` 等` : `, …`) : '';
  return shown.join(zh ? '、' : ', ') + more;
}

/**
 * A report is due by 31 January of the next year (《条例》第五十条); the publication date comes from
 * the page it was saved from, when known (YYYY-MM-DD).
 */
export function latePublication(year: number | null, publishedAt: string | null): Finding | null {
  if (year === null || !publishedAt || publishedAt <= `${year + 1}-01-31`) return null;
  return {
    code: 'late-publication',
    severity: 'low',
    zh: `${year} 年度报告于 ${publishedAt} 发布，晚于 ${year + 1} 年 1 月 31 日的期限。`,
    en: `The ${year} report was published on ${publishedAt}, after the deadline of 31 January ${year + 1}.`,
  };
}

export function reportFindings(record: ReportRecord, publishedAt: string | null = null): Finding[] {
  const out: Finding[] = [];
  const late = latePublication(record.year, publishedAt);
  if (late) out.push(late);
  for (const c of record.checks.filter((c) => !c.ok)) {
    const sides = checkSides(c);
    if (sides) out.push(sidesFinding('identity', 'high', sides));
  }
  const impossible = impossibleValues(record.warnings);
  const impossiblePaths = new Set(impossible.map((i) => i.path));
  for (const [table, zh, en] of TABLES) {
    const { cells, blank, unread, allNull } = cellCounts(record, table, impossiblePaths);
    const wrong = impossible.filter((i) => i.path.startsWith(`${table}.`)).map((i) => i.raw);
    if (wrong.length) {
      out.push({
        code: 'impossible-value',
        severity: 'medium',
        zh: `表${zh}有 ${wrong.length} 个单元格写着不可能的数值（${quoted(wrong, true)}：件数不会是负数、小数或大到无法准确存储），按未知处理。`,
        en: `Table ${en} has ${wrong.length} cell${wrong.length > 1 ? 's' : ''} with an impossible value (${quoted(wrong, false)}: a count is never negative, fractional or too large to store exactly), read as unknown.`,
      });
    }
    const missing = record.warnings.some((w) => w.startsWith(`section ${zh[0]} `) || (w.startsWith(`table ${zh[0]} `) && w.includes('missing')));
    if (cells && !wrong.length && allNull && (missing || blank === cells)) {
      out.push({ code: 'table-missing', severity: 'medium', zh: `表${zh}缺失或整表空白：这些数字未报告。`, en: `Table ${en} is missing or blank: these figures are not reported.` });
    } else {
      if (blank) out.push({ code: 'table-blank', severity: 'low', zh: `表${zh}有 ${blank} 个单元格空白或写作“-”“无”，按未报告处理。`, en: `Table ${en} has ${blank} blank cells (or "-", "无"), read as not reported.` });
      if (unread) out.push({ code: 'cells-unread', severity: 'low', zh: `表${zh}有 ${unread} 个单元格未能确定地读出（数字连写或缺失，可有多种读法），按未知处理，不计为报告的问题。`, en: `Table ${en} has ${unread} cells that could not be read with certainty (digits run together or lost, several readings possible): unknown, not counted against the report.` });
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
