/** Thêm hộ vào danh sách rà soát: search the commune's register (without diacritics), tick households, add them. */
import { useState } from 'react';
import { Alert, Input, Modal, Radio, Table } from 'antd';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { householdsApi, type HouseholdListItem } from '../households/api.ts';
import { ListStatusTag } from '../households/ClassTag.tsx';
import { reviewsApi } from './api.ts';

export function AddHouseholdsModal({ reviewId, communeCode, onClose, onAdded }: { reviewId: number; communeCode: string; onClose: () => void; onAdded: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [reason, setReason] = useState<'added' | 'applied'>('added');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const list = useApiQuery(JSON.stringify([q, page]), (signal) => householdsApi.list({ communeCode, q: q || undefined, page, pageSize: 20 }, signal));

  const add = async () => {
    setBusy(true);
    try {
      await reviewsApi.addHouseholds(reviewId, selected, reason);
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={820}
      title={t('listing.addTitle')}
      okText={t('listing.addSelected', { count: selected.length })}
      okButtonProps={{ disabled: selected.length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => void add()}
    >
      {error != null && <Alert type="error" showIcon title={errorMessage(error, i18n)} style={{ marginBottom: 8 }} />}
      <Input.Search allowClear placeholder={t('hh.searchPlaceholder')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ marginBottom: 8 }} />
      <Radio.Group
        value={reason}
        onChange={(e) => setReason(e.target.value as 'added' | 'applied')}
        style={{ marginBottom: 8 }}
        options={[
          { value: 'added', label: t('listingReason.added') },
          { value: 'applied', label: t('listingReason.applied') },
        ]}
      />
      <Table<HouseholdListItem>
        size="small"
        bordered
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        rowSelection={{ selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => setSelected(keys as number[]) }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('hh.col.code'), dataIndex: 'code', width: 130 },
          { title: t('hh.col.head'), dataIndex: 'headName' },
          { title: t('hh.col.village'), dataIndex: 'villageName', width: 160 },
          { title: t('hh.col.listStatus'), dataIndex: 'listStatus', width: 150, render: (v: HouseholdListItem['listStatus']) => <ListStatusTag value={v} /> },
        ]}
      />
    </Modal>
  );
}
