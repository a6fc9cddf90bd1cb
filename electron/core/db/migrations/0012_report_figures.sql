-- 0012: the receiving office keeps the figures of report schema 2 (issue 14, issue 15 item 5):
-- one state per account — the states (to cancel, must change after malware, done, late, missing)
-- add up to the total — split by role, and the unit's devices counted once each.
ALTER TABLE district_submission_figures ADD COLUMN must_change INTEGER NOT NULL DEFAULT 0;
-- Admin accounts by state; the user accounts are the rest (total − admin, state by state).
ALTER TABLE district_submission_figures ADD COLUMN admin_to_cancel INTEGER NOT NULL DEFAULT 0;
ALTER TABLE district_submission_figures ADD COLUMN admin_must_change INTEGER NOT NULL DEFAULT 0;
ALTER TABLE district_submission_figures ADD COLUMN admin_done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE district_submission_figures ADD COLUMN admin_late INTEGER NOT NULL DEFAULT 0;
ALTER TABLE district_submission_figures ADD COLUMN admin_missing INTEGER NOT NULL DEFAULT 0;
-- Schema 1 files counted the accounts to cancel outside the total: make the stored totals the sum
-- of the states (their role split by state is unknown: left at 0).
UPDATE district_submission_figures SET total = total + to_cancel;

-- The unit's devices, each counted once (schema 1 files had per-system figures only: no row).
CREATE TABLE district_submission_devices (
  submission_id  INTEGER PRIMARY KEY REFERENCES district_submissions (id),
  devices        INTEGER NOT NULL,
  checked        INTEGER NOT NULL,
  licensed_av    INTEGER NOT NULL,
  infected       INTEGER NOT NULL,
  remediated     INTEGER NOT NULL
) STRICT;
