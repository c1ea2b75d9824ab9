/**
 * The data build lets an office's other years choose between readings of a run (issue 12): two
 * synthetic reports of one office, 2022 printed as tab-separated rows (every cell certain) and 2023
 * saved by a crawler on one line, where "行政规范性文件5611" reads three ways and the rows 上年结转
 * and 结转下年度 ("10100011" each) two ways together. Alone, 2023 leaves those cells null with its
 * readings recorded; built with 2022, every cell of both reports is the number rendered.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { applyDecisions, decidedAcrossYears } from '../src/lib/build/across-years';
import { readReportFile } from '../src/lib/build/read-file';
import { reportRecord } from '../src/lib/db/queries';
import { readLimits } from '../src/lib/formats/index';
import type { ReportRecord } from '../src/lib/report/record';
import { loadDivisionList, loadDivisions } from '../scripts/lib/divisions';
import { mulberry32, officePicker, randomRecordNumbers, renderReport, seedOf, type Layout, type ReportSpec } from '../scripts/lib/synthetic';
import { build, filesFrom, open, rows, queryRunner } from './helpers/database';

const office = officePicker(loadDivisionList())(mulberry32(seedOf('across-years', 'office')));
const X = [10, 1, 0, 0, 0, 0, 11];
const Y = [1, 0, 10, 0, 0, 0, 11];
const COLUMNS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];
const cells = (values: number[]) => Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]]));

/** A 2021-format report of the office: zeros but three applications granted and the rows given. */
function spec(year: number, normativeDocuments: number[], newReceived: number[], carriedOver: number[], carriedForward: number[]): ReportSpec {
  const numbers = randomRecordNumbers(mulberry32(seedOf('across-years', year)), '2021', { sparsity: 1, otherForm: 'split' });
  numbers.active.normativeDocuments = { issued: normativeDocuments[0], repealed: normativeDocuments[1], inForce: normativeDocuments[2] };
  const three = cells([3, 0, 0, 0, 0, 0, 3]);
  Object.assign(numbers.applications, { newReceived: cells(newReceived), granted: three, totalProcessed: three, carriedOver: cells(carriedOver), carriedForward: cells(carriedForward) });
  return { template: '2021', year, office, ...numbers };
}
const text = (s: ReportSpec, layout: Layout) => renderReport(s, layout, mulberry32(seedOf('across-years', s.year, layout)));

// 2022: 12 documents in force; 14 new applications, 3 granted, X carried forward. 2023: 5 issued, 6
// repealed, 11 in force; 3 new applications, granted; X carried over and X forward.
const SPEC_2022 = spec(2022, [0, 0, 12], [13, 1, 0, 0, 0, 0, 14], [0, 0, 0, 0, 0, 0, 0], X);
const SPEC_2023 = spec(2023, [5, 6, 11], [3, 0, 0, 0, 0, 0, 3], X, X);
const FILES = { '2022.txt': text(SPEC_2022, 'tab'), '2023.txt': text(SPEC_2023, 'crawler-one-line') };

const runOn = (db: Database) => queryRunner(() => db);

async function parsed(name: keyof typeof FILES): Promise<ReportRecord> {
  const read = await readReportFile({ path: name }, () => new TextEncoder().encode(FILES[name]), { divisions: loadDivisions(), limits: readLimits() });
  if (!read.ok) throw new Error(read.file.message);
  return read.file.record;
}

async function built(names: (keyof typeof FILES)[]) {
  const db = await open((await build(filesFrom(Object.fromEntries(names.map((n) => [n, FILES[n]]))))).database);
  const ids = rows(db, 'SELECT report_id, source_path, office_id FROM reports ORDER BY year');
  const records = await Promise.all(ids.map((r) => reportRecord(runOn(db), Number(r.report_id))));
  return { db, ids, records };
}

const tablesOf = (r: ReportRecord | ReportSpec) => ({ active: r.active, applications: r.applications, reviewLitigation: r.reviewLitigation });

describe('readings chosen by the office’s other years', () => {
  it('2023 alone: the runs read several ways stay null, their readings recorded', async () => {
    const record = await parsed('2023.txt');
    expect(record.active.normativeDocuments).toEqual({ issued: null, repealed: null, inForce: null });
    expect(record.applications.carriedOver).toEqual(cells(Array(7).fill(null)));
    expect(record.applications.carriedForward).toEqual(cells(Array(7).fill(null)));
    expect(record.ambiguities.map((a) => [a.cells[0], a.cells.length, a.readings])).toEqual([
      ['active.normativeDocuments.issued', 3, [[5, 6, 11], [5, 61, 1], [56, 1, 1]]],
      ['applications.carriedOver.naturalPerson', 14, [[...Y, ...Y], [...X, ...X]]],
    ]);
    const { db, records } = await built(['2023.txt']);
    expect(records[0].ambiguities).toEqual(record.ambiguities);
    expect(rows(db, "SELECT message_en FROM findings WHERE code = 'cells-unread'").map((r) => String(r.message_en).slice(0, 40))).toEqual([
      'Table II (proactive disclosure) has 3 ce',
      'Table III (applications) has 14 cells th',
    ]);
    db.close();
  });

  it('built with 2022, every cell of both reports is the number rendered, and the record says which year chose it', async () => {
    const { db, ids, records } = await built(['2022.txt', '2023.txt']);
    expect(ids.map((r) => r.source_path)).toEqual(['2022.txt', '2023.txt']);
    expect(ids[0].office_id).toBe(ids[1].office_id);
    const [r2022, r2023] = records;
    expect(tablesOf(r2022)).toEqual(tablesOf(SPEC_2022));
    expect(tablesOf(r2023)).toEqual(tablesOf(SPEC_2023));
    expect(r2023.ambiguities).toEqual([]);
    expect(r2023.checks.every((c) => c.ok)).toBe(true);
    expect(r2023.checks.filter((c) => c.id.startsWith('applications.balance'))).toHaveLength(7);
    const line = (await parsed('2023.txt')).ambiguities[0].lines[0];
    expect([r2023.sources['active.normativeDocuments.inForce'], r2023.sources['applications.carriedOver.total']]).toEqual([line, line]);
    expect(r2023.warnings.slice(-3)).toEqual([
      'table 二: row "行政规范性文件" read as 5,6,11 (of 3 readings) by the office\'s other years: the only one that agrees with its 2022 report\'s 现行有效件数',
      'table 三: row "二、上年结转政府信息公开申请数量" read as 10,1,0,0,0,0,11 (of 2 readings) by the office\'s other years: the only one that agrees with its 2022 report\'s 四、结转下年度继续办理',
      'table 三: row "四、结转下年度继续办理" read as 10,1,0,0,0,0,11 (of 2 readings) by the office\'s other years: the only one that agrees with its 2022 report\'s 四、结转下年度继续办理',
    ]);
    // Both cross-year identities now hold, on numbers read with confidence; no cell is left unread.
    expect(rows(db, 'SELECT check_id, expected, actual, ok FROM cross_year_checks ORDER BY check_id')).toEqual([
      { check_id: 'active.inForce.normativeDocuments', expected: 11, actual: 11, ok: 1 },
      { check_id: 'active.inForce.regulations', expected: 0, actual: 0, ok: 1 },
      { check_id: 'applications.carryOver', expected: 11, actual: 11, ok: 1 },
    ]);
    expect(rows(db, "SELECT COUNT(*) AS n FROM findings WHERE code IN ('cells-unread', 'identity', 'carry-over')")[0].n).toBe(0);
    db.close();
  });

  it('the database holds the record the build made, key for key, and the parser’s record is left as it was', async () => {
    const reports = [
      { path: '2022.txt', record: await parsed('2022.txt') },
      { path: '2023.txt', record: await parsed('2023.txt') },
    ];
    const before = JSON.stringify(reports[1].record);
    const changed = decidedAcrossYears(reports, (r) => r.path, () => 'one office');
    expect(changed.map(([r]) => r.path)).toEqual(['2023.txt']);
    expect(JSON.stringify(reports[1].record)).toBe(before);
    const { db, records } = await built(['2022.txt', '2023.txt']);
    expect(JSON.stringify(records[1])).toBe(JSON.stringify(changed[0][1]));
    expect(applyDecisions(reports[0].record, [])).toBe(reports[0].record);
    db.close();
  });

  it('a copy of the decided report is still a duplicate with the same numbers (the files read the same)', async () => {
    const db = await open((await build(filesFrom({ ...FILES, '2023-copy.txt': FILES['2023.txt'] }))).database);
    expect(rows(db, "SELECT path, status, numbers_differ FROM files WHERE path LIKE '2023%' ORDER BY path")).toEqual([
      { path: '2023-copy.txt', status: 'parsed', numbers_differ: null },
      { path: '2023.txt', status: 'duplicate', numbers_differ: 0 },
    ]);
    expect(rows(db, "SELECT COUNT(*) AS n FROM warnings w JOIN reports r USING (report_id) WHERE r.source_path = '2023-copy.txt' AND w.message LIKE '%other years%'")[0].n).toBe(3);
    db.close();
  });
});
