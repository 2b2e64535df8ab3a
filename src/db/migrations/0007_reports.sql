-- 0007 Report summary tables (issue 6): aggregates per province, list year, commune and village that the
-- official report forms F1–F13 and the dashboards read instead of scanning households. Rebuilt
-- set-based per commune (a review decision, a data change) or per province (src/db/reports/refresh.ts).
-- Keys: province_code first, then list_year, commune_code, village_code ('' = household without a
-- village). Unit codes are 2025-layout codes (the registry's). See docs/reports.md "Summary tables".

-- Households and persons by list status of the year ('poor', 'near_poor', 'average' = farm household
-- with average living standard in that year's periodic review, 'other' = every other resident
-- household), with the target-group, ethnicity and children counts of forms F1, F8, F11, F12, F13.
create table report_unit_summary (
  province_code text not null,
  list_year smallint not null,
  commune_code text not null,
  village_code text not null,
  status text not null check (status in ('poor', 'near_poor', 'average', 'other')),
  -- The commune's area type (admin_unit.area_type of its 2025 version: urban / rural / special_zone).
  area_type text,
  households integer not null,
  persons integer not null,
  households_kinh integer not null,
  persons_kinh integer not null,
  households_minority integer not null,
  persons_minority integer not null,
  households_female_head integer not null,
  persons_female_head integer not null,
  households_no_labour integer not null,
  persons_no_labour integer not null,
  households_merit integer not null,
  persons_merit integer not null,
  -- Households in none of the groups ethnic minority / without working capacity / with a person with merit.
  households_no_group integer not null,
  persons_no_group integer not null,
  -- Households with a classification in the year's periodic review (the deprivation and cause data).
  households_classified integer not null,
  deprivations_total integer not null,
  children integer not null,
  children_health integer not null,
  children_education integer not null,
  primary key (province_code, list_year, commune_code, village_code, status)
);

-- Households deprived in each indicator (classification.deprivations), by list status (F4–F7).
create table report_deprivation_summary (
  province_code text not null,
  list_year smallint not null,
  commune_code text not null,
  village_code text not null,
  status text not null,
  indicator text not null,
  households integer not null,
  persons integer not null,
  primary key (province_code, list_year, commune_code, village_code, status, indicator)
);

-- Households by cause of poverty (survey.causes of the classified survey, multi-select), by list status (F10).
create table report_cause_summary (
  province_code text not null,
  list_year smallint not null,
  commune_code text not null,
  village_code text not null,
  status text not null,
  cause text not null,
  households integer not null,
  primary key (province_code, list_year, commune_code, village_code, status, cause)
);

-- Households and persons by the household's ethnic group ('' = not recorded), by list status (F9).
create table report_ethnic_summary (
  province_code text not null,
  list_year smallint not null,
  commune_code text not null,
  village_code text not null,
  status text not null,
  ethnicity text not null,
  households integer not null,
  persons integer not null,
  primary key (province_code, list_year, commune_code, village_code, status, ethnicity)
);

-- Movement facts between the lists of list_year − 1 and list_year, grouped (F2, F3): the domain
-- (src/domain/movements) classifies each distinct combination once and weights it by the counts.
-- exit_reason / entry_reason '' = none.
create table report_movement_summary (
  province_code text not null,
  list_year smallint not null,
  commune_code text not null,
  village_code text not null,
  previous text not null,
  current text not null,
  exit_reason text not null,
  entry_reason text not null,
  was_poor_before boolean not null,
  was_near_poor_before boolean not null,
  households integer not null,
  persons integer not null,
  primary key (province_code, list_year, commune_code, village_code, previous, current, exit_reason, entry_reason,
               was_poor_before, was_near_poor_before)
);

-- When each commune's summaries were last rebuilt.
create table report_summary_state (
  province_code text not null,
  commune_code text not null,
  refreshed_at timestamptz not null default now(),
  primary key (province_code, commune_code)
);

-- Communes whose registry data changed since their summaries were built: the report reads rebuild them
-- first. Marked by statement-level triggers (one insert per statement, whatever its size).
create table report_dirty (
  province_code text not null,
  commune_code text not null,
  marked_at timestamptz not null default now(),
  primary key (province_code, commune_code)
);

create function report_mark_dirty_household() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into report_dirty (province_code, commune_code)
    select distinct province_code, commune_code from new_rows on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into report_dirty (province_code, commune_code)
    select distinct province_code, commune_code from old_rows on conflict do nothing;
  end if;
  return null;
end;
$$;

-- Rows carrying (province_code, household_id): member, list_status, classification.
create function report_mark_dirty_by_household() returns trigger language plpgsql as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into report_dirty (province_code, commune_code)
    select distinct h.province_code, h.commune_code
    from (select distinct province_code, household_id from new_rows) x
    join household h on h.province_code = x.province_code and h.id = x.household_id
    on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into report_dirty (province_code, commune_code)
    select distinct h.province_code, h.commune_code
    from (select distinct province_code, household_id from old_rows) x
    join household h on h.province_code = x.province_code and h.id = x.household_id
    on conflict do nothing;
  end if;
  return null;
end;
$$;

-- One trigger per table and event (a trigger with transition tables handles one event).
do $$
declare
  t record;
begin
  for t in select * from (values ('household', 'report_mark_dirty_household'), ('member', 'report_mark_dirty_by_household'),
                                 ('list_status', 'report_mark_dirty_by_household'), ('classification', 'report_mark_dirty_by_household')) v(tbl, fn)
  loop
    execute format('create trigger report_dirty_%1$s_ins after insert on %1$I referencing new table as new_rows for each statement execute function %2$I()', t.tbl, t.fn);
    execute format('create trigger report_dirty_%1$s_upd after update on %1$I referencing old table as old_rows new table as new_rows for each statement execute function %2$I()', t.tbl, t.fn);
    execute format('create trigger report_dirty_%1$s_del after delete on %1$I referencing old table as old_rows for each statement execute function %2$I()', t.tbl, t.fn);
  end loop;
end;
$$;
