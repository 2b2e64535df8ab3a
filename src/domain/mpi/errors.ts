/**
 * Error raised for invalid MPI input (weights, cutoff, rows, CSV). Messages are Vietnamese-first and
 * meant to be shown to the user as they are; `code` is a stable machine-readable tag.
 */
export class MpiInputError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'MpiInputError';
    this.code = code;
  }
}
