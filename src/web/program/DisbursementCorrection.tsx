/**
 * Correcting a wrong disbursement entry (docs/program.md §4): never an edit — the server records a
 * reversing entry of the opposite amount naming the entry, with the reason, then the correct payment of
 * the same line and commune if the officer gives one (prefilled from the wrong entry).
 */
import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate, toIsoDate } from '../format/format.ts';
import { amountInput, programApi, type BudgetView } from './api.ts';
import { formatDong } from './program-format.ts';

type Entry = BudgetView['disbursements'][number];
type Values = { reason: string; replace: boolean; paidOn?: dayjs.Dayjs; amount?: string; documentNumber?: string };

/** The entry's "Correct" button and its dialog. */
export function CorrectDisbursementButton({ entry, onChanged }: { entry: Entry; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const replace = Form.useWatch('replace', form);

  async function save(v: Values) {
    setBusy(true);
    try {
      const replacement = v.replace ? { paidOn: toIsoDate(v.paidOn)!, amount: amountInput(v.amount)!, documentNumber: v.documentNumber!.trim() } : null;
      await programApi.correct(entry.id, { reason: v.reason.trim(), replacement });
      message.success(t('program.correct.done'));
      setOpen(false);
      onChanged();
    } catch (err) {
      message.error(errorMessage(err, i18n), 8);
    } finally {
      setBusy(false);
    }
  }

  const required = { required: true, whitespace: true, message: t('program.required') };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`correct-${entry.id}`}>
        {t('program.correct.button')}
      </Button>
      <Modal
        open={open}
        title={t('program.correct.title', { id: entry.id })}
        onCancel={() => setOpen(false)}
        okText={t('program.correct.save')}
        okButtonProps={{ loading: busy, 'data-testid': 'correct-save' } as { loading: boolean }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('program.correct.explain', { amount: formatDong(entry.amount), date: formatDate(entry.paidOn), doc: entry.documentNumber })}
        </Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          name="correct"
          onFinish={save}
          preserve={false}
          initialValues={{ replace: true, paidOn: dayjs(entry.paidOn), amount: formatDong(entry.amount), documentNumber: entry.documentNumber }}
          data-testid="correct-form"
        >
          <Form.Item name="reason" label={t('program.correct.reason')} rules={[{ required: true, whitespace: true, message: t('program.correct.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="correct-reason" />
          </Form.Item>
          <Form.Item name="replace" valuePropName="checked">
            <Checkbox data-testid="correct-replace">{t('program.correct.replace')}</Checkbox>
          </Form.Item>
          {replace && (
            <>
              <Form.Item name="paidOn" label={t('program.paidOn')} rules={[{ required: true, message: t('program.required') }]}>
                <DatePicker format="DD/MM/YYYY" />
              </Form.Item>
              <Form.Item name="amount" label={t('program.amount')} rules={[{ validator: (_, v: string) => (amountInput(v) && amountInput(v) !== '0' ? Promise.resolve() : Promise.reject(new Error(t('program.amountInvalid')))) }]}>
                <Input suffix="đ" data-testid="correct-amount" onBlur={() => {
                  const digits = amountInput(form.getFieldValue('amount'));
                  if (digits) form.setFieldValue('amount', formatDong(digits));
                }} />
              </Form.Item>
              <Form.Item name="documentNumber" label={t('program.documentNumber')} rules={[required]}>
                <Input maxLength={100} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}
