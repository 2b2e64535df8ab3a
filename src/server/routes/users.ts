/** User administration inside the manager's unit. */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { createUser, findUserByUsername, getUserInScope, listUsersInScope, updateUserInScope, type ListUsersQuery } from '../../db/users.ts';
import { assignableRoles } from '../../domain/access/permissions.ts';
import { ROLES, ROLE_UNIT_LEVELS, type Role } from '../../domain/access/roles.ts';
import { scopeContains, type Scope } from '../../domain/access/scope.ts';
import { hashPassword, isAcceptablePassword } from '../auth/passwords.ts';
import { authOf } from '../auth/plugin.ts';
import { HttpError } from '../errors.ts';
import type { AuthContext } from '../auth/context.ts';

const USER_FIELDS = {
  fullName: { type: 'string', minLength: 1, maxLength: 200 },
  role: { type: 'string', enum: [...ROLES] },
  unitCode: { type: ['string', 'null'], pattern: '^(\\d{2}|\\d{5})$' },
  email: { type: ['string', 'null'], maxLength: 200 },
  phone: { type: ['string', 'null'], maxLength: 30 },
  locale: { type: 'string', enum: ['vi', 'en'] },
  password: { type: 'string', maxLength: 200 },
} as const;

interface UserBody {
  username: string;
  fullName: string;
  password: string;
  role: Role;
  unitCode?: string | null;
  email?: string | null;
  phone?: string | null;
  locale?: 'vi' | 'en';
}

export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;

  /** Checks the role may be granted by this manager at this unit; returns the unit's province. */
  async function checkAssignment(auth: AuthContext, role: Role, unitCode: string | null): Promise<{ unitCode: string | null; provinceCode: string | null }> {
    if (!assignableRoles(auth.role).includes(role)) throw new HttpError('role_not_assignable', { role });
    const levels = ROLE_UNIT_LEVELS[role];
    if (!unitCode) {
      if (!levels.includes('national')) throw new HttpError('unit_required', { level: levels.includes('province') ? 'tỉnh' : 'xã' });
      if (auth.scope.level !== 'national') throw new HttpError('unit_out_of_scope', { code: '—' });
      return { unitCode: null, provinceCode: null };
    }
    const unit = await sql<{ tier: string; province_code: string }>`
      select tier, province_code from admin_unit
      where layout = '2025' and code = ${unitCode}
        and valid_from <= current_date and (valid_to is null or valid_to > current_date)`.execute(db);
    const u = unit.rows[0];
    const level = u?.tier === 'province' ? 'province' : u?.tier === 'commune' ? 'commune' : undefined;
    if (!u || !level || !levels.includes(level)) throw new HttpError('unit_invalid', { code: unitCode });
    const target: Scope = level === 'province' ? { level, provinceCode: u.province_code } : { level, provinceCode: u.province_code, communeCode: unitCode };
    if (!scopeContains(auth.scope, target)) throw new HttpError('unit_out_of_scope', { code: unitCode });
    return { unitCode, provinceCode: u.province_code };
  }

  app.get<{ Querystring: Partial<ListUsersQuery> }>(
    '/api/users',
    {
      config: { access: { action: 'user.read' } },
      schema: {
        tags: ['users'],
        summary: 'Danh sách người dùng trong phạm vi / list users in scope',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: { type: 'string', maxLength: 100 },
            role: { type: 'string', enum: [...ROLES] },
            page: { type: 'integer', minimum: 1, default: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
          },
        },
      },
    },
    async (req) => listUsersInScope(db, authOf(req).scope, { page: 1, pageSize: 50, ...req.query }),
  );

  app.get<{ Params: { id: number } }>(
    '/api/users/:id',
    {
      config: { access: { action: 'user.read' } },
      schema: { tags: ['users'], summary: 'Xem người dùng / get a user', params: { type: 'object', properties: { id: { type: 'integer' } } } },
    },
    async (req) => {
      const user = await getUserInScope(db, authOf(req).scope, req.params.id);
      if (!user) throw new HttpError('out_of_scope');
      return { user };
    },
  );

  app.post<{ Body: UserBody }>(
    '/api/users',
    {
      config: { access: { action: 'user.manage' } },
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng / create a user',
        body: {
          type: 'object',
          required: ['username', 'fullName', 'password', 'role'],
          additionalProperties: false,
          properties: { username: { type: 'string', pattern: '^[a-zA-Z0-9._-]{3,60}$' }, ...USER_FIELDS },
        },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const b = req.body;
      const unit = await checkAssignment(auth, b.role, b.unitCode ?? null);
      if (!isAcceptablePassword(b.password)) throw new HttpError('weak_password');
      if (await findUserByUsername(db, b.username)) throw new HttpError('username_taken', { username: b.username });
      const user = await createUser(db, auth.actor, {
        username: b.username,
        fullName: b.fullName,
        passwordHash: await hashPassword(b.password),
        role: b.role,
        unitCode: unit.unitCode,
        provinceCode: unit.provinceCode,
        email: b.email,
        phone: b.phone,
        locale: b.locale,
      });
      return reply.code(201).send({ user });
    },
  );

  app.patch<{ Params: { id: number }; Body: Partial<UserBody> & { version: number; active?: boolean } }>(
    '/api/users/:id',
    {
      config: { access: { action: 'user.manage' } },
      schema: {
        tags: ['users'],
        summary: 'Sửa người dùng (cần version) / update a user (optimistic concurrency)',
        params: { type: 'object', properties: { id: { type: 'integer' } } },
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: { version: { type: 'integer', minimum: 1 }, active: { type: 'boolean' }, ...USER_FIELDS },
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const b = req.body;
      const current = await getUserInScope(db, auth.scope, req.params.id);
      if (!current) throw new HttpError('out_of_scope');
      // Managing a user needs authority over the role the user holds now, not only the new one.
      if (!assignableRoles(auth.role).includes(current.role)) throw new HttpError('role_not_assignable', { role: current.role });
      if (current.id === auth.user.id && (b.active === false || (b.role && b.role !== current.role))) throw new HttpError('cannot_disable_self');
      let unit: { unitCode: string | null; provinceCode: string | null } | undefined;
      if (b.role !== undefined || b.unitCode !== undefined) {
        unit = await checkAssignment(auth, b.role ?? current.role, b.unitCode !== undefined ? b.unitCode : current.unitCode);
      }
      let passwordHash: string | undefined;
      if (b.password !== undefined) {
        if (!isAcceptablePassword(b.password)) throw new HttpError('weak_password');
        passwordHash = await hashPassword(b.password);
      }
      const r = await updateUserInScope(db, auth.actor, auth.scope, req.params.id, b.version, {
        fullName: b.fullName,
        role: b.role,
        ...(unit && { unitCode: unit.unitCode, provinceCode: unit.provinceCode }),
        active: b.active,
        locale: b.locale,
        email: b.email,
        phone: b.phone,
        passwordHash,
      });
      if (r === undefined) throw new HttpError('out_of_scope');
      if (r === 'conflict') throw new HttpError('conflict');
      return { user: r };
    },
  );
}

