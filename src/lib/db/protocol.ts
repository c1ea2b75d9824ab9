/** Messages between the page and the database worker (worker.ts), and the SQL box's worker (sql-box-worker.ts). */
export type SqlValue = number | string | null;
export type Row = Record<string, SqlValue>;

/** A detail part to fetch when a query needs it (client.ts ManifestPart, with its URL resolved). */
export interface PartSource {
  url: string;
  bytes: number;
  gzipBytes?: number;
  provinces: (string | null)[];
  /** Set when the part holds these cities of its province only (a large province published by city). */
  cities?: (string | null)[];
  /** A file of the summary's extras, no place's rows: the tables it holds (schema.ts EXTRA_FILES), fetched when a query first reads one. */
  extras?: readonly string[];
  /**
   * A subset of the file of the same `extras` (schema.ts EXTRA_SUBSETS): the reports whose rows it
   * holds, as sorted ranges [from, to]; fetched instead for a query scoped to reports it covers.
   */
  covers?: readonly (readonly [number, number])[];
  /** A part's: the tables of the summary's extras it carries for its own reports and offices (schema.ts PART_EXTRAS). */
  carries?: readonly string[];
}

/**
 * Whose detail rows a query reads: only the parts of their provinces (or cities, where a province is
 * published by city) are fetched; none given: every part. `officeId`, `reportIds`: also whose rows of
 * the summary's extras it reads (an office's from its parts, which carry them where the build says
 * so: then no file of the extras is fetched; reports' from what costs least: a subset file covering
 * them, their parts, or the complete file). `region`: the rows of a province filter (and city, if any).
 * `summary`: the query reads only rows the summary itself keeps (the refused files, schema.ts EXTRA_KEPT): nothing is fetched.
 */
export type PartScope = { officeId: string } | { reportIds: number[] } | { region: { province: string; city: string | null } } | { summary: true };

/** Where a collection's database is: the download of its core, and its parts and extras when it is published in parts. */
export interface LoadSource {
  /** `bytes`: the database's size; `gzipBytes`: the download's, when `url` is the gzipped copy. */
  url: string;
  bytes: number;
  gzipBytes?: number;
  parts?: PartSource[];
}

export type Request =
  | ({ type: 'load' } & LoadSource)
  /** Database bytes at hand (a collection built in the page): opened as they are. */
  | { type: 'open'; bytes: Uint8Array }
  | { type: 'query'; id: number; sql: string; params: SqlValue[]; scope?: PartScope }
  /** A copy of the database file (no second download): what is loaded, with a collection in parts after fetching the parts of `scope`. */
  | { type: 'copy'; id: number; scope?: PartScope };

export type Response =
  | { type: 'progress'; loaded: number; total: number }
  /**
   * A detail part is downloading (`loaded` of `total` bytes), or merged. `merged`: the places of
   * every part merged so far (parts.ts PartSet.merged); `urls`: their files (the SQL box loads the same).
   */
  | { type: 'part-progress'; loaded: number; total: number; merged: (string | null)[][]; urls: string[] }
  | { type: 'ready' }
  | { type: 'load-error'; message: string }
  | { type: 'result'; id: number; columns: string[]; rows: SqlValue[][] }
  | { type: 'query-error'; id: number; message: string }
  | { type: 'copy'; id: number; bytes: Uint8Array };

/**
 * What the SQL box's worker opens. One file (bundled, or built in the page): a copy the app's
 * worker makes, once. A collection in parts: the same files the app's worker loaded, fetched again
 * (the browser's cache holds them), only those the reader's SQL reads: a copy of all that is merged
 * doubled the page's memory (issue 16). `loaded`: the files of the parts the app has merged so far.
 */
export type SqlBoxSource = { copy: () => Promise<Uint8Array> } | { files: LoadSource; loaded: () => string[] };

/** Why the SQL box did not run a query although SQLite could read it. */
export type RefusalCode = 'empty' | 'several';

export type SqlBoxRequest =
  /** The database file, transferred: the worker opens its own private copy. */
  | { type: 'open'; bytes: Uint8Array }
  /** A collection in parts: the worker downloads the core itself (no part yet). */
  | { type: 'load'; files: LoadSource }
  /** Before each query on a collection in parts: merge the parts the app has loaded (`parts`, their files) and the extras `sql` reads. */
  | { type: 'prepare'; sql: string; parts: string[] }
  | { type: 'query'; id: number; sql: string; limit: number };

export type SqlBoxResponse =
  /** Opened, loaded or prepared; else `open-error`. */
  | { type: 'ready' }
  | { type: 'open-error'; message: string }
  /** `tainted`: the private copy is no longer as downloaded (or no longer answers): the page discards the worker. */
  | { type: 'result'; id: number; columns: string[]; rows: SqlValue[][]; truncated: boolean; tainted: boolean }
  | { type: 'query-error'; id: number; message: string; refused: RefusalCode | null; tainted: boolean };
