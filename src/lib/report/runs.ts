/**
 * Runs of digits whose cells were printed together. A crawler that flattens a table gives
 * "5000005" for the cells 5 0 0 0 0 0 5, or "20 00 0 0 2" with spaces in some places only; a
 * converter may break one number across lines ("1" "62" for 162). Such a run is read by
 * enumerating its splits into the row's number of cells — a number of two or more digits never
 * starts with 0 — and keeping the splits the template's identities allow. The enumeration is
 * bounded (`MAX_SPLITS`): a run that allows more readings than that is not read.
 */

/** At most this many splits of one row are enumerated; beyond it the row is left unread. */
export const MAX_SPLITS = 20000;

/** A group: digits printed together (no space inside), e.g. "20", "0000000", "+11", "18651.06". */
const INTEGER = /^[+-]?\d+$/;

/** The groups of printed cells: "0+1" is "0" and "+1" (a sign starts a number of its own). */
export function groupsOf(raws: string[]): string[] {
  return raws.flatMap((r) => r.match(/[+-]?\d+(?:\.\d+)?/g) ?? []);
}

/**
 * Every way to read `groups` (in order) as exactly `width` numbers: each group gives one or more
 * numbers; a group that is not a plain integer (a decimal, a signed number) is one number.
 * Returns null when there are more than `cap` ways.
 */
export function splitGroups(groups: string[], width: number, cap = MAX_SPLITS): number[][] | null {
  const out: number[][] = [];
  const current: number[] = [];
  // Digits still to come after group g: a bound on how many numbers the rest can give.
  const room = new Array<number>(groups.length + 1).fill(0);
  for (let g = groups.length - 1; g >= 0; g--) room[g] = room[g + 1] + (INTEGER.test(groups[g]) ? groups[g].replace(/^[+-]/, '').length : 1);
  let overflow = false;
  const walk = (g: number, at: number) => {
    if (overflow) return;
    if (g === groups.length) {
      if (current.length === width) {
        if (out.length >= cap) overflow = true;
        else out.push(current.slice());
      }
      return;
    }
    const group = groups[g];
    const left = width - current.length;
    // Each remaining group gives at least one number and at most its digits.
    if (left < groups.length - g || left > room[g]) return;
    if (!INTEGER.test(group)) {
      if (at > 0) return;
      current.push(Number(group));
      walk(g + 1, 0);
      current.pop();
      return;
    }
    if (at === group.length) return walk(g + 1, 0);
    // A sign belongs to the group's first number; then "0" alone, or digits not starting with 0.
    const sign = at === 0 && (group[0] === '+' || group[0] === '-') ? 1 : 0;
    if (sign) at = 1;
    const maxLen = group[at] === '0' ? 1 : group.length - at;
    for (let len = 1; len <= maxLen; len++) {
      const n = Number(group.slice(at, at + len));
      current.push(sign && group[0] === '-' ? -n : n);
      if (at + len === group.length) walk(g + 1, 0);
      else walk(g, at + len);
      current.pop();
      if (overflow) return;
    }
  };
  walk(0, 0);
  return overflow ? null : out;
}

/**
 * A row's readings: its groups split as printed; where there are more groups than cells (a number
 * broken across cells, "1" "62"), the digits joined and split again.
 */
export function splitRun(groups: string[], width: number): number[][] | null {
  const all = splitGroups(groups, width);
  return all && all.length === 0 && groups.length > width ? splitGroups([groups.join('')], width) : all;
}

/** "5,0,0,0,0,0,5 or 50,0,0,0,0,0,5": readings for a warning, at most four. */
export function describeReadings(readings: number[][]): string {
  const shown = readings.slice(0, 4).map((r) => r.join(','));
  return shown.join(' or ') + (readings.length > 4 ? ` (and ${readings.length - 4} more)` : '');
}

/** True when every digit of the groups is 0: fewer cells than columns can then only be zeros. */
export function allZero(groups: string[]): boolean {
  return groups.every((g) => /^[0.]+$/.test(g));
}
