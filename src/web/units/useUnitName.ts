/**
 * Display name of a 2025-layout unit by code, for records that carry only the code
 * (GET /api/auth/me returns unitName null).
 */
import { useEffect, useState } from 'react';
import { unitsApi } from '../api/units.ts';
import type { Layout } from '../api/types.ts';
import { unitDisplayName } from './unitDisplay.ts';

const cache = new Map<string, string>();

export function useUnitName(code: string | null, known: string | null = null, layout: Layout = '2025'): string | null {
  const key = `${layout}|${code}`;
  const [name, setName] = useState<string | null>(known ?? (code ? (cache.get(key) ?? null) : null));

  useEffect(() => {
    if (known || !code) {
      setName(known);
      return;
    }
    const hit = cache.get(key);
    if (hit) {
      setName(hit);
      return;
    }
    const ctrl = new AbortController();
    unitsApi.get(layout, code, null, ctrl.signal).then(
      ({ unit }) => {
        const n = unitDisplayName(unit);
        cache.set(key, n);
        setName(n);
      },
      () => setName(null),
    );
    return () => ctrl.abort();
  }, [code, known, layout, key]);

  return name;
}
