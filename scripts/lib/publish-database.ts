/**
 * Writes a built collection where the app finds it: the SQLite file itself (for sqlite3 and other
 * tools), a gzipped copy (what the app downloads: static hosts such as GitHub Pages send a
 * binary file as it is, and report texts shrink about eightfold), and the manifest the app reads
 * first (names, sizes and hash: download progress, and a new build is never a stale cache).
 * A large collection is published in parts (issue 16): a summary the page opens first and one
 * detail part per province, or per city of a large province, each under a static host's file
 * limit, written from the build's spool, two at a time in threads (src/lib/build/assemble.ts writePart).
 * The parts are published gzipped only: the page is all that reads them, and their raw copies
 * would double the site (sqlite3 users build the collection as one file, --parts never). So are
 * the summary's extras (schema.ts EXTRA_FILES: findings with copied texts, the reports' sources,
 * office spellings, the files read, each a file of its own), which the first chart does not wait
 * for: the summary published is the rest, its core. Each part also carries the extras of its own
 * reports and offices (PART_EXTRAS), so an office's page fetches its part and none of those files;
 * and subsets (EXTRA_SUBSETS: the findings of the reports ranked first, the sources by ranges of
 * report ids) spare the quality view's and the data view's lists the complete files.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { addToSummary, closeSummary, estimatedBytes, openSummary, partExtraRows, planParts, reportsToWrite, writePart, writeSingle, type BuildSummary, type PartRows } from '../../src/lib/build/assemble.ts';
import type { Manifest, ManifestExtras, ManifestPart } from '../../src/lib/db/client.ts';
import { EXTRA_FILES, EXTRA_SUBSETS, PART_EXTRAS } from '../../src/lib/db/schema.ts';
import { readAndDecide, type BuildOptions } from './build-database.ts';
import { collectGarbage } from './collect-garbage.ts';
import { stageDone } from './stage-times.ts';
import type { PartReply, PartRequest } from './part-worker-thread.ts';
import { writeGzip, writeWithGzip, type Written } from './write-gzip.ts';

export type PartsMode = 'auto' | 'never' | 'always';
/**
 * With `auto`, a collection whose one database would pass this (estimated from the reports read,
 * before any is written) is published in parts: the page would otherwise download it all before drawing.
 */
export const PARTS_THRESHOLD_BYTES = 20 * 2 ** 20;
/**
 * A province whose part would pass this (estimated) is split by city: well under a static host's
 * 100 MB per file, and what a thread holds while it writes one (two at once: at 50 MB the build of
 * 100,000 reports peaked at the 1.5 GiB it must stay under).
 */
export const PART_LIMIT_BYTES = 32 * 2 ** 20;

type ManifestExtra = Omit<Manifest, 'database' | 'bytes' | 'sha256' | 'gzip' | 'parts' | 'extras'>;

/** The output's folder made, and the parts and extras of an earlier build removed (they would be served beside a manifest that no longer lists them). */
function prepare(out: string): string {
  mkdirSync(dirname(out), { recursive: true });
  const stem = basename(out).replace(/\.[^./]+$/, '');
  // `extras`: the one file of the extras of builds before they were split.
  const earlier = [`${stem}.part-`, ...[...Object.keys(EXTRA_FILES), ...Object.keys(EXTRA_SUBSETS), 'extras'].map((name) => `${stem}.${name}.`)];
  for (const f of readdirSync(dirname(out))) if (earlier.some((prefix) => f.startsWith(prefix))) rmSync(join(dirname(out), f));
  return stem;
}

function writeManifest(out: string, written: Written, extra: ManifestExtra, parts?: ManifestPart[], extras?: ManifestExtras[]): Manifest {
  const manifest: Manifest = { database: basename(out), ...written, ...extra, ...(parts ? { parts } : {}), ...(extras ? { extras } : {}) };
  // A subset's report ranges on one line: a thousand of them would be 50 KB spread a number a line, and every visitor reads the manifest first.
  const json = JSON.stringify(manifest, null, 2).replace(/("reports": )(\[[\s\d,[\]]*\])/g, (_, key: string, ranges: string) => key + ranges.replace(/\s+/g, ''));
  writeFileSync(out.replace(/\.[^./]+$/, '') + '.json', json + '\n');
  return manifest;
}

/** One database, as one file. */
export async function publishDatabase(out: string, database: Uint8Array, extra: ManifestExtra): Promise<Manifest> {
  prepare(out);
  return writeManifest(out, writeWithGzip(out, database), extra);
}

export interface PublishOptions {
  out: string;
  /** The manifest's facts about the build (its `reports` is the count of reports kept). */
  extra: Omit<ManifestExtra, 'reports'>;
  parts?: PartsMode;
  /** Over PART_LIMIT_BYTES: a province whose part would pass it is split by city (tests force tiny ones). */
  partLimitBytes?: number;
}

/**
 * Reads and publishes a collection: one file, or (by `parts`) a summary and detail parts written
 * one at a time. Returns the manifest, the build's summary and the size of `out` (the one
 * database, or the summary).
 */
export async function buildAndPublish(options: BuildOptions & PublishOptions): Promise<{ manifest: Manifest; summary: BuildSummary; bytes: number }> {
  const { decisions, spool } = await readAndDecide(options);
  try {
    const SQL = await initSqlJs();
    const mode = options.parts ?? 'auto';
    const extra = { ...options.extra, reports: decisions.kept.length };
    const stem = prepare(options.out);
    if (mode === 'never' || (mode === 'auto' && estimatedBytes(decisions.kept) <= PARTS_THRESHOLD_BYTES)) {
      const database = writeSingle(SQL, decisions, spool);
      stageDone('write');
      return { manifest: writeManifest(options.out, writeWithGzip(options.out, database), extra), summary: decisions.summary, bytes: database.length };
    }
    const plans = planParts(decisions, options.partLimitBytes ?? PART_LIMIT_BYTES);
    const parts: ManifestPart[] = new Array(plans.length);
    const summaryDb = openSummary(SQL, decisions);
    try {
      // Each part carries the extras of its own reports and offices (schema.ts PART_EXTRAS): an office's page reads them there.
      const extrasOf = partExtraRows(summaryDb, decisions);
      const requests: PartRequest[] = plans.map((plan, id) => ({
        id,
        spool: spool.path,
        file: join(dirname(options.out), `${stem}.part-${String(id + 1).padStart(3, '0')}.sqlite`),
        reports: reportsToWrite(decisions, plan.reports),
      }));
      // Made as each part is written: all at once they would hold every copied text's row twice.
      const withExtras = (r: PartRequest): PartRequest => ({ ...r, extras: extrasOf(r.reports) });
      const done = (id: number, written: Written, rows: PartRows) => {
        addToSummary(summaryDb, rows);
        const plan = plans[id];
        parts[id] = { ...written, provinces: plan.provinces, ...(plan.cities ? { cities: plan.cities } : {}), reports: plan.reports.length, extras: [...PART_EXTRAS] };
      };
      const threads = options.threads === true ? availableParallelism() : Number(options.threads ?? 0);
      // Before two threads take the largest parts: the decisions' garbage out of the main heap first.
      collectGarbage();
      if (threads > 1 && requests.length > 1) await writePartsInThreads(requests, Math.min(threads, requests.length), done, withExtras);
      else for (const r of requests) {
        const { database, rows } = writePart(SQL, r.reports, spool, extrasOf(r.reports));
        done(r.id, writeGzip(r.file, database), rows);
      }
    } catch (e) {
      summaryDb.close();
      throw e;
    }
    stageDone('parts');
    const { summary, extras, subsets } = closeSummary(SQL, summaryDb, decisions);
    stageDone('summary');
    const extrasWritten: ManifestExtras[] = [
      ...Object.entries(extras).map(([name, database]) => ({
        tables: [...EXTRA_FILES[name as keyof typeof EXTRA_FILES]],
        ...writeGzip(join(dirname(options.out), `${stem}.${name}.sqlite`), database),
      })),
      // After the complete files: a subset holds the same tables, and says whose rows.
      ...subsets.map(({ name, of, database, reports }) => ({
        tables: [...EXTRA_FILES[of]],
        reports,
        ...writeGzip(join(dirname(options.out), `${stem}.${name}.sqlite`), database),
      })),
    ];
    // The core at gzip's best: every visitor's first chart waits for it (a second more of the build).
    const manifest = writeManifest(options.out, writeWithGzip(options.out, summary, 9), extra, parts, extrasWritten);
    stageDone('publish');
    return { manifest, summary: decisions.summary, bytes: summary.length };
  } finally {
    spool.close();
  }
}

/**
 * Writes the parts in a pool of threads (each reads its reports from the spool); the summary takes each one's rows as it is done.
 * `complete` makes a request whole as a thread takes it.
 */
async function writePartsInThreads(requests: PartRequest[], count: number, done: (id: number, written: Written, rows: PartRows) => void, complete: (r: PartRequest) => PartRequest): Promise<void> {
  const workers = Array.from({ length: count }, () => new Worker(new URL('./part-worker.mjs', import.meta.url)));
  // The largest parts first: the last to finish is then a small one.
  const queue = [...requests].sort((a, b) => b.reports.length - a.reports.length);
  let finished = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const give = (worker: Worker) => {
        const next = queue.shift();
        if (next) worker.postMessage(complete(next));
      };
      for (const worker of workers) {
        worker.on('message', (m: PartReply) => {
          try {
            done(m.id, m.written, m.rows);
          } catch (e) {
            return reject(e);
          }
          if (++finished === requests.length) resolve();
          else give(worker);
        });
        worker.on('error', reject);
        give(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
