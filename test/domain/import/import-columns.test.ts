/** The import column specification: unique keys and headers, facts that exist in the input model, code lists that resolve. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORM_A_ITEM_KEYS, IMPORT_SHEETS, SHEETS_BY_ID } from '../../../src/domain/import/index.ts';
import { CODE_LISTS, codeOf } from '../../../src/db/import/code-lists.ts';
import { HOUSEHOLD_FACT_FIELDS, MEMBER_FACT_FIELDS } from '../../../src/db/registry/fact-fields.ts';
import { FORM_A_ITEMS } from '../../../src/db/registry/survey-codes.ts';

test('every sheet has unique keys and headers, a short sheet name and snake_case keys', () => {
  for (const sheet of Object.values(SHEETS_BY_ID)) {
    assert.ok(sheet.name.length <= 31, sheet.name);
    const keys = sheet.columns.map((c) => c.key);
    assert.equal(new Set(keys).size, keys.length, `${sheet.id} keys`);
    const headers = sheet.columns.map((c) => c.header);
    assert.equal(new Set(headers).size, headers.length, `${sheet.id} headers`);
    for (const k of keys) assert.match(k, /^[a-z][a-z0-9_]*$/);
    assert.equal(sheet.columns[0]!.key, 'household_code');
  }
  assert.deepEqual(IMPORT_SHEETS.survey.map((s) => s.id), ['households', 'members', 'surveys']);
});

test('household and member facts name fields of the classification input model', () => {
  for (const c of SHEETS_BY_ID.households.columns) {
    if (!c.fact) continue;
    const [top, sub] = c.fact.split('.');
    const spec = HOUSEHOLD_FACT_FIELDS[top!];
    assert.ok(spec, c.fact);
    if (sub) assert.ok(spec.kind === 'object' && sub in spec.fields, c.fact);
  }
  for (const c of SHEETS_BY_ID.members.columns) if (c.fact) assert.ok(MEMBER_FACT_FIELDS[c.fact], c.fact);
  assert.deepEqual([...FORM_A_ITEM_KEYS], Object.keys(FORM_A_ITEMS));
});

test('coded columns resolve codes and Vietnamese labels, folded', () => {
  for (const sheet of Object.values(SHEETS_BY_ID)) {
    for (const c of sheet.columns) {
      if (c.type.kind !== 'code' && c.type.kind !== 'codes') continue;
      const list = CODE_LISTS[c.type.list];
      assert.ok(Object.keys(list).length > 1, c.key);
      for (const [code, label] of Object.entries(list)) {
        assert.equal(codeOf(c.type.list, label), code);
        assert.equal(codeOf(c.type.list, label.toUpperCase()), code);
        assert.equal(codeOf(c.type.list, code), code);
      }
    }
  }
  assert.equal(codeOf('relation', 'Chu ho'), 'head');
  assert.equal(codeOf('sex', 'Nữ'), 'female');
  assert.equal(codeOf('sex', 'khác'), null);
});
