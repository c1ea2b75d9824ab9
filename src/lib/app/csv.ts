/** CSV export with papaparse: exactly the rows shown, with a BOM so Excel reads the Chinese. */
import Papa from 'papaparse';

export type Cell = string | number | null;

export function toCsv(columns: string[], rows: Cell[][]): string {
  return '\ufeff' + Papa.unparse({ fields: columns, data: rows.map((r) => r.map((c) => (c === null ? '' : c))) });
}

export function downloadFile(fileName: string, content: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([content], { type }));
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
