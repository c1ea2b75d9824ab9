/**
 * The page's handle on the database worker: load once (with progress), then run queries.
 * Only queries.ts calls `run`; views call the query functions.
 */
import type { PartScope, PartSource, Request, Response, Row, SqlBoxSource, SqlValue } from './protocol';

export interface Manifest {
  database: string;
  bytes: number;
  sha256: string;
  /** The gzipped copy the app downloads where the browser can unzip a stream. */
  gzip?: { file: string; bytes: number };
  reports: number;
  schemaVersion?: string;
  parserVersion?: string;
  /** When build:data ran (ISO 8601, UTC; SOURCE_DATE_EPOCH when set): kept out of the database, whose bytes depend only on the reports. */
  builtAt?: string;
  /** The collection built: its folder (relative to the project) or the archive's URL. */
  source?: string;
  /**
   * A large collection is published in parts (issue 16): `database` is then the summary (every
   * table but the detail ones, schema.ts DETAIL_TABLES, which it holds empty), and each part holds
   * the detail rows of the reports of its provinces. The page fetches a part when a query needs it.
   */
  parts?: ManifestPart[];
  /**
   * With parts: the summary's extras (schema.ts EXTRA_FILES: rows `database` holds empty), in
   * files published gzipped only; the page fetches one when a query first reads one of its tables.
   */
  extras?: ManifestExtras[];
}

/** A file of the summary's extras: the tables it holds (`reports`: the columns of schema.ts EXTRA_REPORT_COLUMNS). */
export interface ManifestExtras {
  tables: string[];
  /**
   * Set on a subset (schema.ts EXTRA_SUBSETS): the ids of the reports whose rows of `tables` it
   * holds, as sorted ranges [from, to]; the complete file of the same tables holds every row.
   */
  reports?: [number, number][];
  bytes: number;
  sha256: string;
  gzip: { file: string; bytes: number };
}

/** A detail part, published gzipped only (the page unzips it as it arrives); `bytes` and `sha256` are the database's. */
export interface ManifestPart {
  bytes: number;
  sha256: string;
  gzip: { file: string; bytes: number };
  /** Whose reports' rows it holds (null: reports without a province). */
  provinces: (string | null)[];
  /** Set when a large province is published by city: the part holds these cities of its province (null: reports without a city). */
  cities?: (string | null)[];
  reports: number;
  /**
   * The tables of the summary's extras it also carries for its own reports and offices (schema.ts
   * PART_EXTRAS): an office's or a report's query reads them here, not in the extras' files.
   * Absent in sites built before: those queries then fetch the extras' files.
   */
  extras?: string[];
}

/** `scope`: whose detail rows the query reads, when the collection is published in parts (only their parts are fetched). */
export type Run = (sql: string, params?: SqlValue[], scope?: PartScope) => Promise<Row[]>;

/** A collection in parts: what is downloading and which parts are loaded (their provinces). */
export interface PartsState {
  loaded: number;
  total: number;
  merged: (string | null)[][];
}

export interface DatabaseClient {
  run: Run;
  /**
   * A copy of the database file, made by the worker that holds it.
   * With a collection in parts: what is loaded, after fetching the parts of `scope` if given.
   */
  copyDatabase: (scope?: PartScope) => Promise<Uint8Array>;
  /** What the SQL box's worker opens (protocol.ts SqlBoxSource): a copy of one file, or the files of a collection in parts. */
  sqlBoxSource: () => SqlBoxSource;
  manifest: Manifest;
  /** Called as detail parts download and attach (a collection published in parts). */
  onParts: (listener: (state: PartsState) => void) => void;
  /** Ends the worker (switching between the bundled data and a collection). */
  close: () => void;
}

/**
 * Data URLs are built from the site's base, so the site works under any sub-path, and made
 * absolute here: the worker would resolve a relative URL against its own script's folder.
 */
const dataUrl = (file: string) => new URL(`${import.meta.env.BASE_URL}data/${file}`, document.baseURI).href;

export async function openDatabase(onProgress: (loaded: number, total: number) => void): Promise<DatabaseClient> {
  // The worker first: it starts fetching and compiling sql.js while the manifest is on its way.
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let manifest: Manifest;
  try {
    const manifestResponse = await fetch(dataUrl('gongkai.json'), { cache: 'no-cache' });
    if (!manifestResponse.ok) throw new Error(`could not load the data manifest (HTTP ${manifestResponse.status}): run npm run build:data`);
    manifest = (await manifestResponse.json()) as Manifest;
  } catch (e) {
    worker.terminate();
    throw e;
  }
  // The content hash in the query string: a new build is never served from a stale cache.
  const version = `?v=${manifest.sha256.slice(0, 12)}`;
  const unzips = typeof DecompressionStream !== 'undefined';
  const gzip = manifest.gzip && unzips ? manifest.gzip : null;
  const parts = partSources(manifest, (p) => dataUrl(p.gzip.file) + `?v=${p.sha256.slice(0, 12)}`);
  if (parts && !unzips) {
    worker.terminate();
    throw new Error('this browser cannot unzip the data (no DecompressionStream): a collection in parts needs a current browser');
  }
  const request: Request = gzip
    ? { type: 'load', url: dataUrl(gzip.file) + version, bytes: manifest.bytes, gzipBytes: gzip.bytes, parts }
    : { type: 'load', url: dataUrl(manifest.database) + version, bytes: manifest.bytes, parts };
  return connect(worker, request, manifest, onProgress);
}

/** The files of a collection in parts as the database worker fetches them (none for one file); `url`: where each is. */
export function partSources(manifest: Manifest, url: (file: ManifestPart | ManifestExtras) => string): PartSource[] | undefined {
  const source = (p: ManifestPart | ManifestExtras) => ({ url: url(p), bytes: p.bytes, gzipBytes: p.gzip.bytes });
  return (
    manifest.parts && [
      ...manifest.parts.map((p) => ({ ...source(p), provinces: p.provinces, cities: p.cities, carries: p.extras })),
      ...(manifest.extras ?? []).map((e) => ({ ...source(e), provinces: [], extras: e.tables, ...(e.reports ? { covers: e.reports } : {}) })),
    ]
  );
}

/** A database at hand (the reader's collection, built in the page): opened in a worker of its own. */
export function openDatabaseBytes(bytes: Uint8Array, manifest: Manifest): Promise<DatabaseClient> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  // A copy is transferred: the caller keeps its bytes (to save or download them).
  const copy = bytes.slice();
  return connect(worker, { type: 'open', bytes: copy }, manifest, () => {}, [copy.buffer]);
}

/** Sends the load or open request, waits until the worker is ready, and returns the query functions. */
async function connect(worker: Worker, request: Request, manifest: Manifest, onProgress: (loaded: number, total: number) => void, transfer: Transferable[] = []): Promise<DatabaseClient> {
  const pending = new Map<number, { resolve: (rows: Row[]) => void; reject: (e: Error) => void }>();
  const copies = new Map<number, (copy: { bytes: Uint8Array }) => void>();
  let nextId = 1;
  const partListeners: ((state: PartsState) => void)[] = [];
  /** The files of the parts merged so far (the SQL box merges the same). */
  let partUrls: string[] = [];

  try {
    await new Promise<void>((resolve, reject) => {
      worker.onerror = (e) => reject(new Error(`the database worker failed: ${e.message}`));
      worker.onmessage = (event: MessageEvent<Response>) => {
        const m = event.data;
        if (m.type === 'progress') onProgress(m.loaded, m.total);
        else if (m.type === 'part-progress') {
          partUrls = m.urls;
          for (const listener of partListeners) listener({ loaded: m.loaded, total: m.total, merged: m.merged });
        }
        else if (m.type === 'ready') resolve();
        else if (m.type === 'load-error') reject(new Error(m.message));
        else if (m.type === 'result') {
          const rows = m.rows.map((values) => Object.fromEntries(m.columns.map((c, i) => [c, values[i]])));
          pending.get(m.id)?.resolve(rows);
          pending.delete(m.id);
        } else if (m.type === 'query-error') {
          pending.get(m.id)?.reject(new Error(m.message));
          pending.delete(m.id);
          copies.delete(m.id);
        } else if (m.type === 'copy') {
          copies.get(m.id)?.(m);
          copies.delete(m.id);
          pending.delete(m.id);
        }
      };
      worker.postMessage(request, transfer);
    });
  } catch (e) {
    worker.terminate();
    throw e;
  }

  const run: Run = (sql, params = [], scope) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: Request = { type: 'query', id, sql, params, scope };
      worker.postMessage(request);
    });
  const copyDatabase = (scope?: PartScope) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++;
      copies.set(id, (m) => resolve(m.bytes));
      // A failed copy answers as a query error.
      pending.set(id, { resolve: () => {}, reject });
      const request: Request = { type: 'copy', id, scope };
      worker.postMessage(request);
    });
  // A collection in parts: the SQL box loads the same files (one file: a copy of it, made here).
  const files = request.type === 'load' && request.parts ? { url: request.url, bytes: request.bytes, gzipBytes: request.gzipBytes, parts: request.parts } : null;
  const sqlBoxSource = (): SqlBoxSource => (files ? { files, loaded: () => partUrls } : { copy: () => copyDatabase() });
  return { run, copyDatabase, sqlBoxSource, manifest, onParts: (listener) => partListeners.push(listener), close: () => worker.terminate() };
}
