/**
 * Ranks of education codes as switch statements (faster than keyed lookups on label tables in the
 * per-member loops). −1 = not a valid code.
 */
import type { AttendingLevel, EducationLevel } from '../standards/fact-codes.ts';

export function educationRank(level: EducationLevel | string): number {
  switch (level) {
    case 'none':
      return 0;
    case 'primary':
      return 1;
    case 'lower_secondary':
      return 2;
    case 'upper_secondary':
      return 3;
    case 'tertiary':
      return 4;
    default:
      return -1;
  }
}

export function attendingRank(level: AttendingLevel | string): number {
  switch (level) {
    case 'preschool':
      return 0;
    case 'primary':
      return 1;
    case 'lower_secondary':
      return 2;
    case 'upper_secondary':
    case 'vocational':
      return 3;
    case 'tertiary':
      return 4;
    default:
      return -1;
  }
}
