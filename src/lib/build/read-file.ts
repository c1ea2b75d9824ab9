/**
 * One input file → its parsed report or the reason it failed: the step of the data build that
 * runs once per file, the same in Node (build:data) and in the browser's workers (a collection
 * dropped into the page). Pure: bytes in, plain data out (structured-cloneable, so a worker can
 * post it back).
 */
import { checkInputSize, extractText, FileFormatError, type ReadLimits } from '../formats/index';
import { parseReport, readPageHeader, ReportParseError, type DivisionIndex, type PageHeader, type ReportRecord } from '../report/index';
import { sha256Hex } from './hash';

export interface ParsedFile {
  path: string;
  sha256: string;
  bytes: number;
  /** The text the parser read (extracted from HTML, Word or PDF): `sources` count its lines. */
  text: string;
  record: ReportRecord;
  /** The saved page's header: publication date and original URL, when the file has one. */
  page: PageHeader;
}

export interface FailedFile {
  path: string;
  sha256: string | null;
  bytes: number;
  code: string;
  message: string;
}

export type FileResult = { ok: true; file: ParsedFile } | { ok: false; file: FailedFile };

export interface FileToRead {
  /** Path relative to the collection's folder, "/"-separated: the file's name in the database. */
  path: string;
  /** The size in bytes, when known before reading: a file past maxInputBytes is refused unread. */
  size?: number;
  /** An entry that cannot be read at all (a broken link, a loop of links): failed with this code and message. */
  problem?: { code: string; message: string };
}

export interface ReadOptions {
  divisions?: DivisionIndex;
  limits: ReadLimits;
  /** The file's SHA-256 as hex: Web Crypto's by default; Node's build threads give their own (synchronous, a fifth of the CPU time). */
  sha256?: (bytes: Uint8Array) => string | Promise<string>;
}

/** Reads one file: `read` is called only when the file is to be read (not past the size limit, not a broken link). */
export async function readReportFile(file: FileToRead, read: () => Uint8Array | Promise<Uint8Array>, options: ReadOptions): Promise<FileResult> {
  const sha256 = options.sha256 ?? sha256Hex;
  let bytes: Uint8Array | undefined;
  try {
    if (file.problem) throw new Error(file.problem.message);
    if (file.size !== undefined) checkInputSize(file.size, options.limits);
    bytes = await read();
    const { text, warnings } = await extractText(file.path, bytes, options.limits);
    const record = parseReport(text, { fileName: file.path, divisions: options.divisions });
    record.warnings.unshift(...warnings);
    return { ok: true, file: { path: file.path, sha256: await sha256(bytes), bytes: bytes.length, text, record, page: readPageHeader(text.split(/\r\n?|\n/)) } };
  } catch (e) {
    const ours = e instanceof ReportParseError || e instanceof FileFormatError;
    const code = ours ? e.code : (file.problem?.code ?? 'unreadable');
    // A file system's error by its code (ENOENT, EACCES), as the build's threads give it: its message names absolute paths.
    const errno = !ours && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : null;
    let message = errno ?? (e as Error).message;
    if (!message.startsWith(file.path)) message = `${file.path}: ${message}`;
    return { ok: false, file: { path: file.path, sha256: bytes ? await sha256(bytes) : null, bytes: bytes?.length ?? file.size ?? 0, code, message } };
  }
}
