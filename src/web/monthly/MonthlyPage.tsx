/**
 * Rà soát thường xuyên: applications on form 01 (to be recognised poor / near-poor) and form 04 (to
 * escape), ordered by their 15-day deadline, overdue ones first in red; each opens its record.
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate, formatNumber } from '../format/format.ts';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { monthlyApi, type ApplicationView, type MonthlyApplicationState } from './api.ts';
import { ApplicationDrawer } from './ApplicationDrawer.tsx';
import { DeadlineTag } from './DeadlineTag.tsx';
import { NewApplicationModal } from './NewApplicationModal.tsx';

const STATES: MonthlyApplicationState[] = ['received', 'reviewing', 'village_meeting', 'public_posting', 'decided', 'refused'];

export function MonthlyPage() {
  const i18n = useI18n();
  const { t, tOr } = i18n;
  const { user, can } = useSignedIn();
  const own = user.unitCode?.length === 5 ? user.unitCode : null;
  const [commune, setCommune] = useState<string | null>(own);
  const [open, setOpen] = useState<'open' | 'closed' | 'all'>('open');
  const [state, setState] = useState<MonthlyApplicationState | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const [nonce, setNonce] = useState(0);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const q = useApiQuery(JSON.stringify([commune, open, state, paging, nonce]), (signal) =>
    monthlyApi.list({ commune: commune ?? undefined, open: open === 'all' ? undefined : open === 'open', state, ...paging }, signal),
  );

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('monthly.title')}
        </Typography.Title>
        {can('monthly.manage') && own && user.role !== 'commune_chair' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('monthly.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Flex gap={8} wrap align="center">
          {!own && (
            <UnitPicker layout="2025" selectableTiers={['commune']} rootCode={user.provinceCode} allowClear placeholder={t('hh.filter.commune')} style={{ width: 260 }} value={commune} onChange={setCommune} />
          )}
          <Segmented<'open' | 'closed' | 'all'>
            value={open}
            onChange={(v) => {
              setOpen(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'open', label: t('monthly.filter.open') },
              { value: 'closed', label: t('monthly.filter.closed') },
              { value: 'all', label: t('common.all') },
            ]}
          />
          <Select allowClear placeholder={t('monthly.col.state')} style={{ width: 240 }} value={state} onChange={setState} options={STATES.map((s) => ({ value: s, label: t(`monthly.state.${s}`) }))} />
        </Flex>
      </Card>
      {q.error != null && <Alert type="error" showIcon title={errorMessage(q.error, i18n)} />}
      <Table<ApplicationView>
        data-testid="monthly-table"
        size="small"
        bordered
        rowKey="id"
        loading={q.loading}
        dataSource={q.data?.items ?? []}
        onRow={(a) => ({ onClick: () => setSelected(a.id), style: { cursor: 'pointer', ...(a.deadlineStatus.status === 'overdue' ? { background: '#fff1f0' } : {}) } })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: q.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        locale={{ emptyText: t('monthly.none') }}
        columns={[
          { title: t('hh.col.code'), dataIndex: 'householdCode', width: 130 },
          { title: t('hh.col.head'), dataIndex: 'headName' },
          { title: t('monthly.form'), dataIndex: 'form', width: 90, render: (f: '01' | '04') => <Tag>{t('monthly.formShort', { form: f })}</Tag> },
          { title: t('monthly.receivedOn'), dataIndex: 'receivedOn', width: 110, render: (d: string) => formatDate(d) },
          { title: t('monthly.col.state'), dataIndex: 'state', width: 210, render: (s: MonthlyApplicationState, a) => tOr(`monthly.state.${s}`, a.stateLabel) },
          { title: t('monthly.deadline'), key: 'deadline', width: 280, render: (_, a) => <DeadlineTag application={a} /> },
        ]}
      />
      {creating && (
        <NewApplicationModal
          communeCode={commune}
          onClose={() => setCreating(false)}
          onCreated={(a) => {
            setCreating(false);
            setNonce((n) => n + 1);
            setSelected(a.id);
          }}
        />
      )}
      {selected !== null && <ApplicationDrawer id={selected} onClose={() => setSelected(null)} onChanged={() => setNonce((n) => n + 1)} />}
    </Flex>
  );
}
