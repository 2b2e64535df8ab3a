-- 0008 Boundaries for the choropleth map (issue 6 §3): one simplified polygon geometry per administrative
-- unit of a layout and level, imported by an administrator from GeoJSON or TopoJSON, and the import log.
-- province_code is the 2025-layout province the unit lies in (the column the scope filter uses; for a
-- 2024-layout unit it is found through the succession links), first in the key as for every large table.

create table boundary (
  province_code text not null,
  layout text not null check (layout in ('2024', '2025')),
  level text not null check (level in ('province', 'commune')),
  code text not null,
  -- The unit's own province code in its layout (differs from province_code for some 2024 units).
  unit_province_code text not null,
  -- GeoJSON geometry (Polygon or MultiPolygon), simplified and rounded, as compact JSON text: it is only
  -- ever sent on, so it is kept exactly as it will be written into the FeatureCollection.
  geometry text not null,
  positions integer not null,
  import_id bigint not null,
  primary key (province_code, layout, level, code)
);
create index boundary_layer_idx on boundary (layout, level, unit_province_code);

create table boundary_import (
  id bigserial primary key,
  layout text not null check (layout in ('2024', '2025')),
  level text not null check (level in ('province', 'commune')),
  file_name text,
  format text not null check (format in ('geojson', 'topojson')),
  code_property text not null,
  tolerance double precision not null,
  features integer not null,
  matched integer not null,
  -- Unmatched features and units, property scores, repeated codes (see src/db/boundaries/import.ts).
  report jsonb not null,
  imported_by bigint,
  imported_at timestamptz not null default now()
);
