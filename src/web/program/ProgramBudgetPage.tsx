/**
 * Kinh phí: the year's plan by project and fund source, allocations to communes, disbursement entries
 * and reallocations; each commune's progress against the disbursement schedule (lagging communes in
 * red); the province officer's forms to plan, allocate, disburse and reallocate.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Flex, Progress, Statistic, Table, Tag, Typography } from 'antd';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate } from '../format/format.ts';
import { EChart } from '../dashboard/EChart.tsx';
import { budgetBarsByProject, budgetChartOption } from '../../domain/program/chart-options.ts';
import { formatVnd } from '../../domain/program/money.ts';
import { programCodeForYear } from '../../domain/program/program-structure.ts';
import { programApi, type BudgetView } from './api.ts';
import { BudgetActions } from './BudgetActions.tsx';
import { DEFAULT_PROGRAM_YEAR, YearSelect } from './YearSelect.tsx';

const vnd = (s: string) => formatVnd(BigInt(s));

export function ProgramBudgetPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [year, setYear] = useState(DEFAULT_PROGRAM_YEAR);
  const [nonce, setNonce] = useState(0);
  const view = useApiQuery(`program-budget|${year}|${nonce}`, (signal) => programApi.budget(year, undefined, signal));
  const structure = useApiQuery('program-structure', (signal) => programApi.structure(signal));
  const programCode = structure.data ? (structure.data.programs.filter((p) => p.startYear <= year && year <= p.endYear).at(-1)?.code ?? null) : programCodeForYear(year);
  const d = view.data;
  const names = new Map((d?.communes ?? []).map((c) => [c.code, c.name]));
  const sourceName = (code: string) => structure.data?.fundSources.find((f) => f.code === code)?.[locale === 'en' ? 'nameEn' : 'name'] ?? code;
  const chart = useMemo(
    () => (d && d.lines.length ? budgetChartOption(budgetBarsByProject(d.lines), { planned: t('program.planned'), allocated: t('program.allocated'), disbursed: t('program.disbursed'), unit: t('program.millions') }) : null),
    [d, t],
  );

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('program.budget.title')} {d ? `— ${d.unit.name}` : ''}
        </Typography.Title>
        <YearSelect value={year} onChange={setYear} />
      </Flex>
      {view.error != null && <Alert type="error" showIcon title={errorMessage(view.error, i18n)} />}
      {d && (
        <Flex gap={24} wrap data-testid="budget-totals">
          <Statistic title={t('program.planned')} value={vnd(d.totals.planned)} suffix="đ" />
          <Statistic title={t('program.allocated')} value={vnd(d.totals.allocated)} suffix="đ" />
          <Statistic title={t('program.disbursed')} value={vnd(d.totals.disbursed)} suffix="đ" />
          <Flex vertical style={{ minWidth: 200 }}>
            <Typography.Text type="secondary">{t('program.disbursedPercent')}</Typography.Text>
            <Progress percent={d.totals.disbursedPercent} data-testid="budget-progress" />
          </Flex>
        </Flex>
      )}
      {d && d.unit.tier === 'province' && <BudgetActions year={year} programCode={programCode} structure={structure.data} budget={d} onChanged={() => setNonce((n) => n + 1)} />}
      <Flex gap={12} wrap align="flex-start">
        <Card size="small" title={t('program.budget.lines')} style={{ flex: '2 1 520px' }}>
          <Table
            data-testid="plan-lines"
            size="small"
            rowKey={(l) => `${l.programCode}/${l.nodeCode}/${l.fundSource}`}
            dataSource={d?.lines ?? []}
            pagination={false}
            locale={{ emptyText: t('program.budget.noLines') }}
            columns={[
              { title: t('program.col.node'), key: 'node', render: (_, l) => <span title={l.nodeName}>{l.nodeCode}. {l.nodeName}</span> },
              { title: t('program.col.source'), dataIndex: 'fundSource', width: 200, render: sourceName },
              { title: t('program.planned'), dataIndex: 'planned', align: 'right', width: 140, render: vnd },
              { title: t('program.allocated'), dataIndex: 'allocated', align: 'right', width: 140, render: vnd },
              { title: t('program.disbursed'), dataIndex: 'disbursed', align: 'right', width: 140, render: vnd },
            ]}
          />
        </Card>
        {chart && (
          <Card size="small" title={t('program.budget.chart')} style={{ flex: '1 1 320px' }}>
            <EChart option={chart} height={240} data-testid="program-budget-chart" />
          </Card>
        )}
      </Flex>
      <Card size="small" title={t('program.budget.units', { milestones: (d?.milestones ?? []).map((m) => `${m.sharePercent} % ${m.day}/${m.month}`).join(', ') })}>
        <Table<BudgetView['units'][number]>
          data-testid="unit-progress"
          size="small"
          rowKey="unitCode"
          dataSource={d?.units ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('program.col.commune'), dataIndex: 'unitName' },
            { title: t('program.allocated'), dataIndex: 'allocated', align: 'right', width: 150, render: vnd },
            { title: t('program.disbursed'), dataIndex: 'disbursed', align: 'right', width: 150, render: vnd },
            { title: t('program.disbursedPercent'), dataIndex: 'sharePercent', width: 160, render: (p: number) => <Progress percent={p} size="small" /> },
            {
              title: t('program.col.schedule'),
              key: 'lag',
              width: 200,
              render: (_, u) => (u.lagging ? <Tag color="error" data-testid={`lagging-${u.unitCode}`}>{t('program.lagging', { required: u.requiredPercent })}</Tag> : <Tag color="success">{t('program.onSchedule')}</Tag>),
            },
          ]}
        />
      </Card>
      <Flex gap={12} wrap align="flex-start">
        <Card size="small" title={t('program.budget.disbursements')} style={{ flex: '1 1 480px' }}>
          <Table
            data-testid="disbursements"
            size="small"
            rowKey="id"
            dataSource={d?.disbursements ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('program.paidOn'), dataIndex: 'paidOn', width: 110, render: formatDate },
              { title: t('program.col.commune'), dataIndex: 'unitCode', render: (c: string) => names.get(c) ?? c },
              { title: t('program.col.node'), dataIndex: 'nodeCode', width: 90 },
              { title: t('program.documentNumber'), dataIndex: 'documentNumber', width: 130 },
              { title: t('program.amount'), dataIndex: 'amount', align: 'right', width: 140, render: vnd },
            ]}
          />
        </Card>
        {d && d.unit.tier === 'province' && (
          <Card size="small" title={t('program.budget.reallocations')} style={{ flex: '1 1 380px' }}>
            <Table
              size="small"
              rowKey="id"
              dataSource={d.reallocations}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t('program.from'), dataIndex: 'fromUnit', render: (c: string) => names.get(c) ?? c },
                { title: t('program.to'), dataIndex: 'toUnit', render: (c: string) => names.get(c) ?? c },
                { title: t('program.amount'), dataIndex: 'amount', align: 'right', render: vnd },
                { title: t('program.reason'), dataIndex: 'reason' },
              ]}
            />
          </Card>
        )}
      </Flex>
    </Flex>
  );
}
