/**
 * `giamngheo import` end to end, as a child process on a temporary embedded database (issue 5, "Done
 * when", from the terminal): a form B file of a review campaign (households, members, surveys as three
 * CSV files) with bad cells is refused with a Vietnamese list naming sheet, row and column, exit code 1,
 * nothing written, and the highlighted report written with --report; the fixed files are committed with
 * the counts and the households classified; running the same files again changes nothing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadBundledUnits } from '../../src/db/units/index.ts';
import { cliActor } from '../../src/cli/cli-actor.ts';
import { SHEETS_BY_ID, type SheetId } from '../../src/domain/import/import-kinds.ts';
import { csvText, household, members, type Row } from '../db/import/import-fixtures.ts';
import { runCli, type CliRun } from '../helpers/cli.ts';

const COMMUNE = '03445';
const HOUSEHOLDS = 300;

let dir: string;
let dataDir: string;
let campaignId: number;

function cli(args: string[]): Promise<CliRun> {
  return runCli(['import', ...args], { env: { ...process.env, GIAMNGHEO_DATA_DIR: dataDir, DATABASE_URL: '' } });
}

const code = (i: number) => `CLI-${String(i + 1).padStart(4, '0')}`;
/** Every third household is poor (low income, three deprivations), every third near poor (low income only). */
const classOf = (i: number): 'none' | 'near_poor' | 'poor' => (['none', 'near_poor', 'poor'] as const)[i % 3]!;
const DEPRIVED: Row = { latrine: 'không có nhà tiêu', water_source: 'nước sông, suối, ao, hồ', uses_internet: 'Không', uses_telephone: 'Không', information_devices: 'Không có' };
const INCOME = { none: 6_000_000, near_poor: 1_500_000, poor: 1_000_000 } as const;

function rows(): Record<SheetId, Row[]> {
  const out: Record<SheetId, Row[]> = { households: [], members: [], surveys: [] };
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const c = classOf(i);
    out.households.push(household(code(i), { village_code: null, uses_telephone: 'Có', hears_loudspeaker: 'Có', waste_treatment: 'được thu gom', ...(c === 'poor' && DEPRIVED) }));
    out.members.push(...members(code(i), `Lò Văn Hộ ${i + 1}`));
    out.surveys.push({ household_code: code(i), surveyed_on: '12/01/2026', income: INCOME[c] });
  }
  return out;
}

/** The three CSV files (UTF-8 with BOM, Vietnamese headers) under `name`. */
function writeFiles(name: string, r: Record<SheetId, Row[]>): string[] {
  return (['households', 'members', 'surveys'] as const).map((s) => {
    const file = path.join(dir, `${name}-${s}.csv`);
    fs.writeFileSync(file, csvText(SHEETS_BY_ID[s], r[s], { bom: true }));
    return file;
  });
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-import-cli-'));
  dataDir = path.join(dir, 'pgdata');
  // The database as `giamngheo import` finds it after `giamngheo start`: migrated, units loaded, a
  // review campaign of the province open with the commune in the surveying step.
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    await migrate(database.db);
    await loadBundledUnits(database, cliActor());
    const c = await sql<{ id: number }>`
      insert into review_campaign (province_code, year, kind, standard_id, policy_year, reference_date, plan_start, plan_end, title)
      values ('12', 2026, 'periodic', 'ND351_2025', 2027, '2026-01-15', '2026-01-15', '2026-03-31', 'Rà soát định kỳ năm 2026') returning id`.execute(database.db);
    campaignId = Number(c.rows[0]!.id);
    await sql`insert into commune_review (province_code, campaign_id, commune_code, state) values ('12', ${campaignId}, ${COMMUNE}, 'surveying')`.execute(database.db);
  } finally {
    await database.close();
  }
}, { timeout: 300_000 });

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('bad cells: exit 1, the findings in Vietnamese by sheet, row and column, the highlighted report, nothing written', { timeout: 300_000 }, async () => {
  const bad = rows();
  bad.households[2]!.commune_code = '99999'; // households line 4
  bad.members[11]!.sex = 'X'; // members line 13 (household 6, spouse)
  bad.members[20]!.citizen_id = '01208'; // members line 22
  bad.surveys[6]!.surveyed_on = '31/02/2026'; // surveys line 8
  const report = path.join(dir, 'loi.xlsx');
  const r = await cli([...writeFiles('bad', bad), '--campaign', String(campaignId), '--unit', '12', '--date', '2026-01-15', '--report', report, '--commit']);
  assert.equal(r.code, 1, r.stderr + r.stdout);
  // Five findings at four households: the survey of the household with the unknown commune has no review either.
  assert.match(r.stdout, /5 lỗi ở 4 hộ:/);
  assert.match(r.stdout, /Hộ gia đình, dòng 4: Mã xã\/phường "99999" không tồn tại/);
  assert.match(r.stdout, /Thành viên, dòng 13: "Giới tính" = "X" không có trong danh mục/);
  assert.match(r.stdout, /Thành viên, dòng 22: Số định danh "01208" phải gồm đúng 12 chữ số/);
  assert.match(r.stdout, /Phiếu B, dòng 4: Đợt rà soát đã chọn không có rà soát của xã\/phường 99999\./);
  // The value is quoted as typed.
  assert.match(r.stdout, /Phiếu B, dòng 8: "Ngày khảo sát" = "31\/02\/2026" không phải ngày hợp lệ \(ghi dd\/mm\/yyyy\)\./);
  assert.match(r.stdout, /Không ghi gì: tệp còn lỗi/);
  assert.match(r.stdout, new RegExp(`Báo cáo lỗi: ${report.replace(/[.\\/]/gu, '\\$&')}`));

  // The report: the rows of the four households with findings, the bad cells filled, a "Lỗi" column.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(report);
  const households = wb.getWorksheet('Hộ gia đình')!;
  const header = (households.getRow(1).values as unknown[]).slice(1).map(String);
  assert.equal(header.at(-1), 'Lỗi');
  const codes = households.getColumn(1).values.slice(2).map(String).toSorted();
  assert.deepEqual(codes, [code(2), code(5), code(6), code(10)].toSorted());
  const communeCol = header.indexOf('Mã xã/phường *') + 1;
  const badRow = households.getRows(2, codes.length)!.find((row) => row.getCell(1).text === code(2))!;
  assert.equal(badRow.getCell(communeCol).text, '99999');
  assert.equal((badRow.getCell(communeCol).fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFC7CE');
  assert.match(badRow.getCell(header.length).text, /Mã xã\/phường "99999"/);

  // All or nothing: the registry is still empty (the fixed run below inserts every household).
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const n = await sql<{ n: number }>`select count(*)::int as n from household`.execute(database.db);
    assert.equal(n.rows[0]!.n, 0);
  } finally {
    await database.close();
  }
});

test('the fixed files are written with counts and classified; running them again changes nothing', { timeout: 600_000 }, async () => {
  const files = writeFiles('fixed', rows());
  const args = [...files, '--campaign', String(campaignId), '--unit', '12', '--date', '2026-01-15', '--commit'];
  const perClass = HOUSEHOLDS / 3;

  const first = await cli(args);
  assert.equal(first.code, 0, first.stderr + first.stdout);
  assert.match(first.stdout, /Không có lỗi/);
  assert.match(first.stdout, new RegExp(`Đã ghi \\(lần nhập \\d+\\): ${HOUSEHOLDS} hộ mới, 0 hộ cập nhật, 0 hộ không đổi\\.`));
  assert.match(first.stdout, new RegExp(`Phiếu B: ${HOUSEHOLDS} phiếu mới, 0 không đổi; phân loại ${HOUSEHOLDS} hộ \\(nghèo ${perClass}, cận nghèo ${perClass}\\)\\.`));
  // The progress on stderr (not a terminal: one line per step and per 10 %) reaches the end of the commit.
  assert.match(first.stderr, /Đọc tệp: /);
  assert.match(first.stderr, /Kiểm tra: (\d+)\/\1\n/);
  assert.match(first.stderr, /Ghi dữ liệu: (\d+)\/\1\n/);

  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    const c = await sql<{ code: string; class: string }>`
      select h.code, c.class from classification c join household h on h.id = c.household_id
      join commune_review r on r.id = c.review_id where r.campaign_id = ${campaignId} order by h.code`.execute(database.db);
    assert.equal(c.rows.length, HOUSEHOLDS);
    for (const [i, row] of c.rows.entries()) assert.deepEqual([row.code, row.class], [code(i), classOf(i)]);
    // One audit row per chunk and commune, counting the households it created; each names its job.
    const audit = await sql<{ n: number; named: number }>`
      select coalesce(sum((after->>'households')::int), 0)::int as n, (select count(*)::int from household where import_job is not null) as named
      from audit_log where action = 'import_create' and entity = 'import_job'`.execute(database.db);
    assert.deepEqual([audit.rows[0]!.n, audit.rows[0]!.named], [HOUSEHOLDS, HOUSEHOLDS]);
  } finally {
    await database.close();
  }

  const again = await cli(args);
  assert.equal(again.code, 0, again.stderr + again.stdout);
  assert.match(again.stdout, new RegExp(`0 hộ mới, 0 hộ cập nhật, ${HOUSEHOLDS} hộ không đổi\\.`));
  assert.match(again.stdout, new RegExp(`Phiếu B: 0 phiếu mới, ${HOUSEHOLDS} không đổi`));
});
