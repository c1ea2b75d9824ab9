/**
 * One of the data build's reader threads: a file's bytes → its record or why it failed
 * (src/lib/build/read-file.ts), posted back to the build as its index and its spool entry (made
 * here, in parallel: the main thread only appends it to the spool). Each thread loads the national
 * code list and pdf.js's data once. Once every file is read, the same threads count the cells of
 * the copies that disagree (CountRequest), reading the spool, while the build decides the rest.
 */
import { parentPort } from 'node:worker_threads';
import { differingCellsOf, indexResult, type IndexedResult } from '../../src/lib/build/assemble.ts';
import { readReportFile, type FileToRead } from '../../src/lib/build/read-file.ts';
import type { ReadLimits } from '../../src/lib/formats/index.ts';
import { loadDivisions } from './divisions.ts';
import { FileSpool } from './file-spool.ts';
import { nodeSha256 } from './node-hash.ts';
import { configurePdfForNode } from './pdf-node.ts';

export interface ThreadRequest {
  id: number;
  file: FileToRead;
  bytes: Uint8Array | null;
  limits: ReadLimits;
  /** Place reports with the national code list (as the caller's build does). */
  divisions: boolean;
}

export interface ThreadReply {
  id: number;
  result: IndexedResult;
  entry: Uint8Array | null;
}

/** Pairs of spool entries whose records' cells are compared (assemble.ts differingCellsOf), once the files are read. */
export interface CountRequest {
  spool: string;
  pairs: [number, number][];
}

export interface CountReply {
  counts: number[];
}

configurePdfForNode();
parentPort!.on('message', async (m: ThreadRequest | CountRequest) => {
  if ('pairs' in m) {
    const spool = FileSpool.reader(m.spool);
    try {
      parentPort!.postMessage({ counts: m.pairs.map(([a, b]) => differingCellsOf(spool.read(a).record, spool.read(b).record)) } satisfies CountReply);
    } finally {
      spool.close();
    }
    return;
  }
  const result = await readReportFile(m.file, () => m.bytes ?? new Uint8Array(0), { divisions: m.divisions ? loadDivisions() : undefined, limits: m.limits, sha256: nodeSha256 });
  const { result: indexed, entry } = indexResult(result);
  parentPort!.postMessage({ id: m.id, result: indexed, entry } satisfies ThreadReply, entry ? [entry.buffer as ArrayBuffer] : []);
});
