/** Authentication, authorisation and CSRF checks, applied to every /api route from its declared access. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { resolveApiToken, resolveSession, API_TOKEN_PREFIX } from '../../db/sessions.ts';
import { scopeOfUser, type UserRow } from '../../db/users.ts';
import { can } from '../../domain/access/permissions.ts';
import { isRole } from '../../domain/access/roles.ts';
import { HttpError } from '../errors.ts';
import { localeFromHeader } from '../messages.ts';
import { SESSION_COOKIE, type AuthContext } from './context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function contextFor(user: UserRow, via: AuthContext['via'], req: FastifyRequest, extra: Partial<AuthContext> = {}): AuthContext | null {
  if (!isRole(user.role)) return null;
  return {
    user,
    role: user.role,
    scope: scopeOfUser(user),
    via,
    actor: { id: user.id, username: user.username, role: user.role, ip: req.ip, requestId: req.id },
    ...extra,
  };
}

async function authenticate(db: Kysely<DB>, req: FastifyRequest): Promise<AuthContext | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const user = await resolveApiToken(db, token);
    return user ? contextFor(user, 'token', req) : null;
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const s = await resolveSession(db, cookie);
  return s ? contextFor(s.user, 'cookie', req, { csrfToken: s.csrfToken, sessionId: s.sessionId }) : null;
}

export function registerAuth(app: FastifyInstance, db: Kysely<DB>): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'vi');

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (url.startsWith('/api') && !route.config?.access && !url.startsWith('/api/docs')) {
      throw new Error(`Route ${route.method} ${url} has no declared access`);
    }
  });

  // onRequest: refuse before the body is even parsed or validated.
  app.addHook('onRequest', async (req) => {
    req.locale = localeFromHeader(req.headers['accept-language']);
    const access = req.routeOptions.config?.access;
    if (!access || 'public' in access) return;
    req.auth = await authenticate(db, req);
    if (!req.auth) throw new HttpError('unauthenticated');
    if (req.auth.via === 'cookie' && !SAFE_METHODS.has(req.method)) {
      if (req.headers['x-csrf-token'] !== req.auth.csrfToken) throw new HttpError('csrf_invalid');
    }
    if ('action' in access && !can(req.auth.role, access.action)) throw new HttpError('forbidden');
  });
}

/** The authenticated context of a route that declared non-public access. */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new HttpError('unauthenticated');
  return req.auth;
}
