/**
 * Every seed and every corpus report with a hand-checked truth, compared field for field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js';
import { parseReport } from '../src/lib/report';
import { loadDivisions } from '../scripts/lib/divisions';
import { SEEDS_DIR, SHARED_CORPUS_DIR, diffAgainstTruth, sharedCorpusPresent, truthCases } from './helpers/corpus';

const divisions = loadDivisions();

describe('seed reports (tests/fixtures/seeds)', () => {
  const cases = truthCases(SEEDS_DIR);
  it('has the five seeds', () => expect(cases.map((c) => c.name.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']));
  for (const c of cases) {
    it(`${c.name} matches its truth in every field`, () => {
      const record = parseReport(readFileSync(c.textFile, 'utf8'), { fileName: c.name, divisions });
      expect(diffAgainstTruth(record, c.truth)).toEqual([]);
    });
  }
});

describe.skipIf(!sharedCorpusPresent)('development corpus (../shared/corpus/dev)', () => {
  const cases = truthCases(SHARED_CORPUS_DIR);
  it('has the four text extractions', () => expect(cases.length).toBe(4));
  for (const c of cases) {
    it(`${c.name} matches its truth in every field`, () => {
      const record = parseReport(readFileSync(c.textFile, 'utf8'), { fileName: c.name, divisions });
      expect(diffAgainstTruth(record, c.truth)).toEqual([]);
    });
  }
});
if (!sharedCorpusPresent) console.warn(`skipped: the development corpus is not at ${SHARED_CORPUS_DIR}`);

describe('copies in traditional characters (as mirror sites republish reports)', () => {
  const toTraditional = Converter({ from: 'cn', to: 'tw' });
  const cases = [...truthCases(SEEDS_DIR), ...(sharedCorpusPresent ? truthCases(SHARED_CORPUS_DIR) : [])];
  for (const c of cases) {
    it(`${c.name}: the same office, place, year and tables as the original; the title as written`, () => {
      const original = readFileSync(c.textFile, 'utf8');
      const copy = toTraditional(original);
      expect(copy).not.toBe(original);
      const record = parseReport(copy, { fileName: c.name, divisions });
      // The title is kept as the copy writes it; everything else is what the truth says.
      expect(record.title === null ? null : toTraditional(c.truth.title as string)).toBe(record.title);
      expect(diffAgainstTruth(record, { ...c.truth, title: record.title })).toEqual([]);
    });
  }
});

describe('hand-checked details of single reports', () => {
  const read = (name: string) => parseReport(readFileSync(`${SEEDS_DIR}/${name}`, 'utf8'), { divisions });

  it('seed 000: place and code from the unique street name 轻工路街道', () => {
    const r = read('000_20342ef31a6ba026.txt');
    expect(r.divisionCode).toBe('410411005');
    expect(r.sections.problems).toMatch(/^存在问题：一是队伍建设薄弱/);
    expect(r.sections.other).toBe('无');
  });

  it('seed 001: 新乡市牧野区花园办事处 → 花园街道 of 牧野区 (the name alone is not unique)', () => {
    const r = read('001_ece336a5f188f35c.txt');
    expect(r.divisionCode).toBe('410711004');
    expect(r.sections.other).toBe('2022年我单位无收取信息处理费情况。');
  });

  it('seed 002: one cell per line, and sources point at the lines of the numbers', () => {
    const r = read('002_c3699d8ca2ce9b9a.txt');
    expect(r.sources['applications.newReceived.naturalPerson']).toBe(88);
    expect(r.sources['applications.newReceived.total']).toBe(94);
    expect(r.sources['applications.granted.total']).toBe(113);
    expect(r.sources['reviewLitigation.litigationAfterReview.total']).toBe(408);
    expect(r.sources['active.regulations.issued']).toBe(28);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.checks.find((c) => c.id === 'applications.balance.total')).toEqual({ id: 'applications.balance.total', ok: true, expected: 1, actual: 1 });
  });

  it('seed 003: sub-heads "二、政务信息公开载体…" inside section 一 do not end it', () => {
    const r = read('003_75afd8928d84c447.txt');
    expect(r.sections.overview).toContain('二、政务信息公开载体建设及运行情况');
    expect(r.active.normativeDocuments).toEqual({ issued: 1, repealed: 0, inForce: 0 });
  });
});

describe.skipIf(!sharedCorpusPresent)('洪泽区 2023: a real report whose table 四 does not add up', () => {
  for (const variant of ['layout', 'plain']) {
    it(`${variant}: read as printed, and the checks say so`, () => {
      const r = parseReport(readFileSync(`${SHARED_CORPUS_DIR}/hongze-2023-${variant}.txt`, 'utf8'), { divisions });
      const failed = r.checks.filter((c) => !c.ok);
      expect(failed).toEqual([
        { id: 'reviewLitigation.review', ok: false, expected: 0, actual: 11 },
        { id: 'reviewLitigation.litigationAfterReview', ok: false, expected: 0, actual: 5 },
      ]);
      expect(r.applications.otherHandling).toEqual({ naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0 });
      expect(r.applications.otherOther).toBeNull();
      expect(r.divisionCode).toBeNull();
    });
  }
});
