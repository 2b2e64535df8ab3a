/** Addresses of the export downloads (docs/export.md), built from the screen's choices. */

export type ExportFormat = 'xlsx' | 'csv';

function withQuery(path: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RegistryChoice {
  unit?: string | null;
  status?: string;
  asOf?: string;
  sheet?: 'households' | 'members';
  bom?: boolean;
}

export function registryUrl(format: ExportFormat, c: RegistryChoice): string {
  return withQuery(`/api/exports/registry.${format}`, {
    unit: c.unit,
    status: c.status,
    asOf: c.asOf,
    ...(format === 'csv' && { sheet: c.sheet, bom: c.bom === false ? false : undefined }),
  });
}

export function reviewResultsUrl(format: ExportFormat, c: { campaign: number; unit?: string | null; stage?: string; bom?: boolean }): string {
  return withQuery(`/api/exports/review-results.${format}`, {
    campaign: c.campaign,
    unit: c.unit,
    stage: c.stage,
    ...(format === 'csv' && { bom: c.bom === false ? false : undefined }),
  });
}

export function beneficiariesUrl(format: ExportFormat, c: { policy: string; unit?: string | null; date?: string; bom?: boolean }): string {
  return withQuery(`/api/beneficiaries.${format}`, { policy: c.policy, unit: c.unit, date: c.date, ...(format === 'csv' && { bom: c.bom === false ? false : undefined }) });
}
