/** Building test databases from fixture files and reading them back with sql.js. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs, { type Database } from 'sql.js';
import { buildDatabase, type InputFile } from '../../scripts/lib/build-database';
import { loadDivisions } from '../../scripts/lib/divisions';
import type { Row, SqlValue } from '../../src/lib/db/protocol';
import type { Run } from '../../src/lib/db/queries';

/** Files given by content (name → text or bytes). */
export function filesFrom(contents: Record<string, string | Uint8Array>): InputFile[] {
  return Object.entries(contents).map(([path, c]) => ({ path, read: () => (typeof c === 'string' ? new TextEncoder().encode(c) : c) }));
}

/** Every file of a folder (not recursive), under a prefix. */
export function filesOf(dir: string, prefix = ''): InputFile[] {
  return readdirSync(dir).map((f) => ({ path: prefix + f, read: () => readFileSync(join(dir, f)) }));
}

export async function build(files: InputFile[], officesCsv?: string) {
  return buildDatabase({ files, officesCsv, divisions: loadDivisions() });
}

export async function open(bytes: Uint8Array): Promise<Database> {
  const SQL = await initSqlJs();
  return new SQL.Database(bytes);
}

/** Rows of a query as objects. */
export function rows(db: Database, sql: string, params: (string | number | null)[] = []): Record<string, unknown>[] {
  const stmt = db.prepare(sql);
  stmt.bind(params);
  const out: Record<string, unknown>[] = [];
  while (stmt.step()) out.push(stmt.getAsObject());
  stmt.free();
  return out;
}

/** The queries' runner (src/lib/db/queries.ts Run) over a database the test opens later or now. */
export function queryRunner(database: () => Database): Run {
  return async (sql: string, params: SqlValue[] = []) => {
    const stmt = database().prepare(sql);
    stmt.bind(params);
    const out: Row[] = [];
    while (stmt.step()) out.push(stmt.getAsObject() as Row);
    stmt.free();
    return out;
  };
}
