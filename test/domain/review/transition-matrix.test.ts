/**
 * The whole state × action × role matrix: every transition allowed and refused per role. The expected
 * table is written here independently of src/domain/review/review-transition-table.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type Role } from '../../../src/domain/access/roles.ts';
import {
  REVIEW_ACTIONS,
  REVIEW_STATES,
  nextActions,
  transition,
  type ReviewAction,
  type ReviewState,
} from '../../../src/domain/review/index.ts';
import { actorFor, fullInput, GOOD_CONTEXT, REJECTING_CONTEXT, reviewIn } from './fixtures.ts';

const OFFICER: Role[] = ['commune_officer', 'national_admin'];
const CHAIR: Role[] = ['commune_chair', 'national_admin'];
const SUBMITTER: Role[] = ['commune_officer', 'commune_chair', 'national_admin'];
const PROVINCE: Role[] = ['province_officer', 'national_admin'];

const EXPECTED: Record<ReviewState, Partial<Record<ReviewAction, { to: ReviewState; roles: Role[] }>>> = {
  listing: { complete_listing: { to: 'surveying', roles: OFFICER } },
  surveying: {
    complete_surveying: { to: 'village_meetings', roles: OFFICER },
    reopen_listing: { to: 'listing', roles: OFFICER },
  },
  village_meetings: {
    complete_village_meetings: { to: 'public_posting', roles: OFFICER },
    return_rejected_to_surveying: { to: 'surveying', roles: OFFICER },
  },
  public_posting: { complete_posting: { to: 'complaints', roles: OFFICER } },
  complaints: { sign_decision: { to: 'decided', roles: CHAIR } },
  decided: {
    submit_to_province: { to: 'submitted', roles: SUBMITTER },
    reopen: { to: 'surveying', roles: ['commune_chair', 'province_officer', 'national_admin'] },
  },
  submitted: {
    accept: { to: 'accepted', roles: PROVINCE },
    withdraw_submission: { to: 'decided', roles: SUBMITTER },
    reopen: { to: 'surveying', roles: PROVINCE },
  },
  accepted: { reopen: { to: 'surveying', roles: PROVINCE } },
};

for (const state of REVIEW_STATES) {
  for (const action of REVIEW_ACTIONS) {
    test(`matrix: ${state} × ${action}`, () => {
      const expected = EXPECTED[state][action];
      const context = action === 'return_rejected_to_surveying' ? REJECTING_CONTEXT : GOOD_CONTEXT;
      for (const role of ROLES) {
        const result = transition(reviewIn(state), action, actorFor(role), fullInput(context));
        const label = `${state} × ${action} × ${role}`;
        if (expected === undefined) {
          assert.equal(result.ok, false, label);
          if (!result.ok) assert.equal(result.code, 'action_not_available', label);
        } else if (expected.roles.includes(role)) {
          assert.equal(result.ok, true, `${label}: ${result.ok ? '' : result.reason}`);
          if (result.ok) {
            assert.equal(result.newState, expected.to, label);
            assert.equal(result.events[0].type, 'review_state_changed');
          }
        } else {
          assert.equal(result.ok, false, label);
          if (!result.ok) {
            assert.equal(result.code, 'role_not_allowed', label);
            assert.match(result.reason, /không được/);
          }
        }
      }
    });
  }
}

test('nextActions lists exactly the table of each state, with who may act', () => {
  for (const state of REVIEW_STATES) {
    for (const role of ROLES) {
      const actions = nextActions(state, role);
      assert.deepEqual(actions.map((a) => a.action).toSorted(), Object.keys(EXPECTED[state]).toSorted(), `${state}`);
      for (const a of actions) {
        const expected = EXPECTED[state][a.action];
        assert.ok(expected !== undefined);
        assert.deepEqual(a.roles.toSorted(), expected.roles.toSorted(), `${state} ${a.action}`);
        assert.equal(a.allowedForRole, expected.roles.includes(role));
        assert.equal(a.requiresReason, a.action === 'reopen' || a.action === 'withdraw_submission');
        assert.ok(a.labelVi.length > 0);
      }
    }
  }
});

test('village reviewers and steering viewers move no state', () => {
  for (const state of REVIEW_STATES) {
    for (const role of ['village_reviewer', 'steering_viewer'] as const) {
      assert.ok(nextActions(state, role).every((a) => !a.allowedForRole), `${state} ${role}`);
    }
  }
});
