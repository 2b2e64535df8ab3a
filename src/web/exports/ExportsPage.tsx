/**
 * Xuất dữ liệu: the household registry, review results and beneficiary lists as Excel or CSV, for a unit
 * inside the user's scope (commune users export their commune; province and national users choose).
 * Files stream from the server; the audit log records every export.
 */
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Select, Typography } from 'antd';
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { DATE_FORMAT, toIsoDate, todayIso } from '../format/format.ts';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { campaignsApi } from '../campaigns/api.ts';
import { beneficiariesUrl, registryUrl, reviewResultsUrl, type ExportFormat } from './exportUrls.ts';
import { useDownload } from './useDownload.ts';

const STATUSES = ['active', 'moved_away', 'dissolved', 'deceased', 'merged', 'all'] as const;
const STAGES = ['listed', 'surveyed', 'agreed', 'rejected', 'final'] as const;
const POLICIES = ['health_insurance', 'tuition', 'credit', 'electricity'] as const;

/** One export: title, what it holds, its filters, and the Excel / CSV buttons (plus any extra button). */
function ExportCard(p: {
  title: string;
  help: string;
  children: React.ReactNode;
  busy: boolean;
  /** The choices are not complete yet (e.g. no campaign chosen). */
  disabled?: boolean;
  onExcel: () => void;
  onCsv: () => void;
  csvLabel?: string;
  extra?: React.ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={p.title}>
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{p.help}</Typography.Text>
        <Flex gap={16} wrap align="center">
          {p.children}
        </Flex>
        <Flex gap={8} wrap>
          <Button type="primary" icon={<FileExcelOutlined />} loading={p.busy} disabled={p.disabled} onClick={p.onExcel} data-testid={`${p.testId}-xlsx`}>
            {t('exports.excel')}
          </Button>
          <Button icon={<FileTextOutlined />} loading={p.busy} disabled={p.disabled} onClick={p.onCsv} data-testid={`${p.testId}-csv`}>
            {p.csvLabel ?? t('exports.csv')}
          </Button>
          {p.extra}
        </Flex>
      </Flex>
    </Card>
  );
}

export function ExportsPage() {
  const { t } = useI18n();
  const { user, can } = useSignedIn();
  const ownCommune = user.unitCode?.length === 5 ? user.unitCode : null;
  const [unit, setUnit] = useState<string | null>(user.unitCode ?? null);
  const [bom, setBom] = useState(true);
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('active');
  const [asOf, setAsOf] = useState<Dayjs | null>(dayjs());
  const [campaign, setCampaign] = useState<number | null>(null);
  const [stage, setStage] = useState<(typeof STAGES)[number] | undefined>();
  const [policy, setPolicy] = useState<(typeof POLICIES)[number]>('health_insurance');
  const [serviceDate, setServiceDate] = useState<Dayjs | null>(dayjs());
  const { busy, run } = useDownload();
  const campaigns = useApiQuery(can('review.read') ? 'exports-campaigns' : null, (signal) => campaignsApi.list({}, signal));

  const needUnit = !unit;
  const registry = (format: ExportFormat, sheet?: 'households' | 'members') =>
    void run('registry', registryUrl(format, { unit, status, asOf: toIsoDate(asOf), sheet, bom }), `so-ho.${format}`);
  const review = (format: ExportFormat) =>
    campaign !== null && void run('review', reviewResultsUrl(format, { campaign, unit: unit === user.unitCode ? undefined : unit, stage, bom }), `ket-qua-ra-soat.${format}`);
  const beneficiaries = (format: ExportFormat) =>
    void run('beneficiaries', beneficiariesUrl(format, { policy, unit, date: toIsoDate(serviceDate) ?? todayIso(), bom }), `${policy}.${format}`);

  return (
    <Flex vertical gap={12} data-testid="exports-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('exports.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('exports.intro')}</Typography.Text>
      <Card size="small">
        <Flex gap={16} wrap align="center">
          {!ownCommune && (
            <Form.Item label={t('exports.unit')} style={{ margin: 0 }}>
              <UnitPicker
                layout="2025"
                selectableTiers={['province', 'commune']}
                rootCode={user.provinceCode}
                placeholder={t('exports.unitPlaceholder')}
                style={{ width: 300 }}
                value={unit}
                onChange={(code) => setUnit(code)}
                data-testid="exports-unit"
              />
            </Form.Item>
          )}
          <Checkbox checked={bom} onChange={(e) => setBom(e.target.checked)} data-testid="exports-bom">
            {t('exports.bom')}
          </Checkbox>
        </Flex>
        {needUnit && <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('exports.unitRequired')} />}
      </Card>

      <ExportCard
        title={t('exports.registry.title')}
        help={t('exports.registry.help')}
        busy={busy === 'registry'}
        onExcel={() => registry('xlsx')}
        onCsv={() => registry('csv', 'households')}
        csvLabel={t('exports.registry.csvHouseholds')}
        testId="export-registry"
        extra={
          <Button icon={<FileTextOutlined />} loading={busy === 'registry'} onClick={() => registry('csv', 'members')} data-testid="export-registry-members-csv">
            {t('exports.registry.csvMembers')}
          </Button>
        }
      >
        <Form.Item label={t('exports.registry.status')} style={{ margin: 0 }}>
          <Select style={{ width: 200 }} value={status} onChange={setStatus} options={STATUSES.map((v) => ({ value: v, label: t(`hhStatus.${v}`) }))} />
        </Form.Item>
        <Form.Item label={t('exports.registry.asOf')} style={{ margin: 0 }}>
          <DatePicker format={DATE_FORMAT} value={asOf} onChange={setAsOf} allowClear={false} />
        </Form.Item>
      </ExportCard>

      {can('review.read') && (
        <ExportCard
          title={t('exports.review.title')}
          help={t('exports.review.help')}
          busy={busy === 'review'}
          disabled={campaign === null}
          onExcel={() => review('xlsx')}
          onCsv={() => review('csv')}
          testId="export-review"
        >
          <Form.Item label={t('exports.review.campaign')} style={{ margin: 0 }}>
            <Select
              style={{ width: 380 }}
              loading={campaigns.loading}
              value={campaign}
              onChange={setCampaign}
              placeholder={t('exports.review.campaignRequired')}
              options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
              data-testid="export-review-campaign"
            />
          </Form.Item>
          <Form.Item label={t('exports.review.stage')} style={{ margin: 0 }}>
            <Select
              style={{ width: 200 }}
              allowClear
              placeholder={t('exports.review.allStages')}
              value={stage}
              onChange={setStage}
              options={STAGES.map((v) => ({ value: v, label: t(`stage.${v}`) }))}
            />
          </Form.Item>
        </ExportCard>
      )}

      {can('beneficiary_list.read') && (
        <ExportCard
          title={t('exports.beneficiaries.title')}
          help={t('exports.beneficiaries.help')}
          busy={busy === 'beneficiaries'}
          onExcel={() => beneficiaries('xlsx')}
          onCsv={() => beneficiaries('csv')}
          testId="export-beneficiaries"
        >
          <Form.Item label={t('exports.beneficiaries.policy')} style={{ margin: 0 }}>
            <Select style={{ width: 340 }} value={policy} onChange={setPolicy} options={POLICIES.map((p) => ({ value: p, label: t(`outputs.policy.${p}`) }))} />
          </Form.Item>
          <Form.Item label={t('exports.beneficiaries.date')} style={{ margin: 0 }}>
            <DatePicker format={DATE_FORMAT} value={serviceDate} onChange={setServiceDate} allowClear={false} />
          </Form.Item>
        </ExportCard>
      )}
    </Flex>
  );
}
