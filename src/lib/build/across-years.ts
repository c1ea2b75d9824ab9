/**
 * The office's other years choose between readings of a run. A report alone may leave cells null
 * because several readings of a run of digits satisfy its own identities (the record's
 * `ambiguities`); the identities between consecutive years (checks.ts CROSS_YEAR_RULES: 上年结转 is
 * last year's 结转下年度继续办理, per column; 现行有效件数 is last year's plus 本年制发 less 本年废止)
 * may leave exactly one. A reading is chosen only when it agrees with every neighbouring year's
 * numbers that can be set against it, those numbers read with confidence (not null), and every other
 * reading disagrees; otherwise the cells stay null. Pure: plain data in, plain data out.
 *
 * Decisions chain: a row decided from 2021 may then decide 2023's. Each round sets every report
 * against its neighbours as they stood at the round's start, so the order of the reports does not
 * matter; rounds repeat until one decides nothing.
 */
import { computeChecks, CROSS_YEAR_RULES } from '../report/checks';
import type { Ambiguity, Cells, ReportRecord } from '../report/record';
import { ACTIVE_ITEMS, APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_GROUPS, type TemplateId } from '../report/template';

/** What the choice needs of one kept report. */
export interface YearView {
  /** The caller's name for the report (its path). */
  key: string;
  officeId: string;
  year: number | null;
  template: TemplateId | null;
  /** The cells the cross-year rules read (`crossYearCells`), by path; null where the record has none. */
  cells: Record<string, number | null>;
  ambiguities: Ambiguity[];
}

/** One neighbour's numbers a reading was set against. */
export interface Agreement {
  year: number;
  /** The neighbour's cells compared, as the template names them: 结转下年度继续办理, 现行有效件数, … */
  terms: string[];
}

/** A reading chosen: which ambiguity of which report, its values, and the years that chose it. */
export interface Decision {
  key: string;
  /** Index into the report's `ambiguities` as given. */
  ambiguity: number;
  cells: string[];
  values: number[];
  /** How many readings there were. */
  of: number;
  agreesWith: Agreement[];
}

const { carryOver: CARRY, inForce: IN_FORCE } = CROSS_YEAR_RULES;
const COLUMNS = APPLICANT_COLUMNS.map((c) => c.key);
const carryPath = (row: string, column: string) => `applications.${row}.${column}`;
const activePath = (item: string, column: string) => `active.${item}.${column}`;
const labelOf = (key: string) => APPLICATION_ROWS.find((r) => r.key === key)!.label;
/** Section 二's column labels of the format the in-force rule reads (本年制发件数, …). */
const columnLabel = (key: string) => ACTIVE_ITEMS[IN_FORCE.template].find((i) => i.key === IN_FORCE.items[0])!.columns.find((c) => c.key === key)!.label;

/** The paths the cross-year rules read: 上年结转 and 结转下年度 per column, and each item's three document counts. */
export function crossYearCells(): string[] {
  return [
    ...[CARRY.over, CARRY.forward].flatMap((row) => COLUMNS.map((c) => carryPath(row, c))),
    ...IN_FORCE.items.flatMap((item) => [IN_FORCE.issued, IN_FORCE.repealed, IN_FORCE.inForce].map((c) => activePath(item, c))),
  ];
}

/** A report as the choice sees it. */
export function yearView(key: string, officeId: string, record: ReportRecord): YearView {
  const cells: Record<string, number | null> = {};
  for (const path of crossYearCells()) {
    const [table, row, column] = path.split('.');
    const rows = (table === 'active' ? record.active : record.applications) as Record<string, Cells | null>;
    cells[path] = rows[row]?.[column] ?? null;
  }
  return { key, officeId, year: record.year, template: record.template, cells, ambiguities: record.ambiguities };
}

/**
 * One identity between a report and its neighbour, as a test of a reading: the values it needs
 * from the report itself (the reading's where the reading has the cell), and what it says of them.
 */
interface Rule {
  year: number;
  terms: string[];
  /** The report's own cells the identity reads. */
  own: string[];
  holds: (own: number[]) => boolean;
}

/** The identities a report takes part in with the neighbours that have the numbers they need. */
function rulesFor(view: YearView, byYear: Map<number, YearView>): Rule[] {
  const year = view.year!;
  const rules: Rule[] = [];
  const prev = byYear.get(year - 1);
  const next = byYear.get(year + 1);
  for (const c of COLUMNS) {
    const forward = prev?.cells[carryPath(CARRY.forward, c)];
    if (forward !== undefined && forward !== null) rules.push({ year: year - 1, terms: [labelOf(CARRY.forward)], own: [carryPath(CARRY.over, c)], holds: ([over]) => over === forward });
    const over = next?.cells[carryPath(CARRY.over, c)];
    if (over !== undefined && over !== null) rules.push({ year: year + 1, terms: [labelOf(CARRY.over)], own: [carryPath(CARRY.forward, c)], holds: ([forward]) => forward === over });
  }
  if (view.template === IN_FORCE.template) {
    for (const item of IN_FORCE.items) {
      const own = [IN_FORCE.issued, IN_FORCE.repealed, IN_FORCE.inForce].map((c) => activePath(item, c));
      const lastInForce = prev?.template === IN_FORCE.template ? prev.cells[activePath(item, IN_FORCE.inForce)] : null;
      if (lastInForce !== undefined && lastInForce !== null) {
        rules.push({ year: year - 1, terms: [columnLabel(IN_FORCE.inForce)], own, holds: ([issued, repealed, inForce]) => lastInForce + issued - repealed === inForce });
      }
      const [issued, repealed, inForce] = own.map((p) => (next?.template === IN_FORCE.template ? next.cells[p] : null));
      if (issued != null && repealed != null && inForce != null) {
        rules.push({ year: year + 1, terms: [IN_FORCE.issued, IN_FORCE.repealed, IN_FORCE.inForce].map(columnLabel), own: [own[2]], holds: ([thisInForce]) => thisInForce + issued - repealed === inForce });
      }
    }
  }
  return rules;
}

/**
 * The reading of one ambiguity the neighbours choose, or null. Only identities whose every own
 * cell is either in the ambiguity or read in the report count; at least one must.
 */
function choose(view: YearView, a: Ambiguity, rules: Rule[]): { values: number[]; agreesWith: Agreement[] } | null {
  const at = new Map(a.cells.map((c, i) => [c, i]));
  const relevant = rules.filter((r) => r.own.some((c) => at.has(c)) && r.own.every((c) => at.has(c) || (view.cells[c] ?? null) !== null));
  if (relevant.length === 0) return null;
  const agreeing = a.readings.filter((reading) => relevant.every((r) => r.holds(r.own.map((c) => (at.has(c) ? reading[at.get(c)!] : view.cells[c]!)))));
  if (agreeing.length !== 1) return null;
  const agreesWith: Agreement[] = [];
  for (const r of relevant) {
    const same = agreesWith.find((x) => x.year === r.year);
    if (!same) agreesWith.push({ year: r.year, terms: [...r.terms] });
    else for (const t of r.terms) if (!same.terms.includes(t)) same.terms.push(t);
  }
  return { values: agreeing[0], agreesWith: agreesWith.sort((x, y) => x.year - y.year) };
}

/** Every reading the office's other years choose (one view per office and year), round by round until a round chooses none. */
export function decideAcrossYears(views: YearView[]): Decision[] {
  // Working copies: a decided cell is read with confidence in the next round.
  const current = views.map((v) => ({ ...v, cells: { ...v.cells }, open: v.ambiguities.map((_, i) => i) }));
  const offices = new Map<string, Map<number, (typeof current)[number]>>();
  for (const v of current) {
    if (v.year === null) continue;
    let years = offices.get(v.officeId);
    if (!years) offices.set(v.officeId, (years = new Map()));
    years.set(v.year, v);
  }
  const decisions: Decision[] = [];
  for (;;) {
    const round: { view: (typeof current)[number]; index: number; values: number[]; agreesWith: Agreement[] }[] = [];
    for (const view of current) {
      if (view.year === null || view.open.length === 0) continue;
      const rules = rulesFor(view, offices.get(view.officeId)!);
      if (rules.length === 0) continue;
      for (const index of view.open) {
        const chosen = choose(view, view.ambiguities[index], rules);
        if (chosen) round.push({ view, index, ...chosen });
      }
    }
    if (round.length === 0) break;
    for (const { view, index, values, agreesWith } of round) {
      const a = view.ambiguities[index];
      a.cells.forEach((c, i) => {
        if (c in view.cells) view.cells[c] = values[i];
      });
      view.open = view.open.filter((i) => i !== index);
      decisions.push({ key: view.key, ambiguity: index, cells: a.cells, values, of: a.readings.length, agreesWith });
    }
  }
  return decisions.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : x.ambiguity - y.ambiguity));
}

const TABLE_OF: Record<string, string> = { active: '二', applications: '三', reviewLitigation: '四' };

/** A row's label as the template prints it (section 二's of the report's format). */
function rowLabel(template: TemplateId | null, table: string, row: string): string {
  const rows = table === 'active' ? ACTIVE_ITEMS[template ?? '2021'] : table === 'applications' ? APPLICATION_ROWS : REVIEW_GROUPS;
  return rows.find((r) => r.key === row)?.label ?? row;
}

/** "its 2021 report's 四、结转下年度继续办理 and its 2023 report's 二、上年结转政府信息公开申请数量" (warnings.ts reads it). */
function describeAgreements(agreesWith: Agreement[]): string {
  return agreesWith.map((a) => `its ${a.year} report's ${a.terms.join('/')}`).join(' and ');
}

/**
 * A record with the decisions about it applied: the cells set (with the line their run was read
 * from), the ambiguities removed, the checks computed again by the parser's own function, and a
 * warning per row saying which years chose the reading. A new object; the record given is unchanged.
 */
export function applyDecisions(record: ReportRecord, decisions: Decision[]): ReportRecord {
  if (decisions.length === 0) return record;
  const copy = JSON.parse(JSON.stringify(record)) as ReportRecord;
  const tables = copy as unknown as Record<string, Record<string, Cells | null>>;
  const sources = { ...copy.sources };
  const warnings = [...copy.warnings];
  for (const d of decisions) {
    const a = record.ambiguities[d.ambiguity];
    const rows: string[] = [];
    d.cells.forEach((path, i) => {
      const [table, row, column] = path.split('.');
      tables[table][row]![column] = d.values[i];
      sources[path] = a.lines[i];
      if (!rows.includes(`${table}.${row}`)) rows.push(`${table}.${row}`);
    });
    for (const tr of rows) {
      const [table, row] = tr.split('.');
      const reading = d.cells.flatMap((p, i) => (p.startsWith(`${tr}.`) ? [d.values[i]] : [])).join(',');
      warnings.push(`table ${TABLE_OF[table]}: row "${rowLabel(record.template, table, row)}" read as ${reading} (of ${d.of} readings) by the office's other years: the only one that agrees with ${describeAgreements(d.agreesWith)}`);
    }
  }
  const decided = new Set(decisions.map((d) => d.ambiguity));
  copy.ambiguities = copy.ambiguities.filter((_, i) => !decided.has(i));
  copy.warnings = warnings;
  copy.sources = inRecordOrder(copy, sources);
  copy.checks = computeChecks(copy.applications, copy.reviewLitigation);
  return copy;
}

/**
 * `sources` in the order the parser fills them and the database gives them back (table by table,
 * row by row, column by column): a decided cell takes its place among the others.
 */
function inRecordOrder(record: ReportRecord, sources: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of ['active', 'applications', 'reviewLitigation'] as const) {
    for (const [row, cells] of Object.entries(record[table] as Record<string, Cells | null>)) {
      for (const column of Object.keys(cells ?? {})) {
        const path = `${table}.${row}.${column}`;
        if (path in sources) out[path] = sources[path];
      }
    }
  }
  for (const path of Object.keys(sources)) if (!(path in out)) out[path] = sources[path];
  return out;
}

/**
 * The build's step, over the kept reports (one per office and year) however the caller holds them:
 * the reports whose records the office's other years changed, each with its new record.
 */
export function decidedAcrossYears<T extends { record: ReportRecord }>(reports: T[], keyOf: (t: T) => string, officeOf: (t: T) => string): [T, ReportRecord][] {
  const decisions = decideAcrossYears(reports.map((r) => yearView(keyOf(r), officeOf(r), r.record)));
  const byKey = new Map<string, Decision[]>();
  for (const d of decisions) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
  return reports.filter((r) => byKey.has(keyOf(r))).map((r) => [r, applyDecisions(r.record, byKey.get(keyOf(r))!)]);
}
