/**
 * Pure helpers of the quality, themes and rates views: percentages, the colours of severities,
 * and the trigger phrase of a theme found again in its sentence (as plain segments: report
 * texts are untrusted, so the view wraps the marked segment in <mark>, never builds HTML).
 */
import { sidesSentence, type Fill, type FindingParams, type Lang } from '../../lib/analysis/check-text';
import type { Severity } from '../../lib/db/queries';
import type { Segment } from '../highlight';

export { percent } from '../../lib/app/percent';

/** Palette indexes (Okabe–Ito, palette.ts): vermillion, orange, sky blue; always with a word beside. */
export const SEVERITY_COLOR: Record<Severity, number> = { high: 5, medium: 1, low: 4 };

/**
 * A kind of finding as the summary counts it: its code and severity. One code may come in two
 * severities (conflicting copies: high when no rule settled them, medium when one did), so the
 * code alone does not tell the chart's bars apart.
 */
export const kindKey = (k: { code: string; severity: Severity }) => `${k.code}/${k.severity}`;

/** A finding's sentence in the page's language: made from its sides where it has them, else as stored. */
export function findingMessage(f: { code: string; params?: FindingParams | null; zh: string; en: string }, lang: Lang, fill: Fill, num: (n: number) => string): string {
  if (f.params && (f.code === 'identity' || f.code === 'carry-over')) return sidesSentence(f.code, f.params, lang, fill, num);
  return lang === 'en' ? f.en : f.zh;
}

/**
 * Where a theme's trigger phrase stands in its sentence, as [start, end) of the sentence as
 * written. The phrase was matched in a folded form (NFKC, spaces between Chinese characters
 * removed), so where it is not in the sentence as written, it is looked for in the sentence
 * folded the same way and mapped back. null where it cannot be found.
 */
export function phraseRange(sentence: string, phrase: string): [number, number] | null {
  if (!phrase) return null;
  const at = sentence.indexOf(phrase);
  if (at >= 0) return [at, at + phrase.length];
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < sentence.length; ) {
    const ch = String.fromCodePoint(sentence.codePointAt(i)!);
    if (!/\s/u.test(ch)) {
      const n = ch.normalize('NFKC');
      folded += n;
      for (let k = 0; k < n.length; k++) (from.push(i), to.push(i + ch.length));
    }
    i += ch.length;
  }
  const target = phrase.normalize('NFKC').replace(/\s+/gu, '');
  const j = target ? folded.indexOf(target) : -1;
  return j < 0 ? null : [from[j], to[j + target.length - 1]];
}

/** The sentence as plain and marked segments, the phrases marked (overlapping ones merge). */
export function markPhrases(sentence: string, phrases: string[]): Segment[] {
  const marked = new Uint8Array(sentence.length);
  for (const p of phrases) {
    const r = phraseRange(sentence, p);
    if (r) marked.fill(1, r[0], r[1]);
  }
  const out: Segment[] = [];
  for (let i = 0; i < sentence.length; ) {
    let j = i + 1;
    while (j < sentence.length && marked[j] === marked[i]) j++;
    out.push({ text: sentence.slice(i, j), mark: marked[i] === 1 });
    i = j;
  }
  return out;
}

export const markPhrase = (sentence: string, phrase: string): Segment[] => markPhrases(sentence, [phrase]);
