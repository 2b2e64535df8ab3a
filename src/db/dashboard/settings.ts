/**
 * Dashboard parameters. The 25 % and 40 % poverty-rate bands are the ones steering committees quote
 * (communes "above 40 %" are the especially difficult ones in program documents); they are reporting
 * choices, not legal rules, so they are values here and a query parameter, never literals in queries.
 */
export interface DashboardSettings {
  /** Poor-household rate thresholds, in percent, for the "communes above" counts (ascending). */
  thresholds: readonly number[];
  /** How many of the poorest units are listed. */
  poorestCount: number;
}

export const DEFAULT_DASHBOARD_SETTINGS: DashboardSettings = { thresholds: [25, 40], poorestCount: 10 };
