/**
 * Browsable tree of administrative units for one layout and date. Children load when a node is opened;
 * `reveal` opens the ancestors of a unit (e.g. a search result) and scrolls it into view.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Empty, Spin, Tree } from 'antd';
import type { Layout, Unit } from '../api/types.ts';
import { useUnitChildren, ROOT } from './useUnitChildren.ts';
import { buildUnitNodes } from './buildUnitNodes.tsx';
import { ancestorCodes } from './unitDisplay.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { errorMessage } from '../i18n/errorMessage.ts';

export interface UnitTreeProps {
  layout: Layout;
  asOf: string;
  selectedCode?: string | null;
  onSelect?: (unit: Unit) => void;
  reveal?: Unit | null;
  /** Every unit loaded so far, by code (lets the page name a parent or province). */
  onUnitsLoaded?: (units: ReadonlyMap<string, Unit>) => void;
}

export function UnitTree({ layout, asOf, selectedCode, onSelect, reveal, onUnitsLoaded }: UnitTreeProps) {
  const i18n = useI18n();
  const { children, unitsByCode, ensureChildren, error } = useUnitChildren(layout, asOf);
  const [expanded, setExpanded] = useState<string[]>([]);
  const roots = children.get(ROOT);

  useEffect(() => {
    setExpanded([]);
    ensureChildren(ROOT).catch(() => undefined);
  }, [ensureChildren]);

  useEffect(() => onUnitsLoaded?.(unitsByCode), [unitsByCode, onUnitsLoaded]);

  useEffect(() => {
    if (!reveal || reveal.layout !== layout) return;
    let cancelled = false;
    const chain = ancestorCodes(reveal);
    void (async () => {
      try {
        await ensureChildren(ROOT);
        for (const code of chain) await ensureChildren(code);
      } catch {
        return;
      }
      if (cancelled) return;
      setExpanded((prev) => Array.from(new Set([...prev, ...chain])));
      window.setTimeout(() => {
        document.querySelector(`[data-testid="unit-node-${reveal.code}"]`)?.scrollIntoView({ block: 'center' });
      }, 50);
    })();
    return () => {
      cancelled = true;
    };
  }, [reveal, layout, ensureChildren]);

  const treeData = useMemo(() => (roots ? buildUnitNodes(roots, ROOT, children) : []), [roots, children]);

  if (error && !roots) return <Alert type="error" showIcon title={errorMessage(error, i18n)} />;
  if (!roots) return <Spin style={{ display: 'block', padding: 24 }} description={i18n.t('common.loading')} />;
  if (roots.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={i18n.t('units.treeEmpty')} />;

  return (
    <>
      {error != null && <Alert type="error" showIcon title={errorMessage(error, i18n)} style={{ marginBottom: 8 }} />}
      <Tree
        data-testid="unit-tree"
        aria-label={i18n.t('units.tree')}
        blockNode
        showLine={{ showLeafIcon: false }}
        treeData={treeData}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        loadData={(node) => ensureChildren(String(node.key)).then(() => undefined, () => undefined)}
        selectedKeys={selectedCode ? [selectedCode] : []}
        onSelect={(_keys, info) => {
          const unit = unitsByCode.get(String(info.node.key));
          if (unit) onSelect?.(unit);
        }}
      />
    </>
  );
}
