/**
 * What a saved web page says about itself before the report starts. Crawlers save a page as a
 * header block ("标题: …", "发布时间: …", "原文链接: …") and a "==== 正文 ====" line, then the body;
 * sites wrap the body in chrome ("当前位置：首页 > …", "微信 微博 QQ空间" before it, "附件下载" after it)
 * and Word-to-web converters leave "<!--[if …]-->" comments in it. The header is read, not parsed as
 * report text; chrome and converter litter are blanked so they never reach a section's text.
 * Lines are blanked, never removed: every number still points at its line in the input.
 */

export interface PageHeader {
  /** The page's title (标题:), spaces tidied; null when the text has no header block. */
  title: string | null;
  /** 发布时间 as YYYY-MM-DD, null when absent or not a date. */
  publishedAt: string | null;
  /** 原文链接: where the report was published. */
  url: string | null;
  /** 发布机构 as written (often empty, or junk such as 桌面). */
  publisher: string | null;
  /** 0-based index of the first body line (0 when there is no header block). */
  bodyStart: number;
}

/** Header keys a crawler writes, in the forms seen ("标题:", "标题：", "【标题】"). */
const HEADER_LINE = /^\s*[【[]?(标题|题目|发布时间|发布日期|成文日期|文号|发文字号|发布机构|发文机关|来源|栏目|所属栏目|原文链接|原文地址|链接|URL|url|本地目录|索引号|主题分类)[】\]]?\s*[:：]\s*(.*)$/;
/** The line between header and body: "==== 正文 ====", "---- 正文 ----", "【正文】". */
const BODY_MARK = /^\s*(?:[=\-—*#]{2,}\s*正文\s*[=\-—*#]{2,}|【正文】|正文[:：]?)\s*$/;
/** Lines a crawler adds to its header block that are no key: value pair. */
const HEADER_NOTE = /^\s*(?:页面链接与图片详见|附件[:：]|图片[:：])/;

const DATE = /((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;

function isoDate(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The header block at the top of the text: key: value lines (blank lines allowed) up to a body
 * mark. Without a body mark, at least three header lines must open the text, so a report whose
 * first line happens to read "标题：…" is not taken for a page.
 */
export function readPageHeader(lines: string[]): PageHeader {
  const none: PageHeader = { title: null, publishedAt: null, url: null, publisher: null, bodyStart: 0 };
  const values = new Map<string, string>();
  let headerLines = 0;
  let i = 0;
  for (; i < Math.min(lines.length, 40); i++) {
    const line = lines[i];
    if (!line.trim() || HEADER_NOTE.test(line)) continue;
    if (BODY_MARK.test(line)) {
      if (headerLines === 0) return none;
      i++;
      break;
    }
    const m = HEADER_LINE.exec(line);
    if (!m) {
      if (headerLines >= 3) break;
      return none;
    }
    headerLines++;
    if (!values.has(m[1])) values.set(m[1], m[2].trim());
  }
  if (headerLines < 2) return none;
  const get = (...keys: string[]) => keys.map((k) => values.get(k)).find((v) => v) ?? null;
  const url = get('原文链接', '原文地址', '链接', 'URL', 'url');
  return {
    title: get('标题', '题目')?.replace(/\s+/g, ' ') ?? null,
    publishedAt: isoDate(get('发布时间', '发布日期') ?? ''),
    url: url && /^https?:\/\/\S+$/.test(url) ? url : null,
    publisher: get('发布机构', '发文机关', '来源'),
    bodyStart: i,
  };
}

/**
 * Site chrome at the top of the body: breadcrumbs, the page's own date line, share buttons, "全真版
 * 文字版 文件下载 相关链接：". A crawler that flattens the page leaves them before the title on the
 * body's first line. Matched only within the first 600 characters of the first lines, each pattern
 * bounded, so the work stays linear on any input.
 */
const CHROME_MARK = /当前位置\s*[:：]|来源\s*[:：]|时间\s*[:：]\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|-->|微信\s*微博|QQ空间|全真版|文字版|文件下载|相关链接\s*[:：]|打印本页|关闭窗口|字号\s*[:：]?\s*[【[]?\s*大\s*中\s*小\s*[】\]]?/g;
/** Converter comments anywhere: "<!--[if !supportMisalignedColumns]-->", "<![endif]>". */
const CONVERTER_COMMENT = /<!--\[if[^\]<>]{0,80}\]>?(?:-->)?|<!--\[endif\]-->|<!\[endif\]>|<!--[^<>]{0,200}?-->/g;

/**
 * The lines with chrome blanked (same count and order): the header block, chrome before the
 * report on the first body lines (cut when two marks or a breadcrumb say it is chrome), converter
 * comments anywhere, and the attachment list after the report.
 */
export function stripChrome(lines: string[], bodyStart: number): string[] {
  const out = lines.slice();
  for (let i = 0; i < bodyStart; i++) out[i] = '';
  let seen = 0;
  for (let i = bodyStart; i < out.length; i++) {
    let line = out[i];
    if (!line) continue;
    if (line.includes('<!')) line = line.replace(CONVERTER_COMMENT, '');
    if (seen < 10 && line.trim()) {
      seen++;
      const head = line.slice(0, 600);
      let end = -1;
      let marks = 0;
      let breadcrumb = false;
      for (const m of head.matchAll(CHROME_MARK)) {
        marks++;
        if (m[0].startsWith('当前位置')) breadcrumb = true;
        end = m.index + m[0].length;
      }
      if (end >= 0 && (marks >= 2 || breadcrumb)) line = line.slice(end);
    }
    // "附件下载" and what follows it on the line: the page's attachment list, never the report.
    const attachments = line.indexOf('附件下载');
    if (attachments >= 0) line = line.slice(0, attachments).trimEnd();
    out[i] = line;
  }
  return out;
}
