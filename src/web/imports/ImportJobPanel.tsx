/**
 * One import job: the progress bar while it runs (polled once a second, the next poll only after the
 * previous answer), then the findings table with the report download, the commit choice (all or nothing /
 * valid households only), the full bar and the result counts. The card carries the job's state
 * (data-state) for tests.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Radio, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatNumber } from '../format/format.ts';
import { useDownload } from '../exports/useDownload.ts';
import { ACTIVE_STATES, importsApi, reportUrl, type CommitMode, type ImportJobView } from './api.ts';
import { ImportProgress } from './ImportProgress.tsx';
import { ImportResultView } from './ImportResultView.tsx';

const PAGE = 50;

export function ImportJobPanel(p: { jobId: number; onChanged: () => void }) {
  const { t } = useI18n();
  const i18n = useI18n();
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const [page, setPage] = useState(1);
  const [mode, setMode] = useState<CommitMode>('all');
  const [committing, setCommitting] = useState(false);
  const { busy, run } = useDownload();
  const job = useApiQuery(`import-job-${p.jobId}-${tick}`, (signal) => importsApi.get(p.jobId, signal));
  const j = job.data;
  const active = j ? ACTIVE_STATES.includes(j.state) : true;
  // The next poll one second after the previous answer (or failure): a slow answer (the embedded
  // database is busy with a commit chunk) is waited for, not cancelled by the next poll.
  useEffect(() => {
    if (!active || job.loading) return;
    const timer = setTimeout(() => setTick((x) => x + 1), 1000);
    return () => clearTimeout(timer);
  }, [active, job.loading, tick]);
  useEffect(() => {
    if (j && !active) p.onChanged();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [j?.state]);
  const findings = useApiQuery(j && j.errorCount > 0 && !active ? `import-errors-${p.jobId}-${page}` : null, (signal) =>
    importsApi.errors(p.jobId, (page - 1) * PAGE, PAGE, signal),
  );
  if (!j) return null;

  const commit = async () => {
    setCommitting(true);
    try {
      await importsApi.commit(j.id, j.errorCount > 0 ? 'valid_only' : mode);
      setTick((x) => x + 1);
    } catch (err) {
      message.error(errorMessage(err, i18n));
    } finally {
      setCommitting(false);
    }
  };
  return (
    <Card size="small" title={t('imports.job.title', { id: j.id, file: j.fileName })} data-testid="import-job" data-job={j.id} data-state={j.state}>
      <Flex vertical gap={12}>
        <Typography.Text data-testid="import-state">
          {t(`imports.state.${j.state}`)}
          {j.rowCounts.households !== undefined &&
            ` · ${t('imports.job.rows', { households: formatNumber(j.rowCounts.households ?? 0), members: formatNumber(j.rowCounts.members ?? 0) })}${j.rowCounts.surveys !== undefined ? `, ${t('imports.job.surveyRows', { surveys: formatNumber(j.rowCounts.surveys) })}` : ''}`}
        </Typography.Text>
        {(active || j.state === 'committed') && <ImportProgress job={j} />}
        {j.state === 'failed' && <Alert type="error" showIcon title={j.message ?? t('imports.state.failed')} data-testid="import-failed" />}
        {j.state === 'validated' && j.errorCount === 0 && <Alert type="success" showIcon title={t('imports.job.clean')} data-testid="import-clean" />}
        {!active && j.errorCount > 0 && (
          <>
            <Alert type="warning" showIcon title={t('imports.job.findings', { errors: formatNumber(j.errorCount), households: formatNumber(j.errorHouseholds) })} data-testid="import-findings-summary" />
            <Flex gap={8}>
              <Button icon={<DownloadOutlined />} loading={busy === 'report'} onClick={() => void run('report', reportUrl(j.id), `loi-nhap-lieu-${j.id}.xlsx`)} data-testid="import-report">
                {t('imports.job.report')}
              </Button>
            </Flex>
            <Table
              size="small"
              rowKey={(r) => `${r.sheet}-${r.line}-${r.column}-${r.code}`}
              loading={findings.loading}
              dataSource={findings.data?.items ?? []}
              pagination={{ current: page, pageSize: PAGE, total: j.errorCount, onChange: setPage, showSizeChanger: false }}
              onRow={(r) => ({ 'data-sheet': r.sheet, 'data-line': r.line, 'data-column': r.column ?? '' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('imports.col.sheet'), dataIndex: 'sheetName', width: 120 },
                { title: t('imports.col.line'), dataIndex: 'line', width: 70 },
                { title: t('imports.col.household'), dataIndex: 'householdCode', width: 140 },
                { title: t('imports.col.column'), dataIndex: 'columnName', width: 200 },
                { title: t('imports.col.message'), dataIndex: 'message' },
              ]}
              data-testid="import-findings"
            />
          </>
        )}
        {j.state === 'validated' && (
          <Flex gap={12} align="center" wrap>
            {j.errorCount === 0 ? (
              <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as CommitMode)} options={[{ value: 'all', label: t('imports.commit.all') }]} />
            ) : (
              <Typography.Text type="secondary">{t('imports.commit.validOnlyHelp')}</Typography.Text>
            )}
            <Button type="primary" loading={committing} onClick={() => void commit()} data-testid="import-commit">
              {j.errorCount === 0 ? t('imports.commit.button') : t('imports.commit.validOnly')}
            </Button>
          </Flex>
        )}
        {j.state === 'committed' && j.result && <ImportResultView job={j} result={j.result} />}
      </Flex>
    </Card>
  );
}

export type { ImportJobView };
