/** The one error the format readers throw; index.ts adds the file's name to the message. */
import type { ReadLimits } from './limits';

export type FileFormatErrorCode = 'unsupported' | 'undecodable' | 'scanned' | 'corrupt' | 'too-large';

/** A file that cannot be turned into report text; the message says why in plain words. */
export class FileFormatError extends Error {
  constructor(
    readonly code: FileFormatErrorCode,
    message: string,
    /** For `too-large`: the limit the file passes. */
    readonly limit?: keyof ReadLimits,
  ) {
    super(message);
    this.name = 'FileFormatError';
  }
}
