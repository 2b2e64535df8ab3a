/**
 * Review workflow storage (issue 4): campaigns, commune reviews and their records, the province board,
 * monthly applications, the recognised lists and the movements between years. Every read and write
 * passes the caller's scope to src/db/scope-filter.ts; every write is audited in its transaction.
 * See docs/review-api.md.
 */
export * from './caller.ts';
export * from './errors.ts';
export * from './dates.ts';
export * from './campaigns.ts';
export * from './board.ts';
export * from './lateness.ts';
export * from './review-load.ts';
export * from './context.ts';
export * from './view.ts';
export * from './transitions.ts';
export * from './lists.ts';
export * from './listing.ts';
export * from './meetings.ts';
export * from './files.ts';
export * from './review-records.ts';
export * from './complaint-records.ts';
export * from './complaints.ts';
export * from './monthly-applications.ts';
export * from './monthly-records.ts';
export * from './monthly-transitions.ts';
export * from './movements.ts';
export * from './newly-escaped.ts';
