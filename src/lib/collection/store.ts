/**
 * The reader's collection, kept in the browser until they clear it: the built database, its
 * manifest and the parser's records, in the origin-private file system (OPFS; its asynchronous
 * API needs no special headers, so it works on GitHub Pages). Where OPFS is missing (old
 * browsers, some private windows) the collection lasts until the page is closed, and the view says
 * so.
 */
import type { Manifest } from '../db/client';

const FOLDER = 'gongkai-collection';
const FILES = { database: 'gongkai.sqlite', manifest: 'gongkai.json', records: 'records.json' } as const;

export interface StoredCollection {
  database: Uint8Array;
  manifest: Manifest;
}

async function folder(create: boolean): Promise<FileSystemDirectoryHandle | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return null;
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(FOLDER, { create });
  } catch {
    return null;
  }
}

export const storageAvailable = async () => (await folder(true)) !== null;

async function write(dir: FileSystemDirectoryHandle, name: string, data: Uint8Array | string): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  await writable.write(typeof data === 'string' ? data : new Blob([data as BlobPart]));
  await writable.close();
}

async function read(dir: FileSystemDirectoryHandle, name: string): Promise<File | null> {
  try {
    return await (await dir.getFileHandle(name)).getFile();
  } catch {
    return null;
  }
}

/** Saves the collection; false when the browser offers no storage. */
export async function saveCollection(c: StoredCollection & { records: Uint8Array }): Promise<boolean> {
  const dir = await folder(true);
  if (!dir) return false;
  // The manifest last: a collection without one (a save cut short) is not loaded.
  await write(dir, FILES.database, c.database);
  await write(dir, FILES.records, c.records);
  await write(dir, FILES.manifest, JSON.stringify(c.manifest));
  return true;
}

export async function loadCollection(): Promise<StoredCollection | null> {
  const dir = await folder(false);
  if (!dir) return null;
  const [manifest, database] = await Promise.all([read(dir, FILES.manifest), read(dir, FILES.database)]);
  if (!manifest || !database) return null;
  return { manifest: JSON.parse(await manifest.text()) as Manifest, database: new Uint8Array(await database.arrayBuffer()) };
}

/** The stored collection's manifest alone (what it is, without reading the database). */
export async function storedManifest(): Promise<Manifest | null> {
  const dir = await folder(false);
  const file = dir && (await read(dir, FILES.manifest));
  return file ? (JSON.parse(await file.text()) as Manifest) : null;
}

/** The records (JSON lines) of the stored collection, for downloads. */
export async function storedText(what: 'records'): Promise<string | null> {
  const dir = await folder(false);
  const file = dir && (await read(dir, FILES[what]));
  return file ? file.text() : null;
}

export async function clearCollection(): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return;
  try {
    await (await navigator.storage.getDirectory()).removeEntry(FOLDER, { recursive: true });
  } catch {
    // Nothing stored.
  }
}
