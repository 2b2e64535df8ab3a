/** The province officer's budget forms: plan a line, allocate it to a commune, record a disbursement, move money between communes. */
import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Tabs, message } from 'antd';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { toIsoDate } from '../format/format.ts';
import { amountInput, programApi, type BudgetView, type Line, type Structure } from './api.ts';

interface Props {
  year: number;
  programCode: string | null;
  structure: Structure | undefined;
  budget: BudgetView;
  onChanged: () => void;
}

const lineKey = (l: { programCode: string; nodeCode: string; fundSource: string }) => `${l.programCode}|${l.nodeCode}|${l.fundSource}`;

export function BudgetActions({ year, programCode, structure, budget, onChanged }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { can } = useSignedIn();
  const [busy, setBusy] = useState(false);
  const program = structure?.programs.find((p) => p.code === programCode);
  const nodes = (program?.nodes ?? []).filter((n) => n.active).map((n) => ({ value: n.code, label: `${n.code}. ${locale === 'en' ? n.nameEn : n.name}` }));
  const sources = (structure?.fundSources ?? []).map((f) => ({ value: f.code, label: locale === 'en' ? f.nameEn : f.name }));
  const lines = budget.lines.map((l) => ({ value: lineKey(l), label: `${l.nodeCode} · ${sources.find((s) => s.value === l.fundSource)?.label ?? l.fundSource}` }));
  const communes = budget.communes.map((c) => ({ value: c.code, label: c.name }));
  const lineOf = (key: string): Line => {
    const [p, n, f] = key.split('|');
    return { year, programCode: p!, nodeCode: n!, fundSource: f as Line['fundSource'] };
  };
  const amountRule = { validator: (_: unknown, v: string) => (amountInput(v) ? Promise.resolve() : Promise.reject(new Error(t('program.amountInvalid')))) };

  async function run(f: () => Promise<unknown>, done?: () => void) {
    setBusy(true);
    try {
      await f();
      message.success(t('program.saved'));
      done?.();
      onChanged();
    } catch (err) {
      message.error(errorMessage(err, i18n), 8);
    } finally {
      setBusy(false);
    }
  }

  const [planForm] = Form.useForm();
  const [allocForm] = Form.useForm();
  const [payForm] = Form.useForm();
  const [moveForm] = Form.useForm();
  const submit = (testId: string, label = t('program.save')) => (
    <Button type="primary" htmlType="submit" loading={busy} data-testid={testId}>
      {label}
    </Button>
  );
  const items = [];
  if (can('program.plan')) {
    items.push(
      {
        key: 'plan',
        label: t('program.budget.plan'),
        children: (
          <Form form={planForm} layout="inline" data-testid="plan-form" onFinish={(v) => run(() => programApi.setPlan({ year, programCode: programCode!, nodeCode: v.nodeCode, fundSource: v.fundSource, amount: amountInput(v.amount)!, decisionRef: v.decisionRef }))}>
            <Form.Item name="nodeCode" rules={[{ required: true, message: t('program.required') }]}>
              <Select placeholder={t('program.col.node')} options={nodes} style={{ width: 320 }} data-testid="plan-node" />
            </Form.Item>
            <Form.Item name="fundSource" rules={[{ required: true, message: t('program.required') }]}>
              <Select placeholder={t('program.col.source')} options={sources} style={{ width: 260 }} data-testid="plan-source" />
            </Form.Item>
            <Form.Item name="amount" rules={[amountRule]}>
              <Input placeholder={t('program.amountPlaceholder')} style={{ width: 170 }} data-testid="plan-amount" />
            </Form.Item>
            <Form.Item name="decisionRef">
              <Input placeholder={t('program.decisionRef')} style={{ width: 160 }} />
            </Form.Item>
            {submit('plan-save')}
          </Form>
        ),
      },
      {
        key: 'allocate',
        label: t('program.budget.allocate'),
        children: (
          <Form form={allocForm} layout="inline" data-testid="allocate-form" onFinish={(v) => run(() => programApi.allocate({ ...lineOf(v.line), unitCode: v.unitCode, amount: amountInput(v.amount)!, decisionRef: v.decisionRef }))}>
            <Form.Item name="line" rules={[{ required: true, message: t('program.required') }]}>
              <Select placeholder={t('program.col.line')} options={lines} style={{ width: 320 }} data-testid="allocate-line" />
            </Form.Item>
            <Form.Item name="unitCode" rules={[{ required: true, message: t('program.required') }]}>
              <Select showSearch optionFilterProp="label" placeholder={t('program.col.commune')} options={communes} style={{ width: 220 }} data-testid="allocate-unit" />
            </Form.Item>
            <Form.Item name="amount" rules={[amountRule]}>
              <Input placeholder={t('program.amountPlaceholder')} style={{ width: 170 }} data-testid="allocate-amount" />
            </Form.Item>
            <Form.Item name="decisionRef">
              <Input placeholder={t('program.decisionRef')} style={{ width: 160 }} />
            </Form.Item>
            {submit('allocate-save')}
          </Form>
        ),
      },
      {
        key: 'reallocate',
        label: t('program.budget.reallocate'),
        children: (
          <Form form={moveForm} layout="inline" data-testid="reallocate-form" onFinish={(v) => run(() => programApi.reallocate({ ...lineOf(v.line), fromUnit: v.fromUnit, toUnit: v.toUnit, amount: amountInput(v.amount)!, reason: v.reason }), () => moveForm.resetFields())}>
            <Form.Item name="line" rules={[{ required: true, message: t('program.required') }]}>
              <Select placeholder={t('program.col.line')} options={lines} style={{ width: 300 }} />
            </Form.Item>
            <Form.Item name="fromUnit" rules={[{ required: true, message: t('program.required') }]}>
              <Select showSearch optionFilterProp="label" placeholder={t('program.from')} options={communes} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="toUnit" rules={[{ required: true, message: t('program.required') }]}>
              <Select showSearch optionFilterProp="label" placeholder={t('program.to')} options={communes} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="amount" rules={[amountRule]}>
              <Input placeholder={t('program.amountPlaceholder')} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('program.reasonRequired') }]}>
              <Input placeholder={t('program.reason')} style={{ width: 260 }} />
            </Form.Item>
            {submit('reallocate-save')}
          </Form>
        ),
      },
    );
  }
  if (can('program.disburse')) {
    items.push({
      key: 'disburse',
      label: t('program.budget.disburse'),
      children: (
        <Form form={payForm} layout="inline" data-testid="disburse-form" onFinish={(v) => run(() => programApi.disburse({ ...lineOf(v.line), unitCode: v.unitCode, paidOn: toIsoDate(v.paidOn)!, amount: amountInput(v.amount)!, documentNumber: v.documentNumber }), () => payForm.resetFields(['amount', 'documentNumber']))}>
          <Form.Item name="line" rules={[{ required: true, message: t('program.required') }]}>
            <Select placeholder={t('program.col.line')} options={lines} style={{ width: 300 }} data-testid="disburse-line" />
          </Form.Item>
          <Form.Item name="unitCode" rules={[{ required: true, message: t('program.required') }]}>
            <Select showSearch optionFilterProp="label" placeholder={t('program.col.commune')} options={communes} style={{ width: 200 }} data-testid="disburse-unit" />
          </Form.Item>
          <Form.Item name="paidOn" rules={[{ required: true, message: t('program.required') }]}>
            <DatePicker format="DD/MM/YYYY" placeholder={t('program.paidOn')} data-testid="disburse-date" />
          </Form.Item>
          <Form.Item name="amount" rules={[amountRule]}>
            <Input placeholder={t('program.amountPlaceholder')} style={{ width: 150 }} data-testid="disburse-amount" />
          </Form.Item>
          <Form.Item name="documentNumber" rules={[{ required: true, whitespace: true, message: t('program.required') }]}>
            <Input placeholder={t('program.documentNumber')} style={{ width: 150 }} data-testid="disburse-doc" />
          </Form.Item>
          {submit('disburse-save', t('program.budget.record'))}
        </Form>
      ),
    });
  }
  if (!items.length) return null;
  return <Tabs size="small" items={items} data-testid="budget-actions" />;
}
