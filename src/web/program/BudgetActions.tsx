/**
 * The province officer's budget forms: plan a line, allocate it to a commune, record a disbursement,
 * move money between communes. Under each form, what the chosen line and commune already have (so the
 * officer sees that an allocation is the commune's new total and how much room is left).
 */
import { useState, type ReactNode } from 'react';
import { App, Button, DatePicker, Form, Input, Select, Tabs, Typography, type FormInstance } from 'antd';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { toIsoDate } from '../format/format.ts';
import { amountInput, programApi, type BudgetView, type Line, type Structure } from './api.ts';
import { formatDong } from './program-format.ts';

interface Props {
  year: number;
  programCode: string | null;
  structure: Structure | undefined;
  budget: BudgetView;
  onChanged: () => void;
}

type Keyed = { programCode: string; nodeCode: string; fundSource: string };
const lineKey = (l: Keyed) => `${l.programCode}|${l.nodeCode}|${l.fundSource}`;
const big = (s: string | undefined) => BigInt(s ?? '0');

/** A secondary line under a form (nothing when there is nothing to say). */
const hint = (testId: string, text: ReactNode) =>
  text ? (
    <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid={testId}>
      {text}
    </Typography.Text>
  ) : null;

/** One row of fields, with the hint about the chosen line and commune under it. */
const form = (instance: FormInstance, name: string, onFinish: (v: Record<string, string>) => void, fields: ReactNode, after: ReactNode) => (
  <>
    <Form form={instance} name={name} layout="inline" data-testid={`${name}-form`} onFinish={onFinish} style={{ rowGap: 8 }}>
      {fields}
    </Form>
    {after}
  </>
);

export function BudgetActions({ year, programCode, structure, budget, onChanged }: Props) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { message } = App.useApp();
  const { can } = useSignedIn();
  const [busy, setBusy] = useState(false);
  const [planForm] = Form.useForm();
  const [allocForm] = Form.useForm();
  const [payForm] = Form.useForm();
  const [moveForm] = Form.useForm();

  const program = structure?.programs.find((p) => p.code === programCode);
  const nodeName = (code: string) => {
    const n = program?.nodes.find((x) => x.code === code);
    return n ? (locale === 'en' ? n.nameEn : n.name) : code;
  };
  const nodes = (program?.nodes ?? []).filter((n) => n.active).map((n) => ({ value: n.code, label: `${n.code}. ${nodeName(n.code)}` }));
  const sources = (structure?.fundSources ?? []).map((f) => ({ value: f.code, label: locale === 'en' ? f.nameEn : f.name }));
  const sourceName = (code: string) => sources.find((s) => s.value === code)?.label ?? code;
  const lines = budget.lines.map((l) => ({ value: lineKey(l), label: `${l.nodeCode}. ${nodeName(l.nodeCode)} · ${sourceName(l.fundSource)}` }));
  const communes = budget.communes.map((c) => ({ value: c.code, label: c.name }));
  const lineOf = (key: string): Line => {
    const [p, n, f] = key.split('|');
    return { year, programCode: p!, nodeCode: n!, fundSource: f as Line['fundSource'] };
  };
  const planLine = (key: string | undefined) => budget.lines.find((l) => lineKey(l) === key);
  const allocation = (key: string | undefined, unit: string | undefined) => budget.allocations.find((a) => lineKey(a) === key && a.unitCode === unit);
  const amountRule = { validator: (_: unknown, v: string) => (amountInput(v) ? Promise.resolve() : Promise.reject(new Error(t('program.amountInvalid')))) };
  const required = { required: true, message: t('program.required') };

  // What the chosen line / commune already has, under each form.
  const planWatch = { node: Form.useWatch('nodeCode', planForm) as string | undefined, source: Form.useWatch('fundSource', planForm) as string | undefined };
  const allocWatch = { line: Form.useWatch('line', allocForm) as string | undefined, unit: Form.useWatch('unitCode', allocForm) as string | undefined };
  const payWatch = { line: Form.useWatch('line', payForm) as string | undefined, unit: Form.useWatch('unitCode', payForm) as string | undefined };
  const moveWatch = { line: Form.useWatch('line', moveForm) as string | undefined, from: Form.useWatch('fromUnit', moveForm) as string | undefined };

  function planHint(): ReactNode {
    if (!planWatch.node || !planWatch.source || !programCode) return null;
    const l = planLine(lineKey({ programCode, nodeCode: planWatch.node, fundSource: planWatch.source }));
    return l ? t('program.hint.plan', { planned: formatDong(l.planned), allocated: formatDong(l.allocated) }) : t('program.hint.planNew');
  }
  function allocHint(): ReactNode {
    const l = planLine(allocWatch.line);
    if (!l) return null;
    const room = formatDong((big(l.planned) - big(l.allocated)).toString());
    if (!allocWatch.unit) return t('program.hint.room', { room });
    const a = allocation(allocWatch.line, allocWatch.unit);
    return t('program.hint.allocation', { amount: formatDong(a?.amount ?? '0'), disbursed: formatDong(a?.disbursed ?? '0'), room });
  }
  function payHint(): ReactNode {
    if (!payWatch.line || !payWatch.unit) return null;
    const a = allocation(payWatch.line, payWatch.unit);
    if (!a) return t('program.hint.noAllocation');
    return t('program.hint.disbursement', { amount: formatDong(a.amount), disbursed: formatDong(a.disbursed), left: formatDong((big(a.amount) - big(a.disbursed)).toString()) });
  }
  function moveHint(): ReactNode {
    if (!moveWatch.line || !moveWatch.from) return null;
    const a = allocation(moveWatch.line, moveWatch.from);
    if (!a) return t('program.hint.noAllocation');
    return t('program.hint.movable', { amount: formatDong(a.amount), disbursed: formatDong(a.disbursed), left: formatDong((big(a.amount) - big(a.disbursed)).toString()) });
  }

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

  const submit = (testId: string, label = t('program.save')) => (
    <Button type="primary" htmlType="submit" loading={busy} data-testid={testId}>
      {label}
    </Button>
  );
  const lineSelect = (testId: string, width: number) => (
    <Form.Item name="line" rules={[required]}>
      <Select placeholder={t('program.col.line')} options={lines} style={{ width }} popupMatchSelectWidth={false} data-testid={testId} />
    </Form.Item>
  );
  const communeSelect = (name: string, placeholder: string, width: number, testId?: string) => (
    <Form.Item name={name} rules={[required]}>
      <Select showSearch={{ optionFilterProp: 'label' }} placeholder={placeholder} options={communes} style={{ width }} data-testid={testId} />
    </Form.Item>
  );
  /** An amount of đồng, shown with dot thousands separators once the officer leaves the field. */
  const amountField = (instance: FormInstance, width: number, testId?: string) => (
    <Form.Item name="amount" rules={[amountRule]}>
      <Input
        placeholder={t('program.amountPlaceholder')}
        suffix="đ"
        style={{ width }}
        data-testid={testId}
        onBlur={() => {
          const digits = amountInput(instance.getFieldValue('amount'));
          if (digits) instance.setFieldValue('amount', formatDong(digits));
        }}
      />
    </Form.Item>
  );
  const items = [];
  if (can('program.plan')) {
    items.push(
      {
        key: 'plan',
        label: t('program.budget.plan'),
        children: form(
          planForm,
          'plan',
          (v) => run(() => programApi.setPlan({ year, programCode: programCode!, nodeCode: v.nodeCode!, fundSource: v.fundSource as Line['fundSource'], amount: amountInput(v.amount)!, decisionRef: v.decisionRef })),
          <>
            <Form.Item name="nodeCode" rules={[required]}>
              <Select placeholder={t('program.col.node')} options={nodes} style={{ width: 320 }} popupMatchSelectWidth={false} data-testid="plan-node" />
            </Form.Item>
            <Form.Item name="fundSource" rules={[required]}>
              <Select placeholder={t('program.col.source')} options={sources} style={{ width: 260 }} popupMatchSelectWidth={false} data-testid="plan-source" />
            </Form.Item>
            {amountField(planForm, 190, 'plan-amount')}
            <Form.Item name="decisionRef">
              <Input placeholder={t('program.decisionRef')} style={{ width: 160 }} />
            </Form.Item>
            {submit('plan-save')}
          </>,
          hint('plan-hint', planHint()),
        ),
      },
      {
        key: 'allocate',
        label: t('program.budget.allocate'),
        children: form(
          allocForm,
          'allocate',
          (v) => run(() => programApi.allocate({ ...lineOf(v.line!), unitCode: v.unitCode!, amount: amountInput(v.amount)!, decisionRef: v.decisionRef })),
          <>
            {lineSelect('allocate-line', 320)}
            {communeSelect('unitCode', t('program.col.commune'), 220, 'allocate-unit')}
            {amountField(allocForm, 190, 'allocate-amount')}
            <Form.Item name="decisionRef">
              <Input placeholder={t('program.decisionRef')} style={{ width: 160 }} />
            </Form.Item>
            {submit('allocate-save')}
          </>,
          hint('allocate-hint', allocHint()),
        ),
      },
      {
        key: 'reallocate',
        label: t('program.budget.reallocate'),
        children: form(
          moveForm,
          'reallocate',
          (v) => run(() => programApi.reallocate({ ...lineOf(v.line!), fromUnit: v.fromUnit!, toUnit: v.toUnit!, amount: amountInput(v.amount)!, reason: v.reason! }), () => moveForm.resetFields()),
          <>
            {lineSelect('reallocate-line', 300)}
            {communeSelect('fromUnit', t('program.from'), 200, 'reallocate-from')}
            {communeSelect('toUnit', t('program.to'), 200, 'reallocate-to')}
            {amountField(moveForm, 180, 'reallocate-amount')}
            <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('program.reasonRequired') }]}>
              <Input placeholder={t('program.reason')} style={{ width: 260 }} data-testid="reallocate-reason" />
            </Form.Item>
            {submit('reallocate-save')}
          </>,
          hint('reallocate-hint', moveHint()),
        ),
      },
    );
  }
  if (can('program.disburse')) {
    items.push({
      key: 'disburse',
      label: t('program.budget.disburse'),
      children: form(
        payForm,
        'disburse',
        (v) =>
          run(
            () => programApi.disburse({ ...lineOf(v.line!), unitCode: v.unitCode!, paidOn: toIsoDate(v.paidOn as never)!, amount: amountInput(v.amount)!, documentNumber: v.documentNumber!.trim() }),
            () => payForm.resetFields(['amount', 'documentNumber']),
          ),
        <>
          {lineSelect('disburse-line', 300)}
          {communeSelect('unitCode', t('program.col.commune'), 200, 'disburse-unit')}
          <Form.Item name="paidOn" rules={[required]}>
            <DatePicker format="DD/MM/YYYY" placeholder={t('program.paidOn')} data-testid="disburse-date" />
          </Form.Item>
          {amountField(payForm, 180, 'disburse-amount')}
          <Form.Item name="documentNumber" rules={[{ required: true, whitespace: true, message: t('program.required') }]}>
            <Input placeholder={t('program.documentNumber')} style={{ width: 160 }} data-testid="disburse-doc" />
          </Form.Item>
          {submit('disburse-save', t('program.budget.record'))}
        </>,
        hint('disburse-hint', payHint()),
      ),
    });
  }
  if (!items.length) return null;
  return <Tabs size="small" items={items} data-testid="budget-actions" />;
}
