-- 0003: the monthly evaluation cycle (Đống Đa letter 01/2024, section 2): individuals
-- self-evaluate on the 22nd–24th, the unit on the 25th, the PDF is emailed before the 29th.
-- One row per month: the dates the clerk records, and where the PDF went. Lateness is computed
-- (shared/evaluation/rules.ts), never stored. Rows may be corrected (UPDATE, audited by the
-- service in the same transaction) but never deleted: a month's history stays.
CREATE TABLE monthly_evaluations (
  month                TEXT PRIMARY KEY
                       CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND substr(month, 6, 2) BETWEEN '01' AND '12'),
  self_eval_done_on    TEXT CHECK (self_eval_done_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  unit_eval_on         TEXT CHECK (unit_eval_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  pdf_sent_on          TEXT CHECK (pdf_sent_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  sent_to              TEXT NOT NULL DEFAULT '',
  note                 TEXT NOT NULL DEFAULT '',
  -- The windows in force when the month was first recorded: a later change of the settings
  -- (the district may move the days) does not rewrite a past month's result.
  self_eval_start_day  INTEGER NOT NULL CHECK (self_eval_start_day BETWEEN 1 AND 31),
  self_eval_end_day    INTEGER NOT NULL CHECK (self_eval_end_day BETWEEN 1 AND 31),
  unit_eval_day        INTEGER NOT NULL CHECK (unit_eval_day BETWEEN 1 AND 31),
  send_before_day      INTEGER NOT NULL CHECK (send_before_day BETWEEN 1 AND 31),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  CHECK (self_eval_start_day <= self_eval_end_day AND self_eval_end_day < unit_eval_day AND unit_eval_day < send_before_day),
  -- Dates belong to the month or later (a month cannot be evaluated before it begins).
  CHECK (self_eval_done_on IS NULL OR self_eval_done_on >= month || '-01'),
  CHECK (unit_eval_on IS NULL OR unit_eval_on >= month || '-01'),
  CHECK (pdf_sent_on IS NULL OR pdf_sent_on >= month || '-01'),
  CHECK (pdf_sent_on IS NULL OR sent_to <> '')
) STRICT, WITHOUT ROWID;

CREATE TRIGGER monthly_evaluations_no_delete BEFORE DELETE ON monthly_evaluations
BEGIN SELECT RAISE(ABORT, 'monthly evaluations are never deleted: correct them'); END;
