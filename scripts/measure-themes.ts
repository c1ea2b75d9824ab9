/**
 * Measures the problem-theme classifier on a file of hand-labelled sentences.
 *   npx tsx scripts/measure-themes.ts FILE.json [--misses]
 * FILE: {"items": [{"id", "text", "themes": [...]}, ...]} as in tests/fixtures/problem-sentences*.json.
 * For sets that cannot be committed (sentences quoted from published reports stay outside the
 * project), and for a first look at a new held-out set. --misses lists the sentences classified
 * differently from their labels (reading them ends a set's use as a blind check).
 */
import { readFileSync } from 'node:fs';
import { THEME_KEYS } from '../src/lib/analysis/themes.ts';
import { scoreTable, scoreThemes, themeMisses, type LabelledSentence } from './lib/theme-scores.ts';

function main(argv: string[]): number {
  const file = argv.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npx tsx scripts/measure-themes.ts FILE.json [--misses]\n');
    return 2;
  }
  let items: LabelledSentence[];
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { items?: unknown };
    if (!Array.isArray(raw.items)) throw new Error('no "items" array');
    items = raw.items as LabelledSentence[];
    const unknown = items.flatMap((i) => i.themes.filter((t) => !THEME_KEYS.includes(t)).map((t) => `${i.id}: ${t}`));
    if (unknown.length) throw new Error(`unknown themes: ${unknown.join(', ')}`);
  } catch (e) {
    process.stderr.write(`${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const scores = scoreThemes(items);
  process.stdout.write(`${file}: ${items.length} sentences\n${scoreTable([{ name: 'set', scores }])}\n`);
  const below = THEME_KEYS.filter((t) => scores[t].n >= 5 && (scores[t].precision < 0.8 || scores[t].recall < 0.8));
  process.stdout.write(`themes with ≥ 5 examples below 0.8: ${below.length ? below.join(', ') : 'none'}\n`);
  if (argv.includes('--misses')) process.stdout.write(`${themeMisses(items).join('\n')}\n`);
  return 0;
}

process.exit(main(process.argv.slice(2)));
