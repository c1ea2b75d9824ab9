/** The SQL box's statements, judged by SQLite on a private query_only copy (sql.js in Node, the seeds). */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { changesSoFar, QueryRefused, runUserQuery } from '../src/lib/db/user-query';
import { SEEDS_DIR } from './helpers/corpus';
import { build, filesOf, open } from './helpers/database';

let db: Database;
const count = () => runUserQuery(db, 'SELECT COUNT(*) FROM reports', 10).rows[0][0];
const refusal = (sql: string) => {
  try {
    runUserQuery(db, sql, 10);
  } catch (e) {
    return e instanceof QueryRefused ? e.code : (e as Error).message;
  }
  return 'ran';
};

beforeAll(async () => {
  db = await open((await build(filesOf(SEEDS_DIR).filter((f) => f.path.endsWith('.txt')))).database);
  db.exec('PRAGMA query_only = ON');
});

describe('the SQL box lets SQLite judge the text', () => {
  it('a semicolon in a string and comments are no statement boundary', () => {
    expect(runUserQuery(db, "SELECT ';'", 10)).toEqual({ columns: ["';'"], rows: [[';']], truncated: false });
    expect(runUserQuery(db, "-- note\nSELECT 1 AS one", 10).rows).toEqual([[1]]);
    expect(runUserQuery(db, '/* a; b */ SELECT 2 AS two; -- trailing; comment\n', 10).rows).toEqual([[2]]);
    expect(runUserQuery(db, 'SELECT 3;;  ;', 10).rows).toEqual([[3]]);
  });

  it('runs any reading statement, not only SELECT, with columns as SQLite names them', () => {
    const info = runUserQuery(db, 'PRAGMA table_info(meta)', 10);
    expect(info.rows.map((r) => r[info.columns.indexOf('name')])).toEqual(['key', 'value']);
    expect(runUserQuery(db, 'SELECT 1 AS a, 2 AS a', 10)).toMatchObject({ columns: ['a', 'a'], rows: [[1, 2]] });
    expect(runUserQuery(db, "SELECT office, year FROM reports ORDER BY year LIMIT 1", 10).rows).toEqual([['洛北街道办事处', 2021]]);
  });

  it('refuses more than one statement before running any, and no statement at all', () => {
    expect(refusal('SELECT 1; SELECT 2')).toBe('several');
    expect(refusal('SELECT 1; DELETE FROM reports')).toBe('several');
    expect(refusal('-- only a comment')).toBe('empty');
    expect(refusal('   ')).toBe('empty');
    expect(refusal('SELEC 1')).toMatch(/syntax error/);
    expect(count()).toBe(5);
  });

  it('SQLite refuses writes, and switching query_only off does not carry over', () => {
    expect(refusal('DELETE FROM reports')).toMatch(/attempt to write a readonly database/);
    expect(refusal('DROP TABLE reports')).toMatch(/readonly/);
    // Preparing this pragma already switches it off, so the box switches it on before every run.
    expect(refusal('PRAGMA query_only = OFF')).toBe('ran');
    expect(refusal('DELETE FROM reports')).toMatch(/readonly/);
    expect(refusal('SELECT 1; PRAGMA query_only = OFF')).toBe('several');
    expect(refusal('INSERT INTO meta VALUES (1, 2)')).toMatch(/readonly/);
    expect(refusal("ATTACH ':memory:' AS scratch")).toBe('ran');
    expect(refusal('CREATE TABLE scratch.t (x)')).toMatch(/readonly/);
    expect(refusal("VACUUM INTO 'copy.db'")).toMatch(/readonly/);
    expect(count()).toBe(5);
    expect(changesSoFar(db)).toBe(0);
  });

  it('stops stepping after the row limit: a query without end returns its first rows', () => {
    const r = runUserQuery(db, 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c', 1000);
    expect(r.rows).toHaveLength(1000);
    expect(r.rows.at(-1)).toEqual([1000]);
    expect(r.truncated).toBe(true);
    expect(runUserQuery(db, 'SELECT x FROM (SELECT 1 AS x UNION ALL SELECT 2)', 2)).toMatchObject({ rows: [[1], [2]], truncated: false });
  });

  it('stops at a budget of text, and shows blobs as cut hex literals', () => {
    const r = runUserQuery(db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT printf('%.1000c', 'a') FROM c", 1000, 10_500);
    expect(r.rows).toHaveLength(10);
    expect(r.truncated).toBe(true);
    expect(runUserQuery(db, "SELECT X'00FF10', zeroblob(40)", 10).rows).toEqual([["X'00FF10'", `X'${'00'.repeat(32)}…'`]]);
  });
});
