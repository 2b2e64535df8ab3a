/**
 * Synthetic names for the demo province (Lai Châu): family names, middle names and given names of the
 * ethnic groups living there, combined at random with each group's usual pattern — Thái "Lò Văn Panh",
 * Mông "Giàng A Páo" / "Vàng Thị Dua", Dao "Tẩn Láo Lở", Hà Nhì "Lý Xá Pứ" / "Pờ Mù Dế", Kinh
 * "Nguyễn Văn Hùng". Children mostly take the father's family name; younger people of every group
 * often carry Kinh-style given names. Village names are built from Tai and Mông–Dao place-name
 * syllables ("Bản Nà Hiềng", "Bản Sìn Chải"), Sino-Vietnamese thôn names, and numbered residential
 * groups (tổ dân phố) in wards. No name is taken from a real register.
 */
import type { Random } from './demo-random.ts';

export const ETHNIC_GROUPS = ['Thái', 'Mông', 'Kinh', 'Dao', 'Hà Nhì', 'Giáy', 'La Hủ', 'Lự', 'Cống', 'Mảng', 'Si La', 'Khơ Mú'] as const;
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

type Weights = Readonly<Record<string, number>>;

interface NamingPattern {
  surnames: Weights;
  maleMiddle: Weights;
  femaleMiddle: Weights;
  male: readonly string[];
  female: readonly string[];
  /** Share of people born from 1995 on who get a Kinh-style given name. */
  modernShare: number;
}

const KINH_MALE = ['Hùng', 'Dũng', 'Tuấn', 'Hải', 'Long', 'Nam', 'Sơn', 'Thắng', 'Cường', 'Bình', 'Quân', 'Trung', 'Hiếu', 'Khánh', 'Phong', 'Tùng', 'Đức', 'Thành', 'Vinh', 'Hưng', 'Mạnh', 'Toàn', 'Huy', 'Hoàng', 'Kiên', 'Lâm', 'Việt', 'Tài', 'Thịnh', 'Hiệp', 'Chiến', 'Lợi', 'Tiến', 'Quang', 'Hòa'];
const KINH_FEMALE = ['Lan', 'Hương', 'Hoa', 'Mai', 'Hằng', 'Thủy', 'Nga', 'Hà', 'Linh', 'Trang', 'Huyền', 'Yến', 'Thảo', 'Dung', 'Hạnh', 'Loan', 'Nhung', 'Phương', 'Thơm', 'Hiền', 'Liên', 'Vân', 'Oanh', 'Tuyết', 'Xuân', 'Hồng', 'Lý', 'Tâm'];
const MODERN_MALE = ['Minh', 'Khôi', 'Phúc', 'Bảo', 'Đăng', 'Khang', 'Nhật', 'An', 'Duy', 'Hiếu', 'Thiện', 'Vũ', 'Lộc', 'Tâm', 'Huy', 'Hưng', 'Kiên', 'Tuấn', 'Dũng', 'Long', 'Quý', 'Thái', 'Trọng'];
const MODERN_FEMALE = ['Anh', 'Ngọc', 'Vy', 'Nhi', 'Trâm', 'Chi', 'Giang', 'My', 'Hân', 'Thư', 'Ly', 'Diệp', 'Quỳnh', 'Ngân', 'Linh', 'Trang', 'Thảo', 'Hương', 'Uyên', 'Nhung', 'Yến', 'Hà'];

const VAN_THI_MALE: Weights = { Văn: 90, Xuân: 3, Đức: 3, Minh: 2, Thanh: 2 };
const VAN_THI_FEMALE: Weights = { Thị: 92, Thu: 2, Thanh: 2, Ngọc: 2, Hồng: 2 };

const PATTERNS: Readonly<Record<EthnicGroup, NamingPattern>> = {
  Kinh: {
    surnames: { Nguyễn: 30, Trần: 10, Lê: 9, Phạm: 7, Hoàng: 5, Vũ: 5, Đỗ: 4, Bùi: 4, Đặng: 3, Ngô: 3, Đinh: 3, Dương: 2, Lương: 2, Đào: 2, Trịnh: 2, Phan: 2, Hà: 2, Tạ: 1, Cao: 1, Mai: 1 },
    maleMiddle: { Văn: 40, Đức: 10, Minh: 10, Quang: 6, Xuân: 5, Mạnh: 4, Công: 4, Hữu: 5, Tiến: 3, Thanh: 4, Ngọc: 3, Trung: 3, Anh: 3 },
    femaleMiddle: { Thị: 60, Thu: 6, Ngọc: 6, Thanh: 5, Hồng: 5, Minh: 4, Phương: 3, Thùy: 3, Kim: 3, Mai: 2, Bích: 2, Hải: 2 },
    male: KINH_MALE,
    female: KINH_FEMALE,
    modernShare: 0.6,
  },
  Thái: {
    surnames: { Lò: 25, Lường: 12, Tòng: 8, Cầm: 6, Điêu: 6, Hoàng: 6, Lù: 5, Vì: 6, Quàng: 6, Lê: 3, Tao: 3, Bạc: 4, Hà: 3, Sầm: 3, Khoàng: 2, Mè: 2, Đèo: 3 },
    maleMiddle: VAN_THI_MALE,
    femaleMiddle: VAN_THI_FEMALE,
    male: ['Panh', 'Xôm', 'Ún', 'Ơn', 'Phong', 'Biên', 'Khánh', 'Thoan', 'Phóng', 'Hặc', 'Xiêng', 'Ngoan', 'Bun', 'Sương', 'Tiến', 'Hom', 'Ín', 'Inh', 'Hiêng', 'Lả', 'Quyết', 'Thương', 'Pấng', 'Hải', 'Toản', 'Dìn', 'Khiêm', 'Chiến', 'Ngân', 'Pọm', 'Nghiêm', 'Kẻo', 'Thiêm'],
    female: ['Ún', 'Xôm', 'Phanh', 'Ín', 'Bình', 'Hiền', 'Khánh', 'Ỏm', 'Pâng', 'Lả', 'Thoan', 'Mai', 'Ương', 'Pọm', 'Hom', 'Nhinh', 'Éo', 'Ing', 'Xiêng', 'Lòm', 'Duyên', 'Tươi', 'Xuân', 'Thanh', 'Hương', 'Lún', 'Kim'],
    modernShare: 0.45,
  },
  Mông: {
    surnames: { Giàng: 18, Vàng: 14, Thào: 12, Lý: 10, Sùng: 10, Hờ: 5, Mùa: 6, Lầu: 5, Hạng: 4, Vừ: 5, Chá: 3, Tráng: 3, Cứ: 3, Mua: 2, Lò: 2, Chang: 2 },
    maleMiddle: { A: 45, Văn: 22, Seo: 12, Chứ: 4, Sái: 3, Pà: 3, Súa: 3 },
    femaleMiddle: { Thị: 95, Mỷ: 3, Sua: 2 },
    male: ['Páo', 'Dình', 'Chư', 'Của', 'Sử', 'Chá', 'Sình', 'Tủa', 'Dế', 'Lử', 'Pó', 'Chứ', 'Tếnh', 'Chống', 'Dơ', 'Khua', 'Lồng', 'Pao', 'Nhè', 'Lềnh', 'Sính', 'Sếnh', 'Lâu', 'Pềnh', 'Chu', 'Xá', 'Sáy', 'Dào', 'Tú', 'Vư', 'Mang', 'Tráng'],
    female: ['Mỷ', 'Dua', 'Pà', 'Sua', 'Cở', 'Sinh', 'Say', 'Mai', 'Sủa', 'Dợ', 'Chà', 'Mỉ', 'Dở', 'Chia', 'Lìa', 'Máy', 'Súa', 'Xúa', 'Dinh', 'Và', 'Ca', 'Pằng', 'Nhìa', 'Kía', 'Chư', 'Ly', 'Mái'],
    modernShare: 0.3,
  },
  Dao: {
    surnames: { Tẩn: 14, Phàn: 12, Lý: 10, Chảo: 10, Triệu: 7, Đặng: 7, Bàn: 6, Sần: 4, Lò: 3, Vàng: 3, Phùng: 4, Dương: 2 },
    maleMiddle: { Văn: 35, Láo: 20, A: 15, Sành: 5, Lở: 5, Quẩy: 4, San: 4, Lao: 4, Ông: 4 },
    femaleMiddle: { Thị: 60, Mẩy: 10, Lở: 8, Tả: 8, Sì: 4 },
    male: ['Lở', 'Sử', 'Chài', 'Chìu', 'San', 'Nguyên', 'Phin', 'Phẩu', 'Quẩy', 'Kiềm', 'Lìn', 'Sinh', 'Ván', 'Chẳn', 'Phủ', 'Dín', 'Tỏa', 'Chòi', 'Sài', 'Lai', 'Kháy', 'Vảng', 'Phù', 'Kinh', 'Chản', 'Tả', 'Phúc'],
    female: ['Mẩy', 'Phây', 'Chiêu', 'Chỉn', 'Mai', 'Chăn', 'Lở', 'Xiêm', 'Chạn', 'Sinh', 'Dín', 'Sảy', 'Chòi', 'Phẩy', 'Kiều', 'Nái', 'Ỉn', 'Mùi', 'Lìu', 'Phin', 'Tả'],
    modernShare: 0.35,
  },
  'Hà Nhì': {
    surnames: { Lý: 18, Pờ: 14, Chu: 12, Lò: 8, Phu: 6, Sừ: 5, Hầu: 4, Ly: 4, Mà: 3, Phìn: 2 },
    maleMiddle: { Xá: 12, Mò: 8, Gạ: 8, Giá: 8, Chà: 8, Go: 6, Hừ: 6, Văn: 20, A: 10, Phì: 6 },
    femaleMiddle: { Thị: 40, Mù: 10, Mỳ: 8, Hừ: 6, Gó: 5, Sé: 5, Lé: 5 },
    male: ['Pứ', 'Xá', 'Hù', 'Chừ', 'Gia', 'Sừ', 'Gờ', 'Ngừ', 'Phì', 'Hừ', 'Chè', 'Go', 'Lư', 'Dờ', 'Pò', 'Nhù', 'Mì', 'Tư', 'Ba', 'Xe', 'Chơ'],
    female: ['Dế', 'Xá', 'Mé', 'Lé', 'Pà', 'Gừ', 'Sì', 'Chà', 'Mơ', 'Ló', 'Dà', 'Chừ', 'Xu', 'Hà', 'Ma', 'Chè', 'Pư', 'Mỳ', 'Gó'],
    modernShare: 0.3,
  },
  Giáy: {
    surnames: { Hoàng: 14, Lù: 12, Vàng: 10, Lò: 8, Sần: 7, Thèn: 5, Giàng: 5, Lý: 5, Nông: 3, Pờ: 2, Phàn: 2 },
    maleMiddle: VAN_THI_MALE,
    femaleMiddle: VAN_THI_FEMALE,
    male: ['Thành', 'Sinh', 'Kiên', 'Chiến', 'Sáng', 'Phúc', 'Tiên', 'Dũng', 'Minh', 'Chản', 'Dìn', 'Chẻo', 'Thiện', 'Quyết', 'Khánh', 'Phủ', 'Sơn', 'Xuân'],
    female: ['Mai', 'Dung', 'Hiền', 'Xuân', 'Liên', 'Lan', 'Thủy', 'Hoa', 'Nga', 'Hương', 'Dinh', 'Lìn', 'Chiên', 'Nhung', 'Thảo'],
    modernShare: 0.5,
  },
  'La Hủ': {
    surnames: { Lò: 12, Lý: 12, Pờ: 10, Chang: 8, Phùng: 7, Vàng: 6, Mà: 6, Chà: 5, Sì: 4 },
    maleMiddle: { Văn: 35, A: 25, Xe: 5, Phì: 5 },
    femaleMiddle: { Thị: 85, Na: 5, Mị: 5 },
    male: ['Phạ', 'Nhè', 'Phứ', 'Páo', 'Chà', 'Xuân', 'Xe', 'Phì', 'Lè', 'Cà', 'Phò', 'Khừ', 'Pa', 'Sá', 'Hừ', 'Nhừ', 'Gió', 'Là', 'Chơ', 'Lù'],
    female: ['Na', 'Pa', 'Ca', 'Mị', 'Nhì', 'Lạ', 'Xá', 'Mó', 'Phì', 'Ly', 'Sú', 'Chà', 'Hà', 'Cô', 'Pò', 'Dà', 'Nhù', 'Hương'],
    modernShare: 0.3,
  },
  Lự: {
    surnames: { Lò: 14, Tao: 12, Đèo: 8, Chìn: 6, Tòng: 4, Lường: 4 },
    maleMiddle: VAN_THI_MALE,
    femaleMiddle: VAN_THI_FEMALE,
    male: ['Mẩn', 'Khun', 'Ơn', 'Kiêm', 'Thanh', 'Phiên', 'Inh', 'Xiêng', 'Ngoan', 'Lả', 'Pọm', 'Ún', 'Kẻo', 'Xôm'],
    female: ['Phanh', 'Ương', 'Ín', 'Xôm', 'Lả', 'Hom', 'Lún', 'Chăn', 'Hoa', 'Kẹo', 'Ởi', 'Ún', 'Bun'],
    modernShare: 0.4,
  },
  Cống: {
    surnames: { Chang: 12, Pạc: 10, Lò: 10, Hoàng: 6, Lỳ: 6, Lường: 4, Lý: 4 },
    maleMiddle: { Văn: 92, A: 8 },
    femaleMiddle: { Thị: 100 },
    male: ['Sáng', 'Hiếm', 'Ngắn', 'Xó', 'Phàng', 'Cứ', 'Kiểm', 'Xiền', 'Hán', 'Xủ', 'Thẩu', 'Lỷ', 'Kẹo', 'Chừ', 'Sung', 'Hảo', 'Thương'],
    female: ['Phượng', 'Xá', 'Nhiên', 'Xâu', 'Khúy', 'Tẩu', 'Mỹ', 'Dưa', 'Lả', 'Kiều', 'Thìn', 'Xuyến'],
    modernShare: 0.35,
  },
  Mảng: {
    surnames: { Lò: 12, Chìn: 10, Tao: 8, Vàng: 6, Lùng: 5, Pờ: 4 },
    maleMiddle: { Văn: 95, A: 5 },
    femaleMiddle: { Thị: 100 },
    male: ['Khay', 'Kịa', 'Cứ', 'Xiêng', 'Lả', 'Doi', 'Chón', 'Pứ', 'Thương', 'Thò', 'Khum', 'Sói', 'Siêng', 'Lén', 'Biên'],
    female: ['Lọ', 'Xiêng', 'Mai', 'Ém', 'Khum', 'Ụi', 'Pản', 'Dung', 'Nhìa', 'Sàn', 'Pè', 'Hoa', 'Lả'],
    modernShare: 0.3,
  },
  'Si La': {
    surnames: { Hù: 12, Pờ: 8, Lỳ: 8, Vàng: 4, Hờ: 4, Lò: 4 },
    maleMiddle: { Văn: 95, A: 5 },
    femaleMiddle: { Thị: 100 },
    male: ['Ngọ', 'Khoa', 'Xá', 'Khừ', 'Phương', 'Dủ', 'Chừ', 'Sừ', 'Thạ', 'Lể', 'Kho', 'Xuân'],
    female: ['Nhật', 'Lá', 'Na', 'Xủa', 'Mé', 'Gió', 'Ly', 'Pừ', 'Dé', 'Thà', 'Hương'],
    modernShare: 0.35,
  },
  'Khơ Mú': {
    surnames: { Lò: 10, Vì: 10, Lường: 6, Quàng: 5, Cà: 5, Lù: 4 },
    maleMiddle: VAN_THI_MALE,
    femaleMiddle: VAN_THI_FEMALE,
    male: ['Lả', 'Ơn', 'Mút', 'Nhọt', 'Hặc', 'Xiêng', 'Kẹo', 'Lẹ', 'Dòn', 'Nhình', 'Khăm', 'Pòn'],
    female: ['Ỏn', 'Xiêng', 'Hom', 'Dòn', 'Ín', 'Hặc', 'Nhất', 'Lả', 'Mươi', 'Pọm'],
    modernShare: 0.35,
  },
};

function pickWeighted(rng: Random, w: Weights): string {
  return rng.weighted(w);
}

/** A family name of the group. */
export function familyName(rng: Random, group: EthnicGroup): string {
  return pickWeighted(rng, PATTERNS[group].surnames);
}

/**
 * A full name: family name + middle name + given name. `taken` holds the given names already used in
 * the household (siblings do not share one).
 */
export function personName(rng: Random, group: EthnicGroup, sex: 'male' | 'female', birthYear: number, family: string, taken?: Set<string>): string {
  const p = PATTERNS[group];
  const modern = birthYear >= 1995 && rng.chance(p.modernShare);
  const pool = sex === 'male' ? (modern ? MODERN_MALE : p.male) : modern ? MODERN_FEMALE : p.female;
  let given = rng.pick(pool);
  for (let i = 0; i < 6 && taken?.has(given); i++) given = rng.pick(pool);
  taken?.add(given);
  let middle = pickWeighted(rng, sex === 'male' ? p.maleMiddle : p.femaleMiddle);
  if (modern && (middle === 'A' || middle === 'Seo') && rng.chance(0.5)) middle = 'Văn';
  // Kinh girls born recently often get a two-part middle name instead of "Thị".
  if (modern && sex === 'female' && middle === 'Thị' && rng.chance(0.4)) middle = rng.pick(['Ngọc', 'Thu', 'Khánh', 'Hoài', 'Bảo', 'Phương', 'Minh']);
  if (middle === given) middle = sex === 'male' ? 'Văn' : 'Thị';
  return `${family} ${middle} ${given}`;
}

// ---- villages ----

const TAI_FIRST = ['Nà', 'Nậm', 'Hua', 'Huổi', 'Phiêng', 'Pá', 'Co', 'Noong', 'Mường', 'Tà', 'Na', 'Phai', 'Ten', 'Pắc', 'Bó', 'Chiềng', 'Tông', 'Khau', 'Hô', 'Bản'];
const TAI_SECOND = ['Khoang', 'Cang', 'Pầu', 'Hiềng', 'Sài', 'Tòng', 'Bon', 'Đông', 'Mớ', 'Ẳng', 'Lĩnh', 'Sẳng', 'Mu', 'Xe', 'Hon', 'Bo', 'Nọi', 'Cằm', 'Lằn', 'Ngà', 'Ban', 'Chuông', 'Lay', 'Lum', 'Phát', 'Tẳng', 'Cuổi', 'Lò', 'Củng', 'Ún', 'Mạ', 'Kim'];
const HIGHLAND_FIRST = ['Sì', 'Sìn', 'Tả', 'Lao', 'Mù', 'Phìn', 'Sán', 'Pa', 'Ma', 'Sùng', 'Hồ', 'Lùng', 'Chù', 'Tủa', 'Xin', 'Mồ', 'Tá', 'Ló', 'Phù', 'Vàng', 'Seo', 'Can'];
const HIGHLAND_SECOND = ['Chải', 'Hồ', 'Phìn', 'Chồ', 'San', 'Sang', 'Pho', 'Lin', 'Dao', 'Tẩn', 'Chang', 'Thàng', 'Sáng', 'Lầu', 'Chá', 'Pề', 'Ma', 'Sử', 'Chù', 'Tỉ', 'Dền', 'Xin', 'Páo', 'Pao', 'Cang', 'Phài', 'Ngài', 'Lồ'];
const THON_NAMES = ['Tân Bình', 'Hòa Bình', 'Thống Nhất', 'Đoàn Kết', 'Quyết Tiến', 'Tân Lập', 'Tân Hợp', 'Hợp Nhất', 'Đồng Tâm', 'Phúc Lợi', 'Thanh Bình', 'Tiến Bộ', 'Tân Tiến', 'Trung Tâm', 'Bình Minh', 'Hưng Thịnh'];

export type VillageStyle = 'tai' | 'highland' | 'town' | 'ward';

/**
 * `count` distinct village names for a commune. `rootNames` (names of the communes merged into it in
 * 2025) give a few "Bản <old commune>" villages, as central villages usually bear the commune's name.
 */
export function villageNames(rng: Random, count: number, style: VillageStyle, rootNames: readonly string[]): string[] {
  const out: string[] = [];
  const used = new Set<string>();
  const add = (name: string): void => {
    if (!used.has(name)) {
      used.add(name);
      out.push(name);
    }
  };
  if (style === 'ward') {
    const groups = Math.max(1, count - Math.min(rootNames.length, Math.floor(count / 3)));
    for (let i = 1; i <= groups; i++) add(`Tổ dân phố số ${i}`);
    for (const r of rootNames) if (out.length < count) add(`Bản ${r}`);
    return out;
  }
  for (const r of rootNames) if (out.length < Math.ceil(count / 3)) add(`Bản ${r}`);
  let guard = 0;
  while (out.length < count && guard++ < 10_000) {
    let name: string;
    if (style === 'town' && rng.chance(0.55)) name = `Thôn ${rng.pick(THON_NAMES)}`;
    else if (style === 'highland' || (style === 'town' && rng.chance(0.3))) name = `Bản ${rng.pick(HIGHLAND_FIRST)} ${rng.pick(HIGHLAND_SECOND)}`;
    else name = `Bản ${rng.pick(TAI_FIRST)} ${rng.pick(TAI_SECOND)}`;
    const parts = name.split(' ');
    if (parts.length === 3 && parts[1] === parts[2]) continue;
    if (used.has(name) && rng.chance(0.5)) name = `${name} ${rng.chance(0.5) ? '1' : '2'}`;
    add(name);
  }
  return out;
}
