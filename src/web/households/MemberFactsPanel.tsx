/**
 * The facts of one member that the classification engine reads (shown under the member's row):
 * health insurance, schooling, education, employment and labour contract, disability, vocational
 * training, ability to work, social allowance, child nutrition, illness without treatment.
 */
import type { ReactNode } from 'react';
import { Checkbox, Flex, Form, Select } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';
import { ATTENDING, DISABILITY, EDUCATION, EMPLOYMENT, SEARCH, VOCATIONAL } from './codes.ts';
import { DenseForm } from './DenseForm.tsx';
import type { Facts, MemberDraft } from './draft.ts';
import { YesNoSelect } from './YesNoSelect.tsx';

/** The schooling select: not attending, or the level attended. */
function schooling(f: Facts): string | undefined {
  if (f.attendingSchool === true) return (f.attendingLevel as string | undefined) ?? 'yes';
  return f.attendingSchool === false ? 'no' : undefined;
}

/** A labelled control of a fixed width (the fields wrap to the width of the row). */
function field(label: string, width: number, control: ReactNode) {
  return (
    <Form.Item label={label} style={{ width }}>
      {control}
    </Form.Item>
  );
}

export interface MemberFactsPanelProps {
  member: MemberDraft;
  /** Row number, for the test ids (`member-<index>-<fact>`). */
  index: number;
  onFacts: (patch: Facts) => void;
  disabled?: boolean;
}

export function MemberFactsPanel({ member, index, onFacts, disabled }: MemberFactsPanelProps) {
  const { t, tOr } = useI18n();
  const f = member.facts;
  const id = (key: string) => `member-${index}-${key}`;
  const flag = (key: string, label: string) => (
    <Checkbox checked={f[key] === true} disabled={disabled} onChange={(e) => onFacts({ [key]: e.target.checked ? true : undefined })} data-testid={id(key)}>
      {label}
    </Checkbox>
  );
  const code = (key: string, codes: readonly string[], list: string, placeholder = '—') => (
    <Select
      size="small"
      allowClear
      showSearch={SEARCH}
      disabled={disabled}
      placeholder={placeholder}
      value={(f[key] as string | undefined) ?? undefined}
      onChange={(v?: string) => onFacts({ [key]: v })}
      options={codes.map((c) => ({ value: c, label: tOr(`fact.${list}.${c}`, c) }))}
      popupMatchSelectWidth={false}
      data-testid={id(key)}
    />
  );
  return (
    <div style={{ padding: '2px 4px 0 36px' }} data-testid={`member-facts-${index}`}>
      <DenseForm>
        <Flex wrap gap="0 12px" align="flex-end">
          {field(t('member.col.healthInsurance'), 96, <YesNoSelect disabled={disabled} value={f.healthInsurance} onChange={(v) => onFacts({ healthInsurance: v })} data-testid={id('healthInsurance')} />)}
          {field(
            t('member.col.schooling'),
            150,
            <Select
              size="small"
              allowClear
              showSearch={SEARCH}
              disabled={disabled}
              placeholder="—"
              value={schooling(f)}
              onChange={(v?: string) => onFacts({ attendingSchool: v === undefined ? undefined : v !== 'no', attendingLevel: v && v !== 'no' && v !== 'yes' ? v : undefined })}
              options={[{ value: 'no', label: t('member.notAttending') }, ...ATTENDING.map((a) => ({ value: a, label: t(`fact.attending.${a}`) }))]}
              popupMatchSelectWidth={false}
              data-testid={id('schooling')}
            />,
          )}
          {field(t('member.col.education'), 170, code('highestCompletedLevel', EDUCATION, 'education'))}
          {field(t('member.col.employment'), 196, code('employment', EMPLOYMENT, 'employment'))}
          {field(
            t('member.fact.hasLabourContract'),
            132,
            <YesNoSelect
              disabled={disabled || f.employment !== 'wage_employed'}
              value={f.employment === 'wage_employed' ? f.hasLabourContract : undefined}
              onChange={(v) => onFacts({ hasLabourContract: v })}
              data-testid={id('hasLabourContract')}
            />,
          )}
          {field(t('member.fact.disability'), 150, code('disability', DISABILITY, 'disability', t('fact.disability.none')))}
          {field(t('member.fact.vocational'), 150, code('vocationalQualification', VOCATIONAL, 'vocational', t('fact.vocational.none')))}
          <Form.Item>
            <Flex wrap gap="2px 14px">
              <Checkbox checked={f.ableToWork === false} disabled={disabled} onChange={(e) => onFacts({ ableToWork: e.target.checked ? false : undefined })} data-testid={id('unableToWork')}>
                {t('member.fact.unableToWork')}
              </Checkbox>
              {flag('monthlySocialAllowance', t('member.fact.monthlySocialAllowance'))}
              {flag('stunted', t('member.fact.stunted'))}
              {flag('underweight', t('member.fact.underweight'))}
              {flag('illWithoutTreatment', t('member.fact.illWithoutTreatment'))}
              {flag('personWithMerit', t('member.fact.personWithMerit'))}
            </Flex>
          </Form.Item>
        </Flex>
      </DenseForm>
    </div>
  );
}
