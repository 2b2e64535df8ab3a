/** Boundary geometry for the choropleth map: GeoJSON/TopoJSON reading, simplification, code matching. */
export * from './geometry.ts';
export * from './errors.ts';
export * from './geojson.ts';
export * from './topojson.ts';
export * from './simplify.ts';
export * from './code-property.ts';
export * from './boundary-file.ts';
