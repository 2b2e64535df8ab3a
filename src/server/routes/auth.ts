/** Sign-in, sign-out, the current user, and the user's own settings and API tokens. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { createSession, deleteSession, createApiToken, listApiTokens, revokeApiToken } from '../../db/sessions.ts';
import { findUserByUsername, getUserInScope, updateUserInScope, scopeOfUser, type PublicUser, type UserRow } from '../../db/users.ts';
import { recordAudit } from '../../db/audit.ts';
import { ROLE_PERMISSIONS } from '../../domain/access/permissions.ts';
import type { Role } from '../../domain/access/roles.ts';
import { dummyHash, hashPassword, isAcceptablePassword, verifyPassword } from '../auth/passwords.ts';
import { authOf } from '../auth/plugin.ts';
import { SESSION_COOKIE } from '../auth/context.ts';
import { HttpError } from '../errors.ts';

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const db = ctx.database.db;
  /** The caller as the API shows users, with the name of their unit. */
  const self = async (u: UserRow): Promise<PublicUser> => (await getUserInScope(db, scopeOfUser(u), u.id))!;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: ctx.secureCookies };

  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập / sign in',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 100 }, password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
      },
    },
    async (req, reply) => {
      const username = req.body.username.trim().toLowerCase();
      const wait = ctx.loginLimiter.retryAfter(username, req.ip);
      if (wait > 0) {
        reply.header('retry-after', Math.ceil(wait / 1000));
        throw new HttpError('rate_limited', { minutes: Math.ceil(wait / 60_000) });
      }
      const user = await findUserByUsername(db, username);
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), req.body.password);
      if (!user || !ok) {
        ctx.loginLimiter.fail(username, req.ip);
        await recordAudit(db, { id: user?.id ?? null, username, role: user?.role ?? 'unknown', ip: req.ip, requestId: req.id }, {
          action: 'login_failed',
          entity: 'session',
          provinceCode: user?.province_code,
          unitCode: user?.unit_code,
        });
        throw new HttpError('login_failed');
      }
      if (!user.active) throw new HttpError('account_disabled');
      ctx.loginLimiter.succeed(username);
      const s = await createSession(db, user.id, { ip: req.ip, userAgent: req.headers['user-agent'] });
      await recordAudit(db, { id: user.id, username: user.username, role: user.role, ip: req.ip, requestId: req.id }, {
        action: 'login',
        entity: 'session',
        provinceCode: user.province_code,
        unitCode: user.unit_code,
      });
      reply.setCookie(SESSION_COOKIE, s.token, cookieOptions);
      return { user: await self(user), csrfToken: s.csrfToken, permissions: ROLE_PERMISSIONS[user.role as Role] };
    },
  );

  app.post('/api/auth/logout', { config: { access: { authenticated: true } }, schema: { tags: ['auth'], summary: 'Đăng xuất / sign out' } }, async (req, reply) => {
    const auth = authOf(req);
    if (auth.sessionId) await deleteSession(db, auth.sessionId);
    await recordAudit(db, auth.actor, { action: 'logout', entity: 'session', provinceCode: auth.user.province_code, unitCode: auth.user.unit_code });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', { config: { access: { authenticated: true } }, schema: { tags: ['auth'], summary: 'Người dùng hiện tại / current user' } }, async (req) => {
    const auth = authOf(req);
    return { user: await self(auth.user), csrfToken: auth.csrfToken ?? null, permissions: ROLE_PERMISSIONS[auth.role] };
  });

  app.patch<{ Body: { locale?: 'vi' | 'en'; currentPassword?: string; newPassword?: string } }>(
    '/api/auth/me',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ['auth'],
        summary: 'Đổi ngôn ngữ hoặc mật khẩu / change own language or password',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            locale: { type: 'string', enum: ['vi', 'en'] },
            currentPassword: { type: 'string', maxLength: 200 },
            newPassword: { type: 'string', maxLength: 200 },
          },
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const { locale, currentPassword, newPassword } = req.body;
      let passwordHash: string | undefined;
      if (newPassword !== undefined) {
        if (!currentPassword || !(await verifyPassword(auth.user.password_hash, currentPassword))) throw new HttpError('wrong_password');
        if (!isAcceptablePassword(newPassword)) throw new HttpError('weak_password');
        passwordHash = await hashPassword(newPassword);
      }
      const r = await updateUserInScope(db, auth.actor, scopeOfUser(auth.user), auth.user.id, auth.user.version, { locale, passwordHash }, {
        keepSessionId: auth.sessionId,
      });
      if (r === 'conflict' || !r) throw new HttpError('conflict');
      return { user: await self({ ...auth.user, unit_code: r.unitCode, province_code: r.provinceCode }) };
    },
  );

  app.get('/api/me/tokens', { config: { access: { action: 'token.manage_own' } }, schema: { tags: ['auth'], summary: 'Mã truy cập API của tôi / my API tokens' } }, async (req) => {
    const rows = await listApiTokens(db, authOf(req).user.id);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        createdAt: new Date(r.created_at).toISOString(),
        expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
        lastUsedAt: r.last_used_at ? new Date(r.last_used_at).toISOString() : null,
        revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
      })),
    };
  });

  app.post<{ Body: { name: string; expiresInDays?: number } }>(
    '/api/me/tokens',
    {
      config: { access: { action: 'token.manage_own' } },
      schema: {
        tags: ['auth'],
        summary: 'Tạo mã truy cập API / create an API token',
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, expiresInDays: { type: 'integer', minimum: 1, maximum: 3650 } },
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const t = await createApiToken(db, auth.user.id, req.body.name.trim(), req.body.expiresInDays ?? null);
      await recordAudit(db, auth.actor, {
        action: 'create',
        entity: 'api_token',
        entityId: t.id,
        provinceCode: auth.user.province_code,
        unitCode: auth.user.unit_code,
        after: { name: req.body.name, prefix: t.token.slice(0, 8), expiresInDays: req.body.expiresInDays ?? null },
      });
      return { token: t.token, item: { id: t.id, name: req.body.name.trim(), prefix: t.token.slice(0, 8) } };
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/me/tokens/:id',
    {
      config: { access: { action: 'token.manage_own' } },
      schema: { tags: ['auth'], summary: 'Thu hồi mã truy cập / revoke a token', params: { type: 'object', properties: { id: { type: 'integer' } } } },
    },
    async (req, reply) => {
      const auth = authOf(req);
      if (!(await revokeApiToken(db, auth.user.id, req.params.id))) throw new HttpError('not_found');
      await recordAudit(db, auth.actor, { action: 'revoke', entity: 'api_token', entityId: req.params.id, provinceCode: auth.user.province_code, unitCode: auth.user.unit_code });
      return reply.code(204).send();
    },
  );
}
