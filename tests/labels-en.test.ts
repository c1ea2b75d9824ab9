/** Every label of the templates has an English name, stored beside the Chinese one and shown in English. */
import { describe, expect, it } from 'vitest';
import { figureLabels, isSubGroup, labelsIn } from '../src/lib/app/template-labels';
import type { TemplateLabel } from '../src/lib/db/queries';
import { labelRows } from '../src/lib/db/schema';
import { APPLICATION_GROUPS, APPLICATION_ROWS } from '../src/lib/report/template';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

describe('English names of the template labels', () => {
  const rows = labelRows();

  it('every row, column and section label has an English name, without Chinese characters', () => {
    expect(rows.length).toBeGreaterThan(80);
    for (const r of rows) {
      expect(r.label_en, `${r.section}.${r.kind}.${r.key}`).toMatch(/^[A-Z(0-9]/);
      expect(r.label_en, r.label).not.toMatch(CJK);
    }
  });

  it('every group heading has an English name, and sub-groups read as sub-groups in both languages', () => {
    const groups = new Set(APPLICATION_ROWS.map((r) => r.group).filter(Boolean));
    expect([...groups].sort()).toEqual(Object.keys(APPLICATION_GROUPS).sort());
    for (const r of rows.filter((x) => x.group_label)) {
      expect(r.group_label_en, r.group_label!).toBe(APPLICATION_GROUPS[r.group_label!]);
      expect(isSubGroup(r.group_label_en), r.group_label!).toBe(isSubGroup(r.group_label));
    }
    expect(isSubGroup('（三）不予公开')).toBe(true);
    expect(isSubGroup('(3) Not disclosed')).toBe(true);
    expect(isSubGroup('三、本年度办理结果')).toBe(false);
    expect(isSubGroup('3. Results of handling this year')).toBe(false);
  });

  it('names within one table are distinct in English as in Chinese', () => {
    const scopes = new Map<string, { zh: Set<string>; en: Set<string> }>();
    for (const r of rows) {
      const scope = `${r.section}/${r.kind}/${r.template}/${r.row_key}/${r.group_label}`;
      const s = scopes.get(scope) ?? { zh: new Set(), en: new Set() };
      s.zh.add(r.label);
      s.en.add(r.label_en);
      scopes.set(scope, s);
    }
    for (const [scope, s] of scopes) expect(s.en.size, scope).toBe(s.zh.size);
  });

  it('carries the translations the template is known by', () => {
    const en = (section: string, key: string, kind = 'row') => rows.find((r) => r.section === section && r.key === key && r.kind === kind)?.label_en;
    expect(en('applications', 'newReceived')).toBe('1. New applications received this year');
    expect(en('applications', 'granted')).toBe('(1) Disclosed in full');
    expect(en('applications', 'naturalPerson', 'column')).toBe('Natural persons');
    expect(en('applications', 'total', 'column')).toBe('Total');
    expect(en('reviewLitigation', 'review')).toBe('Administrative review');
    expect(en('reviewLitigation', 'upheld', 'column')).toBe('Upheld');
    expect(en('reviewLitigation', 'pending', 'column')).toBe('Pending');
    expect(en('sections', 'problems', 'section')).toBe('5. Main problems and improvements');
  });

  it('labelsIn and figureLabels give the language asked for', () => {
    const stored: TemplateLabel[] = rows.map((r) => ({
      section: r.section,
      kind: r.kind,
      template: r.template,
      rowKey: r.row_key,
      key: r.key,
      label: r.label,
      labelEn: r.label_en,
      groupLabel: r.group_label,
      groupLabelEn: r.group_label_en,
      position: r.position,
    }));
    expect(labelsIn(stored, 'zh')).toBe(stored);
    const english = labelsIn(stored, 'en');
    const denied = english.find((l) => l.key === 'deniedStateSecret')!;
    expect(denied).toMatchObject({ label: '1. State secrets', groupLabel: '(3) Not disclosed', labelEn: '1. State secrets' });
    expect(english.every((l) => !CJK.test(l.label) && !CJK.test(l.groupLabel ?? ''))).toBe(true);
    const figure = { rowLabel: '行政复议', rowLabelEn: 'Administrative review', columnLabel: '结果纠正', columnLabelEn: 'Corrected' };
    expect(figureLabels(figure, 'zh')).toEqual({ row: '行政复议', column: '结果纠正' });
    expect(figureLabels(figure, 'en')).toEqual({ row: 'Administrative review', column: 'Corrected' });
  });
});
