/** Why a boundary import wrote nothing (message keys of src/server/message-areas/dashboard.ts). */
export type BoundaryImportErrorKey = 'boundary_no_units' | 'boundary_property_unknown' | 'boundary_nothing_matched';

export class BoundaryImportError extends Error {
  override name = 'BoundaryImportError';
  constructor(
    readonly key: BoundaryImportErrorKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}
