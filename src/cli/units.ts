/**
 * `giamngheo units`: the administrative-unit registry from the command line.
 *   units import FILE [--format csv|xlsx] [--layout 2024|2025] [--valid-from YYYY-MM-DD] [--close-missing]
 *   units show LAYOUT CODE [--as-of YYYY-MM-DD] [--json]
 *   units load                       (bundled first load; a no-op once done)
 *   units special-zone CODE|default urban|rural|none
 * Uses DATABASE_URL or the embedded database (GIAMNGHEO_DATA_DIR), applies migrations and the bundled
 * load first. Exit codes: 0 ok, 1 unit not found, 2 invalid usage or a refused file.
 */
import { databaseConfigFromEnv } from '../db/config.ts';
import { openDatabase, type Database } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { cliActor } from './cli-actor.ts';
import {
  getUnit, importUnitFile, loadBundledUnits, predecessors, provinceOf, setSpecialZoneAreaType, successors,
  UnitSettingError, type BundledLoadResult, type ImportResult, type SuccessionLink, type UnitVersion,
} from '../db/units/index.ts';

export interface UnitsCliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: UnitsCliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), env: process.env };

const USAGE = `Cách dùng / usage:
  giamngheo units import TỆP [--format csv|xlsx] [--layout 2024|2025] [--valid-from YYYY-MM-DD] [--close-missing]
  giamngheo units show BỐ_CỤC MÃ [--as-of YYYY-MM-DD] [--json]
  giamngheo units load
  giamngheo units special-zone MÃ|default urban|rural|none
`;

const AREA_VI: Record<string, string> = { urban: 'thành thị', rural: 'nông thôn', special_zone: 'đặc khu' };
const TIER_VI: Record<string, string> = { province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã' };
const RELATION_VI: Record<string, string> = { full: 'toàn bộ', partial: 'một phần' };
const COUNT_VI: Record<string, string> = {
  inserted: 'phiên bản mới', updated: 'phiên bản sửa', closed: 'phiên bản đóng', unchanged: 'không đổi',
  parentLinksInserted: 'liên kết cha mới', parentLinksUpdated: 'liên kết cha sửa', missingClosed: 'đơn vị vắng mặt đã đóng',
  applied: 'thay đổi áp dụng', alreadyApplied: 'đã áp dụng trước đây', unitsChanged: 'đơn vị thay đổi',
  versionsCreated: 'phiên bản mới', versionsCorrected: 'phiên bản sửa tại chỗ',
  added: 'liên kết thêm', removed: 'liên kết bỏ',
};

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.startsWith('--')) {
      if (!['--close-missing', '--json'].includes(args[i]!)) i++;
    } else out.push(args[i]!);
  }
  return out;
}


async function withDatabase<T>(io: UnitsCliIo, fn: (d: Database, loaded: BundledLoadResult) => Promise<T>): Promise<T> {
  const database = await openDatabase(databaseConfigFromEnv(io.env));
  try {
    await migrate(database.db);
    const loaded = await loadBundledUnits(database, cliActor());
    if (loaded.loaded) io.out(describeLoad(loaded));
    return await fn(database, loaded);
  } finally {
    await database.close();
  }
}

function describeLoad(r: BundledLoadResult): string {
  const c = r.counts;
  return (
    `Đã nạp danh mục đi kèm (${(r.ms / 1000).toFixed(1)} s): bố cục 2024 ${c.provinces2024} tỉnh, ${c.districts2024} huyện, ${c.communes2024} xã; ` +
    `bố cục 2025 ${c.provinces2025} tỉnh, ${c.communes2025} xã; ${c.successions} liên kết kế thừa.\n`
  );
}

function describeImport(r: ImportResult): string {
  if (!r.ok) return `Tệp ${r.file} bị từ chối, không có thay đổi nào (${r.errors.length} lỗi):\n${r.errors.map((e) => `  ${e.message}`).join('\n')}\n`;
  const counts = Object.entries(r.counts)
    .filter(([k, v]) => v > 0 || k === 'applied')
    .map(([k, v]) => `${COUNT_VI[k] ?? k}: ${v}`)
    .join(', ');
  const ignored = r.ignoredColumns.length ? `\n  Bỏ qua các cột: ${r.ignoredColumns.join(', ')}` : '';
  return `Đã nhập ${r.file} (${r.kind}, ${r.rows} dòng, ${r.ms} ms): ${r.applied} thay đổi trong danh mục.\n  ${counts}${ignored}\n`;
}

function describeLinks(links: SuccessionLink[]): string {
  if (!links.length) return '—';
  return links.map((l) => `${l.code} ${l.name ?? '?'} (${l.layout}, ${RELATION_VI[l.relation]}, ${l.effectiveDate})`).join('\n                  ');
}

function describeUnit(u: UnitVersion, asOf: string, parent: UnitVersion | null, province: UnitVersion | null, pre: SuccessionLink[], post: SuccessionLink[]): string {
  const area = u.areaType
    ? `${AREA_VI[u.areaType]}${u.areaType === 'special_zone' ? ` → tính là ${AREA_VI[u.resolvedAreaType ?? 'rural']} (cài đặt)` : ''} (${u.resolvedAreaType})`
    : '—';
  const lines = [
    `${u.code} ${u.name} — bố cục ${u.layout}, ngày ${asOf}`,
    `  Loại:           ${u.type} (${u.typeEn}), ${TIER_VI[u.tier]}`,
    `  Khu vực:        ${area}`,
    `  Hiệu lực:       từ ${u.validFrom} đến ${u.validTo ? `${u.validTo} (không gồm)` : 'nay'}`,
    `  Đơn vị cha:     ${parent ? `${parent.code} ${parent.name}` : '—'}`,
    `  Tỉnh:           ${province ? `${province.code} ${province.name}` : '—'}`,
    `  Căn cứ:         ${u.source ?? '—'}`,
    `  Tiền thân:      ${describeLinks(pre)}`,
    `  Kế thừa:        ${describeLinks(post)}`,
  ];
  return `${lines.join('\n')}\n`;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/u;

async function show(args: string[], io: UnitsCliIo): Promise<number> {
  const [layout, code] = positional(args);
  const asOf = option(args, '--as-of') ?? new Date().toISOString().slice(0, 10);
  if ((layout !== '2024' && layout !== '2025') || !code || !DATE_RE.test(asOf)) {
    io.err(USAGE);
    return 2;
  }
  return withDatabase(io, async ({ db }) => {
    const unit = await getUnit(db, layout, code, asOf);
    if (!unit) {
      io.err(`Không có đơn vị mã ${code} trong bố cục ${layout} vào ngày ${asOf}.\n`);
      return 1;
    }
    const [parent, province, pre, post] = await Promise.all([
      unit.parentCode ? getUnit(db, layout, unit.parentCode, asOf) : null,
      provinceOf(db, layout, code, asOf),
      predecessors(db, layout, code),
      successors(db, layout, code),
    ]);
    io.out(args.includes('--json') ? `${JSON.stringify({ unit, predecessors: pre, successors: post }, null, 2)}\n` : describeUnit(unit, asOf, parent, province, pre, post));
    return 0;
  });
}

async function importFile(args: string[], io: UnitsCliIo): Promise<number> {
  const [file] = positional(args);
  const format = option(args, '--format');
  const layout = option(args, '--layout');
  const validFrom = option(args, '--valid-from');
  if (!file || (format && format !== 'csv' && format !== 'xlsx') || (layout && layout !== '2024' && layout !== '2025') || (validFrom && !DATE_RE.test(validFrom))) {
    io.err(USAGE);
    return 2;
  }
  return withDatabase(io, async (database) => {
    const r = await importUnitFile(database, cliActor(), file, {
      format: format as 'csv' | 'xlsx' | undefined,
      layout: layout as '2024' | '2025' | undefined,
      validFrom,
      closeMissing: args.includes('--close-missing'),
    });
    (r.ok ? io.out : io.err)(describeImport(r));
    return r.ok ? 0 : 2;
  });
}

async function specialZone(args: string[], io: UnitsCliIo): Promise<number> {
  const [code, value] = positional(args);
  if (!code || !value || !['urban', 'rural', 'none'].includes(value)) {
    io.err(USAGE);
    return 2;
  }
  return withDatabase(io, async ({ db }) => {
    try {
      const v = await setSpecialZoneAreaType(db, cliActor(), code, value === 'none' ? null : (value as 'urban' | 'rural'));
      io.out(`Đặc khu: mặc định ${AREA_VI[v.default]}; riêng: ${Object.entries(v.overrides).map(([c, a]) => `${c} ${AREA_VI[a]}`).join(', ') || '—'}\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof UnitSettingError)) throw e;
      io.err(`${e.message}\n`);
      return 2;
    }
  });
}

export async function run(argv: string[], io: UnitsCliIo = defaultIo): Promise<number> {
  const [sub, ...args] = argv;
  if (sub === 'import') return importFile(args, io);
  if (sub === 'show') return show(args, io);
  if (sub === 'load') {
    return withDatabase(io, async (_d, loaded) => {
      if (!loaded.loaded) io.out('Danh mục đi kèm đã được nạp từ trước; không có thay đổi.\n');
      return 0;
    });
  }
  if (sub === 'special-zone') return specialZone(args, io);
  io.err(USAGE);
  return sub === undefined || sub === '--help' ? 0 : 2;
}
