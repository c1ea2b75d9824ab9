/**
 * Reports "published" for the format tests: a record's numbers rendered into the official tables
 * as a government web page (menus, breadcrumbs, link lists, footer; tables with rowspan/colspan
 * as the 2021 and 2019 formats lay them out), and written into the official blank Word template.
 */
import { unzipSync, zipSync } from 'fflate';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { matchKey } from '../../src/lib/report/normalize';
import { ACTIVE_ITEMS, APPLICANT_COLUMNS, APPLICATION_ROWS, REVIEW_COLUMNS, REVIEW_GROUPS, SECTIONS, type TemplateId } from '../../src/lib/report/template';
import type { RecordNumbers } from '../../scripts/lib/synthetic';

export interface PublishedReport extends RecordNumbers {
  title: string;
  template: TemplateId;
  /** Paragraphs before section 一 (who wrote the report, the 统计期限 sentence). */
  preface: string[];
  overview: string[];
  problems: string[];
  other: string[];
}

export interface Cell {
  text: string;
  colspan?: number;
  rowspan?: number;
  header?: boolean;
}

const ARTICLE: Record<string, string> = { regulations: '一', normativeDocuments: '一', licensing: '五', otherServices: '五', punishment: '六', coercion: '六', fees: '八', procurement: '九' };
const value = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** Table 二: per 第二十条 article a caption row and a header row, then its items; four columns. */
export function activeTable(r: PublishedReport): Cell[][] {
  const rows: Cell[][] = [];
  const spread = (texts: string[], header: boolean): Cell[] => texts.map((text, i) => ({ text, header, colspan: i === texts.length - 1 ? 4 - texts.length : 1 }));
  let article = '';
  for (const item of ACTIVE_ITEMS[r.template]) {
    if (ARTICLE[item.key] !== article) {
      article = ARTICLE[item.key];
      rows.push([{ text: `第二十条第（${article}）项`, colspan: 4, header: true }]);
      const headers = item.columns.map((c) => (c.key === 'amountWan' && r.template === '2021' ? '本年收费金额（单位：万元）' : c.label));
      rows.push([{ text: '信息内容', header: true }, ...spread(headers, true)]);
    }
    rows.push([{ text: item.label }, ...spread(item.columns.map((c) => value(r.active[item.key]?.[c.key])), false)]);
  }
  return rows;
}

/**
 * Table 三 as the template prints it: the 勾稽 note over three label columns and three header
 * rows; 申请人情况 / 法人或其他组织 spanning their columns; 三、本年度办理结果 spanning the result
 * rows, （三）…（六） spanning their sub-rows.
 */
export function applicationsTable(r: PublishedReport): Cell[][] {
  const [natural, ...rest] = APPLICANT_COLUMNS;
  const orgs = rest.slice(0, 5);
  const rows: Cell[][] = [
    [
      { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colspan: 3, rowspan: 3, header: true },
      { text: '申请人情况', colspan: 7, header: true },
    ],
    [{ text: natural.label, rowspan: 2, header: true }, { text: '法人或其他组织', colspan: 5, header: true }, { text: '总计', rowspan: 2, header: true }],
    orgs.map((c) => ({ text: c.label, header: true })),
  ];
  const printed = APPLICATION_ROWS.filter((row) => r.applications[row.key] !== null && r.applications[row.key] !== undefined);
  const inBlock = (key: string) => Boolean(APPLICATION_ROWS.find((row) => row.key === key)!.result) || key === 'totalProcessed';
  const block = printed.filter((row) => inBlock(row.key));
  printed.forEach((row, i) => {
    const cells: Cell[] = [];
    if (!inBlock(row.key)) cells.push({ text: row.label, colspan: 3 });
    else {
      if (row === block[0]) cells.push({ text: '三、本年度办理结果', rowspan: block.length });
      const group = row.group && row.group !== '三、本年度办理结果' ? row.group : undefined;
      if (!group) cells.push({ text: row.label, colspan: 2 });
      else {
        if (printed[i - 1]?.group !== group) cells.push({ text: group, rowspan: printed.filter((p) => p.group === group).length });
        cells.push({ text: row.label });
      }
    }
    rows.push([...cells, ...APPLICANT_COLUMNS.map((c) => ({ text: value(r.applications[row.key]![c.key]) }))]);
  });
  return rows;
}

/** Table 四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five columns each, one row of values. */
export function reviewTable(r: PublishedReport): Cell[][] {
  const columns = (rowspan = 1) => REVIEW_COLUMNS.map((c) => ({ text: c.label, rowspan, header: true }));
  return [
    [{ text: '行政复议', colspan: 5, header: true }, { text: '行政诉讼', colspan: 10, header: true }],
    [...columns(2), { text: '未经复议直接起诉', colspan: 5, header: true }, { text: '复议后起诉', colspan: 5, header: true }],
    [...columns(), ...columns()],
    REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => ({ text: value(r.reviewLitigation[g.key][c.key]) }))),
  ];
}

// ── A web page ──────────────────────────────────────────────────────────────────────────────

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlTable(rows: Cell[][], style: 'word' | 'cms'): string {
  const td = (c: Cell) => {
    const spans = `${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}`;
    // Word's "save as web page": every cell a <p class=MsoNormal> with spans; CMS editors: bare text, &nbsp; for blanks.
    const text = c.text ? escape(c.text) : '&nbsp;';
    const inner = style === 'word' ? `<p class="MsoNormal" align="center"><span style="font-size:10.5pt;font-family:仿宋_GB2312">${text.replace(/^(.{5}[\u4e00-\u9fff])(?=[\u4e00-\u9fff])/u, '$1\n')}</span></p>` : text;
    return `<td${spans} style="border:1px solid #000" valign="middle">${inner}</td>`;
  };
  // CMS editors often leave out </td> and </tr>: the parser must imply them as browsers do.
  const row = (cells: Cell[]) => (style === 'word' ? `<tr>${cells.map(td).join('')}</tr>` : `<tr>\n${cells.map((c) => td(c).replace('</td>', '')).join('\n')}\n`);
  return `<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="600">\n<tbody>\n${rows.map(row).join('\n')}\n</tbody>\n</table>`;
}

export interface PageOptions {
  /** The charset the page declares: `<meta charset>` (html5) or the http-equiv form. */
  charset?: string;
  meta?: 'charset' | 'http-equiv';
  /** Where the title stands: in an <h1> above the article (most CMSs) or as its first paragraph. */
  title?: 'outside' | 'inside';
  tables?: 'word' | 'cms';
}

/** The report as a government site serves it: menus, breadcrumbs, the article, a sidebar, a footer. */
export function reportPage(r: PublishedReport, options: PageOptions = {}): string {
  const { charset = 'utf-8', meta = 'charset', title = 'outside', tables = 'cms' } = options;
  const p = (text: string) => `<p style="text-indent:2em">${escape(text)}</p>`;
  const heading = (key: string) => `<p style="text-indent:2em"><strong>${escape(SECTIONS.find((s) => s.key === key)!.label)}</strong></p>`;
  const article = [
    title === 'inside' ? `<p align="center"><strong>${escape(r.title)}</strong></p>` : '',
    ...r.preface.map(p),
    heading('overview'),
    ...r.overview.map(p),
    heading('active'),
    htmlTable(activeTable(r), tables),
    heading('applications'),
    htmlTable(applicationsTable(r), tables),
    heading('reviewLitigation'),
    htmlTable(reviewTable(r), tables),
    heading('problems'),
    ...r.problems.map(p),
    heading('other'),
    ...r.other.map(p),
  ].join('\n');
  const head = meta === 'charset' ? `<meta charset="${charset}">` : `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${head}
<title>${escape(r.title)}_政府信息公开年报_人民政府门户网站</title>
<link rel="stylesheet" href="/css/style.css">
<script>var _hmt = _hmt || []; document.write("<div>统计代码</div>");</script>
<style>.nav a { margin: 0 1em; }</style>
</head>
<body>
<div class="top"><span>无障碍浏览</span> <a href="/">长者模式</a> <a href="/en">English</a> 今天是2024年1月20日 星期六</div>
<div class="nav">
  <ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xxgk/">政府信息公开</a></li><li><a href="/zmhd/">政民互动</a></li><li><a href="/bsfw/">办事服务</a></li></ul>
</div>
<div class="container">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
  <div class="sidebar">
    <h3>政府信息公开年报</h3>
    <ul>
      <li><a href="/ndbg/2023.html">2023年政府信息公开工作年度报告</a></li>
      <li><a href="/ndbg/2022.html">2022年政府信息公开工作年度报告</a></li>
      <li><a href="/ndbg/2021.html">关于2021年政府信息公开工作年度报告的说明（主动公开政府信息情况、收到和处理政府信息公开申请情况）</a></li>
    </ul>
  </div>
  <div class="article">
    ${title === 'outside' ? `<h1 class="title">${escape(r.title)}</h1>` : ''}
    <div class="info">发布时间：2024-01-20 10:30 来源：党政办公室 浏览次数：<span id="count">128</span> 字号：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>
    <div class="content" id="zoom">
      <div class="TRS_Editor">
${article}
      </div>
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
    <div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
  </div>
</div>
<div class="footer" style="clear:both">
  <p>主办单位：人民政府办公室 承办单位：大数据中心</p>
  <p>地址：人民路1号 邮编：223001 联系电话：0517-12345678</p>
  <p><a href="https://beian.miit.gov.cn">苏ICP备12345678号-1</a> 政府网站标识码：3208000001 <a href="#">网站地图</a></p>
</div>
<div style="display:none">一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况（隐藏的搜索索引）</div>
</body>
</html>
`;
}

// ── The official Word template, filled in ───────────────────────────────────────────────────

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const all = (el: Element, name: string) => Array.from(el.getElementsByTagNameNS(W, name));
const children = (el: Element, name: string) => Array.from(el.children).filter((c) => c.localName === name);
const textOf = (el: Element) => all(el, 't').map((t) => t.textContent ?? '').join('');

/** Replace a paragraph's text with one run (keeping its paragraph properties). */
function setParagraph(p: Element, text: string): void {
  for (const r of children(p, 'r')) p.removeChild(r);
  const doc = p.ownerDocument!;
  const r = doc.createElementNS(W, 'w:r');
  const t = doc.createElementNS(W, 'w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(doc.createTextNode(text));
  r.appendChild(t);
  p.appendChild(r);
}

/** A paragraph after `after` (a copy of its properties, so it looks the same). */
function insertParagraph(after: Element, text: string): Element {
  const p = after.cloneNode(true) as Element;
  after.parentNode!.insertBefore(p, after.nextSibling);
  setParagraph(p, text);
  return p;
}

/** Whether a cell is covered by the merge of the cell above it. */
const continued = (tc: Element) => {
  const v = all(tc, 'vMerge')[0];
  return v !== undefined && (v.getAttributeNS(W, 'val') || v.getAttribute('w:val') || 'continue') === 'continue';
};

/**
 * The template with `r` written in: the title over the placeholder heading, the prose over
 * "（文字描述）", and every number into its cell of tables 二, 三 and 四 (found by the row's label).
 * Only the 2021 format, whose template this is.
 */
export function fillTemplate(templateDocx: Uint8Array, r: PublishedReport): Uint8Array {
  const files = unzipSync(templateDocx);
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(files['word/document.xml']), 'text/xml');
  const body = all(doc.documentElement!, 'body')[0];
  const paragraphs = children(body, 'p');
  setParagraph(paragraphs.find((p) => textOf(p).includes('年度报告格式模板'))!, r.title);
  const placeholders = paragraphs.filter((p) => textOf(p).startsWith('（文字描述'));
  const fill = (p: Element, texts: string[]) => {
    setParagraph(p, texts[0] ?? '');
    texts.slice(1).reduce((prev, t) => insertParagraph(prev, t), p);
  };
  // The preface (who wrote the report, the 统计期限) stands between the title and section 一.
  const title = paragraphs.find((p) => textOf(p) === r.title)!;
  r.preface.reduce((prev, t) => insertParagraph(prev, t), title);
  fill(placeholders[0], r.overview);
  fill(placeholders[1], r.problems);
  fill(placeholders[2], r.other);

  const [active, applications, review] = children(body, 'tbl');
  const items = ACTIVE_ITEMS['2021'];
  let written = 0;
  const write = (tc: Element, text: string) => {
    setParagraph(children(tc, 'p')[0], text);
    written++;
  };
  for (const tr of children(active, 'tr')) {
    const tcs = children(tr, 'tc');
    const item = items.find((i) => i.label === textOf(tcs[0]));
    if (!item) continue;
    item.columns.forEach((c, i) => write(tcs[1 + i], value(r.active[item.key][c.key])));
  }
  for (const tr of children(applications, 'tr')) {
    const tcs = children(tr, 'tc');
    if (tcs.length < 8) continue;
    const labels = tcs.slice(0, tcs.length - 7).filter((tc) => !continued(tc)).map(textOf).filter(Boolean);
    const row = APPLICATION_ROWS.find((d) => matchKey(d.label) === matchKey(labels[labels.length - 1] ?? ''));
    if (!row || row.otherForm === 'whole') continue;
    const cells = r.applications[row.key];
    if (!cells) throw new Error(`the template prints ${row.key}, the report has no numbers for it`);
    APPLICANT_COLUMNS.forEach((c, i) => write(tcs[tcs.length - 7 + i], value(cells[c.key])));
  }
  const values = children(review, 'tr').at(-1)!;
  const tcs = children(values, 'tc');
  REVIEW_GROUPS.forEach((g, gi) => REVIEW_COLUMNS.forEach((c, ci) => write(tcs[gi * 5 + ci], value(r.reviewLitigation[g.key][c.key]))));
  const expected = 2 * 3 + 4 + APPLICATION_ROWS.filter((d) => d.otherForm !== 'whole').length * 7 + 15;
  if (written !== expected) throw new Error(`filled ${written} cells of the template, expected ${expected}`);

  files['word/document.xml'] = new TextEncoder().encode(new XMLSerializer().serializeToString(doc));
  return zipSync(files);
}
