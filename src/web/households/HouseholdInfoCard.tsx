/** Thông tin chung: village, address, phone, date of residence (new households), and for a saved household its code and status. */
import { Card, Col, DatePicker, Descriptions, Form, Input, Row } from 'antd';
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

export function HouseholdInfoCard({ draft, stored, villages, onChange, disabled }: HouseholdInfoProps) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('hh.info.title')}>
      {stored && (
        <Descriptions
          size="small"
          column={4}
          style={{ marginBottom: 8 }}
          items={[
            { key: 'code', label: t('hh.col.code'), children: <span data-testid="household-code">{stored.code}</span> },
            { key: 'status', label: t('hh.col.status'), children: t(`hhStatus.${stored.status}`) },
            { key: 'list', label: t('hh.col.listStatus'), children: <ListStatusTag value={stored.listStatus?.status} /> },
            {
              key: 'decision',
              label: t('hh.listDecision'),
              children: stored.listStatus ? `${stored.listStatus.decisionNumber} (${formatDate(stored.listStatus.decisionDate)})` : t('common.empty'),
            },
          ]}
        />
      )}
      <DenseForm>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label={t('hh.field.village')}>
              <VillageSelect villages={villages} value={draft.villageCode} onChange={(villageCode) => onChange({ villageCode })} data-testid="hh-village" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label={t('hh.field.address')}>
              <Input disabled={disabled} value={draft.address} onChange={(e) => onChange({ address: e.target.value })} data-testid="hh-address" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item label={t('hh.field.phone')}>
              <Input disabled={disabled} value={draft.phone} onChange={(e) => onChange({ phone: e.target.value })} data-testid="hh-phone" />
            </Form.Item>
          </Col>
          {!stored && (
            <Col span={4}>
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
