/**
 * Chỉ tiêu: the targets of the user's unit for a year with their actual values and verdicts (on track /
 * at risk / off track, with the rule in the tooltip), counted by verdict; the poverty-rate trend chart,
 * communes at or above the high-poverty threshold, and (province officers) a form to set or change a
 * target, which shows the current value of the chosen unit and indicator.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { EChart } from '../dashboard/EChart.tsx';
import { povertyRateChartOption } from '../../domain/program/chart-options.ts';
import type { TargetStatus } from '../../domain/program/projection.ts';
import { programApi, type TargetsView } from './api.ts';
import { ProgramStatusTag, STATUS_COLORS } from './ProgramStatusTag.tsx';
import { CHART_CARD_STYLES, formatDecimal, indicatorSuffix } from './program-format.ts';
import { DEFAULT_PROGRAM_YEAR, YearSelect } from './YearSelect.tsx';
import { ProgramSettingsButton } from './ProgramSettings.tsx';

type Row = TargetsView['rows'][number];
type TargetForm = { unitCode: string; indicatorCode: string; target: number | null };
const STATUSES: TargetStatus[] = ['on_track', 'at_risk', 'off_track', 'no_data'];

export function ProgramTargetsPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { message } = App.useApp();
  const { can } = useSignedIn();
  const [year, setYear] = useState(DEFAULT_PROGRAM_YEAR);
  const [nonce, setNonce] = useState(0);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<TargetForm>();
  const view = useApiQuery(`program-targets|${year}|${locale}|${nonce}`, (signal) => programApi.targets(year, undefined, signal));
  const d = view.data?.year === year ? view.data : undefined;
  const indicator = (code: string) => d?.indicators.find((x) => x.code === code);
  const indicatorName = (code: string) => {
    const i = indicator(code);
    return i ? (locale === 'en' ? i.nameEn : i.nameVi) : code;
  };
  const suffix = (code: string) => indicatorSuffix(indicator(code)?.unit, t('program.points'));
  const value = (x: number | null, code: string) => (x === null ? '—' : `${formatDecimal(x)}${suffix(code)}`);

  // The unit's own targets first, then its communes' (code order), each by indicator name.
  const rows = useMemo(
    () => (d ? d.rows.toSorted((a, b) => Number(b.unitCode === d.unit.code) - Number(a.unitCode === d.unit.code) || a.unitCode.localeCompare(b.unitCode) || a.indicatorCode.localeCompare(b.indicatorCode)) : []),
    [d],
  );
  const counts = useMemo(() => STATUSES.map((s) => [s, rows.filter((r) => r.judgement.status === s).length] as const).filter(([, n]) => n > 0), [rows]);
  const chart = useMemo(() => {
    if (!d) return null;
    const own = d.rates.filter((r) => r.unitCode === d.unit.code).map((r) => ({ year: r.year, rate: r.povertyRate }));
    const target = d.rows.find((r) => r.unitCode === d.unit.code && r.indicatorCode === 'poverty_rate');
    if (!own.length && !target) return null;
    return povertyRateChartOption(own, target ? { year: target.year, value: target.target } : null, { rate: t('program.chart.rate'), target: t('program.chart.target') });
  }, [d, t]);

  // The chosen unit and indicator's current target is shown in the form (empty when there is none).
  const chosenUnit = Form.useWatch('unitCode', form);
  const chosenIndicator = Form.useWatch('indicatorCode', form);
  const current = d?.rows.find((r) => r.unitCode === chosenUnit && r.indicatorCode === chosenIndicator);
  useEffect(() => {
    if (chosenUnit && chosenIndicator) form.setFieldValue('target', current?.target ?? null);
  }, [chosenUnit, chosenIndicator, current?.target, form]);

  async function save(v: TargetForm) {
    setSaving(true);
    try {
      await programApi.setTargets([{ unitCode: v.unitCode, indicatorCode: v.indicatorCode, year, target: v.target }]);
      message.success(t('program.saved'));
      setNonce((n) => n + 1);
    } catch (err) {
      message.error(errorMessage(err, i18n), 8);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('program.targets.title', { year })} {d ? `— ${d.unit.name}` : ''}
        </Typography.Title>
        <ProgramSettingsButton onChanged={() => setNonce((n) => n + 1)} />
        <YearSelect value={year} onChange={setYear} />
      </Flex>
      {view.error != null && <Alert type="error" showIcon title={errorMessage(view.error, i18n)} />}
      {d && d.highPovertyCommunes.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="high-poverty"
          title={t('program.targets.highPoverty', { threshold: d.highPovertyThreshold })}
          description={d.highPovertyCommunes.map((c) => `${c.name} (${formatDecimal(c.rate)} %, ${c.year})`).join('; ')}
        />
      )}
      <Flex gap={12} wrap align="stretch">
        {chart && (
          <Card size="small" title={t('program.targets.chart')} styles={CHART_CARD_STYLES} style={{ flex: '1 1 420px', minWidth: 320 }}>
            <EChart option={chart} height={240} data-testid="program-rate-chart" />
          </Card>
        )}
        {can('program.plan') && d && (
          <Card size="small" title={t('program.targets.set', { year })} style={{ flex: '1 1 360px', minWidth: 320 }}>
            <Form<TargetForm> form={form} name="target" layout="vertical" onFinish={save} initialValues={{ unitCode: d.unit.code, indicatorCode: 'poverty_rate' }} data-testid="target-form">
              <Form.Item name="unitCode" label={t('program.col.unit')} rules={[{ required: true, message: t('program.required') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={d.units.map((u) => ({ value: u.code, label: u.name }))} data-testid="target-unit" />
              </Form.Item>
              <Form.Item name="indicatorCode" label={t('program.col.indicator')} rules={[{ required: true, message: t('program.required') }]}>
                <Select options={d.indicators.map((i) => ({ value: i.code, label: locale === 'en' ? i.nameEn : i.nameVi }))} data-testid="target-indicator" />
              </Form.Item>
              <Form.Item
                name="target"
                label={t('program.targets.value', { year })}
                rules={[{ required: true, message: t('program.required') }]}
                extra={current ? t('program.targets.current', { value: value(current.target, current.indicatorCode) }) : t('program.targets.new')}
              >
                <InputNumber<number> min={0} decimalSeparator="," suffix={chosenIndicator ? suffix(chosenIndicator).trim() || undefined : undefined} style={{ width: '100%' }} data-testid="target-value" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="target-save">
                {t('program.save')}
              </Button>
            </Form>
          </Card>
        )}
      </Flex>
      {counts.length > 0 && (
        <Flex gap={8} wrap align="center" data-testid="target-counts">
          <Typography.Text type="secondary">{t('program.targets.counts')}</Typography.Text>
          {counts.map(([s, n]) => (
            <Tag key={s} color={STATUS_COLORS[s]} data-testid={`target-count-${s}`}>
              {t(`program.status.${s}`)}: {n}
            </Tag>
          ))}
        </Flex>
      )}
      <Table<Row>
        data-testid="targets-table"
        size="small"
        bordered
        rowKey={(r) => `${r.unitCode}/${r.indicatorCode}`}
        loading={view.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('program.targets.none') }}
        columns={[
          { title: t('program.col.unit'), dataIndex: 'unitName', width: 180 },
          { title: t('program.col.indicator'), key: 'indicator', width: 240, render: (_, r) => indicatorName(r.indicatorCode) },
          { title: t('program.col.target'), key: 'target', width: 110, align: 'right', render: (_, r) => value(r.target, r.indicatorCode) },
          { title: t('program.col.projected'), key: 'projected', width: 130, align: 'right', render: (_, r) => `${value(r.judgement.projected, r.indicatorCode)}${r.judgement.final || r.judgement.projected === null ? '' : ' *'}` },
          {
            title: t('program.col.status'),
            key: 'status',
            width: 150,
            filters: STATUSES.map((s) => ({ text: t(`program.status.${s}`), value: s })),
            onFilter: (v, r) => r.judgement.status === v,
            render: (_, r) => <ProgramStatusTag judgement={r.judgement} />,
          },
          { title: t('program.col.rule'), key: 'rule', render: (_, r) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.judgement.explanation}</Typography.Text> },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('program.targets.note')}
      </Typography.Text>
    </Flex>
  );
}
