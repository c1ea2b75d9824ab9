/**
 * The data build in Node: every file read in turn (src/lib/build/read-file.ts), then one SQLite
 * database assembled (src/lib/build/assemble.ts) — the same two steps the browser runs for a
 * collection dropped into the page, so both give the same bytes for the same files.
 */
import initSqlJs from 'sql.js';
import { readLimits, type ReadLimits } from '../../src/lib/formats/index.ts';
import type { DivisionIndex } from '../../src/lib/report/index.ts';
import { assembleDatabase, type BuildSummary } from '../../src/lib/build/assemble.ts';
import { readReportFile, type FileResult } from '../../src/lib/build/read-file.ts';
import { configurePdfForNode } from './pdf-node.ts';

export { chooseReport, siteColumn, type BuildSummary, type ConflictRule } from '../../src/lib/build/assemble.ts';

export interface InputFile {
  /** Path relative to the reports folder, with "/" separators: the file's name in the database. */
  path: string;
  read: () => Uint8Array;
  /** The size in bytes, when known before reading: a file past maxInputBytes is then refused unread. */
  size?: number;
  /** An entry that cannot be read at all (a broken link, a loop of links): recorded as failed with this code and message. */
  problem?: { code: string; message: string };
}

export interface BuildOptions {
  files: InputFile[];
  /** The text of offices.csv, if any. */
  officesCsv?: string;
  divisions?: DivisionIndex;
  /** Called after every `progressEvery` files. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** Over the readers' defaults (DEFAULT_READ_LIMITS): a file past one is failed with code `too-large`. */
  limits?: Partial<ReadLimits>;
}

export async function buildDatabase(options: BuildOptions): Promise<{ database: Uint8Array; summary: BuildSummary }> {
  const files = [...options.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const every = options.progressEvery ?? 100;
  const limits = readLimits(options.limits);
  configurePdfForNode();
  // One file at a time: PDFs are read asynchronously, and memory stays flat for big collections.
  const results: FileResult[] = [];
  for (const [i, file] of files.entries()) {
    results.push(await readReportFile(file, file.read, { divisions: options.divisions, limits }));
    if ((i + 1) % every === 0) options.onProgress?.(i + 1, files.length);
  }
  return assembleDatabase(await initSqlJs(), results, { officesCsv: options.officesCsv, limits });
}
