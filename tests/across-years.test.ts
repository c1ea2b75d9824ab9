/**
 * The office's other years choosing between readings of a run (src/lib/build/across-years.ts),
 * on views made by hand: a reading is chosen only when it alone agrees with a neighbouring year's
 * numbers read with confidence, and decisions chain across years the same whatever the order.
 */
import { describe, expect, it } from 'vitest';
import { crossYearCells, decideAcrossYears, type YearView } from '../src/lib/build/across-years';
import type { Ambiguity } from '../src/lib/report/record';

const ND = ['issued', 'repealed', 'inForce'].map((c) => `active.normativeDocuments.${c}`);
const COLUMNS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg', 'total'];
const OVER = COLUMNS.map((c) => `applications.carriedOver.${c}`);
const FORWARD = COLUMNS.map((c) => `applications.carriedForward.${c}`);

/** A report of office `o` with every cell the rules read null but those given. */
function view(key: string, year: number, cells: Record<string, number | null>, ambiguities: Ambiguity[] = [], template: '2021' | '2019' = '2021', officeId = 'o'): YearView {
  return { key, officeId, year, template, cells: { ...Object.fromEntries(crossYearCells().map((c) => [c, null])), ...cells }, ambiguities };
}
const documents = (issued: number | null, repealed: number | null, inForce: number | null) => ({ [ND[0]]: issued, [ND[1]]: repealed, [ND[2]]: inForce });
const run = (readings: number[][], cells = ND): Ambiguity => ({ cells, lines: cells.map(() => 10), readings });
const row = (paths: string[], values: number[]) => Object.fromEntries(paths.map((p, i) => [p, values[i]]));

describe('decideAcrossYears', () => {
  it('reads 行政规范性文件 "5611" as 5,6,11: last year 12 in force, 12 + 5 − 6 = 11; 5,61,1 and 56,1,1 do not follow on', () => {
    const decisions = decideAcrossYears([view('2022.txt', 2022, documents(0, 0, 12)), view('2023.txt', 2023, {}, [run([[5, 6, 11], [5, 61, 1], [56, 1, 1]])])]);
    expect(decisions).toEqual([{ key: '2023.txt', ambiguity: 0, cells: ND, values: [5, 6, 11], of: 3, agreesWith: [{ year: 2022, terms: ['现行有效件数'] }] }]);
  });

  it('reads this year by next year too: 23 in force + 2 issued − 0 repealed = next year\'s 25', () => {
    const decisions = decideAcrossYears([view('2023.txt', 2023, {}, [run([[2, 0, 23], [20, 2, 3]])]), view('2024.txt', 2024, documents(2, 0, 25))]);
    expect(decisions.map((d) => [d.values, d.agreesWith])).toEqual([[[2, 0, 23], [{ year: 2024, terms: ['本年制发件数', '本年废止件数', '现行有效件数'] }]]]);
  });

  it('chooses a table-三 reading of 上年结转 and 结转下年度 together, column by column, by last year\'s 结转下年度', () => {
    const x = [10, 1, 0, 0, 0, 0, 11];
    const y = [1, 0, 10, 0, 0, 0, 11];
    const ambiguity = run([[...x, ...x], [...y, ...y]], [...OVER, ...FORWARD]);
    // Last year forwarded 1,0,10,…: only the second reading carries it over (the totals agree either way).
    const decisions = decideAcrossYears([view('2022.txt', 2022, row(FORWARD, y)), view('2023.txt', 2023, {}, [ambiguity])]);
    expect(decisions.map((d) => [d.key, d.values, d.agreesWith])).toEqual([['2023.txt', [...y, ...y], [{ year: 2022, terms: ['四、结转下年度继续办理'] }]]]);
    // Next year's 上年结转 decides as well.
    const byNext = decideAcrossYears([view('2023.txt', 2023, {}, [ambiguity]), view('2024.txt', 2024, row(OVER, x))]);
    expect(byNext.map((d) => [d.values, d.agreesWith])).toEqual([[[...x, ...x], [{ year: 2024, terms: ['二、上年结转政府信息公开申请数量'] }]]]);
  });

  it('refuses when two readings agree, none does, or the neighbour\'s number is itself unknown', () => {
    const ambiguous = view('2023.txt', 2023, {}, [run([[1, 0, 5], [2, 1, 5]])]);
    // 4 + 1 − 0 = 4 + 2 − 1 = 5: both follow on.
    expect(decideAcrossYears([view('2022.txt', 2022, documents(0, 0, 4)), ambiguous])).toEqual([]);
    // 9 + 1 − 0 ≠ 5 and 9 + 2 − 1 ≠ 5: neither does; the report does not follow on whichever it says.
    expect(decideAcrossYears([view('2022.txt', 2022, documents(0, 0, 9)), ambiguous])).toEqual([]);
    // Last year's in force not read: nothing to set the readings against.
    const single = view('2023.txt', 2023, {}, [run([[5, 6, 11], [5, 61, 1], [56, 1, 1]])]);
    expect(decideAcrossYears([view('2022.txt', 2022, documents(0, 0, null)), single])).toEqual([]);
    // The first reading follows on from last year, but next year's numbers agree with none.
    expect(decideAcrossYears([view('2022.txt', 2022, documents(0, 0, 12)), single, view('2024.txt', 2024, documents(0, 0, 3))])).toEqual([]);
  });

  it('sets a report only against the same office in the adjacent years, and 现行有效件数 only between 2021-format reports', () => {
    const single = () => view('2023.txt', 2023, {}, [run([[5, 6, 11], [5, 61, 1], [56, 1, 1]])]);
    expect(decideAcrossYears([view('2021.txt', 2021, documents(0, 0, 12)), single()])).toEqual([]);
    expect(decideAcrossYears([view('2022.txt', 2022, documents(0, 0, 12), [], '2021', 'other office'), single()])).toEqual([]);
    expect(decideAcrossYears([view('2022.txt', 2022, documents(0, 0, 12), [], '2019'), single()])).toEqual([]);
  });

  it('chains: 2021 decides 2022, whose reading then decides 2023, whatever order the reports come in', () => {
    const views = () => [
      view('2021.txt', 2021, documents(0, 0, 12)),
      view('2022.txt', 2022, {}, [run([[5, 6, 11], [5, 61, 1], [56, 1, 1]])]),
      // 11 + 1 − 0 = 12; 11 + 10 − 1 ≠ 2. Without 2022's reading nothing decides it.
      view('2023.txt', 2023, {}, [run([[1, 0, 12], [10, 1, 2]])]),
    ];
    const decisions = decideAcrossYears(views());
    expect(decisions.map((d) => [d.key, d.values, d.agreesWith.map((a) => a.year)])).toEqual([
      ['2022.txt', [5, 6, 11], [2021]],
      ['2023.txt', [1, 0, 12], [2022]],
    ]);
    expect(decideAcrossYears(views().reverse())).toEqual(decisions);
    expect(decideAcrossYears(views().slice(1))).toEqual([]);
  });
});
