/** The step a commune review is at, as a tag coloured by how far along it is. */
import { Tag } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/useI18n.ts';
import type { ReviewState } from './api.ts';

const COLORS: Record<ReviewState, string> = {
  listing: 'default',
  surveying: 'processing',
  village_meetings: 'processing',
  public_posting: 'processing',
  complaints: 'processing',
  decided: 'cyan',
  submitted: 'geekblue',
  accepted: 'success',
};

export function ReviewStateTag({ state, short = false }: { state: ReviewState; short?: boolean }) {
  const { t } = useI18n();
  const locked = state === 'decided' || state === 'submitted' || state === 'accepted';
  return (
    <Tag color={COLORS[state]} icon={locked ? <LockOutlined /> : undefined} data-state={state}>
      {short ? t(`reviewStep.${state}`) : t(`reviewState.${state}`)}
    </Tag>
  );
}
