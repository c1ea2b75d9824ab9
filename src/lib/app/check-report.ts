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
    return { extractText: formats.extractText, parseReport: report.parseReport, divisions };
  })();
  return ready;
}

/** Read and parse one file; throws FileFormatError or ReportParseError with a message that says why. */
export async function checkReportFile(file: File): Promise<CheckedReport> {
  const { extractText, parseReport, divisions } = await load();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const { text, format, warnings } = await extractText(file.name, bytes);
  const record = parseReport(text, { fileName: file.name, divisions });
  record.warnings.unshift(...warnings);
  return { fileName: file.name, format, text, record };
}
