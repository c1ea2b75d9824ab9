/** A database file fetched by a worker (the app's, the SQL box's): pure fetch and streams, no DOM. */

import { bufferWithRoom, release } from './in-place';

/**
 * Download with progress, unzipping on the way when the file is the gzipped copy (`gzipBytes` set:
 * the download's size, `bytes` the database's). Progress counts the bytes that arrive (`total` from
 * the manifest: hosts may compress on the fly, so no header is to be trusted); the database is
 * written into one buffer of its known size, with `room` bytes more for it to grow in (in-place.ts openInPlace).
 */
export async function download(
  { url, bytes: expected, gzipBytes }: { url: string; bytes: number; gzipBytes?: number },
  { progress = () => {}, room = 0 }: { progress?: (loaded: number, total: number) => void; room?: number } = {},
): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${url}`);
  if (!response.body) throw new Error(`no response body for ${url}`);
  const total = gzipBytes ?? expected;
  let received = 0;
  let reported = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        received += chunk.length;
        // At most about a hundred progress messages: each one redraws the page's progress bar.
        if (received - reported >= total / 100) {
          progress(received, Math.max(total, received));
          reported = received;
        }
        out.enqueue(chunk);
      },
    }),
  );
  // A server that sends the .gz with Content-Encoding: gzip has had the browser unzip it already.
  const unzip = gzipBytes !== undefined && !/gzip/i.test(response.headers.get('Content-Encoding') ?? '');
  const reader = (unzip ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted).getReader();
  let bytes = bufferWithRoom(expected, room);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.length > bytes.length) {
      const larger = new Uint8Array(Math.max(bytes.length * 2, at + value.length));
      larger.set(bytes.subarray(0, at));
      release(bytes);
      bytes = larger;
    }
    bytes.set(value, at);
    at += value.length;
    // Copied: the chunk's memory back now (in-place.ts release).
    release(value);
  }
  progress(received, Math.max(total, received));
  // The rest of the buffer stays behind the bytes: the database's room.
  return bytes.subarray(0, at);
}
