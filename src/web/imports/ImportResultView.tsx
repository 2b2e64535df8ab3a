/**
 * The counts of a committed import: households inserted / updated / unchanged / rejected, and for a
 * form B import the surveys written or unchanged and the households classified by class, with the
 * households the engine could not classify. Each figure carries a test id (import-result-<name>).
 */
import { Alert, Descriptions, Flex, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import type { MessageKey } from '../i18n/catalogs.ts';
import { formatNumber } from '../format/format.ts';
import type { ImportJobView } from './api.ts';

type Result = NonNullable<ImportJobView['result']>;

const HOUSEHOLD_COUNTS: ReadonlyArray<[string, MessageKey, (r: Result) => number]> = [
  ['inserted', 'imports.result.inserted', (r) => r.inserted],
  ['updated', 'imports.result.updated', (r) => r.updated],
  ['unchanged', 'imports.result.unchanged', (r) => r.unchanged],
  ['rejected', 'imports.result.rejected', (r) => r.rejected],
];

const SURVEY_COUNTS: ReadonlyArray<[string, MessageKey, (r: Result) => number]> = [
  ['surveys', 'imports.result.surveys', (r) => r.surveys],
  ['surveys-unchanged', 'imports.result.surveysUnchanged', (r) => r.surveysUnchanged],
  ['classified', 'imports.result.classified', (r) => r.classified],
  ['poor', 'imports.result.poor', (r) => r.byClass.poor ?? 0],
  ['near-poor', 'imports.result.nearPoor', (r) => r.byClass.near_poor ?? 0],
  ['average', 'imports.result.average', (r) => r.byClass.average ?? 0],
  ['none', 'imports.result.none', (r) => r.byClass.none ?? 0],
  ['failed', 'imports.result.classificationFailed', (r) => r.classificationFailed],
];

export function ImportResultView({ job, result }: { job: ImportJobView; result: Result }) {
  const { t } = useI18n();
  const items = job.kind === 'survey' ? [...HOUSEHOLD_COUNTS, ...SURVEY_COUNTS] : HOUSEHOLD_COUNTS;
  return (
    <Flex vertical gap={8} data-testid="import-result">
      <Descriptions
        size="small"
        column={4}
        bordered
        items={items.map(([name, label, value]) => ({
          key: name,
          label: t(label),
          children: <span data-testid={`import-result-${name}`}>{formatNumber(value(result))}</span>,
        }))}
      />
      {result.failures.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.result.failures')}
          description={
            <Flex vertical>
              {result.failures.slice(0, 10).map((f) => (
                <Typography.Text key={f.householdCode}>{`${f.householdCode}: ${f.message}`}</Typography.Text>
              ))}
            </Flex>
          }
          data-testid="import-result-failures"
        />
      )}
    </Flex>
  );
}
