/**
 * Summary-record validation, the columnar path's invalid-record handling, and input parsing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AREA_CODE,
  CLASS_CODE,
  ClassificationInputError,
  classifySummaryColumns,
  classifySummaryRecord,
  getStandard,
  parseClassificationInput,
} from '../../../src/domain/index.ts';

const ND07 = getStandard('ND07_2021');

function rejects(record: unknown, message: RegExp): void {
  assert.throws(
    () => classifySummaryRecord(record as never, ND07),
    (e: unknown) => e instanceof ClassificationInputError && message.test(e.message),
    JSON.stringify(record),
  );
}

test('summary records: Vietnamese errors for each kind of bad input', () => {
  rejects({ area: 'mountain', income: 1, deprivations: [] }, /Khu vực "mountain" không hợp lệ/);
  rejects({ income: 1, deprivations: [] }, /Thiếu khu vực \(area\)/);
  rejects({ area: 'rural', income: -1, deprivations: [] }, /Thu nhập \(income\) không được âm/);
  rejects({ area: 'rural', income: '1000', deprivations: [] }, /phải là một số/);
  rejects({ area: 'rural', deprivations: [] }, /Thiếu thu nhập bình quân \(income\) hoặc điểm A \(scoreA\)/);
  rejects({ area: 'rural', scoreA: -3, deprivations: [] }, /Điểm A \(scoreA\) không được âm/);
  rejects({ area: 'rural', income: 1, deprivations: ['waste_treatment'] }, /Chỉ số "waste_treatment" không thuộc chuẩn ND07_2021/);
  rejects({ area: 'rural', income: 1, deprivations: ['latrine', 'latrine'] }, /bị lặp/);
  rejects({ area: 'rural', income: 1 }, /Thiếu danh sách chỉ số thiếu hụt/);
  rejects({ area: 'rural', income: 1, deprivations: 'latrine' }, /phải là một mảng/);
});

test('the result keeps the id and the input order of deprivations, and does not alias the input array', () => {
  const deprivations = ['latrine', 'health_insurance', 'water_source'];
  const r = classifySummaryRecord({ id: 42, area: 'rural', income: 1, deprivations }, ND07);
  assert.equal(r.id, 42);
  assert.deepEqual(r.deprivations, deprivations);
  assert.notEqual(r.deprivations, deprivations);
  assert.equal(classifySummaryRecord({ area: 'rural', income: 1, deprivations: [] }, ND07).id, null);
});

test('columnar path marks invalid records and counts them', () => {
  const n = 6;
  const cols = { length: n, area: new Uint8Array(n), value: new Float64Array(n), deprivationMask: new Uint32Array(n) };
  const rows: [number, number, number][] = [
    [AREA_CODE.rural, 1_000_000, 0b111],
    [2, 1_000_000, 0],
    [AREA_CODE.urban, -1, 0],
    [AREA_CODE.urban, Number.NaN, 0],
    [AREA_CODE.urban, 1, 1 << 12],
    [AREA_CODE.urban, Infinity, 0],
  ];
  rows.forEach(([a, v, m], i) => {
    cols.area[i] = a;
    cols.value[i] = v;
    cols.deprivationMask[i] = m;
  });
  const out = new Uint8Array(n);
  assert.equal(classifySummaryColumns(ND07, cols, 'income', out), 5);
  assert.deepEqual([...out], [CLASS_CODE.POOR, 255, 255, 255, 255, 255]);
  assert.throws(() => classifySummaryColumns(ND07, { ...cols, length: 10 }, 'income', out), RangeError);
});

test('parseClassificationInput: raw household vs summary, type and code-list errors', () => {
  assert.equal(parseClassificationInput({ area: 'rural', income: 1, deprivations: [] }).kind, 'summary');
  assert.equal(parseClassificationInput({ area: 'rural', income: 1, members: [{ birthYear: 1990, sex: 'male' }] }).kind, 'household');
  const bad: [unknown, RegExp][] = [
    [[1, 2], /đối tượng JSON/],
    ['x', /đối tượng JSON/],
    [null, /đối tượng JSON/],
    [{ id: { a: 1 }, area: 'rural' }, /mã hộ \(id\)/],
    [{ area: 'rural', members: [] }, /ít nhất một thành viên/],
    [{ area: 'rural', members: [{ sex: 'male' }] }, /Thành viên thứ 1: thiếu ngày sinh/],
    [{ area: 'rural', members: [{ birthYear: 1990 }] }, /thiếu giới tính/],
    [{ area: 'rural', members: [{ birthYear: 1990, sex: 'x' }] }, /sex = "x" không hợp lệ/],
    [{ area: 'rural', members: [{ birthYear: 1990.5, sex: 'male' }] }, /birthYear phải là số nguyên/],
    [{ area: 'rural', members: [{ birthYear: 1990, sex: 'male', healthInsurance: 'yes' }] }, /healthInsurance phải là true hoặc false/],
    [{ area: 'rural', members: [{ birthYear: 1990, sex: 'male', employment: 'retired' }] }, /employment = "retired" không hợp lệ/],
    [{ area: 'rural', members: [{ birthYear: 1990, sex: 'male' }], waterSource: 'lake' }, /waterSource = "lake"/],
    [{ area: 'rural', members: [{ birthYear: 1990, sex: 'male' }], informationDevices: ['tv', 'fax'] }, /informationDevices chứa "fax"/],
    [{ area: 'rural', members: [{ birthYear: 1990, sex: 'male' }], housing: { floorArea: 'big' } }, /floorArea phải là một số/],
    [{ area: 'rural', members: [{ birthYear: 1990, sex: 'male' }], housing: { floorArea: 20, roof: 'glass' } }, /roof = "glass"/],
  ];
  for (const [value, message] of bad) {
    assert.throws(() => parseClassificationInput(value), (e: unknown) => e instanceof ClassificationInputError && message.test(e.message), JSON.stringify(value));
  }
});
