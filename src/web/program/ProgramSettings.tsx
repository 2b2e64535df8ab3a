/**
 * The program settings (docs/program.md §2) from the program screens: a province's planners set the
 * province's own target thresholds, disbursement milestones and commune lead days (a value equal to the
 * national one is stored as "follows the national settings"); a national administrator sets the
 * national document, the high-poverty threshold and the report deadlines included; everyone else sees
 * the settings in force. Every change is audited by the server.
 */
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, InputNumber, Space, Tag, Typography } from 'antd';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { programApi, type ProgramSettings, type ProvinceSettingsChange, type SettingsView } from './api.ts';

type Field = SettingsView['provinceFields'][number];
/** The same value, whatever the order of object keys (the form may reorder a milestone's fields). */
const canonical = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(canonical) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).toSorted(([a], [b]) => a.localeCompare(b)).map(([k, y]) => [k, canonical(y)])) : x;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The province's change: each of its fields, or null where the value is the national one. */
function provinceChange(v: ProgramSettings, view: SettingsView): ProvinceSettingsChange {
  return Object.fromEntries(view.provinceFields.map((f) => [f, same(v[f], view.national[f]) ? null : v[f]])) as ProvinceSettingsChange;
}

export function ProgramSettingsButton({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="program-settings">
        {t('program.settings.button')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('program.settings.title')} size={560} destroyOnHidden>
        {open && <SettingsForm onSaved={onChanged} />}
      </Drawer>
    </>
  );
}

function SettingsForm({ onSaved }: { onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [nonce, setNonce] = useState(0);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<ProgramSettings>();
  const view = useApiQuery(`program-settings|${nonce}`, (signal) => programApi.settings(signal));
  const v = view.data;
  if (view.error != null) return <Alert type="error" showIcon title={errorMessage(view.error, i18n)} />;
  if (!v) return null;
  const mode: 'province' | 'national' | 'read' = v.canEdit.province ? 'province' : v.canEdit.national ? 'national' : 'read';
  const editable = (f: Field | 'highPovertyRatePercent' | 'reportDue') => mode === 'national' || (mode === 'province' && (v.provinceFields as string[]).includes(f));
  const origin = (f: Field) =>
    v.province && mode !== 'national' ? (
      v.province.overrides[f] !== undefined ? (
        <Tag color="blue" data-testid={`setting-own-${f}`}>{t('program.settings.own')}</Tag>
      ) : (
        <Tag>{t('program.settings.followsNational')}</Tag>
      )
    ) : null;

  async function save(run: () => Promise<unknown>) {
    setBusy(true);
    try {
      await run();
      message.success(t('program.saved'));
      setNonce((n) => n + 1);
      onSaved();
    } catch (err) {
      message.error(errorMessage(err, i18n), 8);
    } finally {
      setBusy(false);
    }
  }
  const onFinish = (values: ProgramSettings) =>
    save(() => (mode === 'province' ? programApi.setProvinceSettings(provinceChange(values, v)) : programApi.setNationalSettings({ ...v.national, ...values })));
  const num = (name: (string | number)[], label: string, props: { min: number; max: number; step?: number; precision?: number }, on: boolean, extra?: ReactNode, testId?: string) => (
    <Form.Item name={name} label={<Space>{label}{extra}</Space>} rules={[{ required: true, message: t('program.required') }]}>
      <InputNumber<number> {...props} decimalSeparator="," disabled={!on} style={{ width: 160 }} data-testid={testId} />
    </Form.Item>
  );
  const monthDay = (name: string[], label: string) => (
    <Form.Item label={label} required>
      <Space>
        {num([...name, 'day'], t('program.settings.day'), { min: 1, max: 31, precision: 0 }, editable('reportDue'))}
        {num([...name, 'month'], t('program.settings.month'), { min: 1, max: 12, precision: 0 }, editable('reportDue'))}
      </Space>
    </Form.Item>
  );

  return (
    <Flex vertical gap={8} data-testid="program-settings-form">
      <Typography.Paragraph type="secondary">
        {mode === 'province' ? t('program.settings.provinceHelp') : mode === 'national' ? t('program.settings.nationalHelp') : t('program.settings.readOnly')}
      </Typography.Paragraph>
      <Form<ProgramSettings> form={form} layout="vertical" name="program-settings" initialValues={v.settings} onFinish={onFinish} key={nonce}>
        <Typography.Title level={5}>{mode === 'national' ? t('program.settings.national') : t('program.settings.province')}</Typography.Title>
        {num(['projection', 'minPoints'], t('program.settings.minPoints'), { min: 2, max: 20, precision: 0 }, editable('projection'), origin('projection'))}
        {num(['projection', 'atRiskPoints'], t('program.settings.atRiskPoints'), { min: 0, max: 100, step: 0.1 }, editable('projection'), undefined, 'setting-at-risk-points')}
        {num(['projection', 'atRiskSharePercent'], t('program.settings.atRiskSharePercent'), { min: 0, max: 100 }, editable('projection'))}
        <Form.Item label={<Space>{t('program.settings.milestones')}{origin('disbursementMilestones')}</Space>}>
          <Form.List name="disbursementMilestones">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" data-testid={`milestone-${i}`}>
                    {[['day', 31], ['month', 12]].map(([part, max]) => (
                      <Form.Item key={part} name={[f.name, part as string]} rules={[{ required: true, message: t('program.required') }]} noStyle>
                        <InputNumber<number> min={1} max={max as number} precision={0} disabled={!editable('disbursementMilestones')} placeholder={t(`program.settings.${part as 'day' | 'month'}`)} style={{ width: 80 }} />
                      </Form.Item>
                    ))}
                    <Form.Item name={[f.name, 'sharePercent']} rules={[{ required: true, message: t('program.required') }]} noStyle>
                      <InputNumber<number> min={0} max={100} decimalSeparator="," suffix="%" disabled={!editable('disbursementMilestones')} style={{ width: 110 }} data-testid={`milestone-${i}-share`} />
                    </Form.Item>
                    {editable('disbursementMilestones') && fields.length > 1 && <Button size="small" onClick={() => remove(f.name)}>✕</Button>}
                  </Space>
                ))}
                {editable('disbursementMilestones') && fields.length < 12 && (
                  <Button size="small" onClick={() => add({ day: 31, month: 12, sharePercent: 100 })} style={{ alignSelf: 'flex-start' }}>
                    {t('program.settings.addMilestone')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        {num(['communeLeadDays'], t('program.settings.communeLeadDays'), { min: 0, max: 90, precision: 0 }, editable('communeLeadDays'), origin('communeLeadDays'))}
        <Typography.Title level={5}>{t('program.settings.national')}</Typography.Title>
        {num(['highPovertyRatePercent'], t('program.settings.highPoverty'), { min: 0, max: 100 }, editable('highPovertyRatePercent'))}
        {monthDay(['reportDue', 'H1'], t('program.settings.dueH1'))}
        {monthDay(['reportDue', 'Y'], t('program.settings.dueY'))}
        {mode !== 'read' && (
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="program-settings-save">
              {t('program.save')}
            </Button>
            {mode === 'province' && v.province && Object.keys(v.province.overrides).length > 0 && (
              <Button loading={busy} onClick={() => save(() => programApi.setProvinceSettings({ projection: null, disbursementMilestones: null, communeLeadDays: null }))} data-testid="program-settings-national">
                {t('program.settings.useNational')}
              </Button>
            )}
          </Space>
        )}
      </Form>
    </Flex>
  );
}
