/** User accounts: reads and writes always pass through the caller's scope; every write is audited. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, AppUserTable } from './schema.ts';
import type { Scope } from '../domain/access/scope.ts';
import type { Role } from '../domain/access/roles.ts';
import { scopePredicate } from './scope-filter.ts';
import { recordAudit, type Actor } from './audit.ts';

export type UserRow = Selectable<AppUserTable>;

export interface PublicUser {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  role: Role;
  unitLayout: string;
  unitCode: string | null;
  unitName: string | null;
  provinceCode: string | null;
  locale: 'vi' | 'en';
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The scope a user works in, from the unit they are bound to. */
export function scopeOfUser(u: Pick<UserRow, 'unit_code' | 'province_code'>): Scope {
  if (!u.unit_code || !u.province_code) return { level: 'national' };
  if (u.unit_code === u.province_code) return { level: 'province', provinceCode: u.province_code };
  return { level: 'commune', provinceCode: u.province_code, communeCode: u.unit_code };
}

const USER_SCOPE = { province: 'app_user.province_code', commune: 'app_user.unit_code' } as const;

function toPublic(u: UserRow & { unit_name?: string | null }): PublicUser {
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    email: u.email,
    phone: u.phone,
    role: u.role as Role,
    unitLayout: u.unit_layout,
    unitCode: u.unit_code,
    unitName: u.unit_name ?? null,
    provinceCode: u.province_code,
    locale: u.locale,
    active: u.active,
    version: u.version,
    createdAt: new Date(u.created_at).toISOString(),
    updatedAt: new Date(u.updated_at).toISOString(),
  };
}

/** Audit snapshot of a user: never the password hash. */
function auditView(u: UserRow): Record<string, unknown> {
  const { password_hash: _hash, created_at: _c, updated_at: _u, ...rest } = u;
  return rest;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('app_user')
    .leftJoin('admin_unit as u', (j) =>
      j
        .onRef('u.layout', '=', 'app_user.unit_layout')
        .onRef('u.code', '=', 'app_user.unit_code')
        .on(sql<boolean>`u.valid_from <= current_date and (u.valid_to is null or u.valid_to > current_date)`),
    )
    .selectAll('app_user')
    .select('u.name as unit_name');
}

export async function findUserByUsername(db: Kysely<DB>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<DB>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getUserInScope(db: Kysely<DB>, scope: Scope, id: number): Promise<PublicUser | undefined> {
  const row = await baseQuery(db).where('app_user.id', '=', id).where(scopePredicate(scope, USER_SCOPE)).executeTakeFirst();
  return row ? toPublic(row) : undefined;
}

export interface ListUsersQuery {
  q?: string;
  role?: string;
  page: number;
  pageSize: number;
}

export async function listUsersInScope(db: Kysely<DB>, scope: Scope, query: ListUsersQuery): Promise<{ items: PublicUser[]; total: number }> {
  let q = baseQuery(db).where(scopePredicate(scope, USER_SCOPE));
  if (query.role) q = q.where('app_user.role', '=', query.role);
  if (query.q) {
    const like = `%${query.q.trim().toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb('app_user.username', 'like', like), eb(sql`lower(app_user.full_name)`, 'like', like)]));
  }
  const total = await q.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('app_user.username')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(toPublic), total: total.n };
}

export interface NewUser {
  username: string;
  fullName: string;
  passwordHash: string;
  role: Role;
  unitCode: string | null;
  provinceCode: string | null;
  email?: string | null;
  phone?: string | null;
  locale?: 'vi' | 'en';
}

export async function createUser(db: Kysely<DB>, actor: Actor, u: NewUser): Promise<PublicUser> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('app_user')
      .values({
        username: u.username.trim().toLowerCase(),
        full_name: u.fullName.trim(),
        password_hash: u.passwordHash,
        role: u.role,
        unit_code: u.unitCode,
        province_code: u.provinceCode,
        email: u.email ?? null,
        phone: u.phone ?? null,
        locale: u.locale ?? 'vi',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'user',
      entityId: row.id,
      provinceCode: row.province_code,
      unitCode: row.unit_code,
      after: auditView(row),
    });
    return toPublic(row);
  });
}

export interface UserChanges {
  fullName?: string;
  role?: Role;
  unitCode?: string | null;
  provinceCode?: string | null;
  active?: boolean;
  locale?: 'vi' | 'en';
  email?: string | null;
  phone?: string | null;
  passwordHash?: string;
}

/**
 * Optimistic concurrency: the update applies only if `version` still matches; otherwise returns
 * 'conflict' and changes nothing. Returns undefined when the user is not inside the scope.
 */
export async function updateUserInScope(
  db: Kysely<DB>,
  actor: Actor,
  scope: Scope,
  id: number,
  version: number,
  c: UserChanges,
  opts: { keepSessionId?: string } = {},
): Promise<PublicUser | 'conflict' | undefined> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', id)
      .where(scopePredicate(scope, USER_SCOPE))
      .forUpdate()
      .executeTakeFirst();
    if (!before) return undefined;
    if (before.version !== version) return 'conflict';
    const after = await trx
      .updateTable('app_user')
      .set({
        ...(c.fullName !== undefined && { full_name: c.fullName.trim() }),
        ...(c.role !== undefined && { role: c.role }),
        ...(c.unitCode !== undefined && { unit_code: c.unitCode, province_code: c.provinceCode ?? null }),
        ...(c.active !== undefined && { active: c.active }),
        ...(c.locale !== undefined && { locale: c.locale }),
        ...(c.email !== undefined && { email: c.email }),
        ...(c.phone !== undefined && { phone: c.phone }),
        ...(c.passwordHash !== undefined && { password_hash: c.passwordHash }),
        version: sql<number>`version + 1`,
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: c.passwordHash !== undefined && Object.keys(c).length === 1 ? 'password_change' : 'update',
      entity: 'user',
      entityId: id,
      provinceCode: after.province_code,
      unitCode: after.unit_code,
      before: auditView(before),
      after: auditView(after),
    });
    if (c.active === false || c.passwordHash !== undefined) {
      // A disabled account or a new password ends the user's other sessions.
      await trx
        .deleteFrom('user_session')
        .where('user_id', '=', id)
        .where('id', '!=', opts.keepSessionId ?? '')
        .execute();
    }
    return toPublic(after);
  });
}

export { toPublic as publicUser };
