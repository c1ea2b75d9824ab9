/**
 * Text normalisation before matching. Reports reach us from Word, PDF and web pages; the same
 * label can arrive as "⼯作" (Kangxi radicals from PDF), "（一）" or "(一)", with NBSP or ideographic
 * spaces, or in traditional characters on mirror sites. Lines are kept one-for-one so that every
 * number can point back at its line in the input.
 */
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 'tw', to: 'cn' });

/** Converter litter: Word bookmarks, footnote anchors, zero-width characters, BOM. */
const LITTER = /\[(?:bookmark|footnoteRef|endnoteRef)[^\]]*\]|[\u200b-\u200f\u2060\ufeff\u00ad]/g;

/** A page number on a line of its own, as PDF extraction leaves it: "-2-", "— 3 —", "第 2 页". */
const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/**
 * Characters to fold for display too: Kangxi radicals and CJK compatibility ideographs (PDF copy
 * gives "⼯作"), full-width digits and letters. Chinese punctuation (，：（）) is kept as written.
 */
const FOLD_FOR_DISPLAY = /[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/** Clean one line for display and storage: spaces unified, litter removed, tabs kept. */
export function cleanLine(line: string): string {
  return line
    .replace(FOLD_FOR_DISPLAY, (c) => c.normalize('NFKC'))
    .replace(LITTER, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/\r/g, '')
    .replace(/[ ]+$/, '');
}

export interface NormalizedText {
  /** Cleaned lines, index i is input line i + 1. */
  lines: string[];
  /** The same lines NFKC-folded and in simplified Chinese, for matching labels and numbers. */
  matchLines: string[];
}

export function normalizeText(text: string): NormalizedText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(cleanLine);
  for (let i = 0; i < lines.length; i++) if (PAGE_NUMBER.test(lines[i])) lines[i] = '';
  // For matching: full NFKC (full-width punctuation and spaces folded) and simplified characters.
  // One converter call for the whole text: per-line calls cost more than the conversion itself.
  const folded = lines.join('\n').normalize('NFKC').replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  const matchLines = toSimplified(folded).split('\n');
  return { lines, matchLines };
}

/**
 * The form in which labels are compared: NFKC, without whitespace, brackets and punctuation.
 * "（三）不予公开 1. 属于国家秘密" → "三不予公开1属于国家秘密". Report text is already simplified
 * in `matchLines`, and the template's labels are written simplified.
 */
export function matchKey(s: string): string {
  return s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

/** A label prepared for `labelSimilarity`: its match key and its character pairs. */
export interface LabelPattern {
  key: string;
  bigrams: string[];
}

export function labelPattern(labelKey: string): LabelPattern {
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < labelKey.length; i++) bigrams.push(labelKey.slice(i, i + 2));
  return { key: labelKey, bigrams };
}

/** Bigram sets of texts recently compared: each text is compared with every row's labels. */
const bigramCache = new Map<string, Set<string>>();
function bigramsOf(text: string): Set<string> {
  let set = bigramCache.get(text);
  if (!set) {
    if (bigramCache.size > 2000) bigramCache.clear();
    set = new Set<string>();
    for (let i = 0; i + 1 < text.length; i++) set.add(text.slice(i, i + 2));
    bigramCache.set(text, set);
  }
  return set;
}

/** Share of the label's character pairs found in the text: 1 when the label stands in it whole. */
export function labelSimilarity(label: LabelPattern, textKey: string): number {
  if (!label.key || !textKey) return 0;
  if (textKey.includes(label.key)) return 1;
  if (label.bigrams.length === 0) return 0;
  const have = bigramsOf(textKey);
  let found = 0;
  for (const b of label.bigrams) if (have.has(b)) found++;
  return found / label.bigrams.length;
}
