/** Shared helpers of the unit tests: paths to ../shared/data, a migrated database with the bundled units, temp files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestDatabase } from '../../helpers/database.ts';
import type { Database } from '../../../src/db/connect.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../src/db/audit.ts';
import { loadBundledUnits, type BundledLoadResult } from '../../../src/db/units/index.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHARED_DATA = path.resolve(REPO_ROOT, '../shared/data');
export const CHANGES_2025 = path.join(SHARED_DATA, 'admin-units-2025/changes-after-2025-07-01.csv');
export const UNITS_2025 = path.join(SHARED_DATA, 'admin-units-2025/units.csv');
export const UNITS_2024 = path.join(SHARED_DATA, 'admin-units-2024/units.csv');
export const MAPPING_2025 = path.join(SHARED_DATA, 'admin-units-2025/mapping-from-2024.csv');

export const ADMIN: Actor = { id: null, username: 'test-admin', role: 'national_admin' };

export async function openUnitsDatabase(): Promise<{ database: Database; load: BundledLoadResult }> {
  const database = await openTestDatabase();
  const load = await loadBundledUnits(database, SYSTEM_ACTOR);
  return { database, load };
}

/** A temporary directory removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-units-test-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** One line of a shared reference file (quotes, no line breaks inside). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Minimal CSV reader for the shared reference files (no quoted line breaks there). */
export function readSharedCsv(file: string): Array<Record<string, string>> {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/u, '').trim().split('\n');
  const keys = splitCsvLine(header!);
  return lines.map((l) => Object.fromEntries(splitCsvLine(l).map((v, i) => [keys[i], v])));
}
