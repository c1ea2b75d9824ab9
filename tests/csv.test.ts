/** CSV exports: text a spreadsheet would evaluate goes out as text; numbers stay numbers. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/lib/app/csv';

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, '')).data;

describe('toCsv', () => {
  it("prefixes text that starts like a formula with ', and leaves numbers alone", () => {
    const csv = toCsv(
      ['office', 'n'],
      [
        ['=HYPERLINK("x")', 1],
        ['+1', -2],
        ['-2', 3.5],
        ['@SUM(A1)', 0],
        ['\tTAB', null],
        ['\rCR', 7],
        ['=1\n=2', 8],
        ['劳动街道', -1],
        ['a=b', 9],
      ],
    );
    expect(parse(csv)).toEqual([
      ['office', 'n'],
      [`'=HYPERLINK("x")`, '1'],
      ["'+1", '-2'],
      ["'-2", '3.5'],
      ["'@SUM(A1)", '0'],
      ["'\tTAB", ''],
      ["'\rCR", '7'],
      ["'=1\n=2", '8'],
      ['劳动街道', '-1'],
      ['a=b', '9'],
    ]);
    // A number is written as it is, unquoted: -2, never '-2.
    expect(csv.split('\r\n')[2]).toBe(`"'+1",-2`);
  });

  it('escapes column names too (a SQL box column may be named anything)', () => {
    expect(parse(toCsv(['=x', 'y'], [[1, 2]]))).toEqual([["'=x", 'y'], ['1', '2']]);
  });

  it('starts with a BOM so spreadsheets read the Chinese', () => {
    expect(toCsv(['机关'], [['劳动街道']])).toBe('\ufeff机关\r\n劳动街道');
  });
});
