/** Reason (and, for a reopening, the step to go back to) for the transitions that require one. */
import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import type { NextReviewAction, ReviewState } from './api.ts';
import { FailureAlert } from './FailureAlert.tsx';
import type { TransitionFailure } from './useTransition.ts';

const MIN_REASON = 5;

export function ReasonModal({
  action,
  onCancel,
  onSubmit,
  busy,
  failure,
}: {
  action: NextReviewAction;
  onCancel: () => void;
  onSubmit: (reason: string, reopenTo?: ReviewState) => void;
  busy: boolean;
  failure?: TransitionFailure | null;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string; reopenTo?: ReviewState }>();
  const [ok, setOk] = useState(false);
  return (
    <Modal
      open
      title={t(`reviewAction.${action.action}`)}
      okText={t(`reviewAction.${action.action}`)}
      okButtonProps={{ danger: action.action === 'reopen', disabled: !ok, 'data-testid': 'reason-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      data-testid="reason-modal"
    >
      <FailureAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ reopenTo: action.to }}
        onValuesChange={(_, v) => setOk((v.reason ?? '').trim().length >= MIN_REASON)}
        onFinish={(v) => onSubmit(v.reason.trim(), action.reopenTargets ? v.reopenTo : undefined)}
      >
        {action.reopenTargets && (
          <Form.Item name="reopenTo" label={t('review.reopenTo')}>
            <Select options={action.reopenTargets.map((s) => ({ value: s, label: t(`reviewState.${s}`) }))} data-testid="reason-target" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('review.reason')}
          extra={t('review.reasonHint', { min: MIN_REASON })}
          rules={[
            { required: true, whitespace: true, message: t('review.reasonRequired') },
            { min: MIN_REASON, message: t('review.reasonHint', { min: MIN_REASON }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="reason-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
