/**
 * Runs a review transition with the review's `version`. A 409 conflict (someone moved the review
 * meanwhile) or a refusal reloads the review so the screen shows what the server now allows; data
 * guards come back as a list of Vietnamese problems.
 */
import { useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { reviewsApi, type TransitionRequest } from './api.ts';

export interface TransitionFailure {
  title: string;
  problems: string[];
}

export function problemsOf(err: unknown): string[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return (err.details as unknown[]).flatMap((d) => (d && typeof d === 'object' && typeof (d as { message?: unknown }).message === 'string' ? [(d as { message: string }).message] : []));
}

export function useTransition(reviewId: number, onDone: () => void) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<TransitionFailure | null>(null);

  const run = async (body: TransitionRequest, label: string): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await reviewsApi.transition(reviewId, body);
      message.success(t('review.transitionDone', { action: label }));
      onDone();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'conflict') {
        message.warning(t('review.conflict'));
        setFailure({ title: t('review.conflict'), problems: [] });
        onDone();
      } else {
        setFailure({ title: errorMessage(err, i18n), problems: problemsOf(err) });
        if (err instanceof ApiError && (err.status === 409 || err.status === 422)) onDone();
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { run, busy, failure, clearFailure: () => setFailure(null) };
}
