/**
 * Text normalisation before matching. Reports reach us from Word, PDF and web pages; the same
 * label can arrive as "⼯作" (Kangxi radicals from PDF), "（一）" or "(一)", with NBSP or ideographic
 * spaces, or in traditional characters on mirror sites. Lines are kept one-for-one so that every
 * number can point back at its line in the input.
 */
import { Converter, Locale } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 'tw', to: 'cn' });

/**
 * The code units the converter may rewrite: for every dictionary entry that changes its text, one
 * unit of the entry (where it first differs: 發 in 發→发, 覆 in 反覆→反复). A line without any of
 * them matches no such entry, so the converter would return it unchanged; most reports are
 * simplified throughout and only a few lines (群, 核 and 秘 are in the variant tables) need the
 * converter at all. The entries are read from the dictionaries `Converter({ from: 'tw', to: 'cn' })`
 * loads (opencc-js's tw2s configuration); if they cannot be read, every line is converted.
 */
/**
 * Per UTF-16 unit, read from the dictionaries `Converter({ from: 'tw', to: 'cn' })` loads
 * (opencc-js's tw2s configuration): MAY_CHANGE, a unit of every entry that changes its text (where
 * it first differs: 發 in 發→发, 覆 in 反覆→反复), and IN_ENTRY, every unit of every entry's source.
 * A line without any unit that may change matches no such entry, so the converter would return it
 * unchanged; most reports are simplified throughout and only a few lines (群, 核 and 秘 are in the
 * variant tables) need the converter at all. A unit in no entry (a digit, a comma, most punctuation)
 * is never inside a match, so the converter's greedy scans treat the text on either side of it
 * apart: a line is converted piece by piece, only the pieces that hold a unit that may change. Null
 * when the entries cannot be read: then every line is converted whole.
 */
const MAY_CHANGE = 1;
const IN_ENTRY = 2;
const UNITS: Uint8Array | null = (() => {
  const entriesOf = (x: unknown): unknown[][] => {
    if (typeof x === 'string') return x.split('|').map((e) => e.split(' '));
    if (!Array.isArray(x)) return [];
    // A dictionary given as [from, to] pairs, else a group or chain of dictionaries (a dictionary
    // string always holds a space, a pair's `from` never does).
    const isPair = (e: unknown) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string' && !e[0].includes(' ');
    if (x.length && x.every(isPair)) return x;
    return x.flatMap(entriesOf);
  };
  const config: unknown = (Locale.configs as Record<string, unknown> | undefined)?.tw2s;
  const entries = config && typeof config === 'object' ? entriesOf(Object.values(config)) : [];
  if (entries.length === 0) return null;
  const units = new Uint8Array(0x10000);
  // Surrogates are never a boundary: the converter reads astral characters whole.
  units.fill(IN_ENTRY, 0xd800, 0xe000);
  for (const [from, to] of entries) {
    if (typeof from !== 'string' || !from) continue;
    for (let i = 0; i < from.length; i++) units[from.charCodeAt(i)] |= IN_ENTRY;
    if (from === to) continue;
    const target = typeof to === 'string' ? to : '';
    let i = 0;
    while (i < from.length - 1 && from[i] === target[i]) i++;
    units[from.charCodeAt(i)] |= MAY_CHANGE;
  }
  return units;
})();

function mayConvert(line: string): boolean {
  if (!UNITS) return true;
  for (let i = 0; i < line.length; i++) if (UNITS[line.charCodeAt(i)] & MAY_CHANGE) return true;
  return false;
}

/**
 * toSimplified(line) for a line without ideographic description characters (which make the
 * converter skip what follows as one unit): only the pieces between units in no entry that hold a
 * unit that may change are converted, the rest is copied. A one-line body of a crawler's copy is
 * converted clause by clause instead of whole, several times over (one pass per dictionary).
 */
function convertLine(line: string): string {
  if (!UNITS) return toSimplified(line);
  let out = '';
  let copied = 0;
  for (let i = 0; i < line.length; i++) {
    if (!(UNITS[line.charCodeAt(i)] & MAY_CHANGE)) continue;
    let start = i;
    while (start > copied && UNITS[line.charCodeAt(start - 1)] & IN_ENTRY) start--;
    let end = i + 1;
    while (end < line.length && UNITS[line.charCodeAt(end)] & IN_ENTRY) end++;
    out += line.slice(copied, start) + toSimplified(line.slice(start, end));
    copied = end;
    i = end - 1;
  }
  return copied === 0 ? line : out + line.slice(copied);
}

/** A short text in simplified characters (section 五's sentences are stored as written). */
export function toSimplifiedText(s: string): string {
  return mayConvert(s) ? toSimplified(s) : s;
}

/** Converter litter: Word bookmarks, footnote anchors, zero-width characters, BOM. */
const LITTER = /\[(?:bookmark|footnoteRef|endnoteRef)[^\]]*\]|[\u200b-\u200f\u2060\ufeff\u00ad]/g;

/** A page number on a line of its own, as PDF extraction leaves it: "-2-", "— 3 —", "第 2 页". */
const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/**
 * Characters to fold for display too: Kangxi radicals and CJK compatibility ideographs (PDF copy
 * gives "⼯作"), full-width digits and letters. Chinese punctuation (，：（）) is kept as written.
 */
const FOLD_FOR_DISPLAY = /[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
/** Matches where one of cleanLine's replacements would: a line without a match (or trailing space) is clean already. */
const NEEDS_CLEANING = new RegExp([FOLD_FOR_DISPLAY, LITTER, SPACES, /\r/].map((r) => r.source).join('|'));

/**
 * The line without its trailing spaces. Not /[ ]+$/: a regex tries it from every space of a run
 * and scans to the run's end each time, quadratic on a long run of spaces inside a line.
 */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 0x20) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** Clean one line for display and storage: spaces unified, litter removed, tabs kept. */
export function cleanLine(line: string): string {
  // One test instead of five replacements: most lines need none.
  if (!NEEDS_CLEANING.test(line)) return trimTrailingSpaces(line);
  return trimTrailingSpaces(
    line
      .replace(FOLD_FOR_DISPLAY, (c) => c.normalize('NFKC'))
      .replace(LITTER, '')
      .replace(SPACES, ' ')
      .replace(/\r/g, ''),
  );
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
  const folded = lines.join('\n').normalize('NFKC').replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  // The converter's entries never span a line end, so converting line by line gives the same text,
  // and only the few lines it may change need it. Except after an ideographic description
  // character (U+2FF0–2FFF), which makes it skip what follows as one unit even across lines:
  // such a text is converted whole, as before.
  const matchLines = /[\u2ff0-\u2fff]/.test(folded)
    ? toSimplified(folded).split('\n')
    : folded.split('\n').map(convertLine);
  return { lines, matchLines };
}

/**
 * The form in which labels are compared: NFKC, without whitespace, brackets and punctuation.
 * "（三）不予公开 1. 属于国家秘密" → "三不予公开1属于国家秘密". Report text is already simplified
 * in `matchLines`, and the template's labels are written simplified.
 */
export function matchKey(s: string): string {
  // As s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, ''), which was a tenth of the parse time on
  // whole texts (a regex match per space or punctuation mark): copy the runs of characters kept.
  const t = s.normalize('NFKC');
  let key = '';
  let from = 0;
  for (let i = 0; i < t.length; i += 1) {
    const c = t.charCodeAt(i);
    // A surrogate pair is one character, for the regex to judge whole.
    const width = c >= 0xd800 && c <= 0xdbff && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const kept = width === 2 ? LETTER_OR_NUMBER.test(t.slice(i, i + 2)) : isLetterOrNumber(c);
    if (!kept) {
      key += t.slice(from, i);
      from = i + width;
    }
    i += width - 1;
  }
  return from === 0 ? t : key + t.slice(from);
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/**
 * Per UTF-16 code unit: 0 not yet known, 1 neither letter nor number, 2 letter or number. A fixed
 * property of the character, asked of the regex the first time the character is seen (a lone
 * surrogate is neither, as the regex says too).
 */
const unitClass = new Uint8Array(0x10000);

function isLetterOrNumber(unit: number): boolean {
  if (unitClass[unit] === 0) unitClass[unit] = LETTER_OR_NUMBER.test(String.fromCharCode(unit)) ? 2 : 1;
  return unitClass[unit] === 2;
}

/**
 * Labels prepared for comparing texts with: `similarities(text)` gives, for each label, the share
 * of its character pairs (counted with repeats) found in the text, 1 when the label stands in it
 * whole. One pass over the text's own pairs serves every label, through an index from each pair to
 * the labels that have it: a text is compared with every row's labels.
 */
export class LabelMatcher {
  private pairCount: number[] = [];
  /** Character pair → [label index, times the label has the pair]. */
  private labelsWithPair = new Map<string, [number, number][]>();

  constructor(readonly keys: string[]) {
    keys.forEach((key, label) => {
      const counts = new Map<string, number>();
      for (let i = 0; i + 1 < key.length; i++) {
        const pair = key.slice(i, i + 2);
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
      this.pairCount.push(Math.max(0, key.length - 1));
      for (const [pair, times] of counts) {
        const list = this.labelsWithPair.get(pair);
        if (list) list.push([label, times]);
        else this.labelsWithPair.set(pair, [[label, times]]);
      }
    });
  }

  similarities(textKey: string): number[] {
    const found = new Array<number>(this.keys.length).fill(0);
    const seen = new Set<string>();
    for (let i = 0; i + 1 < textKey.length; i++) {
      const pair = textKey.slice(i, i + 2);
      if (seen.has(pair)) continue;
      seen.add(pair);
      for (const [label, times] of this.labelsWithPair.get(pair) ?? []) found[label] += times;
    }
    return this.keys.map((key, label) => {
      if (!key || !textKey) return 0;
      if (textKey.includes(key)) return 1;
      return this.pairCount[label] === 0 ? 0 : found[label] / this.pairCount[label];
    });
  }
}
