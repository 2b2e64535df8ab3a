-- 0009 Program planning and monitoring (issue 7): program structure, unit statuses, targets, entered
-- outputs, budget plan → allocation → disbursement with their invariants, reallocations, and the
-- monitoring reports of communes. Amounts are whole đồng in numeric(18,0), never floating point.
-- Province code first in every unit-bound key (partition/Citus-ready; the scope filter's column).

-- Programs and their project tree. Rows of the built-in programs are written from src/domain/program
-- at start-up (insert … on conflict do nothing); an editable program's nodes are changed by national
-- administrators, never deleted once money is keyed to them (deactivated instead).
create table program (
  code text primary key,
  name text not null,
  name_en text not null,
  start_year smallint not null,
  end_year smallint not null,
  legal_basis text,
  editable boolean not null default false,
  check (end_year >= start_year)
);

create table program_node (
  program_code text not null references program (code),
  code text not null,
  parent_code text,
  level text not null check (level in ('project', 'subproject', 'content')),
  name text not null,
  name_en text not null,
  verification text not null default 'UNCONFIRMED',
  sort_order integer not null default 0,
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  primary key (program_code, code)
);

-- Statuses a unit holds for the program, effective-dated (poor district, extremely difficult commune, …).
create table program_unit_status (
  province_code text not null,
  unit_code text not null,
  kind text not null check (kind in ('poor_district', 'extremely_difficult_commune', 'high_poverty_commune')),
  valid_from date not null,
  valid_to date,
  decision_ref text,
  recorded_by bigint,
  recorded_at timestamptz not null default now(),
  primary key (province_code, unit_code, kind, valid_from),
  check (valid_to is null or valid_to > valid_from)
);

-- User-defined indicators of a province (built-in indicators live in src/domain/program/indicators.ts).
create table program_indicator (
  province_code text not null,
  code text not null,
  name text not null,
  unit text not null check (unit in ('percent', 'points', 'count')),
  direction text not null check (direction in ('decrease', 'increase')),
  kind text not null check (kind in ('level', 'flow')),
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (province_code, code)
);

-- Targets per unit (the province itself or one of its communes), indicator and year.
create table program_target (
  province_code text not null,
  unit_code text not null,
  indicator_code text not null,
  year smallint not null,
  target numeric(16, 4) not null,
  note text,
  version integer not null default 1,
  updated_by bigint,
  updated_at timestamptz not null default now(),
  primary key (province_code, unit_code, indicator_code, year)
);

-- Values reported by a unit for a period (H1 = six months, Y = the year), for indicators the registry
-- cannot give.
create table program_output (
  province_code text not null,
  unit_code text not null,
  indicator_code text not null,
  year smallint not null,
  period text not null check (period in ('H1', 'Y')),
  value numeric(16, 4) not null check (value >= 0),
  entered_by bigint,
  entered_at timestamptz not null default now(),
  primary key (province_code, unit_code, indicator_code, year, period)
);

-- Budget: plan line (year, node, source) of a province → allocations to its communes → disbursements.
create table budget_plan (
  province_code text not null,
  year smallint not null,
  program_code text not null,
  node_code text not null,
  fund_source text not null check (fund_source in ('central_investment', 'central_recurrent', 'local', 'credit', 'mobilised', 'integrated')),
  amount numeric(18, 0) not null check (amount >= 0),
  decision_ref text,
  version integer not null default 1,
  updated_by bigint,
  updated_at timestamptz not null default now(),
  primary key (province_code, year, program_code, node_code, fund_source),
  foreign key (program_code, node_code) references program_node (program_code, code)
);

create table budget_allocation (
  province_code text not null,
  year smallint not null,
  program_code text not null,
  node_code text not null,
  fund_source text not null,
  unit_code text not null,
  amount numeric(18, 0) not null check (amount >= 0),
  decision_ref text,
  version integer not null default 1,
  updated_by bigint,
  updated_at timestamptz not null default now(),
  primary key (province_code, year, program_code, node_code, fund_source, unit_code),
  foreign key (province_code, year, program_code, node_code, fund_source)
    references budget_plan (province_code, year, program_code, node_code, fund_source)
);
create index budget_allocation_unit_idx on budget_allocation (province_code, unit_code, year);

create table budget_disbursement (
  province_code text not null,
  id bigserial,
  year smallint not null,
  program_code text not null,
  node_code text not null,
  fund_source text not null,
  unit_code text not null,
  paid_on date not null,
  amount numeric(18, 0) not null check (amount > 0),
  document_number text not null check (length(trim(document_number)) > 0),
  note text,
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (province_code, id),
  foreign key (province_code, year, program_code, node_code, fund_source, unit_code)
    references budget_allocation (province_code, year, program_code, node_code, fund_source, unit_code)
);
create index budget_disbursement_line_idx on budget_disbursement (province_code, year, program_code, node_code, fund_source, unit_code);

-- Money moved between two communes' allocations of one plan line, with the reason (also audited).
create table budget_reallocation (
  province_code text not null,
  id bigserial,
  year smallint not null,
  program_code text not null,
  node_code text not null,
  fund_source text not null,
  from_unit text not null,
  to_unit text not null,
  amount numeric(18, 0) not null check (amount > 0),
  reason text not null check (length(trim(reason)) > 0),
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (province_code, id),
  check (from_unit <> to_unit)
);

-- A unit's monitoring report for a period (Circular 10/2022 cycle), with the figures as submitted.
create table program_report (
  province_code text not null,
  unit_code text not null,
  year smallint not null,
  period text not null check (period in ('H1', 'Y')),
  submitted_on date not null,
  submitted_at timestamptz not null default now(),
  submitted_by bigint,
  figures jsonb not null,
  note text,
  primary key (province_code, unit_code, year, period)
);

-- The invariants, enforced whatever writes the rows (the service checks first and locks the plan line).
create function budget_check_allocation() returns trigger language plpgsql as $$
declare
  planned numeric;
  allocated numeric;
  disbursed numeric;
begin
  select amount into planned from budget_plan
    where province_code = new.province_code and year = new.year and program_code = new.program_code
      and node_code = new.node_code and fund_source = new.fund_source;
  select coalesce(sum(amount), 0) into allocated from budget_allocation
    where province_code = new.province_code and year = new.year and program_code = new.program_code
      and node_code = new.node_code and fund_source = new.fund_source;
  if allocated > planned then
    raise exception 'Tổng phân bổ (% đồng) vượt kế hoạch vốn (% đồng) của dòng kế hoạch %/%/%', allocated, planned, new.node_code, new.fund_source, new.year
      using errcode = 'P0001';
  end if;
  select coalesce(sum(amount), 0) into disbursed from budget_disbursement
    where province_code = new.province_code and year = new.year and program_code = new.program_code
      and node_code = new.node_code and fund_source = new.fund_source and unit_code = new.unit_code;
  if disbursed > new.amount then
    raise exception 'Số phân bổ (% đồng) cho đơn vị % nhỏ hơn số đã giải ngân (% đồng)', new.amount, new.unit_code, disbursed
      using errcode = 'P0001';
  end if;
  return null;
end;
$$;
create trigger budget_allocation_check after insert or update on budget_allocation
  for each row execute function budget_check_allocation();

create function budget_check_plan() returns trigger language plpgsql as $$
declare
  allocated numeric;
begin
  select coalesce(sum(amount), 0) into allocated from budget_allocation
    where province_code = new.province_code and year = new.year and program_code = new.program_code
      and node_code = new.node_code and fund_source = new.fund_source;
  if allocated > new.amount then
    raise exception 'Kế hoạch vốn (% đồng) nhỏ hơn số đã phân bổ (% đồng)', new.amount, allocated using errcode = 'P0001';
  end if;
  return null;
end;
$$;
create trigger budget_plan_check after update on budget_plan
  for each row execute function budget_check_plan();

create function budget_check_disbursement() returns trigger language plpgsql as $$
declare
  allocated numeric;
  disbursed numeric;
begin
  select amount into allocated from budget_allocation
    where province_code = new.province_code and year = new.year and program_code = new.program_code
      and node_code = new.node_code and fund_source = new.fund_source and unit_code = new.unit_code;
  select coalesce(sum(amount), 0) into disbursed from budget_disbursement
    where province_code = new.province_code and year = new.year and program_code = new.program_code
      and node_code = new.node_code and fund_source = new.fund_source and unit_code = new.unit_code;
  if disbursed > allocated then
    raise exception 'Tổng giải ngân (% đồng) vượt số vốn đã phân bổ (% đồng) cho đơn vị %', disbursed, allocated, new.unit_code
      using errcode = 'P0001';
  end if;
  return null;
end;
$$;
create trigger budget_disbursement_check after insert or update on budget_disbursement
  for each row execute function budget_check_disbursement();
