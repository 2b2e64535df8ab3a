-- 0002 Administrative units: staging tables for bulk loads and file imports, listing and search indexes.
-- Staging rows are written with COPY outside the applying transaction (COPY runs on its own connection),
-- tagged with a batch id, applied set-based inside one transaction, then deleted.

create table admin_unit_stage (
  batch text not null,
  line integer not null,
  layout text not null,
  code text not null,
  name text not null,
  name_ascii text not null,
  type text not null,
  type_en text not null,
  tier text not null,
  area_type text,
  province_code text not null,
  parent_code text,
  valid_from date not null,
  valid_to date,
  source text,
  primary key (batch, line)
);

create table admin_unit_change_stage (
  batch text not null,
  line integer not null,
  layout text not null,
  code text not null,
  level smallint not null,
  effective_date date not null,
  field text not null,
  value_before text not null,
  value_after text not null,
  name_ascii text,   -- value_after folded to ASCII when field = 'name'
  type_en text,      -- English key of value_after when field = 'type'
  legal_basis text,
  source text,
  primary key (batch, line)
);

create table admin_unit_succession_stage (
  batch text not null,
  line integer not null,
  old_layout text not null,
  old_code text not null,
  new_layout text not null,
  new_code text not null,
  relation text,
  effective_date date not null,
  source text,
  primary key (batch, line)
);

-- Lookups of a batch's rows by unit (anti-joins when closing missing units, predecessor sets).
create index admin_unit_stage_code_idx on admin_unit_stage (batch, layout, code);
create index admin_unit_change_stage_code_idx on admin_unit_change_stage (batch, layout, code, effective_date, field);
create index admin_unit_succession_stage_new_idx on admin_unit_succession_stage (batch, new_layout, new_code);
create index admin_unit_succession_stage_old_idx on admin_unit_succession_stage (batch, old_layout, old_code);

-- Provinces of a layout on a date (listChildren(null)).
create index admin_unit_tier_idx on admin_unit (layout, tier, code);
-- Diacritic-insensitive word-prefix search on the ASCII-folded name (core full-text search, no extension).
create index admin_unit_search_idx on admin_unit using gin (to_tsvector('simple', name_ascii));
