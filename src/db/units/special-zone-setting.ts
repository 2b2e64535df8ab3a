/**
 * Which poverty line (urban or rural) applies to a special zone (đặc khu). The law that created the 13
 * special zones does not say, so this is a setting — UNCONFIRMED, default rural — with a national
 * default and per-code overrides, stored under one key and changed only through an audited setter.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { AreaClass } from './types.ts';

export const SPECIAL_ZONE_SETTING_KEY = 'units.specialZoneAreaType';

/** Used until someone sets the default: UNCONFIRMED, chosen because special zones are island communes. */
export const SPECIAL_ZONE_DEFAULT: AreaClass = 'rural';

export interface SpecialZoneSettingValue {
  default: AreaClass;
  /** Commune code → area type; wins over the default. */
  overrides: Record<string, AreaClass>;
}

export interface SpecialZone {
  code: string;
  name: string;
  provinceCode: string;
  areaType: AreaClass;
  overridden: boolean;
}

export interface SpecialZoneSetting extends SpecialZoneSettingValue {
  key: string;
  /** False while the default has never been set by a person (the built-in UNCONFIRMED value applies). */
  confirmed: boolean;
  note: string;
  asOf: string;
  /** Special zones (2025 layout) in force on `asOf` with the area type each resolves to. */
  zones: SpecialZone[];
}

export class UnitSettingError extends Error {
  override name = 'UnitSettingError';
}

const NOTE =
  'Chưa xác nhận: văn bản pháp luật chưa quy định đặc khu áp dụng chuẩn nghèo thành thị hay nông thôn; ' +
  'mặc định "nông thôn" cho đến khi cơ quan có thẩm quyền quyết định. (UNCONFIRMED: default rural.)';

function isAreaClass(v: unknown): v is AreaClass {
  return v === 'urban' || v === 'rural';
}

function parseValue(raw: unknown): SpecialZoneSettingValue | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as { default?: unknown; overrides?: unknown };
  const overrides: Record<string, AreaClass> = {};
  if (o.overrides && typeof o.overrides === 'object') {
    for (const [k, v] of Object.entries(o.overrides as Record<string, unknown>)) if (isAreaClass(v)) overrides[k] = v;
  }
  return { default: isAreaClass(o.default) ? o.default : SPECIAL_ZONE_DEFAULT, overrides };
}

async function readValue(db: Kysely<DB> | Transaction<DB>, lock = false): Promise<SpecialZoneSettingValue | null> {
  const r = await sql<{ value: unknown }>`select value from setting where key = ${SPECIAL_ZONE_SETTING_KEY} ${lock ? sql`for update` : sql``}`.execute(db);
  return r.rows.length ? parseValue(r.rows[0]!.value) : null;
}

export async function getSpecialZoneSetting(db: Kysely<DB>, asOf: string = new Date().toISOString().slice(0, 10)): Promise<SpecialZoneSetting> {
  const stored = await readValue(db);
  const value = stored ?? { default: SPECIAL_ZONE_DEFAULT, overrides: {} };
  const zones = await sql<{ code: string; name: string; province_code: string }>`
    select code, name, province_code from admin_unit
    where layout = '2025' and area_type = 'special_zone'
      and valid_from <= ${asOf}::date and (valid_to is null or valid_to > ${asOf}::date)
    order by code`.execute(db);
  return {
    key: SPECIAL_ZONE_SETTING_KEY,
    ...value,
    confirmed: stored !== null,
    note: NOTE,
    asOf,
    zones: zones.rows.map((z) => ({
      code: z.code,
      name: z.name,
      provinceCode: z.province_code,
      areaType: value.overrides[z.code] ?? value.default,
      overridden: z.code in value.overrides,
    })),
  };
}

/**
 * Sets the national default (`code = 'default'`) or one special zone's area type; `null` removes a
 * zone's override. Records the before and after values in the audit log in the same transaction.
 */
export async function setSpecialZoneAreaType(db: Kysely<DB>, actor: Actor, code: string, value: AreaClass | null): Promise<SpecialZoneSettingValue> {
  if (value !== null && !isAreaClass(value)) {
    throw new UnitSettingError(`Khu vực "${String(value)}" không hợp lệ: chỉ nhận "urban" (thành thị) hoặc "rural" (nông thôn).`);
  }
  if (code === 'default' && value === null) throw new UnitSettingError('Không thể xoá giá trị mặc định; hãy chọn "urban" hoặc "rural".');
  const run = async (trx: Transaction<DB>) => {
    let provinceCode: string | null = null;
    if (code !== 'default') {
      const z = await sql<{ province_code: string }>`
        select province_code from admin_unit where code = ${code} and area_type = 'special_zone' order by valid_from desc limit 1`.execute(trx);
      if (!z.rows[0]) throw new UnitSettingError(`Mã ${code} không phải là một đặc khu trong danh mục đơn vị hành chính.`);
      provinceCode = z.rows[0].province_code;
    }
    const before = await readValue(trx, true);
    const next: SpecialZoneSettingValue = before
      ? { default: before.default, overrides: { ...before.overrides } }
      : { default: SPECIAL_ZONE_DEFAULT, overrides: {} };
    if (code === 'default') next.default = value!;
    else if (value === null) delete next.overrides[code];
    else next.overrides[code] = value;
    await sql`
      insert into setting (key, value, updated_at, updated_by) values (${SPECIAL_ZONE_SETTING_KEY}, ${JSON.stringify(next)}::jsonb, now(), ${actor.id})
      on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`.execute(trx);
    await recordAudit(trx, actor, {
      action: 'setting.update',
      entity: 'setting',
      entityId: SPECIAL_ZONE_SETTING_KEY,
      provinceCode,
      unitCode: code === 'default' ? null : code,
      before,
      after: next,
      reason: code === 'default' ? 'Khu vực mặc định của đặc khu' : `Khu vực của đặc khu ${code}`,
    });
    return next;
  };
  return db.isTransaction ? run(db as Transaction<DB>) : db.transaction().execute(run);
}
