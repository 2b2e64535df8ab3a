/**
 * Demo boundaries for `npm start`: on first start, when the reference data directory `../shared/data`
 * exists beside the repository, the demo province's commune boundaries (2025 layout, from
 * communes.topojson) and the 34 province outlines (provinces.geojson) are imported. The product bundles
 * no boundary file: without that directory the map asks an administrator to import one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { SYSTEM_ACTOR } from '../audit.ts';
import { DEMO_PROVINCE_CODE } from '../seed/demo-calibration.ts';
import { importBoundaryFile } from './import.ts';
import { boundaryDb } from './tables.ts';

/** The shared reference data directory beside the repository (read only, never bundled). */
export const SHARED_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');

export interface DemoBoundaryResult {
  imported: Array<{ file: string; units: number }>;
  skipped?: 'already_present' | 'no_shared_data';
}

export async function seedDemoBoundaries(db: Kysely<DB>, opts: { dataDir?: string; onProgress?: (line: string) => void } = {}): Promise<DemoBoundaryResult> {
  const dir = opts.dataDir ?? SHARED_DATA_DIR;
  const present = await boundaryDb(db).selectFrom('boundary').select('code').where('layout', '=', '2025').limit(1).executeTakeFirst();
  if (present) return { imported: [], skipped: 'already_present' };
  const files = [
    { file: 'admin-units-2025/communes.topojson', level: 'commune' as const, provinceCodes: [DEMO_PROVINCE_CODE] },
    { file: 'admin-units-2025/provinces.geojson', level: 'province' as const, tolerance: 0.005, digits: 3 },
  ].filter((f) => fs.existsSync(path.join(dir, f.file)));
  if (files.length === 0) return { imported: [], skipped: 'no_shared_data' };
  const imported: DemoBoundaryResult['imported'] = [];
  for (const { file, ...options } of files) {
    const text = await fs.promises.readFile(path.join(dir, file), 'utf8');
    const r = await importBoundaryFile(db, SYSTEM_ACTOR, text, { layout: '2025', fileName: path.basename(file), ...options });
    imported.push({ file, units: r.matchedUnits });
    opts.onProgress?.(`Ranh giới bản đồ (demo): ${file} → ${r.matchedUnits} đơn vị`);
  }
  return { imported };
}
