-- 0006: the receiving office (Phòng Nội vụ in the notices; since 07/2025 a city/province
-- department, or a ward collecting from its schools): its settings, the register of the units it
-- collects from, the campaign files it sends down and the unit files coming up.

-- Receiving mode is a setting of the home unit; its level and address are data, not code.
ALTER TABLE units ADD COLUMN receiving_mode INTEGER NOT NULL DEFAULT 0 CHECK (receiving_mode IN (0, 1));
ALTER TABLE units ADD COLUMN office_level TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN office_address TEXT NOT NULL DEFAULT '';
-- A subordinate unit's contact (who to call or write to when its file is late).
ALTER TABLE units ADD COLUMN contact TEXT NOT NULL DEFAULT '';

-- The units a campaign expects a file from (none listed = every unit of the register).
CREATE TABLE district_expected_units (
  campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
  unit_id      INTEGER NOT NULL REFERENCES units (id),
  PRIMARY KEY (campaign_id, unit_id)
) STRICT, WITHOUT ROWID;

-- The signing key each unit's files must carry. Pinned when the clerk confirms the fingerprint
-- against the one printed on the unit's signed paper report; a key change is confirmed the same
-- way and retires the old key (kept, with who/when). Never deleted.
CREATE TABLE district_unit_keys (
  id            INTEGER PRIMARY KEY,
  unit_id       INTEGER NOT NULL REFERENCES units (id),
  fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 19),
  public_key    TEXT NOT NULL,          -- base64 DER (SPKI) of the Ed25519 public key
  confirmed_at  TEXT NOT NULL,
  confirmed_by  TEXT NOT NULL,
  retired_at    TEXT,
  retired_by    TEXT,
  CHECK ((retired_at IS NULL) = (retired_by IS NULL))
) STRICT;
CREATE UNIQUE INDEX district_unit_keys_current ON district_unit_keys (unit_id) WHERE retired_at IS NULL;
CREATE TRIGGER district_unit_keys_only_retire BEFORE UPDATE ON district_unit_keys
WHEN OLD.retired_at IS NOT NULL OR NEW.retired_at IS NULL
  OR NEW.unit_id IS NOT OLD.unit_id OR NEW.fingerprint IS NOT OLD.fingerprint OR NEW.public_key IS NOT OLD.public_key
  OR NEW.confirmed_at IS NOT OLD.confirmed_at OR NEW.confirmed_by IS NOT OLD.confirmed_by
BEGIN SELECT RAISE(ABORT, 'pinned keys are only retired, never edited'); END;
CREATE TRIGGER district_unit_keys_no_delete BEFORE DELETE ON district_unit_keys
BEGIN SELECT RAISE(ABORT, 'pinned keys are never deleted'); END;

-- Every unit file accepted, as received (the file itself, its SHA-256 and the signed payload).
-- A re-sent file is a new row: the latest row of a (campaign, unit) is its current submission,
-- the earlier ones stay as history. Never edited, never deleted.
CREATE TABLE district_submissions (
  id            INTEGER PRIMARY KEY,
  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
  unit_id       INTEGER NOT NULL REFERENCES units (id),
  key_id        INTEGER NOT NULL REFERENCES district_unit_keys (id),
  received_on   TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  received_at   TEXT NOT NULL,
  received_by   TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size          INTEGER NOT NULL,
  generated_at  TEXT NOT NULL,          -- when the unit exported it (from the signed payload)
  matched_by    TEXT NOT NULL CHECK (matched_by IN ('reference', 'directive')),
  payload       TEXT NOT NULL,          -- the signed JSON payload of the file's hidden sheet
  file          BLOB NOT NULL
) STRICT;
CREATE INDEX district_submissions_unit ON district_submissions (campaign_id, unit_id, id);
CREATE TRIGGER district_submissions_no_update BEFORE UPDATE ON district_submissions
BEGIN SELECT RAISE(ABORT, 'submissions are a record: never edited'); END;
CREATE TRIGGER district_submissions_no_delete BEFORE DELETE ON district_submissions
BEGIN SELECT RAISE(ABORT, 'submissions are a record: never deleted'); END;

-- The figures of each submission per system, so totals are summed in SQL. `system_key` groups
-- the same system across units: its code, or its folded name when the unit's system has no code.
CREATE TABLE district_submission_figures (
  submission_id  INTEGER NOT NULL REFERENCES district_submissions (id),
  position       INTEGER NOT NULL,
  system_key     TEXT NOT NULL,
  system_code    TEXT NOT NULL,
  system_name    TEXT NOT NULL,
  total          INTEGER NOT NULL,
  admin          INTEGER NOT NULL,
  user           INTEGER NOT NULL,
  done           INTEGER NOT NULL,
  late           INTEGER NOT NULL,
  missing        INTEGER NOT NULL,
  to_cancel      INTEGER NOT NULL,
  PRIMARY KEY (submission_id, position)
) STRICT, WITHOUT ROWID;

-- Consolidated workbooks the office exported (what it sent upward, as sent).
CREATE TABLE district_exports (
  id           INTEGER PRIMARY KEY,
  campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
  file_name    TEXT NOT NULL,
  file_path    TEXT NOT NULL,
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  units        INTEGER NOT NULL,
  exported_at  TEXT NOT NULL,
  exported_by  TEXT NOT NULL
) STRICT;

-- Unit side: every campaign file imported, with the office's key, so a later file claiming to come
-- from the same office with another key is pointed out.
CREATE TABLE campaign_file_imports (
  id                  INTEGER PRIMARY KEY,
  campaign_id         INTEGER NOT NULL REFERENCES campaigns (id),
  reference           TEXT NOT NULL,
  office_code         TEXT NOT NULL,
  office_name         TEXT NOT NULL,
  office_fingerprint  TEXT NOT NULL,
  sha256              TEXT NOT NULL,
  imported_at         TEXT NOT NULL,
  imported_by         TEXT NOT NULL
) STRICT;
CREATE INDEX campaign_file_imports_office ON campaign_file_imports (office_code, id);
CREATE UNIQUE INDEX campaigns_reference ON campaigns (reference) WHERE reference IS NOT NULL;
