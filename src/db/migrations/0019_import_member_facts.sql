-- 0019 A staged member carries its facts object as JSON text (`facts`, as a staged household does) instead
-- of its whole audit record (`record_json`, migration 0013): the commit builds the audit's member text
-- from the staged columns, on the two commit connections, and parses only the facts. Staging writes about
-- 40 % fewer bytes (the record repeated every member's name, dates and codes under their keys) and the
-- JS that staged them was the slowest part of staging (docs/benchmarks.md, import). Rows staged before
-- this migration keep their facts.
alter table import_member_stage add column facts text;
update import_member_stage set facts = (record_json::jsonb -> 'facts')::text where record_json is not null;
alter table import_member_stage drop column record_json;
