/**
 * Writes a built database where the app finds it: the SQLite file itself (for sqlite3 and other
 * tools), a gzipped copy (what the app downloads: static hosts such as GitHub Pages send a
 * binary file as it is, and report texts shrink about eightfold), and the manifest the app reads
 * first (names, sizes and hash: download progress, and a new build is never a stale cache).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Manifest } from '../../src/lib/db/client.ts';

export function publishDatabase(out: string, database: Uint8Array, extra: Omit<Manifest, 'database' | 'bytes' | 'sha256' | 'gzip'>): Manifest {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, database);
  // Level 6 (zlib's default): level 9 takes twice as long for a file 1 % smaller. Node writes no
  // timestamp into the gzip header, so the same database gives the same bytes.
  const gzipped = gzipSync(database, { level: 6 });
  writeFileSync(`${out}.gz`, gzipped);
  const manifest: Manifest = {
    database: basename(out),
    bytes: database.length,
    sha256: createHash('sha256').update(database).digest('hex'),
    gzip: { file: `${basename(out)}.gz`, bytes: gzipped.length },
    ...extra,
  };
  writeFileSync(out.replace(/\.[^./]+$/, '') + '.json', JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
