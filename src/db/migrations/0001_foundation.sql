-- 0001 Foundation: settings, effective-dated administrative units, users and sessions, append-only audit log.
-- SQL kept to what PostgreSQL 15 supports (PGlite is PostgreSQL 18; CI runs both).

create table setting (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by bigint
);

-- Administrative units. One row is one version of a unit's attributes, valid on [valid_from, valid_to).
-- The layout ('2024' three-tier, '2025' two-tier) is part of the identity: codes were reused in 2025.
create table admin_unit (
  layout text not null check (layout in ('2024', '2025')),
  code text not null,
  valid_from date not null,
  valid_to date,
  name text not null,
  name_ascii text not null,
  type text not null,
  type_en text not null,
  tier text not null check (tier in ('province', 'district', 'commune')),
  area_type text check (area_type in ('urban', 'rural', 'special_zone')),
  province_code text not null,
  source text,
  primary key (layout, code, valid_from),
  check (valid_to is null or valid_to > valid_from)
);
create index admin_unit_province_idx on admin_unit (layout, province_code, tier);
create index admin_unit_name_idx on admin_unit (layout, name_ascii);

create table admin_unit_parent (
  layout text not null,
  code text not null,
  parent_code text not null,
  valid_from date not null,
  valid_to date,
  primary key (layout, code, valid_from),
  check (valid_to is null or valid_to > valid_from)
);
create index admin_unit_parent_parent_idx on admin_unit_parent (layout, parent_code);

-- Succession old -> new. A split old commune has several rows (relation 'partial').
create table admin_unit_succession (
  old_layout text not null,
  old_code text not null,
  new_layout text not null,
  new_code text not null,
  relation text not null check (relation in ('full', 'partial')),
  effective_date date not null,
  source text,
  primary key (old_layout, old_code, new_layout, new_code)
);
create index admin_unit_succession_new_idx on admin_unit_succession (new_layout, new_code);

-- Journal of applied change lists, so re-importing the same file changes nothing.
create table admin_unit_change (
  layout text not null,
  code text not null,
  effective_date date not null,
  field text not null,
  value_before text,
  value_after text not null,
  legal_basis text,
  source text,
  applied_at timestamptz not null default now(),
  applied_by bigint,
  primary key (layout, code, effective_date, field)
);

create table app_user (
  id bigserial primary key,
  username text not null unique,
  full_name text not null,
  email text,
  phone text,
  password_hash text not null,
  role text not null check (role in ('national_admin', 'province_officer', 'commune_officer',
                                     'village_reviewer', 'commune_chair', 'steering_viewer')),
  unit_layout text not null default '2025',
  unit_code text,
  province_code text,
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((role = 'national_admin') = (unit_code is null) or role = 'steering_viewer')
);
create index app_user_unit_idx on app_user (province_code, unit_code);

create table user_session (
  id text primary key,
  user_id bigint not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now(),
  ip text,
  user_agent text
);
create index user_session_user_idx on user_session (user_id);

create table api_token (
  id bigserial primary key,
  user_id bigint not null references app_user (id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  last_used_at timestamptz
);

-- Append-only audit log. Province code is in the key (partition/Citus-ready); '00' = national.
create table audit_log (
  id bigserial,
  province_code text not null default '00',
  at timestamptz not null default now(),
  actor_id bigint,
  actor_username text,
  actor_role text,
  action text not null,
  entity text not null,
  entity_id text,
  unit_code text,
  before jsonb,
  after jsonb,
  reason text,
  ip text,
  request_id text,
  primary key (province_code, id)
);
create index audit_log_at_idx on audit_log (at);
create index audit_log_actor_idx on audit_log (actor_id, at);
create index audit_log_entity_idx on audit_log (entity, entity_id);
create index audit_log_unit_idx on audit_log (province_code, unit_code, at);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'Nhật ký kiểm toán chỉ được ghi thêm, không được sửa hoặc xoá (audit log is append-only)'
    using errcode = 'P0001';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
