/** "Xuất sổ hộ" on the household list: the registry of the chosen commune (or the user's unit) as Excel or CSV. */
import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/useI18n.ts';
import { registryUrl, type RegistryChoice } from './exportUrls.ts';
import { useDownload } from './useDownload.ts';

export function ExportRegistryButton({ unit, status }: { unit: string | null; status?: string }) {
  const { t } = useI18n();
  const { busy, run } = useDownload();
  const choice: RegistryChoice = { unit, status };
  const items = [
    { key: 'xlsx', label: t('exports.excel'), url: registryUrl('xlsx', choice) },
    { key: 'households', label: t('exports.registry.csvHouseholds'), url: registryUrl('csv', { ...choice, sheet: 'households' }) },
    { key: 'members', label: t('exports.registry.csvMembers'), url: registryUrl('csv', { ...choice, sheet: 'members' }) },
  ];
  return (
    <Dropdown
      menu={{
        items: items.map(({ key, label }) => ({ key, label })),
        onClick: ({ key }) => {
          const item = items.find((i) => i.key === key)!;
          void run('registry', item.url, `so-ho.${key === 'xlsx' ? 'xlsx' : 'csv'}`);
        },
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy !== null} data-testid="households-export">
        {t('exports.registry.button')}
      </Button>
    </Dropdown>
  );
}
