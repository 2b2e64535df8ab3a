/** Shapes of the HTTP API as written in docs/api.md. */
import type { Role } from '../../domain/access/roles.ts';
import type { Locale } from '../i18n/catalogs.ts';

export type { Role };
export type Layout = '2024' | '2025';
export type Tier = 'province' | 'district' | 'commune';
export type AreaType = 'urban' | 'rural' | 'special_zone';

export interface Unit {
  layout: Layout;
  code: string;
  name: string;
  type: string;
  typeEn: string;
  tier: Tier;
  areaType: AreaType | null;
  /** A special zone resolved to urban or rural by the settings (server extra, not in docs/api.md). */
  resolvedAreaType?: 'urban' | 'rural' | null;
  provinceCode: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  /** In docs/api.md; when the server leaves it out, the tier decides (communes are leaves). */
  hasChildren?: boolean;
}

export interface UnitLink {
  layout: Layout;
  code: string;
  /** Null when the linked unit is not in the registry. */
  name: string | null;
  relation: 'full' | 'partial';
  effectiveDate: string;
}

export interface UnitDetail {
  unit: Unit;
  predecessors: UnitLink[];
  successors: UnitLink[];
}

export interface User {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  role: Role;
  unitLayout: Layout;
  unitCode: string | null;
  unitName: string | null;
  provinceCode: string | null;
  locale: Locale;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Session {
  user: User;
  csrfToken: string;
  permissions: string[];
}

export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  provinceCode: string | null;
  unitCode: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  ip: string | null;
}

export interface PageResult<T> {
  items: T[];
  total: number;
}
