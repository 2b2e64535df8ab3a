-- 0017 The audit log keeps its before/after images as `json` (the text as written) instead of `jsonb`.
-- Nothing queries inside them (the audit search returns them whole), and an append-only record should
-- keep exactly what was written. The write is what it costs: a bulk import writes one audit row per
-- household with all its members, and jsonb's parse and re-encoding of those images was a quarter of the
-- import's commit (per 100,000 households: casting their 150 MB of after-images to jsonb 4.0 s, to json
-- 1.4 s; see docs/benchmarks.md, import). Key order and spacing of rows written before this stay as jsonb
-- wrote them.
alter table audit_log alter column before type json using before::json, alter column after type json using after::json;
