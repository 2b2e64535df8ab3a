/**
 * Calibration of the demo province, Lai Châu (code 12, 2025 layout: 36 communes and 2 wards).
 *
 * Per commune: relative size (households), remoteness, ethnic mix, village style, the communes merged
 * into it on 1 July 2025 (used for village names), and the relative poverty and near-poverty of the
 * 2024 review. The relative rates are scaled once over the whole table so that the province-level
 * rates of the 2024 review (lists of 2025) are the published order of magnitude: about 19 % poor and
 * 9 % near-poor. Highland communes of the former Mường Tè, Nậm Nhùn, Sìn Hồ and Phong Thổ districts
 * sit far above, the district-town communes and the two wards of the provincial city far below.
 * The relative figures are plausible, not statistics of any commune.
 */
import type { EthnicGroup } from './demo-names.ts';
import type { VillageStyle } from './demo-names.ts';

export const DEMO_PROVINCE_CODE = '12';

/** Province-level targets of the 2024 review (share of households on the 2025 lists). */
export const PROVINCE_TARGETS = { poor: 0.19, nearPoor: 0.09 } as const;

export interface CommuneProfile {
  code: string;
  name: string;
  /** Relative number of households. */
  size: number;
  /** 0 = provincial city … 1 = most remote highland commune. */
  remoteness: number;
  /** Relative poverty rate of the 2024 review (percent before scaling). */
  poor: number;
  /** Relative near-poverty rate of the 2024 review (percent before scaling). */
  nearPoor: number;
  ethnic: Readonly<Partial<Record<EthnicGroup, number>>>;
  villageStyle: VillageStyle;
  /** Villages (thôn, bản, tổ dân phố): min and max. */
  villages: readonly [number, number];
  /** Communes merged into this one on 1 July 2025 (village-name roots). */
  roots: readonly string[];
}

function c(
  code: string,
  name: string,
  size: number,
  remoteness: number,
  poor: number,
  nearPoor: number,
  ethnic: CommuneProfile['ethnic'],
  villageStyle: VillageStyle,
  villages: readonly [number, number],
  roots: readonly string[],
): CommuneProfile {
  return { code, name, size, remoteness, poor, nearPoor, ethnic, villageStyle, villages, roots };
}

export const COMMUNE_PROFILES: readonly CommuneProfile[] = [
  c('03388', 'Phường Đoàn Kết', 6.0, 0.05, 2.0, 2.6, { Kinh: 55, Giáy: 12, Thái: 10, Mông: 12, Dao: 6, 'Hà Nhì': 5 }, 'ward', [12, 15], ['Sùng Phài', 'Lả Nhì Thàng']),
  c('03408', 'Phường Tân Phong', 7.0, 0.0, 1.2, 1.8, { Kinh: 60, Giáy: 10, Thái: 10, Mông: 8, Dao: 8, Lự: 4 }, 'ward', [12, 15], ['San Thàng', 'Nùng Nàng', 'Bản Giang']),
  c('03390', 'Xã Bình Lư', 3.6, 0.3, 11, 8, { Giáy: 30, Kinh: 25, Dao: 20, Mông: 15, Thái: 10 }, 'town', [11, 15], ['Bình Lư', 'Sơn Bình']),
  c('03394', 'Xã Sin Suối Hồ', 2.4, 0.75, 30, 11, { Mông: 65, Dao: 25, Giáy: 5, Kinh: 5 }, 'highland', [8, 12], ['Thèn Sin', 'Nậm Xe', 'Sin Suối Hồ']),
  c('03405', 'Xã Tả Lèng', 2.2, 0.7, 27, 12, { Dao: 45, Mông: 45, Giáy: 5, Kinh: 5 }, 'highland', [8, 12], ['Tả Lèng', 'Giang Ma', 'Hồ Thầu']),
  c('03424', 'Xã Bản Bo', 2.1, 0.5, 16, 10, { Thái: 50, Dao: 15, Mông: 15, Giáy: 10, Kinh: 10 }, 'tai', [8, 11], ['Bản Bo', 'Nà Tăm']),
  c('03430', 'Xã Khun Há', 1.8, 0.8, 33, 12, { Mông: 75, Dao: 10, Lự: 10, Thái: 5 }, 'highland', [7, 10], ['Bản Hon', 'Khun Há']),
  c('03433', 'Xã Bum Tở', 2.4, 0.55, 20, 10, { Thái: 25, 'Hà Nhì': 15, Cống: 10, 'Si La': 10, 'La Hủ': 10, Kinh: 20, Dao: 10 }, 'town', [8, 12], ['Bum Tở', 'Kan Hồ']),
  c('03434', 'Xã Nậm Hàng', 2.4, 0.55, 22, 11, { Thái: 35, Mảng: 20, Kinh: 15, Mông: 15, Dao: 10, Cống: 5 }, 'town', [8, 12], ['Nậm Manh', 'Nậm Hàng']),
  c('03439', 'Xã Thu Lũm', 1.4, 0.95, 40, 12, { 'Hà Nhì': 90, 'La Hủ': 5, Kinh: 5 }, 'highland', [6, 9], ['Thu Lũm', 'Ka Lăng']),
  c('03442', 'Xã Pa Ủ', 1.4, 1.0, 45, 12, { 'La Hủ': 85, 'Hà Nhì': 10, Kinh: 5 }, 'highland', [6, 9], ['Tá Bạ', 'Pa Ủ']),
  c('03445', 'Xã Mường Tè', 1.8, 0.8, 33, 12, { Thái: 30, Cống: 15, 'Si La': 20, Mông: 20, 'Hà Nhì': 10, Kinh: 5 }, 'tai', [7, 10], ['Mường Tè', 'Nậm Khao']),
  c('03451', 'Xã Mù Cả', 1.2, 1.0, 42, 12, { 'Hà Nhì': 90, 'La Hủ': 8, Kinh: 2 }, 'highland', [5, 8], ['Mù Cả']),
  c('03460', 'Xã Hua Bum', 1.5, 0.95, 42, 12, { 'La Hủ': 45, Mông: 35, 'Hà Nhì': 10, Dao: 10 }, 'highland', [6, 9], ['Hua Bun', 'Vàng San']),
  c('03463', 'Xã Tà Tổng', 1.5, 0.95, 43, 12, { Mông: 60, 'La Hủ': 25, 'Hà Nhì': 10, Dao: 5 }, 'highland', [6, 9], ['Tà Tổng']),
  c('03466', 'Xã Bum Nưa', 1.5, 0.85, 35, 12, { 'La Hủ': 35, Thái: 25, Mông: 20, Dao: 10, Kinh: 10 }, 'tai', [6, 9], ['Pa Vệ Sử', 'Bum Nưa']),
  c('03472', 'Xã Mường Mô', 1.4, 0.85, 36, 12, { Mông: 60, Thái: 20, Mảng: 10, Dao: 10 }, 'highland', [6, 9], ['Mường Mô', 'Nậm Chà']),
  c('03478', 'Xã Sìn Hồ', 2.6, 0.6, 24, 11, { Mông: 55, Dao: 15, Kinh: 20, 'Hà Nhì': 5, Thái: 5 }, 'highland', [9, 13], ['Phăng Sô Lin', 'Tả Phìn', 'Sà Dề Phìn']),
  c('03487', 'Xã Lê Lợi', 2.0, 0.75, 30, 12, { Mảng: 25, Thái: 25, Dao: 20, Mông: 20, Kinh: 10 }, 'tai', [8, 12], ['Lê Lợi', 'Pú Đao', 'Chăn Nưa', 'Nậm Pì']),
  c('03503', 'Xã Pa Tần', 1.8, 0.85, 37, 12, { Mông: 45, Dao: 25, Thái: 15, Mảng: 10, 'Hà Nhì': 5 }, 'highland', [7, 11], ['Pa Tần', 'Nậm Ban', 'Trung Chải']),
  c('03508', 'Xã Hồng Thu', 1.8, 0.85, 36, 12, { Mông: 60, Dao: 30, 'Hà Nhì': 10 }, 'highland', [7, 11], ['Phìn Hồ', 'Hồng Thu', 'Ma Quai']),
  c('03517', 'Xã Nậm Tăm', 1.8, 0.75, 30, 12, { Lự: 35, Thái: 30, Mông: 20, Dao: 10, Kinh: 5 }, 'tai', [7, 11], ['Lùng Thàng', 'Nậm Tăm', 'Nậm Cha']),
  c('03529', 'Xã Tủa Sín Chải', 1.9, 0.9, 38, 12, { Mông: 70, Dao: 20, 'Hà Nhì': 5, Kinh: 5 }, 'highland', [7, 11], ['Tả Ngảo', 'Làng Mô', 'Tủa Sín Chải']),
  c('03532', 'Xã Pu Sam Cáp', 1.9, 0.85, 35, 12, { Mông: 40, Dao: 30, Thái: 25, Kinh: 5 }, 'highland', [7, 11], ['Pu Sam Cáp', 'Pa Khoá', 'Noong Hẻo']),
  c('03538', 'Xã Nậm Mạ', 1.4, 0.75, 32, 12, { Thái: 50, Mông: 25, Dao: 20, Kinh: 5 }, 'tai', [6, 9], ['Nậm Mạ', 'Căn Co']),
  c('03544', 'Xã Nậm Cuổi', 1.6, 0.8, 33, 12, { Thái: 40, Mông: 30, Dao: 25, Kinh: 5 }, 'tai', [6, 10], ['Nậm Cuổi', 'Nậm Hăn']),
  c('03549', 'Xã Phong Thổ', 2.8, 0.4, 14, 9, { Thái: 30, Giáy: 15, Kinh: 20, Dao: 20, Mông: 15 }, 'town', [10, 14], ['Huổi Luông', 'Ma Ly Pho', 'Mường So']),
  c('03562', 'Xã Sì Lở Lầu', 2.0, 0.9, 38, 12, { 'Hà Nhì': 40, Mông: 40, Dao: 20 }, 'highland', [8, 12], ['Sì Lở Lầu', 'Mồ Sì San', 'Pa Vây Sử', 'Vàng Ma Chải']),
  c('03571', 'Xã Dào San', 2.2, 0.8, 32, 12, { Mông: 55, Dao: 30, 'Hà Nhì': 10, Giáy: 5 }, 'highland', [8, 12], ['Tông Qua Lìn', 'Mù Sang', 'Dào San']),
  c('03583', 'Xã Khổng Lào', 2.0, 0.6, 22, 11, { Thái: 40, Dao: 30, Giáy: 10, Mông: 10, Kinh: 10 }, 'tai', [8, 12], ['Bản Lang', 'Hoang Thèn', 'Khổng Lào']),
  c('03595', 'Xã Than Uyên', 3.8, 0.25, 6, 5, { Thái: 45, Kinh: 40, Mông: 10, 'Khơ Mú': 5 }, 'town', [12, 15], ['Mường Than', 'Mường Cang', 'Hua Nà']),
  c('03598', 'Xã Tân Uyên', 3.2, 0.3, 8, 6, { Thái: 40, Kinh: 35, Mông: 15, 'Khơ Mú': 5, Dao: 5 }, 'town', [11, 15], ['Thân Thuộc', 'Trung Đồng', 'Nậm Cần']),
  c('03601', 'Xã Mường Khoa', 1.9, 0.5, 17, 10, { Thái: 60, Mông: 25, Kinh: 10, 'Khơ Mú': 5 }, 'tai', [7, 11], ['Mường Khoa', 'Phúc Khoa']),
  c('03613', 'Xã Nậm Sỏ', 1.7, 0.7, 27, 12, { Thái: 45, Mông: 45, 'Khơ Mú': 5, Kinh: 5 }, 'tai', [7, 10], ['Nậm Sỏ', 'Tà Mít']),
  c('03616', 'Xã Pắc Ta', 1.7, 0.6, 22, 11, { Thái: 40, Mông: 40, Dao: 10, Kinh: 10 }, 'tai', [7, 10], ['Hố Mít', 'Pắc Ta']),
  c('03618', 'Xã Mường Than', 1.8, 0.45, 13, 9, { Thái: 70, Kinh: 15, Mông: 10, 'Khơ Mú': 5 }, 'tai', [7, 11], ['Phúc Than', 'Mường Mít']),
  c('03637', 'Xã Mường Kim', 2.4, 0.5, 16, 10, { Thái: 55, Mông: 25, 'Khơ Mú': 10, Kinh: 10 }, 'tai', [9, 13], ['Pha Mu', 'Tà Hừa', 'Mường Kim', 'Tà Mung']),
  c('03640', 'Xã Khoen On', 1.6, 0.7, 24, 11, { Thái: 45, 'Khơ Mú': 30, Mông: 20, Kinh: 5 }, 'tai', [6, 10], ['Tà Gia', 'Khoen On']),
];

export const COMMUNE_PROFILE_BY_CODE: ReadonlyMap<string, CommuneProfile> = new Map(COMMUNE_PROFILES.map((p) => [p.code, p]));

function totalSize(): number {
  return COMMUNE_PROFILES.reduce((s, p) => s + p.size, 0);
}

/** Scale factors that bring the size-weighted relative rates to the province targets. */
const SCALE = (() => {
  const size = totalSize();
  const poor = COMMUNE_PROFILES.reduce((s, p) => s + p.size * p.poor, 0) / size / 100;
  const near = COMMUNE_PROFILES.reduce((s, p) => s + p.size * p.nearPoor, 0) / size / 100;
  return { poor: PROVINCE_TARGETS.poor / poor, near: PROVINCE_TARGETS.nearPoor / near };
})();

/** The 2024-review targets of one commune: shares of its households on the poor and near-poor lists of 2025. */
export function communeTargets(p: CommuneProfile): { poor: number; nearPoor: number } {
  const poor = Math.min(0.6, (p.poor / 100) * SCALE.poor);
  const nearPoor = Math.min(0.2, (p.nearPoor / 100) * SCALE.near);
  return { poor, nearPoor };
}

/**
 * How many of `total` households each commune gets (largest remainders, at least 30 each), in the
 * order of `profiles`.
 */
export function allocateHouseholds(profiles: readonly CommuneProfile[], total: number): number[] {
  const size = profiles.reduce((s, p) => s + p.size, 0);
  const min = Math.min(30, Math.floor(total / Math.max(1, profiles.length)));
  const raw = profiles.map((p) => (p.size / size) * total);
  const out = raw.map((r) => Math.max(min, Math.floor(r)));
  let rest = total - out.reduce((s, n) => s + n, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).toSorted((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]!.i]! += 1;
  for (let k = out.length - 1; rest < 0; k = (k - 1 + out.length) % out.length) {
    if (out[k]! > min) {
      out[k]! -= 1;
      rest++;
    }
  }
  return out;
}

/**
 * Year-to-year dynamics, tuned so that the 2025 review lowers the province's poverty rate by about
 * 3.5 points (the pace Lai Châu reported for 2021–2025) while some households relapse and some are new.
 */
export const DYNAMICS = {
  /** Mean log growth of per-capita income per year (the poverty line is fixed in đồng), and its spread. */
  incomeGrowth: 0.05,
  incomeSpread: 0.11,
  /** Extra growth of households on the poor list (programme support: livelihoods, credit, jobs). */
  supportBoost: 0.03,
  /** Probability and size of an income shock (illness, accident, crop or livestock loss, landslide). */
  shockChance: 0.03,
  shockFactor: 0.62,
  /** Household exits per year (moved away, dissolved, last member deceased). */
  exitChance: 0.012,
  /** New households per year (splits, moved in), relative to the households of the year before. */
  newShare: 0.016,
  /** Households not on a list whose situation qualifies and who apply (form 01). */
  applyWhenQualified: 0.93,
  /** Households not on a list who apply although they do not qualify. */
  applyOtherwise: 0.025,
} as const;
