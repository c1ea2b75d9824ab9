/** The compact code list the browser fetches places reports exactly as the full one does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactDivisionList, expandDivisionList, parseReport } from '../src/lib/report';
import { loadDivisionList } from '../scripts/lib/divisions';
import { SEEDS_DIR, truthCases } from './helpers/corpus';

describe('compact division list', () => {
  const full = loadDivisionList();
  const expanded = expandDivisionList(JSON.parse(JSON.stringify(compactDivisionList(full))));

  it('expands back to the same list', () => {
    expect(expanded).toEqual(full);
    expect(expanded.streets.length).toBeGreaterThan(40_000);
  });

  it('places every seed as the full list does', () => {
    for (const c of truthCases(SEEDS_DIR)) {
      const text = readFileSync(join(SEEDS_DIR, c.name), 'utf8');
      const a = parseReport(text, { divisions: full });
      const b = parseReport(text, { divisions: expanded });
      expect([b.region, b.divisionCode], c.name).toEqual([a.region, a.divisionCode]);
      expect(b.divisionCode).not.toBeNull();
    }
  });
});
