/**
 * The one way to write the audit log. Every write to household, user, unit or program data calls
 * recordAudit() inside the same transaction as the change, so the change and its record commit together.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

export interface Actor {
  id: number | null;
  username: string;
  role: string;
  ip?: string | null;
  requestId?: string | null;
}

/** The system itself (start-up loads, seeding). */
export const SYSTEM_ACTOR: Actor = { id: null, username: 'system', role: 'system' };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  provinceCode?: string | null;
  unitCode?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export async function recordAudit(db: Kysely<DB> | Transaction<DB>, actor: Actor, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      province_code: e.provinceCode ?? '00',
      actor_id: actor.id,
      actor_username: actor.username,
      actor_role: actor.role,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      unit_code: e.unitCode ?? null,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
      ip: actor.ip ?? null,
      request_id: actor.requestId ?? null,
    })
    .execute();
}
