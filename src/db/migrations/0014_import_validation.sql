-- 0014 Bulk import validation at scale (issue 5): the staged rows that carry findings of their own cells
-- (migration 0010), indexed apart, so that expanding them into import_error (src/db/import/validate.ts)
-- reads only those rows instead of every staged row of the job. A clean row adds nothing to these indexes
-- while staging.
create index import_household_stage_findings_idx on import_household_stage (job_id) where findings is not null;
create index import_member_stage_findings_idx on import_member_stage (job_id) where findings is not null;
create index import_survey_stage_findings_idx on import_survey_stage (job_id) where findings is not null;
