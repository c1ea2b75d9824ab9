/**
 * build:data from the URL of an archive of reports (what the Pages workflow does with its
 * GONGKAI_REPORTS variable): a .zip and a .tar.gz served by a local HTTP server, entries that try
 * to land outside the folder, links, and a bomb.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeEntryPath } from '../scripts/lib/collection-source';
import { zipBombDocx } from '../scripts/lib/hostile';
import { SEEDS_DIR } from './helpers/corpus';
import { filesOf, open, rows } from './helpers/database';

const ROOT = resolve(import.meta.dirname, '..');
const seeds = filesOf(SEEDS_DIR).filter((f) => f.path.endsWith('.txt'));

describe('safeEntryPath', () => {
  it('keeps paths inside the folder and refuses the rest', () => {
    expect(safeEntryPath('reports/2023/a.txt')).toBe('reports/2023/a.txt');
    expect(safeEntryPath('./a/./b.txt')).toBe('a/b.txt');
    expect(safeEntryPath('a\\b.txt')).toBe('a/b.txt');
    expect(safeEntryPath('a/../b.txt')).toBe('b.txt');
    for (const bad of ['../evil.txt', 'a/../../evil.txt', '/etc/passwd', 'C:/x.txt', 'c:\\x.txt', '.', '']) expect(safeEntryPath(bad), bad).toBeNull();
  });
});

describe('npm run build:data -- --reports URL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-archive-'));
  const served = new Map<string, Uint8Array>();
  let server: Server;
  let base = '';

  beforeAll(async () => {
    // A zip of the seeds in a folder, one entry climbing out of it, one folder entry.
    served.set('/reports.zip', zipSync({ 'reports/': new Uint8Array(), ...Object.fromEntries(seeds.map((f) => [`reports/${f.path}`, f.read()])), '../evil.txt': strToU8('outside') }));
    // A .tar.gz of the same, with a symbolic link in it (no download link names it: served as /download?id=7).
    const folder = join(dir, 'tar-src');
    mkdirSync(join(folder, 'reports'), { recursive: true });
    for (const f of seeds) writeFileSync(join(folder, 'reports', f.path), f.read());
    symlinkSync('/etc/passwd', join(folder, 'reports', 'link.txt'));
    await tar.c({ gzip: true, cwd: folder, file: join(dir, 'reports.tar.gz'), portable: true }, ['reports']);
    served.set('/download', readFileSync(join(dir, 'reports.tar.gz')));
    // A zip whose one entry inflates to 150 MB from a few hundred KB, over a 64 MB limit given by the test.
    served.set('/bomb.zip', zipBombDocx(150));
    served.set('/not-an-archive', strToU8('hello'));
    server = createServer((req, res) => {
      const body = served.get(new URL(req.url ?? '/', 'http://x').pathname);
      if (!body) return res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(Buffer.from(body));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  async function cli(url: string, env: Record<string, string> = {}) {
    const out = join(dir, `${Math.random().toString(36).slice(2)}.sqlite`);
    try {
      const { stdout, stderr } = await promisify(execFile)('npx', ['tsx', 'scripts/build-data.ts', '--reports', url, '--out', out, '--offices', 'none'], { cwd: ROOT, env: { ...process.env, ...env } });
      return { code: 0, stdout, stderr, out };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr, out };
    }
  }

  it('a .zip: every report built, the entry outside the folder named and skipped, the URL in the manifest', async () => {
    const r = await cli(`${base}/reports.zip`, { SOURCE_DATE_EPOCH: '1767225600' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/5 files seen, 5 parsed/);
    expect(r.stderr).toContain("✗ ../evil.txt: outside the archive's folder; not unpacked");
    const db = await open(readFileSync(r.out));
    expect(rows(db, 'SELECT path FROM files ORDER BY path').map((x) => x.path)).toEqual(seeds.map((f) => `reports/${f.path}`).sort());
    const manifest = JSON.parse(readFileSync(r.out.replace(/\.sqlite$/, '.json'), 'utf8'));
    expect(manifest).toMatchObject({ source: `${base}/reports.zip`, builtAt: '2026-01-01T00:00:00Z', reports: 5 });
  });

  it('a .tar.gz told by its bytes: every report built, the link not followed', async () => {
    const r = await cli(`${base}/download?id=7`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/5 files seen, 5 parsed/);
    expect(r.stderr).toContain('reports/link.txt: a SymbolicLink entry, not a file; not unpacked');
  });

  it('a bomb stops with the limit named; a file that is no archive and a missing one are clear errors', async () => {
    const bomb = await cli(`${base}/bomb.zip`, { GONGKAI_MAX_UNPACKED_MB: '64' });
    expect(bomb.code).toBe(1);
    expect(bomb.stderr).toContain('the archive unpacks to more than 67108864 bytes');
    const text = await cli(`${base}/not-an-archive`);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`${base}/not-an-archive is neither a .zip nor a .tar.gz archive`);
    const missing = await cli(`${base}/nothing.zip`);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`could not download ${base}/nothing.zip: HTTP 404`);
  });
});
