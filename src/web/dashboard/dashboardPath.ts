/**
 * The dashboard's place in the hash route: `#/dashboard/<unit>/<year>` with unit `vn` for the nation, a
 * province or commune code, or `COMMUNE:VILLAGE`; both parts optional. And the link to the household list
 * filtered to a commune / village and list status (read back by the household list page).
 */
const NATION = 'vn';

export interface DashboardPlace {
  /** Unit code as the API takes it ('' = the nation); null = the caller's own unit. */
  unit: string | null;
  year: number | null;
}

export function parseDashboardPath(path: string): DashboardPlace {
  const [, unitPart, yearPart] = /^\/dashboard(?:\/([^/]*))?(?:\/(\d{4}))?/.exec(path) ?? [];
  const unit = unitPart === undefined || unitPart === '' ? null : unitPart === NATION ? '' : decodeURIComponent(unitPart);
  return { unit, year: yearPart ? Number(yearPart) : null };
}

export function dashboardPath(unit: string, year: number | null): string {
  const u = unit === '' ? NATION : encodeURIComponent(unit).replace('%3A', ':');
  return year ? `/dashboard/${u}/${year}` : `/dashboard/${u}`;
}

export interface HouseholdFilter {
  commune?: string;
  village?: string;
  listStatus?: 'poor' | 'near_poor';
}

/** `#/households/?commune=…&village=…&listStatus=…` */
export function householdListPath(f: HouseholdFilter): string {
  const q = new URLSearchParams();
  if (f.commune) q.set('commune', f.commune);
  if (f.village) q.set('village', f.village);
  if (f.listStatus) q.set('listStatus', f.listStatus);
  return `/households/?${q.toString()}`;
}

/** The filter of a household list link (empty when the path carries none). */
export function householdFilterOf(path: string): HouseholdFilter {
  const i = path.indexOf('?');
  if (i < 0) return {};
  const q = new URLSearchParams(path.slice(i + 1));
  const listStatus = q.get('listStatus');
  return {
    ...(q.get('commune') && { commune: q.get('commune')! }),
    ...(q.get('village') && { village: q.get('village')! }),
    ...((listStatus === 'poor' || listStatus === 'near_poor') && { listStatus }),
  };
}
