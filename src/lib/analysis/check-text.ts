/**
 * Checks and their findings in words, from their sides (report/checks.ts `CheckSides`): the one
 * place a sentence about an identity is made, in the page (through the dictionary, which holds
 * CHECK_MESSAGES) and, written from the same sentences and names, in the database's `findings`
 * view (schema.ts sidesSentenceSql: the build stores the sides, not the sentences). Pure: no DOM.
 */
import type { CheckSide, CheckSides, Term } from '../report/checks';
import { ACTIVE_ITEMS, APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, type LabelDef } from '../report/template';

export type Lang = 'zh' | 'en';

/** The sentences, part of the dictionary (src/lib/app/i18n.svelte.ts spreads them in). */
export const CHECK_MESSAGES = {
  zh: {
    'sides.identity': '数字对不上（{subject}）：{left} = {l}，但{right} = {r}。',
    'sides.carryOver': '与上一年的报告接不上：{left} = {l}，但{right} = {r}。',
    'sides.carryOverOf': '与上一年的报告接不上（{subject}）：{left} = {l}，但{right} = {r}。',
    'sides.ofYear': '{year} 年{term}',
    'sides.column': '“{name}”列',
    'sides.row': '“{name}”行',
  },
  en: {
    'sides.identity': 'Does not add up ({subject}): {left} = {l}, but {right} = {r}.',
    'sides.carryOver': "Does not follow on from last year's report: {left} = {l}, but {right} = {r}.",
    'sides.carryOverOf': "Does not follow on from last year's report ({subject}): {left} = {l}, but {right} = {r}.",
    'sides.ofYear': '{term} ({year})',
    'sides.column': 'column "{name}"',
    'sides.row': 'row "{name}"',
  },
} as const;

export type CheckMessageKey = keyof (typeof CHECK_MESSAGES)['zh'];
/** Fills a sentence of the dictionary: the page's `t`, or `fillFrom` in the data build. */
export type Fill = (key: CheckMessageKey, values: Record<string, string | number>) => string;

export function fillFrom(lang: Lang): Fill {
  return (key, values) => CHECK_MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? `{${k}}`));
}

/** Where the template's label is long, the short name its formulas use. */
const SHORT_ZH: Record<string, string> = {
  'applications.row.newReceived': '本年新收',
  'applications.row.carriedOver': '上年结转',
  'applications.row.partiallyGranted': '（二）部分公开',
  'applications.row.carriedForward': '结转下年度',
  'applications.heading.granted': '（一）予以公开',
  'applications.heading.partiallyGranted': '（二）部分公开',
  'applications.heading.denied': '（三）不予公开',
  'applications.heading.unavailable': '（四）无法提供',
  'applications.heading.rejected': '（五）不予处理',
  'applications.heading.other': '（六）其他处理',
};

/**
 * English where a formula shortens the template's label (the template's own English names, in
 * template.ts, serve the other terms, lower-cased to sit inside a sentence).
 */
const SHORT_EN: Record<string, string> = {
  'applications.row.newReceived': 'new applications',
  'applications.row.carriedOver': 'carried over from last year',
  'applications.row.granted': '(1) granted',
  'applications.row.partiallyGranted': '(2) partly granted',
  'applications.row.deniedStateSecret': '(3) 1. state secret',
  'applications.row.deniedLawProhibited': '(3) 2. other laws forbid disclosure',
  'applications.row.deniedSafetyStability': '(3) 3. would endanger security or stability',
  'applications.row.deniedThirdParty': "(3) 4. third parties' rights",
  'applications.row.deniedInternalAffairs': '(3) 5. internal affairs',
  'applications.row.deniedProcessInfo': '(3) 6. process information',
  'applications.row.deniedEnforcementFile': '(3) 7. enforcement file',
  'applications.row.deniedAdminQuery': '(3) 8. administrative enquiry',
  'applications.row.unavailableNotHeld': '(4) 1. not held by this office',
  'applications.row.unavailableNeedsCreation': '(4) 2. would have to be compiled',
  'applications.row.unavailableUnclear': '(4) 3. still unclear after correction',
  'applications.row.rejectedComplaint': '(5) 1. petition, report or complaint',
  'applications.row.rejectedRepeated': '(5) 2. repeated application',
  'applications.row.rejectedPublication': '(5) 3. asks for a publication',
  'applications.row.rejectedMassRepeated': '(5) 4. many repeated applications without good reason',
  'applications.row.rejectedConfirmation': '(5) 5. asks to confirm or re-issue information already obtained',
  'applications.row.otherNoCorrection': '(6) 1. not completed by the applicant in time',
  'applications.row.otherUnpaidFee': '(6) 2. fee not paid in time',
  'applications.row.otherOther': '(6) 3. other',
  'applications.row.otherHandling': '(6) other handling',
  'applications.row.totalProcessed': '(7) total handled',
  'applications.row.carriedForward': 'carried forward to next year',
  'applications.heading.granted': '(1) granted',
  'applications.heading.partiallyGranted': '(2) partly granted',
  'applications.heading.denied': '(3) not disclosed',
  'applications.heading.unavailable': '(4) cannot be provided',
  'applications.heading.rejected': '(5) not processed',
  'applications.heading.other': '(6) other handling',
  'reviewLitigation.row.litigationDirect': 'lawsuits without prior review',
  'reviewLitigation.row.litigationAfterReview': 'lawsuits after review',
  'reviewLitigation.column.other': 'other result',
  'active.row.regulations': 'government rules (规章)',
  'active.row.normativeDocuments': 'normative documents',
  'active.column.issued': 'issued',
  'active.column.repealed': 'repealed',
};

/** The template's labels by term, in one language; section 二 in the 2021 format where the formats differ. */
const labelsBy = (name: (l: LabelDef) => string) =>
  new Map<string, string>([
    ...APPLICATION_ROWS.map((r) => [`applications.row.${r.key}`, name(r)] as const),
    ...APPLICANT_COLUMNS.map((c) => [`applications.column.${c.key}`, name(c)] as const),
    ...REVIEW_GROUPS.map((g) => [`reviewLitigation.row.${g.key}`, name(g)] as const),
    ...REVIEW_COLUMNS.map((c) => [`reviewLitigation.column.${c.key}`, name(c)] as const),
    ...[...ACTIVE_ITEMS['2019'], ...ACTIVE_ITEMS['2021']].flatMap((item) => [
      [`active.row.${item.key}`, name(item)] as const,
      ...item.columns.map((c: LabelDef) => [`active.column.${c.key}`, name(c)] as const),
    ]),
  ]);
const LABEL = labelsBy((l) => l.label);
const LABEL_EN = labelsBy((l) => l.en.charAt(0).toLowerCase() + l.en.slice(1));

/** A term's name: the template's label (short where its formulas shorten it), or its English name. */
export function termName(term: Term, lang: Lang, fill: Fill): string {
  if (typeof term !== 'string') return fill('sides.ofYear', { term: termName(term.term, lang, fill), year: term.year });
  if (lang === 'en') return SHORT_EN[term] ?? LABEL_EN.get(term) ?? term;
  return SHORT_ZH[term] ?? LABEL.get(term) ?? term;
}

/**
 * Every term the template names, with its name in each language (termName): the database's
 * `term_names` table, from which its `findings` view makes the sentences of the findings about an
 * identity (schema.ts), as sidesSentence does here.
 */
export function termNameRows(): { term: string; name_zh: string; name_en: string }[] {
  const terms = [...new Set([...LABEL.keys(), ...Object.keys(SHORT_ZH), ...Object.keys(SHORT_EN)])].sort();
  return terms.map((term) => ({ term, name_zh: termName(term, 'zh', fillFrom('zh')), name_en: termName(term, 'en', fillFrom('en')) }));
}

/** What an identity runs along: a column or a row of section 三 is named as such; a group or an item by its name. */
export function subjectName(term: string, lang: Lang, fill: Fill): string {
  const name = termName(term, lang, fill);
  if (term.startsWith('applications.column.')) return fill('sides.column', { name });
  if (term.startsWith('applications.row.')) return fill('sides.row', { name });
  return name;
}

/** A side's terms as the formula writes them: "结果维持 + 结果纠正 + …", a subtracted term with "−". */
export function termsText(side: CheckSide, lang: Lang, fill: Fill): string {
  return side.terms.map((t, i) => `${i === 0 ? '' : typeof t !== 'string' && t.minus ? ' − ' : ' + '}${termName(t, lang, fill)}`).join('');
}

export interface SidesText {
  subject: string | null;
  left: string;
  right: string;
}

export function sidesText(sides: CheckSides, lang: Lang, fill: Fill): SidesText {
  return {
    subject: sides.subject === null ? null : subjectName(sides.subject, lang, fill),
    left: termsText(sides.left, lang, fill),
    right: termsText(sides.right, lang, fill),
  };
}

/** The parameters a finding is rendered from: a failing identity's or carry-over's sides. */
export type FindingParams = CheckSides;

/**
 * A finding about an identity (`identity`, `carry-over`) in one sentence: "数字对不上（行政复议）：
 * 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 11，但总计 = 0。" `num` writes a value.
 */
export function sidesSentence(code: 'identity' | 'carry-over', sides: CheckSides, lang: Lang, fill: Fill, num: (n: number) => string = String): string {
  const s = sidesText(sides, lang, fill);
  // Chinese sets a space between a character and a figure: "但 2023 年上年结转", "但总计".
  const right = lang === 'zh' && /^[\w(]/.test(s.right) ? ` ${s.right}` : s.right;
  const values = { subject: s.subject ?? '', left: s.left, right, l: num(sides.left.value), r: num(sides.right.value) };
  if (code === 'identity') return fill('sides.identity', values);
  return fill(s.subject === null ? 'sides.carryOver' : 'sides.carryOverOf', values);
}
