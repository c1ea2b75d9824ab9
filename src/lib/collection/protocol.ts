/** Messages between the page and the collection's workers (read-worker.ts, build-worker.ts). */
import type { BuildSummary, CrossYearRow } from '../build/assemble';
import type { FileResult, FileToRead, ParsedFile } from '../build/read-file';

/** Where the workers find the data files, as absolute URLs (a worker resolves relative ones against its own script). */
export interface DataUrls {
  divisions: string;
  cMaps: string;
  standardFonts: string;
}

/**
 * The page gives each reader a port to the builder: records (texts and all) go reader → builder
 * directly, and the page only hears that a file is done. Its thread never copies a record.
 */
export type ReadRequest = { type: 'port'; port: MessagePort } | { type: 'read'; id: number; file: FileToRead; bytes: ArrayBuffer | null; urls: DataUrls };
export type ReadReply = { type: 'read-reply'; id: number; ok: boolean };

export type BuildRequest =
  /** A port from a reader: its results arrive there. */
  | { type: 'port'; port: MessagePort }
  /** Build once `expected` results have arrived. */
  | { type: 'build'; expected: number; officesCsv?: string }
  /** The check view: a report read in the page against its office's years, by the database's own SQL. */
  | { type: 'cross-year'; database: Uint8Array; file: ParsedFile; officeId: string };
export type CrossYearReply = { type: 'cross-year-reply'; ok: true; rows: CrossYearRow[] } | { type: 'cross-year-reply'; ok: false; message: string };
/** `records`: the parser's records as JSON lines (UTF-8), made here, not on the page's thread. */
export type BuildReply = { type: 'build-reply'; ok: true; database: Uint8Array; summary: BuildSummary; records: Uint8Array } | { type: 'build-reply'; ok: false; message: string };
