/**
 * Đơn vị hành chính: pick a layout and an "as of" date, browse the tree or search, read one unit's
 * details, and follow its predecessors and successors across the 2025 reorganisation.
 */
import { useCallback, useState } from 'react';
import { App, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import type { Layout, Unit, UnitLink } from '../api/types.ts';
import { unitsApi } from '../api/units.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';
import { UnitLayoutSelector } from './UnitLayoutSelector.tsx';
import { AsOfDatePicker } from './AsOfDatePicker.tsx';
import { UnitSearch } from './UnitSearch.tsx';
import { UnitTree } from './UnitTree.tsx';
import { UnitDetailPanel } from './UnitDetailPanel.tsx';
import { defaultAsOf, unitDisplayName } from './unitDisplay.ts';
import dayjs from 'dayjs';
import { ISO_DATE } from '../format/format.ts';

export function UnitsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [layout, setLayout] = useState<Layout>('2025');
  const [asOf, setAsOf] = useState(() => defaultAsOf('2025'));
  const [selected, setSelected] = useState<string | null>(null);
  const [reveal, setReveal] = useState<Unit | null>(null);
  const [loadedUnits, setLoadedUnits] = useState<ReadonlyMap<string, Unit>>(new Map());

  const nameOf = useCallback(
    (code: string) => {
      const u = loadedUnits.get(code);
      return u ? unitDisplayName(u) : undefined;
    },
    [loadedUnits],
  );

  const changeLayout = (next: Layout) => {
    setLayout(next);
    setAsOf(defaultAsOf(next));
    setSelected(null);
    setReveal(null);
  };

  const pick = (unit: Unit) => {
    setSelected(unit.code);
    setReveal(unit);
  };

  /** A predecessor is shown on the day before the change, a successor on the day it took effect. */
  const openLink = async (link: UnitLink, direction: 'predecessor' | 'successor') => {
    const date = direction === 'predecessor' ? dayjs(link.effectiveDate).subtract(1, 'day').format(ISO_DATE) : link.effectiveDate;
    try {
      const { unit } = await unitsApi.get(link.layout, link.code, date);
      setLayout(link.layout);
      setAsOf(date);
      pick(unit);
    } catch (err) {
      message.error(errorMessage(err, i18n));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.units')}
      </Typography.Title>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <UnitLayoutSelector value={layout} onChange={changeLayout} />
          <Flex gap={6} align="center">
            <Typography.Text>{t('units.asOf')}:</Typography.Text>
            <AsOfDatePicker value={asOf} onChange={setAsOf} ariaLabel={t('units.asOf')} />
          </Flex>
          <UnitSearch layout={layout} asOf={asOf} onPick={pick} provinceName={nameOf} style={{ flex: '1 1 280px', minWidth: 240 }} />
        </Flex>
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('units.tree')} styles={{ body: { maxHeight: 'calc(100vh - 250px)', minHeight: 320, overflow: 'auto' } }}>
            <UnitTree
              key={`${layout}|${asOf}`}
              layout={layout}
              asOf={asOf}
              selectedCode={selected}
              onSelect={(u) => setSelected(u.code)}
              reveal={reveal}
              onUnitsLoaded={setLoadedUnits}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('units.detail')}>
            {selected ? (
              <UnitDetailPanel layout={layout} code={selected} asOf={asOf} nameOf={nameOf} onOpenLink={(l, d) => void openLink(l, d)} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.noSelection')} />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
