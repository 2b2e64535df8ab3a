-- 0016 The members sheet gets the member fact `personWithMerit` (người có công với cách mạng), which the
-- registry form and the report forms' "with merit" columns already use: its staging column.
alter table import_member_stage add column person_with_merit text;
