/**
 * Writes a built database where the app finds it: the SQLite file itself (for sqlite3 and other
 * tools), a gzipped copy (what the app downloads: static hosts such as GitHub Pages send a
 * binary file as it is, and report texts shrink about eightfold), and the manifest the app reads
 * first (names, sizes and hash: download progress, and a new build is never a stale cache).
 * A large database is published in parts (issue 16): a summary the page opens first and one
 * detail part per province, each under a static host's file limit.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest, ManifestPart } from '../../src/lib/db/client.ts';
import { splitDatabase } from './split-database.ts';

export type PartsMode = 'auto' | 'never' | 'always';
/** With `auto`, a database larger than this is split: the page would otherwise download it all before drawing. */
export const PARTS_THRESHOLD_BYTES = 20 * 2 ** 20;

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

export async function publishDatabase(
  out: string,
  database: Uint8Array,
  extra: Omit<Manifest, 'database' | 'bytes' | 'sha256' | 'gzip' | 'parts'>,
  partsMode: PartsMode = 'auto',
): Promise<Manifest> {
  mkdirSync(dirname(out), { recursive: true });
  const stem = basename(out).replace(/\.[^./]+$/, '');
  // Parts of an earlier build would be served beside a manifest that no longer lists them.
  for (const f of readdirSync(dirname(out))) if (f.startsWith(`${stem}.part-`)) rmSync(join(dirname(out), f));
  const split = partsMode === 'always' || (partsMode === 'auto' && database.length > PARTS_THRESHOLD_BYTES);
  let parts: ManifestPart[] | undefined;
  if (split) {
    const { summary, parts: pieces } = await splitDatabase(database);
    database = summary;
    parts = pieces.map((p, i) => {
      const file = `${stem}.part-${String(i + 1).padStart(3, '0')}.sqlite`;
      return { file, ...writeWithGzip(join(dirname(out), file), p.database), provinces: p.provinces, reports: p.reports };
    });
  }
  const written = writeWithGzip(out, database);
  const manifest: Manifest = { database: basename(out), ...written, ...extra, ...(parts ? { parts } : {}) };
  writeFileSync(out.replace(/\.[^./]+$/, '') + '.json', JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
