/**
 * Danh sách hộ rà soát: the households on the review's list with why they are listed, their stage,
 * the class of their survey and their latest village vote. In the listing step the officer builds the
 * list from the current poor / near-poor lists and form-01 applications, adds or removes households.
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, Input, Select, Table, Tag, Tooltip } from 'antd';
import { CheckOutlined, DeleteOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatNumber } from '../format/format.ts';
import { ClassTag, ListStatusTag } from '../households/ClassTag.tsx';
import { reviewsApi, type ListedHouseholdsQuery, type ListedHouseholdView, type ReviewView } from './api.ts';
import { AddHouseholdsModal } from './AddHouseholdsModal.tsx';
import { percent } from './votePercent.ts';

const STAGE_COLORS: Record<string, string> = { listed: 'default', surveyed: 'blue', agreed: 'green', rejected: 'red', final: 'purple' };
const STAGES = ['listed', 'surveyed', 'agreed', 'rejected', 'final'] as const;
const REASONS = ['on_poor_list', 'on_near_poor_list', 'applied', 'added'] as const;
const CLASSES = ['poor', 'near_poor', 'average', 'none', 'unclassified'] as const;
const FINAL_CLASSES = ['poor', 'near_poor', 'none', 'unclassified'] as const;

const option = (value: string, label: string) => ({ value, label });

/** Filters of the list (all optional); `q` searches the head's name without diacritics or the code. */
type Filters = Omit<ListedHouseholdsQuery, 'page' | 'pageSize'>;

export function ListedHouseholdsTab({ view, onChanged, nonce }: { view: ReviewView; onChanged: () => void; nonce: number }) {
  const i18n = useI18n();
  const { t, tOr } = i18n;
  const { can } = useSignedIn();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = view.review.id;
  const q = useApiQuery(JSON.stringify([id, filters, paging, nonce]), (signal) => reviewsApi.households(id, { ...filters, ...paging }, signal));
  const filter = <K extends keyof Filters>(key: K) => (value: Filters[K] | undefined) => {
    setFilters((f) => ({ ...f, [key]: value === '' ? undefined : value }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const listing = view.review.state === 'listing' && can('review.record');
  const selects: Array<{ key: Exclude<keyof Filters, 'q'>; placeholder: string; width: number; options: Array<{ value: string; label: string }> }> = [
    { key: 'village', placeholder: t('hh.filter.village'), width: 170, options: view.progress.villages.map((v) => option(v.villageCode, v.villageName ?? (v.villageCode || t('review.noVillage')))) },
    { key: 'stage', placeholder: t('listing.filterStage'), width: 150, options: STAGES.map((s) => option(s, tOr(`stage.${s}`, s))) },
    { key: 'reason', placeholder: t('listing.reason'), width: 180, options: REASONS.map((r) => option(r, t(`listingReason.${r}`))) },
    { key: 'proposedClass', placeholder: t('listing.class'), width: 180, options: CLASSES.map((c) => option(c, t(`class.${c}`))) },
    {
      key: 'finalClass',
      placeholder: t('listing.finalClass'),
      width: 160,
      options: FINAL_CLASSES.map((c) => option(c, c === 'unclassified' ? t('listStatus.unlisted') : t(`listStatus.${c}`))),
    },
  ];
  const villageName = (code: string) => view.progress.villages.find((v) => v.villageCode === code)?.villageName ?? (code || t('review.noVillage'));

  const fromLists = async () => {
    setBusy(true);
    try {
      const { listed } = await reviewsApi.listFromLists(id);
      message.success(t('listing.fromListsDone', { poor: listed.onPoorList, nearPoor: listed.onNearPoorList, applied: listed.applied, total: listed.total }));
      onChanged();
    } catch (err) {
      message.error(errorMessage(err, i18n));
    } finally {
      setBusy(false);
    }
  };

  const remove = (h: ListedHouseholdView) =>
    modal.confirm({
      title: t('listing.removeConfirm', { head: h.headName }),
      okText: t('listing.remove'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await reviewsApi.removeHousehold(id, h.householdId);
          onChanged();
        } catch (err) {
          message.error(errorMessage(err, i18n));
        }
      },
    });

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Input.Search
          allowClear
          placeholder={t('listing.searchPlaceholder')}
          style={{ width: 240 }}
          onSearch={filter('q')}
          data-testid="review-households-search"
        />
        {selects.map(({ key, placeholder, width, options }) => (
          <Select
            key={key}
            allowClear
            placeholder={placeholder}
            style={{ width }}
            value={filters[key]}
            onChange={filter(key)}
            options={options}
            data-testid={`review-households-${key}`}
          />
        ))}
        <div style={{ flex: 1 }} />
        {listing && (
          <>
            <Button icon={<UnorderedListOutlined />} loading={busy} onClick={() => void fromLists()} data-testid="listing-from-lists">
              {t('listing.fromLists')}
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="listing-add">
              {t('listing.add')}
            </Button>
          </>
        )}
      </Flex>
      {view.review.state === 'surveying' && <Alert type="info" showIcon title={t('listing.surveyHint')} />}
      {q.error != null && <Alert type="error" showIcon title={errorMessage(q.error, i18n)} />}
      <Table<ListedHouseholdView>
        data-testid="review-households"
        size="small"
        bordered
        rowKey="householdId"
        loading={q.loading}
        dataSource={q.data?.items ?? []}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [50, 100, 200, 500],
          showTotal: (total) => t('common.total', { total: formatNumber(total) }),
          onChange: (page, pageSize) => setPaging((p) => ({ page: pageSize === p.pageSize ? page : 1, pageSize })),
        }}
        columns={[
          { title: t('hh.col.code'), dataIndex: 'code', width: 130, render: (c: string, h) => <a href={`#/households/${h.householdId}`}>{c}</a> },
          { title: t('hh.col.head'), dataIndex: 'headName' },
          { title: t('hh.col.village'), dataIndex: 'villageCode', width: 160, render: (v: string) => villageName(v) },
          { title: t('listing.reason'), dataIndex: 'listingReason', width: 170, render: (r: string) => tOr(`listingReason.${r}`, r) },
          {
            title: t('listing.surveyed'),
            dataIndex: 'surveyed',
            width: 90,
            align: 'center',
            render: (s: boolean) => (s ? <CheckOutlined style={{ color: '#389e0d' }} aria-label={t('common.yes')} /> : <span style={{ color: '#ad6800' }}>{t('listing.notSurveyed')}</span>),
          },
          { title: t('listing.class'), dataIndex: 'class', width: 160, render: (c: string | null) => <ClassTag value={c} /> },
          {
            title: t('listing.finalClass'),
            dataIndex: 'finalClass',
            width: 130,
            render: (c: 'poor' | 'near_poor' | 'none' | null) => (c ? <ListStatusTag value={c} /> : t('common.empty')),
          },
          { title: t('listing.stage'), dataIndex: 'stage', width: 130, render: (s: string) => <Tag color={STAGE_COLORS[s]}>{tOr(`stage.${s}`, s)}</Tag> },
          {
            title: t('listing.vote'),
            key: 'vote',
            width: 150,
            render: (_, h) =>
              h.vote ? (
                <Tooltip title={t('listing.voteDetail', { no: h.vote.meetingNo, agree: h.vote.agree, disagree: h.vote.disagree, attendees: h.vote.attendees })}>
                  {h.vote.agree}/{h.vote.attendees} ({percent(h.vote.agree, h.vote.attendees)})
                </Tooltip>
              ) : (
                t('common.empty')
              ),
          },
          ...(listing
            ? [
                {
                  title: '',
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, h: ListedHouseholdView) =>
                    h.listingReason === 'added' || h.listingReason === 'applied' ? (
                      <Tooltip title={t('listing.remove')}>
                        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(h)} />
                      </Tooltip>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {adding && (
        <AddHouseholdsModal
          reviewId={id}
          communeCode={view.review.communeCode}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
    </Flex>
  );
}
