/**
 * Where a build's reports come from: a folder, or the URL of a .zip / .tar.gz of reports that is
 * downloaded at build time (the Pages workflow passes its repository variable GONGKAI_REPORTS
 * here). An archive is unpacked into a fresh temporary folder and built like any folder.
 *
 * Archives come from elsewhere, so unpacking is defensive: entries that would land outside the
 * folder (absolute paths, "..") are skipped and named, links are not created, and the download
 * and the unpacked bytes are capped (a zip or gzip bomb stops with a clear message).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Unzip, UnzipInflate } from 'fflate';
import * as tar from 'tar';
import { safeEntryPath } from '../../src/lib/build/paths.ts';

export interface CollectionLimits {
  /** The largest archive downloaded. */
  maxArchiveBytes: number;
  /** The most bytes unpacked from it, all entries together. */
  maxUnpackedBytes: number;
}

export const DEFAULT_COLLECTION_LIMITS: CollectionLimits = { maxArchiveBytes: 1 << 30, maxUnpackedBytes: 4 * (1 << 30) };

export interface Collection {
  /** The folder to build from. */
  dir: string;
  /** What was read, for the build's log and the site's manifest ("a folder", "https://…/reports.zip"). */
  source: string;
  /** Archive entries not unpacked, each "name: reason". */
  skipped: string[];
}

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

export { safeEntryPath };

async function download(url: string, limits: CollectionLimits): Promise<Uint8Array> {
  const response = await fetch(url, { redirect: 'follow' });
  if (!response.ok || !response.body) throw new Error(`could not download ${url}: HTTP ${response.status} ${response.statusText}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > limits.maxArchiveBytes) throw new Error(`${url} is larger than ${limits.maxArchiveBytes} bytes (--max-archive-mb to raise the limit)`);
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) bytes.set(c, at), (at += c.length);
  return bytes;
}

/** Unzips into `dir`, never more than the limit in all, however the entries declare their sizes. */
function unzipInto(bytes: Uint8Array, dir: string, limits: CollectionLimits, skipped: string[]): void {
  let unpacked = 0;
  const pending: { path: string; chunks: Uint8Array[] }[] = [];
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const path = safeEntryPath(file.name);
    if (file.name.endsWith('/')) return; // a folder entry: folders are made for their files
    if (!path) {
      skipped.push(`${file.name}: outside the archive's folder; not unpacked`);
      return;
    }
    const entry = { path, chunks: [] as Uint8Array[] };
    pending.push(entry);
    file.ondata = (err, data, final) => {
      if (err) failure ??= new Error(`${file.name}: ${err.message}`);
      if (failure) return;
      unpacked += data.length;
      if (unpacked > limits.maxUnpackedBytes) {
        failure = new Error(`the archive unpacks to more than ${limits.maxUnpackedBytes} bytes (--max-unpacked-mb to raise the limit)`);
        file.terminate();
        return;
      }
      entry.chunks.push(data);
      if (final) {
        mkdirSync(dirname(join(dir, entry.path)), { recursive: true });
        writeFileSync(join(dir, entry.path), Buffer.concat(entry.chunks));
        entry.chunks = [];
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Fed in slices, so a bomb is stopped after at most one slice's worth of output beyond the cap.
  const SLICE = 1 << 16;
  for (let at = 0; at < bytes.length && !failure; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  if (failure) throw failure;
}

/** Unpacks a .tar.gz (or .tar) into `dir`: files only (no links, devices or absolute paths). */
async function untarInto(bytes: Uint8Array, dir: string, limits: CollectionLimits, skipped: string[]): Promise<void> {
  let unpacked = 0;
  let failure: Error | null = null;
  const extract = tar.x({
    cwd: dir,
    strict: true,
    filter: (path, entry) => {
      const type = 'type' in entry ? entry.type : 'File';
      if (type === 'Directory') return true;
      if (type !== 'File' && type !== 'OldFile' && type !== 'ContiguousFile') {
        skipped.push(`${path}: a ${type} entry, not a file; not unpacked`);
        return false;
      }
      if (!safeEntryPath(path)) {
        skipped.push(`${path}: outside the archive's folder; not unpacked`);
        return false;
      }
      unpacked += entry.size ?? 0;
      if (unpacked > limits.maxUnpackedBytes) {
        failure ??= new Error(`the archive unpacks to more than ${limits.maxUnpackedBytes} bytes (--max-unpacked-mb to raise the limit)`);
        return false;
      }
      return true;
    },
  });
  await pipeline(Readable.from([Buffer.from(bytes)]), extract as unknown as NodeJS.WritableStream);
  if (failure) throw failure;
}

/**
 * A folder as it is; a URL downloaded and unpacked into a temporary folder. The archive's kind is
 * told by its first bytes (a zip's "PK", gzip's 1f 8b), not its name: download links often have
 * none.
 */
export async function openCollection(source: string, limits: CollectionLimits = DEFAULT_COLLECTION_LIMITS): Promise<Collection> {
  if (!isUrl(source)) return { dir: source, source, skipped: [] };
  const bytes = await download(source, limits);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-collection-'));
  const skipped: string[] = [];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) unzipInto(bytes, dir, limits, skipped);
  else if ((bytes[0] === 0x1f && bytes[1] === 0x8b) || new TextDecoder('latin1').decode(bytes.subarray(257, 262)) === 'ustar') await untarInto(bytes, dir, limits, skipped);
  else throw new Error(`${source} is neither a .zip nor a .tar.gz archive`);
  return { dir, source, skipped };
}
