-- 0004: report exports (what the unit sent, as sent), amendments after reporting, campaign reference.

-- A campaign set up from a receiving office's campaign file keeps that office's identifier.
ALTER TABLE campaigns ADD COLUMN reference TEXT;

-- Each export is recorded with the file's SHA-256 and the figures as exported, so the unit can
-- show exactly what it sent; the rows are never edited.
CREATE TABLE report_exports (
  id            INTEGER PRIMARY KEY,
  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
  kind          TEXT NOT NULL CHECK (kind IN ('report', 'cancellations')),
  file_name     TEXT NOT NULL,
  file_path     TEXT NOT NULL,
  sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
  figures       TEXT NOT NULL,           -- JSON of the figures as written in the file
  exported_at   TEXT NOT NULL,
  exported_by   TEXT NOT NULL
) STRICT;
CREATE INDEX report_exports_campaign ON report_exports (campaign_id, id);
CREATE TRIGGER report_exports_no_update BEFORE UPDATE ON report_exports
BEGIN SELECT RAISE(ABORT, 'report exports are a record: never edited'); END;
CREATE TRIGGER report_exports_no_delete BEFORE DELETE ON report_exports
BEGIN SELECT RAISE(ABORT, 'report exports are a record: never deleted'); END;

-- After a campaign is reported its figures are locked: a later correction is an amendment
-- (who, when, why), shown as such and included in the next export.
CREATE TABLE campaign_amendments (
  id           INTEGER PRIMARY KEY,
  campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  summary      TEXT NOT NULL,
  data         TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX campaign_amendments_campaign ON campaign_amendments (campaign_id, id);
CREATE TRIGGER campaign_amendments_no_update BEFORE UPDATE ON campaign_amendments
BEGIN SELECT RAISE(ABORT, 'amendments are never edited'); END;
CREATE TRIGGER campaign_amendments_no_delete BEFORE DELETE ON campaign_amendments
BEGIN SELECT RAISE(ABORT, 'amendments are never deleted'); END;
