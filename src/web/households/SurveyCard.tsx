/**
 * Phiếu rà soát of the current review: date, measured income per person per month or score A, the
 * form A quick-identification checklist, causes of poverty and support needs. Recording it saves the
 * form first (the survey snapshots the registry's members) and classifies with the campaign's standard.
 */
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, InputNumber, Row, Typography } from 'antd';
import { FileDoneOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useI18n } from '../i18n/useI18n.ts';
import { DATE_FORMAT, formatDate, formatNumber, toIsoDate } from '../format/format.ts';
import type { CurrentReview } from './useCurrentReview.ts';
import { campaignLabel } from '../campaigns/campaignLabel.ts';
import { DenseForm } from './DenseForm.tsx';
import type { SurveyDraft } from './draft.ts';

export const FORM_A_CODES = ['salaried_member', 'car', 'durable_large_house', 'business_with_employees', 'high_value_assets'] as const;
export const CAUSE_CODES = ['no_production_land', 'no_capital', 'no_labour', 'no_means_of_production', 'no_production_knowledge', 'no_vocational_skills', 'illness_or_accident', 'other'] as const;
export const NEED_CODES = ['health', 'education', 'production', 'credit', 'housing', 'other'] as const;

const money = (v: number | string | undefined) => (v === undefined || v === '' ? '' : formatNumber(Number(v)));
const unmoney = (s: string | undefined) => Number((s ?? '').replace(/[^\d]/g, ''));

export interface SurveyCardProps {
  current: CurrentReview | null;
  survey: SurveyDraft;
  onChange: (patch: Partial<SurveyDraft>) => void;
  onRecord: () => void;
  busy: boolean;
  canRecord: boolean;
  /** The latest recorded survey of this household in the current review. */
  recorded?: { surveyedOn: string; classLabel?: string } | null;
}

export function SurveyCard({ current, survey, onChange, onRecord, busy, canRecord, recorded }: SurveyCardProps) {
  const { t } = useI18n();
  const locked = current?.review.locked ?? false;
  return (
    <Card
      size="small"
      data-testid="survey-card"
      title={current ? t('survey.title', { title: campaignLabel(current.campaign, t), standard: current.campaign.standardId }) : t('survey.titleNoReview')}
      extra={
        current && canRecord && !locked ? (
          <Button type="primary" size="small" icon={<FileDoneOutlined />} loading={busy} onClick={onRecord} data-testid="survey-record">
            {t('survey.record')}
          </Button>
        ) : undefined
      }
    >
      {!current && <Alert type="info" showIcon title={t('survey.noReview')} style={{ marginBottom: 8 }} />}
      {current && locked && <Alert type="warning" showIcon title={t('survey.locked', { state: t(`reviewState.${current.review.state}`) })} style={{ marginBottom: 8 }} />}
      {recorded && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="survey-recorded">
          {t('survey.recorded', { date: formatDate(recorded.surveyedOn) })} {recorded.classLabel ? `— ${recorded.classLabel}` : ''}
        </Typography.Paragraph>
      )}
      <DenseForm>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label={t('survey.surveyedOn')}>
              <DatePicker
                style={{ width: '100%' }}
                format={DATE_FORMAT}
                allowClear={false}
                value={dayjs(survey.surveyedOn)}
                onChange={(d) => onChange({ surveyedOn: toIsoDate(d) ?? survey.surveyedOn })}
              />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item label={t('survey.income')} extra={t('survey.incomeHint')}>
              <InputNumber<number>
                style={{ width: '100%' }}
                min={0}
                step={100000}
                value={survey.income ?? null}
                formatter={money}
                parser={unmoney}
                onChange={(v) => onChange({ income: v })}
                suffix="đ"
                data-testid="survey-income"
              />
            </Form.Item>
          </Col>
          <Col span={9}>
            <Form.Item label={t('survey.scoreA')} extra={t('survey.scoreAHint')}>
              <InputNumber<number> style={{ width: '100%' }} min={0} max={10000} value={survey.scoreA ?? null} onChange={(v) => onChange({ scoreA: v })} data-testid="survey-scoreA" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('survey.formA')} extra={t('survey.formAHint')}>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '2px 16px' }}>
            {FORM_A_CODES.map((c) => (
              <Checkbox key={c} checked={survey.formA[c] === true} onChange={(e) => onChange({ formA: { ...survey.formA, [c]: e.target.checked } })}>
                {t(`formA.${c}`)}
              </Checkbox>
            ))}
          </div>
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item label={t('survey.causes')}>
              <Checkbox.Group
                value={survey.causes}
                onChange={(v) => onChange({ causes: v })}
                options={CAUSE_CODES.map((c) => ({ value: c, label: t(`cause.${c}`) }))}
                style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '2px 12px' }}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label={t('survey.needs')}>
              <Checkbox.Group
                value={survey.needs}
                onChange={(v) => onChange({ needs: v })}
                options={NEED_CODES.map((c) => ({ value: c, label: t(`need.${c}`) }))}
                style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '2px 12px' }}
              />
            </Form.Item>
          </Col>
        </Row>
      </DenseForm>
    </Card>
  );
}
