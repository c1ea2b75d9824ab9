/**
 * The data build: reports in, one SQLite file out, read back with sql.js through the views a
 * journalist queries.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { SEEDS_DIR, SHARED_CORPUS_DIR, sharedCorpusPresent, truthCases } from './helpers/corpus';
import { build, filesFrom, filesOf, open, rows } from './helpers/database';

const ROOT = resolve(__dirname, '..');
const seedText = (name: string) => readFileSync(join(SEEDS_DIR, name), 'utf8');
/** Seed 001: 新乡市牧野区花园办事处, 2022, all zeros. */
const HUAYUAN = seedText('001_ece336a5f188f35c.txt');

/** Every number of a truth record, compared through the `figures` view. */
function expectFiguresMatchTruth(db: Database, reportId: number, truth: Record<string, unknown>) {
  const got = new Map(
    rows(db, 'SELECT section, row_key, column_key, value FROM figures WHERE report_id = ?', [reportId]).map((r) => [`${r.section}.${r.row_key}.${r.column_key}`, r.value]),
  );
  let compared = 0;
  for (const section of ['active', 'applications', 'reviewLitigation']) {
    for (const [row, cells] of Object.entries(truth[section] as Record<string, Record<string, number | null> | null>)) {
      if (cells === null) {
        expect([...got.keys()].filter((k) => k.startsWith(`${section}.${row}.`)), `${section}.${row} is null`).toEqual([]);
        continue;
      }
      for (const [col, value] of Object.entries(cells)) {
        expect(got.get(`${section}.${row}.${col}`), `${section}.${row}.${col}`).toBe(value);
        compared++;
      }
    }
  }
  expect(compared).toBeGreaterThan(100);
}

describe('build from the seeds, a broken file and a non-report', () => {
  let db: Database;
  let summary: Awaited<ReturnType<typeof build>>['summary'];
  beforeAll(async () => {
    const files = [
      ...filesOf(SEEDS_DIR, 'seeds/').filter((f) => f.path.endsWith('.txt')),
      ...filesFrom({
        'broken/corrupt.txt': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0]),
        'broken/notice.txt': '关于做好春节期间安全生产工作的通知\n各社区：请做好值班工作。\n',
        'broken/empty.md': '',
        'broken/scan.xyz': 'whatever',
      }),
    ];
    const built = await build(files);
    summary = built.summary;
    db = await open(built.database);
  });

  it('accounts for every file with its status and, for failures, why', () => {
    expect(rows(db, 'SELECT path, status, error_code FROM files ORDER BY path')).toEqual([
      { path: 'broken/corrupt.txt', status: 'failed', error_code: 'binary' },
      { path: 'broken/empty.md', status: 'failed', error_code: 'empty' },
      { path: 'broken/notice.txt', status: 'failed', error_code: 'not-a-report' },
      { path: 'broken/scan.xyz', status: 'failed', error_code: 'unsupported' },
      ...['000_20342ef31a6ba026', '001_ece336a5f188f35c', '002_c3699d8ca2ce9b9a', '003_75afd8928d84c447', '004_3c95a7fc71041271'].map((s) => ({
        path: `seeds/${s}.txt`,
        status: 'parsed',
        error_code: null,
      })),
    ]);
    const notice = rows(db, "SELECT message FROM files WHERE path = 'broken/notice.txt'")[0].message;
    expect(notice).toMatch(/^broken\/notice\.txt: not a government information-disclosure annual report/);
    expect(summary).toMatchObject({ filesSeen: 9, parsed: 5, failed: 4, duplicates: 0, checksFailed: 0, offices: 5 });
  });

  it('stores every number of every seed as its truth gives it, nulls kept apart from 0', () => {
    for (const c of truthCases(SEEDS_DIR)) {
      const [report] = rows(db, 'SELECT report_id, office, year, template, division_code FROM reports WHERE source_path = ?', [`seeds/${c.name}`]);
      // Truth files leave out what was not hand-checked.
      const expected = Object.fromEntries(
        [['office', 'office'], ['year', 'year'], ['template', 'template'], ['division_code', 'divisionCode']].filter(([, k]) => k in c.truth).map(([col, k]) => [col, c.truth[k]]),
      );
      expect(Object.keys(expected).length).toBeGreaterThanOrEqual(3);
      expect(report, c.name).toMatchObject(expected);
      expectFiguresMatchTruth(db, report.report_id as number, c.truth);
    }
  });

  it('answers the common questions through its views', () => {
    expect(rows(db, "SELECT office_name, year, new_received, granted, total_processed, carried_forward, review_total FROM office_year WHERE office_id = '420102009'")).toEqual([
      { office_name: '劳动街道', year: 2022, new_received: 1, granted: 1, total_processed: 1, carried_forward: 0, review_total: 0 },
    ]);
    expect(rows(db, "SELECT offices, reports, new_received FROM region_year WHERE province = '湖北省' AND year = 2022")).toEqual([
      { offices: 1, reports: 1, new_received: 1 },
    ]);
    const wide = rows(db, "SELECT row_key, natural_person, total FROM applications_wide WHERE office_id = '420102009' ORDER BY row_position");
    expect(wide.slice(0, 3)).toEqual([
      { row_key: 'newReceived', natural_person: 1, total: 1 },
      { row_key: 'carriedOver', natural_person: 0, total: 0 },
      { row_key: 'granted', natural_person: 1, total: 1 },
    ]);
    expect(rows(db, 'SELECT COUNT(*) AS n FROM reports_failing_checks')).toEqual([{ n: 0 }]);
    // Each number points at its line: 劳动街道's 本年新收 总计 sits on the line the record names.
    const [{ source_line }] = rows(db, "SELECT source_line FROM figures JOIN reports USING (report_id) WHERE office_id = '420102009' AND row_key = 'newReceived' AND column_key = 'total'");
    const text = rows(db, "SELECT text FROM report_texts JOIN reports USING (report_id) WHERE office_id = '420102009'")[0].text as string;
    expect(text.split('\n')[(source_line as number) - 1].trim()).toBe('1');
  });

  it('carries the labels, the checks and the section texts', () => {
    expect(rows(db, "SELECT label FROM labels WHERE section = 'applications' AND kind = 'column' ORDER BY position").map((r) => r.label)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    const checks = rows(db, "SELECT check_id, ok, expected, actual FROM check_results JOIN reports USING (report_id) WHERE office_id = '420102009' AND check_id = 'applications.balance.total'");
    expect(checks).toEqual([{ check_id: 'applications.balance.total', ok: 1, expected: 1, actual: 1 }]);
    const problems = rows(db, "SELECT text FROM sections JOIN reports USING (report_id) WHERE office_id = '410711004' AND section = 'problems'")[0].text;
    expect(problems).toMatch(/^[\s\S]{20,}$/);
    expect(rows(db, "SELECT key, value FROM meta WHERE key IN ('reports', 'files_failed', 'offices') ORDER BY key")).toEqual([
      { key: 'files_failed', value: '4' },
      { key: 'offices', value: '5' },
      { key: 'reports', value: '5' },
    ]);
  });
});

describe.skipIf(!sharedCorpusPresent)('build from ../shared/corpus in place', () => {
  let db: Database;
  beforeAll(async () => {
    db = await open((await build(filesOf(SHARED_CORPUS_DIR, 'dev/'))).database);
  });

  it('recognises the PDF and its two text extractions as one report, duplicates with the same numbers', () => {
    expect(rows(db, "SELECT path, status, numbers_differ FROM files WHERE status = 'duplicate' ORDER BY path")).toEqual([
      { path: 'dev/hongze-2023-plain.txt', status: 'duplicate', numbers_differ: 0 },
      { path: 'dev/hongze-2023.pdf', status: 'duplicate', numbers_differ: 0 },
      { path: 'dev/huaian-2024-plain.txt', status: 'duplicate', numbers_differ: 0 },
      { path: 'dev/huaian-2024.pdf', status: 'duplicate', numbers_differ: 0 },
    ]);
    for (const c of truthCases(SHARED_CORPUS_DIR).filter((c) => c.name.includes('layout'))) {
      const [report] = rows(db, 'SELECT report_id FROM reports WHERE source_path = ?', [`dev/${c.name}`]);
      expectFiguresMatchTruth(db, report.report_id as number, c.truth);
    }
  });

  it('lists 洪泽区\'s table 四, which does not add up, among the failing reports', () => {
    expect(rows(db, 'SELECT office, year, check_id, expected, actual FROM reports_failing_checks ORDER BY check_id')).toEqual([
      { office: '洪泽区人民政府', year: 2023, check_id: 'reviewLitigation.litigationAfterReview', expected: 0, actual: 5 },
      { office: '洪泽区人民政府', year: 2023, check_id: 'reviewLitigation.review', expected: 0, actual: 11 },
    ]);
  });
});

describe('offices across years', () => {
  const year2023 = HUAYUAN.replaceAll('2022年', '2023年');
  it('the cross-year check catches a planted carry-over mismatch and passes a true one', async () => {
    // 2023 says 1 application was carried over from 2022, whose report carried forward 0.
    const planted = year2023.replace(/^二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0/m, '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1');
    expect(planted).not.toBe(year2023);
    const db = await open((await build(filesFrom({ 'a/2022.txt': HUAYUAN, 'a/2023.txt': planted }))).database);
    expect(rows(db, "SELECT office_id, year, next_year, check_id, expected, actual, ok FROM cross_year_checks ORDER BY check_id")).toEqual([
      { office_id: '410711004', year: 2022, next_year: 2023, check_id: 'active.inForce.normativeDocuments', expected: 0, actual: 0, ok: 1 },
      { office_id: '410711004', year: 2022, next_year: 2023, check_id: 'active.inForce.regulations', expected: 0, actual: 0, ok: 1 },
      { office_id: '410711004', year: 2022, next_year: 2023, check_id: 'applications.carryOver', expected: 0, actual: 1, ok: 0 },
    ]);
    // The 2023 report is flagged: it does not follow on, it no longer adds up, and its texts are
    // last year's (only the year changed).
    const findings = rows(db, 'SELECT r.year, f.code, f.severity FROM findings f JOIN reports r USING (report_id) ORDER BY r.year, f.seq');
    expect(findings).toEqual([
      { year: 2023, code: 'identity', severity: 'high' },
      { year: 2023, code: 'identity', severity: 'high' },
      { year: 2023, code: 'copied-previous-year', severity: 'medium' },
      { year: 2023, code: 'copied-previous-year', severity: 'medium' },
      { year: 2023, code: 'carry-over', severity: 'medium' },
    ]);
    const similar = rows(db, "SELECT section, score FROM similarities WHERE kind = 'previous-year' ORDER BY section");
    expect(similar.map((r) => r.section)).toEqual(['overview', 'problems']);
    expect(similar.every((r) => (r.score as number) > 0.95)).toBe(true);
    expect(rows(db, 'SELECT report_id, findings, worst, high FROM report_quality')).toEqual([{ report_id: 2, findings: 5, worst: 3, high: 2 }]);
  });

  it('offices.csv aliases merge an office written another way and correct its region', async () => {
    const renamed = year2023.replaceAll('花园办事处', '花园社区服务中心');
    const files = filesFrom({ '2022.txt': HUAYUAN, '2023.txt': renamed });
    const without = await open((await build(files)).database);
    expect(rows(without, 'SELECT COUNT(*) AS n FROM offices')).toEqual([{ n: 2 }]);
    const csv = 'name,province,city,district,division_code,aliases\n花园街道办事处,河南省,新乡市,牧野区,410711004,花园社区服务中心|花园街道\n';
    const db = await open((await build(files, csv)).database);
    expect(rows(db, 'SELECT office_id, name, district, corrected_by_hand FROM offices')).toEqual([
      { office_id: '410711004', name: '花园街道办事处', district: '牧野区', corrected_by_hand: 1 },
    ]);
    expect(rows(db, 'SELECT o.year, r.office FROM office_year o JOIN reports r USING (report_id) ORDER BY o.year')).toEqual([
      { year: 2022, office: '花园办事处' },
      { year: 2023, office: '花园社区服务中心' },
    ]);
    expect(rows(db, 'SELECT alias FROM office_aliases ORDER BY alias').map((r) => r.alias)).toEqual(['花园办事处', '花园社区服务中心', '花园街道', '花园街道办事处']);
  });

  it('two files for the same office and year: one kept, the other a duplicate flagged when numbers differ', async () => {
    const changed = HUAYUAN.replace(/^一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0/m, '一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2');
    expect(changed).not.toBe(HUAYUAN);
    const { database, summary } = await build(filesFrom({ 'a.txt': HUAYUAN, 'b.txt': changed }));
    const db = await open(database);
    expect(summary.duplicates).toBe(1);
    // b.txt no longer adds up (一 + 二 ≠ 三(七) + 四), so the cleaner a.txt is kept.
    expect(rows(db, 'SELECT path, status, duplicate_of, numbers_differ FROM files ORDER BY path')).toEqual([
      { path: 'a.txt', status: 'parsed', duplicate_of: null, numbers_differ: null },
      { path: 'b.txt', status: 'duplicate', duplicate_of: 1, numbers_differ: 1 },
    ]);
  });
});

describe('conflicting copies: one office and year, numbers that differ, equally clean', () => {
  // 行政许可 in table 二 is under no identity: both copies stay clean, only the number differs.
  const EDITED = HUAYUAN.replace(/^行政许可\t0/m, '行政许可\t5');
  const page = (date: string, body: string) => `标题: 花园街道办事处2022年政府信息公开工作年度报告\n发布时间: ${date} 09:00\n原文链接: https://example.gov.cn/xxgk/202201/t${date.replaceAll('-', '')}_1.htm\n==================== 正文 ====================\n${body}`;
  const licences = (db: Database) => rows(db, "SELECT value FROM figures WHERE row_key = 'licensing' AND column_key = 'decisions'").map((r) => r.value);

  it('edits the template for the test as intended', () => {
    expect(EDITED).not.toBe(HUAYUAN);
  });

  it('without dates or a choice: kept by file name, flagged undecided in files, the summary and a high finding', async () => {
    const { database, summary } = await build(filesFrom({ 'a-edited.txt': EDITED, 'b-original.txt': HUAYUAN }));
    const db = await open(database);
    expect(summary.conflicts).toEqual([
      '花园办事处 2022: 2 copies disagree; kept a-edited.txt by undecided: kept by file name order until a copy is named in offices.csv (prefer); b-original.txt differs in 1 cells',
    ]);
    expect(rows(db, 'SELECT path, status, duplicate_of, numbers_differ, conflict_rule FROM files ORDER BY path')).toEqual([
      { path: 'a-edited.txt', status: 'parsed', duplicate_of: null, numbers_differ: null, conflict_rule: 'unresolved' },
      { path: 'b-original.txt', status: 'duplicate', duplicate_of: 1, numbers_differ: 1, conflict_rule: 'unresolved' },
    ]);
    expect(licences(db)).toEqual([5]);
    expect(rows(db, "SELECT severity, message_zh, message_en FROM report_findings WHERE code = 'conflicting-copies'")).toEqual([
      {
        severity: 'high',
        message_zh: '本年度还有 1 份数字不同的报告：b-original.txt（1 个数字不同）。此处采用 a-edited.txt，依据：无法判断哪份为准，暂按文件名排序保留；可在 offices.csv 的 prefer 列指定。',
        message_en: 'This year has 1 other copy with different numbers: b-original.txt (1 cells differ). Shown: a-edited.txt, by undecided: kept by file name order until a copy is named in offices.csv (prefer).',
      },
    ]);
    expect(rows(db, "SELECT value FROM meta WHERE key = 'conflicts'")).toEqual([{ value: '1' }]);
  });

  it('the newer publication date wins, whatever the file names', async () => {
    const { database } = await build(filesFrom({ 'a-edited.txt': page('2023-01-10', EDITED), 'b-original.txt': page('2023-01-20', HUAYUAN) }));
    const db = await open(database);
    expect(rows(db, 'SELECT path, status, conflict_rule FROM files ORDER BY path')).toEqual([
      { path: 'a-edited.txt', status: 'duplicate', conflict_rule: 'newer-publication' },
      { path: 'b-original.txt', status: 'parsed', conflict_rule: 'newer-publication' },
    ]);
    expect(licences(db)).toEqual([0]);
    expect(rows(db, "SELECT severity FROM report_findings WHERE code = 'conflicting-copies'")).toEqual([{ severity: 'medium' }]);
  });

  it('offices.csv names the copy to keep (prefer), over the publication date', async () => {
    const csv = 'name,province,city,district,division_code,aliases,prefer\n花园街道办事处,,,,,,a-edited.txt\nnowhere,,,,,,missing.txt\n';
    const { database, summary } = await build(filesFrom({ 'a-edited.txt': page('2023-01-10', EDITED), 'b-original.txt': page('2023-01-20', HUAYUAN) }), csv);
    const db = await open(database);
    expect(rows(db, 'SELECT path, status, conflict_rule FROM files ORDER BY path')).toEqual([
      { path: 'a-edited.txt', status: 'parsed', conflict_rule: 'offices-csv' },
      { path: 'b-original.txt', status: 'duplicate', conflict_rule: 'offices-csv' },
    ]);
    expect(licences(db)).toEqual([5]);
    expect(summary.problems).toEqual(['offices.csv: prefer names missing.txt, which is not among the input files; ignored']);
  });

  it('copies with the same numbers are plain duplicates, no conflict', async () => {
    const { database, summary } = await build(filesFrom({ 'a.txt': HUAYUAN, 'b.txt': HUAYUAN + '\n' }));
    const db = await open(database);
    expect(summary.conflicts).toEqual([]);
    expect(rows(db, 'SELECT path, conflict_rule FROM files ORDER BY path')).toEqual([
      { path: 'a.txt', conflict_rule: null },
      { path: 'b.txt', conflict_rule: null },
    ]);
  });
});

describe('npm run build:data', () => {
  const run = promisify(execFile);
  async function cli(args: string[]) {
    try {
      const { stdout, stderr } = await run('npm', ['run', '--silent', 'build:data', '--', ...args], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-build-'));

  it('builds byte-identical databases from the same reports, and writes the manifest', async () => {
    const reports = join(dir, 'reports');
    mkdirSync(join(reports, 'nested'), { recursive: true });
    for (const f of filesOf(SEEDS_DIR).filter((f) => f.path.endsWith('.txt'))) writeFileSync(join(reports, 'nested', f.path), f.read());
    const first = await cli(['--reports', reports, '--out', join(dir, 'one.sqlite'), '--offices', 'none']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/5 files seen, 5 parsed \(\d+ with warnings\), 0 failed, 0 duplicates, 0 conflicts, 0 reports failing a check/);
    const second = await cli(['--reports', reports, '--out', join(dir, 'two.sqlite'), '--offices', 'none']);
    expect(second.code).toBe(0);
    const one = readFileSync(join(dir, 'one.sqlite'));
    expect(one.equals(readFileSync(join(dir, 'two.sqlite')))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'one.json'), 'utf8'));
    expect(manifest).toMatchObject({ database: 'one.sqlite', bytes: one.length, reports: 5 });
  });

  it('an empty or missing folder is a clear message and exit 1, not an empty database', async () => {
    mkdirSync(join(dir, 'empty'));
    const empty = await cli(['--reports', join(dir, 'empty'), '--out', join(dir, 'e.sqlite')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`the reports folder ${join(dir, 'empty')} is empty; nothing to build`);
    const missing = await cli(['--reports', join(dir, 'nope'), '--out', join(dir, 'e.sqlite')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`the reports folder ${join(dir, 'nope')} does not exist`);
  });
});
