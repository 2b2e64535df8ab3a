/**
 * Form field for choosing an administrative unit: a lazily loaded tree with server-side search.
 * Works as an antd Form.Item child (value / onChange with the unit code). Later screens (household
 * forms, reports) restrict it with `selectableTiers` (e.g. only communes) and `rootCode` (e.g. only the
 * officer's own province).
 */
import { useEffect, useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import type { Layout, Tier, Unit } from '../api/types.ts';
import { unitsApi } from '../api/units.ts';
import { useUnitChildren, ROOT } from './useUnitChildren.ts';
import { useUnitSearch } from './useUnitSearch.ts';
import { buildUnitNodes, unitNode, type UnitNode } from './buildUnitNodes.tsx';
import { defaultAsOf, unitDisplayName } from './unitDisplay.ts';
import { useI18n } from '../i18n/useI18n.ts';

export interface UnitPickerProps {
  value?: string | null;
  onChange?: (code: string | null, unit?: Unit) => void;
  layout?: Layout;
  /** Date the units must be in force on (YYYY-MM-DD); defaults to today for 2025, 30/06/2025 for 2024. */
  asOf?: string;
  /** Tiers that may be chosen; others can only be opened. All tiers when absent. */
  selectableTiers?: readonly Tier[];
  /** Offer only this unit and what lies under it. */
  rootCode?: string | null;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  status?: 'error' | 'warning';
  style?: React.CSSProperties;
  'data-testid'?: string;
}

function insideRoot(unit: Unit, root: Unit | null): boolean {
  if (!root) return true;
  if (root.tier === 'province') return unit.provinceCode === root.code;
  return unit.code === root.code || unit.parentCode === root.code;
}

export function UnitPicker(props: UnitPickerProps) {
  const { value, onChange, layout = '2025', rootCode, selectableTiers } = props;
  const asOf = props.asOf ?? defaultAsOf(layout);
  const { t } = useI18n();
  const { children, unitsByCode, ensureChildren } = useUnitChildren(layout, asOf);
  const [root, setRoot] = useState<Unit | null>(null);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Unit | null>(null);
  const search = useUnitSearch(layout, asOf, text);

  useEffect(() => {
    if (rootCode) {
      const ctrl = new AbortController();
      unitsApi.get(layout, rootCode, asOf, ctrl.signal).then((d) => setRoot(d.unit), () => setRoot(null));
      return () => ctrl.abort();
    }
    setRoot(null);
    ensureChildren(ROOT).catch(() => undefined);
    return undefined;
  }, [rootCode, layout, asOf, ensureChildren]);

  // Label for a value set from outside (editing a saved record) before its branch of the tree is loaded.
  useEffect(() => {
    if (!value) return;
    if (chosen?.code === value) return;
    const known = unitsByCode.get(value) ?? search.items.find((u) => u.code === value);
    if (known) {
      setChosen(known);
      return;
    }
    const ctrl = new AbortController();
    unitsApi.get(layout, value, asOf, ctrl.signal).then((d) => setChosen(d.unit), () => undefined);
    return () => ctrl.abort();
  }, [value, chosen, unitsByCode, search.items, layout, asOf]);

  const treeData = useMemo<UnitNode[]>(() => {
    if (search.active) {
      return search.items.filter((u) => insideRoot(u, root)).map((u) => ({ ...unitNode(u, u.parentCode ?? ROOT, selectableTiers), isLeaf: true }));
    }
    if (rootCode) {
      if (!root) return [];
      const loaded = children.get(root.code);
      return [unitNode(root, ROOT, selectableTiers, loaded ? buildUnitNodes(loaded, root.code, children, selectableTiers) : undefined)];
    }
    return buildUnitNodes(children.get(ROOT) ?? [], ROOT, children, selectableTiers);
  }, [search.active, search.items, root, rootCode, children, selectableTiers]);

  const labelled = value ? { value, label: chosen?.code === value ? unitDisplayName(chosen) : value } : undefined;

  return (
    <TreeSelect<{ value: string; label: React.ReactNode } | undefined>
      id={props.id}
      data-testid={props['data-testid']}
      style={{ width: '100%', ...props.style }}
      status={props.status}
      disabled={props.disabled}
      allowClear={props.allowClear ?? true}
      placeholder={props.placeholder ?? t('units.pickerPlaceholder')}
      labelInValue
      value={labelled}
      treeData={treeData}
      treeNodeLabelProp="label"
      loadData={(node) => ensureChildren(String(node.value)).then(() => undefined, () => undefined)}
      showSearch={{ searchValue: text, onSearch: setText, filterTreeNode: false, autoClearSearchValue: true }}
      notFoundContent={search.active ? (search.loading ? t('common.loading') : t('units.noResults')) : undefined}
      listHeight={320}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 360 } } }}
      onChange={(v) => {
        if (!v) {
          setChosen(null);
          onChange?.(null);
          return;
        }
        const unit = unitsByCode.get(v.value) ?? search.items.find((u) => u.code === v.value) ?? (root?.code === v.value ? root : undefined);
        if (unit) setChosen(unit);
        setText('');
        onChange?.(v.value, unit);
      }}
    />
  );
}
