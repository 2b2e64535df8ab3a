/** The pages of the shell, the permission each needs, and its menu label. */
import type { MessageKey } from '../i18n/catalogs.ts';

export type RouteId = 'dashboard' | 'campaigns' | 'households' | 'monthly' | 'board' | 'reports' | 'program-targets' | 'program-budget' | 'program-reports' | 'units' | 'users' | 'audit' | 'settings' | 'exports' | 'imports';

export interface RouteDef {
  id: RouteId;
  path: string;
  label: MessageKey;
  /** Permission from GET /api/auth/me that the page needs; none = every signed-in user. */
  permission?: string;
  /** Left out of the menu of commune-level users (a province-wide page; still reachable by link). */
  provinceMenu?: boolean;
}

export const ROUTES: readonly RouteDef[] = [
  { id: 'dashboard', path: '/dashboard', label: 'menu.dashboard', permission: 'report.read' },
  { id: 'campaigns', path: '/campaigns', label: 'menu.campaigns', permission: 'review.read' },
  { id: 'households', path: '/households', label: 'menu.households', permission: 'household.read' },
  { id: 'monthly', path: '/monthly', label: 'menu.monthly', permission: 'review.read' },
  { id: 'board', path: '/board', label: 'menu.board', permission: 'review.read', provinceMenu: true },
  { id: 'reports', path: '/reports', label: 'menu.reports', permission: 'report.read' },
  { id: 'exports', path: '/exports', label: 'menu.exports', permission: 'export.read' },
  { id: 'imports', path: '/imports', label: 'menu.imports', permission: 'import.run' },
  { id: 'program-targets', path: '/program/targets', label: 'program.menu.targets', permission: 'program.read' },
  { id: 'program-budget', path: '/program/budget', label: 'program.menu.budget', permission: 'program.read' },
  { id: 'program-reports', path: '/program/reports', label: 'program.menu.reports', permission: 'program.read' },
  { id: 'units', path: '/units', label: 'menu.units', permission: 'unit.read' },
  { id: 'users', path: '/users', label: 'menu.users', permission: 'user.read' },
  { id: 'audit', path: '/audit', label: 'menu.audit', permission: 'audit.read' },
  { id: 'settings', path: '/settings', label: 'menu.settings' },
];

export function allowedRoutes(can: (permission: string) => boolean): RouteDef[] {
  return ROUTES.filter((r) => !r.permission || can(r.permission));
}
