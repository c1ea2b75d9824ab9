/**
 * The database runs here, off the page's thread, so a large query never freezes the page.
 * sql.js's wasm is an asset Vite hashes and serves from the built site (no CDN: works offline).
 */
import initSqlJs, { type Database } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { download } from './download';
import { openInPlace, roomFor } from './in-place';
import { PartSet } from './parts';
import type { LoadSource, PartSource, Request, Response } from './protocol';

let db: Database | undefined;
/** The detail parts of a collection published in parts, fetched when a query needs them. */
let parts: PartSet | undefined;
const post = (m: Response) => (self as unknown as Worker).postMessage(m);

/**
 * sql.js's wasm is fetched and compiled as soon as the worker starts, while the page is still
 * fetching the manifest and drawing its first frame. A failure is reported when the database is
 * loaded (the `catch` only keeps it from being an unhandled rejection before then).
 */
const sqlReady = initSqlJs({ locateFile: () => wasmUrl });
sqlReady.catch(() => {});

async function load(source: LoadSource) {
  const sources = source.parts ?? [];
  const [SQL, bytes] = await Promise.all([sqlReady, download(source, { progress: (loaded, total) => post({ type: 'progress', loaded, total }), room: roomFor(sources) })]);
  open(SQL, bytes, 'the downloaded file');
  if (sources.length) {
    const fetchPart = (source: PartSource) =>
      download(source, { progress: (loaded, total) => post({ type: 'part-progress', loaded, total, merged: parts?.merged() ?? [], urls: parts?.mergedUrls() ?? [] }) });
    parts = new PartSet(SQL, db!, sources, fetchPart, (merged) => post({ type: 'part-progress', loaded: 0, total: 0, merged, urls: parts?.mergedUrls() ?? [] }));
  }
}

/** Opens database bytes (downloaded, or built in the page from the reader's own collection). */
function open(SQL: Awaited<typeof sqlReady>, bytes: Uint8Array, what: string) {
  db?.close();
  db = undefined;
  parts = undefined;
  const opened = openInPlace(SQL, bytes);
  // Not a SQLite file, or not ours: fail here with a clear message, not later in a chart.
  try {
    opened.exec('SELECT value FROM meta WHERE key = \'schema_version\'');
  } catch (e) {
    opened.close();
    throw new Error(`${what} is not a Gongkai database (${(e as Error).message})`);
  }
  // The app only reads: SQLite itself refuses every write from here on. (A reader's SQL runs in
  // a worker of its own, sql-box-worker.ts.)
  opened.exec('PRAGMA query_only = ON');
  db = opened;
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const m = event.data;
  if (m.type === 'load' || m.type === 'open') {
    try {
      if (m.type === 'load') await load(m);
      else open(await sqlReady, m.bytes, 'the collection\'s database');
      post({ type: 'ready' });
    } catch (e) {
      post({ type: 'load-error', message: (e as Error).message });
    }
    return;
  }
  if (m.type === 'copy') {
    // sql.js's export is a snapshot through SQLite's backup API: the connection and its settings
    // stay as they are. The copy is transferred, not cloned: this worker keeps nothing of it.
    try {
      if (!db) throw new Error('the database is not loaded');
      // No scope: what is loaded as it is (need() without one would fetch every part).
      if (m.scope) await parts?.need(m.scope);
      // The copy's search index holds every text loaded (a reader may search it).
      parts?.index();
      const bytes = db!.export();
      (self as unknown as Worker).postMessage({ type: 'copy', id: m.id, bytes } satisfies Response, [bytes.buffer]);
    } catch (e) {
      post({ type: 'query-error', id: m.id, message: (e as Error).message });
    }
    return;
  }
  try {
    if (!db) throw new Error('the database is not loaded');
    await parts?.prepare(m.sql, m.scope);
    const stmt = db.prepare(m.sql);
    try {
      stmt.bind(m.params);
      const rows: (number | string | null)[][] = [];
      while (stmt.step()) rows.push(stmt.get() as (number | string | null)[]);
      post({ type: 'result', id: m.id, columns: stmt.getColumnNames(), rows });
    } finally {
      stmt.free();
    }
  } catch (e) {
    post({ type: 'query-error', id: m.id, message: (e as Error).message });
  }
};
