/**
 * Database bytes opened in sql.js without a copy, and with room to grow. sql.js writes the bytes
 * into a file of its in-memory file system, which copies them; and each time SQLite writes past
 * the file's end, that file system copies the whole file into one 1.125 times larger. Merging the
 * quality view's 31 MB of findings into a 26 MB database so made some 300 MB of copies at 100,000
 * reports, each garbage only once the worker next collected it: the page's memory counted them
 * (issue 16). Here the file is the bytes' own buffer, and the rest of that buffer is its room
 * (download.ts makes it): the OS gives memory to a page of it only when SQLite first writes there,
 * so the room costs nothing until merged rows fill it, and past it the file grows as before.
 * Pure: runs in the workers and in Node.
 */
import type { Database, SqlJsStatic } from 'sql.js';

/**
 * Opens `bytes` as a database whose file is their buffer from `bytes.byteOffset` on: used as far
 * as `bytes` go, the rest room. The caller gives the buffer up. (It relies on how sql.js's file
 * system takes a first write: it keeps `data.slice(0, length)`; were that to change, the bytes
 * would be copied as before, and nothing else.)
 */
export function openInPlace(SQL: SqlJsStatic, bytes: Uint8Array): Database {
  const whole = new Uint8Array(bytes.buffer, bytes.byteOffset);
  Object.defineProperty(bytes, 'slice', { value: () => whole, configurable: true });
  try {
    return new SQL.Database(bytes);
  } finally {
    delete (bytes as { slice?: unknown }).slice;
  }
}

/** A buffer of `size` bytes and as much of `room` more as the device gives (a 32-bit browser has little address space to reserve). */
export function bufferWithRoom(size: number, room: number): Uint8Array {
  for (;;) {
    try {
      return new Uint8Array(size + room);
    } catch (e) {
      if (room === 0) throw e;
      room = room > 2 ** 20 ? Math.floor(room / 2) : 0;
    }
  }
}

/**
 * The room a collection in parts may fill: every part and extras file merged, at most 256 MiB of
 * address space (none of it memory until written; a visit to every view merges some 30 MB at
 * 100,000 reports, and a 32-bit browser has little address space to spare). Past it, the file grows as before.
 */
export const roomFor = (sources: readonly { bytes: number }[]) => Math.min(2 ** 28, sources.reduce((n, s) => n + s.bytes, 0));

/**
 * Gives the memory of bytes read and done with back now, not at the worker's next garbage
 * collection: a worker that makes few objects collects seldom, and V8 lets up to 64 MB of buffers
 * wait for it (a download's unzipped chunks, a merged part's file), all of it counted in the page's
 * memory meanwhile. Detaches their buffer (ArrayBuffer.prototype.transfer, where the browser has
 * it), only when they are its one view from start to end: a buffer shared with other bytes is left.
 */
export function release(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
  if (bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength && typeof buffer.transfer === 'function') buffer.transfer(0);
}
