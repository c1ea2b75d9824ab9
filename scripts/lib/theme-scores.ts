/**
 * Precision and recall of the problem-theme classifier on a set of hand-labelled sentences: used by
 * tests/problem-themes.test.ts on the committed sets and by scripts/measure-themes.ts on any set
 * kept outside the project (for instance real sentences quoted from published reports).
 */
import { classifySentence } from '../../src/lib/analysis/problems.ts';
import { THEME_KEYS, type ThemeKey } from '../../src/lib/analysis/themes.ts';

export interface LabelledSentence {
  id: string;
  text: string;
  themes: ThemeKey[];
}

export interface ThemeScore {
  /** Sentences labelled with the theme. */
  n: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

/** The classifier's themes of a sentence. */
const classify = (i: LabelledSentence): ThemeKey[] => classifySentence(i.text).map((h) => h.theme);

/**
 * Per theme over a set: a sentence counts once per theme (labelled vs predicted). The prediction
 * is the classifier's, or another annotator's labels (to measure how far two people agree).
 */
export function scoreThemes(set: LabelledSentence[], predict: (i: LabelledSentence) => ThemeKey[] = classify): Record<ThemeKey, ThemeScore> {
  const predicted = new Map(set.map((i) => [i.id, new Set(predict(i))]));
  const out = {} as Record<ThemeKey, ThemeScore>;
  for (const t of THEME_KEYS) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const i of set) {
      const gold = i.themes.includes(t);
      const got = predicted.get(i.id)!.has(t);
      if (gold && got) tp++;
      else if (got) fp++;
      else if (gold) fn++;
    }
    // No prediction and no example: nothing wrong. No prediction but examples: recall 0 says so.
    out[t] = { n: tp + fn, tp, fp, fn, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1 };
  }
  return out;
}

/** Micro-averaged precision and recall over all themes. */
export function overall(scores: Record<ThemeKey, ThemeScore>): { precision: number; recall: number } {
  const sum = (k: 'tp' | 'fp' | 'fn') => THEME_KEYS.reduce((a, t) => a + scores[t][k], 0);
  const tp = sum('tp');
  return { precision: tp / (tp + sum('fp') || 1), recall: tp / (tp + sum('fn') || 1) };
}

/** The sentences classified differently from their labels, one line each: "-missed +extra  text". */
export function themeMisses(set: LabelledSentence[]): string[] {
  return set.flatMap((i) => {
    const got = classifySentence(i.text).map((h) => h.theme);
    const wrong = [...i.themes.filter((t) => !got.includes(t)).map((t) => `-${t}`), ...got.filter((t) => !i.themes.includes(t)).map((t) => `+${t}`)];
    return wrong.length ? [`${i.id} ${wrong.join(' ')}  ${i.text}`] : [];
  });
}

/** A table with one column group (n, P, R) per named set; a missing set prints dashes. */
export function scoreTable(columns: { name: string; scores: Record<ThemeKey, ThemeScore> | null }[]): string {
  const f = (x: number) => x.toFixed(2);
  const cell = (s: ThemeScore | undefined) => (s ? `${String(s.n).padStart(4)}  ${f(s.precision)} ${f(s.recall)}` : `${'—'.padStart(4)}     —    —`);
  const head = `${'theme'.padEnd(22)}${columns.map((c) => ` │ ${c.name.padEnd(7)}${'n'.padStart(4)}  ${'P'.padStart(4)} ${'R'.padStart(4)}`).join('')}`;
  const row = (label: string, pick: (c: (typeof columns)[number]) => string) => `${label.padEnd(22)}${columns.map((c) => ` │ ${pick(c).padStart(22)}`).join('')}`;
  const lines = THEME_KEYS.map((t) => row(t, (c) => cell(c.scores?.[t])));
  const all = row('all (micro)', (c) => {
    if (!c.scores) return cell(undefined);
    const o = overall(c.scores);
    return `      ${f(o.precision)} ${f(o.recall)}`;
  });
  return [head, '─'.repeat(head.length), ...lines, all].join('\n');
}
