/**
 * The loaded database, shared by all views: the bundled one (downloaded, with progress and retry)
 * or the reader's own collection (built in the page, kept in the browser). Switching replaces the
 * client and bumps `generation`, which redraws the views over the other data.
 */
import { openDatabase, openDatabaseBytes, type DatabaseClient, type Run } from '../db/client';
import { filterOptions, type FilterOptions } from '../db/queries';
import { createSqlBox } from '../db/sql-box';
import { loadCollection } from '../collection/store';

export type DataSource = 'bundled' | 'collection';

export const data = $state<{
  status: 'loading' | 'ready' | 'failed';
  loaded: number;
  total: number;
  error: string | null;
  client: DatabaseClient | null;
  source: DataSource;
  /** Bumped whenever the database changes: views keyed on it query again. */
  generation: number;
  /** A collection published in parts: the provinces of the parts loaded so far, and the one downloading. */
  parts: { count: number; merged: (string | null)[][]; loaded: number; total: number } | null;
}>({ status: 'loading', loaded: 0, total: 0, error: null, client: null, source: 'bundled', generation: 0, parts: null });

/** The reader's choice survives a reload, as the collection does. */
const SOURCE_KEY = 'gongkai.source';
const wanted = (): DataSource => {
  try {
    return localStorage.getItem(SOURCE_KEY) === 'collection' ? 'collection' : 'bundled';
  } catch {
    return 'bundled';
  }
};
function remember(source: DataSource) {
  try {
    localStorage.setItem(SOURCE_KEY, source);
  } catch {
    // private mode: the choice lasts until the page closes
  }
}

function use(client: DatabaseClient, source: DataSource) {
  data.client?.close();
  sqlBox.reset();
  const count = client.manifest.parts?.length ?? 0;
  Object.assign(data, { status: 'ready', client, source, error: null, generation: data.generation + 1, parts: count ? { count, merged: [], loaded: 0, total: 0 } : null });
  const generation = data.generation;
  client.onParts(({ loaded, total, merged }) => {
    // (data.client is the client's $state proxy, never === client: the generation tells a closed client's messages.)
    if (data.generation !== generation || !data.parts) return;
    // (The SQL box's worker merges the parts merged here before its next query, sql-box.ts.)
    Object.assign(data.parts, { loaded, total, merged });
  });
}

/** First load: the collection if the reader chose it and it is still stored, else the bundled data. */
export async function loadData() {
  Object.assign(data, { status: 'loading', loaded: 0, total: 0, error: null });
  try {
    if (wanted() === 'collection') {
      const stored = await loadCollection().catch(() => null);
      if (stored) return use(await openDatabaseBytes(stored.database, stored.manifest), 'collection');
    }
    use(await openDatabase((loaded, total) => Object.assign(data, { loaded, total })), 'bundled');
  } catch (e) {
    Object.assign(data, { status: 'failed', error: (e as Error).message });
  }
}

/** Shows a collection's database in every view. */
export async function useCollection(database: Uint8Array, manifest: import('../db/client').Manifest) {
  use(await openDatabaseBytes(database, manifest), 'collection');
  remember('collection');
}

/** Back to the bundled reports (the collection stays stored). */
export async function useBundled() {
  remember('bundled');
  Object.assign(data, { status: 'loading', loaded: 0, total: 0 });
  try {
    use(await openDatabase((loaded, total) => Object.assign(data, { loaded, total })), 'bundled');
  } catch (e) {
    Object.assign(data, { status: 'failed', error: (e as Error).message });
  }
}

/**
 * A collection in parts with no province chosen: section 五's texts and themes of every report are
 * in every part (hundreds of MB for a country), so the problems view waits for a province, or for
 * the reader to ask for every part (`all=1` in the address).
 */
export function waitsForPlace(params: Record<string, string>): boolean {
  return !!data.parts && !params.province && params.all !== '1';
}

/** The gzipped size of every part (what "load every part" downloads), in bytes. */
export function partsBytes(): number {
  return (data.client?.manifest.parts ?? []).reduce((n, p) => n + (p.gzip?.bytes ?? p.bytes), 0);
}

/** The query runner; views call it only once the data is ready. */
export const run: Run = (sql, params, scope) => {
  if (!data.client) return Promise.reject(new Error('the database is not loaded'));
  return data.client.run(sql, params, scope);
};

/**
 * The filter bar's options, asked of each database once: every view shows the bar, and they change
 * only with the database (at 100,000 reports, two queries and 2,855 places on every change of view).
 * A failed answer is not kept: the bar's retry asks again.
 */
let optionsOf: { generation: number; options: Promise<FilterOptions> } | null = null;
export function loadedFilterOptions(): Promise<FilterOptions> {
  const generation = data.generation;
  if (optionsOf?.generation !== generation) {
    const options = filterOptions(run);
    optionsOf = { generation, options };
    options.catch(() => {
      if (optionsOf?.options === options) optionsOf = null;
    });
  }
  return optionsOf.options;
}

/** The SQL box's own worker, started on its first query with its own database of what is loaded. */
export const sqlBox = createSqlBox(() => {
  if (!data.client) throw new Error('the database is not loaded');
  return data.client.sqlBoxSource();
});
