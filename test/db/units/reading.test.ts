import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8, parseCsv } from '../../../src/db/units/import/csv.ts';
import { parseCode, parseDate } from '../../../src/db/units/import/fields.ts';
import { searchWords, toAscii } from '../../../src/db/units/text.ts';
import { canonicalName, resolveType, typeFromName } from '../../../src/db/units/vocabulary.ts';

test('CSV: quotes, doubled quotes, line breaks inside quotes, CRLF, blank lines; records keep their starting line', () => {
  const text = 'code,name,note\r\n01,"Hà Nội, thủ đô","a ""b"""\r\n\r\n02,"Hai\ndòng",x\n03,Ba,\n';
  assert.deepEqual(parseCsv(text), [
    { row: 1, values: ['code', 'name', 'note'] },
    { row: 2, values: ['01', 'Hà Nội, thủ đô', 'a "b"'] },
    { row: 4, values: ['02', 'Hai\ndòng', 'x'] },
    { row: 6, values: ['03', 'Ba', ''] },
  ]);
});

test('CSV: semicolon or tab delimiter taken from the header; BOM consumed; non-UTF-8 refused', () => {
  assert.deepEqual(parseCsv('code;name\n01;Hà Nội\n').map((r) => r.values), [['code', 'name'], ['01', 'Hà Nội']]);
  assert.deepEqual(parseCsv('code\tname\n01\tHà Nội').map((r) => r.values), [['code', 'name'], ['01', 'Hà Nội']]);
  assert.equal(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])), 'a');
  assert.throws(() => decodeUtf8(new Uint8Array([0x61, 0xe0, 0x0a])), /không phải mã UTF-8/u);
});

test('dates: ISO and Vietnamese day/month/year, real days only', () => {
  assert.equal(parseDate('2026-04-30'), '2026-04-30');
  assert.equal(parseDate('30/04/2026'), '2026-04-30');
  assert.equal(parseDate('1.7.2025'), '2025-07-01');
  assert.equal(parseDate('2026-02-29'), null);
  assert.equal(parseDate('04/30/2026'), null);
  assert.equal(parseDate('hôm nay'), null);
});

test('codes: leading zeros restored to the expected length, otherwise 1 → 2 and 4 → 5 digits', () => {
  assert.equal(parseCode('1', 2), '01');
  assert.equal(parseCode('3445', 5), '03445');
  assert.equal(parseCode('123456', 5), null);
  assert.equal(parseCode('12a', 5), null);
  assert.equal(parseCode('4'), '04');
  assert.equal(parseCode('3445'), '03445');
  assert.equal(parseCode('318'), '318');
});

test('text: ASCII fold for search (đ → d), apostrophes unified, search words', () => {
  assert.equal(toAscii('Xã Mường Tè'), 'Xa Muong Te');
  assert.equal(toAscii('Thành phố Đồng Nai'), 'Thanh pho Dong Nai');
  assert.equal(toAscii('Xã  M’Drắk '), "Xa M'Drak");
  assert.deepEqual(searchWords('  Mường-TÈ  '), ['muong', 'te']);
});

test('vocabulary: types per layout and tier, aliases, names with their type prefix', () => {
  assert.equal(resolveType('2025', 'province', 'Thành phố Trung Ương')?.type, 'Thành phố');
  assert.equal(resolveType('2024', 'province', 'Thành phố')?.type, 'Thành phố Trung ương');
  assert.equal(resolveType('2025', 'commune', 'thị trấn'), null, 'no township after 2025-07-01');
  assert.equal(resolveType('2024', 'commune', 'township')?.areaType, 'urban');
  assert.equal(typeFromName('2025', 'commune', 'Đặc khu Côn Đảo')?.typeEn, 'special_zone');
  assert.equal(canonicalName('Thị Trấn  Ngọc Lặc', resolveType('2024', 'commune', 'Thị trấn')!), 'Thị trấn Ngọc Lặc');
  assert.equal(canonicalName('Thành Phố Đồng Hới', resolveType('2024', 'district', 'Thành phố')!), 'Thành phố Đồng Hới');
});
