/** When build:data ran, as a reader reads it: "2026-01-31 08:15 UTC" (the manifest's ISO 8601 time, minutes only). */
export function formatBuiltAt(iso: string | undefined | null): string | null {
  if (!iso) return null;
  return iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}
