/**
 * The interface's words: one dictionary, Chinese first, English as a switch. Components never
 * hold strings of their own; they call t('key') (or t('key', { n: 3 }) for placeholders).
 * Template labels (表格的行列名) come from the database's `labels`, not from here.
 */
const zh = {
  // ── shell ──
  'app.title': '公开 · 政府信息公开工作年度报告',
  'app.tagline': '各机关政府信息公开工作年度报告的数字，一目了然、可比、可查。',
  'app.language': 'English',
  'app.loading': '正在下载数据库…',
  'app.loadingBytes': '已下载 {loaded} / {total}',
  'app.loadFailed': '数据加载失败：{message}',
  'app.retry': '重试',
  'nav.overview': '总览',
  'nav.offices': '机关',
  'nav.compare': '比较',
  'nav.problems': '问题',
  'nav.data': '数据',
  'nav.label': '主导航',
  // ── filters ──
  'filters.title': '筛选',
  'filters.years': '年度',
  'filters.province': '省份',
  'filters.city': '城市',
  'filters.district': '区县',
  'filters.template': '格式',
  'filters.all': '全部',
  'filters.template2021': '2021 年版格式',
  'filters.template2019': '2019 年版格式',
  'filters.clear': '清除筛选',
  // ── numbers ──
  'value.notReported': '未报告',
  'value.none': '报告为零',
  'unit.items': '件',
  'unit.reports': '份',
  // ── charts ──
  'chart.showTable': '以表格显示',
  'chart.showChart': '以图表显示',
  'chart.csv': '导出 CSV',
  'chart.empty': '没有符合条件的数据。',
  'chart.noneReported': '所选报告均报告为零。',
  // ── overview ──
  'overview.title': '总览',
  'overview.offices': '机关',
  'overview.reports': '年度报告',
  'overview.years': '年度',
  'overview.received': '收到申请',
  'overview.review': '行政复议',
  'overview.litigation': '行政诉讼',
  'overview.notAddingUp': '数字对不上的报告',
  'overview.trendTitle': '历年收到与办结的申请',
  'overview.trendDescription': '每年新收政府信息公开申请与办结总数（所选报告合计）；未报告的不计入。',
  'overview.reviewTitle': '历年行政复议与行政诉讼',
  'overview.reviewDescription': '每年因政府信息公开被申请行政复议、提起行政诉讼的案件总数。',
  'overview.topTitle': '收到申请最多的机关',
  'overview.topDescription': '所选年度内新收申请合计最多的机关；没有收到申请的机关不列出。',
  'overview.series.received': '本年新收',
  'overview.series.processed': '办结总计',
  'overview.series.review': '行政复议',
  'overview.series.litigation': '行政诉讼',
  'column.year': '年度',
  'column.office': '机关',
  'column.district': '区县',
  'column.value': '数量',
  // ── views (filled in by each view) ──
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'app.title': 'Gongkai · Government information-disclosure annual reports',
  'app.tagline': "Every office's disclosure report in numbers: clear, comparable, checkable.",
  'app.language': '中文',
  'app.loading': 'Downloading the database…',
  'app.loadingBytes': '{loaded} of {total} downloaded',
  'app.loadFailed': 'The data could not be loaded: {message}',
  'app.retry': 'Retry',
  'nav.overview': 'Overview',
  'nav.offices': 'Offices',
  'nav.compare': 'Compare',
  'nav.problems': 'Problems',
  'nav.data': 'Data',
  'nav.label': 'Main navigation',
  'filters.title': 'Filters',
  'filters.years': 'Years',
  'filters.province': 'Province',
  'filters.city': 'City',
  'filters.district': 'District',
  'filters.template': 'Format',
  'filters.all': 'All',
  'filters.template2021': '2021 format',
  'filters.template2019': '2019 format',
  'filters.clear': 'Clear filters',
  'value.notReported': 'not reported',
  'value.none': 'reported none',
  'unit.items': '',
  'unit.reports': '',
  'chart.showTable': 'Show as table',
  'chart.showChart': 'Show as chart',
  'chart.csv': 'Export CSV',
  'chart.empty': 'No data match the filters.',
  'chart.noneReported': 'The selected reports all report zero.',
  'overview.title': 'Overview',
  'overview.offices': 'Offices',
  'overview.reports': 'Annual reports',
  'overview.years': 'Years',
  'overview.received': 'Applications received',
  'overview.review': 'Administrative reviews',
  'overview.litigation': 'Lawsuits',
  'overview.notAddingUp': "Reports whose numbers don't add up",
  'overview.trendTitle': 'Applications received and handled, by year',
  'overview.trendDescription': 'New disclosure applications and applications handled each year (sum of the selected reports); figures not reported are left out.',
  'overview.reviewTitle': 'Reviews and lawsuits, by year',
  'overview.reviewDescription': 'Administrative reviews and lawsuits over information disclosure, each year.',
  'overview.topTitle': 'Offices with the most applications',
  'overview.topDescription': 'Offices that received the most new applications in the selected years; offices with none are not listed.',
  'overview.series.received': 'Received',
  'overview.series.processed': 'Handled',
  'overview.series.review': 'Reviews',
  'overview.series.litigation': 'Lawsuits',
  'column.year': 'Year',
  'column.office': 'Office',
  'column.district': 'District',
  'column.value': 'Count',
};

export type Language = 'zh' | 'en';
export type MessageKey = Key;

const initial: Language = typeof localStorage !== 'undefined' && localStorage.getItem('gongkai.lang') === 'en' ? 'en' : 'zh';
export const language = $state({ current: initial });

export function setLanguage(lang: Language) {
  language.current = lang;
  localStorage.setItem('gongkai.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = (language.current === 'en' ? en : zh)[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? `{${k}}`));
}

/** Numbers as the reports write them: 1,234; null is "not reported", never 0. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return t('value.notReported');
  return new Intl.NumberFormat(language.current === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
}

export function formatBytes(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}
