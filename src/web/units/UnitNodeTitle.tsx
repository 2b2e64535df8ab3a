/** One unit in a tree: its name and code, with test ids the browser tests click on. */
import { Typography } from 'antd';
import type { Unit } from '../api/types.ts';
import { unitDisplayName } from './unitDisplay.ts';

export function UnitNodeTitle({ unit, parent }: { unit: Unit; parent: string }) {
  return (
    <span data-testid={`unit-node-${unit.code}`} data-unit-code={unit.code} data-parent-code={parent} data-tier={unit.tier}>
      <span className="unit-node-name">{unitDisplayName(unit)}</span>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {unit.code}
      </Typography.Text>
    </span>
  );
}
