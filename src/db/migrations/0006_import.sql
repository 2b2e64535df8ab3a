-- 0006 Bulk import (issue 5): import jobs, staging tables of parsed rows, and the per-cell error report.
-- Every staging column holds the cell's normalised text (codes for labels, ISO dates, 't'/'f'); the
-- validation is set-based SQL over these tables (src/db/import/validate.ts), generated from the column
-- specification in src/domain/import/. Staging tables are ordinary (logged) tables: an unlogged table
-- is emptied by crash recovery, and with the embedded PGlite a killed process is a database crash — the
-- staged rows must survive it for an interrupted commit to resume.

create table import_job (
  id bigserial primary key,
  kind text not null check (kind in ('registry', 'survey')),
  state text not null default 'staging'
    check (state in ('staging', 'validating', 'validated', 'committing', 'committed', 'failed')),
  file_name text not null,
  format text not null check (format in ('xlsx', 'csv')),
  reference_date date not null,
  campaign_id bigint,
  -- The uploader: scope (as JSON) and actor, so a background job resumes with the same rights.
  scope jsonb not null,
  actor jsonb not null,
  created_by bigint,
  province_code text,
  commune_code text,
  mode text check (mode in ('all', 'valid_only')),
  -- Progress of the current step (rows or households), polled by the UI and the CLI.
  step text,
  progress_done bigint not null default 0,
  progress_total bigint not null default 0,
  -- Rows per sheet, error counts, and the commit's counts (inserted / updated / unchanged / classified).
  row_counts jsonb not null default '{}',
  error_count integer not null default 0,
  error_households integer not null default 0,
  result jsonb,
  message text,
  -- Resumable commit: households are committed in household-code order, chunk by chunk; the last code of
  -- the last committed chunk is written in the same transaction as the chunk.
  commit_cursor text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index import_job_creator_idx on import_job (created_by, created_at desc);
create index import_job_state_idx on import_job (state) where state in ('staging', 'validating', 'committing');

create table import_household_stage (
  job_id bigint not null,
  line integer not null,
  household_code text, commune_code text, village_code text, address text, phone text, resident_since text,
  floor_area text, frame text, walls text, roof text, water_source text, latrine text,
  uses_internet text, uses_telephone text, information_devices text, hears_loudspeaker text, waste_treatment text, farm_occupations text
);
create index import_household_stage_code_idx on import_household_stage (job_id, household_code);

create table import_member_stage (
  job_id bigint not null,
  line integer not null,
  household_code text, line_no text, full_name text, date_of_birth text, birth_year text, sex text,
  ethnicity text, citizen_id text, relation text, disability text, monthly_social_allowance text, health_insurance text,
  attending_school text, attending_level text, highest_completed_level text, vocational_qualification text, employment text, has_labour_contract text,
  able_to_work text, stunted text, underweight text, ill_without_treatment text,
  -- The name folded for search (household.head_name_ascii, member.full_name_ascii), computed while parsing.
  full_name_ascii text
);
create index import_member_stage_code_idx on import_member_stage (job_id, household_code);

create table import_survey_stage (
  job_id bigint not null,
  line integer not null,
  household_code text, surveyed_on text, score_a text, income text, form_a_salaried_member text, form_a_car text,
  form_a_durable_large_house text, form_a_business_with_employees text, form_a_high_value_assets text, causes text, needs text
);
create index import_survey_stage_code_idx on import_survey_stage (job_id, household_code);

-- One row per bad cell (or per bad row, column_key null): the sheet and line of the file, the message
-- code (src/domain/import/validation-messages.ts) and the offending value.
create table import_error (
  job_id bigint not null,
  sheet text not null,
  line integer not null,
  column_key text,
  code text not null,
  value text,
  household_code text
);
create index import_error_job_idx on import_error (job_id, sheet, line);
create index import_error_household_idx on import_error (job_id, household_code);
