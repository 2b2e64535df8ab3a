/** Người dùng: the users inside the caller's unit, searchable, filtered by role, paged on the server. */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES } from '../../domain/access/roles.ts';
import type { Role, User } from '../api/types.ts';
import { usersApi } from '../api/users.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { formatDateTime, formatNumber } from '../format/format.ts';
import { RoleSelect } from './RoleSelect.tsx';
import { UserStatusTag } from './UserStatusTag.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';

interface Filters {
  q: string;
  role?: Role;
  page: number;
  pageSize: number;
}

export function UsersPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useSignedIn();
  const [filters, setFilters] = useState<Filters>({ q: '', page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const query = useApiQuery(JSON.stringify(filters), (signal) => usersApi.list(filters, signal));
  const canManage = can('user.manage');

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('users.title')}
      </Typography.Title>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Input.Search
            data-testid="users-search"
            allowClear
            placeholder={t('users.searchPlaceholder')}
            style={{ width: 320 }}
            onSearch={(q) => setFilters((f) => ({ ...f, q, page: 1 }))}
          />
          <RoleSelect
            data-testid="users-role-filter"
            roles={ROLES}
            allowClear
            placeholder={t('users.filterRole')}
            style={{ width: 240 }}
            value={filters.role}
            onChange={(role) => setFilters((f) => ({ ...f, role, page: 1 }))}
          />
          <div style={{ flex: 1 }} />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="users-create">
              {t('users.create')}
            </Button>
          )}
        </Flex>
      </Card>
      {query.error != null && <Alert type="error" showIcon title={errorMessage(query.error, i18n)} />}
      <Table<User>
        data-testid="users-table"
        size="small"
        bordered
        rowKey="id"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
        columns={[
          { title: t('users.col.username'), dataIndex: 'username', width: 160 },
          { title: t('users.col.fullName'), dataIndex: 'fullName' },
          { title: t('users.col.role'), dataIndex: 'role', width: 190, render: (r: Role) => t(`role.${r}`) },
          {
            title: t('users.col.unit'),
            key: 'unit',
            render: (_, u) =>
              u.unitCode ? (
                <>
                  {u.unitName ?? ''} <Typography.Text type="secondary">({u.unitCode})</Typography.Text>
                </>
              ) : (
                t('common.nationwide')
              ),
          },
          { title: t('users.col.status'), dataIndex: 'active', width: 130, render: (a: boolean) => <UserStatusTag active={a} /> },
          { title: t('users.col.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (v: string) => formatDateTime(v) },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, u: User) => (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)} data-testid={`users-edit-${u.username}`}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <UserFormDrawer
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            query.reload();
          }}
        />
      )}
    </Flex>
  );
}
