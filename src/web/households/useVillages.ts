/** The villages (thôn, bản, tổ dân phố) of a commune, cached per commune for the session. */
import { useApiQuery } from '../hooks/useApiQuery.ts';
import { villagesApi, type Village } from './api.ts';

export function useVillages(communeCode: string | null | undefined, nonce = 0): { villages: Village[]; loading: boolean; reload: () => void } {
  const q = useApiQuery(communeCode ? `villages|${communeCode}|${nonce}` : null, (signal) => villagesApi.list(communeCode ?? undefined, signal));
  return { villages: q.data?.items ?? [], loading: q.loading, reload: q.reload };
}

export function villageName(villages: readonly Village[], code: string | null | undefined): string {
  if (!code) return '';
  return villages.find((v) => v.code === code)?.name ?? code;
}
