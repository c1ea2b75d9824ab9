/**
 * Full-text search of section 五 with SQLite's FTS4 (sql.js has no FTS5), for Chinese, which has
 * no spaces between words: each text is indexed as its character bigrams ("队伍建设" → "队伍 伍建
 * 建设"), in order, so a word searched becomes a phrase of its bigrams, which FTS4 finds only
 * where they stand side by side. The index narrows the texts; `instr` then confirms each word
 * exactly, so a search finds what a scan finds, without reading every text.
 */

/** Runs of letters and digits: bigrams never span punctuation or spaces. */
const RUN = /[\p{L}\p{N}]+/gu;

/** A text's bigrams, space-separated, in order (FTS4's simple tokenizer splits on the spaces). */
export function bigramTokens(text: string): string {
  const out: string[] = [];
  for (const [run] of text.matchAll(RUN)) {
    const chars = Array.from(run.toLowerCase());
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out.join(' ');
}

/**
 * The FTS4 MATCH expression for the words of a search: each word of two or more letters or digits
 * as the phrase of its bigrams, all required. Words the index cannot serve (one character, or with
 * punctuation inside) are left to `instr`: null when no word can use the index.
 */
export function bigramQuery(words: string[]): string | null {
  const phrases = words.filter((w) => /^[\p{L}\p{N}]{2,}$/u.test(w)).map((w) => `"${bigramTokens(w)}"`);
  return phrases.length ? phrases.join(' ') : null;
}
