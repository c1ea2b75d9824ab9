/** Text against tables: counts stated in words compared with the tables, conservatively. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { narrativeCounts, readCount } from '../src/lib/analysis/narrative';
import { parseReport } from '../src/lib/report';
import { SEEDS_DIR } from './helpers/corpus';

/** Seed 002 (劳动街道 2022): its table says 1 application received, 0 reviews, 0 lawsuits. */
const seed = readFileSync(join(SEEDS_DIR, '002_c3699d8ca2ce9b9a.txt'), 'utf8');
const withSentence = (sentence: string) => parseReport(seed.replace('劳动街道今年收到政府信息公开申请1件。', sentence));

describe('narrative counts against the tables', () => {
  it('the seed states its one application, and that agrees with the table', () => {
    expect(narrativeCounts(parseReport(seed))).toEqual([
      { figure: 'applications', stated: 1, table: 1, agrees: true, sentence: expect.stringContaining('今年收到政府信息公开申请1件') },
    ]);
  });

  it('a sentence stating another count disagrees, quoting the sentence', () => {
    const found = narrativeCounts(withSentence('劳动街道今年共收到政府信息公开申请3件。'));
    expect(found).toEqual([{ figure: 'applications', stated: 3, table: 1, agrees: false, sentence: expect.stringContaining('劳动街道今年共收到政府信息公开申请3件。') }]);
  });

  it('reviews and lawsuits, in digits, in Chinese numerals and in words', () => {
    const found = narrativeCounts(withSentence('全年被申请行政复议两件，被提起行政诉讼0件。'));
    expect(found.map((f) => [f.figure, f.stated, f.table, f.agrees])).toEqual([
      ['review', 2, 0, false],
      ['litigation', 0, 0, true],
    ]);
    const none = narrativeCounts(withSentence('本年度未发生因政府信息公开引起的行政复议、行政诉讼。'));
    expect(none.map((f) => [f.figure, f.stated, f.agrees])).toEqual([
      ['review', 0, true],
      ['litigation', 0, true],
    ]);
  });

  it('sentences that count something else raise no alarm', () => {
    for (const sentence of [
      '全年共办理规范性文件备案申请5件。',
      '接听群众政务咨询电话12件，收到留言3件。',
      '受理信访举报投诉类申请4件，均已转交相关部门。',
      '共受理行政许可申请30件。',
    ]) {
      expect(narrativeCounts(withSentence(sentence)), sentence).toEqual([]);
    }
  });

  it('reads Chinese numerals', () => {
    expect([readCount('一'), readCount('十二'), readCount('二十'), readCount('一百零五'), readCount('两'), readCount('12'), readCount('件')]).toEqual([1, 12, 20, 105, 2, 12, null]);
  });
});
