/**
 * Why a boundary file cannot be read. The key names a message of the server's dashboard area
 * (src/server/message-areas/dashboard.ts), the params fill it (feature number, property, value).
 */
export type BoundaryErrorKey =
  | 'boundary_not_json'
  | 'boundary_unknown_format'
  | 'boundary_no_features'
  | 'boundary_topology_object'
  | 'boundary_topology_arcs'
  | 'boundary_arc_index'
  | 'boundary_geometry_type'
  | 'boundary_coordinates'
  | 'boundary_ring';

export class BoundaryFileError extends Error {
  override name = 'BoundaryFileError';
  constructor(
    readonly key: BoundaryErrorKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}
