/**
 * The parse CLI.
 *   npm run --silent parse -- FILE            the record as JSON on stdout
 *   npm run --silent parse -- --jsonl FILE... one JSON line per file
 * FILE: a report as text (.txt, .md), web page (.html, .htm), Word file (.docx) or PDF (.pdf).
 * A file that cannot be read or is no report: one line on stderr naming it and why, exit code 1
 * (with --jsonl the other files are still printed). A file past one of the readers' limits is
 * refused (`too-large`); --max-file-mb N and the other flags of the data build raise them.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseReport, ReportParseError, type ReportRecord } from '../src/lib/report/index.ts';
import { checkInputSize, extractText, FileFormatError, readLimits, type ReadLimits } from '../src/lib/formats/index.ts';
import { loadDivisions } from './lib/divisions.ts';
import { isLimitFlag, LIMIT_USAGE, setLimit } from './lib/limit-flags.ts';
import { configurePdfForNode } from './lib/pdf-node.ts';

async function readReport(file: string, limits: ReadLimits): Promise<ReportRecord> {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats?.isDirectory()) throw new Error('is a folder, not a file');
  // Refused by its size before it is read into memory.
  if (stats) {
    try {
      checkInputSize(stats.size, limits);
    } catch (e) {
      throw new FileFormatError('too-large', `${file}: ${(e as Error).message}`, 'maxInputBytes');
    }
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? 'no such file' : `cannot read: ${err.message}`);
  }
  const { text, warnings } = await extractText(file, bytes, limits);
  const record = parseReport(text, { fileName: file, divisions: loadDivisions() });
  record.warnings.unshift(...warnings);
  return record;
}

async function main(argv: string[]): Promise<number> {
  let jsonl = false;
  const files: string[] = [];
  const overrides: Partial<ReadLimits> = {};
  try {
    for (let i = 0; i < argv.length; i++) {
      if (argv[i] === '--jsonl') jsonl = true;
      else if (isLimitFlag(argv[i])) setLimit(overrides, argv[i], argv[++i]);
      else files.push(argv[i]);
    }
  } catch (e) {
    process.stderr.write(`parse: ${(e as Error).message}\n`);
    files.length = 0;
  }
  if (files.length === 0 || (!jsonl && files.length > 1) || files.some((f) => f.startsWith('--'))) {
    process.stderr.write(`usage: npm run --silent parse -- [options] FILE  |  npm run --silent parse -- [options] --jsonl FILE...\noptions: ${LIMIT_USAGE}\n`);
    return 2;
  }
  const limits = readLimits(overrides);
  configurePdfForNode();
  let failed = 0;
  for (const file of files) {
    try {
      const record = await readReport(file, limits);
      process.stdout.write(jsonl ? JSON.stringify(record) + '\n' : JSON.stringify(record, null, 2) + '\n');
    } catch (e) {
      failed++;
      // The parser's and the format readers' messages already name the file; others get it here.
      const message = e instanceof ReportParseError || e instanceof FileFormatError ? e.message : `${file}: ${(e as Error).message}`;
      process.stderr.write(message.replace(/\s*\n\s*/g, ' ') + '\n');
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
