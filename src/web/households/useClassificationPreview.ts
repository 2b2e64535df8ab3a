/**
 * Live classification of the form as it is typed: the engine's input is rebuilt from the draft, and
 * once it has stopped changing for 400 ms it is sent to POST /api/classify/preview (stores nothing)
 * with the campaign's standard and reference date and the commune's area type.
 */
import { useMemo } from 'react';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useDebouncedValue } from '../hooks/useDebouncedValue.ts';
import { householdsApi, type PreviewResult } from './api.ts';
import { previewHousehold, type HouseholdDraft, type SurveyDraft } from './draft.ts';

export interface PreviewTarget {
  communeCode: string | null | undefined;
  standardId?: string;
  referenceDate?: string;
}

export interface PreviewState {
  result: PreviewResult | undefined;
  error: unknown;
  loading: boolean;
  /** No income and no score A yet: nothing to classify. */
  noMeasure: boolean;
}

export function useClassificationPreview(draft: HouseholdDraft, survey: SurveyDraft, target: PreviewTarget, code?: string): PreviewState {
  const noMeasure = survey.income == null && survey.scoreA == null;
  const body = useMemo(() => {
    if (!target.communeCode || noMeasure) return null;
    return JSON.stringify({
      ...(target.standardId ? { standardId: target.standardId } : { year: new Date().getFullYear() }),
      ...(target.referenceDate ? { referenceDate: target.referenceDate } : {}),
      communeCode: target.communeCode,
      household: previewHousehold(draft, survey, code),
    });
  }, [draft, survey, target.communeCode, target.standardId, target.referenceDate, code, noMeasure]);
  const settled = useDebouncedValue(body, 400);
  const q = useApiQuery(settled, (signal) => householdsApi.preview(JSON.parse(settled as string), signal));
  return { result: settled ? q.data?.result : undefined, error: settled ? q.error : null, loading: q.loading || body !== settled, noMeasure };
}
