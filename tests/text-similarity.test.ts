/** Copied text: planted pairs, and the real corpus that justifies the threshold. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffTexts, LARGELY_SAME, textSimilarity } from '../src/lib/analysis/similarity';
import { parseReport } from '../src/lib/report';
import { SEEDS_DIR, SHARED_CORPUS_DIR, sharedCorpusPresent } from './helpers/corpus';

const seeds = ['000_20342ef31a6ba026', '001_ece336a5f188f35c', '002_c3699d8ca2ce9b9a', '003_75afd8928d84c447', '004_3c95a7fc71041271'].map((s) =>
  parseReport(readFileSync(join(SEEDS_DIR, `${s}.txt`), 'utf8')),
);
const overview = seeds[0].sections.overview!;

describe('text similarity', () => {
  it('identical texts score 1', () => {
    expect(textSimilarity(overview, overview)).toBe(1);
  });

  it('a lightly edited copy (year, office, one sentence) stays above the threshold', () => {
    const edited = overview.replaceAll('2022', '2023').replaceAll('轻工路', '南环路').replace(/。/, '，并新增政务公开专栏一个。');
    const score = textSimilarity(overview, edited)!;
    expect(score).toBeGreaterThan(0.75);
    expect(score).toBeGreaterThanOrEqual(LARGELY_SAME);
  });

  it('different offices\' real texts stay far below it', () => {
    for (const section of ['overview', 'problems'] as const) {
      for (let i = 0; i < seeds.length; i++)
        for (let j = i + 1; j < seeds.length; j++) {
          const score = textSimilarity(seeds[i].sections[section], seeds[j].sections[section]);
          if (score !== null) expect(score, `${section} ${i}/${j}`).toBeLessThan(0.3);
        }
    }
  });

  it.skipIf(!sharedCorpusPresent)('the corpus reports of two governments are not copies of each other or of the seeds', () => {
    const corpus = ['hongze-2023-layout.txt', 'huaian-2024-layout.txt'].map((f) => parseReport(readFileSync(join(SHARED_CORPUS_DIR, f), 'utf8')));
    for (const c of corpus)
      for (const other of [...seeds, ...corpus.filter((o) => o !== c)]) {
        const score = textSimilarity(c.sections.problems, other.sections.problems);
        if (score !== null) expect(score).toBeLessThan(0.3);
      }
  });

  it('short texts are not compared', () => {
    expect(textSimilarity('无。', '无。')).toBeNull();
    expect(textSimilarity(null, overview)).toBeNull();
  });

  it('the side-by-side diff marks what changed', () => {
    expect(diffTexts('今年收到申请1件。', '今年收到申请2件。')).toEqual([
      { kind: 'same', text: '今年收到申请' },
      { kind: 'removed', text: '1' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: '件。' },
    ]);
  });

  /** The left and right texts a diff gives back: same + removed, and same + added. */
  const sides = (parts: { kind: string; text: string }[]) => [
    parts.filter((p) => p.kind !== 'added').map((p) => p.text).join(''),
    parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join(''),
  ];

  it('compares texts of megabytes in bounded memory: the common start and end kept, the middle by sentence or whole', () => {
    const filler = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `第${i}句${tag}。`).join('');
    // 5 MB each, one sentence changed in the middle: only that sentence is marked.
    const a = `${filler(100_000, '甲')}今年收到申请1件。${filler(100_000, '乙')}`;
    const b = `${filler(100_000, '甲')}今年收到申请2件。${filler(100_000, '乙')}`;
    expect(diffTexts(a, b)).toEqual([
      { kind: 'same', text: `${filler(100_000, '甲')}今年收到申请` },
      { kind: 'removed', text: '1' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: `件。${filler(100_000, '乙')}` },
    ]);
    // Different from start to end, 400,000 sentences a side: one removed and one added part.
    const c = filler(400_000, '丙');
    const d = filler(400_000, '丁');
    expect(diffTexts(c, d).map((p) => p.kind)).toEqual(['same', 'removed', 'added', 'same']);
    expect(sides(diffTexts(c, d))).toEqual([c, d]);
    // Long enough for sentences, short enough for their table: the sentences that differ.
    const e = filler(1500, '戊');
    const f = e.replace('第100句戊。', '第100句己。').replace('第1400句戊。', '第1400句己。');
    const parts = diffTexts(e, f);
    expect(sides(parts)).toEqual([e, f]);
    // The middle runs from sentence 100's last words to sentence 1400's: 1,300 sentences a side.
    expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['戊。', '己。', '第1400句戊', '第1400句己']);
  });
});

describe('copies across years and offices', async () => {
  const { findSimilarities } = await import('../src/lib/analysis/copies');
  const base = seeds[0].sections;
  const edited = (s: string | null) => s!.replaceAll('2022', '2023').replace(/。/, '，并新增政务公开专栏一个。');
  const reports = [
    { id: 1, officeId: 'A', year: 2022, sections: { overview: base.overview, problems: base.problems } },
    { id: 2, officeId: 'A', year: 2023, sections: { overview: edited(base.overview), problems: seeds[1].sections.problems } },
    { id: 3, officeId: 'B', year: 2023, sections: { overview: edited(base.overview), problems: seeds[2].sections.problems } },
    { id: 4, officeId: 'C', year: 2023, sections: { overview: seeds[3].sections.overview, problems: seeds[3].sections.problems } },
  ];
  const found = findSimilarities(reports);
  const get = (id: number, section: string, kind: string) => found.find((s) => s.reportId === id && s.section === section && s.kind === kind);

  it('flags this year\'s overview as largely last year\'s, and not the rewritten problems', () => {
    expect(get(2, 'overview', 'previous-year')!.score).toBeGreaterThan(LARGELY_SAME);
    expect(get(2, 'problems', 'previous-year')!.score).toBeLessThan(0.3);
  });

  it('finds the other office that used the same text in the same year, and no copy for an unrelated one', () => {
    expect(get(3, 'overview', 'same-year')).toEqual({ reportId: 3, section: 'overview', kind: 'same-year', otherReportId: 2, score: 1 });
    expect(get(4, 'overview', 'same-year')?.score ?? 0).toBeLessThan(0.3);
  });
});
