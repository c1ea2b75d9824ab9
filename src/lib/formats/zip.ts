/**
 * The few parts of a zip archive a reader needs, inflated under a hard cap. The sizes a zip
 * declares are not trusted (a bomb declares 1 KB and inflates to gigabytes): the output is
 * counted as fflate's streaming Inflate produces it, a small input slice at a time, and the read
 * stops as soon as the count passes the cap. Entries are found through the central directory,
 * as Word and fflate's unzipSync find them.
 */
import { Inflate } from 'fflate';
import { FileFormatError } from './errors';
import { formatAmount, tooLarge, type ReadLimits } from './limits';

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x100000000;

/** Compressed input per push: deflate expands at most ~1032×, so one push yields at most ~16 MB. */
const STEP = 16 * 1024;

const corrupt = (why: string) => new FileFormatError('corrupt', `the Word file cannot be opened as a zip archive (${why})`);

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

function centralDirectory(bytes: Uint8Array): Entry[] {
  let end = bytes.length - 22;
  while (end >= 0 && u32(bytes, end) !== 0x06054b50) {
    if (bytes.length - end > 22 + 0xffff) end = -1;
    else end--;
  }
  if (end < 0) throw corrupt('no end of central directory');
  let count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  // ZIP64: the counts and offsets in the ZIP64 end record the locator points to.
  if ((count === 0xffff || at === 0xffffffff) && end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const record = u64(bytes, end - 12);
    if (u32(bytes, record) === 0x06064b50) {
      count = u64(bytes, record + 32);
      at = u64(bytes, record + 48);
    }
  }
  const entries: Entry[] = [];
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw corrupt('a damaged central directory');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    let compressedSize = u32(bytes, at + 20);
    let localOffset = u32(bytes, at + 42);
    const extra = at + 46 + nameLength;
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extra field (id 1): the 8-byte values of the fields set to 0xffffffff, in order.
      for (let e = extra; e + 4 <= extra + extraLength; e += 4 + u16(bytes, e + 2)) {
        if (u16(bytes, e) !== 1) continue;
        let f = e + 4;
        if (u32(bytes, at + 24) === 0xffffffff) f += 8;
        if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, f)), (f += 8);
        if (localOffset === 0xffffffff) localOffset = u64(bytes, f);
        break;
      }
    }
    entries.push({ name: names.decode(bytes.subarray(at + 46, extra)), method: u16(bytes, at + 10), flags: u16(bytes, at + 8), compressedSize, localOffset });
    at = extra + extraLength + u16(bytes, at + 32);
  }
  return entries;
}

/** Inflates raw deflate `data`, throwing too-large as soon as the output passes `budget` bytes. */
function inflateCapped(data: Uint8Array, budget: number, onTooLarge: () => FileFormatError): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > budget) throw onTooLarge();
    chunks.push(chunk);
  });
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let at = 0; at < data.length; at += STEP) inflate.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (e) {
    if (e instanceof FileFormatError) throw e;
    throw corrupt((e as Error).message);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.length);
  return out;
}

/**
 * What raw deflate `data` inflates to, counted and dropped, stopping once past `budget` (the
 * count returned is then over it). Data that is no valid deflate counts what came out before
 * the error: the reader that needs it will find the damage itself.
 */
export function inflatedSize(data: Uint8Array, budget: number): number {
  let size = 0;
  const stop = new Error('over budget');
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > budget) throw stop;
  });
  try {
    for (let at = 0; at < data.length; at += STEP) inflate.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch {
    // over budget, or not deflate data: the count so far is the answer
  }
  return size;
}

/**
 * The entries whose names `wanted` accepts → their bytes. Together they may inflate to at most
 * `limits.maxUncompressedBytes`; past that, FileFormatError `too-large` naming the part.
 */
export function readZipParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits: ReadLimits): Record<string, Uint8Array> {
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  for (const entry of centralDirectory(bytes)) {
    if (!wanted(entry.name)) continue;
    if (entry.flags & 1) throw new FileFormatError('unsupported', `the Word file is encrypted (${entry.name})`);
    const local = entry.localOffset;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw corrupt(`no local header for ${entry.name}`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
    const budget = limits.maxUncompressedBytes - total;
    const over = () => tooLarge('maxUncompressedBytes', `${entry.name} inflates to more than ${formatAmount('maxUncompressedBytes', budget)}${total ? ` (after ${formatAmount('maxUncompressedBytes', total)} in other parts)` : ''}`, limits);
    let part: Uint8Array;
    if (entry.method === 0) {
      if (data.length > budget) throw over();
      part = data.slice();
    } else if (entry.method === 8) part = inflateCapped(data, budget, over);
    else throw corrupt(`${entry.name} is compressed with method ${entry.method}`);
    total += part.length;
    parts[entry.name] = part;
  }
  return parts;
}
