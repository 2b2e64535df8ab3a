/**
 * Farm average-living-standard household (hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có
 * mức sống trung bình): an average-living-standard household with a qualifying occupation. The
 * occupational test is UNCONFIRMED (parameter `farmOccupations`).
 */
import { FARM_OCCUPATION_LABELS } from '../standards/fact-codes.ts';
import type { PovertyStandard } from '../standards/poverty-standard.ts';
import type { HouseholdInput } from './household-input.ts';
import { ClassificationInputError } from './input-error.ts';

/** Qualifying occupation labels of the household (empty when none qualifies). */
export function qualifyingFarmOccupations(standard: PovertyStandard, h: HouseholdInput): string[] {
  const labels: string[] = [];
  const occupations = h.farmOccupations;
  if (occupations === undefined) return labels;
  for (const o of occupations) {
    const label = FARM_OCCUPATION_LABELS[o];
    if (label === undefined) throw new ClassificationInputError(`Ngành nghề "${o}" không hợp lệ (farmOccupations)`);
    if (standard.parameters.farmOccupations.includes(o)) labels.push(label);
  }
  return labels;
}

/** Explanation sentence for a farm average-living-standard household. */
export function farmNote(labels: readonly string[]): string {
  return `; hộ làm ${labels.join(', ')} → thuộc diện hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình`;
}
