/** Kết quả phúc tra: the written conclusion of the re-check, its outcome and date. */
import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { DATE_FORMAT, toIsoDate } from '../format/format.ts';
import { reviewsApi, type ComplaintView } from './api.ts';

interface Values {
  recheckNote: string;
  outcome: 'upheld' | 'dismissed' | 'withdrawn';
  resolvedOn: Dayjs;
}

export function ResolveComplaintModal({ reviewId, complaint, onClose, onSaved }: { reviewId: number; complaint: ComplaintView; onClose: () => void; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await reviewsApi.resolveComplaint(reviewId, complaint.id, { recheckNote: v.recheckNote.trim(), outcome: v.outcome, resolvedOn: toIsoDate(v.resolvedOn) ?? '' });
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
      width={620}
      title={t('complaint.resolveTitle', { complainant: complaint.complainant })}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'resolve-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="resolve-modal"
    >
      {error != null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error, i18n)} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ outcome: complaint.outcome ?? 'dismissed', resolvedOn: complaint.resolvedOn ? dayjs(complaint.resolvedOn) : dayjs(), recheckNote: complaint.recheckNote ?? '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="outcome" label={t('complaint.outcome')}>
          <Radio.Group
            options={(['upheld', 'dismissed', 'withdrawn'] as const).map((o) => ({ value: o, label: t(`complaint.outcome.${o}`) }))}
            data-testid="resolve-outcome"
          />
        </Form.Item>
        <Form.Item name="resolvedOn" label={t('complaint.resolvedOn')} rules={[{ required: true, message: t('complaint.resolvedOnRequired') }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="recheckNote" label={t('complaint.recheckNote')} rules={[{ required: true, whitespace: true, message: t('complaint.recheckNoteRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="resolve-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
