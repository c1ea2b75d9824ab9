/**
 * The data build's spool in Node (src/lib/build/spool.ts): entries appended to a temporary file as
 * the reader threads hand them over, read back by offset when the rows are written, and the file
 * removed when the build is done. Memory holds none of them.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeSpoolJson, ENTRY_HEADER_BYTES, entryLength, type Spool } from '../../src/lib/build/spool.ts';
import type { ParsedFile } from '../../src/lib/build/read-file.ts';

export class FileSpool implements Spool {
  /** The spool's file: another thread reads it with FileSpool.reader(path). */
  readonly path: string;
  private readonly dir: string | null;
  private readonly fd: number;
  private end = 0;
  private readonly header = new Uint8Array(ENTRY_HEADER_BYTES);

  constructor(existing?: string) {
    this.dir = existing ? null : mkdtempSync(join(tmpdir(), 'gongkai-spool-'));
    this.path = existing ?? join(this.dir!, 'spool');
    this.fd = openSync(this.path, existing ? 'r' : 'w+');
  }

  /** The spool another FileSpool writes, opened to read (a thread writing detail parts). */
  static reader(path: string): FileSpool {
    return new FileSpool(path);
  }

  /** Appends an entry; its offset. */
  write(entry: Uint8Array): number {
    const at = this.end;
    for (let done = 0; done < entry.length; ) done += writeSync(this.fd, entry, done, entry.length - done, at + done);
    this.end += entry.length;
    return at;
  }

  read(ref: number): ParsedFile {
    this.readAt(this.header, ref);
    const json = new Uint8Array(entryLength(this.header));
    this.readAt(json, ref + ENTRY_HEADER_BYTES);
    return decodeSpoolJson(json);
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.end;
  }

  /** Closes the file; the spool that made it also removes it. */
  close(): void {
    closeSync(this.fd);
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  private readAt(into: Uint8Array, position: number): void {
    for (let done = 0; done < into.length; ) {
      const n = readSync(this.fd, into, done, into.length - done, position + done);
      if (n === 0) throw new Error(`the build's spool ends before the entry at ${position}`);
      done += n;
    }
  }
}
