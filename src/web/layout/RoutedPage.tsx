/** The page for the current hash route; unknown routes go to the first page the user may open. */
import { useEffect } from 'react';
import { useSignedIn } from '../auth/useSession.ts';
import { allowedRoutes, ROUTES, type RouteId } from '../router/routes.ts';
import { navigate, useHashRoute } from '../router/useHashRoute.ts';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { UnitsPage } from '../units/UnitsPage.tsx';
import { UsersPage } from '../users/UsersPage.tsx';
import { AuditPage } from '../audit/AuditPage.tsx';
import { SettingsPage } from '../settings/SettingsPage.tsx';
import { CampaignsPage } from '../campaigns/CampaignsPage.tsx';
import { HouseholdsPage } from '../households/HouseholdsPage.tsx';
import { BoardPage } from '../board/BoardPage.tsx';
import { MonthlyPage } from '../monthly/MonthlyPage.tsx';
import { ReportsPage } from '../reports/ReportsPage.tsx';
import { ExportsPage } from '../exports/ExportsPage.tsx';
import { ImportsPage } from '../imports/ImportsPage.tsx';
import { DashboardPage } from '../dashboard/DashboardPage.tsx';
import { ProgramBudgetPage } from '../program/ProgramBudgetPage.tsx';
import { ProgramReportsPage } from '../program/ProgramReportsPage.tsx';
import { ProgramTargetsPage } from '../program/ProgramTargetsPage.tsx';

const PAGES: Record<RouteId, () => React.JSX.Element> = {
  dashboard: DashboardPage,
  campaigns: CampaignsPage,
  households: HouseholdsPage,
  monthly: MonthlyPage,
  board: BoardPage,
  reports: ReportsPage,
  exports: ExportsPage,
  imports: ImportsPage,
  'program-targets': ProgramTargetsPage,
  'program-budget': ProgramBudgetPage,
  'program-reports': ProgramReportsPage,
  units: UnitsPage,
  users: UsersPage,
  audit: AuditPage,
  settings: SettingsPage,
};

export function RoutedPage() {
  const { can } = useSignedIn();
  const path = useHashRoute();
  const route = ROUTES.find((r) => path === r.path || path.startsWith(`${r.path}/`));
  const fallback = allowedRoutes(can)[0];

  useEffect(() => {
    if (!route && fallback) navigate(fallback.path);
  }, [route, fallback]);

  if (!route) return null;
  if (route.permission && !can(route.permission)) return <ForbiddenPage />;
  const Page = PAGES[route.id];
  return <Page />;
}
