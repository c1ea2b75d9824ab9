/**
 * Web pages as government sites publish them: the report inside menus, breadcrumbs, a sidebar of
 * links and a footer; the official tables with rowspan/colspan (written as Word's "save as web
 * page" writes them, and as CMS editors do, with </td> and </tr> left out); UTF-8 and GBK.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/lib/formats';
import { htmlToText } from '../src/lib/formats/html';
import { parseReport } from '../src/lib/report';
import { loadDivisions } from '../scripts/lib/divisions';
import { diffAgainstTruth } from './helpers/corpus';
import { reportPage, type PageOptions } from './helpers/publish';
import { numberDiffs, randomCase, seedCase } from './helpers/published-cases';

const divisions = loadDivisions();
const utf8 = (s: string) => new TextEncoder().encode(s);

async function parsePage(fileName: string, bytes: Uint8Array) {
  const { text, format } = await extractText(fileName, bytes);
  expect(format).toBe('html');
  return { text, record: parseReport(text, { fileName, divisions }) };
}

describe('a seed report published as a web page', () => {
  // Seed 002 (劳动街道 2022) has non-zero applications; seed 000 is all zeros with its own prose.
  for (const name of ['002_c3699d8ca2ce9b9a', '000_20342ef31a6ba026']) {
    const { truth, report } = seedCase(name);
    const layouts: [string, PageOptions][] = [
      ['CMS page, title in an <h1> above the article, bare cells without end tags', { title: 'outside', tables: 'cms' }],
      ["Word's \"save as web page\", title inside the article", { title: 'inside', tables: 'word' }],
    ];
    for (const [how, options] of layouts) {
      it(`${name}: ${how} → its truth, field for field`, async () => {
        const { text, record } = await parsePage(`${name}.html`, utf8(reportPage(report, options)));
        expect(diffAgainstTruth(record, truth)).toEqual([]);
        // Only the report: no menus, breadcrumbs, sidebar links, footer or hidden text.
        expect(text).not.toMatch(/首页|当前位置|ICP|分享到|打印本页|主办单位|隐藏|无障碍|统计代码|2021年政府信息公开工作年度报告的说明/);
        expect(text.split('\n')[0]).toBe(truth.title);
      });
    }
  }
});

describe('every cell non-zero, both formats: numbers land in their cells', () => {
  const cases: [string, ReturnType<typeof randomCase>][] = [
    ['2021, （六） as three sub-rows', randomCase('2021', 1, 'split')],
    ['2021, （六） as one row', randomCase('2021', 2, 'whole')],
    ['2019', randomCase('2019', 3)],
  ];
  for (const [name, c] of cases) {
    for (const tables of ['cms', 'word'] as const) {
      it(`${name}, ${tables} tables`, async () => {
        const { record } = await parsePage('page.htm', utf8(reportPage(c, { tables })));
        expect(record.template).toBe(c.template);
        expect(numberDiffs(record, c.numbers)).toEqual([]);
        expect(record.checks.every((k) => k.ok)).toBe(true);
      });
    }
  }
});

describe('merged cells', () => {
  const c = randomCase('2021', 4, 'split');
  const page = reportPage(c);
  it('spanned grid cells are left empty, as Word copies a table as text; the parser reads that', () => {
    const text = htmlToText(page);
    expect(text).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况');
    expect(text).toContain('\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计');
    expect(text).toMatch(/\n三、本年度办理结果\t（一）予以公开\t\t\d+/);
    expect(text).toMatch(/\n\t（三）不予公开\t1\.属于国家秘密\t\d+/);
    expect(text).toMatch(/\n\t\t2\.其他法律行政法规禁止公开\t\d+/);
    expect(numberDiffs(parseReport(text), c.numbers)).toEqual([]);
  });

  it('repeating the merged text into every spanned cell would misread the tables (why "empty")', () => {
    const text = htmlToText(page, { spanFill: 'repeat' });
    expect(text).toMatch(/\n三、本年度办理结果\t（三）不予公开\t2\.其他法律行政法规禁止公开/);
    const record = parseReport(text);
    // Repeated headers and group labels read as rows and columns of their own.
    expect(numberDiffs(record, c.numbers).length + record.warnings.length).toBeGreaterThan(0);
  });
});

describe('encodings', () => {
  const { truth, report } = seedCase('002_c3699d8ca2ce9b9a');

  it('a GBK page with <meta charset="gbk"> is decoded (not read as UTF-8) and parsed to its truth', async () => {
    const bytes = iconv.encode(reportPage(report, { charset: 'gbk' }), 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, record } = await parsePage('gbk.html', bytes);
    expect(text).toContain('三、收到和处理政府信息公开申请情况');
    expect(text).toContain('3.危及“三安全一稳定”');
    expect(diffAgainstTruth(record, truth)).toEqual([]);
  });

  it('a GB2312 page declared the old way (http-equiv Content-Type) with GBK-only characters', async () => {
    // 镕 is in GBK but not in GB2312: pages that say gb2312 use GBK; we decode both as GB18030.
    const page = reportPage({ ...report, overview: [...report.overview, '联系人：朱镕'] }, { charset: 'gb2312', meta: 'http-equiv' });
    const { text, record } = await parsePage('gb2312.htm', iconv.encode(page, 'gbk'));
    expect(text).toContain('联系人：朱镕');
    expect(diffAgainstTruth(record, truth)).toEqual([]);
  });

  it('a page that declares nothing is read as UTF-8, or as GB18030 when it is not UTF-8', async () => {
    const page = reportPage(report).replace(/<meta charset="utf-8">/, '');
    expect((await parsePage('a.html', utf8(page))).text).toContain('劳动街道');
    expect((await parsePage('b.html', iconv.encode(page, 'gbk'))).text).toContain('劳动街道');
  });

  it('a UTF-8 BOM wins over a wrong declaration', async () => {
    const page = reportPage(report, { charset: 'gbk' });
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page)]);
    expect((await parsePage('bom.html', bytes)).text).toContain('劳动街道');
  });
});

describe('pages built with layout tables and line breaks', () => {
  it('a page laid out in nested tables: the report is found inside, its data tables read as grids', async () => {
    const c = randomCase('2021', 5, 'split');
    const inner = reportPage(c).match(/<div class="TRS_Editor">([\s\S]*?)<\/div>\s*<\/div>/)![1];
    const page = `<html><head><meta charset="utf-8"><title>x</title></head><body>
      <table width="100%"><tr><td colspan="2"><a href="/">首页</a> | <a href="/xxgk">信息公开</a></td></tr>
      <tr><td width="200"><a href="/1">通知公告</a><br><a href="/2">政策文件</a></td>
      <td><table><tr><td><h2>${c.title}</h2></td></tr><tr><td>${inner}</td></tr></table></td></tr>
      <tr><td colspan="2">版权所有 ICP备00000000号</td></tr></table></body></html>`;
    const { text, record } = await parsePage('nested.html', utf8(page));
    expect(text.split('\n')[0]).toBe(c.title);
    expect(text).not.toMatch(/首页|通知公告|版权所有/);
    expect(numberDiffs(record, c.numbers)).toEqual([]);
  });

  it('words of the template in the sidebar\'s links do not pull the sidebar into the report', async () => {
    const c = randomCase('2021', 6, 'split');
    // The report prints no section 六; a link in the sidebar names it.
    const page = reportPage({ ...c, other: [] })
      .replace(/<p[^>]*><strong>六、其他需要报告的事项<\/strong><\/p>/, '')
      .replace('<li><a href="/ndbg/2023.html">', '<li><a href="/gz/1.html">年报中“其他需要报告的事项”怎么写</a></li><li><a href="/ndbg/2023.html">');
    expect(page).not.toMatch(/<strong>六、/);
    const { text, record } = await parsePage('no-six.html', utf8(page));
    expect(text).not.toMatch(/怎么写|2022年政府信息公开工作年度报告|发布时间/);
    expect(numberDiffs(record, c.numbers)).toEqual([]);
  });

  it('<br> inside a paragraph makes lines; a source line break between Chinese characters is no space', () => {
    const text = htmlToText('<html><body><div><p>一、总体\n情况<br>第二行</p><table><tr><td>商业<br>企业</td><td>3</td></tr></table></div></body></html>');
    expect(text).toBe('一、总体情况\n第二行\n\n商业 企业\t3\n');
  });
});

describe('file type by content', () => {
  it('an HTML page saved as .txt is still read as a page', async () => {
    const { truth, report } = seedCase('002_c3699d8ca2ce9b9a');
    const { format, text } = await extractText('saved-page.txt', utf8(reportPage(report)));
    expect(format).toBe('html');
    expect(diffAgainstTruth(parseReport(text, { divisions }), truth)).toEqual([]);
  });
});

describe('a page nested deeper than any report page', () => {
  it('is refused as too large, not a stack overflow', async () => {
    const html = `<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`;
    await expect(extractText('deep.html', new TextEncoder().encode(html))).rejects.toMatchObject({ name: 'FileFormatError', code: 'too-large' });
    await expect(extractText('deep.html', new TextEncoder().encode(html))).rejects.toThrow(/deep\.html: too large: the page nests its elements \d+ deep, over the limit of 2000/);
  });
});
