/**
 * Quyết định và văn bản: the signed decision (number, date, signer) and its documents — the lists
 * attached to the decision (Excel, PDF), the certificate of poor / near-poor household per household
 * (PDF), and the beneficiary lists per policy at a service date (Excel).
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Input, Select, Table, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { DATE_FORMAT, formatDate, toIsoDate, todayIso } from '../format/format.ts';
import { ClassTag } from '../households/ClassTag.tsx';
import { fold } from '../households/codes.ts';
import { reviewsApi, type ListedHouseholdView, type ReviewView } from './api.ts';
import { downloadFile } from './download.ts';

const LISTS = ['all', 'poor', 'near_poor', 'escaped_poor', 'escaped_near_poor'] as const;
const POLICIES = ['health_insurance', 'tuition', 'credit', 'electricity'] as const;

export function OutputsTab({ view }: { view: ReviewView }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const [list, setList] = useState<(typeof LISTS)[number]>('all');
  const [policy, setPolicy] = useState<(typeof POLICIES)[number]>('health_insurance');
  const [serviceDate, setServiceDate] = useState<Dayjs | null>(dayjs());
  const [busy, setBusy] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const r = view.review;
  const decided = r.locked && r.decision !== null;
  const agreed = useApiQuery(decided ? `outputs-households|${r.id}|${r.version}` : null, (signal) => reviewsApi.households(r.id, { stage: 'agreed', pageSize: 1000 }, signal));
  const recognised = useMemo(() => {
    const f = fold(search.trim());
    return (agreed.data?.items ?? []).filter((h) => (h.finalClass === 'poor' || h.finalClass === 'near_poor') && (!f || fold(h.headName).includes(f) || h.code.includes(f)));
  }, [agreed.data, search]);

  const get = async (key: string, url: string, fallback: string) => {
    setBusy(key);
    try {
      const name = await downloadFile(url, fallback, locale);
      message.success(t('outputs.downloaded', { name }));
    } catch (err) {
      message.error(errorMessage(err, i18n));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('outputs.decision')} data-testid="decision-info">
        {r.decision ? (
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'number', label: t('decision.number'), children: <span data-testid="decision-number-shown">{r.decision.number}</span> },
              { key: 'date', label: t('decision.date'), children: formatDate(r.decision.date) },
              { key: 'signer', label: t('decision.signerName'), children: r.decision.signer ?? '' },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('outputs.noDecision')}</Typography.Text>
        )}
      </Card>
      {!decided ? (
        <Alert type="info" showIcon title={t('outputs.afterDecision')} />
      ) : (
        <>
          {can('decision_list.read') && (
            <Card size="small" title={t('outputs.decisionLists')}>
              <Flex gap={8} wrap align="center">
                <Select<(typeof LISTS)[number]> value={list} onChange={setList} style={{ width: 300 }} options={LISTS.map((l) => ({ value: l, label: t(`outputs.list.${l}`) }))} />
                <Button
                  icon={<FileExcelOutlined />}
                  loading={busy === 'xlsx'}
                  onClick={() => void get('xlsx', `/api/reviews/${r.id}/decision-lists.xlsx?list=${list}`, `danh-sach-${r.communeCode}.xlsx`)}
                  data-testid="download-decision-xlsx"
                >
                  {t('outputs.excel')}
                </Button>
                <Button
                  icon={<FilePdfOutlined />}
                  loading={busy === 'pdf'}
                  onClick={() => void get('pdf', `/api/reviews/${r.id}/decision-lists.pdf?list=${list}`, `danh-sach-${r.communeCode}.pdf`)}
                  data-testid="download-decision-pdf"
                >
                  {t('outputs.pdf')}
                </Button>
              </Flex>
            </Card>
          )}
          {can('beneficiary_list.read') && (
            <Card size="small" title={t('outputs.beneficiaries')}>
              <Flex gap={8} wrap align="center">
                <Select<(typeof POLICIES)[number]> value={policy} onChange={setPolicy} style={{ width: 340 }} options={POLICIES.map((p) => ({ value: p, label: t(`outputs.policy.${p}`) }))} data-testid="beneficiary-policy" />
                <span>{t('outputs.serviceDate')}</span>
                <DatePicker format={DATE_FORMAT} value={serviceDate} onChange={setServiceDate} allowClear={false} />
                <Button
                  icon={<FileExcelOutlined />}
                  loading={busy === 'beneficiaries'}
                  onClick={() =>
                    void get('beneficiaries', `/api/beneficiaries.xlsx?policy=${policy}&unit=${r.communeCode}&date=${toIsoDate(serviceDate) ?? todayIso()}`, `${policy}-${r.communeCode}.xlsx`)
                  }
                  data-testid="download-beneficiaries"
                >
                  {t('outputs.excel')}
                </Button>
              </Flex>
            </Card>
          )}
          {can('certificate.issue') && (
            <Card
              size="small"
              title={t('outputs.certificates')}
              extra={<Input.Search allowClear size="small" placeholder={t('hh.searchPlaceholder')} style={{ width: 280 }} onChange={(e) => setSearch(e.target.value)} />}
            >
              {agreed.error != null && <Alert type="error" showIcon title={errorMessage(agreed.error, i18n)} />}
              <Table<ListedHouseholdView>
                data-testid="certificates-table"
                size="small"
                bordered
                rowKey="householdId"
                loading={agreed.loading}
                dataSource={recognised}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: t('hh.col.code'), dataIndex: 'code', width: 130, render: (c: string, h) => <a href={`#/households/${h.householdId}`}>{c}</a> },
                  { title: t('hh.col.head'), dataIndex: 'headName' },
                  { title: t('listing.finalClass'), dataIndex: 'finalClass', width: 160, render: (c: string | null) => <ClassTag value={c} /> },
                  {
                    title: '',
                    key: 'cert',
                    width: 200,
                    render: (_, h) => (
                      <Button
                        size="small"
                        icon={<FilePdfOutlined />}
                        loading={busy === `cert-${h.householdId}`}
                        onClick={() => void get(`cert-${h.householdId}`, `/api/households/${h.householdId}/certificate.pdf?year=${view.campaign.policyYear}`, `giay-chung-nhan-${h.code}.pdf`)}
                        data-testid={`certificate-${h.householdId}`}
                      >
                        {t('outputs.certificate')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
