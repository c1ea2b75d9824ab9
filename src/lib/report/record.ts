/**
 * The report record: the parser's output and the project's public JSON format.
 * Every key is present in every record; a value the report does not give is null, never 0.
 */
import type { TemplateId } from './template';

/** Cells of one row or item, by column key (see template.ts). */
export type Cells = Record<string, number | null>;

export interface Region {
  province: string | null;
  city: string | null;
  district: string | null;
}

export interface Check {
  /** e.g. "applications.balance.total" */
  id: string;
  ok: boolean;
  expected: number;
  actual: number;
}

/**
 * Cells a run of digits left null because several readings remained after the report's own
 * identities and its narrative: which cells, the line each was read from, and the joint readings
 * still possible (each gives a value per cell, in `cells` order). The data build may choose one by
 * the office's other years (src/lib/build/across-years.ts); a record alone never does.
 */
export interface Ambiguity {
  /** Cell paths, as `sources` names them ("applications.carriedOver.total"); null in the record. */
  cells: string[];
  /** The 1-based input line of each cell, in `cells` order. */
  lines: number[];
  /** At most MAX_KEPT_READINGS (tables.ts); more are not recorded. */
  readings: number[][];
}

/** The section texts a record keeps, in its order; `fees` is a section some reports insert (五、信息处理费收取情况), kept apart from the problems. */
export const RECORD_SECTIONS = ['overview', 'problems', 'other', 'fees'] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];

export interface ReportRecord {
  title: string | null;
  office: string | null;
  region: Region;
  divisionCode: string | null;
  year: number | null;
  template: TemplateId | null;
  /** Section 二: the items of the report's own format; cells null when the table is missing. */
  active: Record<string, Cells>;
  /**
   * Section 三: rows → applicant columns. Of （六）其他处理, the form the report does not print
   * (three sub-rows, or one `otherHandling` row) is null.
   */
  applications: Record<string, Cells | null>;
  /** Section 四: groups → result columns. */
  reviewLitigation: Record<string, Cells>;
  /** Section texts (RECORD_SECTIONS); null where the report has none. */
  sections: Record<RecordSection, string | null>;
  checks: Check[];
  warnings: string[];
  /** Cell path ("applications.newReceived.total") → 1-based line of the input text. */
  sources: Record<string, number>;
  /** Cells left null between several readings of a run (empty when there are none). */
  ambiguities: Ambiguity[];
}
