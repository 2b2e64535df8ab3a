/** One permission test per action (OpenCRVS style): which roles may, which may not. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, can, assignableRoles, type Action } from '../../../src/domain/access/permissions.ts';
import { ROLES, type Role } from '../../../src/domain/access/roles.ts';
import { scopeContains, scopeCovers } from '../../../src/domain/access/scope.ts';

const EXPECTED: Record<Action, Role[]> = {
  'unit.read': [...ROLES],
  'unit.import': ['national_admin'],
  'settings.read': ['national_admin', 'province_officer', 'commune_officer', 'commune_chair', 'steering_viewer'],
  'settings.write': ['national_admin'],
  'user.read': ['national_admin', 'province_officer', 'commune_officer', 'commune_chair'],
  'user.manage': ['national_admin', 'province_officer'],
  'audit.read': ['national_admin', 'province_officer', 'commune_officer', 'commune_chair'],
  'token.manage_own': [...ROLES],
  // Household registry: the commune writes, the province and the commune chair read; steering committees see aggregates only.
  'household.read': ['national_admin', 'province_officer', 'commune_officer', 'village_reviewer', 'commune_chair'],
  'household.write': ['national_admin', 'commune_officer', 'village_reviewer'],
  'village.write': ['national_admin', 'commune_officer'],
  'survey.write': ['national_admin', 'commune_officer', 'village_reviewer'],
  // Review workflow: the review machine decides which of these roles may take which transition.
  'campaign.manage': ['national_admin', 'province_officer'],
  'review.read': [...ROLES],
  'review.transition': ['national_admin', 'province_officer', 'commune_officer', 'commune_chair'],
  'review.record': ['national_admin', 'commune_officer'],
  'monthly.manage': ['national_admin', 'commune_officer', 'commune_chair'],
  // Outputs: recognised lists and beneficiary lists name persons; certificates are issued by the commune.
  'decision_list.read': ['national_admin', 'province_officer', 'commune_officer', 'commune_chair'],
  'certificate.issue': ['national_admin', 'commune_officer', 'commune_chair'],
  'beneficiary_list.read': ['national_admin', 'province_officer', 'commune_officer', 'commune_chair'],
  // Bulk import writes households (province for its communes at the start, commune every autumn); exports name persons.
  'import.run': ['national_admin', 'province_officer', 'commune_officer'],
  'export.read': ['national_admin', 'province_officer', 'commune_officer', 'commune_chair'],
  // Report forms and dashboards are aggregates: steering committees read them too.
  'report.read': ['national_admin', 'province_officer', 'commune_officer', 'commune_chair', 'steering_viewer'],
  'boundary.import': ['national_admin'],
  // Program management: the province plans and disburses; the commune reports its outputs; steering committees read.
  'program.read': ['national_admin', 'province_officer', 'commune_officer', 'commune_chair', 'steering_viewer'],
  'program.plan': ['national_admin', 'province_officer'],
  'program.disburse': ['national_admin', 'province_officer'],
  'program.report': ['national_admin', 'province_officer', 'commune_officer'],
};

test('every action has an expectation', () => {
  assert.deepEqual(Object.keys(EXPECTED).toSorted(), [...ACTIONS].toSorted());
});

for (const action of ACTIONS) {
  test(`permission: ${action}`, () => {
    for (const role of ROLES) assert.equal(can(role, action), EXPECTED[action].includes(role), `${role} × ${action}`);
  });
}

test('a province officer never grants national admin; commune roles grant nothing', () => {
  assert.ok(!assignableRoles('province_officer').includes('national_admin'));
  for (const r of ['commune_officer', 'village_reviewer', 'commune_chair', 'steering_viewer'] as Role[]) assert.deepEqual(assignableRoles(r), []);
});

test('scope coverage and containment', () => {
  const prov = { level: 'province', provinceCode: '12' } as const;
  const comm = { level: 'commune', provinceCode: '12', communeCode: '03445' } as const;
  assert.ok(scopeCovers(prov, { provinceCode: '12', communeCode: '03388' }));
  assert.ok(!scopeCovers(prov, { provinceCode: '11', communeCode: '03325' }));
  assert.ok(scopeCovers(comm, { provinceCode: '12', communeCode: '03445' }));
  assert.ok(!scopeCovers(comm, { provinceCode: '12', communeCode: '03388' }));
  assert.ok(!scopeCovers(comm, { provinceCode: '12' }), 'a commune user does not cover province-level records');
  assert.ok(scopeContains({ level: 'national' }, comm));
  assert.ok(scopeContains(prov, comm));
  assert.ok(!scopeContains(comm, prov));
  assert.ok(!scopeContains(prov, { level: 'province', provinceCode: '11' }));
});
