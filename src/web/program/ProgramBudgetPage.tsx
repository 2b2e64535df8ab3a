/**
 * Kinh phí: the year's plan by project and fund source (each line opens to its allocations by commune),
 * each commune's progress against the disbursement schedule (lagging communes in red), disbursement
 * entries (a wrong one corrected by a reversing entry, button per entry) and reallocations; the
 * province officer's forms to plan, allocate, disburse and reallocate; the program settings.
 * A commune officer sees the money allocated to the commune by project and source instead of the plan.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Flex, Progress, Statistic, Table, Tag, Typography } from 'antd';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate } from '../format/format.ts';
import { EChart } from '../dashboard/EChart.tsx';
import { budgetBarsByProject, budgetChartOption } from '../../domain/program/chart-options.ts';
import { percentOf } from '../../domain/program/money.ts';
import { programCodeForYear } from '../../domain/program/program-structure.ts';
import { programApi, type BudgetView } from './api.ts';
import { BudgetActions } from './BudgetActions.tsx';
import { CorrectDisbursementButton } from './DisbursementCorrection.tsx';
import { ProgramSettingsButton } from './ProgramSettings.tsx';
import { CHART_CARD_STYLES, formatDong, formatPercent } from './program-format.ts';
import { DEFAULT_PROGRAM_YEAR, YearSelect } from './YearSelect.tsx';

type Allocation = BudgetView['allocations'][number];
const lineKey = (l: { programCode: string; nodeCode: string; fundSource: string }) => `${l.programCode}/${l.nodeCode}/${l.fundSource}`;
const share = (part: string, whole: string) => percentOf(BigInt(part), BigInt(whole));
const amountColumn = (title: string, dataIndex: string, width = 150) => ({ title, dataIndex, align: 'right' as const, width, render: formatDong });
const STAT_STYLES = { content: { fontSize: 20 } };
const bar = (p: number) => <Progress percent={p} size="small" format={() => formatPercent(p)} />;

export function ProgramBudgetPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { can } = useSignedIn();
  const [year, setYear] = useState(DEFAULT_PROGRAM_YEAR);
  const [nonce, setNonce] = useState(0);
  const view = useApiQuery(`program-budget|${year}|${nonce}`, (signal) => programApi.budget(year, undefined, signal));
  const structure = useApiQuery('program-structure', (signal) => programApi.structure(signal));
  const programCode = structure.data ? (structure.data.programs.filter((p) => p.startYear <= year && year <= p.endYear).at(-1)?.code ?? null) : programCodeForYear(year);
  const d = view.data?.year === year ? view.data : undefined;
  const province = d?.unit.tier === 'province';
  const names = new Map((d?.communes ?? []).map((c) => [c.code, c.name]));
  const communeName = (c: string) => names.get(c) ?? c;
  const sourceName = (code: string) => structure.data?.fundSources.find((f) => f.code === code)?.[locale === 'en' ? 'nameEn' : 'name'] ?? code;
  const nodeName = (program: string, code: string) => {
    const n = structure.data?.programs.find((p) => p.code === program)?.nodes.find((x) => x.code === code);
    return n ? (locale === 'en' ? n.nameEn : n.name) : code;
  };
  const node = (l: { programCode: string; nodeCode: string }) => `${l.nodeCode}. ${nodeName(l.programCode, l.nodeCode)}`;
  const byLine = useMemo(() => {
    const m = new Map<string, Allocation[]>();
    for (const a of d?.allocations ?? []) m.set(lineKey(a), [...(m.get(lineKey(a)) ?? []), a]);
    return m;
  }, [d]);
  const chart = useMemo(() => {
    if (!d) return null;
    const bars = province ? d.lines : d.allocations.map((a) => ({ nodeCode: a.nodeCode, planned: a.amount, allocated: a.amount, disbursed: a.disbursed }));
    if (!bars.length) return null;
    return budgetChartOption(budgetBarsByProject(bars), { planned: t('program.planned'), allocated: t('program.allocated'), disbursed: t('program.disbursed'), unit: t('program.millions') });
  }, [d, province, t]);
  const lagging = (d?.units ?? []).filter((u) => u.lagging).length;
  const milestones = (d?.milestones ?? []).map((m) => `${m.sharePercent} % ${t('program.by')} ${String(m.day).padStart(2, '0')}/${String(m.month).padStart(2, '0')}`).join(', ');

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('program.budget.title', { year })} {d ? `— ${d.unit.name}` : ''}
        </Typography.Title>
        <ProgramSettingsButton onChanged={() => setNonce((n) => n + 1)} />
        <YearSelect value={year} onChange={setYear} />
      </Flex>
      {view.error != null && <Alert type="error" showIcon title={errorMessage(view.error, i18n)} />}
      {d && (
        <Flex gap={12} wrap align="stretch">
          <Card size="small" style={{ flex: '1 1 420px' }}>
            <Flex gap={24} wrap data-testid="budget-totals">
              {province && <Statistic title={t('program.planned')} value={formatDong(d.totals.planned)} suffix="đ" styles={STAT_STYLES} />}
              <Statistic title={t('program.allocated')} value={formatDong(d.totals.allocated)} suffix="đ" styles={STAT_STYLES} />
              <Statistic title={t('program.disbursed')} value={formatDong(d.totals.disbursed)} suffix="đ" styles={STAT_STYLES} />
            </Flex>
            <Flex vertical gap={4} style={{ marginTop: 12, maxWidth: 420 }}>
              {province && (
                <>
                  <Typography.Text type="secondary">{t('program.allocatedPercent')}</Typography.Text>
                  {bar(d.totals.allocatedPercent)}
                </>
              )}
              <Typography.Text type="secondary">{t('program.disbursedPercent')}</Typography.Text>
              <div data-testid="budget-progress">{bar(d.totals.disbursedPercent)}</div>
            </Flex>
          </Card>
          {chart && (
            <Card size="small" title={t('program.budget.chart')} styles={CHART_CARD_STYLES} style={{ flex: '1 1 420px' }}>
              <EChart option={chart} height={220} data-testid="program-budget-chart" />
            </Card>
          )}
        </Flex>
      )}
      {d && province && (
        <Card size="small">
          <BudgetActions year={year} programCode={programCode} structure={structure.data} budget={d} onChanged={() => setNonce((n) => n + 1)} />
        </Card>
      )}
      {(!d || province) && (
        <Card size="small" title={t('program.budget.lines')}>
          <Table
            data-testid="plan-lines"
            size="small"
            loading={view.loading}
            rowKey={lineKey}
            dataSource={d?.lines ?? []}
            pagination={false}
            locale={{ emptyText: t('program.budget.noLines') }}
            expandable={{
              expandedRowRender: (l) => (
                <Table<Allocation>
                  size="small"
                  rowKey="unitCode"
                  dataSource={byLine.get(lineKey(l)) ?? []}
                  pagination={false}
                  locale={{ emptyText: t('program.budget.noAllocations') }}
                  columns={[
                    { title: t('program.col.commune'), dataIndex: 'unitCode', render: communeName },
                    amountColumn(t('program.allocated'), 'amount'),
                    amountColumn(t('program.disbursed'), 'disbursed'),
                    { title: t('program.disbursedPercent'), key: 'p', width: 180, render: (_, a) => bar(share(a.disbursed, a.amount)) },
                    { title: t('program.decisionRef'), dataIndex: 'decisionRef', width: 160 },
                  ]}
                />
              ),
            }}
            columns={[
              { title: t('program.col.node'), key: 'node', render: (_, l) => node(l) },
              { title: t('program.col.source'), dataIndex: 'fundSource', width: 230, render: sourceName },
              amountColumn(t('program.planned'), 'planned'),
              amountColumn(t('program.allocated'), 'allocated'),
              amountColumn(t('program.disbursed'), 'disbursed'),
              { title: t('program.disbursedPercent'), key: 'p', width: 150, render: (_, l) => bar(share(l.disbursed, l.allocated)) },
            ]}
          />
        </Card>
      )}
      {d && !province && (
        <Card size="small" title={t('program.budget.communeAllocations')}>
          <Table<Allocation>
            data-testid="commune-allocations"
            size="small"
            rowKey={lineKey}
            dataSource={d.allocations}
            pagination={false}
            locale={{ emptyText: t('program.budget.noAllocations') }}
            columns={[
              { title: t('program.col.node'), key: 'node', render: (_, a) => node(a) },
              { title: t('program.col.source'), dataIndex: 'fundSource', width: 230, render: sourceName },
              amountColumn(t('program.allocated'), 'amount'),
              amountColumn(t('program.disbursed'), 'disbursed'),
              { title: t('program.disbursedPercent'), key: 'p', width: 150, render: (_, a) => bar(share(a.disbursed, a.amount)) },
            ]}
          />
        </Card>
      )}
      <Card
        size="small"
        title={t('program.budget.units', { milestones })}
        extra={d && d.units.length > 0 ? <Tag color={lagging ? 'error' : 'success'} data-testid="lagging-count">{t('program.budget.laggingCount', { lagging, total: d.units.length, asOf: formatDate(d.asOf) })}</Tag> : null}
      >
        <Table<BudgetView['units'][number]>
          data-testid="unit-progress"
          size="small"
          rowKey="unitCode"
          loading={view.loading}
          dataSource={d?.units ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('program.budget.noAllocations') }}
          columns={[
            { title: t('program.col.commune'), dataIndex: 'unitName', sorter: (a, b) => a.unitName.localeCompare(b.unitName, 'vi') },
            amountColumn(t('program.allocated'), 'allocated'),
            amountColumn(t('program.disbursed'), 'disbursed'),
            { title: t('program.disbursedPercent'), dataIndex: 'sharePercent', width: 180, sorter: (a, b) => a.sharePercent - b.sharePercent, render: bar },
            {
              title: t('program.col.schedule'),
              key: 'lag',
              width: 210,
              filters: [
                { text: t('program.behind'), value: true },
                { text: t('program.onSchedule'), value: false },
              ],
              onFilter: (v, u) => u.lagging === v,
              render: (_, u) =>
                u.lagging ? (
                  <Tag color="error" data-testid={`lagging-${u.unitCode}`}>
                    {t('program.lagging', { required: u.requiredPercent })}
                  </Tag>
                ) : (
                  <Tag color="success">{t('program.onSchedule')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('program.budget.disbursements')}>
        <Table<BudgetView['disbursements'][number]>
          data-testid="disbursements"
          size="small"
          rowKey="id"
          loading={view.loading}
          dataSource={d?.disbursements ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('program.budget.noDisbursements') }}
          columns={[
            { title: t('program.col.entry'), dataIndex: 'id', width: 70 },
            { title: t('program.paidOn'), dataIndex: 'paidOn', width: 110, render: formatDate },
            { title: t('program.col.commune'), dataIndex: 'unitCode', render: communeName },
            { title: t('program.col.nodeShort'), key: 'node', width: 110, render: (_, e) => <span title={`${node(e)} · ${sourceName(e.fundSource)}`}>{e.nodeCode}</span> },
            { title: t('program.documentNumber'), dataIndex: 'documentNumber', width: 200 },
            // A corrected entry's amount struck through: it no longer counts (its reversal cancels it).
            { ...amountColumn(t('program.amount'), 'amount', 140), render: (a: string, e) => <Typography.Text delete={e.reversedBy !== null}>{formatDong(a)}</Typography.Text> },
            {
              title: t('program.col.actions'),
              key: 'correction',
              width: 260,
              render: (_, e) =>
                e.reversesId !== null ? (
                  <Tag color="warning" data-testid={`reversal-${e.id}`} style={{ whiteSpace: 'normal' }}>
                    {t('program.correct.reversal', { id: e.reversesId, reason: e.reason ?? '' })}
                  </Tag>
                ) : e.reversedBy !== null ? (
                  <Tag data-testid={`reversed-${e.id}`}>{t('program.correct.reversed', { id: e.reversedBy })}</Tag>
                ) : province && can('program.disburse') ? (
                  <CorrectDisbursementButton entry={e} onChanged={() => setNonce((n) => n + 1)} />
                ) : null,
            },
          ]}
        />
      </Card>
      {province && d && (
        <Card size="small" title={t('program.budget.reallocations')}>
          <Table<BudgetView['reallocations'][number]>
            data-testid="reallocations"
            size="small"
            rowKey="id"
            dataSource={d.reallocations}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('program.budget.noReallocations') }}
            columns={[
              { title: t('program.date'), dataIndex: 'createdAt', width: 100, render: formatDate },
              { title: t('program.col.nodeShort'), dataIndex: 'nodeCode', width: 90 },
              { title: t('program.from'), dataIndex: 'fromUnit', render: communeName },
              { title: t('program.to'), dataIndex: 'toUnit', render: communeName },
              amountColumn(t('program.amount'), 'amount', 130),
              { title: t('program.reason'), dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}
