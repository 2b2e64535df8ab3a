import { Tag } from 'antd';
import type { AreaType } from '../api/types.ts';
import { useI18n } from '../i18n/useI18n.ts';

const COLORS: Record<AreaType, string> = { urban: 'blue', rural: 'green', special_zone: 'purple' };

/** Thành thị / nông thôn / đặc khu; a special zone also shows the class it is counted as. */
export function AreaTypeTag({ areaType, resolved }: { areaType: AreaType | null; resolved?: 'urban' | 'rural' | null }) {
  const { t } = useI18n();
  if (!areaType) return null;
  return (
    <>
      <Tag color={COLORS[areaType]}>{t(`areaType.${areaType}`)}</Tag>
      {areaType === 'special_zone' && resolved && <span>{t('units.countedAs', { areaType: t(`areaType.${resolved}`).toLocaleLowerCase() })}</span>}
    </>
  );
}
