/** CSV export with papaparse: exactly the rows shown, with a BOM so Excel reads the Chinese. */
import Papa from 'papaparse';

export type Cell = string | number | null;

/**
 * A text cell a spreadsheet would take for a formula (an office named `=HYPERLINK(…)`) goes out
 * prefixed with `'`, so it stays text. Papaparse's own `escapeFormulae: true` pattern ends in
 * `.*$` without the s flag, so it misses a text of several lines (`=1\nx`); this one looks at the
 * first character only. Numbers are never touched: -2 stays -2.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function toCsv(columns: string[], rows: Cell[][]): string {
  return '\ufeff' + Papa.unparse({ fields: columns, data: rows.map((r) => r.map((c) => (c === null ? '' : c))) }, { escapeFormulae: FORMULA_START });
}

export function downloadFile(fileName: string, content: string | Uint8Array, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(fileName: string, columns: string[], rows: Cell[][]) {
  downloadFile(fileName.endsWith('.csv') ? fileName : `${fileName}.csv`, toCsv(columns, rows));
}
