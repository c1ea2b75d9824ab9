/**
 * Office identity: the same office appears as "花园办事处", "花园街道", "牧野区花园街道办事处".
 * Each office gets a stable id — its 9-digit division code where the parser matched one, else its
 * region and canonical name — and `public/data/offices.csv` can add aliases and correct regions by
 * hand.
 */
import Papa from 'papaparse';
import type { ReportRecord } from '../report/index';

/** "花园街道办事处" / "花园办事处" / "花园街道" → "花园街道": the spellings of one street office. */
export function canonicalOfficeName(name: string): string {
  const compact = name.replace(/\s+/g, '');
  return compact.replace(/(?:街道办事处|街道办|办事处|街道)$/, '街道');
}

/** A hand correction from offices.csv. */
export interface OfficeOverride {
  /** The row of offices.csv (1-based, header excluded), for messages. */
  row: number;
  name: string;
  province: string | null;
  city: string | null;
  district: string | null;
  divisionCode: string | null;
  aliases: string[];
  /**
   * Files (paths as the build names them) to keep when two reports of this office and year
   * disagree: the user's answer to a conflict the build could not settle. Optional column.
   */
  prefer: string[];
}

export const OFFICES_CSV_COLUMNS = ['name', 'province', 'city', 'district', 'division_code', 'aliases'] as const;

/**
 * offices.csv: one office per row, columns name, province, city, district, division_code, aliases
 * (aliases separated by "|"), and optionally prefer (file paths separated by "|": the copy to keep
 * when two reports of one year disagree). Empty cells leave the parsed value alone.
 */
export function readOfficesCsv(text: string, fileName = 'offices.csv'): { overrides: OfficeOverride[]; problems: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: 'greedy' });
  const problems = parsed.errors.map((e) => `${fileName}: row ${(e.row ?? 0) + 1}: ${e.message}`);
  const missing = OFFICES_CSV_COLUMNS.filter((c) => !parsed.meta.fields?.includes(c));
  if (missing.length) return { overrides: [], problems: [...problems, `${fileName}: missing column(s) ${missing.join(', ')}; the file is ignored`] };
  const overrides: OfficeOverride[] = [];
  const cell = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  parsed.data.forEach((r, i) => {
    const name = cell(r.name);
    if (!name) {
      problems.push(`${fileName}: row ${i + 1} has no name; ignored`);
      return;
    }
    const divisionCode = cell(r.division_code);
    if (divisionCode && !/^\d{6}(\d{3})?$/.test(divisionCode)) {
      problems.push(`${fileName}: row ${i + 1} (${name}): division_code "${divisionCode}" is not a 6- or 9-digit code; ignored`);
      return;
    }
    overrides.push({
      row: i + 1,
      name,
      province: cell(r.province),
      city: cell(r.city),
      district: cell(r.district),
      divisionCode,
      aliases: (r.aliases ?? '').split('|').map((a) => a.trim()).filter(Boolean),
      prefer: (r.prefer ?? '').split('|').map((a) => a.trim()).filter(Boolean),
    });
  });
  return { overrides, problems };
}

export interface OfficeIdentity {
  officeId: string;
  name: string;
  province: string | null;
  city: string | null;
  district: string | null;
  divisionCode: string | null;
  correctedByHand: boolean;
}

const compatible = (wanted: string | null, got: string | null) => wanted === null || got === null || wanted === got;

/** Stable id from what is known: the code, else the region and the canonical name. */
function idOf(code: string | null, province: string | null, city: string | null, district: string | null, name: string): string {
  if (code) return code;
  return [province, city, district].filter(Boolean).join('') + '/' + canonicalOfficeName(name);
}

/**
 * Resolves records to offices. Call `identify` on every record first (to learn which names carry
 * a code), then `resolve`: a record without a code joins the coded office of the same district and
 * canonical name.
 */
/** What the resolver reads of a record: the build keeps only this of each report until it writes. */
export type OfficeNaming = Pick<ReportRecord, 'office' | 'title' | 'region' | 'divisionCode'>;

export class OfficeResolver {
  private coded = new Map<string, string>();
  constructor(private overrides: OfficeOverride[]) {}

  private override(record: OfficeNaming): OfficeOverride | undefined {
    const name = record.office ?? record.title ?? '';
    const canonical = canonicalOfficeName(name);
    return this.overrides.find(
      (o) =>
        [o.name, ...o.aliases].some((a) => a === name || canonicalOfficeName(a) === canonical) &&
        compatible(o.province, record.region.province) &&
        compatible(o.city, record.region.city) &&
        compatible(o.district, record.region.district),
    );
  }

  /** First pass: remember which (district, name) pairs have a division code. */
  learn(record: OfficeNaming): void {
    if (record.divisionCode && record.office) this.coded.set(`${record.region.district}/${canonicalOfficeName(record.office)}`, record.divisionCode);
  }

  resolve(record: OfficeNaming): OfficeIdentity {
    const name = record.office ?? record.title ?? '(unnamed office)';
    const o = this.override(record);
    if (o) {
      const province = o.province ?? record.region.province;
      const city = o.city ?? record.region.city;
      const district = o.district ?? record.region.district;
      const divisionCode = o.divisionCode ?? record.divisionCode;
      return { officeId: idOf(divisionCode, province, city, district, o.name), name: o.name, province, city, district, divisionCode, correctedByHand: true };
    }
    const code = record.divisionCode ?? (record.office ? this.coded.get(`${record.region.district}/${canonicalOfficeName(record.office)}`) : undefined) ?? null;
    const { province, city, district } = record.region;
    return { officeId: idOf(code, province, city, district, name), name, province, city, district, divisionCode: code, correctedByHand: false };
  }
}
