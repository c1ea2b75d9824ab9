/**
 * npm run build:data [-- --reports DIR|URL] [--out FILE] [--offices FILE|none] [--max-file-mb N] …
 *
 * DIR is a folder of reports; URL (http/https) a .zip or .tar.gz of them, downloaded and unpacked
 * into a temporary folder first (the Pages workflow's GONGKAI_REPORTS variable).
 * Parses every report under DIR (default public/data/reports, recursively, through symbolic
 * links; broken links and loops are listed as failed) into one SQLite file
 * (default public/data/gongkai.sqlite), its gzipped copy (gongkai.sqlite.gz, what the app
 * downloads) and a small manifest (gongkai.json: names, sizes and hash, which the app reads first
 * to show download progress and to bust caches). Prints a progress line per hundred files and a summary. docs/database.md: the schema.
 * A file past one of the readers' limits (src/lib/formats/limits.ts) fails with code `too-large`;
 * --max-file-mb, --max-uncompressed-mb, --max-tags, --max-pdf-pages and --max-text-chars raise them.
 * --parts auto (default) publishes a collection whose database would pass 20 MB as a summary and one
 * part per province, or per city of a province past 32 MB (gongkai.part-NNN.sqlite), the summary's
 * extras beside it (gongkai.findings, .sources, .aliases, .quality and .files.sqlite.gz, and subsets of them: what the first chart does not wait for;
 * gongkai.findings-first.sqlite.gz, the findings of the reports ranked first, for the quality view's list), listed in
 * the manifest; never keeps one file, always splits. The files wait in a spool on disk while they
 * are read (src/lib/build/assemble.ts), so memory holds an index of them and one database at a time.
 */
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { SCHEMA_VERSION } from '../src/lib/db/schema.ts';
import { compactDivisionList, PARSER_VERSION } from '../src/lib/report/index.ts';
import type { ReadLimits } from '../src/lib/formats/index.ts';
import { loadDivisionList, loadDivisions } from './lib/divisions.ts';
import { extrasByName, extrasLabel } from './lib/extras-by-name.ts';
import { isLimitFlag, LIMIT_USAGE, setLimit } from './lib/limit-flags.ts';
import { listInputFiles } from './lib/list-files.ts';
import { buildAndPublish, type PartsMode } from './lib/publish-database.ts';
import { DEFAULT_COLLECTION_LIMITS, isUrl, openCollection } from './lib/collection-source.ts';

const root = resolve(import.meta.dirname, '..');

interface Args {
  reports: string;
  out: string;
  offices: string | null;
  limits: Partial<ReadLimits>;
  parts: PartsMode;
}

const USAGE = `usage: npm run build:data -- [--reports DIR|URL] [--out FILE] [--offices FILE|none] [--parts auto|never|always] ${LIMIT_USAGE}`;

function parseArgs(argv: string[]): Args {
  const args: Args = { reports: join(root, 'public/data/reports'), out: join(root, 'public/data/gongkai.sqlite'), offices: join(root, 'public/data/offices.csv'), limits: {}, parts: 'auto' };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (!(['--reports', '--out', '--offices', '--parts'].includes(argv[i]) || isLimitFlag(argv[i])) || value === undefined) {
      throw new Error(`unknown or incomplete option "${argv[i]}"\n${USAGE}`);
    }
    if (isLimitFlag(argv[i])) {
      try {
        setLimit(args.limits, argv[i], value);
      } catch (e) {
        throw new Error(`${(e as Error).message}\n${USAGE}`);
      }
    }
    if (argv[i] === '--reports') args.reports = isUrl(value) ? value : resolve(value);
    if (argv[i] === '--out') args.out = resolve(value);
    if (argv[i] === '--offices') args.offices = value === 'none' ? null : resolve(value);
    if (argv[i] === '--parts') {
      if (!['auto', 'never', 'always'].includes(value)) throw new Error(`--parts takes auto, never or always, not "${value}"\n${USAGE}`);
      args.parts = value as PartsMode;
    }
    i++;
  }
  return args;
}

async function main(): Promise<number> {
  const started = performance.now();
  const args = parseArgs(process.argv.slice(2));
  const source = args.reports;
  if (isUrl(source)) {
    console.log(`build:data: downloading ${source}`);
    // Limits on what is downloaded and unpacked, in MB, from the environment (defaults: 1 GB, 4 GB).
    const mb = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) * 2 ** 20 : fallback);
    const collection = await openCollection(source, {
      maxArchiveBytes: mb('GONGKAI_MAX_ARCHIVE_MB', DEFAULT_COLLECTION_LIMITS.maxArchiveBytes),
      maxUnpackedBytes: mb('GONGKAI_MAX_UNPACKED_MB', DEFAULT_COLLECTION_LIMITS.maxUnpackedBytes),
    });
    for (const line of collection.skipped) console.error(`  ✗ ${line}`);
    args.reports = collection.dir;
  }
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

  const threads = files.length >= 100 ? availableParallelism() : 0;
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const { manifest, summary, bytes } = await buildAndPublish({
    files,
    officesCsv,
    divisions: loadDivisions(),
    limits: args.limits,
    // Parsing in parallel, one reader thread per core (the database is the same byte for byte);
    // a small folder is read faster than threads start.
    threads,
    onProgress: (done, total) => console.log(`  ${done}/${total} files read (${((performance.now() - started) / 1000).toFixed(1)} s)`),
    out: args.out,
    parts: args.parts,
    extra: {
      schemaVersion: SCHEMA_VERSION,
      parserVersion: PARSER_VERSION,
      builtAt: (Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      source: isUrl(source) ? source : relative(root, source).split(sep).join('/') || '.',
    },
  });
  for (const line of [...summary.problems, ...summary.failures]) console.error(`  ✗ ${line}`);
  // Conflicts are printed on stderr too: the build kept one copy by a rule, the user may disagree.
  for (const line of summary.conflicts) console.error(`  ⚠ conflict: ${line}`);
  if (manifest.parts) {
    const largest = Math.max(...manifest.parts.map((p) => p.bytes));
    const byCity = manifest.parts.filter((p) => p.cities).length;
    const extras = manifest.extras ? ` (${(manifest.gzip!.bytes / 1024).toFixed(0)} KB gzipped; its extras ${extrasByName(manifest.extras).map((e) => `${extrasLabel(e)} ${(e.gzipBytes / 1024).toFixed(0)} KB`).join(', ')} gzipped)` : '';
    console.log(`build:data: published in parts: a ${(manifest.bytes / 1024).toFixed(0)} KB summary${extras} and ${manifest.parts.length} parts by province${byCity ? ` (${byCity} of them by city)` : ''} (largest ${(largest / 1024).toFixed(0)} KB)`);
  }
  // The code list for the browser's "check a report" view, so a report read there is placed too,
  // and pdf.js's character maps, which Chinese PDFs without embedded fonts need (fetched on demand).
  writeFileSync(join(dirname(args.out), 'divisions.json'), JSON.stringify(compactDivisionList(loadDivisionList())));
  const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  cpSync(join(pdfjs, 'cmaps'), join(root, 'public/pdfjs/cmaps'), { recursive: true });
  cpSync(join(pdfjs, 'standard_fonts'), join(root, 'public/pdfjs/standard_fonts'), { recursive: true });

  const seconds = (performance.now() - started) / 1000;
  console.log(
    `build:data: ${summary.filesSeen} files seen, ${summary.parsed} parsed (${summary.withWarnings} with warnings), ${summary.failed} failed, ` +
      `${summary.duplicates} duplicates, ${summary.conflicts.length} conflicts, ${summary.checksFailed} reports failing a check, ${summary.offices} offices; ` +
      `read in ${Math.max(1, threads)} thread${threads > 1 ? 's' : ''}; ` +
      `${(bytes / 1024).toFixed(0)} KB written to ${relative(process.cwd(), args.out)} in ${seconds.toFixed(1)} s, ` +
      // Peak resident memory as the OS counts it (maxRSS is in KB): what a big or hostile folder costs.
      `peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
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
