/**
 * Báo cáo giám sát: the report period (six-monthly / annual, Circular 10/2022), which communes have
 * submitted and which are late (counted by state, filterable), downloads of the report (Excel, PDF) and
 * of the one-page steering-committee summary; a commune officer enters the period's outputs and submits.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate } from '../format/format.ts';
import type { SubmissionState } from '../../domain/program/report-cycle.ts';
import { programApi, reportFileUrl, type ReportPeriod, type ReportStatusView } from './api.ts';
import { OutputsEntry } from './OutputsEntry.tsx';
import { DEFAULT_PROGRAM_YEAR, YearSelect } from './YearSelect.tsx';
import { ProgramSettingsButton } from './ProgramSettings.tsx';

const STATE_COLORS = { submitted: 'success', submitted_late: 'warning', pending: 'default', late: 'error' } as const;
/** Late communes first: they are what the province has to chase. */
const STATE_ORDER: SubmissionState[] = ['late', 'submitted_late', 'pending', 'submitted'];

export function ProgramReportsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { can, user } = useSignedIn();
  const commune = user.unitCode?.length === 5;
  const [year, setYear] = useState(DEFAULT_PROGRAM_YEAR);
  const [period, setPeriod] = useState<ReportPeriod>('Y');
  const [nonce, setNonce] = useState(0);
  const view = useApiQuery(`program-reports|${year}|${period}|${nonce}`, (signal) => programApi.reports(year, period, signal));
  const d = view.data?.deadlines.year === year && view.data.deadlines.period === period ? view.data : undefined;
  const rows = useMemo(() => (d ? d.rows.toSorted((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.unitName.localeCompare(b.unitName, 'vi')) : []), [d]);
  const overdue = d ? d.today >= d.deadlines.communeDue : false;
  const fileName = (kind: string) => `${kind}-${year}-${period === 'H1' ? '6thang' : 'canam'}`;

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('program.reports.title')}
        </Typography.Title>
        <ProgramSettingsButton onChanged={() => setNonce((n) => n + 1)} />
        <YearSelect value={year} onChange={setYear} />
        <Segmented<ReportPeriod>
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'H1', label: t('program.period.H1') },
            { value: 'Y', label: t('program.period.Y') },
          ]}
          data-testid="report-period"
        />
      </Flex>
      {view.error != null && <Alert type="error" showIcon title={errorMessage(view.error, i18n)} />}
      {d && (
        <Alert
          type={d.counts.late ? 'warning' : 'info'}
          showIcon
          data-testid="report-deadline"
          title={t(overdue ? 'program.reports.deadlinePassed' : 'program.reports.deadline', { period: t(`program.periodOf.${period}`, { year }), communeDue: formatDate(d.deadlines.communeDue), provinceDue: formatDate(d.deadlines.provinceDue) })}
          description={
            <Flex gap={8} wrap align="center" data-testid="report-counts">
              {t('program.reports.counts', { submitted: d.counts.submitted + d.counts.submitted_late, total: d.rows.length })}
              {STATE_ORDER.filter((s) => d.counts[s] > 0).map((s) => (
                <Tag key={s} color={STATE_COLORS[s]} data-testid={`report-count-${s}`}>
                  {t(`program.state.${s}`)}: {d.counts[s]}
                </Tag>
              ))}
            </Flex>
          }
        />
      )}
      <Flex gap={8} wrap>
        <Button icon={<FileExcelOutlined />} href={reportFileUrl('figures.xlsx', year, period)} download={`${fileName('bao-cao-giam-sat')}.xlsx`} data-testid="report-xlsx">
          {t('program.reports.excel')}
        </Button>
        <Button icon={<FilePdfOutlined />} href={reportFileUrl('figures.pdf', year, period)} download={`${fileName('bao-cao-giam-sat')}.pdf`} data-testid="report-pdf">
          {t('program.reports.pdf')}
        </Button>
        {!commune && (
          <Button type="primary" icon={<PrinterOutlined />} href={reportFileUrl('summary.pdf', year, period)} download={`${fileName('tom-tat-ban-chi-dao')}.pdf`} data-testid="summary-pdf">
            {t('program.reports.summary')}
          </Button>
        )}
      </Flex>
      {commune && can('program.report') && (
        <OutputsEntry year={year} period={period} submittedOn={d?.rows.find((r) => r.unitCode === user.unitCode)?.submittedOn ?? null} onSubmitted={() => setNonce((n) => n + 1)} />
      )}
      <Table<ReportStatusView['rows'][number]>
        data-testid="report-status"
        size="small"
        bordered
        rowKey="unitCode"
        loading={view.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('program.reports.none') }}
        columns={[
          { title: t('program.col.commune'), dataIndex: 'unitName' },
          { title: t('program.reports.submittedOn'), dataIndex: 'submittedOn', width: 140, render: formatDate },
          {
            title: t('program.col.status'),
            dataIndex: 'state',
            width: 200,
            filters: STATE_ORDER.map((s) => ({ text: t(`program.state.${s}`), value: s })),
            onFilter: (v, r) => r.state === v,
            render: (s: SubmissionState, r) => (
              <Tag color={STATE_COLORS[s]} data-testid={`report-state-${r.unitCode}`}>
                {t(`program.state.${s}`)}
              </Tag>
            ),
          },
        ]}
      />
    </Flex>
  );
}
