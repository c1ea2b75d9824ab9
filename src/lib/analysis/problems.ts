/**
 * Section 五 (存在的主要问题及改进情况): the problems an office admits, apart from the improvements
 * it promises, and the themes of those problems (themes.ts). Pure: no fs, no DOM.
 *
 * A section usually reads "存在问题：一是…；二是…。改进措施：一是加强…"; some state the problems
 * in one sentence and go on with "下一步，…将…", some interleave problem and measure per topic
 * (seed 003), and some carry no marker at all (then the whole text counts as problems).
 */
import { toSimplifiedText } from '../report/normalize';
import { THEMES, type ThemeDef, type ThemeKey } from './themes';

export interface ProblemSplit {
  /** The sentences stating problems, as written, numbering and marker labels removed. */
  problems: string[];
  /** The sentences promising improvements. */
  improvements: string[];
  /** Whether a problem or improvement marker was found; if not, every sentence is a problem. */
  markerFound: boolean;
}

export interface ThemeHit {
  theme: ThemeKey;
  /** The words of the sentence that triggered the theme (NFKC-folded, spaces removed). */
  phrase: string;
}

export interface SentenceThemeHit extends ThemeHit {
  sentence: string;
}

// ── Sentences ────────────────────────────────────────────────────────────────────────────────

const CN_NUM = '[一二三四五六七八九十]+';

/** Where a numbered item starts: "一是", "（一）", "1." / "1、", "①", "第一，", "首先，". */
const ITEM_START = new RegExp(
  [
    `(?<=^|[：:，,、\\s])(?=${CN_NUM}是)`,
    `(?=[（(]${CN_NUM}[）)])`,
    `(?<=^|[：:，,。\\s])(?=\\d{1,2}[.、．](?!\\d))`,
    `(?=[①-⑳])`,
    `(?<=^|[：:，,\\s])(?=(?:第${CN_NUM}|首先|其次|再次|最后)[，,、])`,
  ].join('|'),
  'g',
);

/** A label that opens a part ("存在问题：", "改进措施:"), where it stands inside a line. */
const LABEL_START = /(?=(?:存在的?(?:主要)?问题|主要问题|改进措施|改进情况|整改措施|整改情况)\s*[:：])/g;

/** A numbering token at the start of a unit. */
const LEADING_ORDINAL = new RegExp(
  `^\\s*(?:${CN_NUM}是|[（(]${CN_NUM}[）)]|${CN_NUM}[、.．]|\\d{1,2}[.、．](?!\\d)|[①-⑳]|(?:第${CN_NUM}|首先|其次|再次|最后)[，,、])\\s*`,
);

/** Labels of the problem part. At the head of a unit, alone or before a colon. */
const PROBLEM_LABEL =
  /^(?:(?:本单位|我单位|工作中)?存在的?(?:主要)?(?:问题|不足)(?:和|与|及)?(?:不足)?|主要问题|问题(?:和|与)不足|问题|不足|短板|(?:主要|具体)?表现(?:在|为))\s*(?:[:：]|$)/;
/** Phrases in an opening sentence that announce the problems ("但仍存在一定差距"). */
const PROBLEM_PHRASE = /存在(?:着)?(?:一定|一些|以下|不少|诸多|某些)?的?(?:问题|不足|差距|短板|薄弱环节)|不足之处|薄弱环节|(?:问题|不足)(?:主要)?(?:表现在|如下)/;

/** Labels and openings of the improvement part. At the head of a unit. */
const IMPROVEMENT_LABEL = /^(?:改进|整改)(?:的)?(?:措施|情况|方向|举措|计划|思路)\s*(?:[:：]|$)/;
const IMPROVEMENT_OPENING = new RegExp(
  [
    '^针对[^。；;]{0,12}(?:问题|不足)',
    '^下一步',
    '^今后',
    '^为此',
    '^(?:在)?(?:新的一年|20\\d\\d年|明年)[^。；;]{0,12}将',
    // "我街道将…", "街道办事处将进一步…": a short subject, then 将 and a verb of intent.
    '^[^。；;，,:：未没不]{0,12}将(?:进一步|继续|着力|持续|不断|切实|重点|积极|认真|全面|深入|围绕|坚持|紧扣|加强|强化|完善|加大|提升|提高|推进|建立|健全|采取|抓好|做好|严格|把|通过|加快|配齐|丰富|优化|拓宽|拓展|创新|畅通|以)',
  ].join('|'),
);

/** A topic heading ("（一）信息公开形式方面"): names the area, states nothing. */
const TOPIC_HEADING = /^[^，,。；;:：]{1,16}方面$/;

/** A sentence as written, folded: NFKC, no spaces between Chinese characters. */
function foldForm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])\s+|\s+(?=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef])/g, '')
    .trim();
}

/**
 * The form sentences are matched in: folded, and in simplified characters (reports copied to
 * mirror sites in traditional characters say "及時", "培訓", "存在的問題").
 */
export function matchForm(s: string): string {
  return toSimplifiedText(foldForm(s));
}

/** The text cut into units: sentences, clauses closed by ；, and numbered items. */
function units(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/[。；;！!？?\n]+/)
    .flatMap((piece) => piece.split(LABEL_START))
    .flatMap((piece) => piece.split(ITEM_START))
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
}

/** LEADING_ORDINAL at a given place (sticky, without its ^). */
const ORDINAL_AT = new RegExp(LEADING_ORDINAL.source.replace(/^\^/, ''), 'y');

/**
 * The unit without its numbering tokens ("一是（一）1." as many as it has). Matched one after
 * another where the last ended, not by replacing at the start again and again, which copied the
 * unit once per token (quadratic on "一、一、一、…").
 */
function stripOrdinals(u: string): string {
  let at = 0;
  for (;;) {
    ORDINAL_AT.lastIndex = at;
    const m = ORDINAL_AT.exec(u);
    if (!m || m[0].length === 0) break;
    at += m[0].length;
  }
  return u.slice(at).trim();
}

/** Whether a character is one `chars` names or, with `spaces`, whitespace (as \s). */
function trimmer(chars: string, spaces: boolean): (u: string) => string {
  const drop = (c: string) => chars.includes(c) || (spaces && /\s/.test(c));
  // Loops, not /[…]+$/: a regex tries that from every character of a run and scans to the run's
  // end each time (quadratic on a long run).
  return (u) => {
    let start = 0;
    let end = u.length;
    while (start < end && drop(u[start])) start++;
    while (end > start && drop(u[end - 1])) end--;
    return u.slice(start, end);
  };
}

const tidy = trimmer('，,、：:', true);

/**
 * Section 五's text → the problems stated and the improvements promised, sentence by sentence.
 * Text before the first marker counts as problems; without any marker, all of it does.
 */
export function splitProblems(text: string | null | undefined): ProblemSplit {
  const problems: string[] = [];
  const improvements: string[] = [];
  let state: 'pre' | 'problem' | 'improvement' = 'pre';
  let markerFound = false;
  for (const raw of units(text ?? '')) {
    let u = stripOrdinals(raw);
    const head = matchForm(u);
    if (IMPROVEMENT_LABEL.test(head)) {
      state = 'improvement';
      markerFound = true;
      u = /[:：]/.test(u) ? u.replace(/^[^:：]*[:：]/, '') : '';
    } else if (IMPROVEMENT_OPENING.test(head)) {
      state = 'improvement';
      markerFound = true;
    } else if (PROBLEM_LABEL.test(head)) {
      state = 'problem';
      markerFound = true;
      u = /[:：]/.test(u) ? u.replace(/^[^:：]*[:：]/, '') : '';
    } else if (state === 'pre' && PROBLEM_PHRASE.test(head)) {
      state = 'problem';
      markerFound = true;
    }
    u = tidy(stripOrdinals(u));
    if (!u || TOPIC_HEADING.test(matchForm(u))) continue;
    (state === 'improvement' ? improvements : problems).push(u);
  }
  return { problems, improvements, markerFound };
}

// ── Themes ───────────────────────────────────────────────────────────────────────────────────

interface CompiledTheme {
  def: ThemeDef;
  patterns: RegExp[];
  except: RegExp[];
  /** Any of the patterns: a sentence it does not match has no hit of the theme (one test, not one per pattern). */
  any: RegExp | null;
}

/** One pattern that matches where any of `patterns` does (none of them has a backreference to renumber). */
function anyOf(patterns: RegExp[]): RegExp | null {
  if (patterns.some((p) => /\\[1-9k]/.test(p.source) || p.flags.replace('g', ''))) return null;
  return new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
}

const global = (r: RegExp) => new RegExp(r.source, r.flags.includes('g') ? r.flags : r.flags + 'g');

const COMPILED: CompiledTheme[] = THEMES.map((def) => ({
  def,
  patterns: def.patterns.map(global),
  except: (def.except ?? []).map(global),
  any: anyOf(def.patterns),
}));

/**
 * The matches of a global pattern, as `s.matchAll(re)` gives them, without the copy of the pattern
 * matchAll makes on every call (two hundred per sentence: most of the classifier's time). `each`
 * returns false to stop.
 */
function eachMatch(re: RegExp, s: string, each: (m: RegExpExecArray) => boolean | void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    // As matchAll: past an empty match by one character (a code point under the u flag).
    if (m[0].length === 0) re.lastIndex += re.unicode && (s.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
    if (each(m) === false) break;
  }
  re.lastIndex = 0;
}

function spans(re: RegExp, s: string): [number, number][] {
  const out: [number, number][] = [];
  eachMatch(re, s, (m) => void out.push([m.index, m.index + m[0].length]));
  return out;
}

/**
 * Whether some span covers [start, end): the spans sorted by start, with the furthest end reached
 * so far, so a match is judged by a binary search, not against every span (a sentence of a
 * thousand concessions has a thousand spans, and as many matches).
 */
function coverOf(spanList: [number, number][]): (start: number, end: number) => boolean {
  if (spanList.length === 0) return () => false;
  const sorted = [...spanList].sort((x, y) => x[0] - y[0]);
  const furthest: number[] = [];
  sorted.forEach(([, b], i) => furthest.push(Math.max(b, i ? furthest[i - 1] : b)));
  return (start, end) => {
    // The last span starting at or before `start`.
    let lo = 0;
    let hi = sorted.length - 1;
    if (sorted[0][0] > start) return false;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid][0] <= start) lo = mid;
      else hi = mid - 1;
    }
    return furthest[lo] >= end;
  };
}

/** The earliest match of any of the theme's patterns that no `except` span covers. */
function firstHit(theme: CompiledTheme, s: string, masked: [number, number][] = []): { index: number; phrase: string } | null {
  if (theme.any && !theme.any.test(s)) return null;
  const covered = coverOf([...masked, ...theme.except.flatMap((re) => spans(re, s))]);
  let best: { index: number; phrase: string } | null = null;
  for (const re of theme.patterns) {
    eachMatch(re, s, (m) => {
      if (m[0].length === 0) return;
      const start = m.index;
      // Later matches start later still: they cannot be the earliest.
      if (best && start >= best.index) return false;
      if (covered(start, start + m[0].length)) return;
      best = { index: start, phrase: m[0] };
      return false;
    });
  }
  return best;
}

/**
 * A statement that there is no problem ("无。", "经自查，…无重大问题", "暂未发现需要报告的突出问题")
 * names no theme, whatever words it uses on the way ("自查" is not a problem of self-inspection).
 * 无/暂无/没有 must stand right before the problem ("无专人负责的问题" is a staff problem); a turn
 * ("…，但仍存在…") means problems follow, and the sentence is classified as usual.
 */
const NO_PROBLEM =
  /^(?:无|暂无|没有)$|(?<!有)(?:无|暂无|没有)(?:重大|明显|突出|其他|较大|大的)?(?:问题|不足)|(?:未发现|暂未发现|尚未发现|不存在)(?:[^。；;，,]{0,10}的)?(?:重大|明显|突出|其他|较大)?(?:问题|不足)|(?:未发现|未发生|未出现)[^。；;，,]{0,30}等(?:问题|情况)|未发现[^。；;，,]{0,20}(?:问题|不足|情况)/;
const TURN = /但|仍|然而|不过|只是|还存在|也存在/;

const withoutFinalStops = (u: string) => trimEnd(u, '。.;；!！');

function trimEnd(u: string, chars: string): string {
  let end = u.length;
  while (end > 0 && chars.includes(u[end - 1])) end--;
  return u.slice(0, end);
}

export function statesNoProblem(sentence: string): boolean {
  const s = withoutFinalStops(matchForm(sentence));
  return NO_PROBLEM.test(s) && !TURN.test(s);
}

/**
 * A concessive clause grants something before the problem is stated: "尽管网站栏目设置较为齐全，
 * 但部分信息更新滞后", "虽然开展了多轮业务培训，但…", "在严格落实审核制度的同时，仍有…笔误". What it
 * grants is not admitted, so its words name no theme, unless the rest of the sentence names none
 * ("虽然公开意识有所提高，但仍有差距" still speaks of awareness).
 */
const CONCESSION = /(?:虽然|虽说|尽管|虽)[^。；;，,]*[，,](?=\s*(?:但|却|仍|还|可是|然而))|在[^。；;，,]{2,24}的同时[，,](?=\s*(?:但|却|仍|还))/g;
/** CONCESSION's parts, for `concessions`: the turn after the comma, and the 在…的同时 form. */
const CONCESSION_TURN = /\s*(?:但|却|仍|还|可是|然而)/y;
const WHILE_CLAUSE = /在[^。；;，,]{2,24}的同时[，,](?=\s*(?:但|却|仍|还))/y;
const CLAUSE_END = '。；;，,';

/**
 * The spans CONCESSION matches, as `spans(CONCESSION, s)` gives them, in linear time. The pattern
 * searched from every 虽 to the end of its clause: a clause of many 虽 took seconds. Here the end
 * of the clause after a 虽 or 尽管 is found once for all of them (the pattern's run of
 * non-punctuation can only stop there), and whether it is a comma before a turn (但, 却…) once
 * per clause.
 */
export function concessions(s: string): [number, number][] {
  const out: [number, number][] = [];
  let clauseEnd = -1;
  let turnAfter = false;
  for (let p = 0; p < s.length; ) {
    let end = -1;
    const c = s[p];
    if (c === '虽' || (c === '尽' && s[p + 1] === '管')) {
      const from = c === '虽' ? p + 1 : p + 2;
      if (clauseEnd < from) {
        clauseEnd = from;
        while (clauseEnd < s.length && !CLAUSE_END.includes(s[clauseEnd])) clauseEnd++;
        CONCESSION_TURN.lastIndex = clauseEnd + 1;
        turnAfter = clauseEnd < s.length && (s[clauseEnd] === '，' || s[clauseEnd] === ',') && CONCESSION_TURN.test(s);
      }
      if (turnAfter) end = clauseEnd + 1;
    } else if (c === '在') {
      WHILE_CLAUSE.lastIndex = p;
      if (WHILE_CLAUSE.test(s)) end = WHILE_CLAUSE.lastIndex;
    }
    if (end > p) {
      out.push([p, end]);
      p = end;
    } else p++;
  }
  return out;
}

/**
 * Achievements listed before a "but" ("…在平台建设、制度完善等方面做了大量工作，取得了较大进展，但与
 * 群众要求还有一定差距") are praise: their words name no theme, even when the rest names none.
 */
const PRAISE = /^[^。；;]*(?:做了大量工作|取得(?:了)?[^。；;，,]{0,6}(?:成效|进展|成绩|进步))[^。；;]*?[，,](?=\s*(?:但|然而|同时也|仍))/g;
const PRAISE_TURN = /\s*(?:但|然而|同时也|仍)/y;

/**
 * The span PRAISE matches, as `spans(PRAISE, s)` gives it, in linear time. A match ends at a comma
 * before a turn in the first clause, so the pattern is run only on the text up to the last such
 * comma (and its turn): on the whole text, each 取得…成效 after that comma searched to the clause's
 * end in vain (quadratic on a clause of many).
 */
export function praises(s: string): [number, number][] {
  let last = -1;
  for (let i = 0; i < s.length && !'。；;'.includes(s[i]); i++) {
    if (s[i] !== '，' && s[i] !== ',') continue;
    PRAISE_TURN.lastIndex = i + 1;
    if (PRAISE_TURN.test(s)) last = PRAISE_TURN.lastIndex;
  }
  return last < 0 ? [] : spans(PRAISE, s.slice(0, last));
}

function themesOf(s: string, masked: [number, number][]): (ThemeHit & { index: number })[] {
  const hits: (ThemeHit & { index: number })[] = [];
  for (const theme of COMPILED) {
    const hit = firstHit(theme, s, masked);
    if (hit) hits.push({ theme: theme.def.key, phrase: hit.phrase, index: hit.index });
  }
  return hits;
}

/**
 * The themes of one sentence, in the table's order, each with the phrase that triggered it. The
 * phrase is given in the sentence's own characters (traditional where it is written so) wherever
 * the conversion kept the length, so that it can be found again and marked in the sentence.
 */
export function classifySentence(sentence: string): ThemeHit[] {
  if (statesNoProblem(sentence)) return [];
  const written = foldForm(sentence);
  const s = toSimplifiedText(written);
  const praised = praises(s);
  const conceded = concessions(s);
  let hits = conceded.length ? themesOf(s, [...praised, ...conceded]) : [];
  if (hits.length === 0) hits = themesOf(s, praised);
  if (s === written || s.length !== written.length) return hits.map(({ theme, phrase }) => ({ theme, phrase }));
  return hits.map((h) => ({ theme: h.theme, phrase: written.slice(h.index, h.index + h.phrase.length) }));
}

/**
 * A report's problem themes: every theme of every problem sentence (the improvements are not
 * classified: "加大宣传力度" promises publicity, it does not admit a lack of it). A theme can come
 * from several sentences; count it once per report when counting reports.
 */
export function problemThemes(text: string | null | undefined): SentenceThemeHit[] {
  return splitProblems(text).problems.flatMap((sentence) => classifySentence(sentence).map((h) => ({ theme: h.theme, sentence, phrase: h.phrase })));
}
