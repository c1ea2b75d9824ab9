/**
 * The data build over the real Pingtan collection (../shared/corpus/pingtan, never committed):
 * every file accounted for, one office across its years whatever its titles, the pages' dates and
 * links stored, late publication found.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { build, filesOf, open, rows } from './helpers/database';
import { siteColumn } from '../scripts/lib/build-database';

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
