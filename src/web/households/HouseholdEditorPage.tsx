/**
 * Hồ sơ hộ: one page to create or edit a household — general information, the member editor, living
 * conditions, and the survey of the current review — with the live classification beside it. Fields are
 * checked in the interface language before sending; saving carries the household's `version`, and a
 * 409 conflict says so and offers to load the other officer's version (nothing is overwritten).
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { todayIso } from '../format/format.ts';
import { navigate } from '../router/useHashRoute.ts';
import { householdsApi, type HouseholdDetail } from './api.ts';
import { ClassificationPanel } from './ClassificationPanel.tsx';
import { draftDirty, householdDraft, householdFacts, type HouseholdDraft, type SurveyDraft } from './draft.ts';
import { HouseholdHistoryCard } from './HouseholdHistoryCard.tsx';
import { HouseholdInfoCard } from './HouseholdInfoCard.tsx';
import { LivingConditionsCard } from './LivingConditionsCard.tsx';
import { MemberEditor } from './MemberEditor.tsx';
import { createHousehold, updateHousehold } from './saveHousehold.ts';
import { SurveyCard, FORM_A_CODES } from './SurveyCard.tsx';
import { useClassificationPreview } from './useClassificationPreview.ts';
import { useCurrentReview } from './useCurrentReview.ts';
import { useVillages } from './useVillages.ts';
import { validateDraft } from './validate.ts';

function newDraft(): HouseholdDraft {
  const d = householdDraft(null);
  return { ...d, facts: { informationDevices: [], farmOccupations: [] } };
}

function newSurvey(): SurveyDraft {
  return { surveyedOn: todayIso(), formA: {}, causes: [], needs: [] };
}

export function HouseholdEditorPage({ id }: { id: number | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { user, can } = useSignedIn();
  const { message } = App.useApp();
  const [stored, setStored] = useState<HouseholdDetail | null>(null);
  const [draft, setDraft] = useState<HouseholdDraft>(newDraft);
  const [survey, setSurvey] = useState<SurveyDraft>(newSurvey);
  const [surveyTouched, setSurveyTouched] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [error, setError] = useState<unknown>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [busy, setBusy] = useState<'save' | 'survey' | null>(null);
  const [historyNonce, setHistoryNonce] = useState(0);

  useEffect(() => {
    if (id === null || stored?.id === id) return;
    const ctrl = new AbortController();
    householdsApi.get(id, ctrl.signal).then(
      ({ household }) => {
        setStored(household);
        setDraft(householdDraft(household));
        setLoadError(null);
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) setLoadError(err);
      },
    );
    return () => ctrl.abort();
  }, [id, stored?.id]);

  const ownCommune = user.unitCode && user.unitCode.length === 5 ? user.unitCode : null;
  const communeCode = stored?.communeCode ?? ownCommune;
  const { villages } = useVillages(communeCode);
  const { current } = useCurrentReview(communeCode);
  const history = useApiQuery(stored ? `history|${stored.id}|${historyNonce}` : null, (signal) => householdsApi.history(stored!.id, signal));
  const writable = can('household.write') && (!stored || stored.status === 'active');

  // The survey already recorded in the current review prefills the measures.
  const recorded = useMemo(() => {
    if (!current || !history.data) return null;
    const r = history.data.reviews.find((x) => x.reviewId === current.review.id);
    const s = r?.surveys.find((x) => x.supersededBy === null);
    if (!r || !s) return null;
    const c = r.classifications.find((x) => x.standardId === r.standardId);
    return { survey: s, classLabel: c ? t(`class.${c.class}`) : undefined };
  }, [current, history.data, t]);
  useEffect(() => {
    if (!recorded || surveyTouched) return;
    setSurvey((s) => ({ ...s, income: recorded.survey.income, scoreA: recorded.survey.scoreA }));
  }, [recorded, surveyTouched]);

  const errors = validateDraft(draft, t);
  const shownErrors = showErrors ? errors : Object.fromEntries(Object.entries(errors).filter(([k]) => k.endsWith('.citizenId')));
  const preview = useClassificationPreview(draft, survey, { communeCode, standardId: current?.campaign.standardId, referenceDate: current?.campaign.referenceDate }, stored?.code);
  const dirty = draftDirty(draft, stored);

  const save = async (): Promise<HouseholdDetail | null> => {
    setShowErrors(true);
    if (Object.keys(errors).length > 0) {
      message.error(t('hh.validation.fix'));
      return null;
    }
    setError(null);
    try {
      if (!stored) {
        const h = await createHousehold(draft, communeCode ?? undefined);
        setStored(h);
        setDraft(householdDraft(h));
        return h;
      }
      const r = await updateHousehold({ stored, draft }, (p) => {
        setStored(p.stored);
        setDraft(p.draft);
      });
      setStored(r.stored);
      setDraft(householdDraft(r.stored));
      return r.stored;
    } catch (err) {
      setError(err);
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    const h = await save();
    setBusy(null);
    if (h) {
      message.success(t('hh.saved', { code: h.code }));
      setHistoryNonce((n) => n + 1);
      if (id !== h.id) navigate(`/households/${h.id}`);
    }
  };

  const onRecordSurvey = async () => {
    if (!current) return;
    if (survey.income == null && survey.scoreA == null) {
      message.error(t('survey.measureRequired'));
      return;
    }
    setBusy('survey');
    try {
      const h = !stored || dirty ? await save() : stored;
      if (!h) return;
      const answers = Object.fromEntries(FORM_A_CODES.map((c) => [c, survey.formA[c] === true]));
      const r = await householdsApi.recordSurvey(h.id, {
        reviewId: current.review.id,
        surveyedOn: survey.surveyedOn,
        formA: { answers },
        income: survey.income ?? null,
        scoreA: survey.scoreA ?? null,
        facts: householdFacts(draft),
        causes: survey.causes,
        needs: survey.needs,
      });
      const national = r.classifications.find((c) => c.standardId === current.campaign.standardId) ?? r.classifications[0];
      message.success(t('survey.saved', { class: national ? t(`class.${national.class}`) : '' }));
      setHistoryNonce((n) => n + 1);
      if (id !== h.id) navigate(`/households/${h.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const reloadLatest = async () => {
    if (!stored) return;
    try {
      const { household } = await householdsApi.get(stored.id);
      setStored(household);
      setDraft(householdDraft(household));
      setError(null);
    } catch (err) {
      setError(err);
    }
  };

  if (loadError != null) return <Alert type="error" showIcon title={errorMessage(loadError, i18n)} />;
  if (id !== null && !stored) return <Spin description={t('common.loading')} />;

  const conflict = error instanceof ApiError && error.code === 'conflict';
  const head = draft.members.find((m) => m.relation === 'head');

  return (
    <Flex vertical gap={12} data-testid="household-editor">
      <Flex align="center" gap={12}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/households')}>
          {t('hh.backToList')}
        </Button>
        <Typography.Title level={4} style={{ margin: 0, flex: 1 }}>
          {stored ? t('hh.editTitle', { code: stored.code, head: stored.headName }) : t('hh.createTitle')}
          {stored && stored.status !== 'active' && <Tag style={{ marginLeft: 8 }}>{t(`hhStatus.${stored.status}`)}</Tag>}
        </Typography.Title>
        {dirty && stored && <Typography.Text type="warning">{t('hh.unsaved')}</Typography.Text>}
        {writable && (
          <Button type="primary" icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== null} onClick={() => void onSave()} data-testid="household-save">
            {stored ? t('common.save') : t('hh.createSave')}
          </Button>
        )}
      </Flex>
      {error != null && (
        <Alert
          type={conflict ? 'warning' : 'error'}
          showIcon
          data-testid="household-error"
          title={conflict ? t('hh.conflictTitle') : errorMessage(error, i18n)}
          description={conflict ? t('hh.conflictText') : undefined}
          action={
            conflict ? (
              <Button size="small" onClick={() => void reloadLatest()} data-testid="household-reload">
                {t('users.conflictReload')}
              </Button>
            ) : undefined
          }
        />
      )}
      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
        <Flex vertical gap={12} style={{ flex: 1, minWidth: 0 }}>
          <HouseholdInfoCard draft={draft} stored={stored} villages={villages} disabled={!writable} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
          <MemberEditor members={draft.members} errors={shownErrors} disabled={!writable} onChange={(members) => setDraft((d) => ({ ...d, members }))} />
          <LivingConditionsCard
            draft={draft}
            errors={shownErrors}
            disabled={!writable}
            onHousing={(patch) => setDraft((d) => ({ ...d, housing: { ...d.housing, ...patch } }))}
            onFacts={(patch) => setDraft((d) => ({ ...d, facts: { ...d.facts, ...patch } }))}
          />
          <SurveyCard
            current={current}
            survey={survey}
            busy={busy === 'survey'}
            canRecord={can('survey.write') && writable}
            recorded={recorded ? { surveyedOn: recorded.survey.surveyedOn, classLabel: recorded.classLabel } : null}
            onChange={(patch) => {
              setSurveyTouched(true);
              setSurvey((s) => ({ ...s, ...patch }));
            }}
            onRecord={() => void onRecordSurvey()}
          />
          {stored && <HouseholdHistoryCard history={history.data} loading={history.loading} />}
        </Flex>
        <div style={{ width: 340, flex: 'none', position: 'sticky', top: 12 }}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <ClassificationPanel preview={preview} />
            {head?.fullName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('preview.note')}
              </Typography.Text>
            )}
          </Space>
        </div>
      </div>
    </Flex>
  );
}
