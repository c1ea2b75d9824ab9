/**
 * A saved web page → report text. Government sites wrap the report in menus, breadcrumbs, link
 * lists and footers, and lay out pages with tables; the report itself is paragraphs and the
 * template's tables, with merged cells (rowspan/colspan) in the headers and row groups.
 *
 * parse5 builds the tree the way browsers do (the WHATWG algorithm: implied </td> and </tr>,
 * misnested tags, stray text in tables), so we read what a person sees in the browser, from the
 * same code in Node and in the page, with no DOM.
 */
import { FileFormatError } from './errors';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { blocksToText, cellText, resolveGrid, type Block, type SourceCell, type SpanFill } from './blocks';
import { checkTagCount, countTags, DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
import { canonicalEncoding, decodeText } from './text';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const BLOCK = new Set(
  'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p pre section summary table tbody tfoot thead tr td th ul'.split(' '),
);
const SKIP = new Set('head script style noscript template iframe object embed svg math select option button input textarea canvas audio video map'.split(' '));

/** Words of the template's section headings and table labels: the report is where they are. */
const MARKERS = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '行政复议、行政诉讼情况',
  '存在的主要问题',
  '其他需要报告的事项',
  '本年新收政府信息公开申请数量',
  '结转下年度继续办理',
  '第二十条第',
];
/** A title line: "…2023年政府信息公开工作年度报告". */
const TITLE = /信息公开.{0,20}(年度报告|年报)/;

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function hidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style')?.toLowerCase().replace(/\s+/g, '') ?? '';
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function children(n: Node): Node[] {
  if (isElement(n) && n.tagName === 'template') return [];
  return 'childNodes' in n ? (n as ParentNode).childNodes : [];
}

// ── Encoding ────────────────────────────────────────────────────────────────────────────────

/**
 * The charset a page declares in its first 4 KB: <meta charset="gbk"> or
 * <meta http-equiv="Content-Type" content="text/html; charset=gb2312">.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (m) return canonicalEncoding(m[1]);
  }
  return undefined;
}

export function decodeHtml(bytes: Uint8Array): string {
  return decodeText(bytes, declaredCharset(bytes));
}

// ── Finding the report in the page ──────────────────────────────────────────────────────────

const compact = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

interface Indexed {
  /** Each element's visible text, whitespace removed. */
  text: Map<Element, string>;
  /** The same without the text of links (menus, link lists): where the report's words are counted. */
  plain: Map<Element, string>;
  /** Elements in document order. */
  order: Element[];
  /** Elements inside an <a>. */
  inLink: Set<Element>;
}

function indexTree(root: Node): Indexed {
  const text = new Map<Element, string>();
  const plain = new Map<Element, string>();
  const order: Element[] = [];
  const inLink = new Set<Element>();
  const visit = (n: Node, link: boolean): [string, string] => {
    if (n.nodeName === '#text') {
      const t = compact((n as DefaultTreeAdapterMap['textNode']).value);
      return [t, link ? '' : t];
    }
    if (isElement(n) && (SKIP.has(n.tagName) || hidden(n))) return ['', ''];
    const inside = link || (isElement(n) && n.tagName === 'a');
    const parts = children(n).map((c) => visit(c, inside));
    const all = parts.map((p) => p[0]).join('');
    const own = parts.map((p) => p[1]).join('');
    if (isElement(n)) {
      text.set(n, all);
      plain.set(n, own);
      if (inside) inLink.add(n);
    }
    return [all, own];
  };
  // Elements in document order (pre-order), as the title search walks back from the report.
  const collect = (n: Node) => {
    if (isElement(n)) {
      if (!text.has(n)) return;
      order.push(n);
    }
    for (const c of children(n)) collect(c);
  };
  visit(root, false);
  collect(root);
  return { text, plain, order, inLink };
}

const markerCount = (text: string) => MARKERS.filter((m) => text.includes(m)).length;

/**
 * The element holding the report: the deepest one with as many of the template's markers as the
 * whole page has outside links (not the menus, breadcrumbs, link lists and footers around it),
 * found by walking down from the body while a child still has them all. Without markers, the body.
 */
function reportRoot(body: Element, index: Indexed): Element {
  const best = markerCount(index.plain.get(body) ?? '');
  if (best < 2) return body;
  let root = body;
  for (;;) {
    const next = children(root).find((c): c is Element => isElement(c) && index.plain.has(c) && markerCount(index.plain.get(c)!) === best);
    if (!next) return root;
    root = next;
  }
}

/**
 * The report's title when the page prints it outside the report's element (a heading above the
 * article): the nearest title-like element before it that is no link, else the page's <title>.
 */
function titleOutside(root: Element, index: Indexed, document: Node): string | undefined {
  const rootText = index.text.get(root) ?? '';
  const at = index.order.indexOf(root);
  for (let i = at - 1; i >= 0; i--) {
    const el = index.order[i];
    const t = index.text.get(el) ?? '';
    if (index.inLink.has(el) || t.length > 80 || !TITLE.test(t)) continue;
    // Going backwards in document order, the first hit is the deepest element with the title.
    if (!isAncestorOf(el, root)) return t;
  }
  const title = findFirst(document, 'title');
  const pageTitle = title ? compact(textOf(title)) : '';
  return pageTitle.split(/[_|｜]|--|—|-/).find((part) => TITLE.test(part) && !rootText.startsWith(part));
}

function isAncestorOf(a: Element, b: Element): boolean {
  let n: Node | null = b;
  while (n && 'parentNode' in n && n.parentNode) {
    if (n.parentNode === a) return true;
    n = n.parentNode as Node;
  }
  return false;
}

function findFirst(n: Node, tag: string): Element | undefined {
  if (isElement(n) && n.tagName === tag) return n;
  for (const c of 'childNodes' in n ? (n as ParentNode).childNodes : []) {
    const found = findFirst(c, tag);
    if (found) return found;
  }
  return undefined;
}

function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return children(n).map(textOf).join('');
}

// ── Blocks ──────────────────────────────────────────────────────────────────────────────────

/** Between two CJK characters a source line break is no space (browsers wrap Chinese freely). */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const BREAK_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t\\f]*[\\r\\n][\\s]*(?=[${CJK}])`, 'g');

function collapse(text: string): string {
  return text.replace(BREAK_BETWEEN_CJK, '$1').replace(/[ \t\n\r\f]+/g, ' ');
}

class BlockWriter {
  readonly blocks: Block[] = [];
  private line = '';
  private lines: string[] = [];

  text(s: string) {
    this.line += s;
  }
  lineBreak() {
    this.lines.push(this.line);
    this.line = '';
  }
  flush() {
    this.lineBreak();
    const text = this.lines.map((l) => l.trim()).filter(Boolean).join('\n');
    if (text) this.blocks.push({ kind: 'paragraph', text });
    this.lines = [];
  }
  table(rows: string[][]) {
    this.flush();
    this.blocks.push({ kind: 'table', rows });
  }
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of table.childNodes) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') rows.push(...c.childNodes.filter((r): r is Element => isElement(r) && r.tagName === 'tr'));
  }
  return rows;
}

const cellsOf = (row: Element) => row.childNodes.filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th') && !hidden(c));

function containsTable(n: Node): boolean {
  return children(n).some((c) => isElement(c) && (c.tagName === 'table' || containsTable(c)));
}

/**
 * A data table holds no other table and has more than one cell; others (a page laid out in a
 * table, a one-cell frame) are read as the blocks inside their cells.
 */
function isDataTable(table: Element): boolean {
  const rows = rowsOf(table);
  const cells = rows.reduce((n, r) => n + cellsOf(r).length, 0);
  return cells > 1 && !containsTable(table);
}

function span(el: Element, name: string, fallback: number): number {
  const v = Number.parseInt(attr(el, name) ?? '', 10);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

function walk(n: Node, out: BlockWriter, pre: boolean, fill: SpanFill): void {
  if (n.nodeName === '#text') {
    const value = (n as DefaultTreeAdapterMap['textNode']).value;
    if (pre) value.split('\n').forEach((part, i) => (i > 0 && out.lineBreak(), out.text(part)));
    else out.text(collapse(value));
    return;
  }
  if (!isElement(n)) {
    for (const c of children(n)) walk(c, out, pre, fill);
    return;
  }
  const tag = n.tagName;
  if (SKIP.has(tag) || hidden(n)) return;
  if (tag === 'br') return out.lineBreak();
  if (tag === 'table') {
    if (!isDataTable(n)) {
      out.flush();
      for (const row of rowsOf(n)) for (const cell of cellsOf(row)) walkBlock(cell, out, pre, fill);
      for (const c of n.childNodes) if (isElement(c) && c.tagName === 'caption') walkBlock(c, out, pre, fill);
      return;
    }
    const rows: SourceCell[][] = rowsOf(n).map((row) =>
      cellsOf(row).map((cell) => ({ text: cellContent(cell, fill), colspan: span(cell, 'colspan', 1) || 1, rowspan: span(cell, 'rowspan', 1) })),
    );
    for (const c of n.childNodes) if (isElement(c) && c.tagName === 'caption') walkBlock(c, out, pre, fill);
    return out.table(resolveGrid(rows, fill));
  }
  if (BLOCK.has(tag)) return walkBlock(n, out, pre || keepsLines(n), fill);
  for (const c of children(n)) walk(c, out, pre, fill);
}

function walkBlock(n: Element, out: BlockWriter, pre: boolean, fill: SpanFill): void {
  out.flush();
  for (const c of children(n)) walk(c, out, pre, fill);
  out.flush();
}

/** A cell's text on one line: its paragraphs and line breaks joined by spaces. */
function cellContent(cell: Element, fill: SpanFill): string {
  const out = new BlockWriter();
  walkBlock(cell, out, false, fill);
  return cellText(out.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.join(' ')).join(' '))).join(' '));
}

export interface HtmlOptions {
  /** How merged cells fill the grid (tests compare both); the parser reads 'empty' correctly. */
  spanFill?: SpanFill;
  /** maxMarkupTags is what the page is held to. */
  limits?: ReadLimits;
}

/** Whether an element keeps its text's line breaks: <pre>, or a style that says so (white-space: pre…). */
function keepsLines(el: Element): boolean {
  if (el.tagName === 'pre') return true;
  return /white-space:pre/.test(attr(el, 'style')?.toLowerCase().replace(/\s+/g, '') ?? '');
}

/** Whether an element or one around it keeps line breaks (the report's element may be a <pre> or lie inside one). */
function inPre(el: Element): boolean {
  for (let n: Node | null = el; n && isElement(n); n = n.parentNode as Node | null) if (keepsLines(n)) return true;
  return false;
}

/**
 * Deeper than any real page (a report's page nests a few dozen elements): the readers below walk
 * the tree recursively, and a hostile page nested 100,000 deep would overflow the stack.
 */
export const MAX_NESTING = 2_000;

/** The tree's depth, counted without recursion. */
function depthOf(root: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > deepest) deepest = d;
    for (const c of children(n)) stack.push([c, d + 1]);
  }
  return deepest;
}

/** Page source → report text: the report's element only, tables as tab-separated rows. */
export function htmlToText(html: string, options: HtmlOptions = {}): string {
  // The tags are counted before parse5 builds a tree of them.
  checkTagCount(countTags(html), 'the page', options.limits ?? DEFAULT_READ_LIMITS);
  const document = parse(html);
  const body = findFirst(document, 'body');
  if (!body) return '';
  const depth = depthOf(body);
  if (depth > MAX_NESTING) throw new FileFormatError('too-large', `too large: the page nests its elements ${depth} deep, over the limit of ${MAX_NESTING}; no report page nests more than a few dozen`);
  const index = indexTree(body);
  const root = reportRoot(body, index);
  const out = new BlockWriter();
  walkBlock(root, out, inPre(root), options.spanFill ?? 'empty');
  // An article that does not open with its title (a short first line naming the report) gets
  // the title the page prints above it.
  const first = out.blocks[0]?.kind === 'paragraph' ? compact(out.blocks[0].text.split('\n')[0]) : '';
  const title = first.length <= 80 && TITLE.test(first) ? undefined : titleOutside(root, index, document);
  return blocksToText(title ? [{ kind: 'paragraph', text: title }, ...out.blocks] : out.blocks);
}

export function extractHtml(bytes: Uint8Array, options: HtmlOptions = {}): string {
  return htmlToText(decodeHtml(bytes), options);
}
