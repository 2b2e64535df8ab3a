-- 0022 The import record holds the households too (issue 5). A commit that writes new households keeps
-- the job's staged household rows, as staged, in import_household_record (a partition per job, moved
-- there from import_household_stage when the commit ends, like the members in 0020), and each new
-- household names the job that created it (household.import_job). The audit log then gets one row per
-- chunk and commune of the commit (entity 'import_job': who, when, how many households, which codes)
-- instead of one per household; the audit search rebuilds a household's creation from the record
-- (src/db/import/import-record.ts). One audit row per household was a quarter of the commit's work
-- (docs/benchmarks.md, import).
create table import_household_record (like import_household_stage including defaults) partition by list (job_id);
create index import_household_record_code_idx on import_household_record (job_id, household_code);
create index import_household_record_findings_idx on import_household_record (job_id) where findings is not null;

alter table household add column import_job bigint;

-- One append-only guard for both tables of the record.
create function import_record_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'Bản ghi gốc của lần nhập chỉ được ghi thêm, không được sửa hoặc xoá (import record is append-only)';
end;
$$;
drop trigger import_member_record_no_change on import_member_record;
drop trigger import_member_record_no_truncate on import_member_record;
drop function import_member_record_refuse_change();
create trigger import_member_record_no_change before update or delete on import_member_record
  for each row execute function import_record_refuse_change();
create trigger import_member_record_no_truncate before truncate on import_member_record
  for each statement execute function import_record_refuse_change();
create trigger import_household_record_no_change before update or delete on import_household_record
  for each row execute function import_record_refuse_change();
create trigger import_household_record_no_truncate before truncate on import_household_record
  for each statement execute function import_record_refuse_change();
