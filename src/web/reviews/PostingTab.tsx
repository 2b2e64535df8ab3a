/**
 * Niêm yết công khai: the first and last day the results are posted at the commune office and village
 * houses, with the working days between them (both ends counted, Vietnamese holidays excluded) against
 * the minimum of 3; the posting step can close only once the last day has passed.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { createVietnamWorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { countWorkingDaysInclusive } from '../../domain/calendar/working-days.ts';
import { useSignedIn } from '../auth/useSession.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { DATE_FORMAT, formatDate, toIsoDate } from '../format/format.ts';
import { reviewsApi, type ReviewView } from './api.ts';

export const MIN_POSTING_WORKING_DAYS = 3;
const calendar = createVietnamWorkingCalendar();

export function workingDays(start: string, end: string): number | null {
  try {
    return countWorkingDaysInclusive(calendar, start, end);
  } catch {
    return null;
  }
}

export function PostingTab({ view, onChanged }: { view: ReviewView; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useSignedIn();
  const { message } = App.useApp();
  const posting = view.review.posting;
  const [start, setStart] = useState<Dayjs | null>(posting ? dayjs(posting.startDate) : null);
  const [end, setEnd] = useState<Dayjs | null>(posting ? dayjs(posting.endDate) : null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editable = view.review.state === 'public_posting' && can('review.record');

  useEffect(() => {
    setStart(posting ? dayjs(posting.startDate) : null);
    setEnd(posting ? dayjs(posting.endDate) : null);
  }, [posting]);

  const s = toIsoDate(start);
  const e = toIsoDate(end);
  const days = s && e ? workingDays(s, e) : null;
  const order = s && e && e < s;
  const short = days !== null && days < MIN_POSTING_WORKING_DAYS;
  const running = e ? dayjs().isBefore(dayjs(e), 'day') : false;

  const save = async () => {
    if (!s || !e) return;
    setBusy(true);
    setError(null);
    try {
      await reviewsApi.setPosting(view.review.id, s, e);
      message.success(t('posting.saved'));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('posting.title')} data-testid="posting-card">
      <Flex vertical gap={12}>
        {view.review.state === 'public_posting' && <Alert type="info" showIcon title={t('posting.hint', { min: MIN_POSTING_WORKING_DAYS })} />}
        {error != null && <Alert type="error" showIcon title={errorMessage(error, i18n)} />}
        <Flex gap={16} align="flex-end" wrap>
          <div>
            <Typography.Text>{t('posting.start')}</Typography.Text>
            <br />
            <DatePicker format={DATE_FORMAT} value={start} onChange={setStart} disabled={!editable} data-testid="posting-start" />
          </div>
          <div>
            <Typography.Text>{t('posting.end')}</Typography.Text>
            <br />
            <DatePicker format={DATE_FORMAT} value={end} onChange={setEnd} disabled={!editable} data-testid="posting-end" />
          </div>
          {editable && (
            <Button type="primary" icon={<SaveOutlined />} loading={busy} disabled={!s || !e || !!order} onClick={() => void save()} data-testid="posting-save">
              {t('posting.save')}
            </Button>
          )}
        </Flex>
        <Descriptions
          size="small"
          bordered
          column={2}
          items={[
            {
              key: 'days',
              label: t('posting.workingDays'),
              children: (
                <span data-testid="posting-working-days" style={{ color: short || order ? '#cf1322' : undefined, fontWeight: 500 }}>
                  {order ? t('posting.order') : days === null ? t('common.empty') : t('posting.days', { days, min: MIN_POSTING_WORKING_DAYS })}
                </span>
              ),
            },
            {
              key: 'state',
              label: t('posting.status'),
              children: !s || !e ? t('posting.notSet') : running ? t('posting.running', { date: formatDate(e) }) : t('posting.ended', { date: formatDate(e) }),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
