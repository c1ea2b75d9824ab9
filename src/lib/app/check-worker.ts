/**
 * "Check a report"'s reading, parsing and the analyses of the text (problem themes, findings), off
 * the page's thread: a large or odd file keeps this
 * worker busy, never the page, and the page can end it (terminate) when another file is picked.
 * pdf.js runs here too, without a worker of its own (this is already one); it takes this worker
 * for its own and posts a message of its own to the page, which the page ignores.
 */
import { problemThemes } from '../analysis/problems';
import { reportFindings } from '../analysis/quality';
import { configurePdf, extractText } from '../formats';
import { DivisionIndex, expandDivisionList, parseReport } from '../report';
import type { CheckReply, CheckRequest } from './check-report';

let divisions: Promise<DivisionIndex | undefined> | undefined;

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { fileName, bytes, urls } = event.data;
  const post = (m: CheckReply) => (self as unknown as Worker).postMessage(m);
  try {
    configurePdf({ cMapUrl: urls.cMaps, standardFontDataUrl: urls.standardFonts });
    // Without the code list the report is still read; only its place stays unknown.
    divisions ??= fetch(urls.divisions)
      .then((r) => (r.ok ? r.json() : null))
      .then((list) => (list ? new DivisionIndex(expandDivisionList(list)) : undefined))
      .catch(() => undefined);
    const { text, format, warnings } = await extractText(fileName, new Uint8Array(bytes));
    const record = parseReport(text, { fileName, divisions: await divisions });
    record.warnings.unshift(...warnings);
    const themes = problemThemes(record.sections.problems);
    const findings = reportFindings(record);
    post({ type: 'check-reply', ok: true, result: { fileName, format, text, record, themes, findings } });
  } catch (e) {
    const error = e as { name?: string; code?: string; message?: string };
    post({ type: 'check-reply', ok: false, error: { name: error.name ?? 'Error', code: error.code, message: error.message ?? String(e) } });
  }
};
