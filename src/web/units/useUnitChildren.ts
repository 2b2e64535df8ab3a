/**
 * Lazily loaded children of administrative units for one layout and date (GET /api/units?parent=…).
 * Parent '' means the provinces. Each parent is fetched once; answers for an earlier layout or date are
 * dropped, so switching layout mid-load never mixes the two maps.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { unitsApi } from '../api/units.ts';
import type { Layout, Unit } from '../api/types.ts';

export const ROOT = '';
const EMPTY: ReadonlyMap<string, Unit[]> = new Map();

interface Loaded {
  scope: string;
  children: ReadonlyMap<string, Unit[]>;
}

export function useUnitChildren(layout: Layout, asOf: string) {
  const scope = `${layout}|${asOf}`;
  const [loaded, setLoaded] = useState<Loaded>({ scope, children: new Map() });
  const [failure, setFailure] = useState<{ scope: string; error: unknown } | null>(null);
  const requests = useRef(new Map<string, Promise<Unit[]>>());

  const ensureChildren = useCallback(
    (parent: string): Promise<Unit[]> => {
      const key = `${scope}|${parent}`;
      const pending = requests.current.get(key);
      if (pending) return pending;
      const p = unitsApi.list(layout, parent || null, asOf).then(
        (res) => {
          setLoaded((prev) => {
            const base = prev.scope === scope ? prev.children : new Map<string, Unit[]>();
            return { scope, children: new Map(base).set(parent, res.items) };
          });
          return res.items;
        },
        (error: unknown) => {
          requests.current.delete(key);
          setFailure({ scope, error });
          throw error;
        },
      );
      requests.current.set(key, p);
      return p;
    },
    [layout, asOf, scope],
  );

  const children = useMemo(() => (loaded.scope === scope ? loaded.children : EMPTY), [loaded, scope]);
  const unitsByCode = useMemo(() => {
    const m = new Map<string, Unit>();
    for (const list of children.values()) for (const u of list) m.set(u.code, u);
    return m;
  }, [children]);

  return {
    children,
    unitsByCode,
    ensureChildren,
    error: failure && failure.scope === scope ? failure.error : null,
  };
}
