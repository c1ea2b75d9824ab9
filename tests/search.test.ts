/**
 * Section 五 search through the bigram index (src/lib/db/search.ts): the tokens, the query, and on
 * the real Pingtan collection the same hits as a scan of every text with instr, word for word.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { bigramQuery, bigramTokens } from '../src/lib/db/search';
import * as q from '../src/lib/db/queries';
import type { Row, SqlValue } from '../src/lib/db/protocol';
import { build, filesOf, open, rows } from './helpers/database';

describe('bigrams', () => {
  it('a text becomes its bigrams in order, never across punctuation or spaces', () => {
    expect(bigramTokens('队伍建设')).toBe('队伍 伍建 建设');
    expect(bigramTokens('公开，不够 AB12')).toBe('公开 不够 ab b1 12');
    expect(bigramTokens('一')).toBe('');
  });
  it('a search is the phrase of each word\'s bigrams; words the index cannot serve are left out', () => {
    expect(bigramQuery(['队伍建设', '培训'])).toBe('"队伍 伍建 建设" "培训"');
    expect(bigramQuery(['人', '公开，'])).toBeNull();
  });
});

const PINGTAN = '../shared/corpus/pingtan';
describe.skipIf(!existsSync(PINGTAN))('on the Pingtan collection', () => {
  let db: Database;
  const run: q.Run = async (sql: string, params: SqlValue[] = []) => rows(db, sql, params as (string | number | null)[]) as Row[];
  beforeAll(async () => {
    db = await open((await build(filesOf(PINGTAN))).database);
  });

  it('finds exactly the texts a scan finds, for words of every kind', async () => {
    const all = { years: [], province: null, city: null, district: null, template: null };
    for (const search of ['培训', '队伍建设', '公开 不够', '人', '公开，', '政府信息公开', '2023', '不存在的词语']) {
      const scan = rows(db, "SELECT count(*) AS n FROM sections WHERE section = 'problems' AND " + q.problemWords(search).map(() => 'instr(text, ?) > 0').join(' AND '), q.problemWords(search))[0].n;
      expect(await q.countProblems(run, all, search), search).toBe(scan);
      expect((await q.searchProblems(run, all, search, 1000)).length, search).toBe(scan);
    }
    // The index is used: a word it serves narrows the texts before instr reads them.
    expect(rows(db, 'SELECT count(*) AS n FROM problem_search WHERE problem_search MATCH ?', ['"培训"'])[0].n).toBeGreaterThan(0);
  });
});
