/**
 * The page's handle on the SQL box's worker (sql-box-worker.ts). The worker starts on the first
 * query, with a copy of the database the app's worker already holds (`copyFor`: no second
 * download). Before each query the app's worker merges the files of a collection's extras that
 * query reads and says whether the worker's copy is still as loaded; if not (a part or extras
 * file merged since), a fresh worker opens a fresh copy. Cancel and the time limit end it with
 * `terminate()`, the one thing that stops SQLite in the middle of a step; the next query starts a fresh one.
 */
import type { RefusalCode, SqlBoxCopy, SqlBoxRequest, SqlBoxResponse, SqlValue } from './protocol';

export interface SqlBoxResult {
  /** As SQLite names them: two may share a name (`SELECT 1, 1`), so rows are arrays. */
  columns: string[];
  rows: SqlValue[][];
  truncated: boolean;
}

/** Why a query gave no result: SQLite's error, a refusal, or the worker was stopped. */
export class SqlBoxError extends Error {
  constructor(
    message: string,
    readonly reason: 'sqlite' | RefusalCode | 'cancelled' | 'timeout' | 'crashed',
  ) {
    super(message);
  }
}

export interface SqlBox {
  /** Runs one statement; at most `limit` rows; the worker is ended after `timeLimitMs` of running. */
  run(sql: string, limit: number, timeLimitMs: number): Promise<SqlBoxResult>;
  /** Ends the running query (its promise rejects with reason 'cancelled'); false when none runs. */
  cancel(): boolean;
  /** Forgets the worker's copy (the app switched databases): the next query copies the new one. */
  reset(): void;
}

/**
 * `copyFor(sql, held)`: a copy of what is loaded once what `sql` reads is merged, or null when the
 * copy of version `held` (the worker's) is still as loaded.
 */
export function createSqlBox(copyFor: (sql: string, held: number | null) => Promise<SqlBoxCopy | null>): SqlBox {
  let worker: Worker | null = null;
  /** The worker's copy opened, with its version; null while the worker holds none. A worker opens one copy in its life. */
  let opened: Promise<number> | null = null;
  let nextId = 1;
  let current: { id: number; reject: (e: SqlBoxError) => void; timer?: ReturnType<typeof setTimeout> } | null = null;
  /** Messages of the running query (the worker answers one query at a time). */
  let onResponse: ((m: SqlBoxResponse) => void) | null = null;

  function discard() {
    worker?.terminate();
    worker = null;
    opened = null;
  }

  function stop(reason: 'cancelled' | 'timeout' | 'crashed', message: string = reason) {
    discard();
    const c = current;
    current = null;
    if (c) {
      clearTimeout(c.timer);
      c.reject(new SqlBoxError(message, reason));
    }
  }

  /** A worker without a copy yet: it compiles sql.js while the app's worker makes the copy. */
  function spawn(): Worker {
    const w = new Worker(new URL('./sql-box-worker.ts', import.meta.url), { type: 'module' });
    worker = w;
    w.onmessage = (event: MessageEvent<SqlBoxResponse>) => onResponse?.(event.data);
    w.onerror = (e) => {
      e.preventDefault();
      if (worker === w) stop('crashed', e.message || 'the SQL worker failed');
    };
    return w;
  }

  function open(w: Worker, copy: SqlBoxCopy): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      onResponse = (m) => {
        if (m.type === 'ready') resolve(copy.version);
        else if (m.type === 'open-error') reject(new SqlBoxError(m.message, 'crashed'));
      };
      const request: SqlBoxRequest = { type: 'open', bytes: copy.bytes };
      w.postMessage(request, [copy.bytes.buffer]);
    });
  }

  /** The worker ready for `sql`: its copy as loaded, with what `sql` reads merged first. */
  async function prepare(sql: string, mine: () => boolean): Promise<void> {
    if (!opened) {
      discard();
      spawn();
    }
    const held = opened ? await opened : null;
    let copy: SqlBoxCopy | null;
    try {
      copy = await copyFor(sql, held);
    } catch (e) {
      throw new SqlBoxError((e as Error).message, 'crashed');
    }
    if (!mine()) return;
    if (copy) {
      // A worker that holds a copy already gets no second one.
      if (held !== null) {
        discard();
        spawn();
      }
      opened = open(worker!, copy);
    }
    await opened;
  }

  async function run(sql: string, limit: number, timeLimitMs: number): Promise<SqlBoxResult> {
    if (current) stop('cancelled');
    const id = nextId++;
    return new Promise<SqlBoxResult>((resolve, reject) => {
      current = { id, reject };
      const mine = () => current?.id === id;
      prepare(sql, mine).then(
        () => {
          if (!mine()) return;
          onResponse = (m) => {
            if (!mine() || !('id' in m) || m.id !== id) return;
            clearTimeout(current!.timer);
            current = null;
            // A copy that changed (or a connection that broke) serves no further query.
            if (m.tainted) discard();
            if (m.type === 'result') {
              resolve({ columns: m.columns, rows: m.rows, truncated: m.truncated });
            } else if (m.type === 'query-error') reject(new SqlBoxError(m.message, m.refused ?? 'sqlite'));
          };
          // The limit counts the query's own time, not the opening of the copy.
          current!.timer = setTimeout(() => mine() && stop('timeout'), timeLimitMs);
          const request: SqlBoxRequest = { type: 'query', id, sql, limit };
          worker!.postMessage(request);
        },
        (e: SqlBoxError) => {
          if (!mine()) return;
          current = null;
          discard();
          reject(e);
        },
      );
    });
  }

  return {
    run,
    cancel: () => (current ? (stop('cancelled'), true) : false),
    reset: () => stop('cancelled'),
  };
}
