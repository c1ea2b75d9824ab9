/** Messages between the page and the collection's workers (read-worker.ts, build-worker.ts). */
import type { BuildSummary } from '../build/assemble';
import type { FileResult, FileToRead } from '../build/read-file';

/** Where the workers find the data files, as absolute URLs (a worker resolves relative ones against its own script). */
export interface DataUrls {
  divisions: string;
  cMaps: string;
  standardFonts: string;
}

export type ReadRequest = { type: 'read'; id: number; file: FileToRead; bytes: ArrayBuffer | null; urls: DataUrls };
export type ReadReply = { type: 'read-reply'; id: number; result: FileResult };

export type BuildRequest = { type: 'build'; results: FileResult[]; officesCsv?: string };
export type BuildReply = { type: 'build-reply'; ok: true; database: Uint8Array; summary: BuildSummary } | { type: 'build-reply'; ok: false; message: string };
