-- 0010 Bulk import at scale (issue 5): the findings of a staged row's own cells, computed while staging
-- (src/db/import/cell-checks.ts, row-checks.ts) as `column:code` items separated by semicolons, null for a
-- clean row. The validation expands only the rows that have findings into import_error instead of testing
-- every cell of every row in SQL again; the checks across rows and against the database stay set-based SQL.
alter table import_household_stage add column findings text;
alter table import_member_stage add column findings text;
-- Two values of a member row the checks across rows and the commit use, computed while staging (no regex
-- or date arithmetic per row in SQL): the STT when it is a 1-3 digit number, and the birth year (of a valid
-- date of birth, else a 4-digit birth year).
alter table import_member_stage add column line_int smallint, add column born smallint;
alter table import_survey_stage add column findings text;
