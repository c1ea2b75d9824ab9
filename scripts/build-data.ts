/**
 * npm run build:data [-- --reports DIR] [--out FILE] [--offices FILE|none] [--max-file-mb N] …
 *
 * Parses every report under DIR (default public/data/reports, recursively, through symbolic
 * links; broken links and loops are listed as failed) into one SQLite file
 * (default public/data/gongkai.sqlite), its gzipped copy (gongkai.sqlite.gz, what the app
 * downloads) and a small manifest (gongkai.json: names, sizes and hash, which the app reads first
 * to show download progress and to bust caches). Prints a progress line per hundred files and a summary. docs/database.md: the schema.
 * A file past one of the readers' limits (src/lib/formats/limits.ts) fails with code `too-large`;
 * --max-file-mb, --max-uncompressed-mb, --max-tags, --max-pdf-pages and --max-text-chars raise them.
 */
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { SCHEMA_VERSION } from '../src/lib/db/schema.ts';
import { compactDivisionList, PARSER_VERSION } from '../src/lib/report/index.ts';
import type { ReadLimits } from '../src/lib/formats/index.ts';
import { buildDatabase } from './lib/build-database.ts';
import { loadDivisionList, loadDivisions } from './lib/divisions.ts';
import { isLimitFlag, LIMIT_USAGE, setLimit } from './lib/limit-flags.ts';
import { listInputFiles } from './lib/list-files.ts';
import { publishDatabase } from './lib/publish-database.ts';

const root = resolve(import.meta.dirname, '..');

interface Args {
  reports: string;
  out: string;
  offices: string | null;
  limits: Partial<ReadLimits>;
}

const USAGE = `usage: npm run build:data -- [--reports DIR] [--out FILE] [--offices FILE|none] ${LIMIT_USAGE}`;

function parseArgs(argv: string[]): Args {
  const args: Args = { reports: join(root, 'public/data/reports'), out: join(root, 'public/data/gongkai.sqlite'), offices: join(root, 'public/data/offices.csv'), limits: {} };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (!(['--reports', '--out', '--offices'].includes(argv[i]) || isLimitFlag(argv[i])) || value === undefined) {
      throw new Error(`unknown or incomplete option "${argv[i]}"\n${USAGE}`);
    }
    if (isLimitFlag(argv[i])) {
      try {
        setLimit(args.limits, argv[i], value);
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${USAGE}`);
      }
    }
    if (argv[i] === '--reports') args.reports = resolve(value);
    if (argv[i] === '--out') args.out = resolve(value);
    if (argv[i] === '--offices') args.offices = value === 'none' ? null : resolve(value);
    i++;
  }
  return args;
}

async function main(): Promise<number> {
  const started = performance.now();
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.reports) || !statSync(args.reports).isDirectory()) {
    console.error(`build:data: the reports folder ${args.reports} does not exist; nothing to build`);
    return 1;
  }
  // Every entry, with its size (a file past --max-file-mb is refused unread) or why it cannot be read.
  const files = listInputFiles(args.reports);
  if (files.length === 0) {
    console.error(`build:data: the reports folder ${args.reports} is empty; nothing to build`);
    return 1;
  }
  const officesCsv = args.offices && existsSync(args.offices) ? readFileSync(args.offices, 'utf8') : undefined;
  console.log(`build:data: ${files.length} files in ${relative(process.cwd(), args.reports) || '.'}${officesCsv !== undefined ? `, corrections from ${relative(process.cwd(), args.offices!)}` : ''}`);

  const { database, summary } = await buildDatabase({
    files,
    officesCsv,
    divisions: loadDivisions(),
    limits: args.limits,
    onProgress: (done, total) => console.log(`  ${done}/${total} files read (${((performance.now() - started) / 1000).toFixed(1)} s)`),
  });
  for (const line of [...summary.problems, ...summary.failures]) console.error(`  ✗ ${line}`);

  publishDatabase(args.out, database, { schemaVersion: SCHEMA_VERSION, parserVersion: PARSER_VERSION, reports: summary.parsed - summary.duplicates });
  // The code list for the browser's "check a report" view, so a report read there is placed too,
  // and pdf.js's character maps, which Chinese PDFs without embedded fonts need (fetched on demand).
  writeFileSync(join(dirname(args.out), 'divisions.json'), JSON.stringify(compactDivisionList(loadDivisionList())));
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  cpSync(join(pdfjs, 'cmaps'), join(root, 'public/pdfjs/cmaps'), { recursive: true });
  cpSync(join(pdfjs, 'standard_fonts'), join(root, 'public/pdfjs/standard_fonts'), { recursive: true });

  const seconds = (performance.now() - started) / 1000;
  console.log(
    `build:data: ${summary.filesSeen} files seen, ${summary.parsed} parsed (${summary.withWarnings} with warnings), ${summary.failed} failed, ` +
      `${summary.duplicates} duplicates, ${summary.checksFailed} reports failing a check, ${summary.offices} offices; ` +
      `${(database.length / 1024).toFixed(0)} KB written to ${relative(process.cwd(), args.out)} in ${seconds.toFixed(1)} s`,
  );
  if (summary.parsed === 0) {
    console.error('build:data: no file could be read as a report; the database lists the failures only');
    return 1;
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: Error) => {
    console.error(`build:data: ${e.message}`);
    process.exitCode = 1;
  },
);
