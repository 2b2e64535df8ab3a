-- 0015 Two indexes no query can use (issue 5, found while measuring the import's commit).
-- Name search (household list, review listing) matches the folded names with `like '%…%'`; a b-tree on
-- a column of the database's default collation serves neither that nor a prefix `like 'abc%'` (EXPLAIN
-- on 100,000 households shows a sequential scan with or without them). Maintaining them was a third of
-- the cost of inserting members (4.3 s of 11.5 s per 380,000 members on the benchmark VM). A search index
-- that does serve contains-matching (pg_trgm GIN) is left for when name search needs it.
drop index if exists member_name_ascii_idx;
drop index if exists household_head_ascii_idx;
