/**
 * The query functions of the quality view, the problem themes and the rates, against a database
 * built from the seeds plus crafted reports (copies of seed 001, 新乡市牧野区花园办事处 2022):
 *   - 花园办事处 2023: carries over 1 application its 2022 report did not carry forward (so it no
 *     longer adds up either), one problem sentence rewritten, the rest of its text last year's;
 *   - 示范办事处 2022: 12 applications (9 granted, 1 partially, 2 repeated) and 12 reviews
 *     concluded (8 upheld, 3 corrected, 1 other);
 *   - 样板办事处 2022 and 2023: 20 applications all granted, then 5 (4 granted, 1 repeated).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_CASES_FOR_RANKING, RATES } from '../src/lib/analysis/rates';
import { diffTexts, LARGELY_SAME } from '../src/lib/analysis/similarity';
import { THEMES } from '../src/lib/analysis/themes';
import * as q from '../src/lib/db/queries';
import type { Row, SqlValue } from '../src/lib/db/protocol';
import { kindKey, markPhrase, markPhrases, percent, phraseRange } from '../src/views/quality/model';
import { SEEDS_DIR } from './helpers/corpus';
import { build, filesFrom, filesOf, open, queryRunner, rows } from './helpers/database';
import { expectSameAsFullScan, filtersOf } from './helpers/quality-reference';

const HUAYUAN = readFileSync(join(SEEDS_DIR, '001_ece336a5f188f35c.txt'), 'utf8');
const OLD_SENTENCE = '二是公开的事项的时效性有待进一步提高，公开内容的更新速度较慢。';
const NEW_SENTENCE = '二是政务新媒体账号更新不及时，部分栏目长期空白。';

/** Seed 001 as another office and year, with its applications (and reviews) table filled in. */
function busy(name: string, year: number, received: number, granted: number, partial: number, repeated: number, review?: [number, number, number]): string {
  const row = (n: number) => `\t${n}\t0\t0\t0\t0\t0\t${n}`;
  let t = HUAYUAN.replaceAll('花园办事处', name).replaceAll('2022年', `${year}年`);
  t = t.replace(/^(一、本年新收政府信息公开申请数量)\t0\t0\t0\t0\t0\t0\t0/m, `$1${row(received)}`);
  t = t.replace(/^(三、本年度办理结果\t\(一\) 予以公开\t+)0/m, `$1${granted}`);
  t = t.replace(/^(\t\(二\) 部分公开[^\t]*\t+)0/m, `$1${partial}`);
  t = t.replace(/^(\t\t2\.重复申请)\t0\t0\t0\t0\t0\t0\t0/m, `$1${row(repeated)}`);
  t = t.replace(/^(\t\(七\) 总计\t)\t0\t0\t0\t0\t0\t0\t0/m, `$1${row(received)}`);
  if (review) {
    const [upheld, corrected, other] = review;
    t = t.replace(/^0(\t0){14}$/m, [upheld, corrected, other, 0, upheld + corrected + other, ...Array(10).fill(0)].join('\t'));
  }
  return t;
}

const huayuan2023 = HUAYUAN.replaceAll('2022年', '2023年')
  .replace(/^二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0/m, '二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1')
  .replace(OLD_SENTENCE, NEW_SENTENCE);

let db: Database;
const run: q.Run = async (sql: string, params: SqlValue[] = []) => {
  const stmt = db.prepare(sql);
  stmt.bind(params);
  const out: Row[] = [];
  while (stmt.step()) out.push(stmt.getAsObject() as Row);
  stmt.free();
  return out;
};
const F = (f: Partial<q.Filters> = {}): q.Filters => ({ ...q.NO_FILTERS, ...f });
const YANGBAN = '河南省新乡市牧野区/样板街道';
const SHIFAN = '河南省新乡市牧野区/示范街道';

beforeAll(async () => {
  expect(huayuan2023).toContain(NEW_SENTENCE);
  const files = [
    ...filesOf(SEEDS_DIR, 'seeds/').filter((f) => f.path.endsWith('.txt')),
    ...filesFrom({
      'crafted/huayuan-2023.txt': huayuan2023,
      'crafted/shifan-2022.txt': busy('示范办事处', 2022, 12, 9, 1, 2, [8, 3, 1]),
      'crafted/yangban-2022.txt': busy('样板办事处', 2022, 20, 20, 0, 0),
      'crafted/yangban-2023.txt': busy('样板办事处', 2023, 5, 4, 0, 1),
    }),
  ];
  db = await open((await build(files)).database);
  db.exec('PRAGMA query_only = ON');
});

const reportId = (path: string) => Number(rows(db, 'SELECT report_id FROM reports WHERE source_path = ?', [path])[0].report_id);

describe('the quality view', () => {
  it('the built reports are the ones the tests expect', () => {
    expect(rows(db, 'SELECT office_id, year, source_path FROM reports ORDER BY report_id').map((r) => `${r.office_id} ${r.year}`)).toEqual([
      '410303009 2021',
      '410403007 2024',
      '410411005 2022',
      '410711004 2022',
      '410711004 2023',
      '420102009 2022',
      `${YANGBAN} 2022`,
      `${YANGBAN} 2023`,
      `${SHIFAN} 2022`,
    ]);
  });

  it('qualitySummary counts reports with findings by severity and by kind, most serious first', async () => {
    expect(await q.qualitySummary(run, F())).toEqual({
      reports: 9,
      withFindings: 5,
      high: 1,
      medium: 2,
      low: 5,
      byCode: [
        { code: 'identity', severity: 'high', findings: 2, reports: 1 },
        { code: 'copied-previous-year', severity: 'medium', findings: 4, reports: 2 },
        { code: 'carry-over', severity: 'medium', findings: 1, reports: 1 },
        // Every copy of seed 001 shares its texts with another office's of the same year.
        { code: 'copied-same-year', severity: 'low', findings: 10, reports: 5 },
        // 予以公开 and 部分公开 print only their totals in the crafted tables.
        { code: 'table-blank', severity: 'low', findings: 3, reports: 3 },
      ],
    });
    const y2023 = await q.qualitySummary(run, F({ years: [2023] }));
    expect(y2023).toMatchObject({ reports: 2, withFindings: 2, high: 1, medium: 2, low: 2 });
    expect(y2023.byCode.map((c) => [c.code, c.reports])).toEqual([
      ['identity', 1],
      ['copied-previous-year', 2],
      ['carry-over', 1],
      ['copied-same-year', 2],
      ['table-blank', 1],
    ]);
    // The seeds outside 牧野区 have no findings.
    expect(await q.qualitySummary(run, F({ province: '湖北省' }))).toEqual({ reports: 1, withFindings: 0, high: 0, medium: 0, low: 0, byCode: [] });
  });

  it('qualityReports lists the reports with findings, most serious first, each finding in one sentence', async () => {
    const { total, reports } = await q.qualityReports(run, F());
    expect(total).toBe(5);
    expect(reports.map((r) => [r.officeName, r.year, r.worst, r.high, r.medium, r.low])).toEqual([
      ['花园办事处', 2023, 'high', 2, 3, 2],
      ['样板办事处', 2023, 'medium', 0, 2, 3],
      ['样板办事处', 2022, 'low', 0, 0, 3],
      ['示范办事处', 2022, 'low', 0, 0, 3],
      ['花园办事处', 2022, 'low', 0, 0, 2],
    ]);
    const [first] = reports;
    expect(first).toMatchObject({ officeId: '410711004', office: '花园办事处', province: '河南省', city: '新乡市', district: '牧野区', reportId: reportId('crafted/huayuan-2023.txt') });
    expect(first.findings.map((f) => f.code)).toEqual(['identity', 'identity', 'copied-previous-year', 'copied-previous-year', 'carry-over', 'copied-same-year', 'copied-same-year']);
    expect(first.findings[1]).toEqual({
      seq: 2,
      code: 'identity',
      severity: 'high',
      messageZh: '数字对不上（“总计”列）：本年新收 + 上年结转 = 1，但（七）总计 + 结转下年度 = 0。',
      messageEn: 'Does not add up (column "total"): new applications + carried over from last year = 1, but (7) total handled + carried forward to next year = 0.',
      params: {
        check: 'applications.balance.total',
        subject: 'applications.column.total',
        left: { terms: ['applications.row.newReceived', 'applications.row.carriedOver'], value: 1 },
        right: { terms: ['applications.row.totalProcessed', 'applications.row.carriedForward'], value: 0 },
      },
    });
    expect(first.findings[4].messageZh).toBe('与上一年的报告接不上：2022 年结转下年度 = 0，但 2023 年上年结转 = 1。');
    expect(first.findings[4].params).toEqual({
      check: 'applications.carryOver',
      subject: null,
      left: { terms: [{ term: 'applications.row.carriedForward', year: 2022 }], value: 0 },
      right: { terms: [{ term: 'applications.row.carriedOver', year: 2023 }], value: 1 },
    });
    // Copied texts have no sides: their sentence is the stored one.
    expect(first.findings[3].params).toBeNull();
    expect(first.findings[3].messageZh).toBe('“五、存在的主要问题及改进情况”与上一年的报告大部分相同（相似度 85%）。');
    // A page of the list: the same reports, in the same order, with the same sentences; the total is every one.
    const page = await q.qualityReports(run, F(), { limit: 2, offset: 2 });
    expect(page.total).toBe(5);
    expect(page.reports).toEqual(reports.slice(2, 4));
    expect((await q.qualityReports(run, F(), { limit: 2, offset: 4 })).reports).toEqual(reports.slice(4));
  });

  it('qualityReports narrows to a severity or a kind, keeps the filters, and says how many there are beyond the limit', async () => {
    const high = await q.qualityReports(run, F(), { severity: 'high' });
    expect(high.total).toBe(1);
    expect(high.reports).toHaveLength(1);
    // Only the findings asked for are listed; the report's worst and counts stay its own.
    expect(high.reports[0].findings.map((f) => f.code)).toEqual(['identity', 'identity']);
    expect(high.reports[0]).toMatchObject({ worst: 'high', medium: 3, low: 2 });

    const medium = await q.qualityReports(run, F(), { severity: 'medium' });
    expect(medium.reports.map((r) => [r.officeName, r.year, r.findings.length])).toEqual([
      ['花园办事处', 2023, 3],
      ['样板办事处', 2023, 2],
    ]);

    const carry = await q.qualityReports(run, F(), { code: 'carry-over' });
    expect(carry.total).toBe(1);
    expect(carry.reports[0].findings).toHaveLength(1);
    expect(carry.reports[0].findings[0].messageEn).toBe("Does not follow on from last year's report: carried forward to next year (2022) = 0, but carried over from last year (2023) = 1.");

    expect((await q.qualityReports(run, F(), { code: 'table-blank', severity: 'high' })).total).toBe(0);
    expect((await q.qualityReports(run, F({ years: [2022] }))).reports.map((r) => r.officeName)).toEqual(['样板办事处', '示范办事处', '花园办事处']);
    expect(await q.qualityReports(run, F({ province: '湖北省' }))).toEqual({ total: 0, reports: [] });

    const limited = await q.qualityReports(run, F(), { limit: 2 });
    expect(limited.total).toBe(5);
    expect(limited.reports.map((r) => r.year)).toEqual([2023, 2023]);
  });

  it('the build’s counts (quality_totals, quality_counts, quality_reports) answer every filter, severity and kind as the full scans of finding_kinds do', async () => {
    const filters = await filtersOf(run);
    expect(filters.length).toBeGreaterThan(10);
    expect(await expectSameAsFullScan(run, filters)).toBeGreaterThan(40);
    // The kinds as bits: 花园办事处 2023 has identity (high), copied-previous-year and carry-over (medium), copied-same-year (low).
    const kinds = rows(db, 'SELECT kind, code, severity FROM quality_kinds ORDER BY kind');
    expect(kinds.map((k) => `${k.kind} ${k.code} ${k.severity}`)).toEqual(['0 identity high', '1 carry-over medium', '2 copied-previous-year medium', '3 copied-same-year low', '4 table-blank low']);
    expect(rows(db, 'SELECT rank, kinds, high, medium, low FROM quality_reports WHERE report_id = ?', [reportId('crafted/huayuan-2023.txt')])).toEqual([{ rank: 1, kinds: 0b1111, high: 2, medium: 3, low: 2 }]);
    // Regions numbered in the order of province, city and district (河南省's four, then 湖北省 武汉市).
    expect(rows(db, 'SELECT region, district FROM quality_regions ORDER BY region').map((r) => r.district)).toEqual(['卫东区', '湛河区', '牧野区', '西工区', '江岸区']);
    // The view report_quality keeps its columns, in the list's order.
    expect(rows(db, 'SELECT year, findings, worst, high, medium, low FROM report_quality').map((r) => Object.values(r).join(' '))).toEqual(['2023 7 3 2 3 2', '2023 5 2 0 2 3', '2022 3 1 0 0 3', '2022 3 1 0 0 3', '2022 2 1 0 0 2']);
  });

  it('findingsOfReport gives one report’s findings in their stored order, and none for a clean one', async () => {
    const findings = await q.findingsOfReport(run, reportId('crafted/huayuan-2023.txt'));
    expect(findings.map((f) => f.severity)).toEqual(['high', 'high', 'medium', 'medium', 'medium', 'low', 'low']);
    expect(findings[0].messageZh).toBe('数字对不上（“自然人”列）：本年新收 + 上年结转 = 1，但（七）总计 + 结转下年度 = 0。');
    expect(await q.findingsOfReport(run, reportId('seeds/002_c3699d8ca2ce9b9a.txt'))).toEqual([]);
  });
});

describe('copied text on the office page', () => {
  it('reportSimilarities gives the sections largely the same as last year’s or another office’s; similarTexts both texts', async () => {
    const id = reportId('crafted/huayuan-2023.txt');
    const copies = await q.reportSimilarities(run, id, LARGELY_SAME);
    expect(copies.map((c) => [c.kind, c.section, c.score, c.otherOfficeName, c.otherYear])).toEqual([
      ['previous-year', 'overview', 0.993, '花园办事处', 2022],
      ['previous-year', 'problems', 0.846, '花园办事处', 2022],
      ['same-year', 'overview', 1, '样板办事处', 2023],
      ['same-year', 'problems', 0.846, '样板办事处', 2023],
    ]);
    const problems = copies[1];
    expect(problems.otherReportId).toBe(reportId('seeds/001_ece336a5f188f35c.txt'));
    expect(problems.otherOfficeId).toBe('410711004');
    const texts = await q.similarTexts(run, problems.section, id, problems.otherReportId);
    expect(texts.text).toContain(NEW_SENTENCE);
    expect(texts.text).not.toContain(OLD_SENTENCE);
    expect(texts.otherText).toContain(OLD_SENTENCE);
    expect(copies[2].otherOfficeId).toBe(YANGBAN);
    // What the side-by-side view marks: the rewritten sentence, nothing of the rest.
    const parts = diffTexts(texts.otherText, texts.text);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('政务新媒体账号');
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text).join('')).toContain('时效性有待进一步提高');
    expect(parts.filter((p) => p.kind === 'same').map((p) => p.text).join('')).toContain('主动公开工作流程不够规范');

    // A higher bar leaves the nearly identical overviews.
    expect((await q.reportSimilarities(run, id, 0.9)).map((c) => [c.kind, c.section])).toEqual([
      ['previous-year', 'overview'],
      ['same-year', 'overview'],
    ]);
    expect(await q.reportSimilarities(run, reportId('seeds/002_c3699d8ca2ce9b9a.txt'), LARGELY_SAME)).toEqual([]);
  });
});

describe('problem themes', () => {
  it('themeList is the table of themes, in order', async () => {
    const list = await q.themeList(run);
    expect(list.map((t) => [t.theme, t.labelZh, t.labelEn])).toEqual(THEMES.map((t) => [t.key, t.zh, t.en]));
    expect(list.map((t) => t.position)).toEqual(THEMES.map((_, i) => i + 1));
  });

  it('themeShares by year is the theme_year view, with the filters applied', async () => {
    const all = await q.themeShares(run, F(), 'year');
    expect(all.by).toBe('year');
    // Every report has a section 五 text: the denominators are the reports of each year.
    expect(all.groups).toEqual([
      { group: '2021', reportsWithText: 1 },
      { group: '2022', reportsWithText: 5 },
      { group: '2023', reportsWithText: 2 },
      { group: '2024', reportsWithText: 1 },
    ]);
    const view = rows(db, 'SELECT year, theme, reports, reports_with_text FROM theme_year ORDER BY year, theme');
    expect(all.cells).toEqual(view.map((r) => ({ group: String(r.year), theme: r.theme, reports: r.reports })));
    // The rewritten sentence of 花园办事处 2023 admits a platform problem (政务新媒体).
    expect(all.cells.find((c) => c.group === '2023' && c.theme === 'platform')).toEqual({ group: '2023', theme: 'platform', reports: 1 });

    const y2023 = await q.themeShares(run, F({ years: [2023] }), 'year');
    expect(y2023.groups).toEqual([{ group: '2023', reportsWithText: 2 }]);
    expect(y2023.cells).toEqual(all.cells.filter((c) => c.group === '2023'));
    // In 2022, of the five reports, 示范 and 样板 (copies of 花园) and 花园 itself admit the same themes.
    const y2022 = all.cells.filter((c) => c.group === '2022');
    const xinxiang2022 = await q.themeShares(run, F({ years: [2022], province: '河南省', city: '新乡市' }), 'year');
    expect(xinxiang2022.groups).toEqual([{ group: '2022', reportsWithText: 3 }]);
    expect(xinxiang2022.cells.every((c) => c.reports === 3)).toBe(true);
    expect(xinxiang2022.cells.every((c) => y2022.some((d) => d.theme === c.theme && d.reports >= 3))).toBe(true);
  });

  it('themeShares by region groups one level below the filters’ place', async () => {
    const provinces = await q.themeShares(run, F(), 'region');
    expect(provinces.by).toBe('province');
    expect(provinces.groups).toEqual([
      { group: '河南省', reportsWithText: 8 },
      { group: '湖北省', reportsWithText: 1 },
    ]);
    const cities = await q.themeShares(run, F({ province: '河南省' }), 'region');
    expect(cities.by).toBe('city');
    expect(cities.groups).toEqual([
      { group: '平顶山市', reportsWithText: 2 },
      { group: '新乡市', reportsWithText: 5 },
      { group: '洛阳市', reportsWithText: 1 },
    ]);
    const districts = await q.themeShares(run, F({ province: '河南省', city: '新乡市' }), 'region');
    expect(districts.by).toBe('district');
    expect(districts.groups).toEqual([{ group: '牧野区', reportsWithText: 5 }]);
    // Each cell counts reports once however many of their sentences name the theme.
    for (const c of cities.cells) {
      const [{ n }] = rows(
        db,
        "SELECT COUNT(DISTINCT pt.report_id) AS n FROM problem_themes pt JOIN reports r USING (report_id) WHERE r.province = '河南省' AND r.city = ? AND pt.theme = ?",
        [c.group, c.theme],
      );
      expect(c.reports, `${c.group} ${c.theme}`).toBe(n);
    }
    // form_channels is named twice in 花园's sentences, and counts once per report.
    expect(districts.cells.find((c) => c.theme === 'form_channels')?.reports).toBe(5);
    expect(await q.themeShares(run, F({ years: [1999] }), 'region')).toEqual({ by: 'province', groups: [], cells: [] });
  });

  it('themeSentences lists the sentences behind a theme, latest year first, with office and phrase', async () => {
    const platform = await q.themeSentences(run, F(), 'platform');
    const stored = rows(db, "SELECT COUNT(*) AS n FROM problem_themes WHERE theme = 'platform'")[0].n;
    expect(platform.total).toBe(stored);
    expect(platform.sentences[0]).toEqual({
      reportId: reportId('crafted/huayuan-2023.txt'),
      seq: expect.any(Number),
      theme: 'platform',
      sentence: '政务新媒体账号更新不及时，部分栏目长期空白',
      phrase: '新媒体',
      officeId: '410711004',
      officeName: '花园办事处',
      year: 2023,
    });
    expect(markPhrase(platform.sentences[0].sentence, platform.sentences[0].phrase)).toEqual([
      { text: '政务', mark: false },
      { text: '新媒体', mark: true },
      { text: '账号更新不及时，部分栏目长期空白', mark: false },
    ]);
    const years = platform.sentences.map((s) => s.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));

    const staff = await q.themeSentences(run, F({ years: [2022] }), 'staff');
    expect(staff.sentences.every((s) => s.year === 2022)).toBe(true);
    expect(staff.sentences.map((s) => [s.officeName, s.sentence, s.phrase])).toContainEqual(['轻工路街道办事处', '队伍建设薄弱，人员专业水平一般', '队伍']);
    // Every sentence's phrase is found in it, so the view can mark it.
    for (const s of (await q.themeSentences(run, F(), 'completeness')).sentences) expect(phraseRange(s.sentence, s.phrase), s.sentence).not.toBeNull();

    const one = await q.themeSentences(run, F(), 'completeness', 1);
    expect(one.sentences).toHaveLength(1);
    expect(one.total).toBeGreaterThan(1);
    expect(await q.themeSentences(run, F(), 'no-such-theme')).toEqual({ total: 0, sentences: [] });
  });

  it('officeThemes gives an office’s themed sentences, oldest year first', async () => {
    const themes = await q.officeThemes(run, '410711004');
    const stored = rows(
      db,
      "SELECT r.year, pt.theme, pt.sentence FROM problem_themes pt JOIN reports r USING (report_id) WHERE r.office_id = '410711004' ORDER BY r.year, pt.seq",
    );
    expect(themes.map((t) => ({ year: t.year, theme: t.theme, sentence: t.sentence }))).toEqual(stored);
    expect(new Set(themes.map((t) => t.year))).toEqual(new Set([2022, 2023]));
    expect(themes.filter((t) => t.year === 2023).map((t) => t.theme)).toContain('platform');
    expect(themes.filter((t) => t.year === 2022).map((t) => t.theme)).not.toContain('platform');
    expect(await q.officeThemes(run, 'no-such-office')).toEqual([]);
  });
});

describe('rates', () => {
  it('reportRates gives every rate of a report with its cases, null where the denominator is 0', async () => {
    const shifan = await q.reportRates(run, reportId('crafted/shifan-2022.txt'));
    expect(shifan.map((r) => r.key)).toEqual(RATES.map((r) => r.key));
    const byKey = Object.fromEntries(shifan.map((r) => [r.key, r]));
    expect(byKey.disclosure_rate.value).toBeCloseTo(10 / 12, 10);
    expect(byKey.disclosure_rate.cases).toBe(12);
    expect(byKey.denial_rate).toEqual({ key: 'denial_rate', value: 0, cases: 12 });
    expect(byKey.rejection_rate.value).toBeCloseTo(2 / 12, 10);
    expect(byKey.review_correction_rate).toEqual({ key: 'review_correction_rate', value: 0.25, cases: 12 });
    expect(byKey.litigation_correction_rate).toEqual({ key: 'litigation_correction_rate', value: null, cases: 0 });
    // 花园办事处 2022 handled nothing: nothing to compute.
    expect((await q.reportRates(run, reportId('seeds/001_ece336a5f188f35c.txt'))).every((r) => r.value === null && r.cases === 0)).toBe(true);
    expect((await q.reportRates(run, 9999)).every((r) => r.value === null && r.cases === null)).toBe(true);
  });

  it('rateRanking ranks offices over the filtered years, only those with enough cases', async () => {
    expect(MIN_CASES_FOR_RANKING).toBe(10);
    const disclosure = await q.rateRanking(run, F(), 'disclosure_rate');
    // 样板: (20 + 4) of (20 + 5); 示范: (9 + 1) of 12; 劳动街道's one application is not enough.
    expect(disclosure).toEqual({
      offices: [
        { officeId: YANGBAN, name: '样板办事处', district: '牧野区', reports: 2, value: 0.96, cases: 25, numerator: 24 },
        { officeId: SHIFAN, name: '示范办事处', district: '牧野区', reports: 1, value: 10 / 12, cases: 12, numerator: 10 },
      ],
      ranked: 2,
      excluded: 1,
    });
    expect((await q.rateRanking(run, F(), 'disclosure_rate', { order: 'asc' })).offices.map((o) => o.name)).toEqual(['示范办事处', '样板办事处']);
    // 2023 alone: 样板's 5 applications are too few.
    expect(await q.rateRanking(run, F({ years: [2023] }), 'disclosure_rate')).toEqual({ offices: [], ranked: 0, excluded: 1 });
    expect((await q.rateRanking(run, F(), 'disclosure_rate', { minCases: 1 })).offices.map((o) => [o.name, o.value, o.cases])).toEqual([
      ['劳动街道', 1, 1],
      ['样板办事处', 0.96, 25],
      ['示范办事处', 10 / 12, 12],
    ]);
    expect((await q.rateRanking(run, F(), 'rejection_rate')).offices.map((o) => [o.name, o.numerator, o.cases])).toEqual([
      ['示范办事处', 2, 12],
      ['样板办事处', 1, 25],
    ]);
    expect((await q.rateRanking(run, F(), 'review_correction_rate')).offices.map((o) => [o.name, o.value, o.cases])).toEqual([['示范办事处', 0.25, 12]]);
    expect((await q.rateRanking(run, F(), 'disclosure_rate', { limit: 1 })).offices).toHaveLength(1);
    await expect(q.rateRanking(run, F(), 'office_id; DROP TABLE reports')).rejects.toThrow(/unknown rate/);
  });
});

describe('the views’ helpers', () => {
  it('percent writes a share with at most one decimal, null as null', () => {
    expect(percent(10 / 12)).toBe('83.3%');
    expect(percent(1, 'en')).toBe('100 %');
    expect(percent(0)).toBe('0%');
    expect(percent(null)).toBeNull();
  });

  it('marks a trigger phrase matched in folded form (NFKC, no spaces) in the sentence as written', () => {
    expect(markPhrase('公开 形式（单一）', '形式(单一)')).toEqual([
      { text: '公开 ', mark: false },
      { text: '形式（单一）', mark: true },
    ]);
    expect(markPhrase('公开形式单一', '渠道')).toEqual([{ text: '公开形式单一', mark: false }]);
    expect(markPhrases('意识不强，不够及时', ['意识', '及时', '意识不'])).toEqual([
      { text: '意识不', mark: true },
      { text: '强，不够', mark: false },
      { text: '及时', mark: true },
    ]);
    // Untrusted text stays text: nothing is interpreted.
    expect(markPhrase('<b>培训</b>不足', '培训').map((s) => s.text).join('')).toBe('<b>培训</b>不足');
  });
});

describe('the quality view’s kinds, when copies disagree', () => {
  it('counts conflicting copies once per severity, and the chart tells the two apart', async () => {
    // 甲: two clean copies that differ, settled by no rule (high); 乙: the second copy adds up
    // wrong (granted 19 of 20), so the cleaner reading is kept (medium).
    const broken = busy('乙办事处', 2022, 20, 20, 0, 0).replace(/^(三、本年度办理结果\t\(一\) 予以公开\t+)20/m, '$119');
    expect(broken).not.toBe(busy('乙办事处', 2022, 20, 20, 0, 0));
    const copies = await open(
      (
        await build(
          filesFrom({
            'a/jia-1.txt': busy('甲办事处', 2022, 20, 20, 0, 0),
            'a/jia-2.txt': busy('甲办事处', 2022, 5, 4, 0, 1),
            'b/yi-1.txt': broken,
            'b/yi-2.txt': busy('乙办事处', 2022, 20, 20, 0, 0),
          }),
        )
      ).database,
    );
    try {
      const summary = await q.qualitySummary(queryRunner(() => copies), F());
      const conflicts = summary.byCode.filter((c) => c.code === 'conflicting-copies');
      expect(conflicts.map((c) => [c.severity, c.reports, c.findings])).toEqual([
        ['high', 1, 1],
        ['medium', 1, 1],
      ]);
      // The bars' keys (a keyed each in the chart fails on a repeated key).
      const keys = summary.byCode.map(kindKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toContain('conflicting-copies/high');
      expect(keys).toContain('conflicting-copies/medium');
    } finally {
      copies.close();
    }
  });
});
