/** A synthetic collection for tests that need many offices: distinct streets of the national code list, each reporting every year given. */
import type { InputFile } from '../../scripts/lib/build-database';
import { loadDivisionList } from '../../scripts/lib/divisions';
import { LAYOUTS, mulberry32, officePicker, pick, syntheticReport, type Layout, type Rng } from '../../scripts/lib/synthetic';

export function syntheticCollection(options: { seed: number; offices: number; years: number[]; layout?: (office: number, rng: Rng) => Layout }): InputFile[] {
  const rng = mulberry32(options.seed);
  const nextOffice = officePicker(loadDivisionList());
  // Distinct offices: the same office twice would make duplicate reports.
  const offices = new Map<string, ReturnType<typeof nextOffice>>();
  while (offices.size < options.offices) {
    const o = nextOffice(rng);
    offices.set(`${o.city}/${o.district}/${o.name}`, o);
  }
  const layoutOf = options.layout ?? ((_: number, r: Rng) => pick(r, LAYOUTS));
  const files: InputFile[] = [];
  for (const [i, office] of [...offices.values()].entries()) {
    for (const year of options.years) {
      const { text } = syntheticReport(rng, { template: '2021', layout: layoutOf(i, rng), office, year, sparsity: 0.5 });
      const bytes = new TextEncoder().encode(text);
      files.push({ path: `${String(i).padStart(4, '0')}-${year}.txt`, read: () => bytes });
    }
  }
  return files;
}
