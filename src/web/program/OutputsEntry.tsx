/**
 * A commune officer enters the period's outputs (report-sourced indicators) and submits the report;
 * once submitted, the card says when (a resubmission replaces the figures and keeps the first date).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, InputNumber } from 'antd';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate, formatNumber } from '../format/format.ts';
import { programApi, type ReportPeriod } from './api.ts';

interface Props {
  year: number;
  period: ReportPeriod;
  submittedOn: string | null;
  onSubmitted: () => void;
}

/** Counts typed and shown as 1.234 (dots are thousands separators, never decimals). */
const countFormatter = (v: number | string | undefined) => (v === undefined || v === '' ? '' : formatNumber(Number(v)));
const countParser = (s: string | undefined) => Number((s ?? '').replace(/\D/g, ''));

export function OutputsEntry({ year, period, submittedOn, onSubmitted }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, number | null>>();
  const [busy, setBusy] = useState(false);
  const structure = useApiQuery('program-structure', (signal) => programApi.structure(signal));
  const outputs = useApiQuery(`program-outputs|${year}`, (signal) => programApi.outputs(year, signal));
  const indicators = (structure.data?.indicators ?? []).filter((i) => i.source === 'report');

  useEffect(() => {
    const values: Record<string, number | null> = {};
    for (const i of indicators) values[i.code] = outputs.data?.items.find((o) => o.indicatorCode === i.code && o.year === year && o.period === period)?.value ?? null;
    form.setFieldsValue(values);
  }, [outputs.data, year, period, indicators.length, form]); // eslint-disable-line react-hooks/exhaustive-deps

  async function save(submit: boolean) {
    setBusy(true);
    try {
      const v = form.getFieldsValue();
      const items = indicators.map((i) => ({ indicatorCode: i.code, value: v[i.code] ?? null }));
      await programApi.enterOutputs(year, period, items);
      if (submit) await programApi.submit(year, period);
      message.success(t(submit ? 'program.reports.submitted' : 'program.saved'));
      outputs.reload();
      if (submit) onSubmitted();
    } catch (err) {
      message.error(errorMessage(err, i18n), 8);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title={t('program.reports.entry', { period: t(`program.periodOf.${period}`, { year }) })} data-testid="outputs-entry">
      {submittedOn && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('program.reports.submittedNote', { date: formatDate(submittedOn) })} data-testid="outputs-submitted" />}
      <Form form={form} name="outputs" layout="horizontal" labelCol={{ flex: '340px' }} labelWrap data-testid="outputs-form">
        {indicators.map((i) => (
          <Form.Item key={i.code} name={i.code} label={locale === 'en' ? i.nameEn : i.nameVi} style={{ marginBottom: 8 }}>
            <InputNumber<number> min={0} precision={0} formatter={countFormatter} parser={countParser} style={{ width: 160 }} data-testid={`output-${i.code}`} />
          </Form.Item>
        ))}
        <Flex gap={8}>
          <Button onClick={() => save(false)} loading={busy} data-testid="outputs-save">
            {t('program.save')}
          </Button>
          <Button type="primary" onClick={() => save(true)} loading={busy} data-testid="report-submit">
            {t(submittedOn ? 'program.reports.resubmit' : 'program.reports.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
