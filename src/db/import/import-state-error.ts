/** A refused step of an import job (commit of a file with findings, of a job not validated, …): a server message code and its parameters. */
export type ImportStateCode = 'job_not_validated' | 'job_has_errors' | 'campaign_not_found' | 'campaign_required';

export class ImportStateError extends Error {
  override name = 'ImportStateError';
  constructor(
    readonly code: ImportStateCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}
