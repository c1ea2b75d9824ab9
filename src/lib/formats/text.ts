/**
 * Plain text files (.txt, .md): reports someone already extracted from a page, Word or PDF.
 * Decoding is shared with the HTML reader, whose pages also come in UTF-8 and GBK, and now and
 * then in UTF-16 (with or without a BOM).
 */

/** Byte-order marks, longest first. */
const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The encoding a byte-order mark declares, if the bytes start with one. */
export function bomEncoding(bytes: Uint8Array): string | undefined {
  for (const [mark, encoding] of BOMS) if (mark.every((b, i) => bytes[i] === b)) return encoding;
  return undefined;
}

/**
 * The decoder's name for a declared charset. GBK, GB2312 and their aliases are decoded as
 * GB18030, their superset (pages that say gb2312 routinely use GBK-only characters).
 */
export function canonicalEncoding(label: string): string | undefined {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(gbk|gb2312|gb_2312(-80)?|gb18030|x-gbk|chinese|csgb2312|cp936|windows-936|iso-ir-58|euc-cn)$/.test(l)) return 'gb18030';
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return undefined;
  }
}

function tryDecode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    // ignoreBOM: false (the default) strips a BOM of the same encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A UTF-16 code unit that text holds: controls other than tab and line breaks, surrogates, private use and specials are not. */
function plausibleUnit(u: number): boolean {
  if (u < 0x20) return u === 0x09 || u === 0x0a || u === 0x0d;
  return u !== 0x7f && !(u >= 0x80 && u < 0xa0) && !(u >= 0xd800 && u < 0xf900) && u < 0xfff0;
}

/**
 * UTF-16 without a BOM, told from its bytes: text in 8-bit encodings (UTF-8, GBK) never holds a
 * zero byte, UTF-16 holds one in every ASCII character (digits, tabs, line breaks: a report has
 * many), always on the same side of the pair (the other side's zeros are characters U+xx00 such
 * as 一). Taken only if there are zeros (at least 1 in 64 units), mostly on one side, and
 * nearly every unit of the sample read so is a character text holds.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1 << 16) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const units = n / 2;
  // Little-endian puts the zero high byte second (odd offsets); big-endian first.
  const [zeros, stray, encoding] = odd >= even ? [odd, even, 'utf-16le' as const] : [even, odd, 'utf-16be' as const];
  if (zeros * 64 < units || stray * 4 > zeros) return undefined;
  let plausible = 0;
  for (let i = 0; i < n; i += 2) if (plausibleUnit(encoding === 'utf-16le' ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1])) plausible++;
  return plausible >= units * 0.98 ? encoding : undefined;
}

/**
 * Bytes → text. A BOM decides; then UTF-16 told by its zero bytes (sniffUtf16) if it decodes
 * cleanly; then the declared encoding (from an HTML page's <meta>), if the
 * bytes are valid in it; then strict UTF-8; then GB18030 (a superset of GBK, what older Windows
 * machines and many government sites write). Bytes valid in none are decoded as UTF-8 with
 * replacement characters, so the parser can see the damage and report it.
 */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const utf16 = sniffUtf16(bytes);
  const text = utf16 && tryDecode(bytes, utf16);
  if (text !== undefined) return text;
  const order = [declared, 'utf-8', 'gb18030'].filter((e): e is string => Boolean(e));
  for (const encoding of new Set(order)) {
    const decoded = tryDecode(bytes, encoding);
    if (decoded !== undefined) return decoded;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export function extractPlainText(bytes: Uint8Array): string {
  return decodeText(bytes);
}
