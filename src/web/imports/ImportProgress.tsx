/**
 * The progress bar of an import job: the step in progress (reading the file, checking, writing) with its
 * done / total counts while the job runs, and the full bar with the households written once committed.
 * The counts are also on the element (data-step, data-done, data-total) for tests.
 */
import { Flex, Progress, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { formatNumber } from '../format/format.ts';
import type { ImportJobView } from './api.ts';

const STEPS = ['staging', 'validating', 'committing', 'committed'] as const;
type Step = (typeof STEPS)[number];

export function ImportProgress({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  const done = job.state === 'committed';
  const step: Step = done ? 'committed' : (STEPS.find((s) => s === (job.step ?? job.state)) ?? 'staging');
  const percent = done ? 100 : job.progressTotal > 0 ? Math.min(100, Math.floor((100 * job.progressDone) / job.progressTotal)) : 0;
  const counts = `${formatNumber(job.progressDone)}${job.progressTotal > 0 ? ` / ${formatNumber(job.progressTotal)}` : ''}`;
  return (
    <Flex vertical gap={2} data-testid="import-progress" data-step={step} data-done={job.progressDone} data-total={job.progressTotal}>
      <Typography.Text type="secondary">{t(`imports.progress.${step}`, { counts })}</Typography.Text>
      <Progress percent={percent} status={done ? 'success' : 'active'} showInfo={done || job.progressTotal > 0} />
    </Flex>
  );
}
