/**
 * Farm average-living-standard household (hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có
 * mức sống trung bình): an average-living-standard household with a qualifying occupation. The
 * occupational test is UNCONFIRMED (parameter `farmOccupations`).
 */
import { FARM_OCCUPATION_LABELS } from '../standards/fact-codes.ts';
import type { PovertyStandard } from '../standards/poverty-standard.ts';
import type { HouseholdInput } from './household-input.ts';
import { ClassificationInputError } from './input-error.ts';

const cache = new WeakMap<PovertyStandard, ReadonlySet<string>>();

function qualifying(standard: PovertyStandard): ReadonlySet<string> {
  let set = cache.get(standard);
  if (set === undefined) {
    set = new Set<string>(standard.parameters.farmOccupations);
    cache.set(standard, set);
  }
  return set;
}

/** Qualifying occupation labels of the household joined with ", " ('' when none qualifies). */
export function qualifyingFarmOccupations(standard: PovertyStandard, h: HouseholdInput): string {
  const occupations = h.farmOccupations;
  if (occupations === undefined || occupations.length === 0) return '';
  const allowed = qualifying(standard);
  let labels = '';
  for (let i = 0; i < occupations.length; i++) {
    const o = occupations[i];
    const label = FARM_OCCUPATION_LABELS[o];
    if (label === undefined) throw new ClassificationInputError(`Ngành nghề "${o}" không hợp lệ (farmOccupations)`);
    if (allowed.has(o)) labels += (labels === '' ? '' : ', ') + label;
  }
  return labels;
}

/** Explanation sentence for a farm average-living-standard household. */
export function farmNote(labels: string): string {
  return `; hộ làm ${labels} → thuộc diện hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình`;
}
