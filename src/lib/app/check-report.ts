/**
 * "Check a report" in the browser: the same file readers and parser as the build, run in a Web
 * Worker of the page (check-worker.ts) — nothing is uploaded, and a large or odd file never
 * freezes the page. The worker is loaded on demand, so the dashboard's first load does not carry
 * the parser, the converter tables or pdf.js.
 */
import type { ReportRecord } from '../report/record';
import type { FileFormat } from '../formats';
import type { SentenceThemeHit } from '../analysis/problems';
import type { Finding } from '../analysis/quality';

export interface CheckedReport {
  fileName: string;
  format: FileFormat;
  text: string;
  record: ReportRecord;
  /** Section 五's problem sentences and their themes (problemThemes), found in the worker: a long section takes seconds. */
  themes: SentenceThemeHit[];
  /** The findings the report shows on its own (reportFindings), found in the worker too. */
  findings: Finding[];
}

/**
 * The largest file the page reads. A real report is well under 5 MB (a PDF of scans aside); the
 * CLI reads a 30 MB text in 5 s, but the page holds the text, its lines and its record at once.
 * Lower than the data build's maxInputBytes (50 MB, src/lib/formats/limits.ts), whose other
 * limits (inflated bytes, tags, PDF pages, text) the worker's readers apply as they are.
 */
export const MAX_CHECK_BYTES = 20 * 1024 * 1024;

/** A file over MAX_CHECK_BYTES, refused before it is read. */
export class FileTooLargeError extends Error {
  readonly code = 'too-large';
  constructor(
    readonly size: number,
    readonly limit: number,
    fileName: string,
  ) {
    super(`${fileName}: ${size} bytes, over the limit of ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** What the page sends the worker: the file's bytes (transferred) and where the data files are. */
export interface CheckRequest {
  fileName: string;
  bytes: ArrayBuffer;
  urls: { divisions: string; cMaps: string; standardFonts: string };
}

/**
 * The worker's answer; an error keeps its name, code and message (FileFormatError, ReportParseError).
 * Tagged: pdf.js, loaded in the worker, takes the worker for its own and posts to the page too.
 */
export type CheckReply = { type: 'check-reply' } & ({ ok: true; result: CheckedReport } | { ok: false; error: { name: string; code?: string; message: string } });

const url = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`, document.baseURI).href;

/** The worker reading the current file; ended when another file is picked before it answers. */
let busy: { worker: Worker; cancel: () => void } | null = null;
let idle: Worker | null = null;

/** Read and parse one file; throws FileTooLargeError, or an error with the readers' or the parser's code and a message that says why. */
export async function checkReportFile(file: File): Promise<CheckedReport> {
  if (file.size > MAX_CHECK_BYTES) throw new FileTooLargeError(file.size, MAX_CHECK_BYTES, file.name);
  if (busy) {
    busy.worker.terminate();
    busy.cancel();
    busy = null;
  }
  const bytes = await file.arrayBuffer();
  const worker = idle ?? new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
  idle = null;
  const request: CheckRequest = {
    fileName: file.name,
    bytes,
    urls: { divisions: url('data/divisions.json'), cMaps: url('pdfjs/cmaps/'), standardFonts: url('pdfjs/standard_fonts/') },
  };
  return new Promise<CheckedReport>((resolve, reject) => {
    const mine = { worker, cancel: () => reject(new Error(`${file.name}: another file was picked`)) };
    busy = mine;
    const done = () => {
      if (busy === mine) busy = null;
      idle ??= worker; // kept for the next file: its modules and code list are loaded
    };
    worker.onmessage = (event: MessageEvent<CheckReply>) => {
      const m = event.data;
      if (m?.type !== 'check-reply') return;
      done();
      if (m.ok) resolve(m.result);
      else reject(Object.assign(new Error(m.error.message), { name: m.error.name, code: m.error.code }));
    };
    worker.onerror = (event) => {
      if (busy === mine) busy = null;
      if (idle === worker) idle = null;
      worker.terminate();
      reject(new Error(`${file.name}: the reader stopped (${event.message || 'out of memory?'})`));
    };
    worker.postMessage(request, [bytes]);
  });
}
