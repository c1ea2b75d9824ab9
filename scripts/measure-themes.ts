/**
 * Measures the problem-theme classifier on a file of hand-labelled sentences.
 *   npx tsx scripts/measure-themes.ts FILE.json [--misses] [--second-annotator OTHER.json]
 * FILE: {"items": [{"id", "text", "themes": [...]}, ...]} as in tests/fixtures/problem-sentences*.json.
 * For sets that cannot be committed (sentences quoted from published reports stay outside the
 * project), and for a first look at a new held-out set. --misses lists the sentences classified
 * differently from their labels (reading them ends a set's use as a blind check).
 * --second-annotator: the same sentences labelled by someone else, alone; their labels are scored
 * against FILE's like the classifier's, which shows how far two careful people agree (the ceiling
 * a classifier can be held to), and the classifier is scored against them too.
 */
import { readFileSync } from 'node:fs';
import { THEME_KEYS } from '../src/lib/analysis/themes.ts';
import type { ThemeKey } from '../src/lib/analysis/themes.ts';
import { scoreTable, scoreThemes, themeMisses, type LabelledSentence, type ThemeScore } from './lib/theme-scores.ts';

function readSet(file: string): LabelledSentence[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { items?: unknown };
  if (!Array.isArray(raw.items)) throw new Error('no "items" array');
  const items = raw.items as LabelledSentence[];
  const unknown = items.flatMap((i) => i.themes.filter((t) => !THEME_KEYS.includes(t)).map((t) => `${i.id}: ${t}`));
  if (unknown.length) throw new Error(`unknown themes: ${unknown.join(', ')}`);
  return items;
}

const below = (scores: Record<ThemeKey, ThemeScore>) =>
  THEME_KEYS.filter((t) => scores[t].n >= 5 && (scores[t].precision < 0.8 || scores[t].recall < 0.8));

function main(argv: string[]): number {
  const at = argv.indexOf('--second-annotator');
  const secondFile = at >= 0 ? argv[at + 1] : undefined;
  const file = argv.find((a, i) => !a.startsWith('--') && !(at >= 0 && i === at + 1));
  if (!file || (at >= 0 && !secondFile)) {
    process.stderr.write('usage: npx tsx scripts/measure-themes.ts FILE.json [--misses] [--second-annotator OTHER.json]\n');
    return 2;
  }
  let items: LabelledSentence[];
  let second: LabelledSentence[] | undefined;
  try {
    items = readSet(file);
  } catch (e) {
    process.stderr.write(`${file}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    second = secondFile ? readSet(secondFile) : undefined;
  } catch (e) {
    process.stderr.write(`${secondFile}: ${(e as Error).message}\n`);
    return 1;
  }
  const scores = scoreThemes(items);
  const columns: { name: string; scores: Record<ThemeKey, ThemeScore> }[] = [{ name: 'classif.', scores }];
  if (second) {
    const byId = new Map(second.map((i) => [i.id, i]));
    const missing = items.filter((i) => byId.get(i.id)?.text !== i.text).map((i) => i.id);
    if (missing.length) {
      process.stderr.write(`${secondFile}: ${missing.length} sentences missing or with another text (${missing.slice(0, 5).join(', ')}…)\n`);
      return 1;
    }
    columns.push({ name: 'person 2', scores: scoreThemes(items, (i) => byId.get(i.id)!.themes) });
    columns.push({ name: 'c. vs 2', scores: scoreThemes(second) });
  }
  process.stdout.write(`${file}: ${items.length} sentences${second ? `; person 2: ${secondFile}` : ''}\n`);
  if (second) process.stdout.write('classif. = the classifier against FILE; person 2 = the second annotator against FILE; c. vs 2 = the classifier against the second annotator\n');
  process.stdout.write(`${scoreTable(columns)}\n`);
  for (const c of columns) process.stdout.write(`${c.name}: themes with ≥ 5 examples below 0.8: ${below(c.scores).join(', ') || 'none'}\n`);
  if (argv.includes('--misses')) process.stdout.write(`${themeMisses(items).join('\n')}\n`);
  return 0;
}

process.exit(main(process.argv.slice(2)));
