/**
 * Title, office, year and place of a report. The year comes from the title, then from the
 * 统计期限 sentence, never from a file name; the place from the names the report itself gives,
 * matched against the national code list (a bare office name only when it is unique nationally).
 */
import type { DivisionIndex, Place } from './divisions';
import type { Region } from './record';
import { toSimplifiedText } from './normalize';

export interface Metadata {
  title: string | null;
  office: string | null;
  year: number | null;
  region: Region;
  divisionCode: string | null;
  warnings: string[];
}

const YEAR_IN_TITLE = /((?:19|20)\d{2})\s*年/;
const GOVERNMENT_REST = /^(人民政府|政府|人民政府办公室|政府办公室|办公室)/;
const STREET_LIKE = /(街道办事处|街道|办事处|镇人民政府|乡人民政府|镇政府|乡政府|镇|乡|苏木)$/;

/** A title without the full stops and commas it ends with (a loop: /[。，]+$/ is quadratic on a run of them). */
function withoutFinalStops(title: string): string {
  let end = title.length;
  while (end > 0 && '。.，,'.includes(title[end - 1])) end--;
  return title.slice(0, end);
}

/** The title: the first line naming the annual report, with its office line if PDF split them. */
export function findTitle(lines: string[], matchLines: string[]): string | null {
  const compact = (l: string) => l.replace(/^#+\s*/, '').replace(/\s+/g, '');
  const candidates: { text: string; key: string }[] = [];
  for (let i = 0; i < lines.length && candidates.length < 25; i++) {
    if (lines[i].trim()) candidates.push({ text: compact(lines[i]), key: compact(matchLines[i]) });
  }
  const at = candidates.findIndex((c, i) => /年度报告|年报/.test(c.key) && /信息公开/.test((candidates[i - 1]?.key ?? '') + c.key) && c.key.length <= 60);
  if (at < 0) return null;
  let title = candidates[at].text;
  const prev = candidates[at - 1];
  // "洪泽区人民政府" / "2023年政府信息公开工作年度报告": the office stands on the line above.
  if (prev && /^((19|20)\d{2}年|年度报告|政府信息公开)/.test(candidates[at].key) && prev.key.length <= 30 && !/[,.:;]/.test(prev.key)) {
    title = prev.text + title;
  }
  return withoutFinalStops(title);
}

export function findYear(title: string | null, matchLines: string[]): number | null {
  const inTitle = title ? YEAR_IN_TITLE.exec(title) : null;
  if (inTitle) return Number(inTitle[1]);
  // "统计期限自2023年1月1日起至2023年12月31日止" (the sentence may wrap across lines)
  const text = matchLines.join('').replace(/\s+/g, '');
  // The year within a few characters of the words ("统计期限为自2023年…"): unbounded, the search
  // from every 统计 to the next 。 was quadratic on a text of such words.
  const period = /统计(?:期限|时限|时间|区间)[^。]{0,30}?((?:19|20)\d{2})年1月1日/.exec(text) ?? /((?:19|20)\d{2})年1月1日(?:起)?至\1年12月31日/.exec(text);
  return period ? Number(period[1]) : null;
}

/** Place names at the start of a name: "新乡市牧野区花园办事处" → [新乡市, 牧野区], rest 花园办事处. */
function leadingPlaces(name: string, index: DivisionIndex | undefined): { places: string[]; rest: string } {
  const places: string[] = [];
  let rest = name;
  for (;;) {
    let found = '';
    for (let len = Math.min(10, rest.length - 1); len >= 2; len--) {
      const prefix = rest.slice(0, len);
      const known = index
        ? index.provinceByName.has(prefix) || index.cityByName.has(prefix) || index.areaByName.has(prefix)
        : /^[\u3400-\u9fff]{2,7}(省|自治区|市|自治州|州|盟|区|县|旗)$/.test(prefix) && !/^(街道|办事处)/.test(rest.slice(len));
      if (known) {
        found = prefix;
        break;
      }
    }
    if (!found) return { places, rest };
    places.push(found);
    rest = rest.slice(found.length);
  }
}

export function officeOf(title: string | null, index: DivisionIndex | undefined): { office: string | null; places: string[]; fullName: string | null } {
  if (!title) return { office: null, places: [], fullName: null };
  const m = YEAR_IN_TITLE.exec(title);
  // "…管理局 关于2021年度…", "…管理局关于报送2020年度…的函": the office stands before the 关于.
  // Spaces first, so that no pattern has to scan runs of them.
  const name = (m ? title.slice(0, m.index) : title.split(/政府信息公开/)[0])
    .replace(/\s+/g, '')
    .replace(/^关于/, '')
    .replace(/关于(?:报送|印发|公布|发布|公开)?$/, '');
  if (!name) return { office: null, places: [], fullName: null };
  const { places, rest } = leadingPlaces(name, index);
  // A government keeps its own name: 淮安市洪泽区人民政府 → 洪泽区人民政府.
  if (places.length && (GOVERNMENT_REST.test(rest) || rest === '')) {
    return { office: places[places.length - 1] + rest, places, fullName: name };
  }
  return { office: rest || name, places, fullName: name };
}

/** Street-name forms an office may be listed under: 花园办事处 → 花园街道, 花园办事处, 花园. */
function streetForms(office: string): string[] {
  const core = office.replace(/(人民政府|政府)$/, '');
  const base = core.replace(/(街道办事处|办事处|街道)$/, '');
  return [...new Set([core, base + '街道', base + '办事处', base])];
}

export function placeOf(
  office: string | null,
  places: string[],
  fullText: string,
  index: DivisionIndex | undefined,
): { place: Place; warning?: string } {
  const none: Place = { province: null, city: null, district: null, code: null };
  if (!office || !index) return { place: none };
  const named = {
    province: places.find((p) => index.provinceByName.has(p)),
    city: places.find((p) => index.cityByName.has(p)),
    district: places.filter((p) => index.areaByName.has(p)).pop(),
  };
  const areasNamed = named.district ? index.areaByName.get(named.district)! : [];
  const citiesNamed = named.city ? index.cityByName.get(named.city)! : [];

  if (STREET_LIKE.test(office) && !GOVERNMENT_REST.test(office)) {
    let candidates = streetForms(office).flatMap((n) => index.streets(n));
    if (areasNamed.length) candidates = candidates.filter((s) => areasNamed.includes(s.areaCode));
    else if (citiesNamed.length) candidates = candidates.filter((s) => citiesNamed.includes(index.cityOfArea(s.areaCode) ?? ''));
    else if (candidates.length > 1) {
      // The report names its district or city somewhere ("江岸区劳动街道办事处"): use that context.
      const byArea = candidates.filter((s) => fullText.includes(index.placeOfArea(s.areaCode).district ?? '\u0000'));
      const byCity = candidates.filter((s) => fullText.includes(index.placeOfArea(s.areaCode).city ?? '\u0000'));
      candidates = byArea.length ? byArea : byCity;
    }
    if (candidates.length === 1) return { place: { ...index.placeOfArea(candidates[0].areaCode), code: candidates[0].code } };
    const why = candidates.length === 0 ? 'no street or township of that name there' : `${candidates.length} places share that name`;
    // Keep what the title itself says.
    const fallback = areasNamed.length === 1 ? index.placeOfArea(areasNamed[0]) : citiesNamed.length === 1 ? index.placeOfCity(citiesNamed[0]) : none;
    return { place: fallback, warning: `office "${office}" not matched to a division code (${why}); divisionCode is null` };
  }
  let areas = areasNamed;
  if (areas.length > 1 && citiesNamed.length) areas = areas.filter((a) => citiesNamed.includes(index.cityOfArea(a) ?? ''));
  if (areas.length > 1) areas = areas.filter((a) => fullText.includes(index.placeOfArea(a).city ?? '\u0000'));
  if (areas.length === 1) return { place: index.placeOfArea(areas[0]) };
  if (citiesNamed.length === 1) return { place: index.placeOfCity(citiesNamed[0]) };
  return { place: none, warning: `the place of "${office}" could not be told from the report; region is null` };
}

/** A page title that names the report: "…2021年度政府信息公开工作年度报告", "…年度报告的函". */
const NAMES_REPORT = /信息公开.{0,8}(?:年度报告|年报|工作报告)/;

/**
 * A title from the opening sentence, for a text without a title line: "现公布平潭综合实验区金井片区
 * 管理局2020年政府信息公开工作年度报告。" → the report's name in it.
 */
function titleFromOpening(lines: string[]): string | null {
  const head = lines.filter((l) => l.trim()).slice(0, 3).join('').replace(/\s+/g, '').slice(0, 400);
  const m = /([\u3400-\u9fff（）()]{2,40}?(?:19|20)\d{2}年度?政府信息公开(?:工作)?年度报告)/.exec(head);
  if (!m) return null;
  return m[1].replace(/^.*?(?:现将|现予|现|特|予以)(?:公布|发布|公开|印发)?/, '').replace(/^(?:关于|本机关|我局|我单位)/, '') || null;
}

export function readMetadata(lines: string[], matchLines: string[], index: DivisionIndex | undefined, pageTitle: string | null = null): Metadata {
  const warnings: string[] = [];
  // A saved page's own title (标题:) names the report as its publisher did; the body may open
  // with chrome, an addressee ("区管委会办公室：") or nothing at all.
  let title = pageTitle && NAMES_REPORT.test(pageTitle) ? withoutFinalStops(pageTitle.replace(/\s+/g, '')) : findTitle(lines, matchLines);
  if (!title) {
    title = titleFromOpening(lines);
    if (title) warnings.push(`no title line: the office and year are read from the opening sentence ("${title}")`);
    else warnings.push('no title line naming the annual report was found');
  }
  const year = findYear(title, matchLines);
  if (year === null) warnings.push('the year reported on is given neither in the title nor in a 统计期限 sentence');
  // The office is named in simplified characters, as the code list and the other years name it:
  // a copy on a mirror site in traditional characters is the same office.
  const { office, places } = officeOf(title && toSimplifiedText(title), index);
  const fullText = matchLines.join('');
  const { place, warning } = placeOf(office, places, fullText, index);
  if (warning) warnings.push(warning);
  // A title that opens with a district ("洪泽区人民政府…") is given its city when the report
  // itself writes the two together ("淮安市洪泽区人民政府办公室").
  if (title && place.city && place.district && toSimplifiedText(title).startsWith(place.district) && fullText.includes(place.city + place.district)) {
    title = place.city + title;
  }
  return {
    title,
    office,
    year,
    region: { province: place.province, city: place.city, district: place.district },
    divisionCode: place.code,
    warnings,
  };
}
