/**
 * Which texts were copied: each report's overview and problems compared with the same office's
 * previous year, and with the most similar other office of the same year (template copying).
 * Comparing every pair of a year's reports would be quadratic; instead, reports that share whole
 * sentences are candidates, and only the best few candidates are scored exactly.
 */
import { COMPARED_SECTIONS, MIN_CHARS, normalizeForComparison } from './similarity';

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

/**
 * What the comparison needs of one section's text, without the text (the data build keeps one per
 * report in memory until every report is read): its character bigrams, each two UTF-16 code units
 * packed in 32 bits (exact, so the scores are those of similarity.ts's string sets), sorted; and its
 * distinct sentences as 53-bit hashes, in order. Null for a text too short to compare.
 */
export interface SectionSignature {
  bigrams: Uint32Array;
  sentences: Float64Array;
}

export function sectionSignature(text: string | null | undefined): SectionSignature | null {
  if (!text) return null;
  const t = normalizeForComparison(text);
  if (t.length < MIN_CHARS) return null;
  const codes = new Uint32Array(t.length - 1);
  for (let i = 0; i + 1 < t.length; i++) codes[i] = ((t.charCodeAt(i) << 16) | t.charCodeAt(i + 1)) >>> 0;
  codes.sort();
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) codes[n++] = codes[i];
  const sentences = [...new Set(sentencesOf(text).map((s) => hash53(s)))];
  return { bigrams: codes.slice(0, n), sentences: Float64Array.from(sentences) };
}

/** cyrb53: a 53-bit string hash (a number, exact as a Map key); two sentences alike by chance are one in 10^15. */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Jaccard of two sorted sets of bigram codes (similarity.ts's jaccard over the same sets). */
function jaccardSorted(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) (shared++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/** At most this many reports of a shared sentence are looked at (boilerplate is shared by all). */
const GROUP_CAP = 200;
const CANDIDATES = 3;

export function findSimilarities(reports: TextsOfReport[]): Similarity[] {
  return findSimilaritiesOf(
    reports.map((r) => ({ id: r.id, officeId: r.officeId, year: r.year, signatures: Object.fromEntries(COMPARED_SECTIONS.map((s) => [s, sectionSignature(r.sections[s])])) })),
  );
}

export interface SignaturesOfReport {
  id: number;
  officeId: string;
  year: number | null;
  signatures: Partial<Record<(typeof COMPARED_SECTIONS)[number], SectionSignature | null>>;
}

/** findSimilarities over the texts' signatures (in the reports' order, which decides among equals). */
export function findSimilaritiesOf(reports: SignaturesOfReport[]): Similarity[] {
  const out: Similarity[] = [];
  for (const section of COMPARED_SECTIONS) {
    const usable = reports.filter((r) => r.signatures[section]);
    const sig = (r: SignaturesOfReport) => r.signatures[section]!;

    // The same office, the year before.
    const byOfficeYear = new Map(usable.map((r) => [`${r.officeId}\u0000${r.year}`, r]));
    for (const r of usable) {
      if (r.year === null) continue;
      const previous = byOfficeYear.get(`${r.officeId}\u0000${r.year - 1}`);
      if (previous) out.push({ reportId: r.id, section, kind: 'previous-year', otherReportId: previous.id, score: round(jaccardSorted(sig(r).bigrams, sig(previous).bigrams)) });
    }

    // Other offices, the same year: candidates share sentences.
    const byYear = new Map<number | null, SignaturesOfReport[]>();
    for (const r of usable) {
      const group = byYear.get(r.year);
      if (group) group.push(r);
      else byYear.set(r.year, [r]);
    }
    for (const group of byYear.values()) {
      // Reports by their place in the group; a sentence's holders as those places.
      const holders = new Map<number, number[]>();
      group.forEach((r, at) => {
        for (const x of sig(r).sentences) {
          const h = holders.get(x);
          if (!h) holders.set(x, [at]);
          else if (h.length < GROUP_CAP) h.push(at);
        }
      });
      // Offices as numbers: the inner loop compares them for every holder of every sentence.
      const officeNumbers = new Map<string, number>();
      const officeOf = Int32Array.from(group, (r) => {
        let n = officeNumbers.get(r.officeId);
        if (n === undefined) officeNumbers.set(r.officeId, (n = officeNumbers.size));
        return n;
      });
      // Shared sentences counted per other report, in an array reset after each report.
      const shared = new Int32Array(group.length);
      const touched: number[] = [];
      const candidates: number[] = [];
      const before = (a: number, b: number) => shared[a] > shared[b] || (shared[a] === shared[b] && group[a].id < group[b].id);
      group.forEach((r, self) => {
        const office = officeOf[self];
        for (const x of sig(r).sentences) {
          for (const at of holders.get(x)!) {
            if (officeOf[at] === office) continue;
            if (shared[at]++ === 0) touched.push(at);
          }
        }
        // The most shared first, then the lowest id: the first CANDIDATES in that order, picked
        // from the touched reports in one pass (sorting them all cost more than the rest).
        for (const at of touched) {
          if (candidates.length === CANDIDATES && !before(at, candidates[CANDIDATES - 1])) continue;
          let i = Math.min(candidates.length, CANDIDATES - 1);
          for (; i > 0 && before(at, candidates[i - 1]); i--) candidates[i] = candidates[i - 1];
          candidates[i] = at;
        }
        let best: Similarity | null = null;
        for (const at of candidates) {
          const o = group[at];
          const score = round(jaccardSorted(sig(r).bigrams, sig(o).bigrams));
          if (!best || score > best.score) best = { reportId: r.id, section, kind: 'same-year', otherReportId: o.id, score };
        }
        if (best) out.push(best);
        for (const at of touched) shared[at] = 0;
        touched.length = 0;
        candidates.length = 0;
      });
    }
  }
  // Sections and kinds by their place in localeCompare's order, compared as numbers.
  const rank = (values: readonly string[]) => new Map([...values].sort((a, b) => a.localeCompare(b)).map((v, i) => [v, i]));
  const sectionRank = rank(COMPARED_SECTIONS);
  const kindRank = rank(['previous-year', 'same-year']);
  return out.sort((a, b) => a.reportId - b.reportId || sectionRank.get(a.section)! - sectionRank.get(b.section)! || kindRank.get(a.kind)! - kindRank.get(b.kind)!);
}

/** Three decimals: enough to rank, and the database stays byte-identical across machines. */
const round = (x: number) => Math.round(x * 1000) / 1000;
