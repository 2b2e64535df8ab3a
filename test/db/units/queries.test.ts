import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import {
  areaTypeOf, getSpecialZoneSetting, getUnit, provinceOf, searchUnits, setSpecialZoneAreaType, UnitSettingError,
} from '../../../src/db/units/index.ts';
import { ADMIN, openUnitsDatabase } from './fixtures.ts';

let database: Database;

before(async () => {
  ({ database } = await openUnitsDatabase());
});
after(async () => {
  await database.close();
});

const names = (us: Array<{ name: string }>) => us.map((u) => u.name);

test('search ignores diacritics and case: "muong te" finds Xã Mường Tè, "dong nai" and "ĐỒNG NAI" find Đồng Nai', async () => {
  const mt = await searchUnits(database.db, '2025', 'muong te', '2025-08-01', 10);
  assert.equal(mt[0]?.name, 'Xã Mường Tè');
  assert.equal(mt[0]?.code, '03445');
  assert.deepEqual(names(await searchUnits(database.db, '2025', 'dong nai', '2025-08-01', 1)), ['Tỉnh Đồng Nai']);
  assert.deepEqual(names(await searchUnits(database.db, '2025', 'ĐỒNG NAI', '2025-08-01', 1)), ['Tỉnh Đồng Nai']);
  assert.ok(names(await searchUnits(database.db, '2025', 'Mường', '2025-08-01', 50)).includes('Xã Mường Tè'));
  // Word prefixes: "tra bo" finds Trảng Bom; the 2024 layout has the district and the township.
  assert.ok(names(await searchUnits(database.db, '2025', 'tra bo', '2025-08-01', 5)).includes('Xã Trảng Bom'));
  const old = names(await searchUnits(database.db, '2024', 'trang bom', '2024-01-01', 5));
  assert.ok(old.includes('Huyện Trảng Bom') && old.includes('Thị trấn Trảng Bom'), old.join(', '));
  assert.deepEqual(names(await searchUnits(database.db, '2025', '03445', '2025-08-01', 5)).slice(0, 1), ['Xã Mường Tè']);
  assert.deepEqual(await searchUnits(database.db, '2025', '  ', '2025-08-01', 5), []);
  assert.deepEqual(await searchUnits(database.db, '2025', 'muong te', '2025-06-30', 5), [], 'nothing of 2025 exists before 2025-07-01');
  assert.equal((await searchUnits(database.db, '2025', 'xa', '2025-08-01', 7)).length, 7);
});

test('getUnit and provinceOf', async () => {
  const u = await getUnit(database.db, '2025', '03445', '2025-08-01');
  assert.deepEqual(
    { ...u },
    {
      layout: '2025', code: '03445', name: 'Xã Mường Tè', nameAscii: 'Xa Muong Te', type: 'Xã', typeEn: 'commune', tier: 'commune',
      level: 2, areaType: 'rural', resolvedAreaType: 'rural', provinceCode: '12', parentCode: '12', validFrom: '2025-07-01', validTo: null,
      source: u!.source,
    },
  );
  assert.equal((await provinceOf(database.db, '2025', '03445', '2025-08-01'))?.name, 'Tỉnh Lai Châu');
  assert.equal((await provinceOf(database.db, '2025', '12', '2025-08-01'))?.code, '12');
  const old = await getUnit(database.db, '2024', '03445', '2024-05-01');
  assert.equal(old?.level, 3);
  assert.equal((await provinceOf(database.db, '2024', '03445', '2024-05-01'))?.name, 'Tỉnh Lai Châu');
  assert.equal(await provinceOf(database.db, '2025', '99999', '2025-08-01'), null);
  assert.equal(await areaTypeOf(database.db, '2025', '12', '2025-08-01'), null, 'a province has no urban/rural answer');
});

test('a special zone resolves through the setting: rural by default (UNCONFIRMED), a default and per-code overrides flip it, audited', async () => {
  const conDao = '26732';
  const phuQuoc = '31078';
  assert.equal(await areaTypeOf(database.db, '2025', conDao, '2025-08-01'), 'rural');
  const s0 = await getSpecialZoneSetting(database.db, '2025-08-01');
  assert.equal(s0.confirmed, false);
  assert.equal(s0.default, 'rural');
  assert.equal(s0.zones.length, 13);
  assert.match(s0.note, /Chưa xác nhận/u);

  await setSpecialZoneAreaType(database.db, ADMIN, conDao, 'urban');
  assert.equal(await areaTypeOf(database.db, '2025', conDao, '2025-08-01'), 'urban');
  assert.equal(await areaTypeOf(database.db, '2025', phuQuoc, '2025-08-01'), 'rural');

  await setSpecialZoneAreaType(database.db, ADMIN, 'default', 'urban');
  assert.equal(await areaTypeOf(database.db, '2025', phuQuoc, '2025-08-01'), 'urban');
  await setSpecialZoneAreaType(database.db, ADMIN, conDao, 'rural');
  assert.equal(await areaTypeOf(database.db, '2025', conDao, '2025-08-01'), 'rural');
  assert.equal((await getUnit(database.db, '2025', conDao, '2025-08-01'))?.areaType, 'special_zone');
  // Ordinary communes do not follow the setting.
  assert.equal(await areaTypeOf(database.db, '2025', '03445', '2025-08-01'), 'rural');
  const s1 = await getSpecialZoneSetting(database.db, '2025-08-01');
  assert.deepEqual([s1.confirmed, s1.default, s1.overrides], [true, 'urban', { [conDao]: 'rural' }]);
  assert.deepEqual(s1.zones.find((z) => z.code === conDao), { code: conDao, name: 'Đặc khu Côn Đảo', provinceCode: '79', areaType: 'rural', overridden: true });

  await setSpecialZoneAreaType(database.db, ADMIN, conDao, null);
  assert.equal(await areaTypeOf(database.db, '2025', conDao, '2025-08-01'), 'urban', 'removing the override falls back to the default');

  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'setting.update' and entity_id = 'units.specialZoneAreaType'`.execute(database.db);
  assert.equal(audit.rows[0]!.n, 4);
  await assert.rejects(() => setSpecialZoneAreaType(database.db, ADMIN, '03445', 'urban'), (e: unknown) => e instanceof UnitSettingError && /không phải là một đặc khu/u.test(e.message));
  await assert.rejects(() => setSpecialZoneAreaType(database.db, ADMIN, 'default', null), UnitSettingError);
  await setSpecialZoneAreaType(database.db, ADMIN, 'default', 'rural');
});
