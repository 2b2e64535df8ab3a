/** Nhật ký hệ thống: who did what, when, to which record; each row opens its before/after diff. */
import { useState } from 'react';
import { Alert, Card, Flex, Table, Typography } from 'antd';
import type { AuditEntry } from '../api/types.ts';
import { auditApi, type AuditQuery } from '../api/audit.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { formatDateTime, formatNumber } from '../format/format.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditDiff } from './AuditDiff.tsx';

/** province_code the audit writer stores for records that belong to no province. */
const NATIONAL_PROVINCE_CODE = '00';

export function AuditPage() {
  const i18n = useI18n();
  const { t, tOr } = i18n;
  const me = useSignedIn().user;
  const [filters, setFilters] = useState<AuditQuery>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const query = useApiQuery(JSON.stringify([filters, paging]), (signal) => auditApi.list({ ...filters, ...paging }, signal));

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Card size="small">
        <AuditFilters
          rootCode={me.role === 'national_admin' ? null : me.provinceCode}
          onApply={(q) => {
            setFilters(q);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
      </Card>
      {query.error != null && <Alert type="error" showIcon title={errorMessage(query.error, i18n)} />}
      <Table<AuditEntry>
        data-testid="audit-table"
        size="small"
        bordered
        rowKey="id"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        expandable={{
          expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} reason={e.reason} />,
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
        }}
        columns={[
          { title: t('audit.col.time'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
          {
            title: t('audit.col.actor'),
            key: 'actor',
            width: 220,
            render: (_, e) => (
              <>
                <div>{e.actorRole === 'system' || !e.actorUsername ? t('common.system') : e.actorUsername}</div>
                {e.actorRole && e.actorRole !== 'system' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {tOr(`role.${e.actorRole}`, e.actorRole)}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('audit.col.action'),
            dataIndex: 'action',
            width: 220,
            render: (a: string) => (
              <span data-testid="audit-action" data-action={a}>
                {tOr(`audit.action.${a}`, a)}
              </span>
            ),
          },
          {
            title: t('audit.col.entity'),
            key: 'entity',
            render: (_, e) => (
              <>
                {tOr(`audit.entity.${e.entity}`, e.entity)}
                {e.entityId && <Typography.Text type="secondary"> #{e.entityId}</Typography.Text>}
              </>
            ),
          },
          {
            title: t('audit.col.unit'),
            key: 'unit',
            width: 110,
            render: (_, e) => e.unitCode ?? (e.provinceCode && e.provinceCode !== NATIONAL_PROVINCE_CODE ? e.provinceCode : t('common.nationwide')),
          },
          { title: t('audit.col.ip'), dataIndex: 'ip', width: 130 },
        ]}
      />
    </Flex>
  );
}
