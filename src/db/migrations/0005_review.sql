-- 0005 Review workflow storage (issue 4, review API). Only additions and widened keys on the 0003
-- tables; every existing column keeps its meaning. See docs/review-api.md.

-- One periodic campaign per province and year; a monthly round remembers its month.
alter table review_campaign add column month smallint check (month between 1 and 12);
create unique index review_campaign_periodic_uq on review_campaign (province_code, year) where kind = 'periodic';

alter table commune_review add constraint commune_review_state_check check (
  state in ('listing', 'surveying', 'village_meetings', 'public_posting', 'complaints', 'decided', 'submitted', 'accepted'));
create index commune_review_campaign_idx on commune_review (campaign_id, commune_code);

-- A household the village meeting rejects is surveyed again from this moment: only surveys created
-- after it count as "surveyed".
alter table review_household add column returned_at timestamptz;

-- A village may meet more than once in one review (a new meeting for the households sent back):
-- meetings are numbered per village; rows written without a number are meeting 1.
alter table village_meeting add column meeting_no smallint not null default 1 check (meeting_no >= 1);
alter table village_meeting drop constraint village_meeting_pkey;
alter table village_meeting add primary key (province_code, review_id, village_code, meeting_no);

alter table meeting_vote add column meeting_no smallint not null default 1 check (meeting_no >= 1);
alter table meeting_vote add column disagree integer not null default 0 check (disagree >= 0);
alter table meeting_vote add check (agree + disagree <= attendees);
alter table meeting_vote drop constraint meeting_vote_pkey;
alter table meeting_vote add primary key (province_code, review_id, household_id, meeting_no);

-- Complaints belong to a commune review or to a monthly application (exactly one of the two).
alter table complaint alter column review_id drop not null;
alter table complaint add column application_id bigint;
alter table complaint add check (num_nonnulls(review_id, application_id) = 1);
create index complaint_application_idx on complaint (province_code, application_id);

-- Monthly applications carry their own survey mark, village meeting, posting and answer date.
alter table monthly_application add column village_code text;
alter table monthly_application add column surveyed_on date;
alter table monthly_application add column meeting_held_on date;
alter table monthly_application add column meeting_attendees integer check (meeting_attendees > 0);
alter table monthly_application add column meeting_agree integer check (meeting_agree >= 0);
alter table monthly_application add column meeting_disagree integer check (meeting_disagree >= 0);
alter table monthly_application add column meeting_chair text;
alter table monthly_application add column meeting_secretary text;
alter table monthly_application add column minutes_file text;
alter table monthly_application add column minutes_name text;
alter table monthly_application add column posting_start date;
alter table monthly_application add column posting_end date;
alter table monthly_application add column decision_signer text;
alter table monthly_application add column list_status text check (list_status in ('poor', 'near_poor', 'none'));
alter table monthly_application add column closed_on date;
alter table monthly_application add column updated_at timestamptz not null default now();

-- Uploaded files of the workflow (village-meeting minutes), kept in the database so they are backed up,
-- replicated and scoped with the records that cite them. `minutes_file` columns hold 'review_file:<id>'.
create table review_file (
  province_code text not null,
  id bigserial,
  commune_code text not null,
  name text not null,
  content_type text not null,
  size integer not null check (size >= 0),
  sha256 text not null,
  content bytea not null,
  uploaded_by bigint,
  uploaded_at timestamptz not null default now(),
  primary key (province_code, id)
);

create index list_status_review_idx on list_status (province_code, review_id);
create index list_status_application_idx on list_status (province_code, application_id);
