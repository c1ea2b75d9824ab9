/** SQLite's own error messages (from sql.js, as the SQL box gets them) are recognised and explained. */
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { explainSqliteError } from '../src/lib/app/sql-errors';

async function errorOf(sql: string): Promise<string> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE reports (report_id INTEGER, year INTEGER); CREATE TABLE offices (report_id INTEGER, year INTEGER)');
  db.run('PRAGMA query_only = ON');
  try {
    db.exec(sql);
  } catch (e) {
    return (e as Error).message;
  } finally {
    db.close();
  }
  throw new Error(`no error from ${sql}`);
}

describe('SQLite errors explained', () => {
  it.each([
    ['SELECT * FROM nowhere', { key: 'sqlite.noTable', values: { name: 'nowhere' } }],
    ['SELECT nope FROM reports', { key: 'sqlite.noColumn', values: { name: 'nope' } }],
    ['SELECT frob(1)', { key: 'sqlite.noFunction', values: { name: 'frob' } }],
    ['SELECT year FROM reports JOIN offices USING (report_id) WHERE year = 1', { key: 'sqlite.ambiguous', values: { name: 'year' } }],
    ['SELEKT 1', { key: 'sqlite.syntaxNear', values: { near: 'SELEKT' } }],
    ['SELECT (1', { key: 'sqlite.incomplete', values: {} }],
    ["SELECT 'a", { key: 'sqlite.badToken', values: { near: "'a" } }],
    ['DELETE FROM reports', { key: 'sqlite.readOnly', values: {} }],
    ['SELECT 1, 2 UNION SELECT 1', { key: 'sqlite.compoundColumns', values: {} }],
  ])('%s', async (sql, explained) => {
    expect(explainSqliteError(await errorOf(sql))).toEqual(explained);
  });

  it('a message of another shape has no explanation', () => {
    expect(explainSqliteError('database disk image is malformed')).toBeNull();
  });
});
