/**
 * Biểu quyết: for one village meeting, agree / disagree counts per household of the village with the
 * ≥ 50 % of attendees result shown as it is typed. Only surveyed households can be voted on.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate } from '../format/format.ts';
import { ClassTag } from '../households/ClassTag.tsx';
import { reviewsApi, type ListedHouseholdView, type MeetingView } from './api.ts';
import { AGREEMENT_THRESHOLD, agreedByVote, percent } from './votePercent.ts';

type Entry = { agree: number | null; disagree: number | null };

export function VotesDrawer({ reviewId, meeting, villageName, editable, onClose, onSaved }: { reviewId: number; meeting: MeetingView; villageName: string; editable: boolean; onClose: () => void; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const q = useApiQuery(`votes|${reviewId}|${meeting.villageCode}`, (signal) => reviewsApi.households(reviewId, { village: meeting.villageCode, pageSize: 1000 }, signal));
  const [entries, setEntries] = useState<Record<number, Entry>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const n = meeting.attendees;

  useEffect(() => {
    setEntries(Object.fromEntries(meeting.votes.map((v) => [v.householdId, { agree: v.agree, disagree: v.disagree }])));
  }, [meeting]);

  const households = useMemo(() => q.data?.items ?? [], [q.data]);
  const votable = households.filter((h) => h.surveyed);
  const invalid = (e: Entry | undefined) => e != null && e.agree != null && (e.agree + (e.disagree ?? 0) > n);
  const set = (id: number, patch: Partial<Entry>) => setEntries((all) => ({ ...all, [id]: { ...(all[id] ?? { agree: null, disagree: null }), ...patch } }));

  const allAgree = () => setEntries((all) => ({ ...all, ...Object.fromEntries(votable.map((h) => [h.householdId, all[h.householdId]?.agree != null ? all[h.householdId] : { agree: n, disagree: 0 }])) }));

  const save = async () => {
    const votes = votable
      .map((h) => ({ householdId: h.householdId, e: entries[h.householdId] }))
      .filter((x) => x.e?.agree != null)
      .map((x) => ({ householdId: x.householdId, agree: x.e!.agree!, disagree: x.e!.disagree ?? 0 }));
    if (votes.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await reviewsApi.recordVotes(reviewId, meeting.villageCode, meeting.meetingNo, votes);
      message.success(t('votes.saved', { count: votes.length }));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const anyInvalid = votable.some((h) => invalid(entries[h.householdId]));
  const counted = votable.filter((h) => entries[h.householdId]?.agree != null);
  const agreed = counted.filter((h) => agreedByVote(entries[h.householdId]!.agree!, n)).length;

  return (
    <Drawer
      open
      size={980}
      title={t('votes.title', { village: villageName, no: meeting.meetingNo, date: formatDate(meeting.heldOn) })}
      onClose={onClose}
      data-testid="votes-drawer"
      footer={
        editable && (
          <Flex justify="space-between" align="center">
            <Typography.Text type="secondary">
              {t('votes.summary', { voted: counted.length, total: votable.length, agreed, rejected: counted.length - agreed })}
            </Typography.Text>
            <Flex gap={8}>
              <Button onClick={onClose}>{t('common.close')}</Button>
              <Button type="primary" loading={busy} disabled={anyInvalid || counted.length === 0} onClick={() => void save()} data-testid="votes-save">
                {t('votes.save')}
              </Button>
            </Flex>
          </Flex>
        )
      }
    >
      <Flex vertical gap={8}>
        <Alert type="info" showIcon title={t('votes.rule', { attendees: n, threshold: AGREEMENT_THRESHOLD, needed: Math.ceil((AGREEMENT_THRESHOLD * n) / 100) })} />
        {error != null && <Alert type="error" showIcon title={errorMessage(error, i18n)} />}
        {editable && (
          <Flex gap={8}>
            <Button icon={<CheckSquareOutlined />} onClick={allAgree} data-testid="votes-all-agree">
              {t('votes.allAgree', { attendees: n })}
            </Button>
          </Flex>
        )}
        <Table<ListedHouseholdView>
          data-testid="votes-table"
          size="small"
          bordered
          rowKey="householdId"
          loading={q.loading}
          pagination={false}
          dataSource={households}
          columns={[
            { title: t('hh.col.code'), dataIndex: 'code', width: 120 },
            { title: t('hh.col.head'), dataIndex: 'headName' },
            { title: t('listing.class'), dataIndex: 'class', width: 150, render: (c: string | null) => <ClassTag value={c} /> },
            {
              title: t('votes.agree'),
              key: 'agree',
              width: 110,
              render: (_, h) => (
                <InputNumber
                  size="small"
                  min={0}
                  max={n}
                  disabled={!editable || !h.surveyed}
                  status={invalid(entries[h.householdId]) ? 'error' : undefined}
                  value={entries[h.householdId]?.agree ?? null}
                  onChange={(v) => set(h.householdId, { agree: v })}
                  data-testid={`vote-agree-${h.householdId}`}
                />
              ),
            },
            {
              title: t('votes.disagree'),
              key: 'disagree',
              width: 110,
              render: (_, h) => (
                <InputNumber
                  size="small"
                  min={0}
                  max={n}
                  disabled={!editable || !h.surveyed}
                  status={invalid(entries[h.householdId]) ? 'error' : undefined}
                  value={entries[h.householdId]?.disagree ?? null}
                  onChange={(v) => set(h.householdId, { disagree: v })}
                  data-testid={`vote-disagree-${h.householdId}`}
                />
              ),
            },
            {
              title: t('votes.result'),
              key: 'result',
              width: 170,
              render: (_, h) => {
                if (!h.surveyed) return <Typography.Text type="warning">{t('listing.notSurveyed')}</Typography.Text>;
                const e = entries[h.householdId];
                if (e?.agree == null) return t('common.empty');
                if (invalid(e)) return <Typography.Text type="danger">{t('votes.tooMany', { attendees: n })}</Typography.Text>;
                const ok = agreedByVote(e.agree, n);
                return (
                  <span data-testid={`vote-result-${h.householdId}`} data-agreed={ok}>
                    <Tag color={ok ? 'green' : 'red'}>{ok ? t('votes.agreed') : t('votes.rejected')}</Tag>
                    {percent(e.agree, n)}
                  </span>
                );
              },
            },
          ]}
        />
      </Flex>
    </Drawer>
  );
}
