-- 0011: digital signing (ký số) with the unit's USB token, and the receiving office's trust list.

-- Root certificates the receiving office trusts (Cài đặt → Chứng thư số gốc tin cậy). None ship
-- with ATTK: the office imports the .cer/.crt of the CAs it accepts. A removed root stays as a
-- record (who, when); only rows with removed_at NULL are trusted.
CREATE TABLE trusted_roots (
  id           INTEGER PRIMARY KEY,
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  subject      TEXT NOT NULL,
  common_name  TEXT NOT NULL,
  not_before   TEXT NOT NULL,
  not_after    TEXT NOT NULL,
  der          BLOB NOT NULL,
  added_at     TEXT NOT NULL,
  added_by     TEXT NOT NULL,
  removed_at   TEXT,
  removed_by   TEXT,
  CHECK ((removed_at IS NULL) = (removed_by IS NULL))
) STRICT;
CREATE UNIQUE INDEX trusted_roots_current ON trusted_roots (sha256) WHERE removed_at IS NULL;

-- Each signed report PDF the unit made: the file's SHA-256 and the certificate it was signed
-- with, beside the workbook it carries (report_exports). A record: never edited, never deleted.
CREATE TABLE report_signatures (
  id            INTEGER PRIMARY KEY,
  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
  export_id     INTEGER REFERENCES report_exports (id),
  file_name     TEXT NOT NULL,
  file_path     TEXT NOT NULL,
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  subject       TEXT NOT NULL,
  serial        TEXT NOT NULL,
  common_name   TEXT NOT NULL,
  organisation  TEXT NOT NULL,
  issuer        TEXT NOT NULL,
  signed_at     TEXT NOT NULL,
  signed_by     TEXT NOT NULL
) STRICT;
CREATE INDEX report_signatures_campaign ON report_signatures (campaign_id, id);
CREATE TRIGGER report_signatures_no_update BEFORE UPDATE ON report_signatures
BEGIN SELECT RAISE(ABORT, 'signed reports are a record: never edited'); END;
CREATE TRIGGER report_signatures_no_delete BEFORE DELETE ON report_signatures
BEGIN SELECT RAISE(ABORT, 'signed reports are a record: never deleted'); END;

-- The receiving office: the signature of a unit file that came as a signed PDF (the submission
-- row holds the PDF itself; the workbook inside it is what was checked and counted).
CREATE TABLE district_submission_signatures (
  submission_id  INTEGER PRIMARY KEY REFERENCES district_submissions (id),
  common_name    TEXT NOT NULL,
  organisation   TEXT NOT NULL,
  subject        TEXT NOT NULL,
  serial         TEXT NOT NULL,
  issuer         TEXT NOT NULL,
  signing_time   TEXT NOT NULL,
  root_sha256    TEXT NOT NULL
) STRICT, WITHOUT ROWID;
