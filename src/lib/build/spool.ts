/**
 * Where the data build keeps what it read until it writes the database (issue 16): the compact
 * index stays in memory (assemble.ts IndexedReport), each file's text and record wait here. One
 * format wherever the spool lives: an entry is a 4-byte little-endian length, then the parsed
 * file as UTF-8 JSON; it is found again by the offset it was written at. Node writes the entries
 * to a temporary file (scripts/lib/file-spool.ts), the browser keeps them in memory (MemorySpool):
 * both give the assembler the same records, read back through JSON.
 */
import type { ParsedFile } from './read-file';

export interface Spool {
  /** The parsed file whose entry was written at `ref`. */
  read(ref: number): ParsedFile;
}

/** Bytes before an entry's JSON: its length. */
export const ENTRY_HEADER_BYTES = 4;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A parsed file as a spool entry (what a reader thread posts back, transferred, with its index). */
export function encodeSpoolEntry(file: ParsedFile): Uint8Array {
  const json = encoder.encode(JSON.stringify(file));
  const entry = new Uint8Array(ENTRY_HEADER_BYTES + json.length);
  new DataView(entry.buffer).setUint32(0, json.length, true);
  entry.set(json, ENTRY_HEADER_BYTES);
  return entry;
}

/** The length of the JSON that follows an entry's header. */
export const entryLength = (header: Uint8Array) => new DataView(header.buffer, header.byteOffset, ENTRY_HEADER_BYTES).getUint32(0, true);

export const decodeSpoolJson = (json: Uint8Array): ParsedFile => JSON.parse(decoder.decode(json)) as ParsedFile;

/** The spool in memory: entries in one list, `ref` their index (the browser's collection build). */
export class MemorySpool implements Spool {
  private readonly entries: Uint8Array[] = [];

  /** Keeps an entry; its reference. */
  write(entry: Uint8Array): number {
    this.entries.push(entry);
    return this.entries.length - 1;
  }

  read(ref: number): ParsedFile {
    return decodeSpoolJson(this.entries[ref].subarray(ENTRY_HEADER_BYTES));
  }
}
