-- 0013 (issue 15, trust in unit files):
-- * a unit's pinned key is changed only by an explicit act with a reason (never by importing a
--   batch of files): the reason is kept with the retired key, beside who/when;
-- * the unit side records which key signed each export, so the next export can warn when the key
--   changed (a database copied or restored without its key file gets a new key silently).
ALTER TABLE district_unit_keys ADD COLUMN retired_reason TEXT;
ALTER TABLE report_exports ADD COLUMN fingerprint TEXT;
-- * the unit's own Ed25519 signing key lives in the database (it was a file beside it that
--   backups did not copy: after a restore on a new PC the next export silently used a new key).
--   One row; the private key as PKCS#8 PEM. Backups and restores carry it like any other row.
CREATE TABLE signing_key (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  private_key  TEXT NOT NULL,
  fingerprint  TEXT NOT NULL CHECK (length(fingerprint) = 19),
  created_at   TEXT NOT NULL,
  origin       TEXT NOT NULL CHECK (origin IN ('generated', 'file'))
) STRICT;
