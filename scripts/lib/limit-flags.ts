/** The readers' limits as command-line flags, shared by the data build and the parse CLI. */
import { DEFAULT_READ_LIMITS, LIMIT_FLAGS, type ReadLimits } from '../../src/lib/formats/index.ts';

const BY_FLAG = new Map(Object.entries(LIMIT_FLAGS).map(([key, { flag, unit }]) => [flag, { key: key as keyof ReadLimits, unit }]));

/** "[--max-file-mb 50] …": the flags with their defaults, for a usage line. */
export const LIMIT_USAGE = [...BY_FLAG].map(([flag, { key, unit }]) => `[${flag} ${DEFAULT_READ_LIMITS[key] / unit}]`).join(' ');

export const isLimitFlag = (arg: string) => BY_FLAG.has(arg);

/** One flag's value into `limits`; throws on a value that is no positive number. */
export function setLimit(limits: Partial<ReadLimits>, flag: string, value: string | undefined): void {
  const { key, unit } = BY_FLAG.get(flag)!;
  const n = Number(value);
  if (value === undefined || !(n > 0)) throw new Error(`${flag} needs a positive number, not "${value ?? ''}"`);
  limits[key] = Math.round(n * unit);
}
