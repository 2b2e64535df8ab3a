/** The household's class (in a review or on the recognised list) as a coloured tag. */
import { Tag } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';

export type ClassValue = 'poor' | 'near_poor' | 'average' | 'none';

const COLORS: Record<ClassValue, string> = { poor: 'red', near_poor: 'orange', average: 'blue', none: 'default' };

/** Class proposed by the classification (null = not classified yet). */
export function ClassTag({ value, testId }: { value: string | null | undefined; testId?: string }) {
  const { t } = useI18n();
  if (!value) return <Tag data-testid={testId} data-class="unclassified">{t('class.unclassified')}</Tag>;
  const v = value as ClassValue;
  return (
    <Tag color={COLORS[v] ?? 'default'} data-testid={testId} data-class={v}>
      {t(`class.${v}`)}
    </Tag>
  );
}

/** Status on the recognised list in force (null = never decided). */
export function ListStatusTag({ value }: { value: 'poor' | 'near_poor' | 'none' | null | undefined }) {
  const { t } = useI18n();
  if (!value) return <span style={{ color: '#8c8c8c' }}>{t('listStatus.unlisted')}</span>;
  if (value === 'none') return <span>{t('listStatus.none')}</span>;
  return <Tag color={COLORS[value]}>{t(`listStatus.${value}`)}</Tag>;
}
