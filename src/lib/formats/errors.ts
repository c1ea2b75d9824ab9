/** The one error the format readers throw; index.ts adds the file's name to the message. */

export type FileFormatErrorCode = 'unsupported' | 'undecodable' | 'scanned' | 'corrupt';

/** A file that cannot be turned into report text; the message says why in plain words. */
export class FileFormatError extends Error {
  constructor(
    readonly code: FileFormatErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FileFormatError';
  }
}
