/**
 * Ký quyết định công nhận: number, date and signer of the commune chair's decision, and from when the
 * recognised lists take effect. The date may not be in the future nor before the end of posting.
 */
import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { DATE_FORMAT, formatDate, toIsoDate } from '../format/format.ts';
import { FailureAlert } from './FailureAlert.tsx';
import type { TransitionFailure } from './useTransition.ts';

export interface DecisionValues {
  number: string;
  date: string;
  signerName: string;
  signerTitle?: string;
  listEffectiveFrom: 'decision_date' | 'policy_year_start';
}

interface FormValues {
  number: string;
  date: Dayjs;
  signerName: string;
  signerTitle: string;
  listEffectiveFrom: 'decision_date' | 'policy_year_start';
}

export function DecisionModal({
  postingEnd,
  policyYear,
  effectiveDefault,
  busy,
  failure,
  onCancel,
  onSubmit,
}: {
  postingEnd: string | null;
  policyYear: number;
  /** The deployment's setting (review.listEffectiveFrom). */
  effectiveDefault: 'decision_date' | 'policy_year_start';
  busy: boolean;
  failure?: TransitionFailure | null;
  onCancel: () => void;
  onSubmit: (v: DecisionValues) => void;
}) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [form] = Form.useForm<FormValues>();
  return (
    <Modal
      open
      width={620}
      title={t('decision.title')}
      okText={t('decision.sign')}
      okButtonProps={{ 'data-testid': 'decision-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      data-testid="decision-modal"
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('decision.lockNote')} />
      <FailureAlert failure={failure} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          date: dayjs(),
          signerName: user.role === 'commune_chair' ? user.fullName : '',
          signerTitle: t('decision.defaultTitle'),
          listEffectiveFrom: effectiveDefault,
        }}
        onFinish={(v) =>
          onSubmit({
            number: v.number.trim(),
            date: toIsoDate(v.date) ?? '',
            signerName: v.signerName.trim(),
            signerTitle: v.signerTitle.trim() || undefined,
            listEffectiveFrom: v.listEffectiveFrom,
          })
        }
      >
        <Form.Item name="number" label={t('decision.number')} extra={t('decision.numberHint')} rules={[{ required: true, whitespace: true, message: t('decision.numberRequired') }]}>
          <Input maxLength={100} data-testid="decision-number" />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('decision.date')}
          extra={postingEnd ? t('decision.dateHint', { date: formatDate(postingEnd) }) : undefined}
          rules={[
            { required: true, message: t('decision.dateRequired') },
            {
              validator: async (_, d: Dayjs | null) => {
                if (!d) return;
                if (d.isAfter(dayjs(), 'day')) throw new Error(t('decision.dateFuture'));
                if (postingEnd && d.isBefore(dayjs(postingEnd), 'day')) throw new Error(t('decision.dateBeforePosting', { date: formatDate(postingEnd) }));
              },
            },
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} data-testid="decision-date" />
        </Form.Item>
        <Form.Item name="signerName" label={t('decision.signerName')} rules={[{ required: true, whitespace: true, message: t('decision.signerRequired') }]}>
          <Input maxLength={200} data-testid="decision-signer" />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('decision.signerTitle')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="listEffectiveFrom" label={t('decision.effectiveFrom')}>
          <Radio.Group
            options={[
              { value: 'decision_date', label: t('decision.effective.decision_date') },
              { value: 'policy_year_start', label: t('decision.effective.policy_year_start', { year: policyYear }) },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
