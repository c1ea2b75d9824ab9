/**
 * A path inside a collection, as the build names files: "/"-separated, relative, never leaving the
 * collection's folder. Archive entries come from elsewhere: one named "../x" or "/etc/x" would
 * land outside the folder when unpacked (zip-slip), so it gets no path.
 */
export function safeEntryPath(name: string): string | null {
  const cleaned = name.replace(/\\/g, '/');
  if (cleaned.startsWith('/') || /^[a-z]:/i.test(cleaned)) return null;
  const parts: string[] = [];
  for (const part of cleaned.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? parts.join('/') : null;
}
