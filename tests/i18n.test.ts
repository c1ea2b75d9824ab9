import { afterEach, describe, expect, test } from 'vitest';
import { GLOSSARY, glossary, TERM_KEYS } from '../src/lib/app/glossary';
import { language, t } from '../src/lib/app/i18n.svelte';

afterEach(() => {
  language.current = 'zh';
});

describe('English plurals', () => {
  test('a count of 1 takes the singular, others the plural', () => {
    language.current = 'en';
    expect(t('rates.excluded', { n: 1, min: 10 })).toBe('1 more office has fewer than 10 cases and is not listed.');
    expect(t('rates.excluded', { n: 3, min: 10 })).toBe('3 more offices have fewer than 10 cases and are not listed.');
    expect(t('offices.count', { n: 1 })).toBe('1 office');
    expect(t('offices.count', { n: 0 })).toBe('0 offices');
    expect(t('quality.count', { n: 1 })).toBe('1 report has problems matching the selection.');
    expect(t('office.checks.allOk', { n: 1 })).toBe('It adds up.');
    expect(t('office.checks.allOk', { n: 12 })).toBe('All 12 add up.');
  });

  test('a count given as text (already formatted) takes the plural; Chinese has one form', () => {
    language.current = 'en';
    expect(t('collection.moreInCsv', { n: '2,400' })).toBe('2,400 more files are not listed here: see the file list CSV.');
    language.current = 'zh';
    expect(t('offices.count', { n: 1 })).toBe('共 1 个机关');
    expect(t('offices.count', { n: 2 })).toBe('共 2 个机关');
  });

  test('a count is written as counts are, with separators; other values as given', () => {
    expect(t('quality.count', { n: 84794 })).toBe('84,794 份报告有符合条件的问题。');
    expect(t('source.position', { from: 12001, to: 12040, n: 50000 })).toBe('第 12001–12040 行，共 50,000 行'); // (the view formats its line numbers itself)
    language.current = 'en';
    expect(t('offices.count', { n: 15437 })).toBe('15,437 offices');
  });
});

describe('glossary', () => {
  test('every term is explained in both languages', () => {
    for (const key of TERM_KEYS) {
      for (const lang of ['zh', 'en'] as const) {
        expect(GLOSSARY[key][lang].term.length, `${key} ${lang}`).toBeGreaterThan(0);
        expect(GLOSSARY[key][lang].text.length, `${key} ${lang}`).toBeGreaterThan(20);
      }
    }
  });

  test('glossary() follows the interface language', () => {
    expect(glossary('identities').term).toBe('勾稽关系');
    language.current = 'en';
    expect(glossary('identities').term).toBe('Identities (勾稽关系)');
  });
});
