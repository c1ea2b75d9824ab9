/**
 * A collection published in parts (issue 16), as the database worker holds it: the summary open,
 * and each detail part fetched the first time a query needs it. sql.js opens the part's bytes
 * (a file of its in-memory file system), the summary's connection ATTACHes that file and copies
 * its rows into its own empty detail tables, then lets it go. Merged, not left attached: SQLite
 * attaches at most 10 databases (a country has 31 provinces), and the views of the main schema,
 * which never see TEMP objects, read the rows where they are.
 * The summary's extras (schema.ts EXTRA_FILES: findings and copied texts, the reports' titles and
 * sources, the offices' spellings, the quality view's counts, the files read) are such files too,
 * of no place: each merged the same way the first time a query reads one of its tables or columns.
 * A part built to carry the extras of its own reports and offices (schema.ts PART_EXTRAS, said by
 * the manifest) answers an office's query for them instead: such a page never waits for a national
 * file. A query scoped to reports reads them from what costs least to fetch: the subset files that
 * together cover them (schema.ts EXTRA_SUBSETS: the findings of the reports ranked first for the
 * quality view's list, the sources by ranges of ids for the data view's), their parts (nothing,
 * once merged), or the complete file. Any may come first: a row already merged is left as it is.
 * Pure (no DOM): the worker gives it a fetch, the unit tests read files.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { extraReportColumnsSql, extrasMergeSql, MAIN_VIEWS_SQL, PART_SCOPE_SQL, PART_SEARCH_SQL, partMergeSql } from './queries';
import type { PartScope, PartSource, SqlValue } from './protocol';
import { DETAIL_TABLES, EXTRA_REPORT_COLUMNS, EXTRA_TABLES, SEARCH_TABLE } from './schema';
import { openInPlace, release } from './in-place';
import { bigramTokens } from './search';

interface Part {
  source: PartSource;
  loading?: Promise<void>;
  merged: boolean;
  /** Its reports with a section 五 text not yet in the search index (filled when a search first reads it). */
  unindexed: number[];
}

/** What fetching a file still costs: its gzipped bytes, none once merged or on its way. */
const cost = (p: Part) => (p.merged || p.loading ? 0 : (p.source.gzipBytes ?? p.source.bytes));

/** Whether an id is in sorted ranges [from, to]. */
function covered(ranges: readonly (readonly [number, number])[], id: number): boolean {
  let [lo, hi] = [0, ranges.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (id < ranges[mid][0]) hi = mid - 1;
    else if (id > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** A query that reads the search index (its table named). */
const SEARCHES = new RegExp(`\\b${SEARCH_TABLE}\\b`, 'i');

/** SQL without its string literals and comments: a name quoted as a value ('sections') is no table read. */
const code = (sql: string) => sql.replace(/'(?:[^']|'')*'/g, "''").replace(/--[^\n]*/g, '');

const all = (db: Database, sql: string, params: SqlValue[] = []) => db.exec(sql, params)[0]?.values ?? [];

/** A pattern of the tables given and the views that read them (a view reads a table when its SQL names it or such a view; in creation order). */
function readers(tables: readonly string[], views: [string, string][]): RegExp {
  // No table: nothing reads it (an empty alternation would match every query).
  if (!tables.length) return /(?!)/;
  const names: string[] = [...tables];
  for (const [name, sql] of views) if (new RegExp(`\\b(${names.join('|')})\\b`).test(code(sql))) names.push(name);
  return new RegExp(`\\b(${names.join('|')})\\b`, 'i');
}

export class PartSet {
  /** The detail parts (of places). */
  private readonly parts: Part[];
  /**
   * The summary's extras' complete files, each with the names whose rows live in it (its tables (and
   * columns) and the views over them) and its subsets (the same tables, of the reports they cover).
   */
  private readonly extras: { part: Part; names: RegExp; subsets: Part[] }[];
  /** The names whose rows live in the parts: detail tables and the views over them. */
  private readonly detail: RegExp;

  constructor(
    private readonly SQL: SqlJsStatic,
    private readonly db: Database,
    sources: PartSource[],
    private readonly fetchPart: (source: PartSource) => Promise<Uint8Array>,
    private readonly onMerged: (merged: (string | null)[][]) => void = () => {},
  ) {
    // Only the tables the schema gives the extras (the manifest's names go into SQL), and the
    // extras' columns of `reports` by name: the app's queries name them (never `reports.*`).
    const known = new Set<string>([...EXTRA_TABLES, 'reports']);
    this.parts = sources
      .filter((s) => !s.extras)
      .map((s) => ({ source: { ...s, carries: s.carries?.filter((t) => known.has(t)) }, merged: false, unindexed: [] }));
    const views = all(db, MAIN_VIEWS_SQL) as [string, string][];
    this.detail = readers(DETAIL_TABLES, views);
    const extras = sources.filter((s) => s.extras).map((s) => ({ ...s, extras: s.extras!.filter((t) => known.has(t)) }));
    const sameTables = (a: PartSource, b: PartSource) => a.extras!.length === b.extras!.length && a.extras!.every((t) => b.extras!.includes(t));
    this.extras = extras
      .filter((s) => !s.covers)
      .map((source) => ({
        part: { source, merged: false, unindexed: [] },
        names: readers(source.extras.flatMap((t) => (t === 'reports' ? [...EXTRA_REPORT_COLUMNS] : [t])), views),
        subsets: extras.filter((s) => s.covers && sameTables(s, source)).map((s) => ({ source: s, merged: false, unindexed: [] })),
      }));
  }

  /**
   * The places of each part merged so far: its provinces, or its province and city ("浙江省杭州市");
   * null for reports with no province (the page names them), whatever their city.
   */
  merged(): (string | null)[][] {
    return this.parts
      .filter((p) => p.merged)
      .map(({ source: s }) => (s.cities ? s.cities.map((c) => (s.provinces[0] == null ? null : `${s.provinces[0]}${c ?? ''}`)) : s.provinces));
  }

  /** Fetches and merges the parts a query needs before it runs (none when it reads only the summary). */
  async prepare(sql: string, scope?: PartScope): Promise<void> {
    if (scope && 'summary' in scope) return;
    const text = code(sql);
    const search = SEARCHES.test(text);
    const detail = this.detail.test(text);
    const files: Part[] = [];
    // Whether the scope's parts answer some of the extras it reads.
    let local = false;
    const extras = this.extras.filter((e) => e.names.test(text));
    // An office's or reports' query reads the extras of its own reports: where the parts of the scope
    // carry every table of that file (an old site's parts carry none), maybe from them.
    const ofScope = extras.length && scope && !('region' in scope) ? this.partsFor(scope) : [];
    for (const e of extras) {
      const carried = ofScope.length > 0 && ofScope.every((p) => e.part.source.extras!.every((t) => p.source.carries?.includes(t)));
      if (!scope || 'region' in scope || ('officeId' in scope && !carried)) files.push(e.part);
      // An office's page reads its parts anyway.
      else if ('officeId' in scope) local = true;
      else {
        // Reports': what costs least to fetch, nothing where it is merged or on its way (the parts too
        // where the query reads their detail rows, or another file of the extras already takes them).
        const ids = scope.reportIds;
        // The subsets holding any of them, when together they hold every one.
        const subsets = e.subsets.filter((s) => ids.some((id) => covered(s.source.covers!, id)));
        const enough = subsets.length > 0 && ids.every((id) => subsets.some((s) => covered(s.source.covers!, id)));
        const partsCost = detail || local ? 0 : ofScope.reduce((n, p) => n + cost(p), 0);
        const choices = [
          ...(enough ? [{ cost: subsets.reduce((n, s) => n + cost(s), 0), take: () => files.push(...subsets) }] : []),
          ...(carried ? [{ cost: partsCost, take: () => (local = true) }] : []),
          { cost: cost(e.part), take: () => files.push(e.part) },
        ];
        choices.reduce((best, c) => (c.cost < best.cost ? c : best)).take();
      }
    }
    await Promise.all([...files.map((p) => this.fetchOnce(p)), detail || local ? this.need(scope).then(() => search && this.index()) : undefined]);
  }

  /**
   * What a reader's own SQL (the SQL box's, sql-box-worker.ts) reads: when it reads a detail table,
   * the parts the app has loaded (their files: the box queries what is loaded, as the page says);
   * the files of the summary's extras the SQL names; and the search index if it reads it. A reader
   * may write `SELECT *` or `r.*`, which names no column: a star beside `reports` (but COUNT(*)'s)
   * reads the extras' columns of it too.
   */
  async prepareReader(sql: string, partUrls: readonly string[]): Promise<void> {
    const text = code(sql);
    const star = /\breports\b/i.test(text) && text.replace(/\bcount\s*\(\s*\*\s*\)/gi, '').includes('*');
    await Promise.all([
      ...(this.detail.test(text) ? this.parts.filter((p) => partUrls.includes(p.source.url)) : []).map((p) => this.fetchOnce(p)),
      ...this.extras.filter((e) => e.names.test(text) || (star && e.part.source.extras!.includes('reports'))).map((e) => this.fetchOnce(e.part)),
    ]);
    if (SEARCHES.test(text)) this.index();
  }

  /** The files of the parts merged so far. */
  mergedUrls(): string[] {
    return this.parts.filter((p) => p.merged).map((p) => p.source.url);
  }

  private async fetchOnce(part: Part): Promise<void> {
    if (!part.merged) await (part.loading ??= this.merge(part));
  }

  /**
   * Fills the search index with the section 五 texts of the parts merged so far: bigrams cost
   * about as much time as the merge itself, so an office's page never pays for them, a search does.
   * Synchronous, like the merge: no query runs between its statements.
   */
  index(): void {
    const waiting = this.parts.filter((p) => p.merged && p.unindexed.length);
    if (!waiting.length) return;
    this.db.exec('PRAGMA query_only = OFF');
    const text = this.db.prepare(PART_SEARCH_SQL.text);
    const insert = this.db.prepare(PART_SEARCH_SQL.insert(SEARCH_TABLE));
    try {
      this.db.exec('BEGIN');
      for (const part of waiting) {
        for (const id of part.unindexed) {
          text.bind([id]);
          if (text.step()) insert.run([id, bigramTokens(String(text.get()[0]))]);
          text.reset();
        }
      }
      this.db.exec('COMMIT');
      for (const part of waiting) part.unindexed = [];
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    } finally {
      text.free();
      insert.free();
      this.db.exec('PRAGMA query_only = ON');
    }
  }

  /** Fetches and merges the parts of a scope (every part without one). */
  async need(scope?: PartScope): Promise<void> {
    const wanted = this.partsFor(scope).filter((p) => !p.merged);
    if (wanted.length) await Promise.all(wanted.map((p) => this.fetchOnce(p)));
  }

  private partsFor(scope?: PartScope): Part[] {
    if (!scope) return this.parts;
    if ('summary' in scope) return [];
    // A part holds a place when it holds its province and, if published by city, its city.
    const holds = (p: Part, province: unknown, city: unknown) =>
      p.source.provinces.includes(province as string | null) && (!p.source.cities || city === undefined || p.source.cities.includes(city as string | null));
    // A region filter without a city: every city of its province.
    const places: [unknown, unknown][] =
      'region' in scope
        ? [[scope.region.province, scope.region.city ?? undefined]]
        : 'officeId' in scope
          ? (all(this.db, PART_SCOPE_SQL.office, [scope.officeId]) as [unknown, unknown][])
          : scope.reportIds.length
            ? (all(this.db, PART_SCOPE_SQL.reports(scope.reportIds.length), scope.reportIds) as [unknown, unknown][])
            : [];
    return this.parts.filter((p) => places.some(([province, city]) => holds(p, province, city)));
  }

  private async merge(part: Part): Promise<void> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fetchPart(part.source);
    } catch (e) {
      part.loading = undefined;
      throw e;
    }
    // From here on synchronous: no query runs between the copy's statements.
    // Opened in its own bytes, not a copy of them (in-place.ts).
    const incoming = openInPlace(this.SQL, bytes);
    const file = (incoming as unknown as { filename: string }).filename;
    // The app's connection is query_only; this is the one write it makes.
    this.db.exec('PRAGMA query_only = OFF');
    try {
      this.db.exec(`ATTACH '/${file}' AS incoming`);
      let began = false;
      try {
        this.db.exec('BEGIN');
        began = true;
        const extras = part.source.extras ?? part.source.carries ?? [];
        if (!part.source.extras) for (const statement of partMergeSql(DETAIL_TABLES.filter((t) => t !== SEARCH_TABLE))) this.db.exec(statement);
        for (const statement of extrasMergeSql(extras.filter((t) => t !== 'reports'))) this.db.exec(statement);
        if (extras.includes('reports')) this.db.exec(extraReportColumnsSql(EXTRA_REPORT_COLUMNS));
        const ids = part.source.extras ? [] : all(this.db, PART_SEARCH_SQL.ids).map(([id]) => Number(id));
        this.db.exec('COMMIT');
        part.merged = true;
        part.unindexed = ids;
      } catch (e) {
        if (began) this.db.exec('ROLLBACK');
        part.loading = undefined;
        throw e;
      } finally {
        this.db.exec('DETACH incoming');
      }
    } finally {
      this.db.exec('PRAGMA query_only = ON');
      incoming.close();
      // Its rows copied: the file's memory back now, not at the worker's next collection.
      release(bytes);
    }
    this.onMerged(this.merged());
  }
}
