-- 0003 Household registry and the review workflow (issue 4).
-- Large tables carry province_code (2025-layout province) first in their primary key: partition- and
-- Citus-ready, and the column the scope filter uses. Commune codes are 2025-layout codes.

-- Villages / residential groups (thôn, bản, tổ dân phố), maintained by the commune.
create table village (
  province_code text not null,
  commune_code text not null,
  code text not null,
  name text not null,
  name_ascii text not null,
  valid_from date not null default date '2025-07-01',
  valid_to date,
  primary key (province_code, commune_code, code)
);

create table household (
  province_code text not null,
  id bigserial,
  code text not null,
  commune_code text not null,
  village_code text,
  address text,
  head_name text not null,
  head_name_ascii text not null,
  head_citizen_id text,
  ethnicity text,
  phone text,
  status text not null default 'active'
    check (status in ('active', 'moved_away', 'dissolved', 'deceased', 'merged')),
  status_date date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (province_code, id),
  unique (province_code, code)
);
create index household_commune_idx on household (province_code, commune_code, village_code);
create index household_head_ascii_idx on household (province_code, head_name_ascii);

-- Where the household lived over time (a household that moves keeps its code).
create table household_residence (
  province_code text not null,
  household_id bigint not null,
  commune_code text not null,
  village_code text,
  valid_from date not null,
  valid_to date,
  primary key (province_code, household_id, valid_from),
  check (valid_to is null or valid_to > valid_from)
);

create table member (
  province_code text not null,
  id bigserial,
  household_id bigint not null,
  line_no smallint not null,
  full_name text not null,
  full_name_ascii text not null,
  date_of_birth date,
  birth_year smallint,
  sex text not null check (sex in ('male', 'female')),
  ethnicity text,
  citizen_id text,
  relation text not null,
  -- The remaining raw facts of MemberInput (insurance, schooling, employment, disability, …).
  facts jsonb not null default '{}',
  active boolean not null default true,
  left_reason text,
  left_date date,
  primary key (province_code, id),
  check (date_of_birth is not null or birth_year is not null)
);
create index member_household_idx on member (province_code, household_id);
-- A citizen ID identifies one living person across the whole country.
create unique index member_citizen_id_uq on member (citizen_id) where citizen_id is not null and active;

-- Review campaigns (đợt rà soát): opened by a province.
create table review_campaign (
  id bigserial primary key,
  province_code text not null,
  year smallint not null,
  kind text not null check (kind in ('periodic', 'monthly')),
  standard_id text not null,
  local_standard_id text,
  policy_year smallint not null,
  reference_date date not null,
  plan_start date not null,
  plan_end date not null,
  title text not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  closed_at timestamptz,
  created_by bigint,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  check (plan_end >= plan_start)
);
create index review_campaign_province_idx on review_campaign (province_code, year);

-- One commune's review inside a campaign: the DHIS2-style approval state lives here.
create table commune_review (
  province_code text not null,
  id bigserial,
  campaign_id bigint not null references review_campaign (id),
  commune_code text not null,
  state text not null default 'listing',
  state_changed_at timestamptz not null default now(),
  posting_start date,
  posting_end date,
  decision_number text,
  decision_date date,
  decision_signer text,
  submitted_at timestamptz,
  accepted_at timestamptz,
  accepted_by bigint,
  version integer not null default 1,
  primary key (province_code, id),
  unique (campaign_id, commune_code)
);

-- Every state change, with who, when and why (reopen reasons are mandatory).
create table commune_review_event (
  province_code text not null,
  id bigserial,
  review_id bigint not null,
  at timestamptz not null default now(),
  actor_id bigint,
  action text not null,
  from_state text,
  to_state text not null,
  reason text,
  payload jsonb,
  primary key (province_code, id)
);
create index commune_review_event_review_idx on commune_review_event (province_code, review_id, at);

-- Households on a review's list, and how far each got.
create table review_household (
  province_code text not null,
  review_id bigint not null,
  household_id bigint not null,
  listing_reason text not null check (listing_reason in ('on_poor_list', 'on_near_poor_list', 'applied', 'added')),
  stage text not null default 'listed' check (stage in ('listed', 'surveyed', 'agreed', 'rejected', 'final')),
  meeting_agree integer,
  meeting_attendees integer,
  proposed_class text,
  final_class text,
  primary key (province_code, review_id, household_id)
);

-- Survey records (forms A and B) per household and review; a new survey supersedes, never overwrites.
create table survey (
  province_code text not null,
  id bigserial,
  review_id bigint not null,
  household_id bigint not null,
  form_a jsonb,
  excluded_by_form_a boolean not null default false,
  score_a integer,
  score_a_items jsonb,
  income bigint,
  -- Snapshot of the household input model (household facts and members) as surveyed.
  facts jsonb not null,
  causes text[] not null default '{}',
  needs text[] not null default '{}',
  surveyed_by bigint,
  surveyed_on date not null,
  superseded_by bigint,
  created_at timestamptz not null default now(),
  primary key (province_code, id)
);
create index survey_review_household_idx on survey (province_code, review_id, household_id);

-- Classification result per household × review × standard, with the explanation and the survey used.
create table classification (
  province_code text not null,
  review_id bigint not null,
  household_id bigint not null,
  standard_id text not null,
  survey_id bigint not null,
  area_type text not null,
  class text not null check (class in ('poor', 'near_poor', 'average', 'none')),
  subtype text,
  deprivation_count smallint not null,
  deprivations text[] not null,
  explanation text not null,
  computed_at timestamptz not null default now(),
  primary key (province_code, review_id, household_id, standard_id)
);

create table village_meeting (
  province_code text not null,
  review_id bigint not null,
  village_code text not null,
  held_on date not null,
  attendees integer not null check (attendees > 0),
  chair text not null,
  secretary text not null,
  minutes_file text,
  minutes_name text,
  recorded_by bigint,
  primary key (province_code, review_id, village_code)
);

create table meeting_vote (
  province_code text not null,
  review_id bigint not null,
  household_id bigint not null,
  village_code text not null,
  agree integer not null check (agree >= 0),
  attendees integer not null check (attendees > 0 and agree <= attendees),
  primary key (province_code, review_id, household_id)
);

create table complaint (
  province_code text not null,
  id bigserial,
  review_id bigint not null,
  household_id bigint,
  received_on date not null,
  complainant text not null,
  content text not null,
  recheck_note text,
  outcome text check (outcome in ('upheld', 'rejected', 'withdrawn')),
  resolved_on date,
  recorded_by bigint,
  primary key (province_code, id)
);
create index complaint_review_idx on complaint (province_code, review_id);

-- The recognised lists: the legal status of a household from a decision on (annual or monthly).
create table list_status (
  province_code text not null,
  household_id bigint not null,
  list_year smallint not null,
  status text not null check (status in ('poor', 'near_poor', 'none')),
  standard_id text not null,
  review_id bigint,
  application_id bigint,
  decision_number text not null,
  decision_date date not null,
  effective_from date not null,
  primary key (province_code, household_id, effective_from)
);
create index list_status_year_idx on list_status (province_code, list_year, status);

-- Monthly (regular) review applications: form 01 (request review) and form 04 (register to escape).
create table monthly_application (
  province_code text not null,
  id bigserial,
  commune_code text not null,
  household_id bigint not null,
  form text not null check (form in ('01', '04')),
  received_on date not null,
  round_start date not null,
  deadline date not null,
  state text not null default 'received',
  requested_status text,
  outcome_status text,
  decision_number text,
  decision_date date,
  refusal_reason text,
  survey_id bigint,
  version integer not null default 1,
  created_by bigint,
  created_at timestamptz not null default now(),
  primary key (province_code, id)
);
create index monthly_application_commune_idx on monthly_application (province_code, commune_code, state);

create table certificate (
  province_code text not null,
  id bigserial,
  household_id bigint not null,
  number text not null,
  status text not null check (status in ('poor', 'near_poor')),
  list_year smallint not null,
  issued_on date not null,
  decision_number text not null,
  primary key (province_code, id),
  unique (province_code, number)
);
