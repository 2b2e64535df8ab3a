/** An administrator imports a boundary file (GeoJSON or TopoJSON) for a layout and level, and reads the report. */
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { boundariesApi, type BoundaryImportReport } from './api.ts';

interface Values {
  layout: '2024' | '2025';
  level: 'province' | 'commune';
  property?: string;
  province?: string;
}

export function BoundaryImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<BoundaryImportReport | null>(null);

  const submit = async (v: Values) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await boundariesApi.importFile({ file, layout: v.layout, level: v.level, property: v.property?.trim() || undefined, province: v.province?.trim() || undefined });
      setReport(r);
      onImported();
    } catch (err) {
      setError(errorMessage(err, i18n));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('dash.boundaries.title')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ layout: '2025', level: 'commune' }} onFinish={submit}>
        <Form.Item name="layout" label={t('dash.boundaries.layout')}>
          <Radio.Group options={[{ value: '2025', label: t('dash.boundaries.layout2025') }, { value: '2024', label: t('dash.boundaries.layout2024') }]} />
        </Form.Item>
        <Form.Item name="level" label={t('dash.boundaries.level')}>
          <Radio.Group options={[{ value: 'commune', label: t('dash.boundaries.level.commune') }, { value: 'province', label: t('dash.boundaries.level.province') }]} />
        </Form.Item>
        <Form.Item name="property" label={t('dash.boundaries.property')} extra={t('dash.boundaries.propertyHint')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="province" label={t('dash.boundaries.province')} rules={[{ pattern: /^\d{2}$/ }]}>
          <Input maxLength={2} style={{ width: 80 }} />
        </Form.Item>
        <Form.Item label={t('dash.boundaries.file')} required>
          <Upload accept=".json,.geojson,.topojson" maxCount={1} beforeUpload={(f) => (setFile(f), false)} onRemove={() => setFile(null)}>
            <Button icon={<UploadOutlined />}>{t('dash.boundaries.choose')}</Button>
          </Upload>
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="boundary-import-error" />}
        {report && (
          <Alert
            type={report.unmatchedFeatureCount || report.unmatchedUnitCount ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="boundary-import-report"
            title={t('dash.boundaries.done', { matched: report.matchedUnits, property: report.codeProperty })}
            description={
              <Typography.Text>
                {t('dash.boundaries.unmatchedFeatures', { count: report.unmatchedFeatureCount })}
                {report.unmatchedFeatures.length > 0 && `: ${report.unmatchedFeatures.slice(0, 10).map((f) => `#${f.feature} ${f.value ?? ''} ${f.name ?? ''}`.trim()).join('; ')}`}
                <br />
                {t('dash.boundaries.unmatchedUnits', { count: report.unmatchedUnitCount })}
                {report.unmatchedUnits.length > 0 && `: ${report.unmatchedUnits.slice(0, 10).map((u) => `${u.code} ${u.name}`).join('; ')}`}
              </Typography.Text>
            }
          />
        )}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!file} data-testid="boundary-import-submit">
          {t('dash.boundaries.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
