/** Searching the audit log, always inside the reader's scope. */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import type { Scope } from '../domain/access/scope.ts';
import { scopePredicate } from './scope-filter.ts';
import { recordedHouseholds, recordedMembers, withRecordedMembers } from './import/import-record.ts';

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

export async function searchAudit(db: Kysely<DB>, scope: Scope, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log')
    .where(scopePredicate(scope, { province: 'audit_log.province_code', commune: 'audit_log.unit_code' }));
  if (q.actor) query = query.where('actor_username', '=', q.actor.trim().toLowerCase());
  if (q.unit) query = query.where((eb) => eb.or([eb('unit_code', '=', q.unit!), eb('province_code', '=', q.unit!)]));
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.from) query = query.where('at', '>=', sql<Date>`${q.from}::date`);
  if (q.to) query = query.where('at', '<', sql<Date>`${q.to}::date + 1`);
  const total = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  // Households written by an import keep their members in the import's record: put them back.
  const members = await recordedMembers(db, recordedHouseholds(rows.map((r) => r.after)));
  return {
    total: total.n,
    items: rows.map((r) => ({
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
