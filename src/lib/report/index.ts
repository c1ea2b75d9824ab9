/**
 * parseReport(text) → report record. Pure: no file system, no DOM, so the build and the browser
 * run the same code. The national code list, if any, is passed in (see divisions.ts).
 */
import { computeChecks } from './checks';
import { DivisionIndex, type DivisionList } from './divisions';
import { readMetadata } from './metadata';
import { matchKey, normalizeText } from './normalize';
import { readPageHeader, stripChrome } from './page';
import { reflow } from './reflow';
import type { Ambiguity, ReportRecord } from './record';
import { findHeadings, findSections, sectionText } from './sections';
import { printsEqualLinesOnce, readActive, readApplications, readReviewLitigation, zerosBlankHabit, type TableShape } from './tables';
import { SECTIONS, TEMPLATE_MARKERS, type TemplateId } from './template';

export type { ReportRecord, Ambiguity, Cells, Check, Region } from './record';
export { DivisionIndex, compactDivisionList, expandDivisionList, type CompactDivisions, type DivisionList } from './divisions';

/** Bumped whenever the parser's output can change for the same input. */
export const PARSER_VERSION = '1.5.1';

export type ParseErrorCode = 'empty' | 'binary' | 'not-a-report' | 'blank-template' | 'title-only';
export { readPageHeader, type PageHeader } from './page';
export { IMPOSSIBLE_VALUE, impossibleValues } from './values';

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
  /**
   * For measurements (scripts/decode-figures.ts): receives the path of every cell not read from a
   * cell of its own (split from a run of digits, expanded from a line printed once, a blank read as 0).
   */
  decoded?: Map<string, 'run' | 'repeats' | 'blank'>;
}

/** The format markers as label keys, computed once. */
const MARKER_KEYS = { '2021': TEMPLATE_MARKERS['2021'].map(matchKey), '2019': TEMPLATE_MARKERS['2019'].map(matchKey) };

function detectTemplate(key: string): TemplateId | null {
  const has = (id: TemplateId) => MARKER_KEYS[id].some((m) => key.includes(m));
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
  // A saved page: its header block is read (the title), chrome and converter comments blanked.
  const inputLines = text.split(/\r\n?|\n/);
  const page = readPageHeader(inputLines);
  const normalized = normalizeText(stripChrome(inputLines, page.bodyStart).join('\n'));
  // A body on one line is cut into the report's lines; `origin` maps them back to the input.
  const { lines, matchLines, origin, changed: reflowed } = reflow(normalized.lines, normalized.matchLines);
  const body = matchLines.join('').replace(/\s+/g, '');
  if (page.title && body.length < 200 && !/[一二三四五六]、/.test(body)) {
    throw new ReportParseError(
      'title-only',
      `${name}the page holds only the title "${page.title}" and no report text (the report itself was probably an attachment)`,
    );
  }
  const headings = findHeadings(matchLines);
  const spans = findSections(headings, matchLines.length);
  const fullKey = matchKey(matchLines.join(''));
  const tableSections = (['active', 'applications', 'reviewLitigation'] as const).filter((k) => spans[k]).length;
  // A report has its tables' sections, or at least names itself and has the template's headings
  // (a report that prints no tables still has them); a text that merely mentions reports is none.
  // A text cut off after its opening (a page saved half-loaded) is a partial report: it names itself
  // in its title or opening sentence and has a report's body, and is read with warnings.
  const sectionsFound = Object.keys(spans).length;
  const namesItself = /信息公开.{0,12}年度报告/.test(fullKey);
  const isReport = tableSections >= 2 || (namesItself && sectionsFound >= 2);
  const opening = matchKey(matchLines.filter((l) => l.trim()).slice(0, 3).join('')).slice(0, 300);
  const partial = !isReport && namesItself && body.length >= 200 && (sectionsFound >= 1 || /(?:现|特)(?:公布|发布|编制|予以公布)|^.{0,60}年度报告/.test(opening));
  if (!fullKey.includes('政府信息公开') || (!isReport && !partial)) {
    throw new ReportParseError(
      'not-a-report',
      `${name}not a government information-disclosure annual report (fewer than two of its sections 二、三、四 found, and no title naming one above the template's section headings)`,
    );
  }
  const index = options.divisions instanceof DivisionIndex ? options.divisions : options.divisions ? new DivisionIndex(options.divisions) : undefined;

  const warnings: string[] = [];
  if (partial) {
    const missing = SECTIONS.filter((s) => s.key !== 'overview' && !spans[s.key]).map((s) => s.ordinal);
    warnings.push(`sections ${missing.join('、')} not found: the text may be cut off; what it has is read`);
  }
  if (reflowed) warnings.push('the body was saved on one line (a crawler\'s copy): it was cut into lines at the headings and table labels');
  const meta = readMetadata(lines, matchLines, index, page.title);
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
  const ambiguities: Ambiguity[] = [];
  // Tables printed one cell per line by an extractor that prints equal lines next to each other once.
  const shape: TableShape = { runs: reflowed, linesOnce: printsEqualLinesOnce(matchLines, [spans.active, spans.applications, spans.reviewLitigation]), decoded: options.decoded };
  const active = readActive(matchLines, spans.active, template, sources, shape, ambiguities, () => zerosBlankHabit(matchLines, spans.applications, template, shape));
  const applications = readApplications(matchLines, spans.applications, template, sources, shape, ambiguities);
  const review = readReviewLitigation(matchLines, spans.reviewLitigation, sources, shape, ambiguities);
  warnings.push(...active.warnings, ...applications.warnings, ...review.warnings);
  // The official template as published, or a copy nobody filled in: a record of nulls would count
  // as a report of an unknown office in an unknown year.
  if (!meta.office && meta.year === null && Object.keys(sources).length === 0) {
    throw new ReportParseError('blank-template', `${name}the blank template of the annual report: no office, no year and no number filled in`);
  }

  // Lines cut from a one-line body point back at the input line they came from.
  if (reflowed) {
    for (const k of Object.keys(sources)) sources[k] = origin[sources[k] - 1] + 1;
    for (const a of ambiguities) a.lines = a.lines.map((l) => origin[l - 1] + 1);
    for (let w = 0; w < warnings.length; w++) warnings[w] = warnings[w].replace(/\bline (\d+)/g, (_, n) => `line ${origin[Number(n) - 1] + 1}`);
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
      fees: sectionText(lines, spans.fees),
    },
    checks: computeChecks(applications.table, review.table),
    warnings,
    // One map the three readers filled in turn (merging, let alone spreading, ~250-key objects was slow).
    sources,
    ambiguities,
  };
}
