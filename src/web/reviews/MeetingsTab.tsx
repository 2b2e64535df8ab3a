/**
 * Họp dân: per village, how many listed households are surveyed, agreed and rejected, and its meetings
 * (date, attendance, chair, secretary, minutes file, votes). In the meetings step the officer records a
 * meeting, uploads its minutes (PDF or image) and enters the votes.
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { DownloadOutlined, FormOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate, formatNumber } from '../format/format.ts';
import { reviewsApi, type MeetingView, type ReviewView } from './api.ts';
import { downloadFile } from './download.ts';
import { MeetingModal } from './MeetingModal.tsx';
import { VotesDrawer } from './VotesDrawer.tsx';

type VillageRow = ReviewView['progress']['villages'][number];

export function MeetingsTab({ view, onChanged, nonce }: { view: ReviewView; onChanged: () => void; nonce: number }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const id = view.review.id;
  const meetings = useApiQuery(`meetings|${id}|${nonce}`, (signal) => reviewsApi.meetings(id, signal));
  const [creating, setCreating] = useState<{ village?: string } | null>(null);
  const [voting, setVoting] = useState<MeetingView | null>(null);
  const editable = view.review.state === 'village_meetings' && can('review.record');
  const villageName = (code: string) => view.progress.villages.find((v) => v.villageCode === code)?.villageName ?? (code || t('review.noVillage'));
  const refresh = () => {
    meetings.reload();
    onChanged();
  };

  const upload = async (m: MeetingView, file: File) => {
    try {
      await reviewsApi.uploadMinutes(id, m.villageCode, m.meetingNo, file);
      message.success(t('meeting.minutesUploaded', { name: file.name }));
      refresh();
    } catch (err) {
      message.error(errorMessage(err, i18n));
    }
  };

  return (
    <Flex vertical gap={12}>
      {view.review.state === 'village_meetings' && <Alert type="info" showIcon title={t('meeting.stepHint')} />}
      <Table<VillageRow>
        data-testid="meeting-villages"
        size="small"
        bordered
        rowKey="villageCode"
        pagination={false}
        dataSource={view.progress.villages}
        title={() => <Typography.Text strong>{t('meeting.byVillage')}</Typography.Text>}
        columns={[
          { title: t('hh.col.village'), key: 'name', render: (_, v) => v.villageName ?? (v.villageCode || t('review.noVillage')) },
          { title: t('progress.listed'), dataIndex: 'listed', width: 110, align: 'right', render: formatNumber },
          { title: t('progress.surveyed'), dataIndex: 'surveyed', width: 110, align: 'right', render: formatNumber },
          { title: t('progress.agreed'), dataIndex: 'agreed', width: 130, align: 'right', render: formatNumber },
          { title: t('progress.rejected'), dataIndex: 'rejected', width: 130, align: 'right', render: (n: number) => <span style={{ color: n ? '#cf1322' : undefined }}>{formatNumber(n)}</span> },
          { title: t('meeting.count'), dataIndex: 'meetings', width: 110, align: 'right' },
          ...(editable
            ? [
                {
                  title: '',
                  key: 'act',
                  width: 170,
                  render: (_: unknown, v: VillageRow) =>
                    v.villageCode && v.listed > 0 ? (
                      <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating({ village: v.villageCode })} data-testid={`meeting-create-${v.villageCode}`}>
                        {t('meeting.create')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {meetings.error != null && <Alert type="error" showIcon title={errorMessage(meetings.error, i18n)} />}
      <Table<MeetingView>
        data-testid="meetings-table"
        size="small"
        bordered
        rowKey={(m) => `${m.villageCode}-${m.meetingNo}`}
        loading={meetings.loading}
        pagination={false}
        dataSource={meetings.data?.items ?? []}
        title={() => (
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{t('meeting.records')}</Typography.Text>
            {editable && (
              <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating({})} data-testid="meeting-create">
                {t('meeting.create')}
              </Button>
            )}
          </Flex>
        )}
        locale={{ emptyText: t('meeting.none') }}
        columns={[
          { title: t('hh.col.village'), dataIndex: 'villageCode', render: (v: string) => villageName(v) },
          { title: t('meeting.no'), dataIndex: 'meetingNo', width: 70, align: 'center' },
          { title: t('meeting.heldOn'), dataIndex: 'heldOn', width: 110, render: (d: string) => formatDate(d) },
          { title: t('meeting.attendees'), dataIndex: 'attendees', width: 90, align: 'right' },
          { title: t('meeting.chair'), dataIndex: 'chair', width: 150 },
          { title: t('meeting.secretary'), dataIndex: 'secretary', width: 150 },
          {
            title: t('meeting.votes'),
            key: 'votes',
            width: 150,
            render: (_, m) => {
              const ok = m.votes.filter((v) => v.agreed).length;
              return m.votes.length === 0 ? (
                <Typography.Text type="warning">{t('meeting.noVotes')}</Typography.Text>
              ) : (
                <span data-testid={`meeting-votes-${m.villageCode}-${m.meetingNo}`}>
                  <Tag color="green">{t('meeting.agreedCount', { count: ok })}</Tag>
                  {m.votes.length - ok > 0 && <Tag color="red">{t('meeting.rejectedCount', { count: m.votes.length - ok })}</Tag>}
                </span>
              );
            },
          },
          {
            title: t('meeting.minutes'),
            key: 'minutes',
            width: 200,
            render: (_, m) => (
              <Flex gap={4} align="center">
                {m.minutes ? (
                  <Button
                    size="small"
                    type="link"
                    icon={<DownloadOutlined />}
                    onClick={() => void downloadFile(reviewsApi.minutesUrl(id, m.villageCode, m.meetingNo), m.minutes?.name ?? 'bien-ban', locale).catch((err) => message.error(errorMessage(err, i18n)))}
                    style={{ padding: 0, maxWidth: 148 }}
                  >
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{m.minutes.name ?? t('meeting.minutesFile')}</span>
                  </Button>
                ) : (
                  <Typography.Text type="warning">{t('meeting.noMinutes')}</Typography.Text>
                )}
                {editable && (
                  <Upload
                    accept=".pdf,.jpg,.jpeg,.png,.webp,.tif,.tiff"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void upload(m, file);
                      return false;
                    }}
                  >
                    <Tooltip title={m.minutes ? t('meeting.replaceMinutes') : t('meeting.uploadMinutes')}>
                      <Button size="small" icon={<UploadOutlined />} data-testid={`minutes-upload-${m.villageCode}-${m.meetingNo}`}>
                        {m.minutes ? undefined : t('meeting.uploadMinutes')}
                      </Button>
                    </Tooltip>
                  </Upload>
                )}
              </Flex>
            ),
          },
          {
            title: '',
            key: 'act',
            width: 110,
            render: (_, m) => (
              <Button size="small" icon={<FormOutlined />} onClick={() => setVoting(m)} data-testid={`meeting-votes-open-${m.villageCode}-${m.meetingNo}`}>
                {editable ? t('meeting.enterVotes') : t('meeting.viewVotes')}
              </Button>
            ),
          },
        ]}
      />
      {creating && (
        <MeetingModal
          view={view}
          village={creating.village}
          onClose={() => setCreating(null)}
          onCreated={(m) => {
            setCreating(null);
            refresh();
            setVoting(m);
          }}
        />
      )}
      {voting && (
        <VotesDrawer
          reviewId={id}
          meeting={voting}
          villageName={villageName(voting.villageCode)}
          editable={editable}
          onClose={() => setVoting(null)}
          onSaved={() => {
            setVoting(null);
            refresh();
          }}
        />
      )}
    </Flex>
  );
}
