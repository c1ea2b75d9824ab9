/**
 * A reader's own collection, from picked or dropped files to a database, all in the page (nothing
 * is uploaded): `.zip` archives are opened, every file is read by a pool of Web Workers (one per
 * core) with the same readers and parser as build:data, and the database is assembled in a worker
 * by the same code. The page's thread only hands out files and counts: it stays responsive.
 */
import type { BuildSummary } from '../build/assemble';
import { sha256Hex } from '../build/hash';
import { safeEntryPath } from '../build/paths';
import type { FileToRead } from '../build/read-file';
import type { Manifest } from '../db/client';
import { SCHEMA_VERSION } from '../db/schema';
import { readLimits } from '../formats/limits';
import { readZipParts } from '../formats/zip';
import { PARSER_VERSION } from '../report';
import type { BuildReply, BuildRequest, DataUrls, ReadReply, ReadRequest } from './protocol';

/** A file to read: its path in the collection and where its bytes come from. */
export interface CollectionFile {
  path: string;
  size: number;
  bytes: () => Promise<ArrayBuffer>;
  /** Known not to be readable (an archive entry outside its folder, an archive that cannot be opened). */
  problem?: { code: string; message: string };
}

export interface ImportProgress {
  phase: 'reading' | 'building';
  done: number;
  total: number;
  /** The file being read (the last one handed to a worker). */
  current: string | null;
}

/** One file of the collection, as the database's `files` table lists it. */
export interface FileStatus {
  path: string;
  status: 'parsed' | 'duplicate' | 'failed';
  code: string | null;
  message: string | null;
}

export interface ImportedCollection {
  database: Uint8Array;
  manifest: Manifest;
  summary: BuildSummary;
  /** The parser's records, one JSON object per line ({"path", "record"}), UTF-8. */
  records: Uint8Array;
}

/** An archive in the browser may unpack to this much at most (all its entries together). */
export const MAX_ARCHIVE_UNPACKED = 1 << 30;

const isZip = (path: string) => /\.zip$/i.test(path);

/**
 * Files as picked or dropped → the collection's files. A folder's own name is not part of the
 * paths (build:data names files relative to the folder it is given), so the same folder built
 * here and by build:data gives the same database. Archives are opened into their entries.
 */
export async function collectionFiles(picked: { path: string; file: Blob }[]): Promise<CollectionFile[]> {
  const paths = picked.map((p) => p.path.replace(/^\/+/, ''));
  const top = paths.every((p) => p.includes('/')) ? paths[0].split('/')[0] : null;
  const strip = top !== null && paths.every((p) => p.startsWith(top + '/')) ? top.length + 1 : 0;
  const zips = picked.filter((p) => isZip(p.path)).length;
  const out: CollectionFile[] = [];
  for (const [i, { file }] of picked.entries()) {
    const path = paths[i].slice(strip);
    if (!isZip(path)) {
      out.push({ path, size: file.size, bytes: () => file.arrayBuffer() });
      continue;
    }
    // A lone archive is the collection; several keep their entries apart under their names.
    const prefix = zips === 1 && picked.length === 1 ? '' : path + '/';
    try {
      const parts = readZipParts(new Uint8Array(await file.arrayBuffer()), (name) => !name.endsWith('/'), { ...readLimits(), maxUncompressedBytes: MAX_ARCHIVE_UNPACKED });
      for (const [name, data] of Object.entries(parts).sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const inside = safeEntryPath(name);
        if (inside === null) out.push({ path: prefix + name, size: 0, bytes: async () => new ArrayBuffer(0), problem: { code: 'unsupported', message: `${prefix + name}: an archive entry outside its folder; not read` } });
        else out.push({ path: prefix + inside, size: data.length, bytes: async () => data.slice().buffer });
      }
    } catch (e) {
      out.push({ path, size: file.size, bytes: async () => new ArrayBuffer(0), problem: { code: (e as { code?: string }).code ?? 'corrupt', message: `${path}: the archive cannot be opened (${(e as Error).message})` } });
    }
  }
  return out;
}

const workerCount = (files: number) => Math.max(1, Math.min(files, typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2));

/**
 * The whole import: files → records → database, with progress; `source` names the collection (a
 * folder's name, "12 files"). Readers (one per core) send their records straight to the builder
 * through message ports; the page hands out files and counts, so it never holds or copies a
 * record and stays responsive however large the collection.
 */
export async function importCollection(files: CollectionFile[], source: string, urls: DataUrls, onProgress: (p: ImportProgress) => void, signal?: AbortSignal): Promise<ImportedCollection> {
  const builder = new Worker(new URL('./build-worker.ts', import.meta.url), { type: 'module' });
  const readers = Array.from({ length: workerCount(files.length) }, () => new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' }));
  for (const reader of readers) {
    const channel = new MessageChannel();
    builder.postMessage({ type: 'port', port: channel.port1 } satisfies BuildRequest, [channel.port1]);
    reader.postMessage({ type: 'port', port: channel.port2 } satisfies ReadRequest, [channel.port2]);
  }
  const stopped = (what: string) => (event: ErrorEvent) => new Error(`${what} stopped (${event.message || 'out of memory?'})`);
  try {
    let next = 0;
    let done = 0;
    await new Promise<void>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('the import was cancelled', 'AbortError')));
      builder.onerror = (e) => reject(stopped('the database builder')(e));
      const give = async (worker: Worker) => {
        if (signal?.aborted || next >= files.length) return;
        const id = next++;
        const f = files[id];
        onProgress({ phase: 'reading', done, total: files.length, current: f.path });
        const file: FileToRead = { path: f.path, size: f.size, problem: f.problem };
        // The bytes are read only for files that will be read (not past the size limit).
        const bytes = f.problem || f.size > readLimits().maxInputBytes ? null : await f.bytes();
        worker.postMessage({ type: 'read', id, file, bytes, urls } satisfies ReadRequest, bytes ? [bytes] : []);
      };
      for (const worker of readers) {
        worker.onmessage = (event: MessageEvent<ReadReply>) => {
          if (event.data?.type !== 'read-reply') return; // pdf.js inside the worker posts messages of its own
          done++;
          onProgress({ phase: 'reading', done, total: files.length, current: null });
          if (done === files.length) resolve();
          else give(worker).catch(reject);
        };
        worker.onerror = (e) => reject(stopped('a reader')(e));
        give(worker).catch(reject);
      }
      if (files.length === 0) resolve();
    });
    onProgress({ phase: 'building', done: files.length, total: files.length, current: null });
    const built = await new Promise<Extract<BuildReply, { ok: true }>>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('the import was cancelled', 'AbortError')));
      builder.onmessage = (event: MessageEvent<BuildReply>) => {
        const m = event.data;
        if (m?.type !== 'build-reply') return;
        if (m.ok) resolve(m);
        else reject(new Error(m.message));
      };
      builder.postMessage({ type: 'build', expected: files.length } satisfies BuildRequest);
    });
    const manifest: Manifest = {
      database: 'gongkai.sqlite',
      bytes: built.database.length,
      sha256: await sha256Hex(built.database),
      reports: built.summary.parsed - built.summary.duplicates,
      schemaVersion: SCHEMA_VERSION,
      parserVersion: PARSER_VERSION,
      builtAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      source,
    };
    return { database: built.database, manifest, summary: built.summary, records: built.records };
  } finally {
    for (const w of [...readers, builder]) w.terminate();
  }
}

/**
 * The check view's report against its office's years in the loaded database, by the database's
 * own cross-year rules (a copy of the database, in the builder worker).
 */
export function databaseCrossYearChecks(database: Uint8Array, file: import('../build/read-file').ParsedFile, officeId: string): Promise<import('../build/assemble').CrossYearRow[]> {
  const worker = new Worker(new URL('./build-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<import('../build/assemble').CrossYearRow[]>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<import('./protocol').CrossYearReply>) => {
      const m = event.data;
      if (m?.type !== 'cross-year-reply') return;
      if (m.ok) resolve(m.rows);
      else reject(new Error(m.message));
    };
    worker.onerror = (event) => reject(new Error(`the database worker stopped (${event.message || 'out of memory?'})`));
    worker.postMessage({ type: 'cross-year', database, file, officeId } satisfies BuildRequest, [database.buffer]);
  }).finally(() => worker.terminate());
}
