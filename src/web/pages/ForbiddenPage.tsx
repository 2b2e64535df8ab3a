import { Result } from 'antd';
import { useI18n } from '../i18n/useI18n.ts';

export function ForbiddenPage() {
  const { t } = useI18n();
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.text')} />;
}
