/** Thông tin chung: village, address, phone, date of residence (new households), and for a saved household its code and status. */
import type { ReactNode } from 'react';
import { Card, Col, DatePicker, Flex, Form, Input, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n/useI18n.ts';
import { DATE_FORMAT, formatDate, toIsoDate } from '../format/format.ts';
import type { HouseholdDetail, Village } from './api.ts';
import { DenseForm } from './DenseForm.tsx';
import type { HouseholdDraft } from './draft.ts';
import { ListStatusTag } from './ClassTag.tsx';
import { VillageSelect } from './VillageSelect.tsx';

export interface HouseholdInfoProps {
  draft: HouseholdDraft;
  stored: HouseholdDetail | null;
  villages: Village[];
  onChange: (patch: Partial<HouseholdDraft>) => void;
  disabled?: boolean;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary">{label}: </Typography.Text>
      {children}
    </span>
  );
}

export function HouseholdInfoCard({ draft, stored, villages, onChange, disabled }: HouseholdInfoProps) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('hh.info.title')}>
      {stored && (
        <Flex wrap gap="4px 28px" style={{ marginBottom: 10 }}>
          <Field label={t('hh.col.code')}>
            <span data-testid="household-code">{stored.code}</span>
          </Field>
          <Field label={t('hh.col.status')}>{t(`hhStatus.${stored.status}`)}</Field>
          <Field label={t('hh.col.listStatus')}>
            <ListStatusTag value={stored.listStatus?.status} />
          </Field>
          {stored.listStatus && (
            <Field label={t('hh.listDecision')}>
              {stored.listStatus.decisionNumber} ({formatDate(stored.listStatus.decisionDate)})
            </Field>
          )}
        </Flex>
      )}
      <DenseForm>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label={t('hh.field.village')}>
              <VillageSelect villages={villages} value={draft.villageCode} onChange={(villageCode) => onChange({ villageCode })} data-testid="hh-village" />
            </Form.Item>
          </Col>
          <Col span={stored ? 12 : 9}>
            <Form.Item label={t('hh.field.address')}>
              <Input disabled={disabled} value={draft.address} onChange={(e) => onChange({ address: e.target.value })} data-testid="hh-address" />
            </Form.Item>
          </Col>
          <Col span={stored ? 6 : 4}>
            <Form.Item label={t('hh.field.phone')}>
              <Input disabled={disabled} value={draft.phone} onChange={(e) => onChange({ phone: e.target.value })} data-testid="hh-phone" />
            </Form.Item>
          </Col>
          {!stored && (
            <Col span={5}>
              <Form.Item label={t('hh.field.residentSince')}>
                <DatePicker
                  style={{ width: '100%' }}
                  format={DATE_FORMAT}
                  value={draft.residentSince ? dayjs(draft.residentSince) : null}
                  onChange={(d) => onChange({ residentSince: toIsoDate(d) })}
                  placeholder={t('hh.field.residentSinceToday')}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </DenseForm>
    </Card>
  );
}
