/**
 * A report's original address comes from the saved page itself: untrusted. It becomes a link only
 * when it is an absolute http(s) URL — never javascript:, data: or a relative path — else it is
 * shown as text, or not at all.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
