/**
 * "Phân loại trực tiếp": the class the engine gives the form as it stands, which indicators are deprived
 * (Vietnamese labels), every indicator's reason, and the explanation sentence. Nothing is stored.
 */
import { Alert, Card, Collapse, Descriptions, Flex, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate } from '../format/format.ts';
import { ClassTag } from './ClassTag.tsx';
import type { PreviewState } from './useClassificationPreview.ts';

export function ClassificationPanel({ preview }: { preview: PreviewState }) {
  const i18n = useI18n();
  const { t, tOr } = i18n;
  const { result, error, loading, noMeasure } = preview;
  const inputError = error instanceof ApiError && error.code === 'classification_input';
  const indicatorLabel = (id: string) => tOr(`indicator.${id}`, id);

  return (
    <Card
      size="small"
      data-testid="classification-preview"
      title={
        <Flex align="center" gap={8}>
          <span>{t('preview.title')}</span>
          {loading && !noMeasure && <Spin size="small" />}
        </Flex>
      }
    >
      {noMeasure ? (
        <Alert type="info" showIcon title={t('preview.noMeasure')} />
      ) : error != null ? (
        <Alert type={inputError ? 'warning' : 'error'} showIcon data-testid="classification-preview-error" title={errorMessage(error, i18n)} />
      ) : !result ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : (
        <Flex vertical gap={10}>
          <Flex align="center" gap={8} wrap>
            <span style={{ fontSize: 16 }}>
              <ClassTag value={result.class} testId="classification-preview-class" />
            </span>
            {result.subtype && <Tag>{tOr(`poorSubtype.${result.subtype}`, result.subtype)}</Tag>}
            {result.farmAverageLivingStandard && <Tag>{t('preview.farmAverage')}</Tag>}
          </Flex>
          <Descriptions
            size="small"
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'std', label: t('preview.standard'), children: result.standardName },
              { key: 'area', label: t('preview.area'), children: t(`areaType.${result.area}`) },
              { key: 'ref', label: t('preview.referenceDate'), children: formatDate(result.referenceDate) },
              {
                key: 'dep',
                label: t('preview.deprivations'),
                children: (
                  <span data-testid="classification-preview-count">
                    {t('preview.deprivationCount', { count: result.deprivationCount, total: result.indicators?.length ?? 0 })}
                  </span>
                ),
              },
            ]}
          />
          {result.deprivations.length > 0 && (
            <Flex wrap gap={4} data-testid="classification-preview-deprivations">
              {result.deprivations.map((d) => (
                <Tag key={d} color="red" data-indicator={d}>
                  {indicatorLabel(d)}
                </Tag>
              ))}
            </Flex>
          )}
          {result.lowIncomeWorkers && result.lowIncomeWorkers.length > 0 && (
            <Typography.Text type="secondary">
              {t('preview.lowIncomeWorkers', { names: result.lowIncomeWorkers.map((w) => w.name ?? `#${w.memberIndex + 1}`).join(', ') })}
            </Typography.Text>
          )}
          <div style={{ background: '#f6f8fb', border: '1px solid #e5e8ec', borderRadius: 4, padding: '8px 10px' }}>
            <Typography.Text strong>{t('preview.explanation')}: </Typography.Text>
            <span data-testid="classification-preview-explanation">{result.explanation}</span>
          </div>
          {result.indicators && result.indicators.length > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: 'all',
                  label: t('preview.allIndicators'),
                  children: (
                    <Flex vertical gap={6}>
                      {result.indicators.map((ind) => (
                        <div key={ind.id} style={{ display: 'flex', gap: 6 }}>
                          {ind.deprived ? (
                            <CloseCircleFilled style={{ color: '#cf1322', marginTop: 4 }} />
                          ) : (
                            <CheckCircleFilled style={{ color: '#389e0d', marginTop: 4 }} />
                          )}
                          <div>
                            <div style={{ fontWeight: 500 }}>{indicatorLabel(ind.id)}</div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {ind.reason}
                            </Typography.Text>
                          </div>
                        </div>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          )}
        </Flex>
      )}
    </Card>
  );
}
