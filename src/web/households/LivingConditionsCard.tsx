/** Điều kiện sống của hộ: housing (area, frame, walls, roof), water, latrine, telecom, information devices, waste, farm occupations. */
import { Card, Checkbox, Col, Form, InputNumber, Row, Select } from 'antd';
import { DenseForm } from './DenseForm.tsx';
import { useI18n } from '../i18n/useI18n.ts';
import { DEVICES, FARM, LATRINES, MATERIALS, SEARCH, WASTE, WATER_SOURCES } from './codes.ts';
import type { Facts, HouseholdDraft, HousingDraft } from './draft.ts';
import type { DraftErrors } from './validate.ts';
import { YesNoSelect } from './YesNoSelect.tsx';

export interface LivingConditionsProps {
  draft: HouseholdDraft;
  onHousing: (patch: HousingDraft) => void;
  onFacts: (patch: Facts) => void;
  errors: DraftErrors;
  disabled?: boolean;
}

export function LivingConditionsCard({ draft, onHousing, onFacts, errors, disabled }: LivingConditionsProps) {
  const { t, tOr } = useI18n();
  const f = draft.facts;
  const h = draft.housing;
  const material = (part: 'frame' | 'walls' | 'roof') => (
    <Form.Item label={t(`hh.housing.${part}`)}>
      <Select
        size="small"
        allowClear
        showSearch={SEARCH}
        disabled={disabled}
        placeholder="—"
        value={h[part]}
        onChange={(v?: string) => onHousing({ [part]: v })}
        options={MATERIALS.map((m) => ({ value: m, label: tOr(`fact.material.${m}`, m) }))}
        data-testid={`hh-housing-${part}`}
      />
    </Form.Item>
  );
  const code = (key: string, codes: readonly string[], list: string, testId: string) => (
    <Select
      size="small"
      allowClear
      showSearch={SEARCH}
      disabled={disabled}
      placeholder="—"
      value={(f[key] as string | undefined) ?? undefined}
      onChange={(v?: string) => onFacts({ [key]: v })}
      options={codes.map((c) => ({ value: c, label: tOr(`fact.${list}.${c}`, c) }))}
      data-testid={testId}
    />
  );

  return (
    <Card size="small" title={t('hh.living.title')} data-testid="living-conditions">
      <DenseForm>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              label={t('hh.housing.floorArea')}
              validateStatus={errors['housing.floorArea'] ? 'error' : undefined}
              help={errors['housing.floorArea']}
            >
              <InputNumber<number>
                size="small"
                min={0}
                max={10000}
                style={{ width: '100%' }}
                disabled={disabled}
                value={h.floorArea ?? null}
                onChange={(v) => onHousing({ floorArea: v })}
                suffix="m²"
                data-testid="hh-housing-floorArea"
              />
            </Form.Item>
          </Col>
          <Col span={6}>{material('frame')}</Col>
          <Col span={6}>{material('walls')}</Col>
          <Col span={6}>{material('roof')}</Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label={t('hh.fact.waterSource')}>{code('waterSource', WATER_SOURCES, 'water', 'hh-waterSource')}</Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hh.fact.latrine')}>{code('latrine', LATRINES, 'latrine', 'hh-latrine')}</Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hh.fact.wasteTreatment')}>{code('wasteTreatment', WASTE, 'waste', 'hh-wasteTreatment')}</Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label={t('hh.fact.usesInternet')}>
              <YesNoSelect disabled={disabled} value={f.usesInternet} onChange={(v) => onFacts({ usesInternet: v })} data-testid="hh-usesInternet" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hh.fact.usesTelephone')}>
              <YesNoSelect disabled={disabled} value={f.usesTelephone} onChange={(v) => onFacts({ usesTelephone: v })} data-testid="hh-usesTelephone" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('hh.fact.hearsLoudspeaker')}>
              <YesNoSelect disabled={disabled} value={f.hearsLoudspeaker} onChange={(v) => onFacts({ hearsLoudspeaker: v })} data-testid="hh-hearsLoudspeaker" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('hh.fact.informationDevices')}>
          <Checkbox.Group
            disabled={disabled}
            value={(f.informationDevices as string[] | undefined) ?? []}
            onChange={(v) => onFacts({ informationDevices: v })}
            options={DEVICES.map((d) => ({ value: d, label: t(`fact.device.${d}`) }))}
            data-testid="hh-informationDevices"
          />
        </Form.Item>
        <Form.Item label={t('hh.fact.farmOccupations')} style={{ marginBottom: 0 }}>
          <Checkbox.Group
            disabled={disabled}
            value={(f.farmOccupations as string[] | undefined) ?? []}
            onChange={(v) => onFacts({ farmOccupations: v })}
            options={FARM.map((d) => ({ value: d, label: t(`fact.farm.${d}`) }))}
          />
        </Form.Item>
      </DenseForm>
    </Card>
  );
}
