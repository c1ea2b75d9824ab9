/**
 * The database runs here, off the page's thread, so a large query never freezes the page.
 * sql.js's wasm is an asset Vite hashes and serves from the built site (no CDN: works offline).
 */
import initSqlJs, { type Database } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { PartSet } from './parts';
import type { PartSource, Request, Response } from './protocol';

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

/**
 * Download with progress, unzipping on the way when the file is the gzipped copy. Progress counts
 * the bytes that arrive (`total` from the manifest: hosts may compress on the fly, so no header is
 * to be trusted); the database is written into one buffer of its known size.
 */
async function download(url: string, expected: number, gzipBytes?: number, progress: (loaded: number, total: number) => void = (loaded, total) => post({ type: 'progress', loaded, total })): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${url}`);
  if (!response.body) throw new Error(`no response body for ${url}`);
  const total = gzipBytes ?? expected;
  let received = 0;
  let reported = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        received += chunk.length;
        // At most about a hundred progress messages: each one redraws the page's progress bar.
        if (received - reported >= total / 100) {
          progress(received, Math.max(total, received));
          reported = received;
        }
        out.enqueue(chunk);
      },
    }),
  );
  // A server that sends the .gz with Content-Encoding: gzip has had the browser unzip it already.
  const unzip = gzipBytes !== undefined && !/gzip/i.test(response.headers.get('Content-Encoding') ?? '');
  const reader = (unzip ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted).getReader();
  let bytes = new Uint8Array(expected);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > bytes.length) {
      const larger = new Uint8Array(Math.max(bytes.length * 2, at + value.length));
      larger.set(bytes.subarray(0, at));
      bytes = larger;
    }
    bytes.set(value, at);
    at += value.length;
  }
  progress(received, Math.max(total, received));
  return at === bytes.length ? bytes : bytes.slice(0, at);
}

async function load(url: string, expected: number, gzipBytes?: number, sources: PartSource[] = []) {
  const [SQL, bytes] = await Promise.all([sqlReady, download(url, expected, gzipBytes)]);
  open(SQL, bytes, 'the downloaded file');
  if (sources.length) {
    const fetchPart = (source: PartSource) =>
      download(source.url, source.bytes, source.gzipBytes, (loaded, total) => post({ type: 'part-progress', loaded, total, merged: parts?.merged() ?? [] }));
    parts = new PartSet(SQL, db!, sources, fetchPart, (merged) => post({ type: 'part-progress', loaded: 0, total: 0, merged }));
  }
}

/** Opens database bytes (downloaded, or built in the page from the reader's own collection). */
function open(SQL: Awaited<typeof sqlReady>, bytes: Uint8Array, what: string) {
  db?.close();
  db = undefined;
  parts = undefined;
  const opened = new SQL.Database(bytes);
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
      if (m.type === 'load') await load(m.url, m.bytes, m.gzipBytes, m.parts);
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
      // What is loaded, with the parts of the scope and the extras the reader's SQL reads (not
      // every extras file: tens of MB the SQL box's first query waited for).
      await Promise.all([m.sql !== undefined && parts?.prepareExtras(m.sql), m.scope && parts?.need(m.scope)]);
      const version = parts?.version ?? 0;
      if (m.held === version) return post({ type: 'copy', id: m.id, bytes: null, version });
      // The reader's SQL may search: the copy's index holds every text loaded.
      parts?.index();
      const bytes = db!.export();
      (self as unknown as Worker).postMessage({ type: 'copy', id: m.id, bytes, version } satisfies Response, [bytes.buffer]);
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
