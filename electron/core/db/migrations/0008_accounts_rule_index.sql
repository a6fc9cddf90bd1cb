-- 0008: one covering index for the whole-scope scans (dashboard rotation figures, campaign
-- progress, the checklist): every column Rules 1–3 read from an account is in the index, so a scan
-- never visits the table. It starts with (status, system_id), so it also does the work of
-- accounts_status, which it replaces. Measured (bench, district, 26,000 active accounts): the
-- rotation count fell from 10.1 to 6.8 ms (see bench/results.md for the dashboard as a whole).
CREATE INDEX accounts_rule ON accounts (status, system_id, person_id, role, last_changed_on, next_due);
DROP INDEX accounts_status;
