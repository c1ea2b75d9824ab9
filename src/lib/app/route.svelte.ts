/**
 * Hash routing: the URL holds the view and every filter and selection, so a shared link (or a
 * reload) reopens the same view, and GitHub Pages needs nothing special at any sub-path.
 *   #/overview?years=2022,2023&province=河南省
 *   #/office/410711004?year=2022&figure=applications.newReceived.total
 *   #/compare?ids=410711004,420102009     #/problems?q=培训&theme=staff     #/data?sql=SELECT…
 *   #/quality?years=2023&severity=high&code=identity     #/overview?rate=denial_rate&order=asc
 * In English every link carries `lang=en`, so a shared link opens in the language it was shared in;
 * a link without `lang` opens in the reader's stored choice (Chinese by default).
 */
import type { Filters } from '../db/queries';
import { applyLanguage, language, languageInHash, setLanguage, type Language } from './i18n.svelte';

export type View = 'overview' | 'offices' | 'office' | 'compare' | 'problems' | 'quality' | 'data' | 'check' | 'collection' | 'about';
const VIEWS: View[] = ['overview', 'offices', 'office', 'compare', 'problems', 'quality', 'data', 'check', 'collection', 'about'];

export interface Route {
  view: View;
  /** The path segment after the view: the office id of #/office/ID. */
  id: string | null;
  params: Record<string, string>;
}

function parse(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [first, ...rest] = path.split('/');
  const view = VIEWS.includes(first as View) ? (first as View) : 'overview';
  const params = Object.fromEntries(new URLSearchParams(query));
  return { view, id: rest.length ? decodeURIComponent(rest.join('/')) : null, params };
}

export function hrefFor(view: View, id: string | null = null, params: Record<string, string | null | undefined> = {}): string {
  const withLang = { ...params, lang: language.current === 'en' ? 'en' : null };
  const query = new URLSearchParams(Object.entries(withLang).filter((e): e is [string, string] => !!e[1])).toString();
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ''}${query ? `?${query}` : ''}`;
}

export const route = $state<Route>(parse(typeof location !== 'undefined' ? location.hash : ''));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    Object.assign(route, parse(location.hash));
    const lang = languageInHash(location.hash);
    if (lang && lang !== language.current) applyLanguage(lang);
  });
}

export function navigate(view: View, id: string | null = null, params: Record<string, string | null | undefined> = {}) {
  location.hash = hrefFor(view, id, params);
}

/** The reader switches language: remembered, and the address says it, without a new history entry. */
export function switchLanguage(lang: Language) {
  setLanguage(lang);
  // route.params may keep a stale `lang`: hrefFor always writes the current one.
  history.replaceState(history.state, '', hrefFor(route.view, route.id, route.params));
}

/** Change some parameters of the current view, keeping the rest. */
export function setParams(changes: Record<string, string | null | undefined>) {
  navigate(route.view, route.id, { ...route.params, ...changes });
}

// ── Filters live in the URL too ──────────────────────────────────────────────────────────────

export function filtersFrom(params: Record<string, string>): Filters {
  return {
    years: (params.years ?? '').split(',').filter(Boolean).map(Number).filter(Number.isFinite),
    province: params.province || null,
    city: params.city || null,
    district: params.district || null,
    template: params.template === '2021' || params.template === '2019' ? params.template : null,
  };
}

export function filterParams(f: Filters): Record<string, string | null> {
  return { years: f.years.length ? f.years.join(',') : null, province: f.province, city: f.city, district: f.district, template: f.template };
}
