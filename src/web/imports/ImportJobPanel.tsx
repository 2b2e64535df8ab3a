/**
 * One import job: progress bar while it runs (polled every second), then the findings table with the
 * report download, the commit choice (all or nothing / valid households only), and the result counts.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Progress, Radio, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { useDownload } from '../exports/useDownload.ts';
import { ACTIVE_STATES, importsApi, reportUrl, type CommitMode, type ImportJobView } from './api.ts';

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
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setTick((x) => x + 1), 1000);
    return () => clearTimeout(timer);
  }, [active, tick]);
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
  const percent = j.progressTotal > 0 ? Math.round((100 * j.progressDone) / j.progressTotal) : undefined;

  return (
    <Card size="small" title={t('imports.job.title', { id: j.id, file: j.fileName })} data-testid="import-job">
      <Flex vertical gap={12}>
        <Typography.Text>
          {t(`imports.state.${j.state}`)}
          {j.rowCounts.households !== undefined && ` · ${t('imports.job.rows', { households: j.rowCounts.households ?? 0, members: j.rowCounts.members ?? 0 })}`}
        </Typography.Text>
        {active && (
          <Progress percent={percent ?? 0} status="active" showInfo={percent !== undefined} format={() => `${j.progressDone.toLocaleString('vi-VN')}${j.progressTotal ? ` / ${j.progressTotal.toLocaleString('vi-VN')}` : ''}`} data-testid="import-progress" />
        )}
        {j.state === 'failed' && <Alert type="error" showIcon title={j.message ?? t('imports.state.failed')} />}
        {j.state === 'validated' && j.errorCount === 0 && <Alert type="success" showIcon title={t('imports.job.clean')} />}
        {!active && j.errorCount > 0 && (
          <>
            <Alert type="warning" showIcon title={t('imports.job.findings', { errors: j.errorCount, households: j.errorHouseholds })} />
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
              columns={[
                { title: t('imports.col.sheet'), dataIndex: 'sheetName', width: 120 },
                { title: t('imports.col.line'), dataIndex: 'line', width: 70 },
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
        {j.state === 'committed' && j.result && (
          <Descriptions size="small" column={4} bordered data-testid="import-result">
            <Descriptions.Item label={t('imports.result.inserted')}>{j.result.inserted}</Descriptions.Item>
            <Descriptions.Item label={t('imports.result.updated')}>{j.result.updated}</Descriptions.Item>
            <Descriptions.Item label={t('imports.result.unchanged')}>{j.result.unchanged}</Descriptions.Item>
            <Descriptions.Item label={t('imports.result.rejected')}>{j.result.rejected}</Descriptions.Item>
            {j.kind === 'survey' && (
              <>
                <Descriptions.Item label={t('imports.result.surveys')}>{j.result.surveys}</Descriptions.Item>
                <Descriptions.Item label={t('imports.result.classified')}>{j.result.classified}</Descriptions.Item>
                <Descriptions.Item label={t('imports.result.poor')}>{j.result.byClass.poor ?? 0}</Descriptions.Item>
                <Descriptions.Item label={t('imports.result.nearPoor')}>{j.result.byClass.near_poor ?? 0}</Descriptions.Item>
              </>
            )}
          </Descriptions>
        )}
      </Flex>
    </Card>
  );
}

export type { ImportJobView };
