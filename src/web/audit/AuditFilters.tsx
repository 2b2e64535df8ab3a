/** Filters of the audit log: user, unit, entity, entity id, action, date range. */
import { AutoComplete, Button, Col, DatePicker, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditQuery } from '../api/audit.ts';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { useI18n } from '../i18n/useI18n.ts';
import { keySuffixes } from '../i18n/catalogs.ts';
import { DATE_FORMAT, toIsoDate } from '../format/format.ts';

interface FilterValues {
  actor?: string;
  unit?: string | null;
  entity?: string;
  entityId?: string;
  action?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const trimmed = (s: string | undefined | null) => (s && s.trim() ? s.trim() : undefined);

export function AuditFilters({ onApply, rootCode }: { onApply: (q: AuditQuery) => void; rootCode: string | null }) {
  const { t, tOr } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const actions = keySuffixes('audit.action.').map((a) => ({ value: a, label: `${tOr(`audit.action.${a}`, a)} (${a})` }));
  const entities = keySuffixes('audit.entity.').map((e) => ({ value: e, label: `${tOr(`audit.entity.${e}`, e)} (${e})` }));

  const apply = (v: FilterValues) =>
    onApply({
      actor: trimmed(v.actor),
      unit: v.unit ?? undefined,
      entity: trimmed(v.entity),
      entityId: trimmed(v.entityId),
      action: trimmed(v.action),
      from: toIsoDate(v.period?.[0]),
      to: toIsoDate(v.period?.[1]),
    });

  return (
    <Form<FilterValues> form={form} layout="vertical" onFinish={apply} data-testid="audit-filters" style={{ marginBottom: -8 }}>
      <Row gutter={12}>
        <Col xs={24} md={8} xl={4}>
          <Form.Item name="actor" label={t('audit.filter.actor')}>
            <Input allowClear placeholder={t('audit.filter.actorPlaceholder')} data-testid="audit-filter-actor" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={5}>
          <Form.Item name="unit" label={t('audit.filter.unit')}>
            <UnitPicker rootCode={rootCode} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={4}>
          <Form.Item name="entity" label={t('audit.filter.entity')}>
            <AutoComplete allowClear options={entities} showSearch={{ filterOption: true }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={3}>
          <Form.Item name="entityId" label={t('audit.filter.entityId')}>
            <Input allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={3}>
          <Form.Item name="action" label={t('audit.filter.action')}>
            <AutoComplete allowClear options={actions} showSearch={{ filterOption: true }} data-testid="audit-filter-action" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} xl={5}>
          <Form.Item name="period" label={t('audit.filter.dateRange')}>
            <DatePicker.RangePicker format={DATE_FORMAT} placeholder={[t('audit.filter.from'), t('audit.filter.to')]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-apply">
          {t('common.search')}
        </Button>{' '}
        <Button
          onClick={() => {
            form.resetFields();
            onApply({});
          }}
        >
          {t('common.resetFilters')}
        </Button>
      </Form.Item>
    </Form>
  );
}
