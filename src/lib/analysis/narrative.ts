/**
 * Text against tables: counts the narrative states ("今年收到政府信息公开申请1件", "行政复议0次")
 * compared with the tables' figures. Conservative by design: only sentences that name the
 * applications for disclosure, or review/litigation over disclosure, with one count; a sentence
 * about 备案, 咨询, 留言 or 信访 counts something else and is left alone.
 */
import type { ReportRecord } from '../report/record';

export interface NarrativeCount {
  /** Which figure the sentence states. */
  figure: 'applications' | 'review' | 'litigation';
  stated: number;
  /** The table's value, null when the table does not give it. */
  table: number | null;
  sentence: string;
  agrees: boolean;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12", "十二", "二十", "一百零五" → number; null when not a count. */
export function readCount(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGITS) current = DIGITS[ch];
    else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (current || 1) * unit;
      current = 0;
    }
  }
  return total + current;
}

const COUNT = '(\\d+|[零〇一二两三四五六七八九十百千]+)\\s*(?:件|次|起|个|宗)';
/** Words that mean the sentence counts something other than disclosure applications. */
const OTHER_THINGS = /备案|咨询|留言|信访|投诉|举报|来电|来访|建议|提案|热线|督办|政务服务|办件|许可|审批|处罚/;

const PATTERNS: { figure: NarrativeCount['figure']; re: RegExp }[] = [
  // 收到/受理/新收 … 政府信息公开申请 … N件 (or 申请 N 件 right after the verb)
  { figure: 'applications', re: new RegExp(`(?:收到|受理|新收|接收|共收到)[^。；;，,]{0,12}?(?:政府信息公开|依申请公开)?申请[^。；;，,\\d]{0,6}?${COUNT}`) },
  { figure: 'applications', re: new RegExp(`(?:政府信息公开|依申请公开)申请[^。；;，,\\d]{0,8}?${COUNT}`) },
  { figure: 'review', re: new RegExp(`行政复议[^。；;，,\\d]{0,8}?${COUNT}`) },
  { figure: 'litigation', re: new RegExp(`行政诉讼[^。；;，,\\d]{0,8}?${COUNT}`) },
];
/** "未收到…申请", "无…行政复议" state zero in words. */
const NONE_PATTERNS: { figure: NarrativeCount['figure']; re: RegExp }[] = [
  { figure: 'applications', re: /(?:未|没有)(?:收到|受理|发生)[^。；;，,]{0,12}?(?:政府信息公开|依申请公开)申请/ },
  { figure: 'review', re: /(?:未|没有|无)(?:发生|被申请|出现)?[^。；;，,]{0,20}?行政复议/ },
  { figure: 'litigation', re: /(?:未|没有|无)(?:发生|被提起|出现)?[^。；;，,]{0,20}?行政诉讼/ },
];

function tableValue(record: ReportRecord, figure: NarrativeCount['figure']): number | null {
  if (figure === 'applications') return record.applications.newReceived?.total ?? null;
  if (figure === 'review') return record.reviewLitigation.review?.total ?? null;
  const a = record.reviewLitigation.litigationDirect?.total ?? null;
  const b = record.reviewLitigation.litigationAfterReview?.total ?? null;
  return a === null || b === null ? null : a + b;
}

/** Sentences of the overview and other sections (not the tables). */
function sentencesOf(record: ReportRecord): string[] {
  return [record.sections.overview, record.sections.other]
    .filter((t): t is string => !!t)
    .flatMap((t) => t.split(/(?<=[。；;！!？?])|\n/))
    .map((s) => s.trim())
    .filter(Boolean);
}

export function narrativeCounts(record: ReportRecord): NarrativeCount[] {
  const out: NarrativeCount[] = [];
  for (const sentence of sentencesOf(record)) {
    if (OTHER_THINGS.test(sentence)) continue;
    // Only the first count per figure in a sentence; "其中…" breakdowns are not totals.
    const seen = new Set<string>();
    for (const { figure, re } of PATTERNS) {
      if (seen.has(figure)) continue;
      const m = re.exec(sentence);
      if (!m) continue;
      // A count preceded by 其中 (a part of a total) is no total.
      if (/其中[^。；;]{0,6}$/.test(sentence.slice(0, m.index))) continue;
      const stated = readCount(m[1]);
      if (stated === null) continue;
      seen.add(figure);
      const table = tableValue(record, figure);
      out.push({ figure, stated, table, sentence, agrees: table === null || table === stated });
    }
    for (const { figure, re } of NONE_PATTERNS) {
      if (seen.has(figure) || !re.test(sentence)) continue;
      seen.add(figure);
      const table = tableValue(record, figure);
      out.push({ figure, stated: 0, table, sentence, agrees: table === null || table === 0 });
    }
  }
  return out;
}
