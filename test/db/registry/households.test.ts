/** Registry repository: villages, households, members, citizen IDs, search, concurrency and audit. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import {
  addMember,
  changeHouseholdStatus,
  createHousehold,
  createVillage,
  getHousehold,
  listHouseholds,
  listVillages,
  RegistryError,
  removeMember,
  searchFold,
  updateHousehold,
  updateMember,
  updateVillage,
} from '../../../src/db/registry/index.ts';
import { auditOf, citizenId, DIEN_BIEN, DK, head, LAI_CHAU, MP, MT, NATIONAL, newHousehold, OFFICER, openRegistryDatabase, spouse } from './fixtures.ts';

let database: Database;
before(async () => {
  database = await openRegistryDatabase();
});
after(() => database.close());

function refusal(code: string, params: Record<string, unknown> = {}) {
  return (e: unknown) => {
    assert.ok(e instanceof RegistryError, `expected RegistryError ${code}, got ${String(e)}`);
    assert.equal(e.code, code);
    for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, `param ${k}`);
    return true;
  };
}

test('searchFold: NFD, marks stripped, đ → d, lower case', () => {
  assert.equal(searchFold('Nguyễn Văn A'), 'nguyen van a');
  assert.equal(searchFold('ĐẶNG THỊ ĐÀO'), 'dang thi dao');
  assert.equal(searchFold('  Lò   Văn Pánh '), 'lo van panh');
  assert.equal(searchFold('Nguye\u0302\u0303n'), 'nguyen', 'decomposed input folds the same');
});

test('villages: list in scope, create with the next code, rename audited, outsiders refused', async () => {
  const db = database.db;
  const mine = await listVillages(db, MT);
  assert.deepEqual(
    mine.map((v) => v.code),
    ['01', '02'],
  );
  assert.equal((await listVillages(db, DIEN_BIEN)).every((v) => v.provinceCode === '11'), true);
  const v = await createVillage(db, OFFICER, MT, { name: 'Bản  Mới ' });
  assert.equal(v.code, '03');
  assert.equal(v.name, 'Bản Mới');
  await assert.rejects(createVillage(db, OFFICER, MT, { code: '03', name: 'X' }), refusal('village_exists'));
  await assert.rejects(createVillage(db, OFFICER, MT, { communeCode: '03388', name: 'X' }), refusal('out_of_scope'));
  await assert.rejects(createVillage(db, OFFICER, LAI_CHAU, { name: 'X' }), refusal('commune_required'));
  await assert.rejects(createVillage(db, OFFICER, NATIONAL, { communeCode: '99999', name: 'X' }), refusal('commune_invalid'));
  const renamed = await updateVillage(db, OFFICER, MT, '03445', '03', { name: 'Bản Mới Lập' });
  assert.equal(renamed.name, 'Bản Mới Lập');
  const audit = await auditOf(db, 'village', '03445/03');
  assert.deepEqual(
    audit.map((a) => a.action),
    ['create', 'update'],
  );
  assert.equal((audit[1]!.before as { name: string }).name, 'Bản Mới');
  await assert.rejects(updateVillage(db, OFFICER, DK, '03445', '03', { name: 'Y' }), refusal('out_of_scope'));
});

test('create: stable code = commune + 6-digit sequence, residence row, head fields, audit with members', async () => {
  const db = database.db;
  const a = await createHousehold(db, OFFICER, MT, newHousehold('Nguyễn Văn A'));
  const b = await createHousehold(db, OFFICER, MT, newHousehold('Lò Văn Pánh'));
  assert.match(a.code, /^03445\d{6}$/);
  assert.equal(Number(b.code.slice(5)), Number(a.code.slice(5)) + 1);
  assert.equal(a.headName, 'Nguyễn Văn A');
  assert.equal(a.ethnicity, 'Thái');
  assert.equal(a.version, 1);
  assert.equal(a.members.length, 2);
  assert.deepEqual(
    a.members.map((m) => m.lineNo),
    [1, 2],
  );
  assert.deepEqual(a.residences, [{ communeCode: '03445', villageCode: '01', validFrom: '2020-01-01', validTo: null }]);
  const audit = await auditOf(db, 'household', a.id);
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.action, 'create');
  assert.equal(audit[0]!.unit_code, '03445');
  assert.equal((audit[0]!.after as { members: unknown[] }).members.length, 2);
  const other = await createHousehold(db, OFFICER, DK, newHousehold('Trần Thị B', { villageCode: '01' }));
  assert.match(other.code, /^03388000001$/);
});

test('create: validation names the field', async () => {
  const db = database.db;
  await assert.rejects(createHousehold(db, OFFICER, MT, newHousehold('X', { villageCode: '09' })), refusal('village_not_found', { field: 'villageCode' }));
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [spouse('Chỉ có vợ')] }), refusal('household_head_count', { count: 0 }));
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A'), head('B')] }), refusal('household_head_count', { count: 2 }));
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A', { dateOfBirth: null, birthYear: null })] }), refusal('member_birth_required', { field: 'members.0.dateOfBirth' }));
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A', { dateOfBirth: '1980-02-30' })] }), refusal('field_pattern', { field: 'members.0.dateOfBirth' }));
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A', { facts: { employment: 'boss' } })] }), refusal('field_enum', { field: 'members.0.facts.employment' }));
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A', { facts: { shoeSize: 42 } })] }), refusal('field_unknown', { field: 'members.0.facts.shoeSize' }));
  await assert.rejects(createHousehold(db, OFFICER, MT, newHousehold('A', { facts: { housing: { floorArea: 20 } } })), refusal('field_required', { field: 'facts.housing.frame' }));
  await assert.rejects(createHousehold(db, OFFICER, MP, newHousehold('A', { communeCode: '03445' })), refusal('out_of_scope'));
  await assert.rejects(createHousehold(db, OFFICER, DIEN_BIEN, newHousehold('A', { communeCode: '03445' })), refusal('out_of_scope'));
});

test('citizen ID: 12 digits, sex/century and birth-year digits checked; unique among living members nationwide', async () => {
  const db = database.db;
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A', { citizenId: '01208012345' })] }), refusal('citizen_id_format', { field: 'members.0.citizenId' }));
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A', { citizenId: '01208012345x' })] }), refusal('citizen_id_format'));
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A', { citizenId: '012180123456' })] }), refusal('citizen_id_sex_century'));
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A', { citizenId: '012081123456' })] }), refusal('citizen_id_birth_year', { encoded: 1981, year: 1980 }));
  const id = citizenId('male', 1980);
  const spaced = `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}`;
  const holder = await createHousehold(db, OFFICER, MT, newHousehold('Có CCCD', { members: [head('Có CCCD', { citizenId: spaced })] }));
  assert.equal(holder.headCitizenId, id, 'spaces removed');
  // Same number in another province: refused, naming the household that has it.
  await assert.rejects(createHousehold(db, OFFICER, MP, newHousehold('Trùng', { villageCode: '01', members: [head('Trùng', { citizenId: id })] })), refusal('citizen_id_duplicate', { household: holder.code, citizenId: id }));
  const twice = citizenId('female', 1984);
  await assert.rejects(createHousehold(db, OFFICER, MT, { members: [head('A'), spouse('B', { citizenId: twice }), spouse('C', { citizenId: twice, relation: 'sibling' })] }), refusal('citizen_id_repeated', { field: 'members.2.citizenId' }));
  // After the holder leaves (member removed… here the whole household moved away), the number is free again.
  const wife = citizenId('female', 1984);
  const h = await createHousehold(db, OFFICER, MT, newHousehold('Chồng', { members: [head('Chồng'), spouse('Vợ', { citizenId: wife })] }));
  const w = h.members.find((m) => m.relation === 'spouse')!;
  await removeMember(db, OFFICER, MT, h.id, w.id, h.version, { reason: 'married_out', date: '2025-08-01' });
  const again = await createHousehold(db, OFFICER, DK, newHousehold('Vợ', { members: [head('Vợ', { citizenId: wife, sex: 'female', birthYear: 1984, dateOfBirth: null })] }));
  assert.equal(again.headCitizenId, wife);
});

test('update: a stale version is a conflict and changes nothing; the first save wins and is audited', async () => {
  const db = database.db;
  const h = await createHousehold(db, OFFICER, MT, newHousehold('Đặng Thị Đào'));
  const first = await updateHousehold(db, OFFICER, MT, h.id, h.version, { address: 'Số 1, Bản Nậm Củm', phone: '0912345678' });
  assert.equal(first.version, h.version + 1);
  await assert.rejects(updateHousehold(db, { ...OFFICER, username: 'mt.rsv' }, MT, h.id, h.version, { address: 'Ghi đè' }), refusal('conflict'));
  const now = (await getHousehold(db, MT, h.id))!;
  assert.equal(now.address, 'Số 1, Bản Nậm Củm');
  assert.equal(now.version, first.version);
  const audit = await auditOf(db, 'household', h.id);
  assert.deepEqual(
    audit.map((a) => a.action),
    ['create', 'update'],
  );
  assert.equal((audit[1]!.before as { address: string }).address, 'Bản Nậm Củm');
  assert.equal((audit[1]!.after as { address: string }).address, 'Số 1, Bản Nậm Củm');
  // Out of scope: not found, nothing changed.
  await assert.rejects(updateHousehold(db, OFFICER, DK, h.id, now.version, { address: 'X' }), refusal('out_of_scope'));
  await assert.rejects(updateHousehold(db, OFFICER, DIEN_BIEN, h.id, now.version, { address: 'X' }), refusal('out_of_scope'));
  assert.equal(await getHousehold(db, DK, h.id), undefined);
  assert.ok(await getHousehold(db, LAI_CHAU, h.id));
});

test('update: moving village keeps the residence history; facts are replaced as a whole', async () => {
  const db = database.db;
  const h = await createHousehold(db, OFFICER, MT, newHousehold('Chuyển Bản'));
  const moved = await updateHousehold(db, OFFICER, MT, h.id, h.version, { villageCode: '02', movedOn: '2025-09-01', facts: { waterSource: 'piped' } });
  assert.equal(moved.villageCode, '02');
  assert.deepEqual(moved.facts, { waterSource: 'piped' });
  const d = (await getHousehold(db, MT, h.id))!;
  assert.deepEqual(d.residences, [
    { communeCode: '03445', villageCode: '01', validFrom: '2020-01-01', validTo: '2025-09-01' },
    { communeCode: '03445', villageCode: '02', validFrom: '2025-09-01', validTo: null },
  ]);
  await assert.rejects(updateHousehold(db, OFFICER, MT, h.id, moved.version, { villageCode: '09' }), refusal('village_not_found'));
});

test('members: add, edit, hand over the head, remove; each bumps the household version and is audited', async () => {
  const db = database.db;
  const h = await createHousehold(db, OFFICER, MT, newHousehold('Vàng A Sình'));
  const child = await addMember(db, OFFICER, MT, h.id, h.version, { fullName: 'Vàng Thị Mai', dateOfBirth: '2015-05-01', sex: 'female', relation: 'child', facts: { healthInsurance: true, attendingSchool: true, attendingLevel: 'primary' } });
  assert.equal(child.member.lineNo, 3);
  assert.equal(child.household.version, h.version + 1);
  await assert.rejects(addMember(db, OFFICER, MT, h.id, h.version, { fullName: 'Cũ', birthYear: 2000, sex: 'male', relation: 'child' }), refusal('conflict'));
  const edited = await updateMember(db, OFFICER, MT, h.id, child.member.id, child.household.version, { facts: { healthInsurance: false, attendingSchool: true, attendingLevel: 'primary' } });
  assert.equal(edited.member.facts.healthInsurance, false);
  assert.equal(edited.member.fullName, 'Vàng Thị Mai', 'omitted fields kept');
  const wife = h.members.find((m) => m.relation === 'spouse')!;
  const handed = await updateMember(db, OFFICER, MT, h.id, wife.id, edited.household.version, { relation: 'head' }, { formerHeadRelation: 'spouse' });
  assert.equal(handed.household.headName, 'Vàng A Sình (vợ)');
  const handedOver = (await getHousehold(db, MT, h.id))!;
  assert.deepEqual(
    handedOver.members.filter((m) => m.active).map((m) => [m.fullName, m.relation]),
    [
      ['Vàng A Sình', 'spouse'],
      ['Vàng A Sình (vợ)', 'head'],
      ['Vàng Thị Mai', 'child'],
    ],
  );
  await assert.rejects(removeMember(db, OFFICER, MT, h.id, wife.id, handedOver.version, { reason: 'moved_out' }), refusal('household_head_remove'));
  await assert.rejects(updateMember(db, OFFICER, MT, h.id, wife.id, handedOver.version, { relation: 'spouse' }), refusal('household_head_count', { count: 0 }));
  const removed = await removeMember(db, OFFICER, MT, h.id, child.member.id, handedOver.version, { reason: 'moved_out', date: '2025-10-01' });
  assert.equal(removed.member.active, false);
  assert.equal(removed.member.leftReason, 'moved_out');
  await assert.rejects(removeMember(db, OFFICER, MT, h.id, child.member.id, removed.household.version, { reason: 'moved_out' }), refusal('member_not_found'));
  const memberAudit = await auditOf(db, 'member', child.member.id);
  assert.deepEqual(
    memberAudit.map((a) => a.action),
    ['create', 'update', 'remove'],
  );
  assert.equal((memberAudit[1]!.before as { facts: { healthInsurance: boolean } }).facts.healthInsurance, true);
  assert.equal((memberAudit[1]!.after as { facts: { healthInsurance: boolean } }).facts.healthInsurance, false);
  // Members of a household outside the scope are out of reach.
  await assert.rejects(addMember(db, OFFICER, DK, h.id, removed.household.version, { fullName: 'X', birthYear: 2000, sex: 'male', relation: 'child' }), refusal('out_of_scope'));
});

test('status: moved away closes the residence and frees members; back to active restores them; merge needs a target', async () => {
  const db = database.db;
  const id = citizenId('male', 1980);
  const h = await createHousehold(db, OFFICER, MT, newHousehold('Rời Đi', { members: [head('Rời Đi', { citizenId: id })] }));
  await assert.rejects(changeHouseholdStatus(db, OFFICER, MT, h.id, h.version, { status: 'moved_away', date: '2019-01-01' }), refusal('household_status_date'));
  const moved = await changeHouseholdStatus(db, OFFICER, MT, h.id, h.version, { status: 'moved_away', date: '2025-11-01', reason: 'Chuyển đến tỉnh khác' });
  assert.equal(moved.status, 'moved_away');
  assert.equal(moved.statusDate, '2025-11-01');
  const d = (await getHousehold(db, MT, h.id))!;
  assert.equal(d.residences[0]!.validTo, '2025-11-01');
  assert.ok(d.members.every((m) => !m.active && m.leftReason === 'household_moved_away'));
  await assert.rejects(updateHousehold(db, OFFICER, MT, h.id, moved.version, { address: 'X' }), refusal('household_inactive'));
  const back = await changeHouseholdStatus(db, OFFICER, MT, h.id, moved.version, { status: 'active', date: '2025-12-01', reason: 'Ghi nhầm' });
  assert.equal(back.status, 'active');
  assert.equal(back.headCitizenId, id);
  const d2 = (await getHousehold(db, MT, h.id))!;
  assert.equal(d2.members.filter((m) => m.active).length, 1);
  assert.equal(d2.residences.length, 2);
  await assert.rejects(changeHouseholdStatus(db, OFFICER, MT, h.id, back.version, { status: 'merged', date: '2025-12-15' }), refusal('household_merge_target'));
  const target = await createHousehold(db, OFFICER, MT, newHousehold('Hộ Nhận'));
  const merged = await changeHouseholdStatus(db, OFFICER, MT, h.id, back.version, { status: 'merged', date: '2025-12-15', mergedIntoId: target.id });
  assert.equal(merged.mergedIntoId, target.id);
  const audit = await auditOf(db, 'household', h.id);
  assert.deepEqual(
    audit.filter((a) => a.action === 'status_change').map((a) => [(a.before as { status: string }).status, (a.after as { status: string }).status]),
    [
      ['active', 'moved_away'],
      ['moved_away', 'active'],
      ['active', 'merged'],
    ],
  );
});

test('list: scope, filters, diacritic- and case-insensitive search, paging with total', async () => {
  const db = database.db;
  const all = await listHouseholds(db, MT, { pageSize: 500 });
  assert.ok(all.total >= 5);
  assert.equal(all.items.length, all.total);
  assert.ok(all.items.every((h) => h.communeCode === '03445' && h.status === 'active'));
  const found = await listHouseholds(db, MT, { q: 'nguyen van a' });
  assert.deepEqual(
    found.items.map((h) => h.headName),
    ['Nguyễn Văn A'],
  );
  assert.equal((await listHouseholds(db, MT, { q: 'NGUYỄN VĂN A' })).total, 1);
  assert.equal((await listHouseholds(db, MT, { q: 'dang thi dao' })).total, 1, 'đ folds to d');
  assert.equal((await listHouseholds(db, MT, { q: 'sinh (vo)' })).total, 1, 'member names are searched too');
  assert.equal((await listHouseholds(db, MT, { q: '50%_' })).total, 0, 'like wildcards are escaped');
  const byCode = await listHouseholds(db, MT, { q: found.items[0]!.code });
  assert.equal(byCode.items[0]!.id, found.items[0]!.id);
  // Codes with letters and separators (as imports bring them), typed in lower case or by their start.
  const original = found.items[0]!.code;
  await sql`update household set code = 'NHAP_LIEU-0003/A' where id = ${found.items[0]!.id}`.execute(db);
  try {
    for (const q of ['NHAP_LIEU-0003/A', 'nhap_lieu-0003', ' NHAP_LIEU-00 ']) {
      assert.deepEqual((await listHouseholds(db, MT, { q })).items.map((h) => h.id), [found.items[0]!.id], q);
    }
    assert.equal((await listHouseholds(db, MT, { q: 'NHAPXLIEU-0003' })).total, 0, '_ is not a wildcard');
    assert.equal((await listHouseholds(db, DK, { q: 'NHAP_LIEU-0003/A' })).total, 0, 'another commune finds nothing');
  } finally {
    await sql`update household set code = ${original} where id = ${found.items[0]!.id}`.execute(db);
  }
  // Another commune's user finds nothing of Mường Tè; the province finds both communes.
  assert.equal((await listHouseholds(db, DK, { q: 'nguyen van a' })).total, 0);
  assert.equal((await listHouseholds(db, DIEN_BIEN, { q: 'nguyen' })).total, 0);
  const province = await listHouseholds(db, LAI_CHAU, { pageSize: 500 });
  assert.deepEqual([...new Set(province.items.map((h) => h.communeCode))].toSorted(), ['03388', '03445']);
  const village2 = await listHouseholds(db, MT, { villageCode: '02' });
  assert.ok(village2.items.every((h) => h.villageCode === '02' && h.villageName === 'Bản Phìn Khò'));
  const p1 = await listHouseholds(db, MT, { page: 1, pageSize: 2 });
  const p2 = await listHouseholds(db, MT, { page: 2, pageSize: 2 });
  assert.equal(p1.items.length, 2);
  assert.equal(p1.total, all.total);
  assert.notEqual(p1.items[0]!.id, p2.items[0]!.id);
  assert.ok(p1.items[1]!.code < p2.items[0]!.code, 'ordered by code');
  const gone = await listHouseholds(db, MT, { status: 'merged' });
  assert.equal(gone.total, 1);
});

test('list: current list status from list_status (latest decision in force)', async () => {
  const db = database.db;
  const h = await createHousehold(db, OFFICER, MT, newHousehold('Có Danh Sách'));
  await db
    .insertInto('list_status')
    .values([
      { province_code: '12', household_id: h.id, list_year: 2024, status: 'poor', standard_id: 'ND07_2021', decision_number: '12/QĐ-UBND', decision_date: '2023-12-20', effective_from: '2024-01-01' },
      { province_code: '12', household_id: h.id, list_year: 2025, status: 'near_poor', standard_id: 'ND07_2021', decision_number: '30/QĐ-UBND', decision_date: '2024-12-20', effective_from: '2025-01-01' },
    ])
    .execute();
  const near = await listHouseholds(db, MT, { listStatus: 'near_poor' });
  assert.deepEqual(
    near.items.map((x) => x.id),
    [h.id],
  );
  assert.equal((await listHouseholds(db, MT, { listStatus: 'poor' })).total, 0);
  assert.equal((await listHouseholds(db, MT, { listStatus: 'poor', asOf: '2024-06-01' })).total, 1);
  assert.ok((await listHouseholds(db, MT, { listStatus: 'unlisted' })).items.every((x) => x.id !== h.id));
  assert.equal((await getHousehold(db, MT, h.id))!.listStatus?.status, 'near_poor');
});

test('two writers race on the same household: exactly one wins, the other gets a conflict', async () => {
  const db = database.db;
  const h = await createHousehold(db, OFFICER, MT, newHousehold('Hai Người Sửa'));
  const results = await Promise.allSettled([
    updateHousehold(db, OFFICER, MT, h.id, h.version, { address: 'Bản A' }),
    updateHousehold(db, OFFICER, MT, h.id, h.version, { address: 'Bản B' }),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
  assert.ok(refusal('conflict')(lost.reason));
  const now = (await getHousehold(db, MT, h.id))!;
  assert.equal(now.version, h.version + 1);
  const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ address: string | null }>).value;
  assert.equal(now.address, winner.address);
});
