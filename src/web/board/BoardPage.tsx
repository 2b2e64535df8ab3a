/**
 * Tiến độ các xã: for a campaign, every commune of the province with its step, days in that step, the
 * due date of the step and household counts; communes behind the plan are highlighted in red. The
 * province officer accepts submitted reviews and reopens (with a reason) from here.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CheckOutlined, ReloadOutlined, RollbackOutlined, WarningFilled } from '@ant-design/icons';
import { REVIEW_STATES } from '../../domain/review/review-states.ts';
import { REVIEW_TRANSITIONS } from '../../domain/review/review-transition-table.ts';
import { ApiError } from '../api/client.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate, formatNumber } from '../format/format.ts';
import { navigate, useHashRoute } from '../router/useHashRoute.ts';
import { campaignsApi, type BoardRow } from '../campaigns/api.ts';
import { reviewsApi, type NextReviewAction, type ReviewState } from '../reviews/api.ts';
import { ReasonModal } from '../reviews/ReasonModal.tsx';
import { ReviewStateTag } from '../reviews/ReviewStateTag.tsx';
import { campaignLabel } from '../campaigns/campaignLabel.ts';
import { problemsOf, type TransitionFailure } from '../reviews/useTransition.ts';

const LATE_BG = '#fff1f0';

export function BoardPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user, can } = useSignedIn();
  const { message, modal } = App.useApp();
  const path = useHashRoute();
  const fromPath = Number(/^\/board\/(\d+)/.exec(path)?.[1] ?? NaN);
  const campaigns = useApiQuery('board-campaigns', (signal) => campaignsApi.list({}, signal));
  const [nonce, setNonce] = useState(0);
  const [reasonFor, setReasonFor] = useState<{ row: BoardRow; action: NextReviewAction } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<TransitionFailure | null>(null);
  const [lateOnly, setLateOnly] = useState(false);

  const list = campaigns.data?.items ?? [];
  const fallback = list.find((c) => c.status === 'open' && c.kind === 'periodic') ?? list[0];
  const campaignId = Number.isInteger(fromPath) ? fromPath : fallback?.id;
  useEffect(() => {
    if (!Number.isInteger(fromPath) && fallback) navigate(`/board/${fallback.id}`);
  }, [fromPath, fallback]);
  const board = useApiQuery(campaignId ? `board|${campaignId}|${nonce}` : null, (signal) => campaignsApi.board(campaignId!, signal));
  const reload = () => setNonce((n) => n + 1);
  // Coming back to the page (menu, link) shows the board as it is now.
  useEffect(() => setNonce((n) => n + 1), [path]);
  const data = board.data;

  const actionsFor = (row: BoardRow): NextReviewAction[] =>
    can('review.transition')
      ? REVIEW_TRANSITIONS[row.state]
          .filter((e) => e.roles.includes(user.role) && (e.action === 'accept' || e.action === 'reopen'))
          .map((e) => ({ action: e.action, labelVi: '', to: e.to, reopenTargets: e.reopenTargets, roles: e.roles, allowedForRole: true, requiresReason: e.requiresReason, blockers: [], blockersEn: [] }))
      : [];

  const run = async (row: BoardRow, action: NextReviewAction, reason?: string, reopenTo?: ReviewState): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await reviewsApi.transition(row.reviewId, { action: action.action, version: row.version, reason, reopenTo });
      message.success(t('review.transitionDone', { action: t(`reviewAction.${action.action}`) }));
      reload();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        message.warning(t('review.conflict'));
        reload();
      }
      setFailure({ title: errorMessage(err, i18n), problems: problemsOf(err) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const start = (row: BoardRow, a: NextReviewAction) => {
    setFailure(null);
    if (a.requiresReason) return setReasonFor({ row, action: a });
    modal.confirm({
      title: t('board.confirm', { action: t(`reviewAction.${a.action}`), commune: row.communeName ?? row.communeCode }),
      okText: t(`reviewAction.${a.action}`),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => run(row, a),
    });
  };

  const rows = (data?.communes ?? []).filter((c) => !lateOnly || c.late);
  const totals = (data?.communes ?? []).reduce(
    (s, c) => ({ listed: s.listed + c.counts.listed, poor: s.poor + c.counts.poor, nearPoor: s.nearPoor + c.counts.nearPoor }),
    { listed: 0, poor: 0, nearPoor: 0 },
  );

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('board.title')}
        </Typography.Title>
        <Select
          style={{ width: 420 }}
          value={campaignId}
          loading={campaigns.loading}
          placeholder={t('board.chooseCampaign')}
          onChange={(id) => navigate(`/board/${id}`)}
          options={list.map((c) => ({ value: c.id, label: `${campaignLabel(c, t)}${c.status === 'closed' ? ` (${t('campaign.status.closed')})` : ''}` }))}
          data-testid="board-campaign"
        />
        <Button icon={<ReloadOutlined />} onClick={reload} loading={board.loading}>
          {t('common.reload')}
        </Button>
      </Flex>
      {campaigns.data && list.length === 0 && <Alert type="info" showIcon title={t('campaign.none')} />}
      {board.error != null && <Alert type="error" showIcon title={errorMessage(board.error, i18n)} />}
      {failure && !reasonFor && <Alert type="error" showIcon closable={{ onClose: () => setFailure(null) }} title={failure.title} description={failure.problems.join('; ') || undefined} data-testid="board-error" />}
      {data && (
        <Card size="small" data-testid="board-summary">
          <Flex gap={28} wrap align="flex-start">
            <Statistic title={t('board.communes')} value={data.communes.length} />
            <Statistic title={t('board.late')} value={data.late} styles={{ content: { color: data.late ? '#cf1322' : undefined } }} />
            <Statistic title={t('progress.listed')} value={totals.listed} formatter={(v) => formatNumber(Number(v))} />
            <Statistic title={t('progress.poor')} value={totals.poor} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: '#cf1322' } }} />
            <Statistic title={t('progress.nearPoor')} value={totals.nearPoor} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: '#d46b08' } }} />
            <div style={{ flex: 1, minWidth: 300 }}>
              <Typography.Text type="secondary">{t('board.byState')}</Typography.Text>
              <Space size={[4, 4]} wrap style={{ display: 'flex', marginTop: 4 }}>
                {REVIEW_STATES.filter((s) => data.byState[s]).map((s) => (
                  <Tag key={s}>
                    {t(`reviewStep.${s}`)}: <b>{data.byState[s]}</b>
                  </Tag>
                ))}
              </Space>
            </div>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('board.planNote', { from: formatDate(data.campaign.planStart), to: formatDate(data.campaign.planEnd), today: formatDate(data.today) })}
          </Typography.Text>
        </Card>
      )}
      <Table<BoardRow>
        data-testid="board-table"
        size="small"
        bordered
        rowKey="reviewId"
        loading={board.loading}
        dataSource={rows}
        pagination={false}
        title={() => (
          <Button size="small" type={lateOnly ? 'primary' : 'default'} danger={lateOnly} icon={<WarningFilled />} onClick={() => setLateOnly((v) => !v)} data-testid="board-late-only">
            {t('board.lateOnly', { count: data?.late ?? 0 })}
          </Button>
        )}
        onRow={(r) => ({ style: r.late ? { background: LATE_BG } : undefined, 'data-late': r.late, 'data-commune': r.communeCode }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('board.col.no'), key: 'no', width: 44, align: 'center', render: (_, _r, i) => i + 1 },
          {
            title: t('board.col.commune'),
            key: 'commune',
            width: 200,
            render: (_, r) => (
              <a href={`#/campaigns/reviews/${r.reviewId}`} style={r.late ? { color: '#cf1322', fontWeight: 500 } : undefined}>
                {r.communeName ?? r.communeCode}
              </a>
            ),
          },
          { title: t('board.col.state'), dataIndex: 'state', width: 150, render: (s: ReviewState) => <ReviewStateTag state={s} short /> },
          {
            title: t('board.col.days'),
            dataIndex: 'daysInState',
            width: 84,
            align: 'right',
            sorter: (a, b) => a.daysInState - b.daysInState,
            render: (d: number, r) => <span style={r.late ? { color: '#cf1322', fontWeight: 600 } : undefined}>{formatNumber(d)}</span>,
          },
          {
            title: t('board.col.due'),
            dataIndex: 'dueDate',
            width: 132,
            render: (d: string | null, r) =>
              r.late ? (
                <span style={{ color: '#cf1322', fontWeight: 600, whiteSpace: 'nowrap' }} title={t('board.lateSince', { date: formatDate(d) })} data-testid={`late-${r.communeCode}`}>
                  <WarningFilled /> {formatDate(d)}
                </span>
              ) : (
                formatDate(d)
              ),
          },
          { title: t('progress.listed'), key: 'listed', width: 84, align: 'right', render: (_, r) => formatNumber(r.counts.listed) },
          { title: t('progress.surveyed'), key: 'surveyed', width: 84, align: 'right', render: (_, r) => formatNumber(r.counts.surveyed) },
          { title: t('progress.agreed'), key: 'agreed', width: 84, align: 'right', render: (_, r) => formatNumber(r.counts.agreed) },
          { title: t('progress.poor'), key: 'poor', width: 76, align: 'right', render: (_, r) => formatNumber(r.counts.poor) },
          { title: t('progress.nearPoor'), key: 'nearPoor', width: 84, align: 'right', render: (_, r) => formatNumber(r.counts.nearPoor) },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 196,
            render: (_, r) => (
              <Flex gap={4}>
                {actionsFor(r).map((a) => (
                  <Button
                    key={a.action}
                    size="small"
                    type={a.action === 'accept' ? 'primary' : 'default'}
                    danger={a.action === 'reopen'}
                    icon={a.action === 'accept' ? <CheckOutlined /> : <RollbackOutlined />}
                    disabled={busy}
                    onClick={() => start(r, a)}
                    data-testid={`board-${a.action}-${r.communeCode}`}
                  >
                    {t(`board.action.${a.action as 'accept' | 'reopen'}`)}
                  </Button>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      {reasonFor && (
        <ReasonModal
          action={reasonFor.action}
          busy={busy}
          failure={failure}
          onCancel={() => setReasonFor(null)}
          onSubmit={(reason, reopenTo) => void run(reasonFor.row, reasonFor.action, reason, reopenTo).then((ok) => ok && setReasonFor(null))}
        />
      )}
    </Flex>
  );
}
