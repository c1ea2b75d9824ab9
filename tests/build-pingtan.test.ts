/**
 * The data build over the real Pingtan collection (../shared/corpus/pingtan, never committed):
 * every file accounted for, one office across its years whatever its titles, the pages' dates and
 * links stored, late publication found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { build, filesOf, open, rows } from './helpers/database';
import { siteColumn } from '../scripts/lib/build-database';
import { parseReport } from '../src/lib/report';
import type { Run } from '../src/lib/db/queries';
import type { Row } from '../src/lib/db/protocol';
import { expectSameAsFullScan, filtersOf } from './helpers/quality-reference';

const DIR = resolve(__dirname, '../../shared/corpus/pingtan');
const present = existsSync(DIR);

describe.skipIf(!present)('build:data over the Pingtan collection', () => {
  let db: Database;
  let summary: Awaited<ReturnType<typeof build>>['summary'];
  beforeAll(async () => {
    const built = await build(filesOf(DIR));
    summary = built.summary;
    db = await open(built.database);
  });

  it('parses all but the title-only page, which is listed with its reason; 18 offices, 2019–2025', () => {
    expect(summary.failures).toEqual([expect.stringMatching(/^gaj-2020\.txt: the page holds only the title/)]);
    expect(rows(db, 'SELECT COUNT(*) AS n, COUNT(DISTINCT office_id) AS offices, MIN(year) AS first, MAX(year) AS last FROM reports')[0]).toEqual({ n: 122, offices: 18, first: 2019, last: 2025 });
  });

  it('a renamed bureau stays one office: 国有资产管理局 (2019–2023) and 投资促进局 (2024–2025) publish in one site column', () => {
    const renamed = rows(db, `SELECT office_id, year, office FROM reports WHERE source_path LIKE 'gyz-%' ORDER BY year`);
    expect(new Set(renamed.map((r) => r.office_id)).size).toBe(1);
    expect(renamed.map((r) => r.office)).toEqual([...Array(5).fill('平潭综合实验区国有资产管理局'), '平潭综合实验区投资促进局', '平潭综合实验区投资促进局']);
    // Titled "…管理局 关于2021年度…" and "…关于报送2020年度…的函": the same offices as their other years.
    expect(rows(db, `SELECT COUNT(DISTINCT office_id) AS n FROM reports WHERE source_path LIKE 'htp-%' OR source_path LIKE 'spp-%'`)[0].n).toBe(2);
  });

  it('stores each report\'s publication date and original link, and finds the ones published after 31 January', () => {
    expect(rows(db, `SELECT published_at, source_url FROM reports WHERE source_path = 'htp-2021.txt'`)[0]).toEqual({
      published_at: '2022-01-12',
      source_url: 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqhtp/zfxxgknb/202201/t20220112_80599.htm',
    });
    const late = rows(db, `SELECT r.source_path, r.published_at FROM report_findings f JOIN reports r USING (report_id) WHERE code = 'late-publication' ORDER BY 1`);
    expect(late.length).toBeGreaterThan(0);
    for (const r of late) expect(String(r.published_at) > `${Number(String(r.source_path).slice(-8, -4)) + 1}-01-31`).toBe(true);
  });

  it('the office\'s other years choose one reading of one run: jtj-2023\'s 行政规范性文件 "5611" is 5,6,15 (3 cells); every other ambiguity stays', () => {
    // Checked by hand against both texts. jtj-2022 prints "行政规范性文件 4 0 16" (spaced: 16 in force at
    // the end of 2022). jtj-2023 prints "行政规范性文件5615": 5,6,15 or 5,61,5 or 56,1,5. Only the first
    // follows on: 16 + 5 − 6 = 15 (16 + 5 − 61 and 16 + 56 − 1 are not 5). jtj-2024 ("3123") agrees with
    // no 2023 reading, so it cannot decide or contradict; the other offices' runs have no neighbour read
    // with confidence (their in-force counts are runs too, or the neighbour is in the 2019 format).
    expect(rows(db, `SELECT r.source_path, w.message FROM warnings w JOIN reports r USING (report_id) WHERE w.message LIKE '%other years%'`)).toEqual([
      { source_path: 'jtj-2023.txt', message: 'table 二: row "行政规范性文件" read as 5,6,15 (of 3 readings) by the office\'s other years: the only one that agrees with its 2022 report\'s 现行有效件数' },
    ]);
    const documents = `SELECT n.c1, n.c2, n.c3, n.l3 FROM numbers n JOIN labels l ON l.label_id = n.row_id JOIN reports r USING (report_id)
      WHERE l.section = 'active' AND l.key = 'normativeDocuments' AND r.source_path = ?`;
    expect(rows(db, documents, ['jtj-2022.txt'])).toEqual([{ c1: 4, c2: 0, c3: 16, l3: 10 }]);
    expect(rows(db, documents, ['jtj-2023.txt'])).toEqual([{ c1: 5, c2: 6, c3: 15, l3: 10 }]);
    expect(rows(db, `SELECT ok FROM cross_year_checks c JOIN reports r ON r.report_id = c.next_report_id WHERE r.source_path = 'jtj-2023.txt' AND check_id = 'active.inForce.normativeDocuments'`)).toEqual([{ ok: 1 }]);
    // The parser's own ambiguities, against what the database keeps: only jtj-2023's is gone.
    const stored = rows(db, 'SELECT r.source_path, COUNT(a.seq) AS n, COALESCE(SUM(json_array_length(a.cells)), 0) AS cells FROM reports r LEFT JOIN ambiguities a USING (report_id) GROUP BY r.report_id');
    const decided = stored.flatMap((r) => {
      const parsed = parseReport(readFileSync(resolve(DIR, String(r.source_path)), 'utf8')).ambiguities;
      const cells = parsed.reduce((n, a) => n + a.cells.length, 0);
      return parsed.length === r.n && cells === r.cells ? [] : [[r.source_path, parsed.length - Number(r.n), cells - Number(r.cells)]];
    });
    expect(decided).toEqual([['jtj-2023.txt', 1, 3]]);
    expect(stored.reduce((n, r) => n + Number(r.cells), 0)).toBe(278);
  });

  it('the quality view’s counts and list are those of the full scans of the findings, for every year and format', async () => {
    const run: Run = async (sql, params = []) => rows(db, sql, params as (string | number | null)[]) as Row[];
    const filters = await filtersOf(run);
    expect(filters.length).toBeGreaterThan(8);
    expect(await expectSameAsFullScan(run, filters, 500)).toBeGreaterThan(50);
  });

  it('a fee section is kept apart from the problems', () => {
    const fees = rows(db, `SELECT r.source_path, s.text FROM sections s JOIN reports r USING (report_id) WHERE s.section = 'fees'`);
    expect(fees.length).toBeGreaterThan(0);
    for (const f of fees) {
      const problems = rows(db, `SELECT text FROM sections s JOIN reports r USING (report_id) WHERE r.source_path = ? AND s.section = 'problems'`, [String(f.source_path)]);
      expect(String(problems[0]?.text ?? '')).not.toContain(String(f.text).slice(0, 20));
    }
  });
});

describe('siteColumn', () => {
  it('drops the month folder and the file, and knows no column without them', () => {
    expect(siteColumn('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202403/t20240311_1.htm')).toBe('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb');
    expect(siteColumn('https://example.gov.cn/news/1.htm')).toBeNull();
    expect(siteColumn(null)).toBeNull();
  });
});
