/**
 * The ratios journalists compute from the tables, defined once: the database's `report_rates`
 * view is generated from this table, and the dashboard shows each formula next to each use.
 * Numerators and denominators are columns of the `report_overview` view.
 */

export interface RateDef {
  key: string;
  zh: string;
  en: string;
  /** The formula in the template's words, shown next to every use. */
  formulaZh: string;
  formulaEn: string;
  /** SQL over report_overview (alias o). */
  numerator: string;
  denominator: string;
}

export const RATES: RateDef[] = [
  {
    key: 'disclosure_rate',
    zh: '公开率',
    en: 'Disclosure rate',
    formulaZh: '（予以公开 + 部分公开）÷ 办结总计',
    formulaEn: '(granted + partially granted) ÷ applications handled',
    numerator: 'o.granted + o.partially_granted',
    denominator: 'o.total_processed',
  },
  {
    key: 'denial_rate',
    zh: '不予公开率',
    en: 'Denial rate',
    formulaZh: '不予公开 ÷ 办结总计',
    formulaEn: 'denied ÷ applications handled',
    numerator: 'o.denied',
    denominator: 'o.total_processed',
  },
  {
    key: 'unavailable_rate',
    zh: '无法提供率',
    en: 'Not-held rate',
    formulaZh: '无法提供 ÷ 办结总计',
    formulaEn: 'unable to provide ÷ applications handled',
    numerator: 'o.unavailable',
    denominator: 'o.total_processed',
  },
  {
    key: 'rejection_rate',
    zh: '不予处理率',
    en: 'Not-processed rate',
    formulaZh: '不予处理 ÷ 办结总计',
    formulaEn: 'not processed ÷ applications handled',
    numerator: 'o.rejected',
    denominator: 'o.total_processed',
  },
  {
    key: 'review_correction_rate',
    zh: '复议纠错率',
    en: 'Review correction rate',
    formulaZh: '行政复议结果纠正 ÷ 已审结复议（维持 + 纠正 + 其他结果）',
    formulaEn: 'reviews corrected ÷ reviews concluded (upheld + corrected + other)',
    numerator: 'o.review_corrected',
    denominator: 'o.review_concluded',
  },
  {
    key: 'litigation_correction_rate',
    zh: '诉讼纠错率',
    en: 'Litigation correction rate',
    formulaZh: '行政诉讼结果纠正 ÷ 已审结诉讼（两类诉讼的维持 + 纠正 + 其他结果）',
    formulaEn: 'lawsuits corrected ÷ lawsuits concluded (both kinds: upheld + corrected + other)',
    numerator: 'o.litigation_corrected',
    denominator: 'o.litigation_concluded',
  },
];

/**
 * A ranking by a rate lists only offices with at least this many cases behind it: with one
 * application, a "100 %" says nothing. Ten cases put one case's weight at 10 points at most.
 */
export const MIN_CASES_FOR_RANKING = 10;

/** Rate as a share (0–1), or null when nothing stands behind it. */
export function rate(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return numerator / denominator;
}
