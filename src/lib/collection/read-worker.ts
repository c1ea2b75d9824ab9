/**
 * One of the pool's readers: a file's bytes → its record or the reason it failed, with the same
 * readers and parser as build:data (src/lib/build/read-file.ts), sent to the builder worker
 * through the port the page gave. pdf.js runs inside this worker (it is one already).
 */
import { readReportFile } from '../build/read-file';
import { configurePdf, readLimits } from '../formats';
import { DivisionIndex, expandDivisionList } from '../report';
import type { ReadReply, ReadRequest } from './protocol';

let divisions: Promise<DivisionIndex | undefined> | undefined;
const limits = readLimits();

let builder: MessagePort | null = null;

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  if (event.data?.type === 'port') {
    builder = event.data.port;
    return;
  }
  if (event.data?.type !== 'read') return;
  const { id, file, bytes, urls } = event.data;
  configurePdf({ cMapUrl: urls.cMaps, standardFontDataUrl: urls.standardFonts });
  // The code list build:data uses, in its compact form: without it reports are read, not placed.
  divisions ??= fetch(urls.divisions)
    .then((r) => (r.ok ? r.json() : null))
    .then((list) => (list ? new DivisionIndex(expandDivisionList(list)) : undefined))
    .catch(() => undefined);
  const result = await readReportFile(file, () => new Uint8Array(bytes ?? new ArrayBuffer(0)), { divisions: await divisions, limits });
  // The record to the builder, and only "done" to the page.
  builder?.postMessage(result);
  (self as unknown as Worker).postMessage({ type: 'read-reply', id, ok: result.ok } satisfies ReadReply);
};
