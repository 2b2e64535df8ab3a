/** Thôn, bản, tổ dân phố of the commune: the list, and adding one (commune officer). */
import { useState } from 'react';
import { Alert, Button, Drawer, Flex, Form, Input, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { formatDate } from '../format/format.ts';
import { villagesApi, type Village } from './api.ts';

export function VillagesDrawer({ communeCode, villages, onClose, onChanged }: { communeCode: string; villages: Village[]; onClose: () => void; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useSignedIn();
  const [form] = Form.useForm<{ name: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const add = async ({ name }: { name: string }) => {
    setBusy(true);
    setError(null);
    try {
      await villagesApi.create({ communeCode, name: name.trim() });
      form.resetFields();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open size={520} title={t('village.title')} onClose={onClose} data-testid="villages-drawer">
      <Flex vertical gap={12}>
        {error != null && <Alert type="error" showIcon title={errorMessage(error, i18n)} />}
        {can('village.write') && (
          <Form form={form} layout="inline" onFinish={(v) => void add(v)}>
            <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('village.nameRequired') }]} style={{ flex: 1 }}>
              <Input placeholder={t('village.namePlaceholder')} data-testid="village-name" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="village-add">
              {t('village.add')}
            </Button>
          </Form>
        )}
        <Table<Village>
          size="small"
          bordered
          rowKey="code"
          pagination={false}
          dataSource={villages}
          columns={[
            { title: t('village.code'), dataIndex: 'code', width: 90 },
            { title: t('village.name'), dataIndex: 'name' },
            { title: t('village.validFrom'), dataIndex: 'validFrom', width: 120, render: (v: string) => formatDate(v) },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
