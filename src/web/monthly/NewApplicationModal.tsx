/** Tiếp nhận hồ sơ: the household (searched without diacritics), form 01 or 04, date received, what it asks for. */
import { useState } from 'react';
import { Alert, DatePicker, Form, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useDebouncedValue } from '../hooks/useDebouncedValue.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { DATE_FORMAT, toIsoDate } from '../format/format.ts';
import { householdsApi } from '../households/api.ts';
import { monthlyApi, type ApplicationView } from './api.ts';

interface Values {
  householdId: number;
  form: '01' | '04';
  receivedOn: Dayjs;
  requestedStatus?: 'poor' | 'near_poor' | 'escaped_poverty' | 'escaped_near_poverty';
}

const REQUESTS = { '01': ['poor', 'near_poor'], '04': ['escaped_poverty', 'escaped_near_poverty'] } as const;

export function NewApplicationModal({ communeCode, onClose, onCreated }: { communeCode: string | null; onClose: () => void; onCreated: (a: ApplicationView) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('form', form) ?? '01';
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const households = useApiQuery(`monthly-hh|${q}`, (signal) => householdsApi.list({ communeCode: communeCode ?? undefined, q: q || undefined, pageSize: 20 }, signal));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { application } = await monthlyApi.create({ householdId: v.householdId, form: v.form, receivedOn: toIsoDate(v.receivedOn) ?? '', requestedStatus: v.requestedStatus ?? null });
      onCreated(application);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open width={640} title={t('monthly.createTitle')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onCancel={onClose} onOk={() => form.submit()}>
      {error != null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error, i18n)} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ form: '01', receivedOn: dayjs() }} onFinish={(v) => void submit(v)}>
        <Form.Item name="householdId" label={t('monthly.household')} rules={[{ required: true, message: t('monthly.householdRequired') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={households.loading}
            placeholder={t('hh.searchPlaceholder')}
            options={(households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.code} — ${h.headName}${h.villageName ? ` (${h.villageName})` : ''}` }))}
          />
        </Form.Item>
        <Form.Item name="form" label={t('monthly.form')}>
          <Radio.Group
            onChange={() => form.setFieldValue('requestedStatus', undefined)}
            options={[
              { value: '01', label: t('monthly.form.01') },
              { value: '04', label: t('monthly.form.04') },
            ]}
          />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('monthly.receivedOn')} extra={t('monthly.receivedHint')} rules={[{ required: true, message: t('monthly.receivedRequired') }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="requestedStatus" label={t('monthly.requested')}>
          <Select allowClear options={REQUESTS[kind].map((r) => ({ value: r, label: t(`monthly.recognition.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
