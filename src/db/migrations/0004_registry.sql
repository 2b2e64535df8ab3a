-- 0004 Household registry additions (issue 4): current household-level facts, status details, and the
-- indexes the registry's searches, survey streaming and history read by.

-- Household-level raw facts of the classification input model (housing, water, latrine, internet,
-- information devices, …) as currently known; each survey snapshots them with the members.
alter table household add column facts jsonb not null default '{}';
-- Why the household left the active registry, and the household it merged into.
alter table household add column status_reason text;
alter table household add column merged_into_id bigint;

-- Diacritic-insensitive member-name search (like on the folded name inside one province).
create index member_name_ascii_idx on member (province_code, full_name_ascii);

-- At most one current (not superseded) survey per household and review; streaming a review's current
-- surveys in id order for the set-based reclassification job.
create unique index survey_current_uq on survey (province_code, review_id, household_id) where superseded_by is null;
create index survey_current_stream_idx on survey (province_code, review_id, id) where superseded_by is null;
create index survey_household_idx on survey (province_code, household_id);

-- A household's classification in every review (history).
create index classification_household_idx on classification (province_code, household_id);
