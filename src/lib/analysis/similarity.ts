/**
 * Copied text: how much of one section's text is the same as another's. Character bigram sets
 * compared by Jaccard (shared ÷ all): robust to small edits (a changed year or name touches
 * only a few bigrams) and blind to word boundaries, which Chinese text does not mark.
 *
 * Threshold, from the corpus (tests/text-similarity.test.ts prints the figures): different
 * offices' real section texts score at most about 0.3 against each other even where they share
 * the template's boilerplate; a text with its year, office and a sentence or two changed scores
 * above 0.75. "Largely the same" is 0.6 and above, well clear of both.
 */

export const LARGELY_SAME = 0.6;
/**
 * Shorter texts say too little to call them copied: "无。", or the one-sentence fee statement of
 * section 六 that a city's offices all write alike (洪泽区 and 淮安市 score 0.67 on it).
 */
export const MIN_CHARS = 80;
/** The sections whose copying means something: what the office did, and what it admits. */
export const COMPARED_SECTIONS = ['overview', 'problems'] as const;

/** Only letters and digits count: punctuation and spacing differ between converters. */
export function normalizeForComparison(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

export function bigrams(text: string): Set<string> {
  const t = normalizeForComparison(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}

export function textSimilarity(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  if (normalizeForComparison(a).length < MIN_CHARS || normalizeForComparison(b).length < MIN_CHARS) return null;
  return jaccard(bigrams(a), bigrams(b));
}

/** A piece of a side-by-side comparison: text both have, or only the left or right has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/**
 * Character-level differences (longest common subsequence over characters, for the side-by-side
 * view). Texts are sections of a report, a few thousand characters at most; longer ones are
 * compared by sentence to keep the table small.
 */
export function diffTexts(a: string, b: string): DiffPart[] {
  const unitsOf = (s: string) => (s.length * s.length > 4e6 ? s.split(/(?<=[。；;！？\n])/) : [...s]);
  const x = unitsOf(a);
  const y = unitsOf(b);
  const n = x.length;
  const m = y.length;
  if ((n + 1) * (m + 1) > MAX_TABLE) return diffEnds(x, y);
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] = x[i] === y[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) (push('same', x[i]), i++, j++);
    else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) push('removed', x[i++]);
    else push('added', y[j++]);
  }
  while (i < n) push('removed', x[i++]);
  while (j < m) push('added', y[j++]);
  return parts;
}

/** The largest table diffTexts fills (20 MB): every pair of texts of 2,000 characters, or of 2,000 sentences. */
const MAX_TABLE = 5e6;

/**
 * Texts of more sentences than the table holds (a hostile or enormous text): what they share at
 * the start and the end, and the middle as removed and added, in linear time.
 */
function diffEnds(x: string[], y: string[]): DiffPart[] {
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const parts: DiffPart[] = [
    { kind: 'same', text: x.slice(0, start).join('') },
    { kind: 'removed', text: x.slice(start, x.length - end).join('') },
    { kind: 'added', text: y.slice(start, y.length - end).join('') },
    { kind: 'same', text: x.slice(x.length - end).join('') },
  ];
  return parts.filter((p) => p.text);
}
