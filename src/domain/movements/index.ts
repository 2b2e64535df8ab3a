/**
 * Movements of households between the previous and the current recognised lists (diễn biến hộ nghèo,
 * hộ cận nghèo): per-household classification, F14/F15 flags, counting per unit, and the
 * "newly escaped" windows of policies.
 */
export * from './list-status.ts';
export * from './movement-codes.ts';
export * from './movement-rules.ts';
export * from './classify-movement.ts';
export * from './prior-list-membership.ts';
export * from './movement-tally.ts';
export * from './newly-escaped.ts';
export * from './list-flags.ts';
