/**
 * Browser sessions and API tokens. Only SHA-256 digests of the secrets are stored, so a leaked
 * database does not leak usable credentials.
 */
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import type { UserRow } from './users.ts';

export const SESSION_IDLE_HOURS = 12;

export function digest(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export async function createSession(
  db: Kysely<DB>,
  userId: number,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; sessionId: string }> {
  const token = randomSecret();
  const csrfToken = randomSecret(24);
  const id = digest(token);
  await db
    .insertInto('user_session')
    .values({
      id,
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: sql<Date>`now() + make_interval(hours => ${SESSION_IDLE_HOURS})`,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, sessionId: id };
}

/** Resolves a session cookie to its user, sliding the expiry forward at most once a minute. */
export async function resolveSession(
  db: Kysely<DB>,
  token: string,
): Promise<{ user: UserRow; csrfToken: string; sessionId: string } | undefined> {
  const id = digest(token);
  const row = await db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .selectAll('u')
    .select(['s.csrf_token', 's.id as session_id', 's.last_seen_at'])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('user_session')
      .set({ last_seen_at: sql<Date>`now()`, expires_at: sql<Date>`now() + make_interval(hours => ${SESSION_IDLE_HOURS})` })
      .where('id', '=', id)
      .execute();
  }
  const { csrf_token, session_id, last_seen_at: _l, ...user } = row;
  return { user: user as UserRow, csrfToken: csrf_token, sessionId: session_id };
}

export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}

export const API_TOKEN_PREFIX = 'gn_';

export async function createApiToken(
  db: Kysely<DB>,
  userId: number,
  name: string,
  expiresInDays: number | null,
): Promise<{ token: string; id: number }> {
  const token = API_TOKEN_PREFIX + randomSecret();
  const row = await db
    .insertInto('api_token')
    .values({
      user_id: userId,
      name,
      token_hash: digest(token),
      prefix: token.slice(0, 8),
      expires_at: expiresInDays ? sql<Date>`now() + make_interval(days => ${expiresInDays})` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, id: row.id };
}

export async function resolveApiToken(db: Kysely<DB>, token: string): Promise<UserRow | undefined> {
  const row = await db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .selectAll('u')
    .select('t.id as token_id')
    .where('t.token_hash', '=', digest(token))
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', sql<Date>`now()`)]))
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return undefined;
  await db.updateTable('api_token').set({ last_used_at: sql<Date>`now()` }).where('id', '=', row.token_id).execute();
  const { token_id: _t, ...user } = row;
  return user as UserRow;
}

export async function listApiTokens(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('api_token')
    .select(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes one of the user's own tokens; false when it is not theirs. */
export async function revokeApiToken(db: Kysely<DB>, userId: number, tokenId: number): Promise<boolean> {
  const r = await db
    .updateTable('api_token')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
