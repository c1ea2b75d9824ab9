/**
 * Plain text files (.txt, .md): reports someone already extracted from a page, Word or PDF.
 * Decoding is shared with the HTML reader, whose pages also come in UTF-8 and GBK.
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

/**
 * Bytes → text. A BOM decides; then the declared encoding (from an HTML page's <meta>), if the
 * bytes are valid in it; then strict UTF-8; then GB18030 (a superset of GBK, what older Windows
 * machines and many government sites write). Bytes valid in none are decoded as UTF-8 with
 * replacement characters, so the parser can see the damage and report it.
 */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  const order = [declared, 'utf-8', 'gb18030'].filter((e): e is string => Boolean(e));
  for (const encoding of new Set(order)) {
    const text = tryDecode(bytes, encoding);
    if (text !== undefined) return text;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export function extractPlainText(bytes: Uint8Array): string {
  return decodeText(bytes);
}
