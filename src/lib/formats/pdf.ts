/**
 * A PDF → report text, laid out the way `pdftotext -layout` lays it out (the shape the parser is
 * tested on, see ../shared/corpus/dev/*-layout.txt): text items placed by position, a line per
 * baseline, items far apart separated by runs of spaces (column gaps), page numbers dropped.
 * Table labels wrapped inside their cells come out on lines of their own around the row's
 * values, as in pdftotext's output; the parser reads them so.
 *
 * pdf.js (pdfjs-dist, legacy build: it runs in Node 20 and in every browser) is loaded on first
 * use, so pages that never open a PDF never download it. In Node it runs on the main thread; in
 * the browser call `configurePdf({ workerSrc })` to parse in a worker (without it, the main thread
 * does the work). PDFs whose CJK fonts are not embedded need pdf.js's character maps: pass their
 * folder (Node: a path, browser: a URL) as `cMapUrl`.
 */

import { FileFormatError } from './errors';
import { DEFAULT_READ_LIMITS, formatAmount, tooLarge, type ReadLimits } from './limits';
import { inflatedSize } from './zip';

export interface PdfConfig {
  /** URL of pdf.worker(.min).mjs; unset: no worker (Node, or the browser's main thread). */
  workerSrc?: string;
  /** Folder of pdf.js's bcmap files, with a trailing slash (pdfjs-dist/cmaps/). */
  cMapUrl?: string;
  /** Folder of pdf.js's standard font data, with a trailing slash (pdfjs-dist/standard_fonts/). */
  standardFontDataUrl?: string;
}

const config: PdfConfig = {};

/**
 * Set where pdf.js's worker and data files are. A worker is taken on when the first PDF is read
 * (once pdf.js runs without one, it stays so): configure it before.
 */
export function configurePdf(options: PdfConfig): void {
  Object.assign(config, options);
}

/** Shorthand for the browser: the URL of pdf.js's worker script. */
export function configurePdfWorker(url: string): void {
  configurePdf({ workerSrc: url });
}

type PdfJs = typeof import('pdfjs-dist');
type PDFDocumentProxy = import('pdfjs-dist').PDFDocumentProxy;
type PDFPageProxy = import('pdfjs-dist').PDFPageProxy;
let loading: Promise<PdfJs> | undefined;

/** pdf.js, loaded once; the worker as configured now (a worker script, or none). */
async function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs') as Promise<PdfJs>;
  const pdfjs = await loading;
  if (config.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = config.workerSrc;
  else {
    // pdf.js's documented way to run without a worker: its worker module on globalThis.
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  }
  return pdfjs;
}

// ── Layout ──────────────────────────────────────────────────────────────────────────────────

interface Item {
  text: string;
  /** Left edge and baseline, in points from the page's top left. */
  x: number;
  y: number;
  /** Advance width along the text. */
  width: number;
  /** Font size (the em), in points. */
  size: number;
}

/** Printed width in monospace columns: CJK and full-width characters take two. */
function columns(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/** A page number on a line of its own: "- 3 -", "—3—", "第3页", "第 3 页 共 5 页", "3/5"; or a bare "3". */
const PAGE_NUMBER = /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
const BARE_NUMBER = /^\s*\d{1,3}\s*$/;

/** The widest line in columns: an A3 page in landscape at 6 pt is about 400. */
const MAX_COLUMNS = 1000;

/** The most common font size on a page, weighted by characters. */
function bodySize(items: Item[]): number {
  const weight = new Map<number, number>();
  for (const it of items) {
    const k = Math.round(it.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + it.text.length);
  }
  let best = 10;
  let most = -1;
  for (const [size, w] of weight) if (w > most) [best, most] = [size, w];
  return best;
}

/**
 * One page's items → its lines. Items whose baselines lie within a third of the smaller font
 * size form a line (a table row's values sit a point or two off its label); a line's items are
 * ordered by x and joined by nothing (touching), one space (a word gap) or, across a gap of a
 * character or more, by enough spaces to reach the item's column — at least two, which the
 * parser reads as a cell boundary.
 */
export function layoutPage(items: Item[], pageHeight: number): string[] {
  const usable = items.filter((it) => it.text.trim() && it.size > 0);
  if (usable.length === 0) return [];
  // Half the body size, and never 0 (a font of size 0.1 rounds to 0): a column is that wide.
  const unit = Math.max(bodySize(usable), 1) / 2;
  // A loop, not Math.min(...xs): a page of a hundred thousand items overflows the stack.
  const left = usable.reduce((min, it) => Math.min(min, it.x), Infinity);
  const sorted = [...usable].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: { y: number; size: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(it.y - row.y) <= Math.min(row.size, it.size) / 3) {
      row.items.push(it);
      row.size = Math.min(row.size, it.size);
    } else rows.push({ y: it.y, size: it.size, items: [it] });
  }
  const lines: { y: number; size: number; text: string }[] = [];
  for (const row of rows) {
    row.items.sort((a, b) => a.x - b.x);
    let text = '';
    let col = 0;
    let end = -Infinity;
    for (const it of row.items) {
      // At most MAX_COLUMNS: an item placed far off the page (x = 1e9) must not become a billion spaces.
      const target = Math.min(MAX_COLUMNS, Math.max(0, Math.round((it.x - left) / unit)));
      const gap = it.x - end;
      const size = Math.min(it.size, row.size);
      let sep: string;
      if (end === -Infinity) sep = ' '.repeat(target);
      else if (gap >= size * 0.9) sep = ' '.repeat(Math.max(2, target - col));
      else if (gap >= size * 0.15) sep = ' ';
      else sep = '';
      const piece = it.text.replace(/\s+/g, ' ');
      text += sep + piece;
      col += columns(sep + piece);
      end = Math.max(end, it.x + it.width);
    }
    lines.push({ y: row.y, size: row.size, text: text.trimEnd() });
  }
  // Page numbers: the first or last line, in the top or bottom margin; a bare number only when it
  // stands well apart from the text (a table's last value may sit low on the page).
  const margin = pageHeight * 0.12;
  const isPageNumber = (l: (typeof lines)[number], next: (typeof lines)[number] | undefined) =>
    (l.y < margin || l.y > pageHeight - margin) &&
    (PAGE_NUMBER.test(l.text) || (BARE_NUMBER.test(l.text) && (!next || Math.abs(l.y - next.y) > 3 * Math.max(l.size, next.size))));
  if (lines.length && isPageNumber(lines[lines.length - 1], lines[lines.length - 2])) lines.pop();
  if (lines.length && isPageNumber(lines[0], lines[1])) lines.shift();
  // A blank line where the page leaves more than a line's height empty (paragraphs, tables).
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (i > 0 && l.y - lines[i - 1].y > Math.max(l.size, lines[i - 1].size) * 2.2) out.push('');
    out.push(l.text);
  });
  return out;
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

/** Fewer visible characters than this per page, on average, is a scan without a text layer. */
const MIN_CHARS_PER_PAGE = 20;

/** Whether the first pages show text at all (operators that draw glyphs). */
async function drawsText(pdfjs: PdfJs, doc: PDFDocumentProxy): Promise<boolean> {
  const { OPS } = pdfjs;
  const show = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  for (let p = 1; p <= Math.min(doc.numPages, 3); p++) {
    const ops = await (await doc.getPage(p)).getOperatorList();
    if (ops.fnArray.some((fn) => show.has(fn))) return true;
  }
  return false;
}

/** Whether a page paints an image (a scanned page, or a table pasted as a picture). */
async function paintsImage(pdfjs: PdfJs, page: PDFPageProxy): Promise<boolean> {
  const { OPS } = pdfjs;
  const paint = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup]);
  return (await page.getOperatorList()).fnArray.some((fn) => paint.has(fn));
}

/** "3", "3, 5", "3–5": page numbers for a message. */
function pageList(pages: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    runs.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const STREAM = ascii('stream');
const ENDSTREAM = ascii('endstream');

function indexOfBytes(bytes: Uint8Array, word: number[], from: number): number {
  for (let at = bytes.indexOf(word[0], from); at !== -1; at = bytes.indexOf(word[0], at + 1)) {
    if (word.every((b, i) => bytes[at + i] === b)) return at;
  }
  return -1;
}

/**
 * Refuses a PDF whose Flate streams inflate, together, past maxUncompressedBytes, before pdf.js
 * opens it: pdf.js holds a stream's whole output, so a 300 KB PDF whose page inflates to
 * gigabytes would exhaust the memory. The streams are found by their keywords in the raw bytes
 * and only counted; those without a zlib header (other filters, encrypted data) are not.
 */
function checkStreams(bytes: Uint8Array, limits: ReadLimits): void {
  const cap = limits.maxUncompressedBytes;
  let total = 0;
  for (let at = indexOfBytes(bytes, STREAM, 0); at !== -1; ) {
    let next = at + STREAM.length;
    // Not the "stream" of "endstream".
    if (!(at >= 3 && bytes[at - 3] === 0x65 && bytes[at - 2] === 0x6e && bytes[at - 1] === 0x64)) {
      let start = next;
      if (bytes[start] === 0x0d) start++;
      if (bytes[start] === 0x0a) start++;
      const end = indexOfBytes(bytes, ENDSTREAM, start);
      next = end === -1 ? bytes.length : end;
      const [cmf, flg] = [bytes[start], bytes[start + 1]];
      if ((cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0 && !(flg & 0x20)) {
        total += inflatedSize(bytes.subarray(start + 2, next), cap - total);
        if (total > cap) throw tooLarge('maxUncompressedBytes', `the PDF's compressed streams inflate to more than ${formatAmount('maxUncompressedBytes', cap)}`, limits);
      }
    }
    at = indexOfBytes(bytes, STREAM, next);
  }
}

export interface PdfText {
  text: string;
  /** What the text leaves out: pages that are images (a report partly scanned). */
  warnings: string[];
}

/**
 * A PDF whose streams inflate past maxUncompressedBytes is refused before pdf.js opens it; one
 * of more than maxPdfPages pages is refused before any page is read (no annual report
 * comes near the default: a longer file is a compilation, which would be read wrong anyway, or
 * a trap); text past maxTextChars stops the reading at the page that passes it.
 */
export async function extractPdf(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<PdfText> {
  checkStreams(bytes, limits);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // A copy, as a plain Uint8Array: pdf.js may transfer (detach) its buffer, and refuses Node Buffers.
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Text only: no eval (the site's CSP forbids it), no fonts installed in the page.
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    ...(config.cMapUrl && { cMapUrl: config.cMapUrl, cMapPacked: true }),
    ...(config.standardFontDataUrl && { standardFontDataUrl: config.standardFontDataUrl }),
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const err = e as Error;
    if (err.name === 'PasswordException') throw new FileFormatError('unsupported', 'the PDF is password-protected');
    throw new FileFormatError('corrupt', `the PDF cannot be opened (${err.message})`);
  }
  try {
    if (doc.numPages > limits.maxPdfPages) throw tooLarge('maxPdfPages', `the PDF has ${formatAmount('maxPdfPages', doc.numPages)} pages`, limits);
    const pages: string[][] = [];
    const imageOnly: number[] = [];
    let visible = 0;
    let length = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || !raw.str) continue;
        // Viewport space: x right, y down, the page's /Rotate applied.
        const [a, b, c, d, e, f] = pdfjs.Util.transform(viewport.transform, raw.transform) as number[];
        const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height;
        items.push({ text: raw.str, x: e, y: f, width: raw.width, size });
        visible += raw.str.replace(/\s/g, '').length;
      }
      const lines = layoutPage(items, viewport.height);
      pages.push(lines);
      length += lines.reduce((n, l) => n + l.length + 1, 2);
      if (length > limits.maxTextChars) {
        page.cleanup();
        throw tooLarge('maxTextChars', `the text extracted reaches ${formatAmount('maxTextChars', length)} characters by page ${p} of ${doc.numPages}`, limits);
      }
      // A page without text that paints an image is a scanned page: say so, or its tables would
      // look merely missing.
      if (items.length === 0 && (await paintsImage(pdfjs, page))) imageOnly.push(p);
      page.cleanup();
    }
    if (visible < Math.max(1, doc.numPages) * MIN_CHARS_PER_PAGE) {
      // No text to read: a scan, unless the pages do draw text whose characters pdf.js could
      // not map (fonts that need character maps it was not given, or that have no Unicode).
      if (await drawsText(pdfjs, doc)) {
        throw new FileFormatError(
          'undecodable',
          `the PDF draws text but its characters cannot be decoded (${visible} read): its fonts need pdf.js's character maps (configurePdf({ cMapUrl })) or map to no Unicode`,
        );
      }
      throw new FileFormatError('scanned', `scanned: no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'}, ${visible} characters of text); the report is an image and needs OCR`);
    }
    const warnings = imageOnly.length
      ? [`PDF page${imageOnly.length > 1 ? 's' : ''} ${pageList(imageOnly)} of ${doc.numPages} ${imageOnly.length > 1 ? 'are images' : 'is an image'} without text (scanned): ${imageOnly.length > 1 ? 'their' : 'its'} content is not read`]
      : [];
    return { text: pages.map((lines) => lines.join('\n')).join('\n\n') + '\n', warnings };
  } finally {
    await doc.destroy().catch(() => {});
  }
}
