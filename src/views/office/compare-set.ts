/**
 * The offices being compared. The compare view's URL holds them (ids=a,b,c); the last set is also
 * remembered, so "add to compare" on an office page adds to it instead of starting over.
 */
import { hrefFor } from '../../lib/app/route.svelte';

export const MAX_COMPARE = 6;
const KEY = 'gongkai.compare';

export function parseIds(param: string | null | undefined): string[] {
  return [...new Set((param ?? '').split(',').map((s) => s.trim()).filter(Boolean))].slice(0, MAX_COMPARE);
}

export function rememberCompare(ids: string[]) {
  try {
    localStorage.setItem(KEY, ids.join(','));
  } catch {
    // Private browsing may refuse storage: the URL still holds the set.
  }
}

function remembered(): string[] {
  try {
    return parseIds(localStorage.getItem(KEY));
  } catch {
    return [];
  }
}

/** The compare view with this office added to the last set (the oldest dropped beyond six). */
export function compareHref(officeId: string): string {
  const ids = [...remembered().filter((id) => id !== officeId), officeId].slice(-MAX_COMPARE);
  return hrefFor('compare', null, { ids: ids.join(',') });
}
