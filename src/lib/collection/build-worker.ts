/**
 * The collection's database, assembled off the page's thread by the same code as build:data
 * (src/lib/build/assemble.ts), with the same sql.js: the same files give the same bytes.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import { assembleDatabase } from '../build/assemble';
import { readLimits } from '../formats';
import type { BuildReply, BuildRequest } from './protocol';

const post = (m: BuildReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (event: MessageEvent<BuildRequest>) => {
  if (event.data?.type !== 'build') return;
  try {
    const SQL = await initSqlJs({ locateFile: () => wasmUrl });
    const { database, summary } = await assembleDatabase(SQL, event.data.results, { officesCsv: event.data.officesCsv, limits: readLimits() });
    post({ type: 'build-reply', ok: true, database, summary }, [database.buffer]);
  } catch (e) {
    post({ type: 'build-reply', ok: false, message: (e as Error).message });
  }
};
