/**
 * Nhập liệu: download the template (registry, or form B of a review campaign, with the units valid on
 * the chosen date), upload the filled .xlsx (or one .csv per sheet), follow the check, read and download
 * the findings, commit, and see the counts; the unit's recent imports below.
 */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, List, Radio, Select, Typography, Upload } from 'antd';
import { FileExcelOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { DATE_FORMAT, toIsoDate, todayIso } from '../format/format.ts';
import { campaignsApi } from '../campaigns/api.ts';
import { useDownload } from '../exports/useDownload.ts';
import { importsApi, templateCsvUrl, templateUrl, type ImportKind } from './api.ts';
import { ImportJobPanel } from './ImportJobPanel.tsx';

export function ImportsPage() {
  const { t } = useI18n();
  const i18n = useI18n();
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('registry');
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [campaign, setCampaign] = useState<number | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const [current, setCurrent] = useState<number | null>(null);
  const { busy, run } = useDownload();
  const campaigns = useApiQuery(can('review.read') ? 'imports-campaigns' : null, (signal) => campaignsApi.list({ status: 'open' }, signal));
  const jobs = useApiQuery('imports-jobs', (signal) => importsApi.list(signal));
  const iso = toIsoDate(date) ?? todayIso();
  const needCampaign = kind === 'survey' && campaign === null;

  const upload = async () => {
    setUploading(true);
    try {
      const job = await importsApi.upload(files, { kind, referenceDate: iso, campaignId: kind === 'survey' ? campaign : null });
      setCurrent(job.id);
      setFiles([]);
      jobs.reload();
    } catch (err) {
      message.error(errorMessage(err, i18n));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex vertical gap={12} data-testid="imports-page">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('imports.intro')}</Typography.Text>
      <Card size="small" title={t('imports.step.template')}>
        <Flex gap={16} wrap align="center">
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} options={[{ value: 'registry', label: t('imports.kind.registry') }, { value: 'survey', label: t('imports.kind.survey') }]} data-testid="imports-kind" />
          <Form.Item label={t('imports.date')} style={{ margin: 0 }}>
            <DatePicker format={DATE_FORMAT} value={date} onChange={setDate} allowClear={false} />
          </Form.Item>
          {kind === 'survey' && (
            <Form.Item label={t('imports.campaign')} style={{ margin: 0 }}>
              <Select
                style={{ width: 340 }}
                loading={campaigns.loading}
                value={campaign}
                onChange={setCampaign}
                placeholder={t('imports.campaignRequired')}
                options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
                data-testid="imports-campaign"
              />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Button icon={<FileExcelOutlined />} loading={busy === 'tpl'} onClick={() => void run('tpl', templateUrl(kind, iso, campaign), 'mau-nhap.xlsx')} data-testid="imports-template">
            {t('imports.template.xlsx')}
          </Button>
          {(['households', 'members', ...(kind === 'survey' ? (['surveys'] as const) : [])] as const).map((s) => (
            <Button key={s} icon={<FileTextOutlined />} onClick={() => void run(`csv-${s}`, templateCsvUrl(s), `mau-${s}.csv`)}>
              {t(`imports.template.csv.${s}`)}
            </Button>
          ))}
        </Flex>
      </Card>
      <Card size="small" title={t('imports.step.upload')}>
        <Flex gap={12} align="center" wrap>
          <Upload
            multiple
            accept=".xlsx,.csv"
            fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
            beforeUpload={(f) => {
              setFiles((x) => [...x, f].slice(-3));
              return false;
            }}
            onRemove={(f) => setFiles((x) => x.filter((_, i) => String(i) !== f.uid))}
          >
            <Button icon={<UploadOutlined />} data-testid="imports-choose">{t('imports.choose')}</Button>
          </Upload>
          <Button type="primary" disabled={files.length === 0 || needCampaign} loading={uploading} onClick={() => void upload()} data-testid="imports-upload">
            {t('imports.check')}
          </Button>
        </Flex>
      </Card>
      {current !== null && <ImportJobPanel key={current} jobId={current} onChanged={jobs.reload} />}
      <Card size="small" title={t('imports.recent')}>
        <List
          size="small"
          loading={jobs.loading}
          dataSource={jobs.data?.items ?? []}
          renderItem={(j) => (
            <List.Item actions={[<Button key="open" size="small" onClick={() => setCurrent(j.id)}>{t('imports.open')}</Button>]}>
              {`#${j.id} · ${j.fileName} · ${t(`imports.state.${j.state}`)} · ${dayjs(j.createdAt).format('DD/MM/YYYY HH:mm')}`}
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
