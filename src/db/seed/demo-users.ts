/**
 * Demo accounts: one per role, bound to real units of Lai Châu (2025 layout). Created only when the
 * database has no users yet, so a real deployment that created its own accounts is never touched.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Role } from '../../domain/access/roles.ts';
import { createUser } from '../users.ts';
import { SYSTEM_ACTOR } from '../audit.ts';

export const DEMO_PASSWORD = 'GiamNgheo@2026';
export const DEMO_PROVINCE = { code: '12', name: 'Tỉnh Lai Châu' };
export const DEMO_COMMUNE = { code: '03445', name: 'Xã Mường Tè' };

export interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  provinceCode: string | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'national_admin', unitCode: null, provinceCode: null },
  { username: 'lc.tinh', fullName: 'Nguyễn Thị Hồng Nhung', role: 'province_officer', unitCode: '12', provinceCode: '12' },
  { username: 'lc.bcd', fullName: 'Lò Văn Thắng', role: 'steering_viewer', unitCode: '12', provinceCode: '12' },
  { username: 'lc.muongte', fullName: 'Pờ Xuân Hương', role: 'commune_officer', unitCode: '03445', provinceCode: '12' },
  { username: 'lc.muongte.rsv', fullName: 'Lý Văn Páo', role: 'village_reviewer', unitCode: '03445', provinceCode: '12' },
  { username: 'lc.muongte.ct', fullName: 'Chu Văn Dũng', role: 'commune_chair', unitCode: '03445', provinceCode: '12' },
];

export async function seedDemoUsers(db: Kysely<DB>, hashPassword: (p: string) => Promise<string>): Promise<DemoAccount[]> {
  const existing = await db.selectFrom('app_user').select('id').limit(1).execute();
  if (existing.length) return [];
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    await createUser(db, SYSTEM_ACTOR, { ...a, passwordHash: hash });
  }
  return DEMO_ACCOUNTS;
}
