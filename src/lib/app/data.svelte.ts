/** The loaded database, shared by all views: load once, with progress, and retry on failure. */
import { openDatabase, type DatabaseClient, type Run } from '../db/client';
import { createSqlBox } from '../db/sql-box';

export const data = $state<{
  status: 'loading' | 'ready' | 'failed';
  loaded: number;
  total: number;
  error: string | null;
  client: DatabaseClient | null;
}>({ status: 'loading', loaded: 0, total: 0, error: null, client: null });

export async function loadData() {
  Object.assign(data, { status: 'loading', loaded: 0, total: 0, error: null });
  try {
    const client = await openDatabase((loaded, total) => Object.assign(data, { loaded, total }));
    Object.assign(data, { status: 'ready', client });
  } catch (e) {
    Object.assign(data, { status: 'failed', error: (e as Error).message });
  }
}

/** The query runner; views call it only once the data is ready. */
export const run: Run = (sql, params) => {
  if (!data.client) return Promise.reject(new Error('the database is not loaded'));
  return data.client.run(sql, params);
};

/** The SQL box's own worker, started on its first query with a copy of the loaded database. */
export const sqlBox = createSqlBox(() => {
  if (!data.client) return Promise.reject(new Error('the database is not loaded'));
  return data.client.copyDatabase();
});
