/**
 * The import record of a job: the household and member rows of its upload as staged, moved from staging
 * to import_household_record and import_member_record when a commit that wrote new households ends
 * (append-only, migrations 0020 and 0022). A new household is audited from it rather than copied into the
 * audit log: the commit writes one audit row per chunk and commune (entity import_job) and marks each
 * household with its job (household.import_job); the audit search turns the record back into the
 * household's own creation entry, with its members. Households written before 0022 have their own audit
 * row, whose members (`membersInImport`) the search puts back from the record the same way.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { householdImageArgs, MEMBERS_IN_IMPORT, memberImageArgs } from './commit-households.ts';
import { EFFECTIVE_LINE } from './validate.ts';

/**
 * Every job's staged household and member rows, wherever they are: in staging, or in the import record
 * once the job's commit has ended (between its last chunk and the move they are still in staging).
 */
export const STAGED_HOUSEHOLDS = sql`(select * from import_household_stage union all select * from import_household_record)`;
export const STAGED_MEMBERS = sql`(select * from import_member_stage union all select * from import_member_record)`;

/** A member of an import record as the audit shows it (the keys of the registry's after-images). */
export interface RecordedMember {
  lineNo: number;
  fullName: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  sex: string;
  ethnicity: string | null;
  citizenId: string | null;
  relation: string;
  facts: Record<string, unknown>;
}

function key(jobId: number, code: string): string {
  return `${jobId}\u0000${code}`;
}

/**
 * The recorded members of the given households of their jobs, in line order (an STT, or a row's order
 * among its household's rows when the file gave none — as the commit numbered them). One query per job,
 * so that only that job's partitions are read.
 */
export async function recordedMembers(db: Kysely<DB>, households: ReadonlyArray<{ jobId: number; code: string }>): Promise<Map<string, RecordedMember[]>> {
  const out = new Map<string, RecordedMember[]>();
  const byJob = new Map<number, string[]>();
  for (const h of households) byJob.set(h.jobId, [...(byJob.get(h.jobId) ?? []), h.code]);
  for (const [jobId, codes] of byJob) {
    const r = await sql<{ code: string; members: RecordedMember[] }>`
      select x.household_code as code, json_agg(json_build_object(${sql.raw(memberImageArgs('x'))}) order by x.line_no) as members
      from (select m.household_code, ${EFFECTIVE_LINE} as line_no, m.full_name,
                   case when m.date_of_birth is not null then m.date_of_birth::date end as date_of_birth,
                   m.born as birth_year, m.sex, m.ethnicity, m.citizen_id, m.relation, m.facts::json as facts
            from ${STAGED_MEMBERS} m
            where m.job_id = ${jobId} and m.household_code = any(${codes}::text[])) x
      group by x.household_code`.execute(db);
    for (const row of r.rows) out.set(key(jobId, row.code), row.members);
  }
  return out;
}

interface RecordedAfter {
  [MEMBERS_IN_IMPORT]: true;
  importJob: number;
  code: string;
  [k: string]: unknown;
}

function isRecorded(after: unknown): after is RecordedAfter {
  return after !== null && typeof after === 'object' && (after as Record<string, unknown>)[MEMBERS_IN_IMPORT] === true;
}

/** The households of audit after-images whose members are in an import record. */
export function recordedHouseholds(afters: readonly unknown[]): Array<{ jobId: number; code: string }> {
  return afters.filter(isRecorded).map((a) => ({ jobId: Number(a.importJob), code: a.code }));
}

/** An audit after-image with its members put back from the import record (any other image unchanged). */
export function withRecordedMembers(after: unknown, members: Map<string, RecordedMember[]>): unknown {
  if (!isRecorded(after)) return after;
  const { [MEMBERS_IN_IMPORT]: _flag, importJob, ...household } = after;
  // null, not [], if the record were missing: every household is written with its head.
  return { ...household, members: members.get(key(Number(importJob), after.code)) ?? null, importJob };
}

/**
 * A household's creation by an import, from the job's import record: the household as staged, the head's
 * name, ID and ethnicity from its head row (as the commit wrote them), with the keys of the registry's
 * after-images — in the form of a pre-0022 audit row whose members are in the record, so that
 * withRecordedMembers puts them back as for those rows. Null when the record holds no such household.
 */
export async function recordedCreation(db: Kysely<DB>, jobId: number, code: string): Promise<Record<string, unknown> | null> {
  const r = await sql<{ household: Record<string, unknown> }>`
    select json_build_object(${sql.raw(householdImageArgs('x'))}, 'facts', x.facts::json) as household
    from (select s.household_code as code, s.commune_code, s.village_code, s.address, s.phone,
                 hd.full_name as head_name, hd.citizen_id as head_citizen_id, hd.ethnicity, s.facts
          from ${STAGED_HOUSEHOLDS} s
          join ${STAGED_MEMBERS} hd on hd.job_id = s.job_id and hd.household_code = s.household_code and hd.relation = 'head'
          where s.job_id = ${jobId} and s.household_code = ${code} and s.findings is null) x`.execute(db);
  const household = r.rows[0]?.household;
  return household ? { ...household, importJob: jobId, [MEMBERS_IN_IMPORT]: true } : null;
}
