/**
 * Danh sách hộ: the register of the commune (or, for the province, of any commune), filtered by village,
 * recognised list status and class in the current review, searched without diacritics on the server
 * ("nguyen van a" finds "Nguyễn Văn A"), paged on the server.
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { formatNumber } from '../format/format.ts';
import { navigate } from '../router/useHashRoute.ts';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { householdsApi, type HouseholdListItem, type HouseholdQuery } from './api.ts';
import { ClassTag, ListStatusTag } from './ClassTag.tsx';
import { useCurrentReview } from './useCurrentReview.ts';
import { useVillages } from './useVillages.ts';
import { VillageSelect } from './VillageSelect.tsx';
import { VillagesDrawer } from './VillagesDrawer.tsx';
import { householdFilterOf } from '../dashboard/dashboardPath.ts';
import { ExportRegistryButton } from '../exports/ExportRegistryButton.tsx';

type Filters = Omit<HouseholdQuery, 'page' | 'pageSize' | 'reviewId'> & { page: number; pageSize: number };

export function HouseholdListPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user, can } = useSignedIn();
  const ownCommune = user.unitCode && user.unitCode.length === 5 ? user.unitCode : null;
  // A link from the dashboard (#/households/?commune=…&village=…&listStatus=…) opens the list filtered.
  const [linked] = useState(() => householdFilterOf(window.location.hash));
  const [communeCode, setCommuneCode] = useState<string | null>(ownCommune ?? linked.commune ?? null);
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 50, villageCode: linked.village, listStatus: linked.listStatus });
  const [search, setSearch] = useState('');
  const [villagesOpen, setVillagesOpen] = useState(false);
  const { villages, loading: villagesLoading, reload: reloadVillages } = useVillages(communeCode);
  const { current } = useCurrentReview(communeCode);
  const reviewId = current?.review.id;
  const query = useApiQuery(JSON.stringify([filters, communeCode, reviewId]), (signal) =>
    householdsApi.list({ ...filters, communeCode: communeCode ?? undefined, reviewId }, signal),
  );
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('hh.listTitle')}
        </Typography.Title>
        {communeCode && (
          <Button icon={<EnvironmentOutlined />} onClick={() => setVillagesOpen(true)} data-testid="households-villages">
            {t('village.title')}
          </Button>
        )}
        {can('export.read') && <ExportRegistryButton unit={communeCode ?? user.unitCode ?? null} status={filters.status} />}
        {can('household.write') && ownCommune && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/households/new')} data-testid="households-create">
            {t('hh.create')}
          </Button>
        )}
      </Flex>
      <Card size="small">
        <Flex wrap gap={8} align="center">
          {!ownCommune && (
            <UnitPicker
              layout="2025"
              selectableTiers={['commune']}
              rootCode={user.provinceCode}
              allowClear
              placeholder={t('hh.filter.commune')}
              style={{ width: 260 }}
              value={communeCode}
              onChange={(code) => {
                setCommuneCode(code);
                set({ villageCode: undefined, reviewClass: undefined });
              }}
            />
          )}
          <Input.Search
            data-testid="households-search"
            allowClear
            placeholder={t('hh.searchPlaceholder')}
            style={{ width: 290 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => set({ q: q.trim() || undefined })}
          />
          <VillageSelect
            data-testid="households-village"
            villages={villages}
            loading={villagesLoading}
            allowClear
            placeholder={t('hh.filter.village')}
            style={{ width: 160 }}
            value={filters.villageCode}
            onChange={(villageCode) => set({ villageCode })}
          />
          <Select
            data-testid="households-list-status"
            allowClear
            placeholder={t('hh.filter.listStatus')}
            style={{ width: 170 }}
            value={filters.listStatus}
            onChange={(listStatus) => set({ listStatus })}
            options={(['poor', 'near_poor', 'none', 'unlisted'] as const).map((v) => ({ value: v, label: t(`listStatus.${v}`) }))}
          />
          {current && (
            <Select
              data-testid="households-review-class"
              allowClear
              placeholder={t('hh.filter.reviewClass', { year: current.campaign.year })}
              style={{ width: 200 }}
              value={filters.reviewClass}
              onChange={(reviewClass) => set({ reviewClass })}
              options={(['poor', 'near_poor', 'average', 'none', 'unclassified'] as const).map((v) => ({ value: v, label: t(`class.${v}`) }))}
            />
          )}
          <Select
            style={{ width: 140 }}
            value={filters.status ?? 'active'}
            onChange={(status) => set({ status })}
            options={(['active', 'moved_away', 'dissolved', 'deceased', 'merged', 'all'] as const).map((v) => ({ value: v, label: t(`hhStatus.${v}`) }))}
          />
          <Button
            onClick={() => {
              setSearch('');
              setFilters({ page: 1, pageSize: filters.pageSize });
            }}
          >
            {t('common.resetFilters')}
          </Button>
        </Flex>
      </Card>
      {query.error != null && <Alert type="error" showIcon title={errorMessage(query.error, i18n)} />}
      <Table<HouseholdListItem>
        data-testid="households-table"
        size="small"
        bordered
        rowKey="id"
        loading={query.loading}
        dataSource={query.data?.items ?? []}
        onRow={(h) => ({ onDoubleClick: () => navigate(`/households/${h.id}`) })}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
        }}
        columns={[
          {
            title: t('hh.col.code'),
            dataIndex: 'code',
            width: 130,
            render: (code: string, h) => (
              <a href={`#/households/${h.id}`} data-testid={`household-link-${h.id}`}>
                {code}
              </a>
            ),
          },
          { title: t('hh.col.head'), dataIndex: 'headName', render: (v: string, h) => <a href={`#/households/${h.id}`}>{v}</a> },
          { title: t('hh.col.village'), dataIndex: 'villageName', width: 170, render: (v: string | null, h) => v ?? h.villageCode ?? '' },
          { title: t('hh.col.address'), dataIndex: 'address', ellipsis: true },
          { title: t('hh.col.members'), dataIndex: 'memberCount', width: 90, align: 'right' },
          { title: t('hh.col.listStatus'), dataIndex: 'listStatus', width: 150, render: (v: HouseholdListItem['listStatus']) => <ListStatusTag value={v} /> },
          ...(current
            ? [
                {
                  title: t('hh.col.reviewClass', { year: current.campaign.year }),
                  dataIndex: 'reviewClass',
                  width: 170,
                  render: (v: string | null) => <ClassTag value={v} />,
                },
              ]
            : []),
          ...(filters.status && filters.status !== 'active'
            ? [{ title: t('hh.col.status'), dataIndex: 'status', width: 140, render: (v: string) => t(`hhStatus.${v as 'active'}`) }]
            : []),
        ]}
      />
      {villagesOpen && communeCode && (
        <VillagesDrawer
          communeCode={communeCode}
          villages={villages}
          onClose={() => setVillagesOpen(false)}
          onChanged={reloadVillages}
        />
      )}
    </Flex>
  );
}
