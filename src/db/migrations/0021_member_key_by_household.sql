-- 0021 The member table's primary key leads with the household: (province_code, household_id, id) instead
-- of (province_code, id) plus a second index on (province_code, household_id). Every read of a member
-- goes through its household (the registry, exports, reports, the import's comparison), so the one key
-- serves them all, and a member written costs one index entry fewer. Measured on the import benchmark
-- (docs/benchmarks.md, import): inserting 380,000 members took 4.2-5.1 s with the two indexes and
-- 3.0 s with the one key.
alter table member drop constraint member_pkey;
drop index member_household_idx;
alter table member add constraint member_pkey primary key (province_code, household_id, id);
