-- 0009: the words of a campaign's report the unit may change before signing (issue 19): Kính gửi,
-- the "Căn cứ" lines, sections I and V, Nơi nhận, the signer's title and name. A NULL column
-- follows the generated text (which moves with the data); the figures are never stored here.
-- Every save is audited (before/after) by the service.
CREATE TABLE report_narratives (
  campaign_id   INTEGER PRIMARY KEY REFERENCES campaigns (id),
  kinh_gui      TEXT,
  basis         TEXT,
  section1      TEXT,
  section5      TEXT,
  recipients    TEXT,
  signer_title  TEXT,
  signer_name   TEXT,
  updated_at    TEXT NOT NULL,
  updated_by    TEXT NOT NULL
) STRICT;
