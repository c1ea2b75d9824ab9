/**
 * Shapes other crawlers and sites give (issue 12), on the seeds, whose every cell is known
 * (tests/fixtures/seeds/*.truth.json): one cell per line with equal lines next to each other printed
 * once, and zeros printed as blank cells in tab-separated rows. Each cell comes back exact, or null
 * with a warning: never another number. The generated round trip (tests/roundtrip.crawler.test.ts)
 * covers the same shapes, web pages' `<td></td>` and text laid out with spaces over many reports.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport, type ReportRecord } from '../src/lib/report';
import { expandRepeats } from '../src/lib/report/runs';
import { tokenize } from '../src/lib/report/tokens';
import { parseWarning, warningText } from '../src/lib/app/warnings';
import { applyLanguage } from '../src/lib/app/i18n.svelte';
import { CRAWLER_SEED, SHAPE_LAYOUTS, TEMPLATES, crawlerCase } from '../scripts/lib/synthetic';
import { SEEDS_DIR, truthCases } from './helpers/corpus';

const seeds = truthCases(SEEDS_DIR).map((c) => ({ ...c, text: readFileSync(c.textFile, 'utf8'), truth: c.truth as Record<string, any> }));
const seed = (prefix: string) => seeds.find((c) => c.name.startsWith(prefix))!;

/** Every cell of tables 二, 三 and 四 against the truth: exact, null, or wrong (path: got, want). */
type TableName = 'active' | 'applications' | 'reviewLitigation';
function compare(record: ReportRecord, truth: Record<string, any>, tables: readonly TableName[] = ['active', 'applications', 'reviewLitigation']) {
  let exact = 0;
  let nulls = 0;
  const wrong: string[] = [];
  for (const table of tables) {
    for (const [row, cells] of Object.entries<Record<string, number | null> | null>(truth[table])) {
      for (const [col, want] of Object.entries(cells ?? {})) {
        const got = (record[table] as Record<string, Record<string, number | null> | null>)[row]?.[col] ?? null;
        if (got === null) nulls += want === null ? 0 : 1;
        else if (got === want) exact++;
        else wrong.push(`${table}.${row}.${col}: got ${got}, want ${want}`);
      }
    }
  }
  return { exact, nulls, wrong };
}

/** Equal lines next to each other printed once, as some extractors do. */
const linesOnce = (text: string) =>
  text
    .split('\n')
    .filter((line, i, all) => i === 0 || line.trim() !== all[i - 1].trim())
    .join('\n');

/** A tab-separated table's 0 cells printed blank (only cells that are exactly "0"). */
const blankZeros = (text: string) =>
  text
    .split('\n')
    .map((line) => (line.includes('\t') ? line.split('\t').map((f) => (f.trim() === '0' ? '' : f)).join('\t') : line))
    .join('\n');

describe('expandRepeats: a line printed once stands for one or more equal cells', () => {
  it('"5" "0" "5" for seven cells reads 15 ways; only 5,0,0,0,0,0,5 has its parts sum to its total', () => {
    const readings = expandRepeats([5, 0, 5], 7);
    expect(readings).toHaveLength(15);
    expect(readings.filter((r) => r.slice(0, 6).reduce((a, b) => a + b, 0) === r[6])).toEqual([[5, 0, 0, 0, 0, 0, 5]]);
  });
  it('seven lines for seven cells read as printed; two equal lines in a row, or more lines than cells, not at all', () => {
    expect(expandRepeats([1, 2, 3, 4, 5, 6, 21], 7)).toEqual([[1, 2, 3, 4, 5, 6, 21]]);
    expect(expandRepeats([0, 0, 1], 7)).toEqual([]);
    expect(expandRepeats([1, 2, 1, 2, 1, 2, 1, 2], 7)).toEqual([]);
    expect(expandRepeats([0], 15)).toEqual([new Array(15).fill(0)]);
  });
});

describe('one cell per line, equal lines printed once (seed 002 as such an extractor gives it)', () => {
  const c = seed('002');
  const text = linesOnce(c.text);

  it('the copy really lost lines: rows of seven 0s are one line', () => {
    expect(text.split('\n').length).toBeLessThan(c.text.split('\n').length - 100);
  });

  it('every cell comes back exact (the seed is all zeros in tables 三 and 四), none wrong', () => {
    const record = parseReport(text);
    const { exact, nulls, wrong } = compare(record, c.truth);
    expect(wrong).toEqual([]);
    expect(nulls).toBe(0);
    expect(exact).toBeGreaterThan(150);
    expect(record.warnings.some((w) => w.includes('equal lines next to each other printed once'))).toBe(true);
    expect(record.checks.every((ch) => ch.ok)).toBe(true);
  });

  it('a copy that prints equal lines but lost one line of a row is not taken for one printed once: that row is null', () => {
    // Seed 002 as exported, less the first 0 of 一、本年新收's row: six lines for seven cells.
    const lines = c.text.split('\n');
    const label = lines.findIndex((l) => l.includes('本年新收政府信息公开申请数量'));
    const value = lines.findIndex((l, i) => i > label && l.trim() === '0');
    const record = parseReport([...lines.slice(0, value), ...lines.slice(value + 1)].join('\n'));
    expect(record.warnings.some((w) => w.includes('printed once'))).toBe(false);
    expect(Object.values(record.applications.newReceived!).every((v) => v === null)).toBe(true);
    expect(record.warnings.some((w) => w.includes('本年新收') && w.includes('6 of 7'))).toBe(true);
    expect(compare(record, c.truth).wrong).toEqual([]);
  });
});

describe('zeros printed as blank cells in tab-separated rows (seeds 000, 001, 003, 004 with their 0 cells blanked; a generated report)', () => {
  const tabSeeds = seeds.filter((s) => !s.name.startsWith('002'));

  it.each(tabSeeds.map((s) => [s.name, s] as const))('%s: no cell wrong', (_, c) => {
    const text = blankZeros(c.text);
    expect(text).not.toBe(c.text);
    expect(compare(parseReport(text), c.truth).wrong).toEqual([]);
  });

  it('the seeds are idle offices: table 三 printed all blank has no identity to confirm its blanks are 0s; without words that do, it stays null', () => {
    // Seeds 000 and 003 never say how many applications came in.
    for (const c of [seed('000'), seed('003')]) {
      const record = parseReport(blankZeros(c.text));
      expect(Object.values(record.applications.newReceived!).every((v) => v === null)).toBe(true);
      expect(record.warnings).toContain('table 三 (申请情况) missing: no values in section 三, its cells are null');
      expect(record.warnings).toContain('table 四 (行政复议、行政诉讼) missing: no values in section 四, its cells are null');
    }
  });

  it('seeds 001 and 004 say no application came in ("2022年未收到有关申请", "本办事处未接到政府信息公开申请"): their all-blank tables 三 and 四 read as 0s, exact', () => {
    for (const [prefix, line] of [['001', 9], ['004', 15]] as const) {
      const c = seed(prefix);
      const record = parseReport(blankZeros(c.text));
      // 2021 format: 25 rows of 7 cells and 15 of table 四, every one exact.
      expect(compare(record, c.truth, ['applications', 'reviewLitigation'])).toEqual({ exact: 190, nulls: 0, wrong: [] });
      expect(record.applications.carriedOver!.total).toBe(0);
      expect(record.warnings).toContain(
        `table 三 prints every cell blank, and the report's text states that no application came in (line ${line}) and tells of none carried over or handled: its 175 blank cells are read as 0`,
      );
      expect(record.warnings).toContain("table 四 prints every cell blank, as table 三 does, whose blanks the report's text confirms are 0s; its cells are 0");
      expect(record.checks.every((check) => check.ok)).toBe(true);
      // Each cell points at its row's line of the table.
      const newLine = c.text.split('\n').findIndex((l) => l.includes('本年新收政府信息公开申请数量')) + 1;
      expect(record.sources['applications.newReceived.total']).toBe(newLine);
    }
  });

  // Seed 004 blanked, its sentence "2024 年度，本办事处未接到政府信息公开申请。" replaced: the words decide alone.
  const idleWith = (sentence: string) => parseReport(blankZeros(seed('004').text).replace('2024 年度，本办事处未接到政府信息公开申请。', sentence));
  const allNull = (record: ReportRecord) =>
    Object.values(record.applications).every((cells) => cells === null || Object.values(cells).every((v) => v === null)) &&
    Object.values(record.reviewLitigation).every((cells) => Object.values(cells).every((v) => v === null));

  it.each([
    ['2024年共收到政府信息公开申请0件。', 'a count of 0'],
    ['2024年，本办事处共受理依申请公开 0 件。', 'a count of 0 in other words'],
    ['2024年未收到依申请公开事宜。', 'no 依申请公开 at all'],
  ])('"%s" (%s) confirms the blanks', (sentence) => {
    expect(compare(idleWith(sentence), seed('004').truth, ['applications', 'reviewLitigation'])).toEqual({ exact: 190, nulls: 0, wrong: [] });
  });

  it.each([
    ['2024年共收到政府信息公开申请0件，上年结转1件。', '0 new, but one carried over: 二、上年结转 is not 0'],
    ['2024年未收到新的政府信息公开申请，办结上年度申请2件。', 'none new, two handled'],
    ['2024年共收到政府信息公开申请0件。受理的1件申请已于法定期限内答复。', 'a count of 0 and one of 1'],
    ['2024年共收到政府信息公开申请0件，1件延期答复。', 'an application put off'],
    ['2024年未收到政府信息公开类行政复议申请及行政诉讼案件。', 'no review or lawsuit: says nothing of applications'],
    ['2024年未收到涉及国家秘密的申请。', 'none of one kind: says nothing of the others'],
    ['目前未收到该申请人提交的补正。', 'a reply awaited'],
    ['2024年依法办理政府信息公开申请。', 'no count at all'],
  ])('"%s" (%s) leaves the all-blank tables null', (sentence) => {
    const record = idleWith(sentence);
    expect(allNull(record)).toBe(true);
    expect(record.warnings).toContain('table 三 (申请情况) missing: no values in section 三, its cells are null');
  });

  it('words that confirm the blanks do not confirm a table that lost a row: it stays null', () => {
    const text = blankZeros(seed('004').text)
      .split('\n')
      .filter((l) => !l.includes('要求提供公开出版物'))
      .join('\n');
    expect(allNull(parseReport(text))).toBe(true);
  });

  it('a table printed with its 0s is read as before, whatever the words say', () => {
    const record = parseReport(seed('004').text.replace('2024 年度，本办事处未接到政府信息公开申请。', '2024年共收到政府信息公开申请0件，上年结转1件。'));
    expect(compare(record, seed('004').truth, ['applications', 'reviewLitigation'])).toEqual({ exact: 190, nulls: 0, wrong: [] });
    expect(record.warnings.some((w) => w.includes('every cell blank'))).toBe(false);
  });

  // A generated report of this shape whose table 三 has numbers (the round trip's, seed fixed).
  const busy = Array.from({ length: 30 }, (_, i) => crawlerCase(CRAWLER_SEED, '2021', 'tab-blank-zeros', i))
    .map((c) => ({ ...c, record: parseReport(c.text) }))
    .find((c) => c.expected.applications.totalProcessed!.naturalPerson! > 0 && c.record.warnings.some((w) => w.startsWith('table 三 prints its zeros as blank cells')))!;

  it('a table 三 with numbers and blanks reads exact when every identity confirms the blanks are 0s', () => {
    expect(busy.record.applications).toEqual(busy.expected.applications);
  });

  it('the same table with one number blanked no longer adds up: its blanks are not read as 0s', () => {
    const lines = busy.text.split('\n');
    const total = lines.findIndex((l) => /[（(]七[）)]\s*总计/.test(l) && /\d/.test(l));
    const fields = lines[total].split('\t');
    const first = fields.findIndex((f) => /^\d+$/.test(f.trim()));
    fields[first] = '';
    lines[total] = fields.join('\t');
    const record = parseReport(lines.join('\n'));
    expect(record.warnings.some((w) => w.startsWith('table 三 prints its zeros as blank cells'))).toBe(false);
    expect(compare(record, busy.expected).wrong).toEqual([]);
    // Rows with blanks are null again (their columns cannot be told), not filled with 0s.
    expect(record.applications.totalProcessed!.naturalPerson).toBeNull();
  });

  describe('table 二 has no identity: a blank is read as 0 only in a row that prints a number, placed by its header, and never in a count of what stands', () => {
    // Seed 004 with its 0s blanked (its words confirm table 三's blanks), two rows of table 二 given numbers.
    const withRows = (text: string) => text.replace('规章\t\t\t', '规章\t2\t\t5').replace('行政规范性文件\t\t\t', '行政规范性文件\t3');
    const idle = withRows(blankZeros(seed('004').text));

    it('"规章 2 _ 5" reads 2, 0, 5; "行政规范性文件 3" (trailing blanks dropped) reads 3, 0 and a null 现行有效件数', () => {
      const record = parseReport(idle);
      expect(record.active.regulations).toEqual({ issued: 2, repealed: 0, inForce: 5 });
      expect(record.active.normativeDocuments).toEqual({ issued: 3, repealed: 0, inForce: null });
      expect(record.warnings).toContain('table 二: row "规章" prints its zeros as blank cells, as the report\'s table 三 does (line 33): 本年废止件数 read as 0');
      expect(record.warnings).toContain(
        'table 二: row "行政规范性文件" leaves 现行有效件数 blank (line 34); a count of what stands at the year\'s end may be one the office does not keep, so it is null',
      );
      // Rows that print no number stay null: nothing shows they were filled in.
      expect(record.active.licensing.decisions).toBeNull();
      expect(record.sources['active.regulations.repealed']).toBe(33);
    });

    it('without table 三 confirming the habit (its words gone), the same rows stay null', () => {
      const record = parseReport(idle.replace('2024 年度，本办事处未接到政府信息公开申请。', ''));
      expect(record.active.regulations).toEqual({ issued: null, repealed: null, inForce: null });
      expect(record.active.normativeDocuments).toEqual({ issued: null, repealed: null, inForce: null });
    });

    it('a table 二 that prints a 0 elsewhere does not print its zeros as blanks: its short rows stay null', () => {
      const record = parseReport(idle.replace('行政许可\t\t\t', '行政许可\t0\t\t'));
      expect(record.active.licensing.decisions).toBe(0);
      expect(record.active.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    });

    it('a header whose columns do not stand in the row\'s fields (a label over two fields) leaves the rows null', () => {
      const record = parseReport(idle.replace('信息内容\t本年制发件数', '信息内容\t\t本年制发件数'));
      expect(record.active.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    });
  });

  it('tokenize keeps a delimited row\'s blank cells in place only when asked, right-anchored on the row\'s last printed cell', () => {
    const row = ['\t（二）部分公开\t\t1\t\t\t\t\t\t1'];
    const values = (blanks?: Parameters<typeof tokenize>[3]) => tokenize(row, 0, 1, blanks).flatMap((t) => (t.kind === 'value' ? [t.value] : []));
    expect(values()).toEqual([1, 1]);
    expect(values({ width: 7 })).toEqual([1, 0, 0, 0, 0, 0, 1]);
    // A label alone: a row whose every cell is blank, if the reader says the text is a row label.
    expect(tokenize(['（四）无法提供'], 0, 1, { width: 7, rowLabel: () => true }).filter((t) => t.kind === 'value')).toHaveLength(7);
    expect(tokenize(['申请人情况'], 0, 1, { width: 7, rowLabel: () => false }).filter((t) => t.kind === 'value')).toHaveLength(0);
  });
});

describe('the warnings these shapes give', () => {
  it('every warning of 40 generated reports of each shape has a known shape, shown in both languages (src/lib/app/warnings.ts)', () => {
    const warnings = new Set<string>();
    for (const template of TEMPLATES)
      for (const layout of SHAPE_LAYOUTS) for (let i = 0; i < 20; i++) for (const w of parseReport(crawlerCase(CRAWLER_SEED, template, layout, i).text).warnings) warnings.add(w);
    // The shapes' own warnings are among them.
    for (const start of [
      'table 三 prints its zeros as blank cells',
      'table 四 prints every cell blank, and',
      "table 三 prints every cell blank, and the report's text states",
      'table 四 prints every cell blank, as table 三 does',
      'table 三 is printed one cell per line',
      'table 四 prints 1 line(s)',
    ])
      expect([...warnings].some((w) => w.startsWith(start))).toBe(true);
    for (const part of ["prints its zeros as blank cells, as the report's table 三 does", "a count of what stands at the year's end may be one the office does not keep"])
      expect([...warnings].some((w) => w.startsWith('table 二: row') && w.includes(part))).toBe(true);
    expect([...warnings].filter((w) => !parseWarning(w))).toEqual([]);
  });

  it('table 二\'s blanks read as 0, and a stock column left null, in both languages', () => {
    const read = 'table 二: row "规章" prints its zeros as blank cells, as the report\'s table 三 does (line 33): 本年制发件数, 本年废止件数 read as 0';
    const stock = 'table 二: row "行政规范性文件" leaves 现行有效件数 blank (line 34); a count of what stands at the year\'s end may be one the office does not keep, so it is null';
    applyLanguage('zh');
    expect(warningText(read).text).toBe('表二：“规章”一行与本报告表三一样把 0 印成空白（第 33 行）：“本年制发件数”、“本年废止件数”按 0 读取。');
    expect(warningText(stock).text).toBe('表二：“行政规范性文件”一行的“现行有效件数”空白（第 34 行）；年末存量数可能是机关没有统计的数，按未知处理。');
    applyLanguage('en');
    expect(warningText(read).text).toBe('Table 2: row "Rules" prints its zeros as blank cells, as the report\'s table 3 does (line 33): Issued this year, Repealed this year read as 0.');
    expect(warningText(stock).text).toContain('leaves In force blank (line 34)');
    applyLanguage('zh');
  });
});
