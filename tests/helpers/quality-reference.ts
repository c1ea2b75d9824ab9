/**
 * The quality view's answers as it computed them before the build wrote its counts (schema 11):
 * every count from finding_kinds over every report. The tests hold the fast queries (queries.ts
 * qualitySummary, qualityReports over quality_places, quality_counts, quality_reports) to these,
 * filter by filter, on the crafted collection, the Pingtan build and a synthetic one in parts.
 */
import { expect } from 'vitest';
import { NO_FILTERS, qualityReports, qualitySummary, SEVERITIES, type Filters, type QualityOptions, type QualityReport, type QualitySummary, type Run } from '../../src/lib/db/queries';
import type { SqlValue } from '../../src/lib/db/protocol';

// The view report_quality was, over every finding.
const REPORT_QUALITY = `(SELECT r.report_id, COUNT(*) AS findings,
       MAX(CASE f.severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END) AS worst,
       SUM(f.severity = 'high') AS high, SUM(f.severity = 'medium') AS medium, SUM(f.severity = 'low') AS low
FROM finding_kinds f JOIN reports r USING (report_id) GROUP BY r.report_id)`;

function where(f: Filters, extra: string[] = []): { sql: string; params: SqlValue[] } {
  const parts: string[] = [];
  const params: SqlValue[] = [];
  if (f.years.length) (parts.push(`r.year IN (${f.years.map(() => '?').join(', ')})`), params.push(...f.years));
  for (const key of ['province', 'city', 'district', 'template'] as const) if (f[key]) (parts.push(`r.${key} = ?`), params.push(f[key]));
  parts.push(...extra);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export async function fullScanSummary(run: Run, f: Filters): Promise<QualitySummary> {
  const w = where(f);
  const [[totals], byCode] = await Promise.all([
    run(
      `SELECT COUNT(*) AS reports, COUNT(q.report_id) AS with_findings, SUM(q.high > 0) AS high, SUM(q.medium > 0) AS medium, SUM(q.low > 0) AS low
       FROM reports r LEFT JOIN ${REPORT_QUALITY} q ON q.report_id = r.report_id ${w.sql}`,
      w.params,
    ),
    run(
      `SELECT fd.code, fd.severity, COUNT(*) AS findings, COUNT(DISTINCT fd.report_id) AS reports
       FROM finding_kinds fd JOIN reports r ON r.report_id = fd.report_id ${w.sql}
       GROUP BY fd.code, fd.severity
       ORDER BY CASE fd.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, reports DESC, fd.code`,
      w.params,
    ),
  ]);
  return {
    reports: Number(totals?.reports ?? 0),
    withFindings: Number(totals?.with_findings ?? 0),
    high: Number(totals?.high ?? 0),
    medium: Number(totals?.medium ?? 0),
    low: Number(totals?.low ?? 0),
    byCode: byCode.map((r) => ({ code: String(r.code), severity: String(r.severity) as QualityReport['worst'], findings: Number(r.findings), reports: Number(r.reports) })),
  };
}

/** The reports matching, in the list's order (ids, and the counts shown beside each). */
export async function fullScanReports(run: Run, f: Filters, opts: QualityOptions): Promise<{ total: number; reports: Pick<QualityReport, 'reportId' | 'worst' | 'high' | 'medium' | 'low'>[] }> {
  const kind: string[] = [];
  const kindParams: SqlValue[] = [];
  if (opts.severity) (kind.push('fd.severity = ?'), kindParams.push(opts.severity));
  if (opts.code) (kind.push('fd.code = ?'), kindParams.push(opts.code));
  const w = where(f, [`EXISTS (SELECT 1 FROM finding_kinds fd WHERE fd.report_id = r.report_id${kind.map((s) => ` AND ${s}`).join('')})`]);
  const params = [...w.params, ...kindParams];
  const rows = await run(
    `SELECT r.report_id, q.worst, q.high, q.medium, q.low
     FROM reports r JOIN ${REPORT_QUALITY} q ON q.report_id = r.report_id JOIN offices o ON o.office_id = r.office_id
     ${w.sql}
     ORDER BY q.worst DESC, q.high DESC, q.medium DESC, q.low DESC, r.year DESC, o.name, r.report_id`,
    params,
  );
  const worst = (n: SqlValue) => (Number(n) >= 3 ? 'high' : Number(n) === 2 ? 'medium' : 'low');
  return {
    total: rows.length,
    reports: rows.slice(0, opts.limit ?? 200).map((r) => ({ reportId: Number(r.report_id), worst: worst(r.worst), high: Number(r.high), medium: Number(r.medium), low: Number(r.low) })),
  };
}

/**
 * Filters over a collection's own places and years: none, each year, each of up to `places`
 * provinces (with and without its first year), its first city and district, and each format.
 */
export async function filtersOf(run: Run, places = 4): Promise<Filters[]> {
  const years = (await run('SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year')).map((r) => Number(r.year));
  const provinces = await run(`SELECT province, MIN(city) AS city, MIN(year) AS year FROM reports WHERE province IS NOT NULL GROUP BY province ORDER BY COUNT(*) DESC, province LIMIT ${places}`);
  const out: Filters[] = [NO_FILTERS, { ...NO_FILTERS, years }, ...years.map((y) => ({ ...NO_FILTERS, years: [y] }))];
  for (const p of provinces) {
    const province = String(p.province);
    out.push({ ...NO_FILTERS, province }, { ...NO_FILTERS, province, years: [Number(p.year)] });
    if (p.city !== null) {
      const city = String(p.city);
      out.push({ ...NO_FILTERS, province, city });
      const [d] = await run('SELECT MIN(district) AS district FROM reports WHERE province = ? AND city = ?', [province, city]);
      if (d?.district !== null && d?.district !== undefined) out.push({ ...NO_FILTERS, province, city, district: String(d.district) }, { ...NO_FILTERS, district: String(d.district) });
    }
  }
  out.push({ ...NO_FILTERS, template: '2019' }, { ...NO_FILTERS, template: '2021', years: years.slice(-1) });
  return out;
}

/**
 * Asserts the view's queries answer every filter as the full scans do, the list with every
 * severity, and for the first `withKinds` filters every kind too (each full scan reads every
 * finding); returns how many comparisons had reports, so a caller can require real ones.
 */
export async function expectSameAsFullScan(run: Run, filters: Filters[], limit = 50, withKinds = filters.length): Promise<number> {
  let nonEmpty = 0;
  for (const [i, f] of filters.entries()) {
    const summary = await qualitySummary(run, f);
    expect(summary, JSON.stringify(f)).toEqual(await fullScanSummary(run, f));
    const codes = i < withKinds ? summary.byCode.map((c) => c.code) : [];
    const options: QualityOptions[] = [{}, ...SEVERITIES.map((severity) => ({ severity })), ...codes.map((code) => ({ code })), { severity: 'high', code: codes[0] ?? 'identity' }, { code: 'no-such-kind' }];
    for (const o of options) {
      const got = await qualityReports(run, f, { ...o, limit });
      const expected = await fullScanReports(run, f, { ...o, limit });
      expect({ total: got.total, reports: got.reports.map(({ reportId, worst, high, medium, low }) => ({ reportId, worst, high, medium, low })) }, JSON.stringify([f, o])).toEqual(expected);
      if (expected.total) nonEmpty++;
    }
  }
  return nonEmpty;
}
