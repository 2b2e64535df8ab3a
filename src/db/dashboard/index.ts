/** Dashboard figures read from the report summary tables, inside the caller's scope. */
export * from './figures.ts';
export * from './settings.ts';
export * from './source.ts';
export * from './unit.ts';
