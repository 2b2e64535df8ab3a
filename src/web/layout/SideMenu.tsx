/** Left menu with only the pages the user's permissions allow. */
import { Menu } from 'antd';
import { AimOutlined, CloudUploadOutlined, DollarOutlined, SolutionOutlined } from '@ant-design/icons';
import { ApartmentOutlined, AuditOutlined, BarChartOutlined, DownloadOutlined, DashboardOutlined, FileTextOutlined, FundProjectionScreenOutlined, HomeOutlined, ScheduleOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { allowedRoutes, type RouteId } from '../router/routes.ts';
import { navigate, useHashRoute } from '../router/useHashRoute.ts';

const ICONS: Record<RouteId, ReactNode> = {
  dashboard: <DashboardOutlined />,
  campaigns: <ScheduleOutlined />,
  households: <HomeOutlined />,
  monthly: <FileTextOutlined />,
  board: <FundProjectionScreenOutlined />,
  reports: <BarChartOutlined />,
  exports: <DownloadOutlined />,
  imports: <CloudUploadOutlined />,
  'program-targets': <AimOutlined />,
  'program-budget': <DollarOutlined />,
  'program-reports': <SolutionOutlined />,
  units: <ApartmentOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
};

export function SideMenu() {
  const { can, user } = useSignedIn();
  const { t } = useI18n();
  const path = useHashRoute();
  const communeUser = user.unitCode?.length === 5;
  const routes = allowedRoutes(can).filter((r) => !(r.provinceMenu && communeUser));
  const selected = routes.find((r) => path === r.path || path.startsWith(`${r.path}/`));
  return (
    <nav aria-label="menu" data-testid="side-menu">
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.path] : []}
        style={{ borderInlineEnd: 0, paddingTop: 8 }}
        onClick={({ key }) => navigate(key)}
        items={routes.map((r) => ({ key: r.path, icon: ICONS[r.id], label: t(r.label) }))}
      />
    </nav>
  );
}
