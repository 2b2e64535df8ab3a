import { Tag } from 'antd';
import type { AreaType } from '../api/types.ts';
import { useI18n } from '../i18n/useI18n.ts';

const COLORS: Record<AreaType, string> = { urban: 'blue', rural: 'green', special_zone: 'purple' };

export function AreaTypeTag({ areaType }: { areaType: AreaType | null }) {
  const { t } = useI18n();
  if (!areaType) return null;
  return <Tag color={COLORS[areaType]}>{t(`areaType.${areaType}`)}</Tag>;
}
