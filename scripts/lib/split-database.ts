/**
 * Splits one built database into a summary and detail parts by province (issue 16): the page opens
 * the summary first and fetches a part when a view needs its reports' rows. Post-processing of the
 * finished database with sql.js, so the builder stays as it is and the data are the same rows.
 */
import initSqlJs, { type Database } from 'sql.js';
import { DETAIL_TABLES, SEARCH_TABLE } from '../../src/lib/db/schema.ts';

export interface SplitPart {
  /** The provinces whose reports' rows the part holds (null: reports without one). */
  provinces: (string | null)[];
  reports: number;
  database: Uint8Array;
}

/** sql.js keeps each open database as a file of its in-memory file system: another connection can ATTACH it. */
const fileOf = (db: Database) => `/${(db as unknown as { filename: string }).filename}`;

function createSql(db: Database, name: string): string {
  const [row] = db.exec('SELECT sql FROM sqlite_master WHERE name = ?', [name]);
  return String(row.values[0][0]);
}

export async function splitDatabase(bytes: Uint8Array): Promise<{ summary: Uint8Array; parts: SplitPart[] }> {
  const SQL = await initSqlJs();
  const full = new SQL.Database(bytes);
  try {
    // The search index is not shipped in parts: the page fills it from each part's texts (src/lib/db/parts.ts).
    const tables = DETAIL_TABLES.filter((t) => t !== SEARCH_TABLE);
    const creates = tables.map((t) => createSql(full, t));
    const provinces = full.exec('SELECT province, COUNT(*) FROM reports GROUP BY province ORDER BY province IS NULL, province')[0]?.values ?? [];
    const parts: SplitPart[] = [];
    for (const [province, count] of provinces) {
      const part = new SQL.Database();
      try {
        part.exec(creates.join(';\n'));
        part.exec(`ATTACH '${fileOf(full)}' AS src`);
        part.exec('CREATE TEMP TABLE ids AS SELECT report_id FROM src.reports WHERE province IS ?', [province]);
        part.exec('BEGIN');
        for (const t of tables) part.exec(`INSERT INTO main.${t} SELECT * FROM src.${t} WHERE report_id IN (SELECT report_id FROM ids) ORDER BY report_id`);
        part.exec('COMMIT');
        part.exec('DETACH src');
        part.exec('VACUUM');
        parts.push({ provinces: [province as string | null], reports: Number(count), database: part.export() });
      } finally {
        part.close();
      }
    }
    // The summary: the same schema, the detail tables empty (the index dropped and made anew: a contentless one refuses DELETE).
    for (const t of DETAIL_TABLES) full.exec(t === SEARCH_TABLE ? `DROP TABLE ${t}; ${createSql(full, t)}` : `DELETE FROM ${t}`);
    full.exec('VACUUM');
    return { summary: full.export(), parts };
  } finally {
    full.close();
  }
}
