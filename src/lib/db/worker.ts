/**
 * The database runs here, off the page's thread, so a large query never freezes the page.
 * sql.js's wasm is an asset Vite hashes and serves from the built site (no CDN: works offline).
 */
import initSqlJs, { type Database } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { Request, Response } from './protocol';

let db: Database | undefined;
const post = (m: Response) => (self as unknown as Worker).postMessage(m);

/** Download with progress: the byte total comes from the manifest (Pages may gzip on the fly). */
async function download(url: string, expected: number): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${url}`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    // At most about a hundred progress messages: each one redraws the page's progress bar.
    if (loaded - reported >= expected / 100) {
      post({ type: 'progress', loaded, total: Math.max(expected, loaded) });
      reported = loaded;
    }
  }
  post({ type: 'progress', loaded, total: Math.max(expected, loaded) });
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) (bytes.set(c, at), (at += c.length));
  return bytes;
}

async function load(url: string, expected: number) {
  const [SQL, bytes] = await Promise.all([initSqlJs({ locateFile: () => wasmUrl }), download(url, expected)]);
  const opened = new SQL.Database(bytes);
  // Not a SQLite file, or not ours: fail here with a clear message, not later in a chart.
  try {
    opened.exec('SELECT value FROM meta WHERE key = \'schema_version\'');
  } catch (e) {
    opened.close();
    throw new Error(`the downloaded file is not a Gongkai database (${(e as Error).message})`);
  }
  // The SQL box is read-only: SQLite itself refuses every write from here on.
  opened.exec('PRAGMA query_only = ON');
  db = opened;
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const m = event.data;
  if (m.type === 'load') {
    try {
      await load(m.url, m.bytes);
      post({ type: 'ready' });
    } catch (e) {
      post({ type: 'load-error', message: (e as Error).message });
    }
    return;
  }
  try {
    if (!db) throw new Error('the database is not loaded');
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
