/**
 * Đợt rà soát: the campaigns in the user's scope. A commune user sees their commune's review in each
 * campaign and opens it; the province sees how many communes are accepted, opens the board, and opens
 * new campaigns. `#/campaigns/reviews/<id>` shows one commune review.
 */
import { useState } from 'react';
import { Alert, Button, Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { formatDate } from '../format/format.ts';
import { navigate, useHashRoute } from '../router/useHashRoute.ts';
import { ReviewPage } from '../reviews/ReviewPage.tsx';
import { ReviewStateTag } from '../reviews/ReviewStateTag.tsx';
import { ReviewSteps } from '../reviews/ReviewSteps.tsx';
import { reviewsApi, type ReviewSummary } from '../reviews/api.ts';
import { campaignsApi, type CampaignView } from './api.ts';
import { OpenCampaignModal } from './OpenCampaignModal.tsx';
import { campaignLabel } from './campaignLabel.ts';

export function CampaignsPage() {
  const path = useHashRoute();
  const m = /^\/campaigns\/reviews\/(\d+)/.exec(path);
  if (m) return <ReviewPage key={m[1]} id={Number(m[1])} />;
  return <CampaignList />;
}

function CampaignList() {
  const i18n = useI18n();
  const { t } = i18n;
  const { user, can } = useSignedIn();
  const commune = user.unitCode?.length === 5 ? user.unitCode : null;
  const [nonce, setNonce] = useState(0);
  const [opening, setOpening] = useState(false);
  const campaigns = useApiQuery(`campaigns|${nonce}`, (signal) => campaignsApi.list({}, signal));
  const reviews = useApiQuery(commune ? `my-reviews|${nonce}` : null, (signal) => reviewsApi.list({}, signal));
  const reviewOf = (c: CampaignView): ReviewSummary | undefined => reviews.data?.items.find((r) => r.campaignId === c.id && r.communeCode === commune);
  const items = campaigns.data?.items ?? [];
  const currentReview = commune ? items.filter((c) => c.status === 'open').map(reviewOf).find((r) => r !== undefined) : undefined;

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {t('campaign.title')}
        </Typography.Title>
        {can('campaign.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="campaign-open">
            {t('campaign.open')}
          </Button>
        )}
      </Flex>
      {campaigns.error != null && <Alert type="error" showIcon title={errorMessage(campaigns.error, i18n)} />}
      {currentReview && (
        <Card
          size="small"
          data-testid="my-review"
          title={t('campaign.myReview', { commune: currentReview.communeName ?? currentReview.communeCode })}
          extra={
            <Button type="primary" icon={<RightOutlined />} onClick={() => navigate(`/campaigns/reviews/${currentReview.id}`)} data-testid="my-review-open">
              {t('campaign.openReview')}
            </Button>
          }
        >
          <ReviewSteps state={currentReview.state} stateChangedAt={currentReview.stateChangedAt} />
        </Card>
      )}
      <Table<CampaignView>
        data-testid="campaigns-table"
        size="small"
        bordered
        rowKey="id"
        loading={campaigns.loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('campaign.none') }}
        columns={[
          { title: t('campaign.col.title'), key: 'title', render: (_, c) => <span title={c.title}>{campaignLabel(c, t)}</span> },
          { title: t('campaign.col.year'), dataIndex: 'year', width: 70, align: 'center' },
          { title: t('campaign.col.kind'), dataIndex: 'kind', width: 100, render: (k: CampaignView['kind'], c) => (k === 'monthly' ? t('campaign.monthN', { month: c.month ?? '' }) : t('campaign.kindShort.periodic')) },
          { title: t('campaign.col.standard'), dataIndex: 'standardId', width: 150, render: (s: string, c) => `${s} (${c.policyYear})` },
          { title: t('campaign.col.plan'), key: 'plan', width: 200, render: (_, c) => `${formatDate(c.planStart)} – ${formatDate(c.planEnd)}` },
          {
            title: t('campaign.col.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: string) => <Tag color={s === 'open' ? 'processing' : 'default'}>{t(`campaign.status.${s as 'open' | 'closed'}`)}</Tag>,
          },
          commune
            ? {
                title: t('campaign.col.myReview'),
                key: 'review',
                width: 330,
                render: (_, c) => {
                  const r = reviewOf(c);
                  return r ? (
                    <Flex gap={8} align="center" justify="space-between">
                      <ReviewStateTag state={r.state} />
                      <Button size="small" onClick={() => navigate(`/campaigns/reviews/${r.id}`)} data-testid={`campaign-review-${c.id}`}>
                        {c.status === 'open' && !r.locked ? t('campaign.openReview') : t('campaign.viewReview')}
                      </Button>
                    </Flex>
                  ) : (
                    t('common.empty')
                  );
                },
              }
            : {
                title: t('campaign.col.accepted'),
                key: 'accepted',
                width: 330,
                render: (_, c) => (
                  <Flex gap={8} align="center">
                    <Progress percent={c.communes ? Math.round((c.accepted * 100) / c.communes) : 0} showInfo={false} size="small" style={{ width: 80, margin: 0 }} />
                    <span style={{ whiteSpace: 'nowrap' }}>{t('campaign.acceptedOf', { accepted: c.accepted, communes: c.communes })}</span>
                    <Button size="small" type="link" onClick={() => navigate(`/board/${c.id}`)} data-testid={`campaign-board-${c.id}`}>
                      {t('campaign.board')}
                    </Button>
                  </Flex>
                ),
              },
        ]}
      />
      {opening && (
        <OpenCampaignModal
          onClose={() => setOpening(false)}
          onOpened={(c) => {
            setOpening(false);
            setNonce((n) => n + 1);
            navigate(`/board/${c.id}`);
          }}
        />
      )}
    </Flex>
  );
}
