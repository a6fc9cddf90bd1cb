-- 0002: password-change confirmations, review campaigns, the legal-basis register.

-- A confirmation says THAT a password was changed, by whom and how it was confirmed.
-- Never edited in place: a mistake is voided (with a reason) and entered again.
CREATE TABLE confirmations (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES accounts (id),
  changed_on    TEXT NOT NULL CHECK (changed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  confirmed_by  TEXT NOT NULL CHECK (confirmed_by IN ('owner', 'clerk')),
  method        TEXT NOT NULL CHECK (method IN ('sign_sheet', 'self_declared', 'seen_on_screen')),
  note          TEXT NOT NULL DEFAULT '',
  campaign_id   INTEGER REFERENCES campaigns (id),
  batch_id      TEXT,
  recorded_by   TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  voided_at     TEXT,
  voided_by     TEXT,
  void_reason   TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
-- Latest valid change per account: the rotation and campaign queries read only this index.
CREATE INDEX confirmations_valid ON confirmations (account_id, changed_on) WHERE voided_at IS NULL;
CREATE INDEX confirmations_all ON confirmations (account_id, id);

CREATE TRIGGER confirmations_only_void BEFORE UPDATE ON confirmations
WHEN OLD.voided_at IS NOT NULL
  OR NEW.voided_at IS NULL
  OR NEW.account_id IS NOT OLD.account_id OR NEW.changed_on IS NOT OLD.changed_on
  OR NEW.confirmed_by IS NOT OLD.confirmed_by OR NEW.method IS NOT OLD.method OR NEW.note IS NOT OLD.note
  OR NEW.campaign_id IS NOT OLD.campaign_id OR NEW.batch_id IS NOT OLD.batch_id
  OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'confirmations are never edited: void and re-enter'); END;
CREATE TRIGGER confirmations_no_delete BEFORE DELETE ON confirmations
BEGIN SELECT RAISE(ABORT, 'confirmations are never deleted: void them'); END;

CREATE TABLE campaigns (
  id                INTEGER PRIMARY KEY,
  directive_number  TEXT NOT NULL,
  directive_date    TEXT,
  issuer            TEXT NOT NULL DEFAULT '',
  subject           TEXT NOT NULL,
  start_date        TEXT NOT NULL,
  deadline          TEXT NOT NULL,
  recipient         TEXT NOT NULL DEFAULT '',
  note              TEXT NOT NULL DEFAULT '',
  status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_progress', 'reported', 'sent')),
  started_on        TEXT,
  report_number     TEXT,
  reported_on       TEXT,
  signer            TEXT,
  sent_on           TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (start_date <= deadline)
) STRICT;

CREATE TABLE campaign_systems (
  campaign_id  INTEGER NOT NULL REFERENCES campaigns (id),
  system_id    INTEGER NOT NULL REFERENCES systems (id),
  PRIMARY KEY (campaign_id, system_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE legal_documents (
  id              INTEGER PRIMARY KEY,
  doc_key         INTEGER NOT NULL,      -- shared by all versions of one document (= id of version 1)
  version         INTEGER NOT NULL DEFAULT 1,
  kind            TEXT NOT NULL CHECK (kind IN ('law', 'decree', 'circular', 'decision', 'directive', 'letter', 'notice', 'other')),
  number          TEXT NOT NULL,
  issued_on       TEXT,
  issuer          TEXT NOT NULL DEFAULT '',
  title           TEXT NOT NULL,
  effective_from  TEXT,
  effective_to    TEXT,
  note            TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  UNIQUE (doc_key, version)
) STRICT;

CREATE TABLE campaign_legal_basis (
  campaign_id        INTEGER NOT NULL REFERENCES campaigns (id),
  legal_document_id  INTEGER NOT NULL REFERENCES legal_documents (id),
  position           INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, legal_document_id)
) STRICT, WITHOUT ROWID;

-- The documents the two notices cite (editable and revisable in the app).
INSERT INTO legal_documents (id, doc_key, kind, number, issued_on, issuer, title, created_at) VALUES
  (1, 1, 'decree', 'Nghị định số 55/2022/NĐ-CP', '2022-08-23', 'Chính phủ', 'về cập nhật dữ liệu Hệ thống cơ sở dữ liệu quốc gia về khiếu nại, tố cáo (theo Thông báo của Sở Khoa học và Công nghệ, 06/2023)', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  (2, 2, 'letter', 'Văn bản số 1116/TTCP-TTTT', '2023-05-18', 'Thanh tra Chính phủ', 'về việc sử dụng an toàn Hệ thống cơ sở dữ liệu quốc gia về khiếu nại, tố cáo', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  (3, 3, 'letter', 'Công văn số 3274/UBND-PNC', '2023-06-13', 'UBND tỉnh', 'về việc sử dụng an toàn Hệ thống cơ sở dữ liệu quốc gia về khiếu nại, tố cáo', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  (4, 4, 'letter', 'Công văn số 498/TTr-VP', '2018-06-15', 'Thanh tra tỉnh', 'về danh sách công chức và tài khoản đăng nhập Hệ thống cơ sở dữ liệu quốc gia về khiếu nại, tố cáo', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  (5, 5, 'letter', 'Công văn số 2493-CV/BTCTU', '2023-04-19', 'Ban Tổ chức Thành ủy Hà Nội', 'về bảo mật tài khoản cá nhân được cung cấp trên các phần mềm ứng dụng', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  (6, 6, 'letter', 'Công văn số 3347-CV/BTCTU', '2024-01-12', 'Ban Tổ chức Thành ủy Hà Nội', 'về việc rà soát thay đổi mật khẩu tài khoản quản trị và tài khoản người dùng các phần mềm ứng dụng', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  (7, 7, 'letter', 'Công văn số …/UBND-NV', NULL, 'UBND quận Đống Đa', 'V/v rà soát thay đổi mật khẩu tài khoản quản trị và tài khoản người dùng các phần mềm ứng dụng (tháng 01/2024)', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

INSERT INTO settings (key, value) VALUES ('dueSoonDays', '14');
