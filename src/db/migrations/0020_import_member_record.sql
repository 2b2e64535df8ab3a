-- 0020 The import record (issue 5): the member rows of an upload that wrote new households are kept, as
-- staged, in import_member_record (a partition per job, moved there from import_member_stage when the
-- commit ends), and the audit rows of those households point to them for their members instead of holding
-- a second copy (src/db/import/import-record.ts; the audit search puts the members back into the
-- after-image). Writing every member again into the audit was a third of the commit's work
-- (docs/benchmarks.md, import). Like audit_log, the record is append-only.
create table import_member_record (like import_member_stage including defaults) partition by list (job_id);
create index import_member_record_code_idx on import_member_record (job_id, household_code);
create index import_member_record_findings_idx on import_member_record (job_id) where findings is not null;

create function import_member_record_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'Bản ghi gốc của lần nhập chỉ được ghi thêm, không được sửa hoặc xoá (import record is append-only)';
end;
$$;
create trigger import_member_record_no_change before update or delete on import_member_record
  for each row execute function import_member_record_refuse_change();
create trigger import_member_record_no_truncate before truncate on import_member_record
  for each statement execute function import_member_record_refuse_change();
