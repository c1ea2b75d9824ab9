/**
 * "Check a report" in the browser: the same file readers and parser as the build, run in the
 * page — nothing is uploaded. Loaded on demand (dynamic imports), so the dashboard's first load
 * does not carry the parser, the converter tables or pdf.js.
 */
import type { ReportRecord } from '../report/record';
import type { FileFormat } from '../formats';

export interface CheckedReport {
  fileName: string;
  format: FileFormat;
  text: string;
  record: ReportRecord;
}

const url = (path: string) => new URL(`${import.meta.env.BASE_URL}${path}`, document.baseURI).href;

let ready: Promise<{
  extractText: typeof import('../formats').extractText;
  checkInputSize: typeof import('../formats').checkInputSize;
  parseReport: typeof import('../report').parseReport;
  divisions: import('../report').DivisionIndex | undefined;
}> | null = null;

/** Readers, parser, pdf.js worker and the compact code list, fetched once. */
function load() {
  ready ??= (async () => {
    const [formats, report, worker, list] = await Promise.all([
      import('../formats'),
      import('../report'),
      import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'),
      fetch(url('data/divisions.json'))
        .then((r) => (r.ok ? r.json() : null))
        .catch(() => null),
    ]);
    formats.configurePdf({ workerSrc: worker.default, cMapUrl: url('pdfjs/cmaps/'), standardFontDataUrl: url('pdfjs/standard_fonts/') });
    // Without the code list the report is still read; only its place stays unknown.
    const divisions = list ? new report.DivisionIndex(report.expandDivisionList(list)) : undefined;
    return { extractText: formats.extractText, checkInputSize: formats.checkInputSize, parseReport: report.parseReport, divisions };
  })();
  return ready;
}

/**
 * Read and parse one file; throws FileFormatError or ReportParseError with a message that says why.
 * The readers' default limits hold (as in the build without flags): a file past one is refused,
 * one too big by its size before it is read into the tab's memory.
 */
export async function checkReportFile(file: File): Promise<CheckedReport> {
  const { extractText, checkInputSize, parseReport, divisions } = await load();
  checkInputSize(file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { text, format, warnings } = await extractText(file.name, bytes);
  const record = parseReport(text, { fileName: file.name, divisions });
  record.warnings.unshift(...warnings);
  return { fileName: file.name, format, text, record };
}
