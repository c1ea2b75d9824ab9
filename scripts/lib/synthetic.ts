/**
 * Synthetic annual reports, for the parser's round-trip test and the data build benchmark.
 *
 * Random numbers that satisfy the template's identities (勾稽关系, see src/lib/report/checks.ts) are
 * rendered as the full text of a plausible report, in the layouts reports reach us in: tab rows and
 * one cell per line from Word, `|` tables and markdown headings from web pages, pdftotext -layout
 * output; and, apart (CRAWLER_LAYOUTS), pages a web crawler saved with the whole body on one line
 * (../shared/corpus/pingtan). The quirks are the ones seen in the seeds (tests/fixtures/seeds), the
 * development corpus (../shared/corpus/dev) and docs/domain.md §2, so that what fails here fails in
 * the wild too.
 * Labels come from template.ts. Pure (no fs): the caller passes the code list if it wants real
 * office names. Every random choice comes from the one `rng`, so a seed reproduces a report.
 */
import { htmlToText } from '../../src/lib/formats/html.ts';
import type { DivisionList } from '../../src/lib/report/divisions.ts';
import type { Cells } from '../../src/lib/report/record.ts';
import {
  ACTIVE_ITEMS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_COLUMNS,
  REVIEW_GROUPS,
  SECTIONS,
  type SectionKey,
  type TemplateId,
} from '../../src/lib/report/template.ts';

// ── Random numbers ──────────────────────────────────────────────────────────────────────────

export type Rng = () => number;

/** mulberry32: tiny, fast, and good enough for test data; returns floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from any parts (FNV-1a), so a case can be named by its parts: ('2021', 'pdf', 7). */
export function seedOf(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const randInt = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
export const chance = (rng: Rng, p: number): boolean => rng() < p;

// ── The numbers of sections 二, 三, 四 ────────────────────────────────────────────────────────

/** The three tables exactly as the report record holds them. */
export interface RecordNumbers {
  active: Record<string, Cells>;
  applications: Record<string, Cells | null>;
  reviewLitigation: Record<string, Cells>;
}

export interface NumberOptions {
  /** Probability that a freely drawn cell is 0. With 0, every cell (totals too) is non-zero. */
  sparsity?: number;
  /** Largest count drawn for one applicant or review cell. */
  maxCount?: number;
  /** How （六）其他处理 is printed. 2019: always 'whole'; 2021: mostly 'split' (hongze 2023 prints 'whole'). */
  otherForm?: 'split' | 'whole';
  /**
   * Probability of 0 per applicant column of section 三 (APPLICANT_COLUMNS keys), instead of
   * `sparsity`: in real reports most requests come from 自然人, the other columns are mostly 0.
   */
  columnSparsity?: Partial<Record<string, number>>;
  /** Section 二's own sparsity (default `sparsity`): even quiet offices publish documents and decide cases. */
  activeSparsity?: number;
  /** Section 四's own sparsity and largest count (default `sparsity`, `maxCount`): cases are rare and few. */
  reviewSparsity?: number;
  reviewMax?: number;
}

const PARTS = APPLICANT_COLUMNS.filter((c) => c.key !== 'total');
const REVIEW_PARTS = REVIEW_COLUMNS.filter((c) => c.key !== 'total');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function randomRecordNumbers(rng: Rng, template: TemplateId, opts: NumberOptions = {}): RecordNumbers {
  const sparsity = opts.sparsity ?? 0;
  const max = opts.maxCount ?? 9;
  const draw = (value: () => number, p = sparsity) => (chance(rng, p) ? 0 : value());
  const count = (hi: number, p = sparsity) => draw(() => randInt(rng, 1, hi), p);

  // Section 二 has no identity; magnitudes vary from a street office's handful to a city's thousands.
  const activeSparsity = opts.activeSparsity ?? sparsity;
  const active: Record<string, Cells> = {};
  for (const item of ACTIVE_ITEMS[template]) {
    const cells: Cells = {};
    for (const col of item.columns) {
      switch (col.key) {
        case 'amountWan': {
          // 万元 with up to four decimals (some reports print "保留4位小数").
          const decimals = randInt(rng, 0, 4);
          const unit = 10 ** decimals;
          cells[col.key] = draw(() => Math.max(1, Math.round(rng() * pick(rng, [5, 300, 20000]) * unit)) / unit, activeSparsity);
          break;
        }
        case 'change': {
          // 本年增/减 is signed; a decrease never exceeds last year's count.
          const previous = cells.previous ?? 0;
          const down = previous > 1 && chance(rng, 0.4);
          cells[col.key] = draw(() => (down ? -randInt(rng, 1, previous - 1) : randInt(rng, 1, max)), activeSparsity);
          break;
        }
        case 'decisions':
          cells[col.key] = count(pick(rng, [20, 800, 90000]), activeSparsity);
          break;
        case 'inForce':
        case 'totalPublic':
          cells[col.key] = count(5 * max, activeSparsity);
          break;
        default:
          cells[col.key] = count(max, activeSparsity);
      }
    }
    active[item.key] = cells;
  }

  // Section 三: draw the result rows and 四、结转 per column; (七)总计 is their sum; 二、上年结转 is drawn
  // below what goes out, and 一、本年新收 makes 一 + 二 = 三(七) + 四 hold; 总计 sums each row.
  const form = template === '2019' ? 'whole' : (opts.otherForm ?? (chance(rng, 0.15) ? 'whole' : 'split'));
  const applications: Record<string, Cells | null> = {};
  for (const row of APPLICATION_ROWS) applications[row.key] = row.otherForm && row.otherForm !== form ? null : {};
  const rows = (key: string) => applications[key] as Cells;
  const resultRows = APPLICATION_ROWS.filter((r) => r.result && applications[r.key] !== null);
  for (const col of PARTS) {
    const p = opts.columnSparsity?.[col.key] ?? sparsity;
    for (const row of resultRows) rows(row.key)[col.key] = count(max, p);
    const processed = sum(resultRows.map((r) => rows(r.key)[col.key]!));
    const forward = count(max, p);
    const out = processed + forward;
    const over = out >= 2 ? count(Math.min(max, out - 1), p) : 0;
    rows('totalProcessed')[col.key] = processed;
    rows('carriedForward')[col.key] = forward;
    rows('carriedOver')[col.key] = over;
    rows('newReceived')[col.key] = out - over;
  }
  for (const row of APPLICATION_ROWS) {
    const cells = applications[row.key];
    if (cells) cells.total = sum(PARTS.map((c) => cells[c.key]!));
  }

  const reviewLitigation: Record<string, Cells> = {};
  for (const group of REVIEW_GROUPS) {
    const cells: Cells = {};
    for (const col of REVIEW_PARTS) cells[col.key] = count(opts.reviewMax ?? max, opts.reviewSparsity ?? sparsity);
    cells.total = sum(REVIEW_PARTS.map((c) => cells[c.key]!));
    reviewLitigation[group.key] = cells;
  }
  return { active, applications, reviewLitigation };
}

/**
 * Number options for an office as the real ones are: mostly zeros and a few small counts (most
 * street offices and bureaus get a handful of requests, nearly all from 自然人), sometimes a busy or
 * large office whose rows run to 2- and 3-digit counts (pingtan zone-2023: "801000081"). Review and
 * litigation stay rare and small even for a city.
 */
export function realisticNumberOptions(rng: Rng): NumberOptions {
  const size = pick(rng, ['idle', 'idle', 'quiet', 'quiet', 'quiet', 'busy', 'busy', 'large'] as const);
  // `sparsity` is the applicant columns' besides 自然人 (and 商业企业 where given): nearly always 0.
  switch (size) {
    case 'idle':
      return { sparsity: 0.995, maxCount: 2, activeSparsity: 0.6, reviewSparsity: 0.99, reviewMax: 1 };
    case 'quiet':
      return { sparsity: 0.99, maxCount: 3, columnSparsity: { naturalPerson: 0.88 }, activeSparsity: 0.5, reviewSparsity: 0.97, reviewMax: 2 };
    case 'busy':
      return {
        sparsity: 0.98,
        maxCount: 9,
        columnSparsity: { naturalPerson: 0.75, commercial: 0.92 },
        activeSparsity: 0.4,
        reviewSparsity: 0.9,
        reviewMax: 3,
      };
    case 'large':
      return {
        sparsity: 0.975,
        maxCount: pick(rng, [20, 40]),
        columnSparsity: { naturalPerson: 0.5, commercial: 0.85 },
        activeSparsity: 0.3,
        reviewSparsity: 0.75,
        reviewMax: 9,
      };
  }
}

// ── Offices ─────────────────────────────────────────────────────────────────────────────────

/** A street office or township: `name` as the code list spells it (轻工路街道, 曹镇乡). */
export interface Office {
  city?: string;
  district?: string;
  name: string;
}

/** Real places from the seeds, for callers without the code list. */
const DEFAULT_OFFICES: Office[] = [
  { city: '平顶山市', district: '湛河区', name: '轻工路街道' },
  { city: '新乡市', district: '牧野区', name: '花园街道' },
  { city: '洛阳市', district: '西工区', name: '洛北街道' },
  { city: '平顶山市', district: '卫东区', name: '光华路街道' },
];

const NO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** Picks random streets and townships of the national code list (or of the seeds without one). */
export function officePicker(list?: DivisionList): (rng: Rng) => Office {
  if (!list) return (rng) => pick(rng, DEFAULT_OFFICES);
  const provinces = new Map(list.provinces.map((p) => [p.code, p.name]));
  const cities = new Map(list.cities.map((c) => [c.code, c]));
  const areas = new Map(list.areas.map((a) => [a.code, a]));
  const streets = list.streets.filter((s) => /(街道|镇|乡)$/.test(s.name) && areas.has(s.areaCode));
  return (rng) => {
    const street = pick(rng, streets);
    const area = areas.get(street.areaCode)!;
    const city = cities.get(area.cityCode);
    const province = provinces.get(city?.provinceCode ?? '');
    // 直辖市 have no real city level: their reports name the municipality (北京市东城区…).
    const cityName = city && !NO_CITY.test(city.name) ? city.name : province && /市$/.test(province) ? province : undefined;
    return { city: cityName, district: area.name, name: street.name };
  };
}

/** The agency's own name: 轻工路街道 → 轻工路街道办事处, 曹镇乡 → 曹镇乡人民政府. */
function agencyName(office: Office, rng: Rng): string {
  if (/街道$/.test(office.name)) return office.name + pick(rng, ['办事处', '办事处', '办事处', '']);
  return office.name + pick(rng, ['人民政府', '人民政府', '政府']);
}

// ── Report text: blocks ──────────────────────────────────────────────────────────────────────

export type Layout = 'tab' | 'cell-per-line' | 'pipe' | 'markdown-headings' | 'pdf' | 'split-header' | CrawlerLayout | ShapeLayout;
export const LAYOUTS: readonly Layout[] = ['tab', 'cell-per-line', 'pipe', 'markdown-headings', 'pdf', 'split-header'];
/**
 * Pages a web crawler saved (../shared/corpus/pingtan): a header block, then the whole body on one
 * line, table cells run together. Kept apart from LAYOUTS (tests/roundtrip.crawler.test.ts).
 */
export type CrawlerLayout = 'crawler-one-line' | 'crawler-spaced' | 'crawler-renumbered';
export const CRAWLER_LAYOUTS: readonly CrawlerLayout[] = ['crawler-one-line', 'crawler-spaced', 'crawler-renumbered'];
/**
 * Shapes other crawlers and sites give (issue 12), read back in tests/roundtrip.crawler.test.ts with
 * realistic numbers: one cell per line ('cell-per-line' of LAYOUTS); one cell per line with equal
 * lines next to each other printed once ('lines-once': a text extractor that drops repeated lines,
 * so seven 0s become one "0"); zeros printed as empty cells, in tab-separated rows ('tab-blank-zeros'),
 * in a web page's table (`<td></td>`, 'html-blank-zeros': the page's source, read by the HTML reader)
 * and in text laid out with spaces ('spaces-blank-zeros', pdftotext -layout: where a blank stood is lost).
 */
export type ShapeLayout = 'lines-once' | 'tab-blank-zeros' | 'html-blank-zeros' | 'spaces-blank-zeros';
export const SHAPE_LAYOUTS: readonly ShapeLayout[] = ['lines-once', 'tab-blank-zeros', 'html-blank-zeros', 'spaces-blank-zeros'];
export const TEMPLATES: readonly TemplateId[] = ['2021', '2019'];

/** Everything a report says that the parser should read back. */
export interface ReportSpec extends RecordNumbers {
  template: TemplateId;
  year: number;
  office: Office;
}

type Role = 'caption' | 'header' | 'label' | 'value';
interface Cell {
  text: string;
  role: Role;
  colspan: number;
  rowspan: number;
}
/** A table as Word or HTML holds it: rows of the cells that start there, with their spans. */
interface Grid {
  cols: number;
  rows: Cell[][];
}

type Block =
  | { kind: 'title'; prefix: string; rest: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subhead'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'table'; grid: Grid; name: 'active' | 'applications' | 'reviewLitigation' }
  | { kind: 'signoff'; lines: string[] };

/** Per-report habits of the office's typist or converter, shared by all layouts. */
interface Style {
  /** （一） as the template prints it, (一) as in seed 001, "(一) 予以公开" as in seeds 000/003/004. */
  brackets: 'full' | 'half' | 'half-space';
  /** "1.属于…", "1. 属于…" (seed 004), "1、申请人…" (huaian 2024). */
  numbering: '1.' | '1. ' | '1、';
  /** Header of the 2021 fee column; 2019 procurement amount header. */
  feeHeader: string;
  procurementHeader: string;
  /** "+3" for an increase in 本年增/减 (lw.gov.cn 2020 prints "+19"). */
  plusSign: boolean;
  /** Fee amounts printed with four decimals ("保留4位小数"). */
  fixedDecimals: boolean;
  /** 0 printed as an empty cell (set by the *-blank-zeros layouts, never drawn: older seeds stay as they were). */
  blankZeros?: boolean;
}

const CAPTION = (article: string) => `第二十条第（${article}）项`;
const ARTICLE: Record<string, string> = {
  regulations: '一',
  normativeDocuments: '一',
  licensing: '五',
  otherServices: '五',
  punishment: '六',
  coercion: '六',
  fees: '八',
  procurement: '九',
};
// Fixed header texts of the official tables that are no row or column label of their own.
const ITEM_HEADER = '信息内容';
const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APPLICANTS_HEADER = '申请人情况';
const ORGANISATIONS_HEADER = '法人或其他组织';

function randomStyle(rng: Rng, template: TemplateId): Style {
  const fee = ACTIVE_ITEMS['2021'].find((i) => i.key === 'fees')!.columns[0].label; // 本年收费金额（万元）
  const amount = ACTIVE_ITEMS['2019'].find((i) => i.key === 'procurement')!.columns[1].label; // 采购总金额
  return {
    brackets: pick(rng, ['full', 'full', 'half', 'half-space']),
    numbering: pick(rng, ['1.', '1.', '1. ', '1、']),
    feeHeader: pick(rng, [fee, fee.replace('（', '（单位：'), fee.replace('）', '，保留4位小数）').replace('（', '（单位：')]),
    procurementHeader: template === '2019' ? pick(rng, [amount, `${amount}（万元）`]) : amount,
    plusSign: chance(rng, 0.3),
    fixedDecimals: chance(rng, 0.3),
  };
}

/**
 * A text as this report's typist writes it: brackets, commas and numbering. Seeds 003/004 turn row
 * labels into "(二) 部分公开 (区分处理的, 只计…)" but keep captions and headers full-width; seed 001
 * writes all brackets half-width.
 */
function styled(text: string, style: Style, kind: 'label' | 'caption' = 'label'): string {
  let s = text.replace(/^(\d)\./, style.numbering === '1.' ? '$1.' : style.numbering === '1. ' ? '$1. ' : '$1、');
  if (style.brackets === 'full' || (style.brackets === 'half-space' && kind === 'caption')) return s;
  s = s.replace(/（/g, '(').replace(/）/g, ')');
  if (style.brackets === 'half-space') s = s.replace(/\)(?=[^\s)])/g, ') ').replace(/(?<=[^\s(])\(/g, ' (').replace(/，/g, ', ');
  return s;
}

function formatValue(value: number | null, column: string, style: Style): string {
  if (value === null || (value === 0 && style.blankZeros)) return '';
  if (column === 'amountWan' && style.fixedDecimals) return value.toFixed(4);
  if (column === 'change' && value > 0 && style.plusSign) return `+${value}`;
  return String(value);
}

const cell = (text: string, role: Role, colspan = 1, rowspan = 1): Cell => ({ text, role, colspan, rowspan });

/** Table 二: for each 第二十条 article a caption row, a header row, then its items; four columns. */
function activeGrid(spec: ReportSpec, style: Style): Grid {
  const rows: Cell[][] = [];
  // The last cell of a short row spans what is left of the four columns (seed 000: "行政许可\t0\t\t").
  const spread = (texts: string[], role: Role) => texts.map((t, i) => cell(t, role, i === texts.length - 1 ? 4 - texts.length : 1));
  let article = '';
  for (const item of ACTIVE_ITEMS[spec.template]) {
    if (ARTICLE[item.key] !== article) {
      article = ARTICLE[item.key];
      rows.push([cell(styled(CAPTION(article), style, 'caption'), 'caption', 4)]);
      const headers = item.columns.map((c) =>
        c.key === 'amountWan' ? (spec.template === '2021' ? style.feeHeader : style.procurementHeader) : c.label,
      );
      rows.push([cell(ITEM_HEADER, 'header'), ...spread(headers.map((h) => styled(h, style, 'caption')), 'header')]);
    }
    const values = item.columns.map((c) => formatValue(spec.active[item.key][c.key], c.key, style));
    rows.push([cell(item.label, 'label'), ...spread(values, 'value')]);
  }
  return { cols: 4, rows };
}

/** Table 三: three label columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) and seven values. */
function applicationsGrid(spec: ReportSpec, style: Style): Grid {
  const rows: Cell[][] = [
    [cell(styled(BALANCE_NOTE, style, 'caption').replace(/^（(.*)）$/, style.brackets === 'full' ? '（$1）' : '($1)'), 'caption', 3, 3), cell(APPLICANTS_HEADER, 'header', 7)],
    [cell(PARTS[0].label, 'header', 1, 2), cell(ORGANISATIONS_HEADER, 'header', 5), cell(APPLICANT_COLUMNS[6].label, 'header', 1, 2)],
    PARTS.slice(1).map((c) => cell(c.label, 'header')),
  ];
  const printed = APPLICATION_ROWS.filter((r) => spec.applications[r.key] !== null);
  // The result block (（一） … （七）总计) sits under 三、本年度办理结果; its groups under （三）… （六）.
  const inBlock = (key: string) => APPLICATION_ROWS.find((r) => r.key === key)!.result || key === 'totalProcessed';
  const blockLabel = APPLICATION_ROWS.find((r) => r.result)!.group!;
  const subgroup = (i: number) => (inBlock(printed[i].key) && printed[i].group !== blockLabel ? printed[i].group : undefined);
  printed.forEach((row, i) => {
    const cells: Cell[] = [];
    if (!inBlock(row.key)) cells.push(cell(styled(row.label, style), 'label', 3));
    else {
      if (!inBlock(printed[i - 1].key)) cells.push(cell(styled(blockLabel, style), 'label', 1, printed.filter((r) => inBlock(r.key)).length));
      const group = subgroup(i);
      if (!group) cells.push(cell(styled(row.label, style), 'label', 2));
      else {
        if (subgroup(i - 1) !== group) cells.push(cell(styled(group, style), 'label', 1, printed.filter((_, k) => subgroup(k) === group).length));
        cells.push(cell(styled(row.label, style), 'label'));
      }
    }
    const values = APPLICANT_COLUMNS.map((c) => cell(formatValue(spec.applications[row.key]![c.key], c.key, style), 'value'));
    rows.push([...cells, ...values]);
  });
  return { cols: 10, rows };
}

/** Table 四: 行政复议 | 行政诉讼 (未经复议直接起诉 | 复议后起诉), five result columns each, one row of values. */
function reviewGrid(spec: ReportSpec, style: Style): Grid {
  const [review, ...litigation] = REVIEW_GROUPS;
  const top = litigation[0].label.split('·')[0]; // 行政诉讼
  const columns = () => REVIEW_COLUMNS.map((c) => cell(c.label, 'header'));
  return {
    cols: 15,
    rows: [
      [cell(review.label, 'header', 5), cell(top, 'header', 10)],
      [...REVIEW_COLUMNS.map((c) => cell(c.label, 'header', 1, 2)), ...litigation.map((g) => cell(g.label.split('·')[1], 'header', 5))],
      [...columns(), ...columns()],
      REVIEW_GROUPS.flatMap((g) => REVIEW_COLUMNS.map((c) => cell(formatValue(spec.reviewLitigation[g.key][c.key], c.key, style), 'value'))),
    ],
  };
}

// ── Report text: prose ──────────────────────────────────────────────────────────────────────

/** Section heading variants seen in real reports (docs/domain.md §2 #12); the template's own most often. */
const HEADING_VARIANTS: Partial<Record<SectionKey, string[]>> = {
  overview: ['一、总体概述', '一、工作基本情况'],
  problems: ['五、存在的问题及改进措施', '五、存在的主要问题和改进措施'],
};

/**
 * How an office that received no application says so, in the corpora's words (seeds 001 and 004,
 * Pingtan's 片区 and bureaus): a count of 0, or "未收到…申请".
 */
function noApplicationWords(y: number, we: string, rng: Rng): string {
  return pick(rng, [
    `${y}年共收到政府信息公开申请0件`,
    `${y}年，${we}未收到政府信息公开申请`,
    `${y}年未收到有关申请`,
    `${y}年度，${we}未接到政府信息公开申请`,
    `${y}年${we}未收到过信息公开申请`,
    `${y}年共受理依申请公开0件`,
  ]);
}

function proseBlocks(spec: ReportSpec, agency: string, rng: Rng): Record<'preface' | 'overview' | 'problems' | 'other', Block[]> & { noApplication: string } {
  const y = spec.year;
  const we = pick(rng, [agency, /镇$/.test(spec.office.name) ? '我镇' : /乡$/.test(spec.office.name) ? '我乡' : '我街道', '我单位', '我办']);
  const newTotal = spec.applications.newReceived!.total!;
  const period = pick(rng, [
    `报告中所列数据统计期限自${y}年1月1日起至${y}年12月31日止。`,
    `本年度报告中所列数据的统计期限为${y}年1月1日至${y}年12月31日。`,
  ]);
  const phone = `0${randInt(rng, 310, 939)}-${randInt(rng, 2000000, 8999999)}`;
  // An idle office's words, from a stream of their own: the reports generated before stay as they were.
  const noApplication = noApplicationWords(y, we, mulberry32(seedOf('no-application', phone, agency)));
  const preface: Block[] = [
    {
      kind: 'para',
      text: `本报告由${agency}根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。${period}如对本报告有疑问，请与${agency}党政办公室联系（电话：${phone}）。`,
    },
  ];
  const subheads: [string, string][] = [
    ['（一）主动公开', `${y}年，${we}通过政府门户网站、政务公开栏、微信公众号等渠道主动公开政府信息${randInt(rng, 20, 400)}条，内容涵盖机构职能、财政预决算、民生保障等方面。`],
    [
      '（二）依申请公开',
      `进一步规范依申请公开受理、审查、答复等环节，${newTotal ? `${y}年共收到政府信息公开申请${newTotal}件，均在法定期限内予以答复` : noApplication}。`,
    ],
    ['（三）政府信息管理', '严格落实信息发布审核制度，坚持“先审后发”，确保公开信息准确、规范，未发生泄密和信息安全事件。'],
    ['（四）政府信息公开平台建设', '依托区政府门户网站政府信息公开专栏，及时更新工作动态、通知公告等栏目，不断提升平台的规范化水平。'],
    ['（五）监督保障', '成立政府信息公开工作领导小组，明确专人负责，定期开展自查，及时整改上级通报的问题。'],
  ];
  const inline = chance(rng, 0.5);
  const overview: Block[] = [
    { kind: 'para', text: `${y}年，${we}认真贯彻落实《条例》及上级有关文件精神，坚持以公开为常态、不公开为例外，扎实推进政府信息公开工作。` },
    ...subheads.slice(0, randInt(rng, 2, 5)).flatMap(([head, text]): Block[] =>
      inline ? [{ kind: 'para', text: `${head}。${text}` }] : [{ kind: 'subhead', text: `${head}情况` }, { kind: 'para', text }],
    ),
  ];
  const problems: Block[] = [
    {
      kind: 'para',
      text: `${y}年，${we}政府信息公开工作取得了一定成效，但也存在一些不足：${pick(rng, [
        '一是信息公开的内容还不够全面，部分信息更新不够及时；二是工作人员业务能力有待进一步提高。',
        '一是队伍建设薄弱，人员专业水平一般；二是信息公开形式不够丰富，与居民的互动还不够充分。',
        '一是主动公开工作流程不够规范；二是政策解读的通俗化水平仍需提高。',
      ])}`,
    },
    {
      kind: 'para',
      text: `下一步，${we}将${pick(rng, [
        '加强业务培训，提升工作人员履职能力；拓展公开渠道，及时回应群众关切。',
        '进一步规范公开流程，加强信息审核，确保公开内容准确、及时、全面。',
      ])}`,
    },
  ];
  const other: Block[] = [
    {
      kind: 'para',
      text:
        y >= 2021
          ? pick(rng, ['无。', `依据《政府信息公开信息处理费管理办法》规定，${y}年度${we}未收取信息处理费。`, `${y}年${we}无收取信息处理费情况。`])
          : pick(rng, ['无。', '无其他需要报告的事项。']),
    },
  ];
  return { preface, overview, problems, other, noApplication };
}

/** The report as blocks: title, preface, the six sections with their tables, sign-off. */
function reportBlocks(spec: ReportSpec, style: Style, rng: Rng): Block[] {
  const agency = agencyName(spec.office, rng);
  const { city, district } = spec.office;
  const prefix = pick(rng, [[city, district], [district], [], [city, district]])
    .filter(Boolean)
    .join('') + agency;
  const rest = `${spec.year}${pick(rng, ['年', '年', '年度'])}政府信息公开工作年度报告`;
  const prose = proseBlocks(spec, agency, rng);
  const heading = (key: SectionKey): Block => {
    const variants = HEADING_VARIANTS[key];
    const label = SECTIONS.find((s) => s.key === key)!.label;
    return { kind: 'heading', text: variants && chance(rng, 0.25) ? pick(rng, variants) : label };
  };
  // The preface with the 统计期限 sentence stands before section 一 or opens it (大溪沟街道 2020).
  const blocks: Block[] = [{ kind: 'title', prefix, rest }];
  if (chance(rng, 0.7)) blocks.push(...prose.preface, heading('overview'));
  else blocks.push(heading('overview'), ...prose.preface);
  blocks.push(...prose.overview);
  blocks.push(heading('active'), { kind: 'table', name: 'active', grid: activeGrid(spec, style) });
  blocks.push(heading('applications'));
  if (chance(rng, 0.3)) {
    const total = spec.applications.newReceived!.total!;
    blocks.push({ kind: 'para', text: total ? `${spec.year}年，${agency}共收到政府信息公开申请${total}件。` : `${prose.noApplication}。` });
  }
  blocks.push({ kind: 'table', name: 'applications', grid: applicationsGrid(spec, style) });
  blocks.push(heading('reviewLitigation'));
  if (chance(rng, 0.2)) {
    const r = spec.reviewLitigation;
    const lit = r.litigationDirect.total! + r.litigationAfterReview.total!;
    blocks.push({ kind: 'para', text: `${spec.year}年，${agency}因政府信息公开工作被申请行政复议${r.review.total}件，被提起行政诉讼${lit}件。` });
  }
  blocks.push({ kind: 'table', name: 'reviewLitigation', grid: reviewGrid(spec, style) });
  blocks.push(heading('problems'), ...prose.problems, heading('other'), ...prose.other);
  if (chance(rng, 0.5)) {
    blocks.push({ kind: 'signoff', lines: [prefix, `${spec.year + 1}年1月${randInt(rng, 5, 30)}日`] });
  }
  return blocks;
}

// ── Layouts ──────────────────────────────────────────────────────────────────────────────────

interface Slot {
  cell: Cell;
  /** The cell starts here (top left of its span). */
  origin: boolean;
  /** Covered by a cell of a row above (rowspan). */
  fromAbove: boolean;
  /** First column of the cell's span. */
  firstCol: boolean;
}

/** The grid as a full matrix of slots, spans filled in. */
function expand(grid: Grid): Slot[][] {
  const m: (Slot | undefined)[][] = grid.rows.map(() => Array<Slot | undefined>(grid.cols).fill(undefined));
  grid.rows.forEach((row, r) => {
    let c = 0;
    for (const cl of row) {
      while (m[r][c]) c++;
      if (c + cl.colspan > grid.cols || r + cl.rowspan > grid.rows.length) throw new Error(`synthetic table: cell "${cl.text}" overflows its grid`);
      for (let dr = 0; dr < cl.rowspan; dr++)
        for (let dc = 0; dc < cl.colspan; dc++) m[r + dr][c + dc] = { cell: cl, origin: dr === 0 && dc === 0, fromAbove: dr > 0, firstCol: dc === 0 };
      c += cl.colspan;
    }
  });
  if (m.some((row) => row.some((s) => !s))) throw new Error('synthetic table: a row has fewer cells than the grid');
  return m as Slot[][];
}

/** Tab-separated rows, as Word "save as text" gives them (seeds 000, 001, 003, 004). */
function tabTable(grid: Grid, rng: Rng, text: (c: Cell) => string = (c) => c.text): string[] {
  const trailingTab = chance(rng, 0.3);
  // Seeds 000 and 004 lose the empty merged cells at the start of some rows of table 三.
  const dropLeading = chance(rng, 0.3) ? 0.2 : 0;
  // Seed 001 has a stray blank line between two rows of table 三.
  const blankAfter = chance(rng, 0.2) ? 0.1 : 0;
  return expand(grid).flatMap((slots) => {
    let cells = slots.map((s) => (s.origin ? text(s.cell) : ''));
    if (dropLeading && slots[0].fromAbove && slots.some((s) => s.cell.role === 'value') && chance(rng, dropLeading)) {
      cells = cells.slice(slots.findIndex((s) => !s.fromAbove));
    }
    const line = cells.join('\t') + (trailingTab ? '\t' : '');
    return blankAfter && chance(rng, blankAfter) ? [line, ''] : [line];
  });
}

/**
 * One cell per line. Word's text export (seed 002): every cell, merged ones as an empty "\t" line,
 * a blank line after each row. A web page copied as text: only the cells that hold something, each
 * followed by a blank line (南源街道 2020, 前进街道 2020 pages).
 */
function cellPerLineTable(grid: Grid, rng: Rng, wordStyle?: boolean): string[] {
  const word = wordStyle ?? chance(rng, 0.6);
  const lines: string[] = [];
  for (const slots of expand(grid)) {
    for (const s of slots) {
      if (word) {
        if (s.origin) lines.push('\t' + s.cell.text);
        else if (s.fromAbove && s.firstCol) lines.push('\t');
      } else if (s.origin && s.cell.text) lines.push(s.cell.text, '');
    }
    if (word) lines.push('');
  }
  return lines;
}

/**
 * 'lines-once': one cell per line as above, blank lines dropped or kept, then every line equal to
 * the one before it left out, as some text extractors do: a row of seven 0s comes out as one "0",
 * "5 0 0 0 0 0 5" as "5" "0" "5".
 */
function linesOnce(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) if (!out.length || line.trim() !== out[out.length - 1].trim()) out.push(line);
  return out.join('\n');
}

function cellPerLineOnceTable(grid: Grid, rng: Rng, word: boolean, dropBlank: boolean): string[] {
  const lines = cellPerLineTable(grid, rng, word);
  return dropBlank ? lines.filter((l) => l.trim()) : lines;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A web page holding the report: paragraphs, and tables with their spans; an empty cell is `<td></td>` (or `&nbsp;`). */
function htmlLayout(blocks: Block[], rng: Rng): string {
  const nbsp = chance(rng, 0.3);
  const body: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        body.push(`<h1>${escapeHtml(b.prefix + b.rest)}</h1>`);
        break;
      case 'heading':
        body.push(`<p><strong>${escapeHtml(b.text)}</strong></p>`);
        break;
      case 'subhead':
      case 'para':
        body.push(`<p>${escapeHtml(b.text)}</p>`);
        break;
      case 'table':
        body.push(
          '<table border="1">',
          ...b.grid.rows.map(
            (row) =>
              '<tr>' +
              row
                .map((c) => {
                  const span = (c.colspan > 1 ? ` colspan="${c.colspan}"` : '') + (c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : '');
                  return `<td${span}>${c.text ? escapeHtml(c.text) : nbsp ? '&nbsp;' : ''}</td>`;
                })
                .join('') +
              '</tr>',
          ),
          '</table>',
        );
        break;
      case 'signoff':
        body.push(...b.lines.map((l) => `<p style="text-align:right">${escapeHtml(l)}</p>`));
        break;
    }
  }
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>\n<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>\n<div class="article">\n${body.join('\n')}\n</div>\n<div class="footer">主办单位：人民政府办公室</div>\n</body></html>\n`;
}

/** A markdown table from a converted web page: `| a | b |` rows, `|---|` after the first row. */
function pipeTable(grid: Grid, rng: Rng): string[] {
  // Converters differ on merged cells: some keep an empty cell per covered column, some drop them.
  const keepCovered = chance(rng, 0.5);
  const keepSpans = keepCovered || chance(rng, 0.5);
  const rows = expand(grid).map((slots) =>
    slots.flatMap((s) => {
      if (s.origin) return [s.cell.text.replace(/\n/g, '')];
      if (s.fromAbove) return keepCovered && (s.firstCol || keepSpans) ? [''] : [];
      return keepSpans ? [''] : [];
    }),
  );
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(rows[0]), `|${' --- |'.repeat(rows[0].length)}`, ...rows.slice(1).map(line)];
}

/** Where a header cell wraps: before its bracket, else somewhere inside (Word wraps narrow cells). */
function splitHeader(text: string, rng: Rng): [string, string] | undefined {
  const bracket = text.search(/[（(]/);
  if (bracket >= 2) return [text.slice(0, bracket), text.slice(bracket)];
  if ([...text].length < 4) return undefined;
  const chars = [...text];
  const at = randInt(rng, 2, chars.length - 2);
  return [chars.slice(0, at).join(''), chars.slice(at).join('')];
}

/**
 * Tab rows whose narrow header cells wrap onto a second line: either the line break stays inside
 * the cell ("\t商业\n企业\t科研\n机构", as Word exports a cell with a break, seed 002), or the header
 * row comes out as two lines, upper halves then lower halves ("本年新 | 本年新 | 对外公开总数量",
 * 两城镇 2020, docs/domain.md §2 #7).
 */
function splitHeaderTable(grid: Grid, rng: Rng): string[] {
  const stacked = chance(rng, 0.5);
  const halves = new Map<Cell, [string, string]>();
  // Only the narrow value columns wrap; the label column is wide enough for "信息内容".
  for (const slots of expand(grid))
    slots.forEach((s, col) => {
      const split = s.origin && col > 0 && s.cell.role === 'header' && s.cell.colspan <= 2 ? splitHeader(s.cell.text, rng) : undefined;
      if (split) halves.set(s.cell, split);
    });
  if (!stacked) return tabTable(grid, rng, (c) => (halves.has(c) ? halves.get(c)!.join('\n') : c.text));
  const lines: string[] = [];
  for (const slots of expand(grid)) {
    const split = slots.some((s) => s.origin && halves.has(s.cell));
    lines.push(slots.map((s) => (!s.origin ? '' : halves.get(s.cell)?.[0] ?? s.cell.text)).join('\t'));
    if (split) lines.push(slots.map((s) => (s.origin ? halves.get(s.cell)?.[1] ?? '' : '')).join('\t'));
  }
  return lines;
}

/** Text blocks as plain lines, with '#' headings for the markdown layouts. */
function textLayout(blocks: Block[], rng: Rng, table: (b: Extract<Block, { kind: 'table' }>) => string[], markdown: 'none' | 'headings' | 'web'): string {
  const out: string[] = ['', ''];
  // Converted documents mix heading levels (seed 004: ## 一、 ### 三、 #### 四、); web pages bold them.
  const hashes = () => '#'.repeat(randInt(rng, 2, 4)) + ' ';
  const bold = markdown === 'web' && chance(rng, 0.25);
  const spacedYear = markdown === 'headings' && chance(rng, 0.3);
  for (const b of blocks) {
    switch (b.kind) {
      case 'title': {
        let title = b.prefix + b.rest;
        if (spacedYear) title = title.replace(/(\d{4})/, ' $1 '); // "卫东区光华路街道办事处 2024 年…" (seed 004)
        out.push(markdown === 'none' ? title : `# ${title}`, '');
        break;
      }
      case 'heading':
        out.push(markdown === 'headings' ? hashes() + b.text : bold ? `**${b.text}**` : b.text, '');
        break;
      case 'subhead':
        out.push(markdown === 'headings' ? '#'.repeat(randInt(rng, 3, 5)) + ' ' + b.text : b.text, '');
        break;
      case 'para':
        out.push(b.text, '');
        break;
      case 'table':
        out.push(...table(b), '');
        break;
      case 'signoff':
        out.push(...b.lines, '');
        break;
    }
  }
  return out.join('\n');
}

// ── The PDF layout (pdftotext -layout) ─────────────────────────────────────────────────────────

/** Display width: CJK characters and full-width punctuation take two columns. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u201c\u201d]/;
const width = (s: string) => [...s].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);

/** Chinese line breaking: closing marks stay on the line before, opening ones go to the next. */
const NO_LINE_START = /^[，。、；：！？）》”]/;
const NO_LINE_END = /[“（《]$/;

/** Break text into lines of at most `w` display columns, never splitting a run of digits. */
function wrap(text: string, w: number): string[] {
  const pieces = text.match(/[0-9.]+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const p of pieces) {
    if (line && width(line + p) > w && !NO_LINE_START.test(p)) {
      const carry = NO_LINE_END.test(line) && line.length > 1 ? line.slice(-1) : '';
      lines.push(line.slice(0, line.length - carry.length));
      line = carry;
    }
    line += p;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

type VAlign = 'top' | 'middle' | 'bottom';

/**
 * A table as pdftotext -layout prints it: cells placed at their column's position, long texts wrapped
 * within their column (so "商业企业" becomes "商业" over "企业", 三、本年度办理结果 runs down a narrow
 * column), row labels wrapping round their values, merged cells centred across the rows they span.
 */
function pdfTable(grid: Grid, rng: Rng, widths: number[]): string[] {
  const gap = randInt(rng, 1, 3);
  const align = pick<VAlign>(rng, ['top', 'middle', 'middle', 'bottom']);
  const rowGap = chance(rng, 0.4) ? 1 : 0;
  const indent = randInt(rng, 0, 6);
  const m = expand(grid);
  const x: number[] = [];
  widths.reduce((pos, w) => (x.push(pos), pos + w + gap), indent);
  const spanWidth = (c: number, n: number) => widths.slice(c, c + n).reduce((a, b) => a + b, 0) + gap * (n - 1);

  const placed: { r: number; c: number; cell: Cell; w: number; lines: string[] }[] = [];
  m.forEach((slots, r) =>
    slots.forEach((s, c) => {
      if (!s.origin || !s.cell.text) return;
      const w = spanWidth(c, s.cell.colspan);
      placed.push({ r, c, cell: s.cell, w, lines: s.cell.role === 'value' ? [s.cell.text] : wrap(s.cell.text, w) });
    }),
  );
  const heights = grid.rows.map(() => 1);
  for (const p of placed) if (p.cell.rowspan === 1) heights[p.r] = Math.max(heights[p.r], p.lines.length);
  const spanHeight = (r: number, n: number) => heights.slice(r, r + n).reduce((a, b) => a + b, 0) + rowGap * (n - 1);
  for (const p of placed) {
    const short = p.lines.length - spanHeight(p.r, p.cell.rowspan);
    if (short > 0) heights[p.r + p.cell.rowspan - 1] += short;
  }
  const top: number[] = [];
  const total = heights.reduce((y, h) => (top.push(y), y + h + rowGap), 0);
  const canvas: { x: number; text: string }[][] = Array.from({ length: total }, () => []);
  for (const p of placed) {
    const slack = spanHeight(p.r, p.cell.rowspan) - p.lines.length;
    const down = align === 'top' ? 0 : align === 'middle' ? Math.floor(slack / 2) : slack;
    p.lines.forEach((line, i) => {
      const pad = p.cell.role === 'label' ? 0 : Math.max(0, Math.floor((p.w - width(line)) / 2));
      canvas[top[p.r] + down + i].push({ x: x[p.c] + pad, text: line });
    });
  }
  return canvas.map((items) => {
    let out = '';
    let col = 0;
    for (const it of items.sort((a, b) => a.x - b.x)) {
      out += it.x > col ? ' '.repeat(it.x - col) : col > 0 ? ' ' : '';
      col = Math.max(col, it.x) + width(it.text);
      out += it.text;
    }
    return out.trimEnd();
  });
}

/** Column widths for one table, wide enough for its values. */
function pdfWidths(b: Extract<Block, { kind: 'table' }>, rng: Rng): number[] {
  const valueWidth = Math.max(...b.grid.rows.flat().filter((c) => c.role === 'value').map((c) => width(c.text))) + 2;
  const v = (lo: number, hi: number) => Math.max(valueWidth, randInt(rng, lo, hi));
  switch (b.name) {
    case 'active':
      return [randInt(rng, 16, 24), v(10, 16), v(10, 16), v(10, 16)];
    case 'applications':
      // The first column is narrow in most PDFs (one character a line, huaian 2024), wide in some (hongze 2023).
      return [pick(rng, [2, 4, 18]), randInt(rng, 8, 14), randInt(rng, 18, 30), ...Array.from({ length: 7 }, () => v(5, 10))];
    case 'reviewLitigation':
      return Array.from({ length: 15 }, () => v(5, 8));
  }
}

/** PDF text puts spaces between Chinese and digits: "自 2023 年 1 月 1 日起" (hongze 2023). */
const spaceDigits = (s: string) => s.replace(/(?<=[^\x00-\x7f])(?=\d)|(?<=\d)(?=[^\x00-\x7f.])/g, ' ');

/** Kangxi radicals some PDF fonts give for common characters (文瀛湖街道 2021, docs/domain.md §2 #15). */
const KANGXI: Record<string, string> = { 一: '⼀', 二: '⼆', 人: '⼈', 工: '⼯', 力: '⼒', 面: '⾯', 大: '⼤', 子: '⼦', 文: '⽂', 方: '⽅', 日: '⽇', 月: '⽉' };

function pdfLayout(blocks: Block[], rng: Rng): string {
  const lineWidth = 2 * randInt(rng, 28, 34);
  const centre = (s: string) => ' '.repeat(Math.max(0, Math.floor((lineWidth - width(s)) / 2))) + s;
  const lines: string[] = [];
  // Header cells that lost their brackets: "本年收费金额单位:万元" (docs/domain.md §2 #7).
  const loseBrackets = chance(rng, 0.5);
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        if (chance(rng, 0.6)) lines.push(centre(b.prefix), centre(spaceDigits(b.rest)), '');
        else lines.push(...wrap(spaceDigits(b.prefix + b.rest), lineWidth).map(centre), '');
        break;
      case 'heading':
      case 'subhead':
        lines.push(' '.repeat(randInt(rng, 0, 6)) + spaceDigits(b.text));
        break;
      case 'para': {
        const [first, ...rest] = wrap('　　' + spaceDigits(b.text), lineWidth);
        lines.push(first.replace(/^　　/, '   '), ...rest);
        break;
      }
      case 'table': {
        const grid: Grid = {
          cols: b.grid.cols,
          rows: b.grid.rows.map((row) =>
            row.map((c) => (loseBrackets && (c.role === 'header' || c.text.includes('勾稽')) ? { ...c, text: c.text.replace(/[（）()]/g, '') } : c)),
          ),
        };
        lines.push('', ...pdfTable(grid, rng, pdfWidths(b, rng)), '');
        break;
      }
      case 'signoff':
        lines.push('', ...b.lines.map((l) => ' '.repeat(Math.max(0, lineWidth - width(l))) + spaceDigits(l)));
        break;
    }
  }
  // Page footers: "-3-", "- 3 -", "— 3 —" or "第 3 页" on a line of their own, wherever the page ends.
  const pageLength = randInt(rng, 38, 50);
  const footer = pick(rng, [(n: number) => `-${n}-`, (n: number) => `- ${n} -`, (n: number) => `— ${n} —`, (n: number) => `第 ${n} 页`]);
  const paged: string[] = [];
  lines.forEach((line, i) => {
    paged.push(line);
    if ((i + 1) % pageLength === 0) paged.push('', centre(footer((i + 1) / pageLength)));
  });
  paged.push('', centre(footer(Math.floor(lines.length / pageLength) + 1)), '');
  const text = paged.join('\n');
  return chance(rng, 0.25) ? text.replace(/[一二人工力面大子文方日月]/g, (c) => KANGXI[c]) : text;
}

// ── The crawler layouts (a saved web page, body on one line) ──────────────────────────────────

/** How a crawler's page came out: page chrome and spaces, or none (see CRAWLER_LAYOUTS). */
interface CrawlerQuirks {
  /** Page chrome, spaces in runs and headers, U+3000, converter comments ('crawler-spaced'). */
  spaced: boolean;
  /** Probability that a run of values is spaced at all, and that a gap in a spaced run gets a space. */
  runP: number;
  gapP: number;
  /** Probability that a header cell of two lines keeps its break as a space ("结果 维持", "本年新 制作数量"). */
  headerSpace: number;
}

/**
 * A run of values as the page's text gives it: cells run together ("5000005"), or, on some pages,
 * partly spaced (" 2 00 00 0 2", "0 0　0", spp-2020). A space only ever falls between two cells.
 */
function crawlerRun(values: string[], rng: Rng, q: CrawlerQuirks): string {
  if (!q.spaced || !chance(rng, q.runP)) return values.join('');
  let s = chance(rng, 0.3) ? ' ' : '';
  values.forEach((v, i) => {
    if (i > 0 && chance(rng, q.gapP)) s += chance(rng, 0.08) ? '\u3000' : ' ';
    s += v;
  });
  return s + (chance(rng, 0.25) ? ' ' : '');
}

/** A table's cells in reading order, nothing between them; each row's values one run after its label. */
function crawlerTable(grid: Grid, rng: Rng, q: CrawlerQuirks): string {
  let out = '';
  for (const slots of expand(grid)) {
    let run: string[] = [];
    const flush = () => {
      if (run.length) out += crawlerRun(run, rng, q);
      run = [];
    };
    for (const s of slots) {
      if (!s.origin || !s.cell.text) continue;
      if (s.cell.role === 'value') {
        run.push(s.cell.text);
        continue;
      }
      flush();
      const split = s.cell.role === 'header' && q.headerSpace > 0 && chance(rng, q.headerSpace) ? splitHeader(s.cell.text, rng) : undefined;
      out += split ? split.join(' ') : s.cell.text;
    }
    flush();
  }
  return out;
}

const FEE_TABLE = '通知收取件数通知收取金额（元）实际收取金额（元）';

/**
 * 'crawler-renumbered': the 2025 pages' section 五、信息处理费收取情况 (jjp-2025, spp-2023), so that
 * problems become 六 and other 七. Sometimes with its small table (header, maybe the row label, 000).
 */
function withFeeSection(blocks: Block[], spec: ReportSpec, rng: Rng): Block[] {
  const after = blocks.findIndex((b) => b.kind === 'table' && b.name === 'reviewLitigation');
  const out = blocks.slice(0, after + 1);
  const table = chance(rng, 0.35);
  const y = spec.year;
  const sentences = ['本年度未收取信息处理费。', '根据《政府信息公开信息处理费管理办法》，本机关本年度未收取信息处理费。', '本单位依申请提供政府信息，未向申请人收取任何费用。'];
  // After the table's "000" a sentence may not start with a digit, or the run would grow.
  if (!table) sentences.push(`${y}年，无收取信息处理费情况。`, `${y}年度未收取信息处理费。`);
  const feeText = (table ? FEE_TABLE + (chance(rng, 0.4) ? '信息处理费收取情况' : '') + '000' : '') + pick(rng, sentences);
  out.push({ kind: 'heading', text: '五、信息处理费收取情况' }, { kind: 'para', text: feeText });
  let renumbered = 0;
  for (const b of blocks.slice(after + 1)) {
    if (b.kind === 'heading' && renumbered < 2) {
      out.push({ kind: 'heading', text: b.text.replace(/^五、/, '六、').replace(/^六、(?=其他)/, '七、') });
      renumbered++;
    } else out.push(b);
  }
  return out;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const letters = (rng: Rng, lo: number, hi: number) =>
  Array.from({ length: randInt(rng, lo, hi) }, () => String.fromCharCode(97 + randInt(rng, 0, 25))).join('');

/**
 * A page as the crawler saved it (pingtan htp-2021, spp-2020, zrz-2021, zone-2023): the header block
 * (标题, 发布时间, 文号, 发布机构, 栏目, 原文链接, 本地目录), the 正文 rule, then the whole body on one
 * line with no separators: headings, prose, table captions, headers, labels and value runs.
 */
function crawlerLayout(blocks: Block[], spec: ReportSpec, rng: Rng, layout: CrawlerLayout): string {
  if (layout === 'crawler-renumbered') blocks = withFeeSection(blocks, spec, rng);
  const q: CrawlerQuirks =
    layout === 'crawler-spaced'
      ? { spaced: true, runP: pick(rng, [0.3, 0.6, 0.9]), gapP: pick(rng, [0.3, 0.5, 0.8]), headerSpace: pick(rng, [0, 0.3, 0.7]) }
      : { spaced: false, runP: 0, gapP: 0, headerSpace: 0 };

  // The title: as the report prints it, or "…关于2021年度…" / "…关于报送2020年度…的函" (htp-2021, spp-2020).
  const titleBlock = blocks.find((b): b is Extract<Block, { kind: 'title' }> => b.kind === 'title')!;
  const form = pick(rng, ['plain', 'plain', 'plain', 'plain', 'about', 'letter'] as const);
  const title =
    form === 'plain'
      ? titleBlock.prefix + titleBlock.rest
      : form === 'about'
        ? `${titleBlock.prefix}关于${titleBlock.rest}`
        : `${titleBlock.prefix}关于报送${titleBlock.rest}的函`;
  // The page's own title may keep a space the body lost ("海坛片区管理局 关于2021年度…").
  const pageTitle = form !== 'plain' && chance(rng, 0.4) ? title.replace('关于', ' 关于') : title;

  // Published early the next year.
  const [y, m, d] = [spec.year + 1, randInt(rng, 1, 3), randInt(rng, 1, 28)];
  const published = `${y}-${pad2(m)}-${pad2(d)} ${pad2(randInt(rng, 8, 20))}:${pad2(randInt(rng, 0, 59))}`;
  const publisher = pick(rng, ['', '', '', '', '', titleBlock.prefix, titleBlock.prefix, '桌面', '办公室', '行政科', '1']);
  const host = `www.${letters(rng, 4, 10)}.gov.cn`;
  const dir = `zwgk/zfxxgk/${Array.from({ length: randInt(rng, 1, 3) }, () => letters(rng, 3, 12)).join('/')}/zfxxgknb/${y}${pad2(m)}`;
  const id = randInt(rng, 10000, 99999);
  const header = [
    `标题: ${pageTitle}`,
    `发布时间: ${published}`,
    '文号: ',
    `发布机构: ${publisher}`,
    '栏目: 政府信息公开年报',
    `原文链接: https://${host}/${dir}/t${y}${pad2(m)}${pad2(d)}_${id}.htm`,
    `本地目录: ${dir}/${id}_${pageTitle}`,
    '页面链接与图片详见 links.tsv(同目录)',
    '==================== 正文 ====================',
  ];

  const parts: string[] = [];
  if (q.spaced) {
    // Page chrome before the body: a breadcrumb, the share buttons (gyz-2020, hzs-2019).
    parts.push(
      chance(rng, 0.5)
        ? `当前位置：首页 > 政务公开 > 政府信息公开年报 ${chance(rng, 0.6) ? '微信 微博 QQ空间 ' : ''}`
        : `当前位置： 首页政务公开政府信息公开${titleBlock.prefix}政府信息公开年报 ${title} 来源： 时间：${published} --> 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： `,
    );
  }
  // Letters to the office above open with the addressee (htp-2021, spp-2020: "区办公室：").
  const salutation = form !== 'plain' && chance(rng, 0.6) ? pick(rng, ['区办公室：', '区管委会办公室：', '区政府办公室：']) : '';
  const withTitle = chance(rng, 0.6);
  const sep = () => (q.spaced ? pick(rng, ['', '', ' ']) : '');
  let tableCount = 0;
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        if (withTitle) parts.push(title, salutation);
        break;
      case 'heading':
      case 'subhead':
        parts.push(sep() + b.text + sep());
        break;
      case 'para':
        parts.push((q.spaced && chance(rng, 0.1) ? '\u3000\u3000' : '') + b.text + sep());
        break;
      case 'table':
        // Word-made pages keep a conditional comment before the first table (czj-2019).
        if (q.spaced && tableCount++ === 0 && chance(rng, 0.25)) parts.push('<!--[if !supportMisalignedColumns]--><!--[endif]-->');
        parts.push(crawlerTable(b.grid, rng, q));
        break;
      case 'signoff':
        parts.push(' ' + b.lines.join(pick(rng, ['', ' '])));
        break;
    }
  }
  if (q.spaced && chance(rng, 0.8)) parts.push(' 附件下载');
  // The body is the file's last line, with no newline after it.
  return [...header, parts.join('')].join('\n');
}

// ── Entry points ─────────────────────────────────────────────────────────────────────────────

/** The full text of a report stating `spec`'s numbers, in one layout. */
export function renderReport(spec: ReportSpec, layout: Layout, rng: Rng): string {
  const style = randomStyle(rng, spec.template);
  if (layout.endsWith('-blank-zeros')) style.blankZeros = true;
  const blocks = reportBlocks(spec, style, rng);
  switch (layout) {
    case 'tab':
      return textLayout(blocks, rng, (b) => tabTable(b.grid, rng), 'none');
    case 'cell-per-line':
      return textLayout(blocks, rng, (b) => cellPerLineTable(b.grid, rng), 'none');
    case 'pipe':
      return textLayout(blocks, rng, (b) => pipeTable(b.grid, rng), 'web');
    case 'markdown-headings':
      return textLayout(blocks, rng, (b) => tabTable(b.grid, rng), 'headings');
    case 'split-header':
      return textLayout(blocks, rng, (b) => splitHeaderTable(b.grid, rng), 'none');
    case 'pdf':
      return pdfLayout(blocks, rng);
    case 'crawler-one-line':
    case 'crawler-spaced':
    case 'crawler-renumbered':
      return crawlerLayout(blocks, spec, rng, layout);
    case 'lines-once': {
      // One extractor for the whole text: Word's cells or a web page's, blank lines kept or dropped.
      // Kept, a web page's cells (each followed by a blank line) stay apart; only Word's rows collapse.
      const word = chance(rng, 0.6);
      const dropBlank = chance(rng, 0.6);
      return linesOnce(textLayout(blocks, rng, (b) => cellPerLineOnceTable(b.grid, rng, word, dropBlank), 'none'));
    }
    case 'tab-blank-zeros':
      return textLayout(blocks, rng, (b) => tabTable(b.grid, rng), 'none');
    case 'html-blank-zeros':
      return htmlLayout(blocks, rng);
    case 'spaces-blank-zeros':
      return pdfLayout(blocks, rng);
  }
}

/** What the parser reads of a rendered report: a web page through the HTML reader, other layouts as they are. */
export function readableText(layout: Layout, rendered: string): string {
  return layout === 'html-blank-zeros' ? htmlToText(rendered) : rendered;
}

export interface SyntheticOptions {
  template: TemplateId;
  layout: Layout;
  office?: Office;
  /** The year reported on; default a year the template was in force. */
  year?: number;
  sparsity?: number;
  otherForm?: 'split' | 'whole';
  /** Further number options (realisticNumberOptions); `sparsity` and `otherForm` above win. */
  numbers?: NumberOptions;
}

/** One random report: its text, and what the parser should read from it. */
export function syntheticReport(rng: Rng, opts: SyntheticOptions): { text: string; expected: ReportSpec } {
  const year = opts.year ?? (opts.template === '2021' ? randInt(rng, 2021, 2024) : randInt(rng, 2019, 2020));
  const office = opts.office ?? officePicker()(rng);
  const numberOptions: NumberOptions = { ...opts.numbers };
  if (opts.sparsity !== undefined) numberOptions.sparsity = opts.sparsity;
  if (opts.otherForm !== undefined) numberOptions.otherForm = opts.otherForm;
  const numbers = randomRecordNumbers(rng, opts.template, numberOptions);
  const expected: ReportSpec = { template: opts.template, year, office, ...numbers };
  return { text: renderReport(expected, opts.layout, rng), expected };
}

/** The default seed of tests/roundtrip.crawler.test.ts (ROUNDTRIP_SEED overrides it there). */
export const CRAWLER_SEED = 'gongkai-crawler-1';

/**
 * One case of the crawler round trip (CRAWLER_LAYOUTS and SHAPE_LAYOUTS), named by its parts: the test and scripts/print-synthetic.ts
 * build the same report from the same (seed, template, layout, index). Realistic numbers (mostly
 * zeros), a year the template was used in, an office from `randomOffice` (pass the code list's).
 */
export function crawlerCase(
  seed: string,
  template: TemplateId,
  layout: Layout,
  index: number,
  randomOffice: (rng: Rng) => Office = officePicker(),
): { text: string; source: string; expected: ReportSpec } {
  const rng = mulberry32(seedOf(seed, template, layout, index));
  // Pingtan's offices kept the 2019 tables into 2021 (htp-2021), as others did later (docs/domain.md §1.5).
  const year = template === '2021' ? randInt(rng, 2021, 2025) : pick(rng, [2019, 2020, 2020, 2021, 2022]);
  const office = randomOffice(rng);
  const { text, expected } = syntheticReport(rng, { template, layout, office, year, numbers: realisticNumberOptions(rng) });
  // `text` is what the parser reads (a web page through the HTML reader), `source` the file as published.
  return { text: readableText(layout, text), source: text, expected };
}
