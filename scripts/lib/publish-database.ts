/**
 * Writes a built collection where the app finds it: the SQLite file itself (for sqlite3 and other
 * tools), a gzipped copy (what the app downloads: static hosts such as GitHub Pages send a
 * binary file as it is, and report texts shrink about eightfold), and the manifest the app reads
 * first (names, sizes and hash: download progress, and a new build is never a stale cache).
 * A large collection is published in parts (issue 16): a summary the page opens first and one
 * detail part per province, or per city of a large province, each under a static host's file
 * limit, written one at a time from the build's spool (src/lib/build/assemble.ts writeInParts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import initSqlJs from 'sql.js';
import { estimatedBytes, planParts, writeInParts, writeSingle, type BuildSummary } from '../../src/lib/build/assemble.ts';
import type { Manifest, ManifestPart } from '../../src/lib/db/client.ts';
import { readAndDecide, type BuildOptions } from './build-database.ts';

export type PartsMode = 'auto' | 'never' | 'always';
/**
 * With `auto`, a collection whose one database would pass this (estimated from the reports read,
 * before any is written) is published in parts: the page would otherwise download it all before drawing.
 */
export const PARTS_THRESHOLD_BYTES = 20 * 2 ** 20;
/** A province whose part would pass this (estimated) is split by city: well under a static host's 100 MB per file. */
export const PART_LIMIT_BYTES = 50 * 2 ** 20;

type ManifestExtra = Omit<Manifest, 'database' | 'bytes' | 'sha256' | 'gzip' | 'parts'>;

interface Written {
  bytes: number;
  sha256: string;
  gzip: { file: string; bytes: number };
}

function writeWithGzip(file: string, database: Uint8Array): Written {
  writeFileSync(file, database);
  // Level 6 (zlib's default): level 9 takes twice as long for a file 1 % smaller. Node writes no
  // timestamp into the gzip header, so the same database gives the same bytes.
  const gzipped = gzipSync(database, { level: 6 });
  writeFileSync(`${file}.gz`, gzipped);
  return { bytes: database.length, sha256: createHash('sha256').update(database).digest('hex'), gzip: { file: `${basename(file)}.gz`, bytes: gzipped.length } };
}

/** The output's folder made, and the parts of an earlier build removed (they would be served beside a manifest that no longer lists them). */
function prepare(out: string): string {
  mkdirSync(dirname(out), { recursive: true });
  const stem = basename(out).replace(/\.[^./]+$/, '');
  for (const f of readdirSync(dirname(out))) if (f.startsWith(`${stem}.part-`)) rmSync(join(dirname(out), f));
  return stem;
}

function writeManifest(out: string, written: Written, extra: ManifestExtra, parts?: ManifestPart[]): Manifest {
  const manifest: Manifest = { database: basename(out), ...written, ...extra, ...(parts ? { parts } : {}) };
  writeFileSync(out.replace(/\.[^./]+$/, '') + '.json', JSON.stringify(manifest, null, 2) + '\n');
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
      return { manifest: writeManifest(options.out, writeWithGzip(options.out, database), extra), summary: decisions.summary, bytes: database.length };
    }
    const parts: ManifestPart[] = [];
    const summary = writeInParts(SQL, decisions, spool, planParts(decisions, options.partLimitBytes ?? PART_LIMIT_BYTES), (plan, database) => {
      const file = `${stem}.part-${String(parts.length + 1).padStart(3, '0')}.sqlite`;
      parts.push({ file, ...writeWithGzip(join(dirname(options.out), file), database), provinces: plan.provinces, ...(plan.cities ? { cities: plan.cities } : {}), reports: plan.reports.length });
    });
    return { manifest: writeManifest(options.out, writeWithGzip(options.out, summary), extra, parts), summary: decisions.summary, bytes: summary.length };
  } finally {
    spool.close();
  }
}
