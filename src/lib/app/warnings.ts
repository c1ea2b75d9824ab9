/**
 * The parser's warnings in the reader's language. The parser writes each warning as one English
 * sentence (record.warnings, stored in `warnings.message`); their shapes are stable, so each shape
 * is recognised here and rendered from the dictionary (keys `warning.*`) with its parts as
 * parameters. A warning of a shape not listed is shown as it is, marked as the parser's own note.
 */
import { ACTIVE_2019, ACTIVE_2021, APPLICANT_COLUMNS, APPLICATION_GROUPS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, SECTIONS } from '../report/template';
import { language, t, type Language, type MessageKey } from './i18n.svelte';

export interface ParsedWarning {
  key: MessageKey;
  params: Record<string, string>;
}

const ROW = '"(?<row>[^"]*)"';
const PRINTS = '"(?<printed>[^"]*)" \\(line (?<line>\\d+)\\)';
const TABLE = '(?<table>二|三|四)';

/** Shape → message key, first match wins. Named groups are the message's parameters. */
const SHAPES: [RegExp, MessageKey][] = [
  [/^the body was saved on one line \(a crawler's copy\)/, 'warning.oneLine'],
  [/^the place of "(?<office>[^"]*)" could not be told from the report; region is null$/, 'warning.placeUnknown'],
  [/^office "(?<office>[^"]*)" not matched to a division code \((?<why>.*)\); divisionCode is null$/, 'warning.divisionUnmatched'],
  [/^no title line: the office and year are read from the opening sentence \("(?<title>.*)"\)$/, 'warning.titleFromSentence'],
  [/^no title line naming the annual report was found$/, 'warning.noTitle'],
  [/^the year reported on is given neither in the title nor in a 统计期限 sentence$/, 'warning.noYear'],
  [/^the official format \(2021 or 2019\) could not be told from the tables' labels$/, 'warning.formatUnknown'],
  [/^sections (?<sections>.+) not found: the text may be cut off; what it has is read$/, 'warning.sectionsMissing'],
  [/^section (?<section>\S+) appears (?<n>\d+) times; the first is read$/, 'warning.sectionRepeated'],
  [/^section (?<section>\S+) not found$/, 'warning.sectionNotFound'],
  [new RegExp(`^table ${TABLE} \\([^)]*\\) missing: no values in section`), 'warning.tableMissing'],
  [new RegExp(`^table ${TABLE}: row ${ROW} not found, its cells are null$`), 'warning.rowNotFound'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints ${PRINTS} with its cells run together; it reads as (?<readings>.+), so its cells are null$`), 'warning.runTogether'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints ${PRINTS}, which cannot be read as its (?<width>\\d+) cells; they are null$`), 'warning.cannotRead'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints ${PRINTS}, which allows too many readings; its cells are null$`), 'warning.tooManyReadings'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints ${PRINTS}; no reading of it adds up \\((?<readings>.+)\\), so its cells are null$`), 'warning.noReadingAddsUp'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints ${PRINTS} and reads as (?<readings>.+); the table adds up either way, so its cells are null$`), 'warning.addsUpEitherWay'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints ${PRINTS} and reads as (?<readings>.+); no choice makes the table add up, so its cells are null$`), 'warning.noChoiceAddsUp'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints (?<zeros>\\d+) zeros for (?<width>\\d+) cells \\(line (?<line>\\d+)\\); counts are never negative, so every cell is 0$`), 'warning.zeros'],
  [new RegExp(`^table ${TABLE} prints (?<zeros>\\d+) zeros for (?<width>\\d+) cells \\(line (?<line>\\d+)\\); counts are never negative, so every cell is 0$`), 'warning.tableZeros'],
  [new RegExp(`^table ${TABLE} prints ${PRINTS}, which cannot be read as its (?<width>\\d+) cells; they are null$`), 'warning.tableCannotRead'],
  [new RegExp(`^table ${TABLE} prints ${PRINTS}, which allows too many readings; its cells are null$`), 'warning.tableTooManyReadings'],
  [new RegExp(`^table ${TABLE} prints ${PRINTS}; no reading of it adds up \\((?<readings>.+)\\): only groups that read the same in every split are read$`), 'warning.tablePartlyRead'],
  [new RegExp(`^table ${TABLE}: (?<row>\\S+) reads as (?<readings>.+) from ${PRINTS}; its cells are null$`), 'warning.groupReadings'],
  [new RegExp(`^table ${TABLE}: row ${ROW} has (?<got>\\d+) of (?<width>\\d+) values; the rest are null$`), 'warning.fewValues'],
  [new RegExp(`^table ${TABLE}: row ${ROW} has (?<got>\\d+) of (?<width>\\d+) values \\(line (?<line>\\d+)\\); which columns they belong to cannot be told, so its cells are null$`), 'warning.columnsUnknown'],
  [new RegExp(`^table ${TABLE}: row ${ROW} has six 0s and one blank cell \\(line (?<line>\\d+)\\); the blank is 0 too$`), 'warning.sixZeros'],
  [new RegExp(`^table ${TABLE}: row ${ROW} leaves applicant columns blank beside a total of 0 \\(line (?<line>\\d+)\\); they are 0$`), 'warning.blankBesideZero'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints only its total \\(line (?<line>\\d+)\\); the applicant columns are null$`), 'warning.onlyTotal'],
  [new RegExp(`^table ${TABLE}: row ${ROW} has (?<blanks>.+), read as null$`), 'warning.blanks'],
  [new RegExp(`^table ${TABLE}: (?<rows>\\d+) rows from line (?<line>\\d+) were printed column by column`), 'warning.columnByColumn'],
  [new RegExp(`^table ${TABLE}: values "(?<printed>[^"]*)" at line (?<line>\\d+) under "(?<under>[^"]*)" match no row of the template and were ignored$`), 'warning.strayValues'],
  [new RegExp(`^table ${TABLE}: values at line (?<line>\\d+) under "(?<under>[^"]*)" match no row of the template and were ignored$`), 'warning.strayLine'],
  [new RegExp(`^table ${TABLE}: (?<n>\\d+) stray value\\(s\\) ignored$`), 'warning.strayCount'],
  [new RegExp(`^table ${TABLE}: of the readings that add up, the one with (?<n>\\d+) new applications was taken, as the report's text states$`), 'warning.textChoseReading'],
  [new RegExp(`^table ${TABLE}: its values were printed out of order; read in the one order`), 'warning.outOfOrder'],
  [new RegExp(`^table ${TABLE}: its values were printed out of order and (?<n>\\d+) orders add up; its cells are null$`), 'warning.outOfOrderAmbiguous'],
  // Issue 12's other shapes: equal lines printed once, zeros printed as blank cells.
  [new RegExp(`^table ${TABLE}: row ${ROW} prints ${PRINTS} with equal cells next to each other printed once; it reads as (?<readings>.+), so its cells are null$`), 'warning.onceReadings'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints ${PRINTS} with equal cells next to each other printed once; it would read as (?<readings>.+), which no identity of table 二 can confirm, so its cells are null$`), 'warning.onceUnconfirmed'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints ${PRINTS} with equal cells next to each other printed once; no reading fits it, so its cells are null$`), 'warning.onceNoReading'],
  [new RegExp(`^table ${TABLE} is printed one cell per line with equal lines next to each other printed once`), 'warning.onceTable'],
  [new RegExp(`^table ${TABLE} prints (?<n>\\d+) line\\(s\\) for its (?<width>\\d+) cells, equal cells next to each other printed once \\(line (?<line>\\d+)\\); read where each group adds up one way$`), 'warning.onceGroups'],
  [new RegExp(`^table ${TABLE} prints ${PRINTS}; no reading of it adds up \\((?<readings>.+)\\), so its cells are null$`), 'warning.tableNoReading'],
  [new RegExp(`^table ${TABLE} prints its zeros as blank cells \\(no 0 is printed in it\\); its (?<n>\\d+) blank cells were read as 0`), 'warning.blankZeros'],
  [new RegExp(`^table ${TABLE} prints every cell blank, and the report prints its zeros as blanks`), 'warning.allBlankZeros'],
  // An idle office's table printed all blank, its 0s confirmed by the report's words.
  [new RegExp(`^table ${TABLE} prints every cell blank, and the report's text states that no application came in \\(line (?<line>\\d+)\\) and tells of none carried over or handled: its (?<n>\\d+) blank cells are read as 0$`), 'warning.idleByText'],
  [new RegExp(`^table ${TABLE} prints every cell blank, as table 三 does, whose blanks the report's text confirms are 0s`), 'warning.allBlankZerosByText'],
  [new RegExp(`^table ${TABLE}: row ${ROW} prints its zeros as blank cells, as the report's table 三 does \\(line (?<line>\\d+)\\): (?<columns>.+) read as 0$`), 'warning.activeBlankZeros'],
  [new RegExp(`^table ${TABLE}: row ${ROW} leaves (?<column>\\S+) blank \\(line (?<line>\\d+)\\); a count of what stands at the year's end may be one the office does not keep, so it is null$`), 'warning.activeStockBlank'],
  [new RegExp(`^table ${TABLE} has (?<n>\\d+) values where the template has (?<width>\\d+): its cells are null$`), 'warning.valueCount'],
  [new RegExp(`^table ${TABLE}: row ${ROW} read as (?<reading>[\\d,]+) \\(of (?<n>\\d+) readings\\) by the office's other years: the only one that agrees with (?<reports>.+)$`), 'warning.chosenAcrossYears'],
  [new RegExp(`^table ${TABLE} has (?<n>\\d+) values, more than the template's (?<width>\\d+): the first \\d+ were read$`), 'warning.tooManyValues'],
];

/** A warning's message key and parameters, or null for a shape this table does not know. */
export function parseWarning(message: string): ParsedWarning | null {
  for (const [shape, key] of SHAPES) {
    const m = shape.exec(message);
    if (m) return { key, params: { ...m.groups } };
  }
  return null;
}

// ── Parameters in the reader's language ──

/** The template's labels (rows, columns, groups, sections) by their Chinese name → English name. */
const ENGLISH = new Map<string, string>([
  ...[...ACTIVE_2021, ...ACTIVE_2019, ...ACTIVE_2021.flatMap((i) => i.columns), ...ACTIVE_2019.flatMap((i) => i.columns)].map((l) => [l.label, l.en] as [string, string]),
  ...[...APPLICATION_ROWS, ...APPLICANT_COLUMNS, ...REVIEW_GROUPS, ...REVIEW_COLUMNS, ...SECTIONS].map((l) => [l.label, l.en] as [string, string]),
  ...Object.entries(APPLICATION_GROUPS),
]);
const TABLE_NUMBER: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6' };

function localParams(params: Record<string, string>, lang: Language): Record<string, string> {
  const out = { ...params };
  if (lang === 'en') {
    if (out.table) out.table = TABLE_NUMBER[out.table] ?? out.table;
    // A label of the template reads in English; anything else (a cut label, the report's own words) as printed.
    for (const k of ['row', 'section', 'under', 'column'] as const) if (out[k]) out[k] = ENGLISH.get(out[k]) ?? out[k];
    if (out.columns) out.columns = out.columns.split(', ').map((x) => ENGLISH.get(x) ?? x).join(', ');
    if (out.sections) out.sections = out.sections.split('、').map((s) => TABLE_NUMBER[s] ?? s).join(', ');
    // "its 2022 report's 本年制发件数/现行有效件数": the terms are the template's labels.
    if (out.reports) out.reports = out.reports.replace(/its (\d+) report's (\S+)/g, (_, year: string, terms: string) => `its ${year} report's ${terms.split('/').map((x) => ENGLISH.get(x) ?? x).join(', ')}`);
  } else {
    if (out.reports) out.reports = out.reports.replace(/its (\d+) report's (\S+)/g, (_, year: string, terms: string) => `${year} 年报告的${terms.split('/').map((x) => `“${x}”`).join('、')}`).replace(/ and /g, '和');
    if (out.readings) out.readings = out.readings.replace(/ or /g, ' 或 ').replace(/ \(and (\d+) more\)/, '（另有 $1 种）');
    if (out.blanks) out.blanks = out.blanks.replace(/ blank\b/g, ' 空白').replace(/, /g, '，');
    if (out.column) out.column = `“${out.column}”`;
    if (out.columns) out.columns = out.columns.split(', ').map((x) => `“${x}”`).join('、');
  }
  return out;
}

/**
 * A warning as the reader reads it: `known` when its shape is in the table (rendered from the
 * dictionary), else the parser's sentence as it is.
 */
export function warningText(message: string): { text: string; known: boolean } {
  const parsed = parseWarning(message);
  if (!parsed) return { text: message, known: false };
  return { text: t(parsed.key, localParams(parsed.params, language.current)), known: true };
}
