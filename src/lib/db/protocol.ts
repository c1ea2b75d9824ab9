/** Messages between the page and the database worker (worker.ts). */
export type SqlValue = number | string | null;
export type Row = Record<string, SqlValue>;

export type Request =
  /** `bytes`: the database's size; `gzipBytes`: the download's, when `url` is the gzipped copy. */
  | { type: 'load'; url: string; bytes: number; gzipBytes?: number }
  | { type: 'query'; id: number; sql: string; params: SqlValue[] };

export type Response =
  | { type: 'progress'; loaded: number; total: number }
  | { type: 'ready' }
  | { type: 'load-error'; message: string }
  | { type: 'result'; id: number; columns: string[]; rows: SqlValue[][] }
  | { type: 'query-error'; id: number; message: string };
