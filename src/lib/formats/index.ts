/**
 * From a file's bytes to the text the parser reads. Pure (no fs, no DOM), so the build, the CLI
 * and the browser's "check a report" view share it. Reports are published as web pages, Word
 * files and PDFs, and reach us as text extractions too; each format has its module here. The
 * HTML and Word readers are loaded when a file of their kind comes; pdf.ts is small and loads
 * pdf.js itself on first use.
 *
 * The format is told by the file's content where it is unmistakable (%PDF, a zip archive, an
 * HTML document), else by its extension: a report saved as "report.htm.txt" or a PDF without
 * its extension is still read.
 */
import { FileFormatError } from './errors';
import { checkInputSize, checkTextLength, readLimits, type ReadLimits } from './limits';
import { extractPdf } from './pdf';
import { bomEncoding, extractPlainText, sniffUtf16 } from './text';

export { FileFormatError, type FileFormatErrorCode } from './errors';
export { checkInputSize, DEFAULT_READ_LIMITS, LIMIT_FLAGS, readLimits, type ReadLimits } from './limits';

export { configurePdf, configurePdfWorker, type PdfConfig } from './pdf';

export type FileFormat = 'text' | 'html' | 'docx' | 'pdf';

export interface ExtractedText {
  /** The report text; the record's `sources` count its lines from 1. */
  text: string;
  /** The format the file was read as. */
  format: FileFormat;
  /** What the reader could not take in (pages of a PDF that are images); the caller adds them to the record's warnings. */
  warnings: string[];
}

/** Bumped whenever the text extracted from the same file can change (it is part of the data build's inputs hash). */
export const FORMATS_VERSION = '2.2.1';

const EXTENSIONS: Record<string, FileFormat> = { '.txt': 'text', '.md': 'text', '.html': 'html', '.htm': 'html', '.docx': 'docx', '.pdf': 'pdf' };
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

export function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);

/**
 * The format the content shows: "%PDF-" in the first kilobyte (the spec lets junk precede it),
 * a zip's local header, or an HTML document's first tag. `ole` is an old binary Office file.
 */
export function sniffFormat(bytes: Uint8Array): FileFormat | 'zip' | 'ole' | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  // The start of the text, after a BOM and whitespace or comments (UTF-16 pages read as such).
  const utf16 = bomEncoding(bytes)?.startsWith('utf-16') ? bomEncoding(bytes) : sniffUtf16(bytes);
  const text = utf16 ? new TextDecoder(utf16).decode(bytes.subarray(0, 2048)) : head;
  const start = text.replace(/^(\u00ef\u00bb\u00bf|\ufeff)/, '').replace(/^(\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '').slice(0, 64).toLowerCase();
  if (/^<(!doctype\s+html|html[\s>]|head[\s>]|meta\s)/.test(start)) return 'html';
  return undefined;
}

async function read(format: FileFormat, bytes: Uint8Array, limits: ReadLimits): Promise<{ text: string; warnings: string[] }> {
  const extracted = await (async () => {
    switch (format) {
      case 'text':
        return { text: extractPlainText(bytes), warnings: [] };
      case 'html':
        return { text: (await import('./html')).extractHtml(bytes, { limits }), warnings: [] };
      case 'docx':
        return { text: (await import('./docx')).extractDocx(bytes, limits), warnings: [] };
      case 'pdf':
        return extractPdf(bytes, limits);
    }
  })();
  checkTextLength(extracted.text.length, limits);
  return extracted;
}

/** Errors of the format readers → FileFormatError naming the file. */
function asFormatError(e: unknown, fileName: string, format: FileFormat): unknown {
  if (e instanceof FileFormatError) return new FileFormatError(e.code, `${fileName}: ${e.message}`, e.limit);
  // Anything else a PDF or Word reader throws means the file is damaged.
  if (format === 'pdf' || format === 'docx') return new FileFormatError('corrupt', `${fileName}: the ${format === 'pdf' ? 'PDF' : 'Word'} file cannot be read (${(e as Error)?.message ?? String(e)})`);
  return e;
}

/**
 * A report file's bytes → its text and the format it was read as. Throws FileFormatError:
 * `unsupported` (a type we do not read), `scanned` (a PDF of images: "scanned: no text layer"),
 * `corrupt` (a zip or PDF that cannot be opened), `undecodable`, `too-large` (past one of the
 * limits: DEFAULT_READ_LIMITS with `limits` over them; the message names the limit).
 */
export async function extractText(fileName: string, bytes: Uint8Array, limits: Partial<ReadLimits> = {}): Promise<ExtractedText> {
  const bounds = readLimits(limits);
  try {
    checkInputSize(bytes.length, bounds);
  } catch (e) {
    throw asFormatError(e, fileName, 'text');
  }
  const ext = extensionOf(fileName);
  const byName = EXTENSIONS[ext] as FileFormat | undefined;
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'ole' && byName !== 'text') {
    throw new FileFormatError('unsupported', `${fileName}: an old binary Office file (.doc/.xls/.wps); save it as .docx or PDF`);
  }
  const byContent: FileFormat | undefined = sniffed === 'zip' ? 'docx' : sniffed === 'ole' ? undefined : sniffed;
  const format = byContent ?? byName;
  if (!format) {
    throw new FileFormatError('unsupported', `${fileName}: unsupported file type "${ext || '(none)'}": only ${SUPPORTED_EXTENSIONS.join(', ')} are read`);
  }
  try {
    return { ...(await read(format, bytes, bounds)), format };
  } catch (e) {
    const error = asFormatError(e, fileName, format);
    // The content looked like another format but is not one (a text file that happens to begin
    // with "PK"): read it as its name says, and let the parser judge the text.
    if (byName && byName !== format && error instanceof FileFormatError && error.code === 'corrupt') {
      try {
        return { ...(await read(byName, bytes, bounds)), format: byName };
      } catch (e) {
        throw asFormatError(e, fileName, byName);
      }
    }
    throw error;
  }
}
