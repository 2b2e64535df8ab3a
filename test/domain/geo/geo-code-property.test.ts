/** Matching features to unit codes: normalisation, detection of the code property, the unmatched report. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectCodeProperty, matchFeatures, normalizeCode, scoreCodeProperties, type GeoFeature } from '../../../src/domain/geo/index.ts';

const geometry = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]] as [number, number][]] };
const f = (index: number, properties: Record<string, unknown>, g: GeoFeature['geometry'] = geometry): GeoFeature => ({ index, properties, geometry: g });

test('codes are padded to the level length; non-codes stay as they are', () => {
  assert.equal(normalizeCode(3445, 'commune'), '03445');
  assert.equal(normalizeCode(' 3445 ', 'commune'), '03445');
  assert.equal(normalizeCode(1, 'province'), '01');
  assert.equal(normalizeCode('12', 'province'), '12');
  assert.equal(normalizeCode('VN-12', 'province'), 'VN-12');
  assert.equal(normalizeCode(null, 'commune'), null);
  assert.equal(normalizeCode(1.5, 'commune'), null);
});

test('the property matching most features wins; candidates win ties', () => {
  const units = new Set(['03445', '03388', '03390']);
  const features = [
    f(0, { OBJECTID: 1, MA_XA: 3445, id: '03445', province_code: '12' }),
    f(1, { OBJECTID: 2, MA_XA: 3388, id: '03388', province_code: '12' }),
    f(2, { OBJECTID: 3, MA_XA: 3390, id: 'x', province_code: '12' }),
  ];
  assert.equal(detectCodeProperty(features, units, 'commune'), 'MA_XA');
  assert.deepEqual(scoreCodeProperties(features, units, 'commune').slice(0, 2), [{ property: 'MA_XA', matches: 3 }, { property: 'id', matches: 2 }]);
  const tie = [f(0, { zz: '03445', code: '03445' })];
  assert.equal(detectCodeProperty(tie, units, 'commune'), 'code');
  assert.equal(detectCodeProperty([f(0, { name: 'x' })], units, 'commune'), null);
});

test('the report says why each feature was not used; parts of one unit are merged', () => {
  const units = new Set(['03445', '03388', '03325']);
  const m = matchFeatures(
    [
      f(0, { ma: '03445', name: 'Xã Mường Tè' }),
      f(1, { ma: '03445', ten: 'Mường Tè (đảo)' }),
      f(2, { ma: '99999', name: 'Xã Lạ' }),
      f(3, { name: 'không mã' }),
      f(4, { ma: '03388' }, null),
      f(5, { ma: '03325' }),
    ],
    'ma',
    units,
    'commune',
    (code) => code !== '03325',
  );
  assert.deepEqual([...m.byCode.keys()], ['03445']);
  assert.equal(m.byCode.get('03445')!.length, 2);
  assert.deepEqual(m.repeated, ['03445']);
  assert.deepEqual(m.unmatched, [
    { feature: 3, value: '99999', name: 'Xã Lạ', reason: 'unknown_code' },
    { feature: 4, value: null, name: 'không mã', reason: 'no_code' },
    { feature: 5, value: '03388', name: null, reason: 'no_geometry' },
    { feature: 6, value: '03325', name: null, reason: 'outside_selection' },
  ]);
});
