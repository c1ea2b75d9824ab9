/**
 * The parse CLI as a user runs it: `npm run --silent parse -- FILE` and `--jsonl FILE...`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from './helpers/corpus';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '..');

async function parseCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', 'parse', '--', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const noNpmNoise = (s: string) => s.split('\n').filter((l) => l && !l.startsWith('npm warn')).join('\n');

describe('parse CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
  const notReport = join(dir, 'notice.txt');
  writeFileSync(notReport, '关于做好春节期间安全生产工作的通知\n各社区：请做好值班工作。\n');
  const seed = join(SEEDS_DIR, '002_c3699d8ca2ce9b9a.txt');

  it('prints one record as JSON', async () => {
    const { code, stdout } = await parseCli([seed]);
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record.office).toBe('劳动街道');
    expect(record.applications.newReceived.total).toBe(1);
    expect(record.divisionCode).toBe('420102009');
  });

  it('prints one line per file with --jsonl', async () => {
    const { code, stdout } = await parseCli(['--jsonl', seed, join(SEEDS_DIR, '000_20342ef31a6ba026.txt')]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((r) => r.office)).toEqual(['劳动街道', '轻工路街道办事处']);
  });

  it('a file that is no report: exit 1 and one line on stderr naming it and why', async () => {
    const { code, stdout, stderr } = await parseCli([notReport]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(noNpmNoise(stderr)).toBe(`${notReport}: not a government information-disclosure annual report (fewer than two of its sections 二、三、四 found, and no title naming one above the template's section headings)`);
  });

  it('a missing file and a wrong type among good ones: the good ones are printed, exit 1', async () => {
    const missing = join(dir, 'missing.txt');
    const { code, stdout, stderr } = await parseCli(['--jsonl', seed, missing, join(ROOT, 'package.json')]);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(noNpmNoise(stderr).split('\n')).toEqual([
      `${missing}: no such file`,
      `${join(ROOT, 'package.json')}: unsupported file type ".json": only .txt, .md, .html, .htm, .docx, .pdf are read`,
    ]);
  });
});
