/** Ghi biên bản họp dân: village, date, attendance, chair and secretary of a village meeting. */
import { useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { DATE_FORMAT, toIsoDate } from '../format/format.ts';
import { reviewsApi, type MeetingView, type ReviewView } from './api.ts';

interface Values {
  villageCode: string;
  heldOn: Dayjs;
  attendees: number;
  chair: string;
  secretary: string;
}

export function MeetingModal({ view, village, onClose, onCreated }: { view: ReviewView; village?: string; onClose: () => void; onCreated: (m: MeetingView) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const villages = view.progress.villages.filter((v) => v.listed > 0 && v.villageCode !== '');

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { meeting } = await reviewsApi.createMeeting(view.review.id, {
        villageCode: v.villageCode,
        heldOn: toIsoDate(v.heldOn) ?? '',
        attendees: v.attendees,
        chair: v.chair.trim(),
        secretary: v.secretary.trim(),
      });
      onCreated(meeting);
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
      title={t('meeting.createTitle')}
      okText={t('meeting.create')}
      okButtonProps={{ 'data-testid': 'meeting-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="meeting-modal"
    >
      {error != null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error, i18n)} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ villageCode: village, heldOn: dayjs() }} onFinish={(v) => void submit(v)}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="villageCode" label={t('meeting.village')} rules={[{ required: true, message: t('meeting.villageRequired') }]}>
              <Select
                data-testid="meeting-village"
                options={villages.map((v) => ({ value: v.villageCode, label: `${v.villageName ?? v.villageCode} (${t('meeting.householdsCount', { count: v.listed })})` }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="heldOn"
              label={t('meeting.heldOn')}
              rules={[
                { required: true, message: t('meeting.heldOnRequired') },
                { validator: async (_, d: Dayjs | null) => { if (d && d.isAfter(dayjs(), 'day')) throw new Error(t('meeting.heldOnFuture')); } },
              ]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="meeting-heldOn" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="attendees" label={t('meeting.attendees')} rules={[{ required: true, message: t('meeting.attendeesRequired') }]}>
              <InputNumber min={1} max={100000} style={{ width: '100%' }} data-testid="meeting-attendees" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="chair" label={t('meeting.chair')} rules={[{ required: true, whitespace: true, message: t('meeting.chairRequired') }]}>
              <Input maxLength={200} data-testid="meeting-chair" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="secretary" label={t('meeting.secretary')} rules={[{ required: true, whitespace: true, message: t('meeting.secretaryRequired') }]}>
              <Input maxLength={200} data-testid="meeting-secretary" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
