/**
 * Commits one chunk of staged households (a range of household codes) inside the caller's transaction,
 * set-based: the chunk's households are computed once into a temporary table; those already in the
 * registry are compared with it (household columns, facts and active members); then rows are inserted /
 * updated with one statement per table and audited with one INSERT … SELECT each: an updated household
 * gets its own row (before and after), new households one row per commune of the chunk (their creation is
 * in the job's import record, import-record.ts). New households' members go from staging straight into
 * the registry. Unchanged households are not touched, so re-uploading a file changes nothing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { Actor } from '../audit.ts';
import { inForce } from '../units/queries.ts';
import { EFFECTIVE_LINE } from './validate.ts';

export interface ChunkRange {
  jobId: number;
  /** Exclusive lower bound (null: from the first code). */
  after: string | null;
  /** Inclusive upper bound. */
  upTo: string;
  referenceDate: string;
  /** Every staged member of the job has its STT (jobMembersNumbered). */
  numbered: boolean;
}

export interface HouseholdCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Audit keys of a household and the imp_h columns they hold (facts, members and importJob follow them). */
const HOUSEHOLD_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['code', 'code'],
  ['communeCode', 'commune_code'],
  ['villageCode', 'village_code'],
  ['address', 'address'],
  ['phone', 'phone'],
  ['headName', 'head_name'],
  ['headCitizenId', 'head_citizen_id'],
  ['ethnicity', 'ethnicity'],
];

/** Audit keys of a member and their columns (lineNo comes before them, facts after). */
const MEMBER_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['fullName', 'full_name'],
  ['dateOfBirth', 'date_of_birth'],
  ['birthYear', 'birth_year'],
  ['sex', 'sex'],
  ['ethnicity', 'ethnicity'],
  ['citizenId', 'citizen_id'],
  ['relation', 'relation'],
];

/** The fields as jsonb_build_object arguments (`'key', alias.column, …`). */
function jsonbArgs(alias: string, fields: ReadonlyArray<readonly [string, string]>): string {
  return fields.map(([key, column]) => `'${key}', ${alias}.${column}`).join(', ');
}

/**
 * A household as audited, as json(b)_build_object arguments from a row `alias` with imp_h's column names
 * (code, …, ethnicity; facts and the rest follow): the same keys for the commit and the import record.
 */
export function householdImageArgs(alias: string): string {
  return jsonbArgs(alias, HOUSEHOLD_FIELDS);
}

/**
 * A member as audited, as json(b)_build_object arguments from a row `alias` with the member table's
 * columns (line_no, …, facts): the same keys for the file, the registry and the import record.
 */
export function memberImageArgs(alias: string): string {
  return `'lineNo', ${alias}.line_no, ${jsonbArgs(alias, MEMBER_FIELDS)}, 'facts', ${alias}.facts`;
}

/** A member as compared and audited (`x.facts` is jsonb). */
const MEMBER_JSON = sql.raw(`jsonb_build_object(${memberImageArgs('x')})`);

/**
 * The after-image key of a new household's own audit row saying its members are in the job's import record:
 * written by commits before migration 0022 (since then the household is in the record too), still read.
 */
export const MEMBERS_IN_IMPORT = 'membersInImport';

/** The member table's columns an import writes, and their values from imp_h `i` and a chunk member `n`. */
const MEMBER_COLUMNS = sql.raw('province_code, household_id, line_no, full_name, full_name_ascii, date_of_birth, birth_year, sex, ethnicity, citizen_id, relation, facts');
const MEMBER_VALUES = sql.raw('i.province_code, i.id, n.line_no, n.full_name, n.full_name_ascii, n.date_of_birth, n.birth_year, n.sex, n.ethnicity, n.citizen_id, n.relation, n.facts::jsonb');

/** The staged row (alias `alias`) belongs to a household without findings (valid-only commits skip the others). */
export function notRejected(jobId: number, alias = 's') {
  return sql`not exists (select 1 from import_error e where e.job_id = ${jobId} and e.household_code = ${sql.ref(`${alias}.household_code`)})`;
}

function inRange(r: ChunkRange, alias = 's') {
  const code = sql.ref(`${alias}.household_code`);
  return sql`${sql.ref(`${alias}.job_id`)} = ${r.jobId} and ${code} <= ${r.upTo} ${r.after === null ? sql`` : sql`and ${code} > ${r.after}`}`;
}

/**
 * The chunk's staged members of households not rejected, with their line numbers, read from staging by
 * the code range (its index). Rejected rows are left out before their cells are cast. A member without
 * an STT takes its order among its household's rows, which costs a sort of the chunk's members by
 * household: left out when every member of the job has an STT (`r.numbered`).
 */
function chunkMembers(r: ChunkRange) {
  const line = r.numbered ? sql`m.line_int::smallint` : sql`${EFFECTIVE_LINE}::smallint`;
  return sql`(select m.household_code as code, ${line} as line_no, m.full_name, m.full_name_ascii,
           case when m.date_of_birth is not null then m.date_of_birth::date end as date_of_birth,
           m.born as birth_year, m.sex, m.ethnicity, m.citizen_id, m.relation, m.facts
    from import_member_stage m where ${inRange(r, 'm')} and ${notRejected(r.jobId, 'm')})`;
}

/** Every staged member row of the job has its STT (line_int): its chunks need not number members by order. */
export async function jobMembersNumbered(db: Kysely<DB>, jobId: number): Promise<boolean> {
  const q = await sql<{ gap: boolean }>`select exists (select 1 from import_member_stage m where m.job_id = ${jobId} and m.line_int is null) as gap`.execute(db);
  return !q.rows[0]!.gap;
}

/**
 * Temporary table imp_h: the chunk's households, with op insert / update / same. A household not yet in
 * the registry is an insert and its members are written straight from staging; only a chunk with
 * households already there materialises its members (imp_m) and compares them (columns, facts and active
 * members), keeping their before-image.
 */
async function computeChunk(trx: Transaction<DB>, r: ChunkRange): Promise<void> {
  await sql`create temp table imp_h on commit drop as
    select s.household_code as code, u.province_code, s.commune_code, s.village_code, s.address, s.phone,
           coalesce(s.resident_since::date, ${r.referenceDate}::date) as since,
           hd.full_name as head_name, hd.full_name_ascii as head_name_ascii, hd.citizen_id as head_citizen_id, hd.ethnicity,
           s.facts::jsonb as facts, h.id as old_id,
           -- A new household's id is taken here, so the insert needs no returning-join back into imp_h.
           coalesce(h.id, nextval((select pg_get_serial_sequence('household', 'id'))::regclass)) as id,
           case when h.id is null then 'insert' else 'same' end as op,
           null::jsonb as before_row, null::jsonb as old_members, null::jsonb as new_members
    from import_household_stage s
    join admin_unit u on u.layout = '2025' and u.tier = 'commune' and u.code = s.commune_code and ${inForce('u', r.referenceDate)}
    join import_member_stage hd on ${inRange(r, 'hd')} and hd.household_code = s.household_code and hd.relation = 'head'
    left join household h on h.province_code = u.province_code and h.code = s.household_code
    where ${inRange(r)} and ${notRejected(r.jobId)}`.execute(trx);
  const existing = (await sql<{ n: number }>`select count(*)::int as n from imp_h where old_id is not null`.execute(trx)).rows[0]!.n;
  if (existing > 0) {
    // The comparison looks households up by code; a chunk of new households only joins and groups them.
    await sql`create index on imp_h (code)`.execute(trx);
    await sql`create temp table imp_m on commit drop as select * from ${chunkMembers(r)} n where n.code in (select code from imp_h where old_id is not null)`.execute(trx);
    await sql`create index on imp_m (code, line_no)`.execute(trx);
    await sql`analyze imp_m (code, line_no)`.execute(trx);
    await compareExisting(trx);
  }
  await sql`analyze imp_h (code, op, province_code, id)`.execute(trx);
}

/** Households already in the registry: `update` when a column, the facts or the active members differ, else `same`. */
async function compareExisting(trx: Transaction<DB>): Promise<void> {
  await sql`with c as (
      select i.code,
             jsonb_build_object('villageCode', h.village_code, 'address', h.address, 'phone', h.phone, 'headName', h.head_name,
                                'headCitizenId', h.head_citizen_id, 'ethnicity', h.ethnicity, 'facts', h.facts, 'version', h.version) as before_row,
             om.members as old_members, nm.members as new_members,
             case when (h.village_code, h.address, h.phone, h.head_name, h.head_citizen_id, h.ethnicity)
                       is distinct from (i.village_code, i.address, i.phone, i.head_name, i.head_citizen_id, i.ethnicity)
                    or h.facts <> i.facts or om.members is distinct from nm.members then 'update' else 'same' end as op
      from imp_h i
      join household h on h.province_code = i.province_code and h.id = i.old_id
      left join lateral (select jsonb_agg(${MEMBER_JSON} order by x.line_no) as members
                         from member x where x.province_code = h.province_code and x.household_id = h.id and x.active) om on true
      left join lateral (select jsonb_agg(${MEMBER_JSON} order by x.line_no) as members
                         from (select y.line_no, y.full_name, y.date_of_birth, y.birth_year, y.sex, y.ethnicity, y.citizen_id, y.relation, y.facts::jsonb as facts
                               from imp_m y where y.code = i.code) x) nm on true
      where i.old_id is not null)
    update imp_h i set op = c.op, before_row = c.before_row, old_members = c.old_members, new_members = c.new_members
    from c where c.code = i.code`.execute(trx);
}

/** New households, each naming the job that created it (its creation is in the job's import record). */
async function insertHouseholds(trx: Transaction<DB>, jobId: number): Promise<void> {
  await sql`insert into household (province_code, id, code, commune_code, village_code, address, head_name, head_name_ascii, head_citizen_id, ethnicity, phone, facts, import_job)
    select province_code, id, code, commune_code, village_code, address, head_name, head_name_ascii, head_citizen_id, ethnicity, phone, facts, ${jobId}::bigint
    from imp_h where op = 'insert'`.execute(trx);
  await sql`insert into household_residence (province_code, household_id, commune_code, village_code, valid_from)
    select province_code, id, commune_code, village_code, since from imp_h where op = 'insert'`.execute(trx);
}

async function updateHouseholds(trx: Transaction<DB>): Promise<void> {
  await sql`update household h set village_code = i.village_code, address = i.address, phone = i.phone, head_name = i.head_name,
      head_name_ascii = i.head_name_ascii, head_citizen_id = i.head_citizen_id, ethnicity = i.ethnicity, facts = i.facts,
      version = h.version + 1, updated_at = now()
    from imp_h i where i.op = 'update' and h.province_code = i.province_code and h.id = i.id`.execute(trx);
  await sql`update household_residence hr set village_code = i.village_code
    from imp_h i where i.op = 'update' and hr.province_code = i.province_code and hr.household_id = i.id and hr.valid_to is null
      and hr.village_code is distinct from i.village_code`.execute(trx);
}

/** Members of updated households: gone lines leave (inactive), changed lines are rewritten. */
async function updateMembers(trx: Transaction<DB>, r: ChunkRange): Promise<void> {
  await sql`update member o set active = false, left_reason = 'import_removed', left_date = ${r.referenceDate}::date
    from imp_h i where i.op = 'update' and o.province_code = i.province_code and o.household_id = i.id and o.active
      and not exists (select 1 from imp_m n where n.code = i.code and n.line_no = o.line_no)`.execute(trx);
  // Citizen IDs that move between lines are cleared first (the unique index is checked row by row).
  await sql`update member o set citizen_id = null
    from imp_h i join imp_m n on n.code = i.code
    where i.op = 'update' and o.province_code = i.province_code and o.household_id = i.id and o.active and o.line_no = n.line_no
      and o.citizen_id is distinct from n.citizen_id and o.citizen_id is not null`.execute(trx);
  await sql`update member o set full_name = n.full_name, full_name_ascii = n.full_name_ascii, date_of_birth = n.date_of_birth,
      birth_year = n.birth_year, sex = n.sex, ethnicity = n.ethnicity, citizen_id = n.citizen_id, relation = n.relation, facts = n.facts::jsonb
    from imp_h i join imp_m n on n.code = i.code
    where i.op = 'update' and o.province_code = i.province_code and o.household_id = i.id and o.active and o.line_no = n.line_no
      and (o.full_name, o.date_of_birth, o.birth_year, o.sex, o.ethnicity, o.citizen_id, o.relation, o.facts)
          is distinct from (n.full_name, n.date_of_birth, n.birth_year, n.sex, n.ethnicity, n.citizen_id, n.relation, n.facts::jsonb)`.execute(trx);
}

const AUDIT_COLUMNS = sql.raw('province_code, actor_id, actor_username, actor_role, action, entity, entity_id, unit_code, before, after, reason, ip, request_id');

/** The audit entity of an import's rows of new households (one per chunk and commune). */
export const IMPORT_JOB_ENTITY = 'import_job';

function auditReason(jobId: number): string {
  return `Nhập liệu hàng loạt, lần nhập số ${jobId}`;
}

/** New households' members, straight from staging. */
async function insertNewMembers(trx: Transaction<DB>, r: ChunkRange): Promise<void> {
  await sql`insert into member (${MEMBER_COLUMNS})
    select ${MEMBER_VALUES}
    from imp_h i join ${chunkMembers(r)} n on n.code = i.code
    where i.op = 'insert'`.execute(trx);
}

/**
 * The audit of the chunk's new households: one row per commune (entity import_job: who, when, how many,
 * their first and last code). Each household names the job (household.import_job), and its creation —
 * the household and its members as staged — is in the job's import record, which the audit search turns
 * back into the household's own entry (import-record.ts).
 */
async function auditNewHouseholds(trx: Transaction<DB>, actor: Actor, r: ChunkRange): Promise<void> {
  await sql`insert into audit_log (${AUDIT_COLUMNS})
    select i.province_code, ${actor.id}, ${actor.username}, ${actor.role}, 'import_create', ${IMPORT_JOB_ENTITY}, ${String(r.jobId)}, i.commune_code, null,
           json_build_object('importJob', ${r.jobId}::bigint, 'households', count(*), 'firstCode', min(i.code), 'lastCode', max(i.code)),
           ${auditReason(r.jobId)}, ${actor.ip ?? null}, ${actor.requestId ?? null}
    from imp_h i where i.op = 'insert'
    group by i.province_code, i.commune_code`.execute(trx);
}

/** New lines of updated households. */
async function insertAddedMembers(trx: Transaction<DB>): Promise<void> {
  await sql`insert into member (${MEMBER_COLUMNS})
    select ${MEMBER_VALUES}
    from imp_h i join imp_m n on n.code = i.code
    where i.op = 'update' and not exists (select 1 from member o where o.province_code = i.province_code and o.household_id = i.id
                                                                  and o.active and o.line_no = n.line_no)`.execute(trx);
}

/** One audit row per updated household: its before- and after-image. */
async function auditUpdatedHouseholds(trx: Transaction<DB>, actor: Actor, jobId: number): Promise<void> {
  await sql`insert into audit_log (${AUDIT_COLUMNS})
    select i.province_code, ${actor.id}, ${actor.username}, ${actor.role}, 'import_update', 'household', i.id::text, i.commune_code,
           i.before_row || jsonb_build_object('members', i.old_members),
           jsonb_build_object(${sql.raw(householdImageArgs('i'))}, 'facts', i.facts, 'members', i.new_members, 'importJob', ${jobId}::bigint),
           ${auditReason(jobId)}, ${actor.ip ?? null}, ${actor.requestId ?? null}
    from imp_h i where i.op = 'update'`.execute(trx);
}

/**
 * Writes the chunk; returns its counts. Statements with nothing to do (updates in a first load, inserts
 * in a re-upload) are skipped. The temporary tables stay for the survey step of the same transaction.
 */
export async function commitHouseholdChunk(trx: Transaction<DB>, actor: Actor, r: ChunkRange): Promise<HouseholdCounts> {
  await computeChunk(trx, r);
  const c = await sql<{ op: string; n: number }>`select op, count(*)::int as n from imp_h group by op`.execute(trx);
  const n = (op: string) => c.rows.find((x) => x.op === op)?.n ?? 0;
  const counts = { inserted: n('insert'), updated: n('update'), unchanged: n('same') };
  // Updates first: a citizen ID that moves from an updated household's line to a new one is cleared
  // before the new line takes it (the unique index is checked row by row).
  if (counts.updated > 0) {
    await updateHouseholds(trx);
    await updateMembers(trx, r);
  }
  if (counts.inserted > 0) {
    await insertHouseholds(trx, r.jobId);
    await insertNewMembers(trx, r);
    await auditNewHouseholds(trx, actor, r);
  }
  if (counts.updated > 0) {
    await insertAddedMembers(trx);
    await auditUpdatedHouseholds(trx, actor, r.jobId);
  }
  return counts;
}
