/** Searching the audit log, always inside the reader's scope. */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { DB } from './schema.ts';
import type { Scope } from '../domain/access/scope.ts';
import { scopePredicate } from './scope-filter.ts';
import { recordedCreation, recordedHouseholds, recordedMembers, STAGED_HOUSEHOLDS, withRecordedMembers } from './import/import-record.ts';
import { IMPORT_JOB_ENTITY } from './import/commit-households.ts';

export interface AuditQuery {
  actor?: string;
  unit?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

type AuditRows = SelectQueryBuilder<DB, 'audit_log', object>;

/** The reader's scope and the filters on who, where and when (not on what: entity, id, action). */
function scoped(db: Kysely<DB>, scope: Scope, q: AuditQuery): AuditRows {
  let query = db
    .selectFrom('audit_log')
    .where(scopePredicate(scope, { province: 'audit_log.province_code', commune: 'audit_log.unit_code' }));
  if (q.actor) query = query.where('actor_username', '=', q.actor.trim().toLowerCase());
  if (q.unit) query = query.where((eb) => eb.or([eb('audit_log.unit_code', '=', q.unit!), eb('audit_log.province_code', '=', q.unit!)]));
  if (q.from) query = query.where('at', '>=', sql<Date>`${q.from}::date`);
  if (q.to) query = query.where('at', '<', sql<Date>`${q.to}::date + 1`);
  return query;
}

/**
 * The creation of household `q.entityId` by an import (household.import_job), found through the audit row
 * of its job for its chunk and commune — who, when, where — with the same filters as the rest; its
 * after-image comes from the job's import record (its members put back with the page's). Null when the
 * search cannot include it.
 */
async function importCreation(db: Kysely<DB>, scope: Scope, q: AuditQuery) {
  if (!q.entityId || !/^[0-9]{1,18}$/u.test(q.entityId)) return null;
  if ((q.entity && q.entity !== 'household') || (q.action && q.action !== 'import_create')) return null;
  const row = await scoped(db, scope, q)
    .innerJoin('household as h', (j) => j.on(sql<boolean>`h.id = ${q.entityId}::bigint`).on('h.import_job', 'is not', null))
    .where('audit_log.entity', '=', IMPORT_JOB_ENTITY)
    .where('audit_log.action', '=', 'import_create')
    .where(sql<boolean>`audit_log.entity_id = h.import_job::text and audit_log.province_code = h.province_code
      and audit_log.after->>'firstCode' <= h.code and audit_log.after->>'lastCode' >= h.code
      and exists (select 1 from ${STAGED_HOUSEHOLDS} r where r.job_id = h.import_job and r.household_code = h.code
                  and r.commune_code = audit_log.unit_code)`)
    .selectAll('audit_log')
    .select(['h.id as household_id', 'h.code as household_code', 'h.import_job'])
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  const after = await recordedCreation(db, Number(row.import_job), row.household_code);
  return { ...row, entity: 'household', entity_id: String(row.household_id), after };
}

export async function searchAudit(db: Kysely<DB>, scope: Scope, q: AuditQuery) {
  let query = scoped(db, scope, q);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.action) query = query.where('action', '=', q.action);
  const total = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const offset = (q.page - 1) * q.pageSize;
  const rows = await query
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset(offset)
    .execute();
  // A household created by an import: its creation is the first of its entries, the last of the list.
  const creation = await importCreation(db, scope, q);
  const n = Number(total.n) + (creation ? 1 : 0);
  const page = creation && offset <= n - 1 && n - 1 < offset + q.pageSize ? [...rows, creation] : rows;
  // Households written by an import keep their members in the import's record: put them back.
  const members = await recordedMembers(db, recordedHouseholds(page.map((r) => r.after)));
  return {
    total: n,
    items: page.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      actorRole: r.actor_role,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      provinceCode: r.province_code,
      unitCode: r.unit_code,
      before: r.before,
      after: withRecordedMembers(r.after, members),
      reason: r.reason,
      ip: r.ip,
    })),
  };
}
