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
/**
 * At most this many steps of the enumeration, found or not: a run's dead ends (zeros that must
 * stand alone) are bounded too, so a hostile run costs a bounded time. Beyond it the row is unread.
 */
const MAX_STEPS = 50 * MAX_SPLITS;
/**
 * A count has at most 16 digits: Number.MAX_SAFE_INTEGER (2^53 − 1) has 16, and a longer one is
 * no count (it would not even be stored exactly). No split gives a number longer than this, which
 * also keeps the enumeration of a run of thousands of digits short.
 */
export const MAX_DIGITS = String(Number.MAX_SAFE_INTEGER).length;

/** A group: digits printed together (no space inside), e.g. "20", "0000000", "+11", "18651.06". */
const INTEGER = /^[+-]?\d+$/;

/** The groups of printed cells: "0+1" is "0" and "+1" (a sign starts a number of its own). */
export function groupsOf(raws: string[]): string[] {
  return raws.flatMap((r) => r.match(/[+-]?\d+(?:\.\d+)?/g) ?? []);
}

/**
 * Every way to read `groups` (in order) as exactly `width` numbers: each group gives one or more
 * numbers of at most MAX_DIGITS digits; a group that is not a plain integer (a decimal, a signed
 * number) is one number. Returns null when there are more than `cap` ways (or the enumeration
 * takes more than MAX_STEPS steps).
 */
export function splitGroups(groups: string[], width: number, cap = MAX_SPLITS, whole?: boolean[]): number[][] | null {
  const out: number[][] = [];
  const current: number[] = [];
  // Digits of each integer group (0 for a group that is one number whatever it holds: `whole`).
  const digits = groups.map((g, i) => (INTEGER.test(g) && !whole?.[i] ? g.replace(/^[+-]/, '').length : 0));
  // How many numbers the groups from g on can give: at most one per digit, at least one per
  // MAX_DIGITS digits (and one per group).
  const most = new Array<number>(groups.length + 1).fill(0);
  const least = new Array<number>(groups.length + 1).fill(0);
  for (let g = groups.length - 1; g >= 0; g--) {
    most[g] = most[g + 1] + (digits[g] || 1);
    least[g] = least[g + 1] + (digits[g] ? Math.ceil(digits[g] / MAX_DIGITS) : 1);
  }
  let overflow = false;
  let steps = 0;
  const walk = (g: number, at: number) => {
    if (overflow) return;
    if (++steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    if (g === groups.length) {
      if (current.length === width) {
        if (out.length >= cap) overflow = true;
        else out.push(current.slice());
      }
      return;
    }
    const group = groups[g];
    const left = width - current.length;
    if (!digits[g]) {
      if (at > 0 || left < least[g] || left > most[g]) return;
      current.push(Number(group));
      walk(g + 1, 0);
      current.pop();
      return;
    }
    if (at === group.length) return walk(g + 1, 0);
    // A sign belongs to the group's first number; then "0" alone, or digits not starting with 0.
    const sign = at === 0 && (group[0] === '+' || group[0] === '-') ? 1 : 0;
    if (sign) at = 1;
    // The digits still to place must fit in the numbers left.
    const rest = group.length - at;
    if (left < Math.ceil(rest / MAX_DIGITS) + least[g + 1] || left > rest + most[g + 1]) return;
    const maxLen = group[at] === '0' ? 1 : Math.min(rest, MAX_DIGITS);
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

/**
 * Every way to read `values` as `width` cells when each printed value may stand for a run of equal
 * cells: an extractor that prints equal lines next to each other once gives "5" "0" "5" for
 * 5 0 0 0 0 0 5. Values next to each other never repeat in such a text, so a row where they do
 * has no reading. At most C(width − 1, values − 1) readings (3,432 for fifteen cells).
 */
export function expandRepeats(values: number[], width: number): number[][] {
  const out: number[][] = [];
  if (values.length === 0 || values.length > width) return out;
  for (let i = 1; i < values.length; i++) if (values[i] === values[i - 1]) return out;
  const current: number[] = [];
  const walk = (v: number) => {
    const left = values.length - v - 1;
    if (left === 0) {
      const copies = width - current.length;
      for (let k = 0; k < copies; k++) current.push(values[v]);
      out.push(current.slice());
      current.length -= copies;
      return;
    }
    for (let copies = 1; current.length + copies + left <= width; copies++) {
      for (let k = 0; k < copies; k++) current.push(values[v]);
      walk(v + 1);
      current.length -= copies;
    }
  };
  walk(0);
  return out;
}
