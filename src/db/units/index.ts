/** Effective-dated administrative units: bundled first load, file import, queries, special-zone setting. */
export type { AreaClass, AreaType, Layout, SuccessionLink, Tier, UnitVersion } from './types.ts';
export { getUnit, listChildren, provinceOf, searchUnits, predecessors, successors } from './queries.ts';
export { areaTypeOf } from './area-type.ts';
export {
  getSpecialZoneSetting,
  setSpecialZoneAreaType,
  SPECIAL_ZONE_DEFAULT,
  SPECIAL_ZONE_SETTING_KEY,
  UnitSettingError,
  type SpecialZone,
  type SpecialZoneSetting,
  type SpecialZoneSettingValue,
} from './special-zone-setting.ts';
export { loadBundledUnits, BUNDLED_SETTING_KEY, type BundledLoadResult } from './bundled/load.ts';
export { importUnitFile, type ImportOptions, type ImportResult } from './import/import-file.ts';
export type { ImportRowError } from './import/errors.ts';
export type { UnitFileKind } from './import/detect.ts';
export { BUNDLED_2024_AS_OF, REFORM_DATE } from './vocabulary.ts';
