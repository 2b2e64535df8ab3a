/**
 * Chỉ tiêu: the targets of the user's unit for a year with their actual values and verdicts (on track /
 * at risk / off track, with the rule in the tooltip), the poverty-rate trend chart, communes at or above
 * the high-poverty threshold, and (province officers) a form to set or change a target.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Form, InputNumber, Select, Table, Typography, message } from 'antd';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { EChart } from '../dashboard/EChart.tsx';
import { povertyRateChartOption } from '../../domain/program/chart-options.ts';
import { programApi, type TargetsView } from './api.ts';
import { ProgramStatusTag } from './ProgramStatusTag.tsx';
import { DEFAULT_PROGRAM_YEAR, YearSelect } from './YearSelect.tsx';

type Row = TargetsView['rows'][number];
const fmt = (x: number | null) => (x === null ? '—' : x.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

export function ProgramTargetsPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { can } = useSignedIn();
  const [year, setYear] = useState(DEFAULT_PROGRAM_YEAR);
  const [nonce, setNonce] = useState(0);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ unitCode: string; indicatorCode: string; target: number }>();
  const view = useApiQuery(`program-targets|${year}|${nonce}`, (signal) => programApi.targets(year, undefined, signal));
  const d = view.data;
  const indicatorName = (code: string) => {
    const i = d?.indicators.find((x) => x.code === code);
    return i ? (locale === 'en' ? i.nameEn : i.nameVi) : code;
  };
  const chart = useMemo(() => {
    if (!d) return null;
    const own = d.rates.filter((r) => r.unitCode === d.unit.code).map((r) => ({ year: r.year, rate: r.povertyRate }));
    const target = d.rows.find((r) => r.unitCode === d.unit.code && r.indicatorCode === 'poverty_rate');
    return povertyRateChartOption(own, target ? { year: target.year, value: target.target } : null, { rate: t('program.chart.rate'), target: t('program.chart.target') });
  }, [d, t]);

  async function save(v: { unitCode: string; indicatorCode: string; target: number }) {
    setSaving(true);
    try {
      await programApi.setTargets([{ unitCode: v.unitCode, indicatorCode: v.indicatorCode, year, target: v.target }]);
      message.success(t('program.saved'));
      setNonce((n) => n + 1);
    } catch (err) {
      message.error(errorMessage(err, i18n));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('program.targets.title')} {d ? `— ${d.unit.name}` : ''}
        </Typography.Title>
        <YearSelect value={year} onChange={setYear} />
      </Flex>
      {view.error != null && <Alert type="error" showIcon title={errorMessage(view.error, i18n)} />}
      {d && d.highPovertyCommunes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('program.targets.highPoverty', { threshold: d.highPovertyThreshold })}
          description={d.highPovertyCommunes.map((c) => `${c.name} (${fmt(c.rate)} %)`).join(', ')}
        />
      )}
      <Flex gap={12} wrap align="flex-start">
        {chart && (
          <Card size="small" title={t('program.targets.chart')} style={{ flex: '1 1 360px', minWidth: 320 }}>
            <EChart option={chart} height={220} data-testid="program-rate-chart" />
          </Card>
        )}
        {can('program.plan') && d && (
          <Card size="small" title={t('program.targets.set')} style={{ flex: '1 1 360px', minWidth: 320 }}>
            <Form form={form} layout="vertical" onFinish={save} initialValues={{ unitCode: d.unit.code, indicatorCode: 'poverty_rate' }} data-testid="target-form">
              <Form.Item name="unitCode" label={t('program.col.unit')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={d.units.map((u) => ({ value: u.code, label: u.name }))} data-testid="target-unit" />
              </Form.Item>
              <Form.Item name="indicatorCode" label={t('program.col.indicator')} rules={[{ required: true }]}>
                <Select options={d.indicators.map((i) => ({ value: i.code, label: locale === 'en' ? i.nameEn : i.nameVi }))} data-testid="target-indicator" />
              </Form.Item>
              <Form.Item name="target" label={t('program.col.target')} rules={[{ required: true, message: t('program.required') }]}>
                <InputNumber min={0} step={0.1} style={{ width: '100%' }} data-testid="target-value" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="target-save">
                {t('program.save')}
              </Button>
            </Form>
          </Card>
        )}
      </Flex>
      <Table<Row>
        data-testid="targets-table"
        size="small"
        bordered
        rowKey={(r) => `${r.unitCode}/${r.indicatorCode}`}
        loading={view.loading}
        dataSource={d?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('program.targets.none') }}
        columns={[
          { title: t('program.col.unit'), dataIndex: 'unitName', width: 200 },
          { title: t('program.col.indicator'), key: 'indicator', render: (_, r) => indicatorName(r.indicatorCode) },
          { title: t('program.col.target'), dataIndex: 'target', width: 100, align: 'right', render: fmt },
          { title: t('program.col.projected'), key: 'projected', width: 120, align: 'right', render: (_, r) => `${fmt(r.judgement.projected)}${r.judgement.final ? '' : ' *'}` },
          { title: t('program.col.status'), key: 'status', width: 170, render: (_, r) => <ProgramStatusTag judgement={r.judgement} /> },
          { title: t('program.col.rule'), key: 'rule', render: (_, r) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.judgement.explanation}</Typography.Text> },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('program.targets.note')}
      </Typography.Text>
    </Flex>
  );
}
