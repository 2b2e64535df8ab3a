/** Who is calling: resolved once per request from the session cookie or the bearer token. */
import type { Scope } from '../../domain/access/scope.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { Action } from '../../domain/access/permissions.ts';
import type { UserRow } from '../../db/users.ts';
import type { Actor } from '../../db/audit.ts';
import type { Locale } from '../messages.ts';

export interface AuthContext {
  user: UserRow;
  role: Role;
  scope: Scope;
  via: 'cookie' | 'token';
  csrfToken?: string;
  sessionId?: string;
  actor: Actor;
}

/**
 * Every /api route declares its access in `config.access`; the server refuses to start with a route
 * that does not. `public`: anyone. `authenticated`: any signed-in user. `action`: the role must allow it.
 */
export type RouteAccess = { public: true } | { authenticated: true } | { action: Action };

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export const SESSION_COOKIE = 'gn_session';
