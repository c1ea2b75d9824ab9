/**
 * A Word file (.docx) → report text: paragraphs and tables in document order, tables resolved
 * into grids (w:gridSpan across, w:vMerge down: the cells a merge covers are left empty, as
 * Word does when it copies a table as text), automatic list numbers ("一、", "（一）") written
 * out because the section headings often carry them.
 *
 * fflate inflates (small, no Node built-ins; zip.ts caps what it inflates), @xmldom/xmldom parses the XML (the W3C DOMParser API,
 * pure JS): the same code runs in the build and in the browser. mammoth was not used: it turns
 * merged cells into HTML spans we would have to resolve again, and drops w:vMerge continuations.
 */
import { DOMParser, onErrorStopParsing, type Element } from '@xmldom/xmldom';
import { FileFormatError } from './errors';
import { blocksToText, cellText, resolveGrid, type Block, type SourceCell } from './blocks';
import { checkTagCount, countTags, DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
import { readZipParts } from './zip';


const local = (el: Element) => el.localName ?? el.nodeName.replace(/^.*:/, '');
const kids = (el: Element | undefined): Element[] => (el ? Array.from(el.children) : []);
const child = (el: Element | undefined, name: string) => kids(el).find((c) => local(c) === name);

function attr(el: Element | undefined, name: string): string | undefined {
  if (!el) return undefined;
  for (const a of Array.from(el.attributes)) if ((a.localName ?? a.name.replace(/^.*:/, '')) === name) return a.value;
  return undefined;
}

/** An on/off property (w:vanish, w:b): present means on unless its w:val says false. */
const isOn = (el: Element | undefined) => el !== undefined && !['0', 'false', 'off'].includes(attr(el, 'val') ?? '');

function parseXml(xml: string, part: string): Element {
  try {
    const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, 'text/xml');
    if (!doc.documentElement) throw new Error('no root element');
    return doc.documentElement;
  } catch (e) {
    throw new FileFormatError('corrupt', `the Word file's ${part} is not well-formed XML (${(e as Error).message.split('\n')[0]})`);
  }
}

// ── Automatic numbering ─────────────────────────────────────────────────────────────────────

interface Level {
  start: number;
  format: string;
  text: string;
}

const CN_DIGITS = '零一二三四五六七八九';

function chineseCount(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : CN_DIGITS[tens]) + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographDigital':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCount(n);
    case 'chineseLegalSimplified':
      return chineseCount(n).replace(/[一二三四五六七八九十]/g, (c) => '壹贰叁肆伍陆柒捌玖拾'['一二三四五六七八九十'.indexOf(c)]);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerLetter':
    case 'upperLetter': {
      const s = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? s.toUpperCase() : s;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      let r = '';
      let v = n;
      for (const [value, sym] of [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']] as const) {
        while (v >= value) (r += sym), (v -= value);
      }
      return format === 'upperRoman' ? r.toUpperCase() : r;
    }
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/** List numbers as Word shows them: counters per list and level, deeper levels restarting. */
class Numbering {
  private levels = new Map<string, Level[]>();
  private counters = new Map<string, number[]>();
  private styleNum = new Map<string, { numId: string; ilvl: number }>();

  constructor(numberingXml: Element | undefined, stylesXml: Element | undefined) {
    const abstract = new Map<string, Level[]>();
    for (const a of kids(numberingXml).filter((e) => local(e) === 'abstractNum')) {
      const levels: Level[] = [];
      for (const lvl of kids(a).filter((e) => local(e) === 'lvl')) {
        levels[Number(attr(lvl, 'ilvl') ?? 0)] = {
          start: Number(attr(child(lvl, 'start'), 'val') ?? 1),
          format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
          text: attr(child(lvl, 'lvlText'), 'val') ?? '',
        };
      }
      abstract.set(attr(a, 'abstractNumId') ?? '', levels);
    }
    for (const num of kids(numberingXml).filter((e) => local(e) === 'num')) {
      const levels = [...(abstract.get(attr(child(num, 'abstractNumId'), 'val') ?? '') ?? [])];
      for (const o of kids(num).filter((e) => local(e) === 'lvlOverride')) {
        const i = Number(attr(o, 'ilvl') ?? 0);
        const start = attr(child(o, 'startOverride'), 'val');
        if (levels[i] && start !== undefined) levels[i] = { ...levels[i], start: Number(start) };
      }
      this.levels.set(attr(num, 'numId') ?? '', levels);
    }
    for (const style of kids(stylesXml).filter((e) => local(e) === 'style')) {
      const numPr = child(child(style, 'pPr'), 'numPr');
      const numId = attr(child(numPr, 'numId'), 'val');
      if (numId) this.styleNum.set(attr(style, 'styleId') ?? '', { numId, ilvl: Number(attr(child(numPr, 'ilvl'), 'val') ?? 0) });
    }
  }

  /** The number a paragraph shows in front of its text ("一、"), or "" if none. */
  label(pPr: Element | undefined): string {
    const numPr = child(pPr, 'numPr');
    const fromStyle = this.styleNum.get(attr(child(pPr, 'pStyle'), 'val') ?? '');
    const numId = attr(child(numPr, 'numId'), 'val') ?? fromStyle?.numId;
    if (!numId || numId === '0') return '';
    const ilvl = Number(attr(child(numPr, 'ilvl'), 'val') ?? fromStyle?.ilvl ?? 0);
    const levels = this.levels.get(numId);
    const level = levels?.[ilvl];
    if (!levels || !level) return '';
    const counters = this.counters.get(numId) ?? [];
    counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl] + 1;
    counters.length = ilvl + 1; // deeper levels restart
    this.counters.set(numId, counters);
    if (level.format === 'bullet') return '';
    return level.text.replace(/%(\d)/g, (_, d) => {
      const i = Number(d) - 1;
      return formatNumber(counters[i] ?? levels[i]?.start ?? 1, levels[i]?.format ?? 'decimal');
    });
  }
}

// ── Document body ───────────────────────────────────────────────────────────────────────────

/** Containers whose children are read as if they stood in their place. */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'hyperlink', 'ins', 'fldSimple', 'dir', 'bdo', 'moveTo']);

class Reader {
  constructor(private numbering: Numbering) {}

  /** Block-level content: paragraphs and tables, in order. */
  blocks(container: Element, out: Block[]): void {
    for (const el of kids(container)) {
      const name = local(el);
      if (name === 'p') this.paragraph(el, out);
      else if (name === 'tbl') out.push({ kind: 'table', rows: resolveGrid(this.table(el)) });
      else if (name === 'AlternateContent') this.blocks(kids(el)[0] ?? el, out);
      else if (TRANSPARENT.has(name)) this.blocks(child(el, 'sdtContent') ?? el, out);
    }
  }

  private paragraph(p: Element, out: Block[]): void {
    const boxes: Block[] = [];
    const text = this.numbering.label(child(p, 'pPr')) + this.inline(p, boxes);
    out.push({ kind: 'paragraph', text });
    out.push(...boxes);
  }

  /** A paragraph's text: runs, tabs and breaks; text boxes inside it go to `boxes`. */
  private inline(el: Element, boxes: Block[]): string {
    let s = '';
    for (const c of kids(el)) {
      const name = local(c);
      if (name === 'r') {
        if (isOn(child(child(c, 'rPr'), 'vanish'))) continue;
        for (const part of kids(c)) {
          const n = local(part);
          if (n === 't') s += part.textContent ?? '';
          else if (n === 'tab' || n === 'ptab') s += '\t';
          else if (n === 'br' || n === 'cr') s += attr(part, 'type') === 'page' ? '' : '\n';
          else if (n === 'noBreakHyphen') s += '-';
          else if (n === 'sym') s += symbol(part);
          else if (n === 'drawing' || n === 'pict' || n === 'AlternateContent' || n === 'object') this.textBoxes(part, boxes);
        }
      } else if (name === 'AlternateContent') s += this.inline(kids(c)[0] ?? c, boxes);
      else if (TRANSPARENT.has(name)) s += this.inline(child(c, 'sdtContent') ?? c, boxes);
    }
    return s;
  }

  /** Paragraphs inside text boxes (the first alternative only: Word stores each box twice). */
  private textBoxes(el: Element, boxes: Block[]): void {
    if (local(el) === 'AlternateContent') return this.textBoxes(kids(el)[0] ?? el, boxes);
    if (local(el) === 'txbxContent') return this.blocks(el, boxes);
    for (const c of kids(el)) this.textBoxes(c, boxes);
  }

  private table(tbl: Element): SourceCell[][] {
    const rows: SourceCell[][] = [];
    for (const tr of this.rowsOf(tbl)) {
      const trPr = child(tr, 'trPr');
      const cells: SourceCell[] = [];
      const before = Number(attr(child(trPr, 'gridBefore'), 'val') ?? 0);
      for (let i = 0; i < before; i++) cells.push({ text: '', colspan: 1, rowspan: 1 });
      for (const tc of this.cellsOf(tr)) {
        const tcPr = child(tc, 'tcPr');
        const colspan = Number(attr(child(tcPr, 'gridSpan'), 'val') ?? 1) || 1;
        const vMerge = child(tcPr, 'vMerge');
        // A continued vertical merge: the cell above covers this one, leave it empty.
        const continued = vMerge !== undefined && (attr(vMerge, 'val') ?? 'continue') === 'continue';
        const blocks: Block[] = [];
        if (!continued) this.blocks(tc, blocks);
        const text = blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.join(' ')).join(' '))).join(' ');
        cells.push({ text: cellText(text), colspan, rowspan: 1 });
      }
      rows.push(cells);
    }
    return rows;
  }

  private rowsOf(el: Element): Element[] {
    return kids(el).flatMap((c) => (local(c) === 'tr' ? [c] : TRANSPARENT.has(local(c)) ? this.rowsOf(child(c, 'sdtContent') ?? c) : []));
  }

  private cellsOf(el: Element): Element[] {
    return kids(el).flatMap((c) => (local(c) === 'tc' ? [c] : TRANSPARENT.has(local(c)) ? this.cellsOf(child(c, 'sdtContent') ?? c) : []));
  }
}

/** w:sym: a character from a symbol font; private-use code points (Wingdings) are dropped. */
function symbol(el: Element): string {
  const code = Number.parseInt(attr(el, 'char') ?? '', 16);
  return Number.isFinite(code) && !(code >= 0xe000 && code <= 0xf8ff) ? String.fromCharCode(code) : '';
}

const PARTS = /^word\/(document|numbering|styles)\.xml$/;

/** A .docx → its text, within `limits`: the parts read inflate under a cap and their tags are counted before parsing. */
export function extractDocx(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): string {
  const parts = readZipParts(bytes, (name) => PARTS.test(name), limits);
  if (!parts['word/document.xml']) throw new FileFormatError('corrupt', 'a zip archive without word/document.xml: not a Word .docx file');
  checkTagCount(Object.values(parts).reduce((n, part) => n + countTags(part), 0), "the Word file's XML", limits);
  const utf8 = (part: string) => new TextDecoder('utf-8').decode(parts[part]);
  const document = parseXml(utf8('word/document.xml'), 'word/document.xml');
  const numbering = new Numbering(
    parts['word/numbering.xml'] ? parseXml(utf8('word/numbering.xml'), 'word/numbering.xml') : undefined,
    parts['word/styles.xml'] ? parseXml(utf8('word/styles.xml'), 'word/styles.xml') : undefined,
  );
  const body = child(document, 'body');
  if (!body) throw new FileFormatError('corrupt', 'word/document.xml has no w:body');
  const blocks: Block[] = [];
  new Reader(numbering).blocks(body, blocks);
  return blocksToText(blocks);
}
