/**
 * A file-level refusal (unreadable file, wrong encoding, no known header, missing required column): a
 * stable code of src/domain/import/file-messages.ts and its parameters. Cell-level problems are never
 * thrown; they are rows of the error report.
 */
import type { FileErrorCode } from '../../domain/import/file-messages.ts';

export class ImportFileError extends Error {
  override name = 'ImportFileError';
  constructor(
    readonly code: FileErrorCode,
    readonly params: Record<string, string | number>,
  ) {
    super(code);
  }
}
