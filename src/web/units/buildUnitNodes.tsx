/** Tree nodes (for antd Tree and TreeSelect) from the lazily loaded children map. */
import type { Tier, Unit } from '../api/types.ts';
import { UnitNodeTitle } from './UnitNodeTitle.tsx';
import { unitDisplayName, unitHasChildren } from './unitDisplay.ts';

export interface UnitNode {
  key: string;
  value: string;
  title: React.ReactNode;
  label: string;
  isLeaf: boolean;
  selectable: boolean;
  children?: UnitNode[];
}

export function unitNode(unit: Unit, parent: string, selectableTiers: readonly Tier[] | undefined, children?: UnitNode[]): UnitNode {
  return {
    key: unit.code,
    value: unit.code,
    title: <UnitNodeTitle unit={unit} parent={parent} />,
    label: unitDisplayName(unit),
    isLeaf: !unitHasChildren(unit),
    selectable: !selectableTiers || selectableTiers.includes(unit.tier),
    children,
  };
}

/** Nodes for `units` (children of `parent`), descending into every parent whose children are loaded. */
export function buildUnitNodes(
  units: readonly Unit[],
  parent: string,
  childrenOf: ReadonlyMap<string, Unit[]>,
  selectableTiers?: readonly Tier[],
): UnitNode[] {
  return units.map((u) => {
    const loaded = childrenOf.get(u.code);
    return unitNode(u, parent, selectableTiers, loaded ? buildUnitNodes(loaded, u.code, childrenOf, selectableTiers) : undefined);
  });
}
