/**
 * One monthly application: what was received and when it must be answered, the records before the
 * answer (survey date, the village meeting's vote with the ≥ 50 % result, posting dates, minutes file),
 * and the next steps with their blockers — ending in the chair's decision or a reasoned refusal.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Spin, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../api/client.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { DATE_FORMAT, formatDate, toIsoDate } from '../format/format.ts';
import { downloadFile } from '../reviews/download.ts';
import { problemsOf } from '../reviews/useTransition.ts';
import { agreedByVote, percent } from '../reviews/votePercent.ts';
import { workingDays, MIN_POSTING_WORKING_DAYS } from '../reviews/PostingTab.tsx';
import { monthlyApi, type ApplicationView, type NextMonthlyAction } from './api.ts';
import { DeadlineTag } from './DeadlineTag.tsx';

interface RecordValues {
  surveyedOn?: Dayjs | null;
  heldOn?: Dayjs | null;
  attendees?: number | null;
  agree?: number | null;
  disagree?: number | null;
  chair?: string;
  secretary?: string;
  posting?: [Dayjs, Dayjs] | null;
}

const RECOGNITIONS = { '01': ['poor', 'near_poor'], '04': ['escaped_poverty', 'escaped_near_poverty'] } as const;

function recordValues(a: ApplicationView): RecordValues {
  return {
    surveyedOn: a.surveyedOn ? dayjs(a.surveyedOn) : null,
    heldOn: a.meeting ? dayjs(a.meeting.heldOn) : null,
    attendees: a.meeting?.attendees ?? null,
    agree: a.meeting?.agree ?? null,
    disagree: a.meeting?.disagree ?? null,
    chair: a.meeting?.chair ?? '',
    secretary: a.meeting?.secretary ?? '',
    posting: a.posting ? [dayjs(a.posting.startDate), dayjs(a.posting.endDate)] : null,
  };
}

export function ApplicationDrawer({ id, onClose, onChanged }: { id: number; onClose: () => void; onChanged: () => void }) {
  const i18n = useI18n();
  const { t, tOr, locale } = i18n;
  const { can, user } = useSignedIn();
  const { message } = App.useApp();
  const [nonce, setNonce] = useState(0);
  const q = useApiQuery(`monthly|${id}|${nonce}`, (signal) => monthlyApi.get(id, signal));
  const [form] = Form.useForm<RecordValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [acting, setActing] = useState<NextMonthlyAction | null>(null);
  const reload = () => {
    setNonce((n) => n + 1);
    onChanged();
  };
  const a = q.data?.application;
  const v = Form.useWatch((values: RecordValues) => values, form);
  useEffect(() => {
    if (a) form.setFieldsValue(recordValues(a));
  }, [a, form]);

  if (!q.data || !a) return <Drawer open size={900} onClose={onClose} title={t('monthly.title')}>{q.error ? <Alert type="error" showIcon title={errorMessage(q.error, i18n)} /> : <Spin />}</Drawer>;
  const open = a.state !== 'decided' && a.state !== 'refused';
  const editable = open && can('monthly.manage') && user.role !== 'commune_chair';
  const kind = a.form;

  const fail = (err: unknown) => {
    setError(err);
    if (err instanceof ApiError && err.code === 'conflict') setNonce((n) => n + 1);
  };

  const save = async (rec: RecordValues) => {
    setBusy(true);
    setError(null);
    try {
      const meeting =
        rec.heldOn && rec.attendees && rec.agree != null && rec.chair?.trim() && rec.secretary?.trim()
          ? { heldOn: toIsoDate(rec.heldOn)!, attendees: rec.attendees, agree: rec.agree, disagree: rec.disagree ?? 0, chair: rec.chair.trim(), secretary: rec.secretary.trim() }
          : null;
      await monthlyApi.record(a.id, {
        version: a.version,
        surveyedOn: toIsoDate(rec.surveyedOn) ?? null,
        meeting,
        posting: rec.posting ? { startDate: toIsoDate(rec.posting[0])!, endDate: toIsoDate(rec.posting[1])! } : null,
      });
      message.success(t('monthly.saved'));
      reload();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const transition = async (action: NextMonthlyAction, extra: Record<string, unknown> = {}) => {
    setBusy(true);
    setError(null);
    try {
      await monthlyApi.transition(a.id, { action: action.action, version: a.version, ...extra });
      message.success(t('review.transitionDone', { action: tOr(`monthly.action.${action.action}`, action.labelVi) }));
      setActing(null);
      reload();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const voteOk = v?.attendees && v.agree != null ? agreedByVote(v.agree, v.attendees) : null;
  const days = v?.posting ? workingDays(toIsoDate(v.posting[0])!, toIsoDate(v.posting[1])!) : null;

  return (
    <Drawer open size={960} onClose={onClose} title={t('monthly.drawerTitle', { code: a.householdCode ?? '', head: a.headName ?? '' })} data-testid="monthly-drawer">
      <Flex vertical gap={12}>
        {error != null && (
          <Alert
            type={error instanceof ApiError && error.code === 'conflict' ? 'warning' : 'error'}
            showIcon
            title={error instanceof ApiError && error.code === 'conflict' ? t('review.conflict') : errorMessage(error, i18n)}
            description={problemsOf(error).length ? problemsOf(error).join('; ') : undefined}
          />
        )}
        <Descriptions
          size="small"
          bordered
          column={2}
          items={[
            { key: 'form', label: t('monthly.form'), children: t(`monthly.form.${kind}`) },
            { key: 'state', label: t('monthly.col.state'), children: <Tag>{tOr(`monthly.state.${a.state}`, a.stateLabel)}</Tag> },
            { key: 'received', label: t('monthly.receivedOn'), children: formatDate(a.receivedOn) },
            { key: 'round', label: t('monthly.roundStart'), children: formatDate(a.roundStart) },
            { key: 'deadline', label: t('monthly.deadline'), children: <DeadlineTag application={a} /> },
            { key: 'requested', label: t('monthly.requested'), children: a.requestedStatus ? t(`monthly.recognition.${a.requestedStatus as 'poor'}`) : t('common.empty') },
            ...(a.decision
              ? [{ key: 'decision', label: t('outputs.decision'), span: 2, children: `${a.decision.number} — ${formatDate(a.decision.date)} — ${a.decision.signer ?? ''}${a.recognition ? ` (${t(`monthly.recognition.${a.recognition as 'poor'}`)})` : ''}` }]
              : []),
            ...(a.refusalReason ? [{ key: 'refusal', label: t('monthly.refusal'), span: 2, children: a.refusalReason }] : []),
          ]}
        />
        <Card size="small" title={t('monthly.records')}>
          <Form<RecordValues> form={form} layout="vertical" size="small" disabled={!editable} onFinish={(vals) => void save(vals)}>
            <Row gutter={12}>
              <Col span={6}>
                <Form.Item name="surveyedOn" label={t('monthly.surveyedOn')}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="posting" label={t('monthly.posting')} extra={days !== null ? t('posting.days', { days, min: MIN_POSTING_WORKING_DAYS }) : undefined}>
                  <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Text strong>{t('monthly.meeting')}</Typography.Text>
            <Row gutter={12} style={{ marginTop: 6 }}>
              <Col span={5}>
                <Form.Item name="heldOn" label={t('meeting.heldOn')}>
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="attendees" label={t('meeting.attendees')}>
                  <InputNumber min={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="agree" label={t('votes.agree')}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name="disagree" label={t('votes.disagree')}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item label={t('votes.result')}>
                  {voteOk === null ? (
                    t('common.empty')
                  ) : (
                    <span>
                      <Tag color={voteOk ? 'green' : 'red'}>{voteOk ? t('votes.agreed') : t('votes.rejected')}</Tag>
                      {percent(v?.agree ?? 0, v?.attendees ?? 0)}
                    </span>
                  )}
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name="chair" label={t('meeting.chair')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="secretary" label={t('meeting.secretary')}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item label={t('meeting.minutes')}>
                  <Flex gap={6} align="center">
                    {a.meeting?.minutesName && (
                      <Button
                        size="small"
                        type="link"
                        icon={<DownloadOutlined />}
                        style={{ padding: 0 }}
                        onClick={() => void downloadFile(monthlyApi.minutesUrl(a.id), a.meeting?.minutesName ?? 'bien-ban', locale).catch((err) => message.error(errorMessage(err, i18n)))}
                      >
                        {a.meeting.minutesName}
                      </Button>
                    )}
                    {editable && (
                      <Upload
                        accept=".pdf,.jpg,.jpeg,.png,.webp,.tif,.tiff"
                        showUploadList={false}
                        beforeUpload={(file) => {
                          void monthlyApi.uploadMinutes(a.id, file).then(
                            () => reload(),
                            (err: unknown) => message.error(errorMessage(err, i18n)),
                          );
                          return false;
                        }}
                      >
                        <Button size="small" icon={<UploadOutlined />}>
                          {t('meeting.uploadMinutes')}
                        </Button>
                      </Upload>
                    )}
                  </Flex>
                </Form.Item>
              </Col>
            </Row>
            {editable && (
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
                {t('common.save')}
              </Button>
            )}
          </Form>
        </Card>
        <Card size="small" title={t('review.nextTitle')}>
          <Flex vertical gap={8}>
            {q.data.nextActions.length === 0 && <Typography.Text type="secondary">{t('review.noActions')}</Typography.Text>}
            {q.data.nextActions.map((n) =>
              n.allowedForRole ? (
                <div key={n.action}>
                  <Button
                    type={n.action === 'refuse' || n.action === 'return_to_review' ? 'default' : 'primary'}
                    danger={n.action === 'refuse'}
                    disabled={n.blockers.length > 0 || busy}
                    onClick={() => (n.action === 'decide' || n.requiresReason ? setActing(n) : void transition(n))}
                  >
                    {tOr(`monthly.action.${n.action}`, n.labelVi)}
                  </Button>
                  {n.blockers.length > 0 && (
                    <ul style={{ margin: '4px 0 0', paddingLeft: 20, color: '#ad6800' }}>
                      {n.blockers.map((b) => (
                        <li key={b}>{b}</li>
                      ))}
                    </ul>
                  )}
                </div>
              ) : (
                <Typography.Text key={n.action} type="secondary">
                  {t('review.otherRole', { action: tOr(`monthly.action.${n.action}`, n.labelVi), roles: n.roles.filter((r) => r !== 'national_admin').map((r) => t(`role.${r}`)).join(', ') })}
                </Typography.Text>
              ),
            )}
          </Flex>
        </Card>
      </Flex>
      {acting && <AnswerModal application={a} action={acting} busy={busy} onCancel={() => setActing(null)} onSubmit={(extra) => void transition(acting, extra)} />}
    </Drawer>
  );
}

interface AnswerValues {
  reason?: string;
  number?: string;
  date?: Dayjs;
  signerName?: string;
  recognition?: string;
  listStatus?: 'none' | 'near_poor';
}

/** The chair's answer: a decision (number, date, signer, what it recognises) or a written refusal. */
function AnswerModal({ application, action, busy, onCancel, onSubmit }: { application: ApplicationView; action: NextMonthlyAction; busy: boolean; onCancel: () => void; onSubmit: (extra: Record<string, unknown>) => void }) {
  const { t, tOr } = useI18n();
  const { user } = useSignedIn();
  const [form] = Form.useForm<AnswerValues>();
  const recognition = Form.useWatch('recognition', form);
  const deciding = action.action === 'decide';
  return (
    <Modal open title={tOr(`monthly.action.${action.action}`, action.labelVi)} okText={tOr(`monthly.action.${action.action}`, action.labelVi)} okButtonProps={{ danger: !deciding }} cancelText={t('common.cancel')} confirmLoading={busy} onCancel={onCancel} onOk={() => form.submit()}>
      <Form<AnswerValues>
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), signerName: user.role === 'commune_chair' ? user.fullName : '', recognition: application.requestedStatus ?? undefined, listStatus: 'none' }}
        onFinish={(v) =>
          onSubmit(
            deciding
              ? {
                  decision: { number: v.number!.trim(), date: toIsoDate(v.date)!, signerName: v.signerName!.trim() },
                  recognition: v.recognition,
                  ...(v.recognition === 'escaped_poverty' ? { listStatus: v.listStatus } : {}),
                }
              : { reason: v.reason!.trim() },
          )
        }
      >
        {deciding ? (
          <>
            <Form.Item name="recognition" label={t('monthly.recognition')} rules={[{ required: true, message: t('monthly.recognitionRequired') }]}>
              <Radio.Group options={RECOGNITIONS[application.form].map((r) => ({ value: r, label: t(`monthly.recognition.${r}`) }))} />
            </Form.Item>
            {recognition === 'escaped_poverty' && (
              <Form.Item name="listStatus" label={t('monthly.afterEscape')}>
                <Select options={[{ value: 'none', label: t('listStatus.none') }, { value: 'near_poor', label: t('listStatus.near_poor') }]} />
              </Form.Item>
            )}
            <Form.Item name="number" label={t('decision.number')} rules={[{ required: true, whitespace: true, message: t('decision.numberRequired') }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="date" label={t('decision.date')} rules={[{ required: true, message: t('decision.dateRequired') }]}>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="signerName" label={t('decision.signerName')} rules={[{ required: true, whitespace: true, message: t('decision.signerRequired') }]}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t('monthly.refusal')} rules={[{ required: true, whitespace: true, min: 5, message: t('review.reasonHint', { min: 5 }) }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
