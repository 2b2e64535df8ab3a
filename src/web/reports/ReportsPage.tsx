/**
 * Báo cáo: choose a form (F1–F15), a list year and a unit (the officer's own unit by default), see the
 * table with its merged headers, notes and unit layout, page through a detailed list, and download the
 * form as Excel or PDF in the official layout.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, InputNumber, Select, Space, Table, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { UnitLayoutSelector } from '../units/UnitLayoutSelector.tsx';
import type { Layout } from '../api/types.ts';
import { downloadFile } from '../reviews/download.ts';
import { reportsApi, type ReportParams } from './reportsApi.ts';
import { reportColumns } from './reportColumns.tsx';
import { VillageOriginsModal } from './VillageOriginsModal.tsx';

const THIS_YEAR = new Date().getFullYear();
/** Households per page of a detailed list (the server's page size). */
const LIST_PAGE = 200;

export function ReportsPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { user, can } = useSignedIn();
  const [originsOpen, setOriginsOpen] = useState(false);
  const { message } = App.useApp();
  const [form, setForm] = useState('F1');
  const [year, setYear] = useState(THIS_YEAR);
  const national = user.role === 'national_admin' || (user.role === 'steering_viewer' && !user.unitCode);
  const [unit, setUnit] = useState<string | undefined>(undefined);
  /** '2024': the historical layout (province – district – commune), summary forms of a province, district or old commune. */
  const [layout, setLayout] = useState<Layout>('2025');
  const [after, setAfter] = useState<number[]>([]);
  const [busy, setBusy] = useState<string | null>(null);

  // In the 2024 layout a province officer starts from their province; others choose an old unit first.
  const unitParam = unit !== undefined ? { unit } : national ? { unit: '' } : layout === '2024' ? (user.provinceCode && user.unitCode === user.provinceCode ? { unit: user.provinceCode } : null) : {};
  const params: ReportParams = { form, year, ...unitParam, ...(layout === '2024' ? { layout } : {}), ...(after.length > 0 ? { after: after.at(-1)!, offset: after.length * LIST_PAGE } : {}) };
  const forms = useApiQuery('report-forms', (signal) => reportsApi.forms(signal));
  const report = useApiQuery(unitParam === null ? null : `report|${JSON.stringify(params)}`, (signal) => reportsApi.table(params, signal));
  const table = report.data?.table;

  const download = async (kind: 'excel' | 'pdf') => {
    setBusy(kind);
    try {
      const { after: _page, offset: _offset, ...whole } = params;
      const name = await downloadFile(reportsApi.fileUrl(whole, kind), `bieu-${form}-${year}.${kind === 'excel' ? 'xlsx' : 'pdf'}`, locale);
      message.success(t('reports.downloaded', { name }));
    } catch (err) {
      message.error(errorMessage(err, i18n));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="reports-page">
      {originsOpen && user.unitCode ? (
        <VillageOriginsModal commune={user.unitCode} onClose={() => setOriginsOpen(false)} onSaved={() => { setOriginsOpen(false); report.reload(); }} />
      ) : null}
      <Typography.Title level={3} style={{ margin: 0 }}>{t('reports.title')}</Typography.Title>
      <Card size="small">
        <Space wrap>
          <span>{t('reports.form')}</span>
          <Select
            style={{ width: 420 }}
            value={form}
            onChange={(v) => { setForm(v); setAfter([]); }}
            options={(forms.data?.forms ?? []).map((f) => ({ value: f.id, label: `${f.id}. ${f.title}`, disabled: layout === '2024' && f.list }))}
            data-testid="report-form"
            popupMatchSelectWidth={false}
            virtual={false}
          />
          <span>{t('reports.year')}</span>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => { if (v) { setYear(v); setAfter([]); } }} data-testid="report-year" />
          <UnitLayoutSelector
            value={layout}
            onChange={(l) => {
              setLayout(l);
              setUnit(undefined);
              setAfter([]);
              if (l === '2024' && forms.data?.forms.find((f) => f.id === form)?.list) setForm('F1');
            }}
          />
          <span>{t('reports.unit')}</span>
          {layout === '2025' ? (
            <UnitPicker
              key="2025"
              style={{ width: 300 }}
              value={unit ?? user.unitCode ?? null}
              rootCode={national ? null : user.unitCode}
              selectableTiers={['province', 'commune']}
              allowClear={national}
              placeholder={national ? t('reports.nation') : undefined}
              onChange={(code) => { setUnit(code ?? (national ? '' : undefined)); setAfter([]); }}
              data-testid="report-unit"
            />
          ) : (
            <UnitPicker
              key="2024"
              layout="2024"
              style={{ width: 300 }}
              value={unit || unitParam?.unit || null}
              rootCode={national ? null : user.provinceCode}
              selectableTiers={user.unitCode && user.unitCode !== user.provinceCode ? ['commune'] : ['province', 'district', 'commune']}
              allowClear={national}
              placeholder={national ? t('reports.nation') : t('reports.pickOldUnit')}
              onChange={(code) => { setUnit(code ?? (national ? '' : undefined)); setAfter([]); }}
              data-testid="report-unit"
            />
          )}
          <Button icon={<FileExcelOutlined />} loading={busy === 'excel'} onClick={() => void download('excel')} data-testid="report-excel">{t('reports.excel')}</Button>
          <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => void download('pdf')} data-testid="report-pdf">{t('reports.pdf')}</Button>
          {layout === '2024' && can('village.write') && user.unitCode && user.unitCode !== user.provinceCode ? (
            <Button onClick={() => setOriginsOpen(true)} data-testid="report-origins">{t('reports.origins.open')}</Button>
          ) : null}
        </Space>
      </Card>
      {report.error ? <Alert type="error" showIcon message={errorMessage(report.error, i18n)} /> : null}
      {table ? (
        <div
          data-testid="report-result"
          data-state={report.loading ? 'loading' : 'ready'}
          data-form={table.formId}
          data-year={table.year}
          data-unit={table.unit.code}
          data-layout={table.layout}
        >
        <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{`${t('reports.formShort', { id: table.formId })} ${table.title}`}</span>} extra={table.subtitle}>
          <Table
            size="small"
            bordered
            loading={report.loading}
            rowKey={(r) => `${r.code}|${r.breakdown ?? ''}|${r.total ? 'T' : ''}|${String(r.values.member_no ?? '')}|${r.label}`}
            columns={reportColumns(table, locale, { no: t('reports.no'), breakdown: t('reports.breakdown') })}
            dataSource={table.rows}
            pagination={false}
            scroll={{ x: 'max-content', y: 560 }}
            rowClassName={(r) => (r.total ? 'report-total-row' : r.subtotal ? 'report-subtotal-row' : '')}
            onRow={(r) => ({ 'data-testid': r.total ? 'report-total-row' : r.subtotal ? 'report-subtotal-row' : 'report-row', 'data-code': r.code, 'data-breakdown': r.breakdown ?? '' }) as React.HTMLAttributes<HTMLElement>}
            data-testid="report-table"
          />
          {report.data?.next || after.length > 0 ? (
            <Space style={{ marginTop: 8 }}>
              <Button disabled={after.length === 0} onClick={() => setAfter(after.slice(0, -1))}>{t('reports.previousPage')}</Button>
              <Button disabled={!report.data?.next} onClick={() => setAfter([...after, report.data!.next!.after])}>{t('reports.nextPage')}</Button>
            </Space>
          ) : null}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            <b data-testid="report-layout">{t('reports.layout', { layout: t(`units.layout.${table.layout}`) })}</b>
            {table.notes.map((n) => (
              <span key={n} style={{ display: 'block' }}>– {n}</span>
            ))}
          </Typography.Paragraph>
        </Card>
        </div>
      ) : null}
    </Flex>
  );
}
