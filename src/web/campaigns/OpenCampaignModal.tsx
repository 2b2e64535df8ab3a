/**
 * Mở đợt rà soát: a province opens a periodic (annual) or monthly campaign; one review per commune is
 * created. The standard and plan dates default to what the domain assigns (periodic: 1/9 – 14/12, the
 * standard of the next policy year).
 */
import { useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { DATE_FORMAT, toIsoDate } from '../format/format.ts';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { campaignsApi, type CampaignView } from './api.ts';

interface Values {
  provinceCode?: string;
  kind: 'periodic' | 'monthly';
  year: number;
  month?: number;
  plan?: [Dayjs, Dayjs] | null;
  title?: string;
}

export function OpenCampaignModal({ onClose, onOpened }: { onClose: () => void; onOpened: (c: CampaignView) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user } = useSignedIn();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const { campaign } = await campaignsApi.open({
        provinceCode: user.role === 'national_admin' ? v.provinceCode : undefined,
        kind: v.kind,
        year: v.year,
        ...(v.kind === 'monthly' && v.month ? { month: v.month } : {}),
        ...(v.plan ? { planStart: toIsoDate(v.plan[0]), planEnd: toIsoDate(v.plan[1]) } : {}),
        ...(v.title?.trim() ? { title: v.title.trim() } : {}),
      });
      onOpened(campaign);
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
      title={t('campaign.openTitle')}
      okText={t('campaign.open')}
      okButtonProps={{ 'data-testid': 'campaign-open-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="campaign-open-modal"
    >
      {error != null && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error, i18n)} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'periodic', year: new Date().getFullYear(), month: new Date().getMonth() + 1 }} onFinish={(v) => void submit(v)}>
        {user.role === 'national_admin' && (
          <Form.Item name="provinceCode" label={t('campaign.province')} rules={[{ required: true, message: t('campaign.provinceRequired') }]}>
            <UnitPicker layout="2025" selectableTiers={['province']} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('campaign.kind')}>
          <Radio.Group
            options={[
              { value: 'periodic', label: t('campaign.kind.periodic') },
              { value: 'monthly', label: t('campaign.kind.monthly') },
            ]}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="year" label={t('campaign.year')} rules={[{ required: true, message: t('campaign.yearRequired') }]}>
              <InputNumber min={2016} max={2100} style={{ width: '100%' }} data-testid="campaign-year" />
            </Form.Item>
          </Col>
          {kind === 'monthly' && (
            <Col span={8}>
              <Form.Item name="month" label={t('campaign.month')}>
                <Select options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('campaign.monthN', { month: i + 1 }) }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="plan" label={t('campaign.plan')} extra={t('campaign.planHint')}>
          <DatePicker.RangePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="title" label={t('campaign.titleField')} extra={t('campaign.titleHint')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
