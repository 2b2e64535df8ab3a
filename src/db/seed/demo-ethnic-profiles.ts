/**
 * Demographic and living-condition tendencies of the ethnic groups of Lai Châu used by the demo
 * generator: household size, age at marriage, schooling, and how far the group's households lean
 * towards deprivation (added to the commune's level). Orders of magnitude follow the 2019 census and
 * the 53-ethnic-minority survey (larger Mông, Hà Nhì and La Hủ households, earlier marriage, lower
 * upper-secondary completion in remote groups); the exact numbers are illustrative, not statistics.
 */
import type { EthnicGroup } from './demo-names.ts';

export interface EthnicProfile {
  /** Mean household size (persons). */
  meanSize: number;
  /** Typical age of women at their first child. */
  firstChildAge: number;
  /** Share of households headed by a woman. */
  femaleHeadShare: number;
  /** Share of households with a grandparent living in. */
  threeGenerationShare: number;
  /** Shift of the household deprivation propensity (0 = commune average). */
  propensity: number;
  /** Log-odds shift of completing upper secondary (18–30). */
  schooling: number;
  /** Share of elderly people recorded with the birth year only. */
  yearOnlyShare: number;
  /** Traditional house on stilts or earth walls more common (housing materials). */
  traditionalHousing: number;
}

export const ETHNIC_PROFILES: Readonly<Record<EthnicGroup, EthnicProfile>> = {
  Kinh: { meanSize: 3.7, firstChildAge: 24, femaleHeadShare: 0.2, threeGenerationShare: 0.15, propensity: -0.6, schooling: 1.2, yearOnlyShare: 0.05, traditionalHousing: 0 },
  Thái: { meanSize: 4.4, firstChildAge: 21, femaleHeadShare: 0.12, threeGenerationShare: 0.3, propensity: -0.1, schooling: 0.2, yearOnlyShare: 0.25, traditionalHousing: 0.5 },
  Giáy: { meanSize: 4.3, firstChildAge: 22, femaleHeadShare: 0.12, threeGenerationShare: 0.28, propensity: -0.2, schooling: 0.4, yearOnlyShare: 0.2, traditionalHousing: 0.3 },
  Lự: { meanSize: 4.4, firstChildAge: 21, femaleHeadShare: 0.1, threeGenerationShare: 0.3, propensity: 0.1, schooling: 0, yearOnlyShare: 0.3, traditionalHousing: 0.6 },
  'Khơ Mú': { meanSize: 4.6, firstChildAge: 20, femaleHeadShare: 0.1, threeGenerationShare: 0.3, propensity: 0.3, schooling: -0.3, yearOnlyShare: 0.35, traditionalHousing: 0.6 },
  Dao: { meanSize: 5.0, firstChildAge: 20, femaleHeadShare: 0.08, threeGenerationShare: 0.35, propensity: 0.2, schooling: -0.3, yearOnlyShare: 0.35, traditionalHousing: 0.7 },
  Mông: { meanSize: 5.9, firstChildAge: 19, femaleHeadShare: 0.06, threeGenerationShare: 0.4, propensity: 0.4, schooling: -0.8, yearOnlyShare: 0.45, traditionalHousing: 0.8 },
  'Hà Nhì': { meanSize: 5.6, firstChildAge: 20, femaleHeadShare: 0.06, threeGenerationShare: 0.45, propensity: 0.4, schooling: -0.6, yearOnlyShare: 0.45, traditionalHousing: 0.9 },
  'La Hủ': { meanSize: 5.3, firstChildAge: 19, femaleHeadShare: 0.06, threeGenerationShare: 0.35, propensity: 0.6, schooling: -1.1, yearOnlyShare: 0.55, traditionalHousing: 0.9 },
  Cống: { meanSize: 4.8, firstChildAge: 20, femaleHeadShare: 0.08, threeGenerationShare: 0.35, propensity: 0.4, schooling: -0.6, yearOnlyShare: 0.45, traditionalHousing: 0.8 },
  Mảng: { meanSize: 5.0, firstChildAge: 19, femaleHeadShare: 0.08, threeGenerationShare: 0.35, propensity: 0.5, schooling: -0.8, yearOnlyShare: 0.5, traditionalHousing: 0.8 },
  'Si La': { meanSize: 4.9, firstChildAge: 20, femaleHeadShare: 0.08, threeGenerationShare: 0.35, propensity: 0.4, schooling: -0.6, yearOnlyShare: 0.45, traditionalHousing: 0.8 },
};

/** Codes (first three digits of the personal identification number) of provinces people moved from. */
export const BIRTH_PROVINCE_CODES: Readonly<Record<string, string>> = {
  '012': 'Lai Châu',
  '011': 'Điện Biên',
  '010': 'Lào Cai',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '034': 'Thái Bình',
  '036': 'Nam Định',
  '035': 'Hà Nam',
  '030': 'Hải Dương',
  '033': 'Hưng Yên',
  '001': 'Hà Nội',
  '038': 'Thanh Hóa',
};

const KINH_OLDER: Readonly<Record<string, number>> = { '012': 30, '034': 14, '036': 12, '035': 6, '030': 6, '033': 5, '001': 4, '038': 5, '011': 6, '010': 6, '014': 6 };
const KINH_YOUNGER: Readonly<Record<string, number>> = { '012': 80, '011': 4, '010': 4, '014': 4, '034': 3, '036': 3, '001': 2 };
const LOCAL_OLDER: Readonly<Record<string, number>> = { '012': 84, '011': 8, '010': 5, '014': 3 };
const LOCAL_YOUNGER: Readonly<Record<string, number>> = { '012': 94, '011': 3, '010': 2, '014': 1 };

/** Where a person was registered at birth: almost always Lai Châu; many older Kinh came from the delta. */
export function birthProvinceWeights(group: EthnicGroup, birthYear: number): Readonly<Record<string, number>> {
  if (group === 'Kinh') return birthYear < 1990 ? KINH_OLDER : KINH_YOUNGER;
  return birthYear < 1975 ? LOCAL_OLDER : LOCAL_YOUNGER;
}
