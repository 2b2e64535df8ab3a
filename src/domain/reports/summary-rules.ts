/**
 * Conventions the report summaries count by. The forms do not define them in any text we could read
 * (report-forms.md F8, F11, F12: UNCONFIRMED), so they are named values here, not literals in SQL.
 */
export interface SummaryRules {
  /** Ethnic group counted as "Kinh" (majority); every other recorded group is an ethnic minority (DTTS). */
  readonly majorityEthnicGroup: string;
  /** A child is a person younger than this (years, on the list's reference date). UNCONFIRMED: 16. */
  readonly childAgeBelow: number;
  /** Youngest age counted for the child education deprivation (school attendance). UNCONFIRMED: 6. */
  readonly schoolAgeFrom: number;
  /**
   * Member fact (key of member.facts, value true) marking a person with merit to the revolution. The
   * registry has no such field yet: until it does, the "with merit" columns are 0.
   */
  readonly meritFact: string;
}

export const DEFAULT_SUMMARY_RULES: SummaryRules = Object.freeze({
  majorityEthnicGroup: 'Kinh',
  childAgeBelow: 16,
  schoolAgeFrom: 6,
  meritFact: 'personWithMerit',
});

/** List statuses of the unit summary: on the poor / near-poor list, farm household with average living standard, other. */
export const SUMMARY_STATUSES = ['poor', 'near_poor', 'average', 'other'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];
