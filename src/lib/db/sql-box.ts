/**
 * The page's handle on the SQL box's worker (sql-box-worker.ts). The worker starts on the first
 * query and opens its own database (protocol.ts SqlBoxSource): one file, a copy the app's worker
 * already holds (no second download); a collection in parts, its files, and before each query
 * the parts the app has loaded since and the extras that query reads. Cancel and the time limit
 * end it with `terminate()`, the one thing that stops SQLite in the middle of a step; the next
 * query starts a fresh one.
 */
import type { RefusalCode, SqlBoxRequest, SqlBoxResponse, SqlBoxSource, SqlValue } from './protocol';

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

/** `sourceOf()`: what the worker opens, asked when it starts (the app may have switched databases since the last). */
export function createSqlBox(sourceOf: () => SqlBoxSource): SqlBox {
  let worker: Worker | null = null;
  /** The worker's database opened; null while the worker holds none. A worker opens one in its life. */
  let opened: Promise<void> | null = null;
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

  /** A worker without a database yet: it compiles sql.js while its database is on its way. */
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

  /** Sends a request that the worker answers with 'ready' (or 'open-error'). */
  function ask(w: Worker, request: SqlBoxRequest, transfer: Transferable[] = []): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      onResponse = (m) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'open-error') reject(new SqlBoxError(m.message, 'crashed'));
      };
      w.postMessage(request, transfer);
    });
  }

  /** The worker ready for `sql`: its database open, with what `sql` reads of a collection in parts merged first. */
  async function prepare(sql: string, mine: () => boolean): Promise<void> {
    let source: SqlBoxSource;
    try {
      source = sourceOf();
      if (!opened) {
        discard();
        const w = spawn();
        opened = 'files' in source ? ask(w, { type: 'load', files: source.files }) : source.copy().then((bytes) => (mine() ? ask(w, { type: 'open', bytes }, [bytes.buffer]) : undefined));
      }
      await opened;
    } catch (e) {
      throw e instanceof SqlBoxError ? e : new SqlBoxError((e as Error).message, 'crashed');
    }
    if (mine() && 'files' in source) await ask(worker!, { type: 'prepare', sql, parts: source.loaded() });
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
            // A database that changed (or a connection that broke) serves no further query.
            if (m.tainted) discard();
            if (m.type === 'result') {
              resolve({ columns: m.columns, rows: m.rows, truncated: m.truncated });
            } else if (m.type === 'query-error') reject(new SqlBoxError(m.message, m.refused ?? 'sqlite'));
          };
          // The limit counts the query's own time, not the opening of its database.
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
