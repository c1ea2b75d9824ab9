/**
 * The data build in Node: every file read (src/lib/build/read-file.ts), in a pool of threads, and
 * as each result arrives only its index is kept while the file waits in a spool on disk
 * (file-spool.ts); then the decisions and the rows (src/lib/build/assemble.ts) — the same stages the
 * browser runs for a collection dropped into the page, so both give the same bytes for the same files.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { readLimits, type ReadLimits } from '../../src/lib/formats/index.ts';
import type { DivisionIndex } from '../../src/lib/report/index.ts';
import { decide, indexResult, writeSingle, type BuildSummary, type Decisions, type IndexedResult } from '../../src/lib/build/assemble.ts';
import { readReportFile } from '../../src/lib/build/read-file.ts';
import { FileSpool } from './file-spool.ts';
import { nodeSha256 } from './node-hash.ts';
import { configurePdfForNode } from './pdf-node.ts';
import type { CountReply, CountRequest, ThreadReply, ThreadRequest } from './read-worker-thread.ts';
import { stageDone } from './stage-times.ts';

export { chooseReport, siteColumn, type BuildSummary, type ConflictRule } from '../../src/lib/build/assemble.ts';

export interface InputFile {
  /** Path relative to the reports folder, with "/" separators: the file's name in the database. */
  path: string;
  read: () => Uint8Array;
  /** The size in bytes, when known before reading: a file past maxInputBytes is then refused unread. */
  size?: number;
  /** An entry that cannot be read at all (a broken link, a loop of links): recorded as failed with this code and message. */
  problem?: { code: string; message: string };
}

export interface BuildOptions {
  files: InputFile[];
  /** The text of offices.csv, if any. */
  officesCsv?: string;
  divisions?: DivisionIndex;
  /** Called after every `progressEvery` files. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** Over the readers' defaults (DEFAULT_READ_LIMITS): a file past one is failed with code `too-large`. */
  limits?: Partial<ReadLimits>;
  /**
   * Reader threads (one per core when true): files are parsed in parallel, the database is
   * assembled once all are read. `divisions` must then be the national list (loadDivisions()),
   * which each thread loads for itself. Off by default: tests build small folders.
   */
  threads?: boolean | number;
}

/** One database of every report (a small collection, the tests, --parts never). */
export async function buildDatabase(options: BuildOptions): Promise<{ database: Uint8Array; summary: BuildSummary }> {
  const { decisions, spool } = await readAndDecide(options);
  try {
    return { database: writeSingle(await initSqlJs(), decisions, spool), summary: decisions.summary };
  } finally {
    spool.close();
  }
}

/**
 * Reads every file, keeping each one's index and spooling the file as its result arrives, then
 * decides what the rows will be. The caller writes them (assemble.ts writeSingle, or writePart and the summary)
 * and closes the spool.
 */
export async function readAndDecide(options: BuildOptions): Promise<{ decisions: Decisions; spool: FileSpool }> {
  const files = [...options.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const every = options.progressEvery ?? 100;
  const limits = readLimits(options.limits);
  const threads = options.threads === true ? availableParallelism() : Number(options.threads ?? 0);
  const spool = new FileSpool();
  // The reader threads stay until the decisions are made: they count the cells of copies that disagree.
  const workers = threads > 1 && files.length > 1 ? Array.from({ length: Math.min(threads, files.length) }, () => new Worker(new URL('./read-worker.mjs', import.meta.url))) : [];
  try {
    const results: IndexedResult[] = [];
    const keep = (result: IndexedResult, entry: Uint8Array | null) => {
      if (result.ok) result.file.ref = spool.write(entry!);
      results.push(result);
    };
    if (workers.length) await readInThreads(workers, files, limits, options, keep);
    else {
      configurePdfForNode();
      // One file at a time: PDFs are read asynchronously.
      for (const [i, file] of files.entries()) {
        const { result, entry } = indexResult(await readReportFile(file, file.read, { divisions: options.divisions, limits, sha256: nodeSha256 }));
        keep(result, entry);
        if ((i + 1) % every === 0) options.onProgress?.(i + 1, files.length);
      }
    }
    stageDone('read');
    const countDiffering = workers.length ? (pairs: [number, number][]) => countInThreads(workers, spool.path, pairs) : undefined;
    const decisions = await decide(results, { officesCsv: options.officesCsv, limits, countDiffering }, spool);
    stageDone('decide');
    return { decisions, spool };
  } catch (e) {
    spool.close();
    throw e;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Files a thread is given before it answers: the next is at hand when it finishes one. */
const IN_FLIGHT = 2;

/**
 * Reads the files in a pool of worker threads; the main thread reads the bytes and hands them over,
 * and each thread answers with the file's index and spool entry (the record's JSON, made there).
 */
async function readInThreads(workers: Worker[], files: InputFile[], limits: ReadLimits, options: BuildOptions, keep: (result: IndexedResult, entry: Uint8Array | null) => void): Promise<void> {
  const every = options.progressEvery ?? 100;
  let next = 0;
  let done = 0;
  const listening: [Worker, (m: ThreadReply) => void, (e: Error) => void][] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const finished = () => {
        done++;
        if (done % every === 0) options.onProgress?.(done, files.length);
        if (done === files.length) resolve();
      };
      const give = (worker: Worker) => {
        if (next >= files.length) return;
        const id = next++;
        const file = files[id];
        let bytes: Uint8Array | null = null;
        // Read here only what the thread will read: not a broken link, not a file past the size limit.
        if (!file.problem && !(file.size !== undefined && file.size > limits.maxInputBytes)) {
          try {
            bytes = file.read();
          } catch (e) {
            const error = e as NodeJS.ErrnoException;
            keep({ ok: false, file: { path: file.path, sha256: null, bytes: file.size ?? 0, code: 'unreadable', message: `${file.path}: ${error.code ?? error.message}` } }, null);
            finished();
            return give(worker);
          }
        }
        const request: ThreadRequest = { id, file: { path: file.path, size: file.size, problem: file.problem }, bytes, limits, divisions: options.divisions !== undefined };
        // Cloned, not transferred: a caller's bytes may be a view of a shared buffer, or read again.
        worker.postMessage(request);
      };
      for (const worker of workers) {
        const answered = (m: ThreadReply) => {
          keep(m.result, m.entry);
          finished();
          give(worker);
        };
        worker.on('message', answered);
        worker.on('error', reject);
        listening.push([worker, answered, reject]);
        for (let i = 0; i < IN_FLIGHT; i++) give(worker);
      }
    });
  } finally {
    for (const [worker, answered, failed] of listening) worker.off('message', answered).off('error', failed);
  }
}

/** differingCellsOf for pairs of spool entries, the pairs shared out among the threads (each reads the spool itself). */
async function countInThreads(workers: Worker[], spool: string, pairs: [number, number][]): Promise<number[]> {
  const share = Math.ceil(pairs.length / workers.length);
  const counts = await Promise.all(
    workers.map(
      (worker, i) =>
        new Promise<number[]>((resolve, reject) => {
          const request: CountRequest = { spool, pairs: pairs.slice(i * share, (i + 1) * share) };
          if (request.pairs.length === 0) return resolve([]);
          const failed = (e: Error) => reject(e);
          worker.once('message', (m: CountReply) => {
            worker.off('error', failed);
            resolve(m.counts);
          });
          worker.once('error', failed);
          worker.postMessage(request);
        }),
    ),
  );
  return counts.flat();
}
