-- 0023 The import's household codes and citizen IDs compared byte by byte (collation "C"). They are
-- identifiers of ASCII digits and letters, ordered the same either way, but the database's default
-- collation sorts text through the C library (strcoll, no abbreviated keys), and the import sorts them
-- by the million: the staging tables' indexes built at attach, the commit's chunk plan, the validation's
-- groupings and windows. Comparisons with the registry's columns take "C" (an explicit collation wins
-- over the default). Measured on the import benchmark (docs/benchmarks.md, import).
alter table import_household_stage alter column household_code type text collate "C";
alter table import_member_stage alter column household_code type text collate "C", alter column citizen_id type text collate "C";
alter table import_survey_stage alter column household_code type text collate "C";
alter table import_household_record alter column household_code type text collate "C";
alter table import_member_record alter column household_code type text collate "C", alter column citizen_id type text collate "C";
alter table import_error alter column household_code type text collate "C";
