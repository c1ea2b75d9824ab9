/**
 * Which texts were copied: each report's overview and problems compared with the same office's
 * previous year, and with the most similar other office of the same year (template copying).
 * Comparing every pair of a year's reports would be quadratic; instead, reports that share whole
 * sentences are candidates, and only the best few candidates are scored exactly.
 */
import { bigrams, COMPARED_SECTIONS, jaccard, MIN_CHARS, normalizeForComparison } from './similarity';

export interface TextsOfReport {
  id: number;
  officeId: string;
  year: number | null;
  sections: Partial<Record<(typeof COMPARED_SECTIONS)[number], string | null>>;
}

export interface Similarity {
  reportId: number;
  section: (typeof COMPARED_SECTIONS)[number];
  kind: 'previous-year' | 'same-year';
  otherReportId: number;
  score: number;
}

/** Sentences long enough to say something: shared ones make two reports candidates. */
function sentencesOf(text: string): string[] {
  return text
    .split(/[。；;！？!?\n]/)
    .map(normalizeForComparison)
    .filter((s) => s.length >= 12);
}

/** At most this many reports of a shared sentence are looked at (boilerplate is shared by all). */
const GROUP_CAP = 200;
const CANDIDATES = 3;

export function findSimilarities(reports: TextsOfReport[]): Similarity[] {
  const out: Similarity[] = [];
  for (const section of COMPARED_SECTIONS) {
    const usable = reports.filter((r) => {
      const t = r.sections[section];
      return t && normalizeForComparison(t).length >= MIN_CHARS;
    });
    const grams = new Map<number, Set<string>>();
    const gramsOf = (r: TextsOfReport) => {
      let g = grams.get(r.id);
      if (!g) grams.set(r.id, (g = bigrams(r.sections[section]!)));
      return g;
    };

    // The same office, the year before.
    const byOfficeYear = new Map(usable.map((r) => [`${r.officeId}\u0000${r.year}`, r]));
    for (const r of usable) {
      if (r.year === null) continue;
      const previous = byOfficeYear.get(`${r.officeId}\u0000${r.year - 1}`);
      if (previous) out.push({ reportId: r.id, section, kind: 'previous-year', otherReportId: previous.id, score: round(jaccard(gramsOf(r), gramsOf(previous))) });
    }

    // Other offices, the same year: candidates share sentences.
    const byYear = new Map<number | null, TextsOfReport[]>();
    for (const r of usable) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
    for (const group of byYear.values()) {
      const holders = new Map<string, TextsOfReport[]>();
      const sentences = new Map<number, string[]>();
      for (const r of group) {
        const s = [...new Set(sentencesOf(r.sections[section]!))];
        sentences.set(r.id, s);
        for (const x of s) {
          const h = holders.get(x) ?? [];
          if (h.length < GROUP_CAP) h.push(r);
          holders.set(x, h);
        }
      }
      for (const r of group) {
        const shared = new Map<TextsOfReport, number>();
        for (const x of sentences.get(r.id)!) for (const o of holders.get(x)!) if (o.officeId !== r.officeId) shared.set(o, (shared.get(o) ?? 0) + 1);
        const candidates = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0].id - b[0].id).slice(0, CANDIDATES);
        let best: Similarity | null = null;
        for (const [o] of candidates) {
          const score = round(jaccard(gramsOf(r), gramsOf(o)));
          if (!best || score > best.score) best = { reportId: r.id, section, kind: 'same-year', otherReportId: o.id, score };
        }
        if (best) out.push(best);
      }
    }
  }
  return out.sort((a, b) => a.reportId - b.reportId || a.section.localeCompare(b.section) || a.kind.localeCompare(b.kind));
}

/** Three decimals: enough to rank, and the database stays byte-identical across machines. */
const round = (x: number) => Math.round(x * 1000) / 1000;
