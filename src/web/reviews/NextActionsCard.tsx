/**
 * Bước tiếp theo: every action the server lists for the review's state. Actions of the user's role get a
 * button (disabled while the data block it, with the Vietnamese blockers listed); actions of other roles
 * say who takes them. Plain actions ask for confirmation; reopen/withdraw ask for a reason; signing asks
 * for the decision's number, date and signer.
 */
import { useState } from 'react';
import { App, Button, Card, Flex, Typography } from 'antd';
import { ArrowRightOutlined, CheckCircleOutlined, ExclamationCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import type { NextReviewAction, ReviewState, ReviewView } from './api.ts';
import { DecisionModal } from './DecisionModal.tsx';
import { FailureAlert } from './FailureAlert.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import { useTransition } from './useTransition.ts';

const BACKWARD = new Set(['reopen', 'reopen_listing', 'withdraw_submission', 'return_rejected_to_surveying']);

export function NextActionsCard({ view, onChanged }: { view: ReviewView; onChanged: () => void }) {
  const { t } = useI18n();
  const { can } = useSignedIn();
  const { modal } = App.useApp();
  const { run, busy, failure, clearFailure } = useTransition(view.review.id, onChanged);
  const [reasonFor, setReasonFor] = useState<NextReviewAction | null>(null);
  const [signing, setSigning] = useState(false);
  const mine = view.nextActions.filter((a) => a.allowedForRole && can('review.transition'));
  const others = view.nextActions.filter((a) => !a.allowedForRole);
  const label = (a: NextReviewAction) => t(`reviewAction.${a.action}`);

  const start = (a: NextReviewAction) => {
    clearFailure();
    if (a.action === 'sign_decision') return setSigning(true);
    if (a.requiresReason) return setReasonFor(a);
    modal.confirm({
      title: t('review.confirmTitle', { action: label(a) }),
      content: t('review.confirmText', { to: t(`reviewState.${a.to}`) }),
      okText: label(a),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: () => run({ action: a.action, version: view.review.version }, label(a)),
    });
  };

  return (
    <Card size="small" title={t('review.nextTitle')} data-testid="next-actions">
      <Flex vertical gap={10}>
        {view.nextActions.length === 0 && <Typography.Text type="secondary">{t('review.noActions')}</Typography.Text>}
        {mine.map((a) => {
          const blocked = a.blockers.length > 0;
          const back = BACKWARD.has(a.action);
          return (
            <div key={a.action} data-action={a.action}>
              <Flex align="center" gap={8} wrap>
                <Button
                  type={back ? 'default' : 'primary'}
                  danger={a.action === 'reopen'}
                  icon={back ? <RollbackOutlined /> : <ArrowRightOutlined />}
                  disabled={blocked || busy}
                  loading={busy}
                  onClick={() => start(a)}
                  data-testid={`action-${a.action}`}
                >
                  {label(a)}
                </Button>
                <Typography.Text type="secondary">→ {t(`reviewState.${a.to}` as `reviewState.${ReviewState}`)}</Typography.Text>
                {!blocked && !back && (
                  <Typography.Text type="success">
                    <CheckCircleOutlined /> {t('review.ready')}
                  </Typography.Text>
                )}
              </Flex>
              {blocked && (
                <ul style={{ margin: '6px 0 0', paddingLeft: 20, color: back ? '#8c8c8c' : '#ad6800' }} data-testid={`blockers-${a.action}`}>
                  {a.blockers.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
        {others.map((a) => (
          <Typography.Text key={a.action} type="secondary" data-action-other={a.action}>
            <ExclamationCircleOutlined /> {t('review.otherRole', { action: label(a), roles: a.roles.filter((r) => r !== 'national_admin').map((r) => t(`role.${r}`)).join(', ') })}
          </Typography.Text>
        ))}
        {!reasonFor && !signing && <FailureAlert failure={failure} onClose={clearFailure} />}
      </Flex>
      {reasonFor && (
        <ReasonModal
          action={reasonFor}
          busy={busy}
          failure={failure}
          onCancel={() => setReasonFor(null)}
          onSubmit={(reason, reopenTo) =>
            void run({ action: reasonFor.action, version: view.review.version, reason, reopenTo }, label(reasonFor)).then((ok) => ok && setReasonFor(null))
          }
        />
      )}
      {signing && (
        <DecisionModal
          postingEnd={view.review.posting?.endDate ?? null}
          policyYear={view.campaign.policyYear}
          effectiveDefault={view.listEffectiveFromDefault}
          busy={busy}
          failure={failure}
          onCancel={() => setSigning(false)}
          onSubmit={({ listEffectiveFrom, ...decision }) =>
            void run({ action: 'sign_decision', version: view.review.version, decision, listEffectiveFrom }, t('reviewAction.sign_decision')).then((ok) => ok && setSigning(false))
          }
        />
      )}
    </Card>
  );
}
