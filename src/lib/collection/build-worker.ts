/**
 * The collection's database, assembled off the page's thread by the same code as build:data
 * (src/lib/build/assemble.ts), with the same sql.js: the same files give the same bytes. Also
 * the check view's cross-year checks: its report added to a copy of the database, which answers
 * with its own `cross_year_checks` view.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { assembleDatabase, crossYearChecksWith } from '../build/assemble';
import type { FileResult } from '../build/read-file';
import { readLimits } from '../formats';
import type { BuildReply, BuildRequest, CrossYearReply } from './protocol';

/** Results from the readers' ports, until the page asks for the build. */
const results: FileResult[] = [];
let waiting: { expected: number; go: () => void } | null = null;

const post = (m: BuildReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (event: MessageEvent<BuildRequest>) => {
  const m = event.data;
  if (m?.type === 'cross-year') {
    try {
      const SQL = await initSqlJs({ locateFile: () => wasmUrl });
      (self as unknown as Worker).postMessage({ type: 'cross-year-reply', ok: true, rows: crossYearChecksWith(SQL, m.database, m.file, m.officeId) } satisfies CrossYearReply);
    } catch (e) {
      (self as unknown as Worker).postMessage({ type: 'cross-year-reply', ok: false, message: (e as Error).message } satisfies CrossYearReply);
    }
    return;
  }
  if (m?.type === 'port') {
    m.port.onmessage = (e: MessageEvent<FileResult>) => {
      results.push(e.data);
      if (results.length === waiting?.expected) waiting.go();
    };
    return;
  }
  if (m?.type !== 'build') return;
  try {
    if (results.length < m.expected) await new Promise<void>((go) => (waiting = { expected: m.expected, go }));
    const SQL = await initSqlJs({ locateFile: () => wasmUrl });
    const { database, summary } = await assembleDatabase(SQL, results, { officesCsv: m.officesCsv, limits: readLimits() });
    const lines = results
      .filter((r): r is Extract<FileResult, { ok: true }> => r.ok)
      .sort((a, b) => (a.file.path < b.file.path ? -1 : 1))
      .map((r) => JSON.stringify({ path: r.file.path, record: r.file.record }) + '\n');
    const records = new TextEncoder().encode(lines.join(''));
    post({ type: 'build-reply', ok: true, database, summary, records }, [database.buffer, records.buffer]);
  } catch (e) {
    post({ type: 'build-reply', ok: false, message: (e as Error).message });
  }
};
