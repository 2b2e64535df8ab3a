/** Name and lifetime of a new API token. */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { tokensApi } from '../api/tokens.ts';
import type { ApiToken } from '../api/types.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';

interface Values {
  name: string;
  expiresInDays: number;
}

const LIFETIMES = [30, 90, 180, 365, 0];

export function CreateTokenModal({ onClose, onCreated }: { onClose: () => void; onCreated: (token: string, item: ApiToken) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const res = await tokensApi.create(v.name.trim(), v.expiresInDays > 0 ? v.expiresInDays : undefined);
      onCreated(res.token, res.item);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('settings.tokens.create')} okText={t('settings.tokens.create')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error != null && <Alert type="error" showIcon title={errorMessage(error, i18n)} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ expiresInDays: 90 }} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('settings.tokens.name')} rules={[{ required: true, whitespace: true, message: t('settings.tokens.nameRequired') }]}>
          <Input placeholder={t('settings.tokens.namePlaceholder')} maxLength={100} data-testid="token-name" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('settings.tokens.expires')}>
          <Select options={LIFETIMES.map((d) => ({ value: d, label: d > 0 ? t('settings.tokens.days', { days: d }) : t('settings.tokens.never') }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
