/**
 * Search-word highlighting without HTML: report texts are untrusted, so a text is split into plain
 * segments and the view wraps the matching ones in <mark> elements ({@html} is never used).
 */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Where the words occur: one flag per UTF-16 unit (overlapping and adjacent matches merge). */
function matches(text: string, words: string[]): Uint8Array {
  const marked = new Uint8Array(text.length);
  for (const word of new Set(words.filter(Boolean))) {
    for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) marked.fill(1, i, i + word.length);
  }
  return marked;
}

/** The text between start and end as plain and marked segments, in order. */
export function highlight(text: string, words: string[], start = 0, end = text.length): Segment[] {
  const marked = matches(text, words);
  const segments: Segment[] = [];
  for (let i = start; i < end; ) {
    const mark = marked[i] === 1;
    let j = i + 1;
    while (j < end && (marked[j] === 1) === mark) j++;
    segments.push({ text: text.slice(i, j), mark });
    i = j;
  }
  return segments;
}

/**
 * A window of about `size` characters for a collapsed text: from a little before the first match
 * (so the reader sees why it was found), else from the start.
 */
export function excerptRange(text: string, words: string[], size = 240, before = 60): { start: number; end: number } {
  if (text.length <= size) return { start: 0, end: text.length };
  const first = Math.min(...words.filter(Boolean).map((w) => text.indexOf(w)).filter((i) => i >= 0), Infinity);
  let start = Number.isFinite(first) ? Math.max(0, first - before) : 0;
  start = Math.min(start, text.length - size);
  // Don't split a surrogate pair at either edge.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--;
  let end = start + size;
  // Don't cut a match (or a surrogate pair) at the end.
  for (const w of words.filter(Boolean)) {
    const i = text.lastIndexOf(w, end - 1);
    if (i >= 0 && i < end && i + w.length > end) end = i + w.length;
  }
  if (end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;
  return { start, end: Math.min(end, text.length) };
}
