/**
 * The commune's review in the newest open periodic campaign (the one surveys are recorded for), with
 * its campaign (standard, reference date). Null while loading or when there is none.
 */
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { campaignsApi, type CampaignView } from '../campaigns/api.ts';
import { reviewsApi, type ReviewSummary } from '../reviews/api.ts';

export interface CurrentReview {
  review: ReviewSummary;
  campaign: CampaignView;
}

export function useCurrentReview(communeCode: string | null | undefined): { current: CurrentReview | null; loading: boolean; reload: () => void } {
  const q = useApiQuery(communeCode ? `current-review|${communeCode}` : null, async (signal) => {
    const { items } = await campaignsApi.list({ status: 'open' }, signal);
    const campaigns = items.toSorted((a, b) => (a.kind === b.kind ? b.year - a.year || b.id - a.id : a.kind === 'periodic' ? -1 : 1));
    for (const campaign of campaigns) {
      const reviews = await reviewsApi.list({ campaignId: campaign.id }, signal);
      const review = reviews.items.find((r) => r.communeCode === communeCode);
      if (review) return { review, campaign };
    }
    return null;
  });
  return { current: q.data ?? null, loading: q.loading, reload: q.reload };
}
