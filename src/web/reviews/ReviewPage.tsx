/**
 * Rà soát của xã: one commune's review in a campaign — where it stands (steps), progress counts, what
 * the user's role may do next with the Vietnamese blockers, and the records of each step in tabs
 * (households, village meetings, posting, complaints, decision and documents, log).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Spin, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate } from '../format/format.ts';
import { navigate } from '../router/useHashRoute.ts';
import { reviewsApi, type ReviewState } from './api.ts';
import { campaignsApi } from '../campaigns/api.ts';
import { campaignLabel } from '../campaigns/campaignLabel.ts';
import { ComplaintsTab } from './ComplaintsTab.tsx';
import { EventsTab } from './EventsTab.tsx';
import { ListedHouseholdsTab } from './ListedHouseholdsTab.tsx';
import { MeetingsTab } from './MeetingsTab.tsx';
import { NextActionsCard } from './NextActionsCard.tsx';
import { OutputsTab } from './OutputsTab.tsx';
import { PostingTab } from './PostingTab.tsx';
import { ReviewProgress } from './ReviewProgress.tsx';
import { ReviewStateTag } from './ReviewStateTag.tsx';
import { ReviewSteps } from './ReviewSteps.tsx';

const TAB_OF_STATE: Record<ReviewState, string> = {
  listing: 'households',
  surveying: 'households',
  village_meetings: 'meetings',
  public_posting: 'posting',
  complaints: 'complaints',
  decided: 'outputs',
  submitted: 'outputs',
  accepted: 'outputs',
};

export function ReviewPage({ id }: { id: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [nonce, setNonce] = useState(0);
  const q = useApiQuery(`review|${id}|${nonce}`, (signal) => reviewsApi.get(id, signal));
  const [tab, setTab] = useState<string | null>(null);
  const state = q.data?.review.state;
  useEffect(() => {
    if (state) setTab(TAB_OF_STATE[state]);
  }, [state]);
  const reload = () => setNonce((n) => n + 1);
  const campaignId = q.data?.campaign.id;
  const campaign = useApiQuery(campaignId ? `campaign|${campaignId}` : null, (signal) => campaignsApi.get(campaignId!, signal));

  if (q.error != null && !q.data) return <Alert type="error" showIcon title={errorMessage(q.error, i18n)} />;
  if (!q.data) return <Spin description={t('common.loading')} />;
  const view = q.data;
  const r = view.review;

  return (
    <Flex vertical gap={12} data-testid="review-page" data-state={r.state} data-version={r.version}>
      <Flex align="center" gap={12} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/campaigns')}>
          {t('review.back')}
        </Button>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('review.title', { commune: r.communeName ?? r.communeCode })} <ReviewStateTag state={r.state} />
          </Typography.Title>
          <Typography.Text type="secondary">
            {campaign.data ? campaignLabel(campaign.data.campaign, t) : view.campaign.title} · {view.campaign.standardId} · {t('review.plan', { from: formatDate(view.campaign.planStart), to: formatDate(view.campaign.planEnd) })} · {t('review.policyYear', { year: view.campaign.policyYear })}
          </Typography.Text>
        </div>
        <Button icon={<ReloadOutlined />} onClick={reload} loading={q.loading}>
          {t('common.reload')}
        </Button>
      </Flex>
      {view.campaign.status === 'closed' && <Alert type="warning" showIcon title={t('review.campaignClosed')} />}
      <Card size="small">
        <ReviewSteps state={r.state} stateChangedAt={r.stateChangedAt} />
      </Card>
      <ReviewProgress view={view} />
      <NextActionsCard view={view} onChanged={reload} />
      <Card size="small">
        <Tabs
          activeKey={tab ?? TAB_OF_STATE[r.state]}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'households', label: t('review.tab.households'), children: <ListedHouseholdsTab view={view} onChanged={reload} nonce={nonce} /> },
            { key: 'meetings', label: t('review.tab.meetings'), children: <MeetingsTab view={view} onChanged={reload} nonce={nonce} /> },
            { key: 'posting', label: t('review.tab.posting'), children: <PostingTab view={view} onChanged={reload} /> },
            {
              key: 'complaints',
              label: view.complaints.unresolved ? t('review.tab.complaintsOpen', { count: view.complaints.unresolved }) : t('review.tab.complaints'),
              children: <ComplaintsTab view={view} onChanged={reload} nonce={nonce} />,
            },
            { key: 'outputs', label: t('review.tab.outputs'), children: <OutputsTab view={view} /> },
            { key: 'events', label: t('review.tab.events'), children: <EventsTab view={view} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
