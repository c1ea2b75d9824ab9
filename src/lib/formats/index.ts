/**
 * From a file's bytes to the text the parser reads. Pure (no fs, no DOM), so the build, the CLI
 * and the browser's "check a report" view share it. Text files here; HTML, DOCX and PDF come next.
 */

/** A file this module cannot turn into report text; the message says why in plain words. */
export class FileFormatError extends Error {
  constructor(
    readonly code: 'unsupported' | 'undecodable',
    message: string,
  ) {
    super(message);
    this.name = 'FileFormatError';
  }
}

export const TEXT_EXTENSIONS = ['.txt', '.md'];
export const SUPPORTED_EXTENSIONS = [...TEXT_EXTENSIONS];

export function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}

/**
 * Text files come in UTF-8 (with or without BOM) and, from older Windows machines, GBK/GB18030:
 * try UTF-8 strictly first, then GB18030 (a superset of GBK).
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      // Neither: let the parser see the damage (it reports binary input clearly).
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
}

export function readReportText(fileName: string, bytes: Uint8Array): string {
  const ext = extensionOf(fileName);
  if (TEXT_EXTENSIONS.includes(ext)) return decodeText(bytes);
  throw new FileFormatError('unsupported', `unsupported file type "${ext || '(none)'}": only ${SUPPORTED_EXTENSIONS.join(', ')} are read`);
}
