-- 0013 Bulk import commit at scale (issue 5).
-- Built as JSON text while staging (src/db/import/fact-json.ts), so the commit casts text once instead of
-- building objects in SQL per row (jsonb_build_object of a member's facts: 14 µs a row; the audit's member
-- list by concatenation in SQL: 18-33 µs a member — docs/benchmarks.md "## import"):
-- a household's facts object (household.facts exactly as the registry stores it);
alter table import_household_stage add column facts text;
-- a member as the audit row lists it (fullName, dateOfBirth, birthYear, sex, ethnicity, citizenId,
-- relation and facts — member.facts is its `facts`; the commit adds lineNo).
alter table import_member_stage add column record_json text;

-- The commit's chunks: household-code ranges of the households to write, computed once when the commit
-- starts. A chunk is written in one transaction that also marks it done with its counts, so a process
-- killed mid-commit leaves whole chunks only and a resumed commit writes the chunks not done. On
-- PostgreSQL two connections write chunks side by side (each takes the next free chunk, `skip locked`).
create table import_commit_chunk (
  job_id bigint not null,
  chunk_no integer not null,
  -- Exclusive lower bound (null: from the first code) and inclusive upper bound of the chunk's codes.
  after_code text,
  up_to_code text not null,
  done boolean not null default false,
  -- The chunk's counts (inserted / updated / unchanged / surveys / classes …), summed into the job's result.
  result jsonb,
  primary key (job_id, chunk_no)
);
