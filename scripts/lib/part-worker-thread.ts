/**
 * A thread of the data build that writes detail parts (src/lib/build/assemble.ts writePart): it
 * reads its reports back from the build's spool, writes the part gzipped (only), and answers
 * with what the manifest and the summary need. Two such threads write two parts at once.
 */
import { parentPort } from 'node:worker_threads';
import initSqlJs from 'sql.js';
import { writePart, type PartExtraRows, type PartRows, type ReportToWrite } from '../../src/lib/build/assemble.ts';
import { FileSpool } from './file-spool.ts';
import { writeGzip, type Written } from './write-gzip.ts';

export interface PartRequest {
  id: number;
  spool: string;
  /** Where the part would be written: it is written gzipped, at this name + .gz. */
  file: string;
  reports: ReportToWrite[];
  /** The extras it carries besides those it computes (its reports' copied texts, its offices' spellings). */
  extras?: PartExtraRows;
}

export interface PartReply {
  id: number;
  written: Written;
  rows: PartRows;
}

const SQL = initSqlJs();
let spool: FileSpool | null = null;
parentPort!.on('message', async (m: PartRequest) => {
  if (spool?.path !== m.spool) {
    spool?.close();
    spool = FileSpool.reader(m.spool);
  }
  const { database, rows } = writePart(await SQL, m.reports, spool, m.extras);
  parentPort!.postMessage({ id: m.id, written: writeGzip(m.file, database), rows } satisfies PartReply);
});
