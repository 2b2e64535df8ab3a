/** Signed-in frame: header across the top, permission-filtered menu on the left, the page on the right. */
import type { ReactNode } from 'react';
import { Layout } from 'antd';
import { AppHeader } from './AppHeader.tsx';
import { SideMenu } from './SideMenu.tsx';

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100%' }}>
      <AppHeader />
      <Layout>
        <Layout.Sider width={232} breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #e5e8ec' }}>
          <SideMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
