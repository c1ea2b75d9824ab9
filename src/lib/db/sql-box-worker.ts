/**
 * The SQL box's worker: a reader's own SQL runs here, never in the app's database worker, so a
 * query without end holds up nothing but itself, and the page ends it with `terminate()` (Cancel,
 * time limit). It opens its own copy of the database: even a write that got past query_only could
 * change only this copy, which dies with the worker.
 */
import initSqlJs, { type Database } from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { SqlBoxRequest, SqlBoxResponse } from './protocol';
import { changesSoFar, QueryRefused, runUserQuery } from './user-query';

let db: Database | undefined;
let changesAtOpen = 0;
const post = (m: SqlBoxResponse) => (self as unknown as Worker).postMessage(m);

// Compiled while the page fetches the copy from the database worker.
const sqlReady = initSqlJs({ locateFile: () => wasmUrl });
sqlReady.catch(() => {});

/** The copy is still as downloaded and the connection answers; else the page starts a fresh worker. */
function tainted(): boolean {
  try {
    return !db || changesSoFar(db) !== changesAtOpen;
  } catch {
    return true;
  }
}

self.onmessage = async (event: MessageEvent<SqlBoxRequest>) => {
  const m = event.data;
  if (m.type === 'open') {
    try {
      const SQL = await sqlReady;
      db = new SQL.Database(m.bytes);
      db.exec('PRAGMA query_only = ON');
      changesAtOpen = changesSoFar(db);
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
