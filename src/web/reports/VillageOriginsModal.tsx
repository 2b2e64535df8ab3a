/**
 * The commune records the former (2024-layout) commune of each of its villages, so that reports in the
 * layout before 01/07/2025 place the villages' households in their old commune (docs/reports.md).
 * Only needed when the commune was formed from several old communes.
 */
import { useState } from 'react';
import { Alert, App, Modal, Select, Table } from 'antd';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { villageOriginsApi, type VillageOrigins } from './reportsApi.ts';

type VillageRow = VillageOrigins['villages'][number];

export function VillageOriginsModal({ commune, onClose, onSaved }: { commune: string; onClose: () => void; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const view = useApiQuery(`village-origins|${commune}`, (signal) => villageOriginsApi.get(commune, signal));
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const [saving, setSaving] = useState(false);
  const preds = view.data?.predecessors ?? [];
  const options = [{ value: '', label: t('reports.origins.undetermined') }, ...preds.map((p) => ({ value: p.code, label: `${p.name ?? p.code} (${p.code})` }))];
  const valueOf = (v: VillageRow) => (v.code in chosen ? chosen[v.code]! : v.oldCommuneCode);

  const save = async () => {
    setSaving(true);
    try {
      await villageOriginsApi.set(commune, Object.entries(chosen).map(([villageCode, oldCommuneCode]) => ({ villageCode, oldCommuneCode })));
      message.success(t('reports.origins.saved'));
      onSaved();
    } catch (err) {
      message.error(errorMessage(err, i18n));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('reports.origins.title')}
      okText={t('reports.origins.save')}
      onOk={() => void save()}
      okButtonProps={{ disabled: Object.keys(chosen).length === 0, loading: saving, 'data-testid': 'origins-save' }}
      onCancel={onClose}
      data-testid="origins-modal"
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t(preds.length > 1 ? 'reports.origins.help' : 'reports.origins.single')} />
      {view.error ? <Alert type="error" showIcon message={errorMessage(view.error, i18n)} /> : null}
      <Table<VillageRow>
        size="small"
        rowKey="code"
        loading={view.loading}
        dataSource={view.data?.villages ?? []}
        pagination={false}
        scroll={{ y: 420 }}
        columns={[
          { title: t('reports.origins.village'), dataIndex: 'name' },
          {
            title: t('reports.origins.oldCommune'),
            width: 320,
            render: (_: unknown, v: VillageRow) => (
              <Select
                style={{ width: '100%' }}
                value={valueOf(v) ?? ''}
                options={options}
                disabled={preds.length < 2}
                onChange={(x: string) => setChosen({ ...chosen, [v.code]: x === '' ? null : x })}
                data-testid={`origin-${v.code}`}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
