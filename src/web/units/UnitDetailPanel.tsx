/** Details of one unit as of a date: code, type, tier, area type, validity, predecessors and successors. */
import { Alert, Descriptions, Skeleton, Typography } from 'antd';
import type { Layout, Unit, UnitLink } from '../api/types.ts';
import { unitsApi } from '../api/units.ts';
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import dayjs from 'dayjs';
import { formatDate, ISO_DATE } from '../format/format.ts';
import { unitDisplayName, unitTypeLabel } from './unitDisplay.ts';
import { UnitLinksTable } from './UnitLinksTable.tsx';
import { AreaTypeTag } from './AreaTypeTag.tsx';

export interface UnitDetailPanelProps {
  layout: Layout;
  code: string;
  asOf: string;
  /** Name of an already loaded unit (parent, province), if known. */
  nameOf?: (code: string) => string | undefined;
  onOpenLink: (link: UnitLink, direction: 'predecessor' | 'successor') => void;
}

export function UnitDetailPanel({ layout, code, asOf, nameOf, onOpenLink }: UnitDetailPanelProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const query = useApiQuery(`${layout}|${code}|${asOf}`, (signal) => unitsApi.get(layout, code, asOf, signal));

  if (query.error) return <Alert type="error" showIcon title={errorMessage(query.error, i18n)} />;
  if (!query.data || query.data.unit.code !== code) return <Skeleton active />;
  const { unit, predecessors, successors } = query.data;
  const named = (c: string | null) => (c ? [nameOf?.(c), `(${c})`].filter(Boolean).join(' ') : t('common.empty'));
  // valid_to is exclusive (the first day no longer in force); officers read the last day in force.
  const validity = unit.validTo
    ? t('units.validRange', { from: formatDate(unit.validFrom), to: formatDate(dayjs(unit.validTo).subtract(1, 'day').format(ISO_DATE)) })
    : t('units.validOpen', { from: formatDate(unit.validFrom) });

  return (
    <div data-testid="unit-detail">
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="unit-detail-name">
        {unitDisplayName(unit)}
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 180 } }}
        items={[
          { key: 'code', label: t('units.field.code'), children: <span data-testid="unit-detail-code">{unit.code}</span> },
          { key: 'type', label: t('units.field.type'), children: unitTypeLabel(unit, locale) },
          { key: 'tier', label: t('units.field.tier'), children: t(`tier.${unit.tier}`) },
          { key: 'area', label: t('units.field.areaType'), children: <AreaTypeTag areaType={unit.areaType} resolved={unit.resolvedAreaType} /> },
          ...provinceAndParent(unit, named, t),
          { key: 'layout', label: t('units.field.layout'), children: t(`units.layout.${unit.layout}`) },
          { key: 'validity', label: t('units.field.validity'), children: validity },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('units.predecessors')}
      </Typography.Title>
      <UnitLinksTable testId="unit-predecessors" links={predecessors} onOpen={(l) => onOpenLink(l, 'predecessor')} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('units.successors')}
      </Typography.Title>
      <UnitLinksTable testId="unit-successors" links={successors} onOpen={(l) => onOpenLink(l, 'successor')} />
    </div>
  );
}

function provinceAndParent(unit: Unit, named: (c: string | null) => string, t: ReturnType<typeof useI18n>['t']) {
  if (unit.tier === 'province') return [];
  const rows = [{ key: 'province', label: t('units.field.province'), children: named(unit.provinceCode) }];
  if (unit.parentCode && unit.parentCode !== unit.provinceCode) {
    rows.push({ key: 'parent', label: t('units.field.parent'), children: named(unit.parentCode) });
  }
  return rows;
}
