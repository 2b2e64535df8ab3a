/**
 * In-memory consistency check of the bundled rows before they are written (cheaper than the SQL checks
 * an import runs): unique codes per layout, every parent present with the right tier and province, every
 * succession end present. A failure means a package release changed shape; it stops the load.
 */
import type { StagedSuccession } from '../import/succession-list.ts';
import type { StagedUnit } from '../import/unit-list.ts';
import { parentTier } from '../vocabulary.ts';

export function checkBundle(units: StagedUnit[], links: StagedSuccession[]): void {
  const byKey = new Map<string, StagedUnit>();
  const problems: string[] = [];
  for (const u of units) {
    const k = `${u.layout}|${u.code}`;
    if (byKey.has(k)) problems.push(`mã ${u.code} (${u.layout}) lặp lại`);
    byKey.set(k, u);
  }
  for (const u of units) {
    const want = parentTier(u.layout, u.tier);
    if (!want) continue;
    const p = byKey.get(`${u.layout}|${u.parent_code}`);
    if (!p || p.tier !== want || p.province_code !== u.province_code) problems.push(`đơn vị cha ${u.parent_code} của ${u.code} (${u.layout}) không hợp lệ`);
  }
  for (const l of links) {
    if (!byKey.has(`${l.old_layout}|${l.old_code}`) || !byKey.has(`${l.new_layout}|${l.new_code}`)) problems.push(`liên kết ${l.old_code} → ${l.new_code} trỏ tới mã không có`);
  }
  if (problems.length) {
    throw new Error(`Dữ liệu đơn vị đi kèm không nhất quán (bundled unit data is inconsistent): ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? ` … (${problems.length})` : ''}`);
  }
}
