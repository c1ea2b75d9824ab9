/**
 * A reader's own collection, from picked or dropped files to a database, all in the page (nothing
 * is uploaded): `.zip` archives are opened, every file is read by a pool of Web Workers (one per
 * core) with the same readers and parser as build:data, and the database is assembled in a worker
 * by the same code. The page's thread only hands out files and counts: it stays responsive.
 */
import type { BuildSummary } from '../build/assemble';
import { sha256Hex } from '../build/hash';
import { safeEntryPath } from '../build/paths';
import type { FileResult, FileToRead } from '../build/read-file';
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
  /** The parser's records, one JSON object per line ({"path", "record"}), as `parse --jsonl` prints them. */
  records: string;
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

/** Reads every file in a pool of workers; results in the order of the files. */
async function readAll(files: CollectionFile[], urls: DataUrls, onProgress: (p: ImportProgress) => void, signal?: AbortSignal): Promise<FileResult[]> {
  const results: FileResult[] = new Array(files.length);
  const workers = Array.from({ length: workerCount(files.length) }, () => new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' }));
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('the import was cancelled', 'AbortError')));
      const give = async (worker: Worker) => {
        if (signal?.aborted) return;
        if (next >= files.length) {
          if (done === files.length) resolve();
          return;
        }
        const id = next++;
        const f = files[id];
        onProgress({ phase: 'reading', done, total: files.length, current: f.path });
        const file: FileToRead = { path: f.path, size: f.size, problem: f.problem };
        // The bytes are read only for files that will be read (not past the size limit).
        const bytes = f.problem || f.size > readLimits().maxInputBytes ? null : await f.bytes();
        const request: ReadRequest = { type: 'read', id, file, bytes, urls };
        worker.postMessage(request, bytes ? [bytes] : []);
      };
      for (const worker of workers) {
        worker.onmessage = (event: MessageEvent<ReadReply>) => {
          if (event.data?.type !== 'read-reply') return; // pdf.js inside the worker posts messages of its own
          results[event.data.id] = event.data.result;
          done++;
          onProgress({ phase: 'reading', done, total: files.length, current: null });
          give(worker).catch(reject);
        };
        worker.onerror = (event) => reject(new Error(`a reader stopped (${event.message || 'out of memory?'})`));
        give(worker).catch(reject);
      }
    });
  } finally {
    for (const w of workers) w.terminate();
  }
  return results;
}

function assemble(results: FileResult[], officesCsv: string | undefined): Promise<{ database: Uint8Array; summary: BuildSummary }> {
  const worker = new Worker(new URL('./build-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<{ database: Uint8Array; summary: BuildSummary }>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<BuildReply>) => {
      const m = event.data;
      if (m?.type !== 'build-reply') return;
      if (m.ok) resolve({ database: m.database, summary: m.summary });
      else reject(new Error(m.message));
    };
    worker.onerror = (event) => reject(new Error(`the database builder stopped (${event.message || 'out of memory?'})`));
    worker.postMessage({ type: 'build', results, officesCsv } satisfies BuildRequest);
  }).finally(() => worker.terminate());
}

/** The whole import: files → records → database, with progress; `source` names the collection (a folder's name, "12 files"). */
export async function importCollection(files: CollectionFile[], source: string, urls: DataUrls, onProgress: (p: ImportProgress) => void, signal?: AbortSignal): Promise<ImportedCollection> {
  const results = await readAll(files, urls, onProgress, signal);
  onProgress({ phase: 'building', done: files.length, total: files.length, current: null });
  const { database, summary } = await assemble(results, undefined);
  const records = results
    .filter((r) => r.ok)
    .map((r) => JSON.stringify({ path: r.file.path, record: (r as Extract<FileResult, { ok: true }>).file.record }))
    .join('\n');
  const manifest: Manifest = {
    database: 'gongkai.sqlite',
    bytes: database.length,
    sha256: await sha256Hex(database),
    reports: summary.parsed - summary.duplicates,
    schemaVersion: SCHEMA_VERSION,
    parserVersion: PARSER_VERSION,
    builtAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    source,
  };
  return { database, manifest, summary, records: records ? records + '\n' : '' };
}
