/** A share (0–1) as a percentage with at most one decimal; null when nothing stands behind it. */
export function percent(share: number | null, lang: 'zh' | 'en' = 'zh'): string | null {
  if (share === null || !Number.isFinite(share)) return null;
  const text = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 1 }).format(share * 100);
  return lang === 'en' ? `${text} %` : `${text}%`;
}
