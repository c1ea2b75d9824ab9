/**
 * The page's handle on the SQL box's worker (sql-box-worker.ts). The worker starts on the first
 * query, with a copy of the database the app's worker already holds (`copyDatabase`: no second
 * download). Cancel and the time limit end it with `terminate()`, the one thing that stops
 * SQLite in the middle of a step; the next query starts a fresh one.
 */
import type { RefusalCode, SqlBoxRequest, SqlBoxResponse, SqlValue } from './protocol';

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

export function createSqlBox(copyDatabase: () => Promise<Uint8Array>): SqlBox {
  let worker: Worker | null = null;
  let opened: Promise<void> | null = null;
  let nextId = 1;
  let current: { id: number; reject: (e: SqlBoxError) => void; timer?: ReturnType<typeof setTimeout> } | null = null;
  /** Messages of the running query (the worker answers one query at a time). */
  let onResponse: ((m: SqlBoxResponse) => void) | null = null;

  function stop(reason: 'cancelled' | 'timeout' | 'crashed', message: string = reason) {
    worker?.terminate();
    worker = null;
    opened = null;
    const c = current;
    current = null;
    if (c) {
      clearTimeout(c.timer);
      c.reject(new SqlBoxError(message, reason));
    }
  }

  function start(): Promise<void> {
    const w = new Worker(new URL('./sql-box-worker.ts', import.meta.url), { type: 'module' });
    worker = w;
    w.onmessage = (event: MessageEvent<SqlBoxResponse>) => onResponse?.(event.data);
    w.onerror = (e) => {
      e.preventDefault();
      if (worker === w) stop('crashed', e.message || 'the SQL worker failed');
    };
    return new Promise<void>((resolve, reject) => {
      onResponse = (m) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'open-error') reject(new SqlBoxError(m.message, 'crashed'));
      };
      copyDatabase().then(
        (bytes) => {
          const request: SqlBoxRequest = { type: 'open', bytes };
          w.postMessage(request, [bytes.buffer]);
        },
        (e: Error) => reject(new SqlBoxError(e.message, 'crashed')),
      );
    });
  }

  async function run(sql: string, limit: number, timeLimitMs: number): Promise<SqlBoxResult> {
    if (current) stop('cancelled');
    const id = nextId++;
    return new Promise<SqlBoxResult>((resolve, reject) => {
      current = { id, reject };
      const mine = () => current?.id === id;
      const fail = (e: SqlBoxError, discard: boolean) => {
        if (!mine()) return;
        clearTimeout(current!.timer);
        current = null;
        if (discard) {
          worker?.terminate();
          worker = null;
          opened = null;
        }
        reject(e);
      };
      if (!opened) opened = start();
      opened.then(
        () => {
          if (!mine()) return;
          onResponse = (m) => {
            if (!mine() || !('id' in m) || m.id !== id) return;
            clearTimeout(current!.timer);
            current = null;
            // A copy that changed (or a connection that broke) serves no further query.
            if (m.tainted) {
              worker?.terminate();
              worker = null;
              opened = null;
            }
            if (m.type === 'result') {
              resolve({ columns: m.columns, rows: m.rows, truncated: m.truncated });
            } else if (m.type === 'query-error') reject(new SqlBoxError(m.message, m.refused ?? 'sqlite'));
          };
          // The limit counts the query's own time, not the opening of the copy.
          current!.timer = setTimeout(() => mine() && stop('timeout'), timeLimitMs);
          const request: SqlBoxRequest = { type: 'query', id, sql, limit };
          worker!.postMessage(request);
        },
        (e: SqlBoxError) => fail(e, true),
      );
    });
  }

  return {
    run,
    cancel: () => (current ? (stop('cancelled'), true) : false),
    reset: () => stop('cancelled'),
  };
}
