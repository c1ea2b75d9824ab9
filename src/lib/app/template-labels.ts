/**
 * The template's labels in the interface's language. The database's `labels` table holds each
 * label's Chinese name (as the template prints it) and its English name; views take the labels and
 * figures through these helpers, so the rest of their code reads `label` whatever the language.
 */
import type { Figure, TemplateLabel } from '../db/queries';
import { language, type Language } from './i18n.svelte';

/** The labels with `label` and `groupLabel` in the language (Chinese: as stored). */
export function labelsIn(labels: TemplateLabel[], lang: Language = language.current): TemplateLabel[] {
  return lang === 'zh' ? labels : labels.map((l) => ({ ...l, label: l.labelEn, groupLabel: l.groupLabelEn }));
}

/** A figure's row and column names in the language. */
export function figureLabels(f: Pick<Figure, 'rowLabel' | 'rowLabelEn' | 'columnLabel' | 'columnLabelEn'>, lang: Language = language.current): { row: string; column: string } {
  return lang === 'zh' ? { row: f.rowLabel, column: f.columnLabel } : { row: f.rowLabelEn, column: f.columnLabelEn };
}

/**
 * Sub-rows sit under headings like （三）不予公开 / "(3) Not disclosed"; the heading of the results
 * block (三、本年度办理结果 / "3. Results…") is no sub-group.
 */
export const isSubGroup = (groupLabel: string | null | undefined) => !!groupLabel && /^[（(]/.test(groupLabel);
