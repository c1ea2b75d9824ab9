/** The files of a manifest's extras by name, a subset published in numbered files (sources-by-id.001 …) once, with their count and sizes summed. */
export function extrasByName(extras: readonly { bytes: number; gzip: { file: string; bytes: number } }[]): { name: string; files: number; bytes: number; gzipBytes: number }[] {
  const byName = new Map<string, { name: string; files: number; bytes: number; gzipBytes: number }>();
  for (const e of extras) {
    const name = e.gzip.file.replace(/^[^.]*\.|(\.\d+)?\.sqlite\.gz$/g, '');
    const seen = byName.get(name) ?? { name, files: 0, bytes: 0, gzipBytes: 0 };
    byName.set(name, { name, files: seen.files + 1, bytes: seen.bytes + e.bytes, gzipBytes: seen.gzipBytes + e.gzip.bytes });
  }
  return [...byName.values()];
}

/** "sources-by-id 85×": a name, and how many files when more than one. */
export const extrasLabel = (e: { name: string; files: number }) => `${e.name}${e.files > 1 ? ` ${e.files}×` : ''}`;
