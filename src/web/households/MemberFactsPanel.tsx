/** The member facts that fit no column of the table: labour contract, ability to work, disability, training, allowances, health. */
import { Checkbox, Col, Form, Row, Select } from 'antd';
import { DenseForm } from './DenseForm.tsx';
import { useI18n } from '../i18n/useI18n.ts';
import { DISABILITY, VOCATIONAL } from './codes.ts';
import type { Facts, MemberDraft } from './draft.ts';
import { YesNoSelect } from './YesNoSelect.tsx';

export function MemberFactsPanel({ member, onFacts, disabled }: { member: MemberDraft; onFacts: (patch: Facts) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const f = member.facts;
  const flag = (key: string, label: string) => (
    <Checkbox checked={f[key] === true} disabled={disabled} onChange={(e) => onFacts({ [key]: e.target.checked ? true : undefined })} data-testid={`member-${member.key}-${key}`}>
      {label}
    </Checkbox>
  );
  return (
    <DenseForm>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item label={t('member.fact.hasLabourContract')} help={f.employment === 'wage_employed' ? undefined : t('member.fact.onlyWage')}>
            <YesNoSelect disabled={disabled || f.employment !== 'wage_employed'} value={f.hasLabourContract} onChange={(v) => onFacts({ hasLabourContract: v })} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('member.fact.disability')}>
            <Select
              size="small"
              disabled={disabled}
              allowClear
              placeholder={t('fact.disability.none')}
              value={(f.disability as string | undefined) ?? undefined}
              onChange={(v) => onFacts({ disability: v })}
              options={DISABILITY.map((d) => ({ value: d, label: t(`fact.disability.${d}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('member.fact.vocational')}>
            <Select
              size="small"
              disabled={disabled}
              allowClear
              placeholder={t('fact.vocational.none')}
              value={(f.vocationalQualification as string | undefined) ?? undefined}
              onChange={(v) => onFacts({ vocationalQualification: v })}
              options={VOCATIONAL.map((d) => ({ value: d, label: t(`fact.vocational.${d}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label={t('member.fact.ableToWork')}>
            <Checkbox
              checked={f.ableToWork === false}
              disabled={disabled}
              onChange={(e) => onFacts({ ableToWork: e.target.checked ? false : undefined })}
            >
              {t('member.fact.unableToWork')}
            </Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={24}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 20px' }}>
            {flag('monthlySocialAllowance', t('member.fact.monthlySocialAllowance'))}
            {flag('stunted', t('member.fact.stunted'))}
            {flag('underweight', t('member.fact.underweight'))}
            {flag('illWithoutTreatment', t('member.fact.illWithoutTreatment'))}
          </div>
        </Col>
      </Row>
    </DenseForm>
  );
}
