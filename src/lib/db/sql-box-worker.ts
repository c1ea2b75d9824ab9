/**
 * The SQL box's worker: a reader's own SQL runs here, never in the app's database worker, so a
 * query without end holds up nothing but itself, and the page ends it with `terminate()` (Cancel,
 * time limit). It opens its own database: even a write that got past query_only could change only
 * this one, which dies with the worker. One file: a copy the app's worker made. A collection in
 * parts: the same files, downloaded again (from the browser's cache), and of them only what the
 * reader's SQL reads: the parts the app has loaded, and the extras its SQL names.
 */
import initSqlJs, { type Database } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { download } from './download';
import { openInPlace, roomFor } from './in-place';
import { PartSet } from './parts';
import type { SqlBoxRequest, SqlBoxResponse } from './protocol';
import { changesSoFar, QueryRefused, runUserQuery } from './user-query';

let db: Database | undefined;
let parts: PartSet | undefined;
let changesAtOpen = 0;
const post = (m: SqlBoxResponse) => (self as unknown as Worker).postMessage(m);

// Compiled while the page fetches the copy from the database worker.
const sqlReady = initSqlJs({ locateFile: () => wasmUrl });
sqlReady.catch(() => {});

/** The database is still as opened (and as merged by us) and the connection answers; else the page starts a fresh worker. */
function tainted(): boolean {
  try {
    return !db || changesSoFar(db) !== changesAtOpen;
  } catch {
    return true;
  }
}

/** Opens database bytes, read-only from here on but for our own merges (parts.ts lifts query_only for each). */
function open(SQL: Awaited<typeof sqlReady>, bytes: Uint8Array) {
  db = openInPlace(SQL, bytes);
  db.exec('PRAGMA query_only = ON');
  changesAtOpen = changesSoFar(db);
}

self.onmessage = async (event: MessageEvent<SqlBoxRequest>) => {
  const m = event.data;
  if (m.type === 'open' || m.type === 'load' || m.type === 'prepare') {
    try {
      if (m.type === 'open') open(await sqlReady, m.bytes);
      else if (m.type === 'load') {
        const sources = m.files.parts ?? [];
        const [SQL, bytes] = await Promise.all([sqlReady, download(m.files, { room: roomFor(sources) })]);
        open(SQL, bytes);
        parts = new PartSet(SQL, db!, sources, (source) => download(source));
      } else {
        if (!db || !parts) throw new Error('the database is not loaded');
        await parts.prepareReader(m.sql, m.parts);
        // Our own merges are no reader's writes.
        changesAtOpen = changesSoFar(db);
      }
      post({ type: 'ready' });
    } catch (e) {
      post({ type: 'open-error', message: (e as Error).message });
    }
    return;
  }
  try {
    if (!db) throw new Error('the database is not open');
    const result = runUserQuery(db, m.sql, m.limit);
    post({ type: 'result', id: m.id, ...result, tainted: tainted() });
  } catch (e) {
    const refused = e instanceof QueryRefused ? e.code : null;
    post({ type: 'query-error', id: m.id, message: e instanceof Error ? e.message : String(e), refused, tainted: tainted() });
  }
};
