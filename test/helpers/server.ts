/**
 * An app on a test database with a small unit fixture (two provinces, three communes) and one user per
 * role in Lai Châu / Xã Mường Tè, plus outsiders in another commune of Lai Châu and in Điện Biên.
 */
import { sql } from 'kysely';
import { buildApp, type App } from '../../src/server/app.ts';
import { LoginLimiter } from '../../src/server/auth/login-limiter.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { createUser } from '../../src/db/users.ts';
import { SYSTEM_ACTOR } from '../../src/db/audit.ts';
import type { Database } from '../../src/db/connect.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { openTestDatabase } from './database.ts';

export const PASSWORD = 'MatKhau123';

export const FIXTURE_USERS: Array<{ username: string; role: Role; unitCode: string | null; provinceCode: string | null }> = [
  { username: 'admin', role: 'national_admin', unitCode: null, provinceCode: null },
  { username: 'lc.tinh', role: 'province_officer', unitCode: '12', provinceCode: '12' },
  { username: 'lc.bcd', role: 'steering_viewer', unitCode: '12', provinceCode: '12' },
  { username: 'mt.canbo', role: 'commune_officer', unitCode: '03445', provinceCode: '12' },
  { username: 'mt.rsv', role: 'village_reviewer', unitCode: '03445', provinceCode: '12' },
  { username: 'mt.chutich', role: 'commune_chair', unitCode: '03445', provinceCode: '12' },
  // Outsiders: another commune of the same province, and another province.
  { username: 'dk.canbo', role: 'commune_officer', unitCode: '03388', provinceCode: '12' },
  { username: 'db.tinh', role: 'province_officer', unitCode: '11', provinceCode: '11' },
  { username: 'mp.canbo', role: 'commune_officer', unitCode: '03325', provinceCode: '11' },
];

export async function insertUnitFixture(database: Database): Promise<void> {
  await sql`
    insert into admin_unit (layout, code, valid_from, valid_to, name, name_ascii, type, type_en, tier, area_type, province_code) values
      ('2025', '12', '2025-07-01', null, 'Tỉnh Lai Châu', 'tinh lai chau', 'Tỉnh', 'province', 'province', null, '12'),
      ('2025', '03445', '2025-07-01', null, 'Xã Mường Tè', 'xa muong te', 'Xã', 'commune', 'commune', 'rural', '12'),
      ('2025', '03388', '2025-07-01', null, 'Phường Đoàn Kết', 'phuong doan ket', 'Phường', 'ward', 'commune', 'urban', '12'),
      ('2025', '11', '2025-07-01', null, 'Tỉnh Điện Biên', 'tinh dien bien', 'Tỉnh', 'province', 'province', null, '11'),
      ('2025', '03325', '2025-07-01', null, 'Xã Mường Phăng', 'xa muong phang', 'Xã', 'commune', 'commune', 'rural', '11')
    on conflict do nothing`.execute(database.db);
  await sql`
    insert into admin_unit_parent (layout, code, parent_code, valid_from) values
      ('2025', '03445', '12', '2025-07-01'), ('2025', '03388', '12', '2025-07-01'), ('2025', '03325', '11', '2025-07-01')
    on conflict do nothing`.execute(database.db);
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: number;
}

export interface TestApp {
  app: App;
  database: Database;
  userIds: Record<string, number>;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

export async function openTestApp(opts: { limiter?: LoginLimiter } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  await insertUnitFixture(database);
  const hash = await hashPassword(PASSWORD);
  const userIds: Record<string, number> = {};
  for (const u of FIXTURE_USERS) {
    const created = await createUser(database.db, SYSTEM_ACTOR, { ...u, fullName: `Người dùng ${u.username}`, passwordHash: hash });
    userIds[u.username] = created.id;
  }
  const app = await buildApp({ database, loginLimiter: opts.limiter ?? new LoginLimiter({ windowMs: 60_000, maxPerUsername: 1000, maxPerIp: 1000 }), secureCookies: false, version: 'test' });
  await app.ready();
  return {
    app,
    database,
    userIds,
    async login(username, password = PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'gn_session')!;
      return { cookie: `gn_session=${cookie.value}`, csrf: res.json().csrfToken, userId: res.json().user.id };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Request options for a signed-in browser session (cookie + CSRF header). */
export function as(s: Session) {
  return { headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } };
}
