/** Server-side unit search (GET /api/units/search), debounced, newest answer wins. */
import { useEffect, useState } from 'react';
import { unitsApi } from '../api/units.ts';
import type { Layout, Unit } from '../api/types.ts';
import { useDebouncedValue } from '../hooks/useDebouncedValue.ts';

export function useUnitSearch(layout: Layout, asOf: string, text: string, limit = 20) {
  const q = useDebouncedValue(text.trim(), 300);
  const [result, setResult] = useState<{ key: string; items: Unit[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = `${layout}|${asOf}|${q}`;

  useEffect(() => {
    if (!q) return;
    const ctrl = new AbortController();
    unitsApi
      .search(layout, q, asOf, limit, ctrl.signal)
      .then((res) => {
        setResult({ key: `${layout}|${asOf}|${q}`, items: res.items });
        setError(null);
      })
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      });
    return () => ctrl.abort();
  }, [layout, asOf, q, limit]);

  const settled = result?.key === key;
  return {
    active: text.trim() !== '',
    loading: text.trim() !== '' && !settled && !error,
    items: q && settled && result ? result.items : [],
    error,
  };
}
