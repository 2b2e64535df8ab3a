/** Program planning and monitoring (issue 7): structure, indicators, projections, budget rules, report cycle. */
export * from './program-structure.ts';
export * from './fund-sources.ts';
export * from './unit-statuses.ts';
export * from './indicators.ts';
export * from './settings.ts';
export * from './projection.ts';
export * from './money.ts';
export * from './budget-rules.ts';
export * from './report-cycle.ts';
export * from './chart-options.ts';
