/**
 * A failing identity is stated as its two sides, in the formula's order, each with its terms and
 * value: one test per kind of identity, on seed 001 (花园办事处 2022, all zeros) edited so that the
 * sides differ. The sides are stored (report_findings.params, check_results), not the sentences:
 * those the database's `findings` view makes from the sides in SQL, and the page through the
 * dictionary, in both languages, the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fillFrom, sidesSentence, termName, type FindingParams } from '../src/lib/analysis/check-text';
import { CHECK_DEFINITIONS, crossYearSides, type CheckSides } from '../src/lib/report/checks';
import { syntheticCollection } from './helpers/synthetic-collection';
import { language, t, formatNumber } from '../src/lib/app/i18n.svelte';
import { findingMessage } from '../src/views/quality/model';
import { SEEDS_DIR } from './helpers/corpus';
import { build, filesFrom, open, rows } from './helpers/database';

const clean = readFileSync(join(SEEDS_DIR, '001_ece336a5f188f35c.txt'), 'utf8');

/** The seed with one table row replaced, built into a database: the stored findings and checks of the check asked for. */
async function stored(from: string, to: string, checkId: string) {
  expect(clean).toContain(from);
  const db = await open((await build(filesFrom({ 'edited.txt': clean.replace(from, to) }))).database);
  // Stored: the sides only.
  expect(rows(db, "SELECT count(*) AS n FROM report_findings WHERE code = 'identity' AND (message_zh IS NOT NULL OR message_en IS NOT NULL OR params IS NULL)")).toEqual([{ n: 0 }]);
  const findings = rows(db, "SELECT message_zh, message_en, params FROM findings WHERE code = 'identity'").map((r) => ({
    zh: String(r.message_zh),
    en: String(r.message_en),
    params: JSON.parse(String(r.params)) as FindingParams,
  }));
  const [check] = rows(db, 'SELECT ok, subject, left_terms, left_value, right_terms, right_value FROM check_results WHERE check_id = ?', [checkId]);
  db.close();
  const finding = findings.find((f) => f.params.check === checkId);
  expect(finding, `a finding about ${checkId}`).toBeDefined();
  return { finding: finding!, check: { ...check, left_terms: JSON.parse(String(check.left_terms)), right_terms: JSON.parse(String(check.right_terms)) } };
}

const zeros = (n: number) => Array(n).fill('0').join('\t');

afterEach(() => {
  language.current = 'zh';
});

/** The page's sentence in each language equals the view's: both are made from the sides. */
function expectRenderedAsStored(f: { zh: string; en: string; params: FindingParams }) {
  expect(sidesSentence('identity', f.params, 'zh', fillFrom('zh'))).toBe(f.zh);
  expect(sidesSentence('identity', f.params, 'en', fillFrom('en'))).toBe(f.en);
  // Through the dictionary, as the views render it (numbers below 1,000 read the same either way).
  expect(findingMessage({ code: 'identity', ...f }, 'zh', t, formatNumber)).toBe(f.zh);
  language.current = 'en';
  expect(findingMessage({ code: 'identity', ...f }, 'en', t, formatNumber)).toBe(f.en);
}

describe('a failing identity names its two sides', () => {
  it('balance (一 + 二 = 三(七) + 四): 1 received, 0 handled or carried forward', async () => {
    const { finding, check } = await stored(`一、本年新收政府信息公开申请数量\t${zeros(7)}`, `一、本年新收政府信息公开申请数量\t1\t${zeros(5)}\t1`, 'applications.balance.naturalPerson');
    expect(finding.params).toEqual({
      check: 'applications.balance.naturalPerson',
      subject: 'applications.column.naturalPerson',
      left: { terms: ['applications.row.newReceived', 'applications.row.carriedOver'], value: 1 },
      right: { terms: ['applications.row.totalProcessed', 'applications.row.carriedForward'], value: 0 },
    });
    expect(check).toMatchObject({ ok: 0, subject: 'applications.column.naturalPerson', left_value: 1, right_value: 0, left_terms: finding.params.left.terms, right_terms: finding.params.right.terms });
    expect(finding.zh).toBe('数字对不上（“自然人”列）：本年新收 + 上年结转 = 1，但（七）总计 + 结转下年度 = 0。');
    expect(finding.en).toBe('Does not add up (column "natural persons"): new applications + carried over from last year = 1, but (7) total handled + carried forward to next year = 0.');
    expectRenderedAsStored(finding);
  });

  it('a row across its applicant columns (… = 总计): parts 0, total 2', async () => {
    const { finding, check } = await stored(`5.属于三类内部事务信息\t${zeros(7)}`, `5.属于三类内部事务信息\t${zeros(6)}\t2`, 'applications.columns.deniedInternalAffairs');
    expect(finding.params).toEqual({
      check: 'applications.columns.deniedInternalAffairs',
      subject: 'applications.row.deniedInternalAffairs',
      left: { terms: ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'].map((k) => `applications.column.${k}`), value: 0 },
      right: { terms: ['applications.column.total'], value: 2 },
    });
    expect(check).toMatchObject({ ok: 0, left_value: 0, right_value: 2 });
    expect(finding.zh).toBe('数字对不上（“5.属于三类内部事务信息”行）：自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他 = 0，但总计 = 2。');
    expect(finding.en).toBe(
      'Does not add up (row "(3) 5. internal affairs"): natural persons + businesses + research institutions + public-interest organisations + legal service providers + others = 0, but total = 2.',
    );
    expectRenderedAsStored(finding);
  });

  it('the results against （七）总计: results 3, total 0', async () => {
    const { finding, check } = await stored(`6.属于四类过程性信息\t${zeros(7)}`, `6.属于四类过程性信息\t3\t${zeros(5)}\t3`, 'applications.results.naturalPerson');
    expect(finding.params).toEqual({
      check: 'applications.results.naturalPerson',
      subject: 'applications.column.naturalPerson',
      left: { terms: ['granted', 'partiallyGranted', 'denied', 'unavailable', 'rejected', 'other'].map((k) => `applications.heading.${k}`), value: 3 },
      right: { terms: ['applications.row.totalProcessed'], value: 0 },
    });
    expect(check).toMatchObject({ ok: 0, left_value: 3, right_value: 0 });
    expect(finding.zh).toBe('数字对不上（“自然人”列）：（一）予以公开 + （二）部分公开 + （三）不予公开 + （四）无法提供 + （五）不予处理 + （六）其他处理 = 3，但（七）总计 = 0。');
    expect(finding.en).toBe(
      'Does not add up (column "natural persons"): (1) granted + (2) partly granted + (3) not disclosed + (4) cannot be provided + (5) not processed + (6) other handling = 3, but (7) total handled = 0.',
    );
    expectRenderedAsStored(finding);
  });

  it('review and litigation (结果维持 + … + 尚未审结 = 总计): 11 results, total 0, as in hongze-2023.pdf', async () => {
    const { finding, check } = await stored(zeros(15), `0\t0\t0\t11\t0\t${zeros(10)}`, 'reviewLitigation.review');
    expect(finding.params).toEqual({
      check: 'reviewLitigation.review',
      subject: 'reviewLitigation.row.review',
      left: { terms: ['upheld', 'corrected', 'other', 'pending'].map((k) => `reviewLitigation.column.${k}`), value: 11 },
      right: { terms: ['reviewLitigation.column.total'], value: 0 },
    });
    expect(check).toMatchObject({ ok: 0, left_value: 11, right_value: 0 });
    expect(finding.zh).toBe('数字对不上（行政复议）：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 11，但总计 = 0。');
    expect(finding.en).toBe('Does not add up (administrative review): upheld + corrected + other result + pending = 11, but total = 0.');
    expectRenderedAsStored(finding);
  });
});

describe('the terms of every identity', () => {
  it('have a name in both languages, never their key', () => {
    const cross = ['applications.carryOver', 'active.inForce.regulations', 'active.inForce.normativeDocuments'].map((id) => crossYearSides(id, 2022, 2023, 0, 0));
    const terms = new Set([
      ...CHECK_DEFINITIONS.flatMap((d) => [d.subject, ...d.left, ...d.right]),
      ...cross.flatMap((s) => [s.subject, ...s.left.terms, ...s.right.terms].map((t) => (t === null || typeof t === 'string' ? t : t.term))),
    ]);
    terms.delete(null);
    // 7 applicant columns, 26 rows and 6 result headings of 三, 3 groups and 5 columns of 四, 2 items and 3 columns of 二.
    expect(terms.size).toBe(52);
    for (const term of terms as Set<string>) {
      expect(termName(term, 'zh', fillFrom('zh')), term).toMatch(/[\u4e00-\u9fff]/);
      expect(termName(term, 'en', fillFrom('en')), term).toMatch(/^[(\w][^\u4e00-\u9fff]*(\(规章\))?$/);
    }
  });
});

describe('the findings view', () => {
  it('makes in SQL the sentences sidesSentence makes, for every carry-over finding of a synthetic collection (both rules; the identities: above)', async () => {
    const files = syntheticCollection({ seed: 1511, offices: 40, years: [2021, 2022, 2023] });
    const db = await open((await build(files)).database);
    const found = rows(db, 'SELECT report_id, code, message_zh, message_en, params FROM findings WHERE params IS NOT NULL');
    // A carry-over is stored as its check, year and values; the view gives its sides as the build made them.
    const failing = rows(db, 'SELECT next_report_id, check_id, year, next_year, expected, actual FROM cross_year_checks WHERE ok = 0');
    expect(failing.length).toBe(found.length);
    for (const c of failing) {
      const stored = rows(db, "SELECT params FROM report_findings WHERE report_id = ? AND code = 'carry-over' AND json_extract(params, '$.check') = ?", [Number(c.next_report_id), String(c.check_id)]);
      expect(stored.map((r) => JSON.parse(String(r.params)))).toEqual([{ check: c.check_id, year: c.year, left: c.expected, right: c.actual }]);
      const viewed = found.find((f) => f.report_id === c.next_report_id && (JSON.parse(String(f.params)) as CheckSides).check === c.check_id);
      expect(JSON.parse(String(viewed!.params))).toEqual(crossYearSides(String(c.check_id), Number(c.year), Number(c.next_year), Number(c.expected), Number(c.actual)));
    }
    db.close();
    const checks = new Set(found.map((f) => (JSON.parse(String(f.params)) as CheckSides).check));
    expect([...checks].sort()).toEqual(['active.inForce.normativeDocuments', 'active.inForce.regulations', 'applications.carryOver']);
    expect(found.length).toBeGreaterThan(20);
    for (const f of found) {
      const sides = JSON.parse(String(f.params)) as CheckSides;
      const code = f.code as 'identity' | 'carry-over';
      expect(f.message_zh).toBe(sidesSentence(code, sides, 'zh', fillFrom('zh')));
      expect(f.message_en).toBe(sidesSentence(code, sides, 'en', fillFrom('en')));
    }
  });
});
