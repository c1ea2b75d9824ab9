/**
 * Bounds on the work one file may cause. A file is refused (FileFormatError `too-large`) as soon
 * as it is seen to pass one, before the work it would cost: a 1 MB zip bomb would otherwise
 * inflate to gigabytes, a page of millions of tags build a tree of gigabytes. The defaults are
 * far above any real report (the largest seen are a few hundred KB, thirty pages, 100,000
 * characters); the data build and the parse CLI raise them with the flags below.
 */
import { FileFormatError } from './errors';

export interface ReadLimits {
  /** The file's size in bytes. */
  maxInputBytes: number;
  /** Bytes inflated from a Word file's zip (the parts read, together) or from a PDF's Flate streams (all, together); counted as they come out, whatever the file declares. */
  maxUncompressedBytes: number;
  /** Markup tags (each "<") of a web page or of a Word file's XML parts: what the tree built from them costs. */
  maxMarkupTags: number;
  /** Pages of a PDF: a longer one is refused before any page is read. */
  maxPdfPages: number;
  /** Characters of text extracted. */
  maxTextChars: number;
}

const MB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxInputBytes: 50 * MB,
  maxUncompressedBytes: 64 * MB,
  maxMarkupTags: 1_000_000,
  maxPdfPages: 500,
  maxTextChars: 5_000_000,
});

/** Each limit's flag in the data build and the parse CLI, and the unit the flag counts in. */
export const LIMIT_FLAGS: Readonly<Record<keyof ReadLimits, { flag: string; unit: number; what: string }>> = Object.freeze({
  maxInputBytes: { flag: '--max-file-mb', unit: MB, what: "a file's size" },
  maxUncompressedBytes: { flag: '--max-uncompressed-mb', unit: MB, what: "the bytes a Word file's parts or a PDF's streams inflate to" },
  maxMarkupTags: { flag: '--max-tags', unit: 1, what: 'the markup tags of a page or Word file' },
  maxPdfPages: { flag: '--max-pdf-pages', unit: 1, what: "a PDF's pages" },
  maxTextChars: { flag: '--max-text-chars', unit: 1, what: 'the characters of text extracted' },
});

/** The defaults with the given overrides. */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  const limits = { ...DEFAULT_READ_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof ReadLimits, number | undefined][]) if (value !== undefined) limits[key] = value;
  return limits;
}

/** "64 MB", "5.1 KB", "1,000,000": a limit or a value found, in the unit its flag counts in (bytes below a megabyte in KB). */
export function formatAmount(limit: keyof ReadLimits, value: number): string {
  const { unit } = LIMIT_FLAGS[limit];
  if (unit === 1) return value.toLocaleString('en-US');
  if (value < MB) return `${(value / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
  const units = value / unit;
  return `${units.toLocaleString('en-US', { maximumFractionDigits: units < 10 ? 2 : 1 })} MB`;
}

/**
 * The refusal: what was found (`found`: "the file is 2,048 MB", "word/document.xml inflates to
 * more than 64 MB"), the limit it passes and how to raise it.
 */
export function tooLarge(limit: keyof ReadLimits, found: string, limits: ReadLimits): FileFormatError {
  const { flag, what } = LIMIT_FLAGS[limit];
  return new FileFormatError(
    'too-large',
    `too large: ${found}, over the limit of ${formatAmount(limit, limits[limit])} on ${what} (${limit}); if the file is genuine, raise the limit with ${flag} in build:data or parse`,
    limit,
  );
}

/** Refuses a file by its size alone, before its bytes are read (the build and the browser know the size first). */
export function checkInputSize(size: number, limits: ReadLimits = DEFAULT_READ_LIMITS): void {
  if (size > limits.maxInputBytes) throw tooLarge('maxInputBytes', `the file is ${formatAmount('maxInputBytes', size)}`, limits);
}

/** Refuses text past maxTextChars. */
export function checkTextLength(length: number, limits: ReadLimits): void {
  if (length > limits.maxTextChars) throw tooLarge('maxTextChars', `the text extracted is ${formatAmount('maxTextChars', length)} characters`, limits);
}

/** The "<" in bytes or text: a markup's tags, counted without parsing. */
export function countTags(data: Uint8Array | string): number {
  let n = 0;
  if (typeof data === 'string') {
    for (let i = data.indexOf('<'); i !== -1; i = data.indexOf('<', i + 1)) n++;
  } else {
    for (let i = data.indexOf(0x3c); i !== -1; i = data.indexOf(0x3c, i + 1)) n++;
  }
  return n;
}

export function checkTagCount(count: number, where: string, limits: ReadLimits): void {
  if (count > limits.maxMarkupTags) throw tooLarge('maxMarkupTags', `${where} has ${formatAmount('maxMarkupTags', count)} tags`, limits);
}
