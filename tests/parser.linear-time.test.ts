/**
 * Every pattern over user text runs in linear time (issue 13): a line of 10^6 characters of each
 * kind — tabs, spaces, digits, full-width digits, CJK, punctuation, short lines, and the shapes
 * the section and row patterns look for — alone, and in a real seed report (on a line of its own,
 * glued to a table label, in a table cell, in section 五, in a crawler's one-line body), is read
 * or refused with a ReportParseError. The bound is the test's timeout: no speed is asserted here
 * (scripts/bench.ts prints 10^5 against 10^6 characters); a quadratic pattern took minutes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { narrativeCounts } from '../src/lib/analysis/narrative';
import { concessions, praises, problemThemes } from '../src/lib/analysis/problems';
import { diffTexts } from '../src/lib/analysis/similarity';
import { extractText } from '../src/lib/formats';
import { parseReport, ReportParseError, type ReportRecord } from '../src/lib/report';
import { LONG_LINE_KINDS, longLine as repeatTo } from '../scripts/lib/long-lines';
import { CRAWLER_SEED, crawlerCase, mulberry32 } from '../scripts/lib/synthetic';
import { SEEDS_DIR } from './helpers/corpus';

const LENGTH = 1_000_000;
const TIMEOUT = 60_000; // a hang bound, not a speed target: the quadratic forms took minutes here
const seed = readFileSync(join(SEEDS_DIR, '000_20342ef31a6ba026.txt'), 'utf8');
const oneLine = crawlerCase(CRAWLER_SEED, '2021', 'crawler-one-line', 0).text;

const longLine = (unit: string) => repeatTo(unit, LENGTH);

/** A long line in a seed report, in the places the parser's patterns look at. */
export const PLACES: Record<string, (x: string) => string> = {
  'own line': (x) => seed.replace('\n二、主动公开政府信息情况', `\n${x}\n二、主动公开政府信息情况`),
  'glued to a row label': (x) => seed.replace('(三) 不予公开', `(三) 不予公开${x}`),
  'a table-二 cell': (x) => seed.replace('行政许可\t0', `行政许可\t${x}`),
  'section 五': (x) => seed.replace(/(\n五、[^\n]*\n)/, `$1${x}\n`),
};
/** Further places, tried with a few kinds (each kind in every place would take minutes). */
const MORE_PLACES: Record<string, (x: string) => string> = {
  'a table-四 row': (x) => seed.replace(/\n(0\t){14}0\n/, `\n${x}\n`),
  'around a heading': (x) => seed.replace('三、收到和处理政府信息公开申请情况', `${x}三、收到和处理政府信息公开申请情况${x}`),
  'a one-line body': (x) => oneLine.replace('三、', `${x}三、`),
};
const MORE_KINDS = ['tabs', 'spaces', 'digits', 'CJK', 'punctuation', '一、 repeated', '（一） repeated', '0 and space'];

/** The record, or the parse error's code; anything else thrown fails the test. */
function parseOrRefuse(text: string): ReportRecord | string {
  try {
    return parseReport(text);
  } catch (e) {
    if (e instanceof ReportParseError) return e.code;
    throw e;
  }
}

/** The seed as a web page, the long line one paragraph of it. */
function page(x: string): string {
  const escape = (l: string) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = seed
    .split('\n')
    .map((l) => (l.includes('\t') ? `<table><tr><td>${l.split('\t').map(escape).join('</td><td>')}</td></tr></table>` : `<p>${escape(l)}</p>`));
  // Where 'own line' puts it: after the title and section 一, before section 二.
  body.splice(body.indexOf('<p>二、主动公开政府信息情况</p>'), 0, `<p>${escape(x)}</p>`);
  return `<html><head><meta charset="utf-8"></head><body>${body.join('\n')}</body></html>`;
}

const TITLE = '轻工路街道办事处2022年政府信息公开工作年度报告';

describe('a line of 10^6 characters of each kind', () => {
  it('the places are in the seed', () => {
    for (const [name, place] of Object.entries({ ...PLACES, ...MORE_PLACES })) expect(place('@@'), name).toContain('@@');
  });

  for (const [kind, unit] of Object.entries(LONG_LINE_KINDS)) {
    describe(kind, () => {
      const line = longLine(unit);
      it('alone: refused', () => expect(typeof parseOrRefuse(line)).toBe('string'), TIMEOUT);
      for (const [name, place] of Object.entries(PLACES)) {
        it(
          `in a seed report, ${name}: the report around it is read`,
          () => {
            const record = parseOrRefuse(place(line)) as ReportRecord;
            expect(record.title).toBe(TITLE);
            if (name === 'section 五') {
              expect(Array.isArray(problemThemes(record.sections.problems))).toBe(true);
              expect(Array.isArray(narrativeCounts(record))).toBe(true);
            }
          },
          TIMEOUT,
        );
      }
      it(
        'in a .txt and in a web page',
        async () => {
          const fromTxt = await extractText('long.txt', new TextEncoder().encode(PLACES['own line'](line)));
          expect((parseOrRefuse(fromTxt.text) as ReportRecord).title).toBe(TITLE);
          const fromHtml = await extractText('long.html', new TextEncoder().encode(page(line)));
          expect(fromHtml.format).toBe('html');
          expect((parseOrRefuse(fromHtml.text) as ReportRecord).title).toBe(TITLE);
        },
        TIMEOUT,
      );
      if (MORE_KINDS.includes(kind)) {
        for (const [name, place] of Object.entries(MORE_PLACES)) {
          it(`in a seed report, ${name}: read`, () => expect(typeof parseOrRefuse(place(line))).toBe('object'), TIMEOUT);
        }
      }
    });
  }

  it(
    'section 五 of 10^6 characters: themes and the side-by-side diff',
    () => {
      for (const unit of ['数\n', '虽', '取得成效', '一、', '（一）', '。']) {
        const text = `存在问题：${longLine(unit)}但仍存在不足。`;
        expect(Array.isArray(problemThemes(text))).toBe(true);
        const parts = diffTexts(text, `${text}数`);
        expect(parts.map((p) => p.text).join('')).toBe(`${text}数`);
      }
    },
    TIMEOUT,
  );
});

describe('the linear-time forms of section 五’s patterns find what the patterns found', () => {
  // The patterns as they were written: quadratic on a long clause, exact on short ones.
  const CONCESSION = /(?:虽然|虽说|尽管|虽)[^。；;，,]*[，,](?=\s*(?:但|却|仍|还|可是|然而))|在[^。；;，,]{2,24}的同时[，,](?=\s*(?:但|却|仍|还))/g;
  const PRAISE = /^[^。；;]*(?:做了大量工作|取得(?:了)?[^。；;，,]{0,6}(?:成效|进展|成绩|进步))[^。；;]*?[，,](?=\s*(?:但|然而|同时也|仍))/g;
  const spans = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
  const pieces = ['虽', '然', '说', '尽', '管', '在', '的同时', '，', ',', '。', '；', ' ', '但', '却', '仍', '可是', '然而', '数', '取得', '了', '成效', '做了大量工作', '同时也'];

  it('on 20,000 random clauses of their words', () => {
    const rng = mulberry32(13);
    let found = 0;
    for (let k = 0; k < 20000; k++) {
      let s = '';
      for (let i = 1 + Math.floor(rng() * 20); i > 0; i--) s += pieces[Math.floor(rng() * pieces.length)];
      expect(concessions(s), s).toEqual(spans(CONCESSION, s));
      expect(praises(s), s).toEqual(spans(PRAISE, s));
      found += concessions(s).length + praises(s).length;
    }
    // The clauses do hold matches: the comparison is not between empty lists.
    expect(found).toBeGreaterThan(500);
  });
});
