/**
 * parseReport(text) → report record. Pure: no file system, no DOM, so the build and the browser
 * run the same code. The national code list, if any, is passed in (see divisions.ts).
 */
import { computeChecks } from './checks';
import { DivisionIndex, type DivisionList } from './divisions';
import { readMetadata } from './metadata';
import { matchKey, normalizeText } from './normalize';
import type { ReportRecord } from './record';
import { findHeadings, findSections, sectionText } from './sections';
import { readActive, readApplications, readReviewLitigation } from './tables';
import { SECTIONS, TEMPLATE_MARKERS, type TemplateId } from './template';

export type { ReportRecord, Cells, Check, Region } from './record';
export { DivisionIndex, compactDivisionList, expandDivisionList, type CompactDivisions, type DivisionList } from './divisions';

/** Bumped whenever the parser's output can change for the same input. */
export const PARSER_VERSION = '1.1.0';

export type ParseErrorCode = 'empty' | 'binary' | 'not-a-report' | 'blank-template';

/** The input is no annual report the parser can read; `message` says why in plain words. */
export class ReportParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportParseError';
  }
}

export interface ParseOptions {
  /** Only for messages: the year and place never come from a file name. */
  fileName?: string;
  /** The national code list, to place the office; without it region and divisionCode stay null. */
  divisions?: DivisionIndex | DivisionList;
}

function detectTemplate(key: string): TemplateId | null {
  const has = (id: TemplateId) => TEMPLATE_MARKERS[id].some((m) => key.includes(matchKey(m)));
  const is2021 = has('2021');
  const is2019 = has('2019');
  if (is2021 && !is2019) return '2021';
  if (is2019 && !is2021) return '2019';
  return null;
}

export function parseReport(text: string, options: ParseOptions = {}): ReportRecord {
  const name = options.fileName ? `${options.fileName}: ` : '';
  if (!text.trim()) throw new ReportParseError('empty', `${name}the file is empty`);
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (controls > Math.max(3, text.length * 0.01)) {
    throw new ReportParseError('binary', `${name}binary or unreadable text (${controls} control or undecodable characters), not a text report`);
  }
  const { lines, matchLines } = normalizeText(text);
  const headings = findHeadings(matchLines);
  const spans = findSections(headings, matchLines.length);
  const fullKey = matchKey(matchLines.join(''));
  const tableSections = (['active', 'applications', 'reviewLitigation'] as const).filter((k) => spans[k]).length;
  // A report has its tables' sections, or at least names itself and has the template's headings
  // (a report that prints no tables still has them); a text that merely mentions reports is none.
  const sectionsFound = Object.keys(spans).length;
  if (!fullKey.includes('政府信息公开') || (tableSections < 2 && !(/信息公开.{0,12}年度报告/.test(fullKey) && sectionsFound >= 2))) {
    throw new ReportParseError(
      'not-a-report',
      `${name}not a government information-disclosure annual report (fewer than two of its sections 二、三、四 found, and no title naming one above the template's section headings)`,
    );
  }
  const index = options.divisions instanceof DivisionIndex ? options.divisions : options.divisions ? new DivisionIndex(options.divisions) : undefined;

  const warnings: string[] = [];
  const meta = readMetadata(lines, matchLines, index);
  warnings.push(...meta.warnings);
  for (const s of SECTIONS) {
    const n = headings[s.key].length;
    if (n > 1) warnings.push(`section ${s.label} appears ${n} times; the first is read`);
    if (n === 0 && s.key !== 'overview') warnings.push(`section ${s.label} not found`);
  }

  const tableKey = (['active', 'applications'] as const)
    .map((k) => spans[k])
    .filter((s) => s !== undefined)
    .map((s) => matchKey(matchLines.slice(s.heading, s.end).join('')))
    .join('');
  const template = detectTemplate(tableKey || fullKey);
  if (!template) warnings.push('the official format (2021 or 2019) could not be told from the tables\' labels');

  const sources: Record<string, number> = {};
  const active = readActive(matchLines, spans.active, template, sources);
  const applications = readApplications(matchLines, spans.applications, template, sources);
  const review = readReviewLitigation(matchLines, spans.reviewLitigation, sources);
  warnings.push(...active.warnings, ...applications.warnings, ...review.warnings);
  // The official template as published, or a copy nobody filled in: a record of nulls would count
  // as a report of an unknown office in an unknown year.
  if (!meta.office && meta.year === null && Object.keys(sources).length === 0) {
    throw new ReportParseError('blank-template', `${name}the blank template of the annual report: no office, no year and no number filled in`);
  }

  return {
    title: meta.title,
    office: meta.office,
    region: meta.region,
    divisionCode: meta.divisionCode,
    year: meta.year,
    template,
    active: active.table,
    applications: applications.table,
    reviewLitigation: review.table,
    sections: {
      overview: sectionText(lines, spans.overview),
      problems: sectionText(lines, spans.problems),
      other: sectionText(lines, spans.other),
    },
    checks: computeChecks(applications.table, review.table),
    warnings,
    // One map the three readers filled in turn (merging, let alone spreading, ~250-key objects was slow).
    sources,
  };
}
