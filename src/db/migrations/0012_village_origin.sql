-- 0012 Reports in the 2024 (three-tier) layout (issue 6 §1): the 2024-layout commune each village belonged
-- to before the reorganisation of 1 July 2025. A village moved whole into its new commune, so this link is
-- what places a household of a split or merged commune in its old commune (and district) for a historical
-- report. Where a new commune has a single 2024 predecessor (admin_unit_succession) no row is needed.
-- Keyed like village (2025-layout province and commune first).

create table village_origin (
  province_code text not null,
  commune_code text not null,
  village_code text not null,
  -- 2024-layout commune code (admin_unit layout '2024', tier 'commune').
  old_commune_code text not null,
  source text,
  primary key (province_code, commune_code, village_code)
);
create index village_origin_old_idx on village_origin (old_commune_code);
