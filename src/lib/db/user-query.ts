/**
 * A reader's own SQL, run on the SQL box's private copy of the database (sql-box-worker.ts).
 * SQLite judges the text: where a statement ends (a `;` in a string or a comment is no boundary),
 * whether it is valid, and whether it writes (the connection is `query_only`). No pattern over the
 * text. Pure: runs in Node for the tests as in the worker.
 */
import type { Database } from 'sql.js';
import type { RefusalCode, SqlValue } from './protocol';

/** Beyond this many characters of text in a result, stepping stops (a huge result cannot fill the memory). */
export const RESULT_CHARS = 16_000_000;
/** Bytes of a blob shown (as SQLite's hex literal); the rest is cut. */
const BLOB_BYTES = 32;

export class QueryRefused extends Error {
  constructor(readonly code: RefusalCode) {
    super(code === 'empty' ? 'no SQL statement' : 'one statement at a time');
  }
}

export interface UserQueryResult {
  columns: string[];
  rows: SqlValue[][];
  /** More rows (or more text) than the limits: only the first are here. */
  truncated: boolean;
}

/**
 * The statements of `sql` as SQLite splits them. Each is prepared (not run) to find the next one's
 * start; preparing can already change a setting (`PRAGMA query_only = OFF` takes effect then), so
 * the caller sets query_only again before running anything.
 */
function statementsOf(db: Database, sql: string): string[] {
  const found: string[] = [];
  const it = db.iterateStatements(sql);
  for (let next = it.next(); !next.done; next = it.next()) found.push(next.value.getSQL());
  return found;
}

/** `X'0A1B…'`: a blob as SQLite writes it, cut after BLOB_BYTES bytes. */
function blobText(bytes: Uint8Array): string {
  const hex = Array.from(bytes.subarray(0, BLOB_BYTES), (b) => b.toString(16).padStart(2, '0').toUpperCase()).join('');
  return `X'${hex}${bytes.length > BLOB_BYTES ? '…' : ''}'`;
}

/**
 * Runs one statement and returns at most `limit` rows: it steps `limit + 1` times at most, so a
 * query without end (a recursive CTE) that yields rows stops here; one that yields none is stopped
 * by the page's time limit. More than one statement is refused before anything runs: the box shows
 * one result, and a batch would run statements whose results nobody sees.
 */
export function runUserQuery(db: Database, sql: string, limit: number, maxChars = RESULT_CHARS): UserQueryResult {
  const statements = statementsOf(db, sql);
  if (statements.length === 0) throw new QueryRefused('empty');
  if (statements.length > 1) throw new QueryRefused('several');
  const stmt = db.prepare(statements[0]);
  try {
    // After preparing (see statementsOf): an earlier `PRAGMA query_only = OFF` does not carry over.
    db.exec('PRAGMA query_only = ON');
    const rows: SqlValue[][] = [];
    let chars = 0;
    let truncated = false;
    while (stmt.step()) {
      if (rows.length === limit) {
        truncated = true;
        break;
      }
      const row = stmt.get().map((v) => (v instanceof Uint8Array ? blobText(v) : (v as SqlValue)));
      for (const v of row) if (typeof v === 'string') chars += v.length;
      if (chars > maxChars) {
        truncated = true;
        break;
      }
      rows.push(row);
    }
    return { columns: stmt.getColumnNames(), rows, truncated };
  } finally {
    stmt.free();
  }
}

/** Writes made on this connection so far: above the count at opening, the copy is no longer as downloaded. */
export function changesSoFar(db: Database): number {
  return Number(db.exec('SELECT total_changes()')[0].values[0][0]);
}
