/** Boundary layers of the choropleth map: import, reading inside a scope, the demo seed. */
export * from './errors.ts';
export * from './import.ts';
export * from './read.ts';
export * from './layer-units.ts';
export { seedDemoBoundaries, SHARED_DATA_DIR, type DemoBoundaryResult } from './demo.ts';
