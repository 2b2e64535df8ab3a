/** Public shapes returned by the unit registry. Dates are 'YYYY-MM-DD'; valid_to is exclusive. */
import type { AreaType, Layout, Tier } from '../schema.ts';

export type { AreaType, Layout, Tier };

/** The answer the poverty line needs: a special zone is resolved to one of these by a setting. */
export type AreaClass = 'urban' | 'rural';

/** One version of a unit: its attributes as in force on the requested date. */
export interface UnitVersion {
  layout: Layout;
  code: string;
  name: string;
  nameAscii: string;
  /** Vietnamese type as stored: `Tỉnh`, `Thành phố`, `Huyện`, `Xã`, `Phường`, `Thị trấn`, `Đặc khu`… */
  type: string;
  typeEn: string;
  tier: Tier;
  /** 1 province; 2 district (2024) or commune (2025); 3 commune (2024). */
  level: number;
  /** As recorded: urban, rural or special_zone for commune-level units, null above. */
  areaType: AreaType | null;
  /** urban or rural, a special zone resolved through the `units.specialZoneAreaType` setting. */
  resolvedAreaType: AreaClass | null;
  provinceCode: string;
  /** Parent as of the requested date (province or district), null for provinces. */
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  source: string | null;
}

/** One succession link seen from the other end. */
export interface SuccessionLink {
  layout: Layout;
  code: string;
  /** Name of the linked unit around the succession date (null if that unit is not in the registry). */
  name: string | null;
  /** `full`: the whole old unit went into the new one; `partial`: the old unit was split. */
  relation: 'full' | 'partial';
  effectiveDate: string;
  source: string | null;
}
