/** A database file written with its gzipped copy (what the app downloads), and what the manifest says of it. */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { nodeSha256 } from './node-hash.ts';

export interface Written {
  bytes: number;
  sha256: string;
  gzip: { file: string; bytes: number };
}

export function writeWithGzip(file: string, database: Uint8Array, level?: number): Written {
  writeFileSync(file, database);
  return writeGzip(file, database, level);
}

/**
 * Only the gzipped copy, at `file`.gz: a collection's detail parts, which the page alone reads
 * (sqlite3 users query a collection built as one file). The size and hash are the database's.
 */
export function writeGzip(file: string, database: Uint8Array, level = 6): Written {
  // Level 6 (zlib's default): level 9 takes twice as long for a file 1 % smaller (3 % for the
  // core of a collection in parts, which every visitor waits for: that one is written at 9). Node
  // writes no timestamp into the gzip header, so the same database gives the same bytes.
  const gzipped = gzipSync(database, { level });
  writeFileSync(`${file}.gz`, gzipped);
  return { bytes: database.length, sha256: nodeSha256(database), gzip: { file: `${basename(file)}.gz`, bytes: gzipped.length } };
}
