import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { copyJsonString, factsJson } from '../../../src/db/import/fact-json.ts';
import { HOUSEHOLD_SHEET } from '../../../src/domain/import/household-columns.ts';
import { MEMBER_SHEET } from '../../../src/domain/import/member-columns.ts';
import type { ImportSheet } from '../../../src/domain/import/column-types.ts';

/** Staged texts in sheet order from a key → text record (absent keys are empty cells). */
function texts(sheet: ImportSheet, cells: Record<string, string>): Array<string | null> {
  for (const key of Object.keys(cells)) assert.ok(sheet.columns.some((c) => c.key === key), `no column ${key}`);
  return sheet.columns.map((c) => cells[c.key] ?? null);
}

test('household facts: housing group, codes as arrays, an explicit empty list, booleans and numbers as stored', () => {
  const json = factsJson(HOUSEHOLD_SHEET)(
    texts(HOUSEHOLD_SHEET, { household_code: 'H1', floor_area: '42.5', frame: 'durable', walls: 'durable', roof: 'durable', water_source: 'piped',
      uses_internet: 't', uses_telephone: 'f', information_devices: 'smartphone;tv', farm_occupations: '' }),
  );
  assert.deepEqual(JSON.parse(json), {
    housing: { floorArea: 42.5, frame: 'durable', walls: 'durable', roof: 'durable' },
    waterSource: 'piped',
    usesInternet: true,
    usesTelephone: false,
    informationDevices: ['smartphone', 'tv'],
    farmOccupations: [],
  });
  // The number keeps its digits as typed (PostgreSQL's numeric keeps the scale too).
  assert.match(json, /"floorArea":42\.5[,}]/u);
});

test('household facts: no housing group without its first column, empty cells leave keys out', () => {
  assert.equal(factsJson(HOUSEHOLD_SHEET)(texts(HOUSEHOLD_SHEET, { household_code: 'H1', roof: 'durable', latrine: 'flush' })), '{"latrine":"flush"}');
  assert.equal(factsJson(HOUSEHOLD_SHEET)(texts(HOUSEHOLD_SHEET, { household_code: 'H1' })), '{}');
});

const fact = (key: string) => MEMBER_SHEET.columns.find((c) => c.key === key)!.fact!;

test('member facts: flags, codes, and strings with quotes are valid JSON', () => {
  const json = factsJson(MEMBER_SHEET)(texts(MEMBER_SHEET, { full_name: 'Lò Văn "A"', health_insurance: 't', attending_school: 'f', employment: 'self_employed' }));
  assert.deepEqual(JSON.parse(json), { [fact('health_insurance')]: true, [fact('attending_school')]: false, [fact('employment')]: 'self_employed' });
  // A number cell that is not a plain decimal (a row with a finding) still gives valid JSON.
  const odd = factsJson(HOUSEHOLD_SHEET)(texts(HOUSEHOLD_SHEET, { floor_area: 'một trăm' }));
  assert.deepEqual(JSON.parse(odd), { housing: {} });
});

test("copyJsonString is JSON.stringify with every backslash doubled (a field of COPY's text format)", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('', '"', '\\', '\u0000', '\ud800', 'Lò Văn "A"', 'a\nb')), (t) => {
      const json = JSON.stringify(t);
      assert.equal(copyJsonString(t), json.replaceAll('\\', '\\\\'));
      // Nothing that would end the field or the line.
      assert.doesNotMatch(copyJsonString(t), /[\t\n\r]/u);
    }),
    { numRuns: 20_000 },
  );
});
