/** Ghi nhận khiếu nại: date received, complainant, the household concerned (optional) and the content. */
import { useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { DATE_FORMAT, toIsoDate } from '../format/format.ts';
import { reviewsApi } from './api.ts';

interface Values {
  receivedOn: Dayjs;
  complainant: string;
  householdId?: number;
  content: string;
}

export function ComplaintModal({ reviewId, onClose, onSaved }: { reviewId: number; onClose: () => void; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const listed = useApiQuery(`complaint-households|${reviewId}`, (signal) => reviewsApi.households(reviewId, { pageSize: 1000 }, signal));

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await reviewsApi.addComplaint(reviewId, { receivedOn: toIsoDate(v.receivedOn) ?? '', complainant: v.complainant.trim(), householdId: v.householdId ?? null, content: v.content.trim() });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('complaint.createTitle')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'complaint-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="complaint-modal"
    >
      {error != null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error, i18n)} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ receivedOn: dayjs() }} onFinish={(v) => void submit(v)}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="receivedOn" label={t('complaint.receivedOn')} rules={[{ required: true, message: t('complaint.receivedOnRequired') }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="complainant" label={t('complaint.complainant')} rules={[{ required: true, whitespace: true, message: t('complaint.complainantRequired') }]}>
              <Input maxLength={200} data-testid="complaint-complainant" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="householdId" label={t('complaint.household')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={listed.loading}
            placeholder={t('complaint.householdPlaceholder')}
            options={(listed.data?.items ?? []).map((h) => ({ value: h.householdId, label: `${h.code} — ${h.headName}` }))}
            data-testid="complaint-household"
          />
        </Form.Item>
        <Form.Item name="content" label={t('complaint.content')} rules={[{ required: true, whitespace: true, message: t('complaint.contentRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="complaint-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
