-- 0010: data connections over site-to-site VPN (Rule 7) and periodic security-feature checks (Rule 8).
-- 000_… (Sở KH&CN 06/2023): "Việc kết nối, chia sẻ thông tin dữ liệu giữa Hệ thống cơ sở dữ liệu
--   quốc gia về khiếu nại, tố cáo với các cơ sở dữ liệu chuyên ngành của cơ quan đơn vị … phải thực
--   hiện trên giao thức VPN Site to Site."
-- 001_… (UBND quận Đống Đa 01/2024): "Cơ quan, đơn vị thường xuyên đôn đốc, kiểm tra việc thực hiện
--   các tính năng bảo mật của 02 phần mềm theo đúng quy định."
-- Self-contained: reads and writes only its own tables plus systems, accounts, settings and
-- legal_documents (0001/0002), so its position among the migrations does not matter to its content.

-- Per system: "data connections must use site-to-site VPN" (on for the complaints database).
ALTER TABLE systems ADD COLUMN requires_site_to_site_vpn INTEGER NOT NULL DEFAULT 0 CHECK (requires_site_to_site_vpn IN (0, 1));
UPDATE systems SET requires_site_to_site_vpn = 1 WHERE code = 'KNTC';

-- The register of the unit's data connections to tracked systems. A register, not evidence: rows
-- are edited (every change audited with before/after); a link no longer used is 'stopped', never deleted.
CREATE TABLE data_connections (
  id            INTEGER PRIMARY KEY,
  system_id     INTEGER NOT NULL REFERENCES systems (id),
  local_system  TEXT NOT NULL COLLATE NOCASE CHECK (length(local_system) BETWEEN 1 AND 200),
  direction     TEXT NOT NULL CHECK (direction IN ('to_system', 'from_system', 'both')),
  protocol      TEXT NOT NULL CHECK (protocol IN ('vpn_site_to_site', 'vpn_other', 'none', 'unknown')),
  gateway       TEXT NOT NULL DEFAULT '',
  checked_by    TEXT NOT NULL DEFAULT '',
  checked_on    TEXT CHECK (checked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped')),
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  -- A check names both who and when (shared/connections/rules.ts connectionIssue).
  CHECK ((checked_on IS NULL) = (checked_by = ''))
) STRICT;
CREATE UNIQUE INDEX data_connections_local ON data_connections (system_id, local_system);

-- The security features each system requires (editable; a feature no longer required is made inactive).
CREATE TABLE security_features (
  id          INTEGER PRIMARY KEY,
  system_id   INTEGER NOT NULL REFERENCES systems (id),
  name        TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
  description TEXT NOT NULL DEFAULT '',
  scope       TEXT NOT NULL DEFAULT 'system' CHECK (scope IN ('system', 'account')),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order  INTEGER NOT NULL DEFAULT 0,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX security_features_name ON security_features (system_id, name);

-- One inspection of a system (account_id NULL: every active feature) or of one account (its
-- personal features). Evidence: never edited — voided with a reason and entered again.
CREATE TABLE security_checks (
  id           INTEGER PRIMARY KEY,
  system_id    INTEGER NOT NULL REFERENCES systems (id),
  account_id   INTEGER REFERENCES accounts (id),
  checked_on   TEXT NOT NULL CHECK (checked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  checker      TEXT NOT NULL CHECK (length(checker) BETWEEN 1 AND 120),
  note         TEXT NOT NULL DEFAULT '',
  recorded_by  TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  voided_at    TEXT,
  voided_by    TEXT,
  void_reason  TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
-- The latest valid check of a system (account_id IS NULL) or of an account: what Rule 8 reads.
CREATE INDEX security_checks_valid ON security_checks (system_id, account_id, checked_on) WHERE voided_at IS NULL;

-- Each feature's result in one check; the feature's name and scope are copied as they were then.
CREATE TABLE security_check_items (
  check_id      INTEGER NOT NULL REFERENCES security_checks (id),
  feature_id    INTEGER NOT NULL REFERENCES security_features (id),
  feature_name  TEXT NOT NULL,
  scope         TEXT NOT NULL CHECK (scope IN ('system', 'account')),
  result        TEXT NOT NULL CHECK (result IN ('used', 'not_used', 'na')),
  PRIMARY KEY (check_id, feature_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER security_checks_only_void BEFORE UPDATE ON security_checks
WHEN OLD.voided_at IS NOT NULL
  OR NEW.voided_at IS NULL
  OR NEW.system_id IS NOT OLD.system_id OR NEW.account_id IS NOT OLD.account_id OR NEW.checked_on IS NOT OLD.checked_on
  OR NEW.checker IS NOT OLD.checker OR NEW.note IS NOT OLD.note
  OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'security checks are never edited: void and re-enter'); END;
CREATE TRIGGER security_checks_no_delete BEFORE DELETE ON security_checks
BEGIN SELECT RAISE(ABORT, 'security checks are never deleted: void them'); END;
CREATE TRIGGER security_check_items_no_update BEFORE UPDATE ON security_check_items
BEGIN SELECT RAISE(ABORT, 'security check items are never edited'); END;
CREATE TRIGGER security_check_items_no_delete BEFORE DELETE ON security_check_items
BEGIN SELECT RAISE(ABORT, 'security check items are never deleted'); END;

-- Default features (editable in Tính năng bảo mật). The notices name the practice, not the list:
-- these are what the managing agencies' user guides ask of users, as a starting point.
INSERT INTO security_features (system_id, name, description, scope, sort_order, updated_at)
SELECT s.id, f.name, f.description, f.scope, f.sort_order, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM systems s JOIN (
  SELECT 'KNTC' AS code, 'Chính sách mật khẩu của hệ thống (đổi mật khẩu tối thiểu 1 lần/tháng)' AS name, 'Thông báo của Sở KH&CN 06/2023: thay đổi mật khẩu sử dụng hệ thống tối thiểu 1 lần/tháng.' AS description, 'system' AS scope, 1 AS sort_order
  UNION ALL SELECT 'KNTC', 'Chỉ truy cập từ máy tính có phần mềm diệt virus có bản quyền', 'Thông báo của Sở KH&CN 06/2023.', 'system', 2
  UNION ALL SELECT 'KNTC', 'Kết nối, chia sẻ dữ liệu qua VPN site-to-site', 'Thông báo của Sở KH&CN 06/2023; xem danh sách Kết nối dữ liệu.', 'system', 3
  UNION ALL SELECT 'KNTC', 'Đăng xuất sau khi sử dụng, không lưu mật khẩu trên trình duyệt', '', 'account', 4
  UNION ALL SELECT 'DGXL', 'Chính sách mật khẩu mạnh của phần mềm (độ dài, ký tự đặc biệt, đổi 3 tháng/lần)', 'Công văn 2493-CV/BTCTU và 3347-CV/BTCTU.', 'system', 1
  UNION ALL SELECT 'DGXL', 'Tài khoản quản trị chỉ do cán bộ được giao quản lý sử dụng', '', 'system', 2
  UNION ALL SELECT 'DGXL', 'Đăng nhập bằng mã xác thực một lần (OTP)', 'Mã gửi qua tin nhắn hoặc ứng dụng xác thực.', 'account', 3
  UNION ALL SELECT 'DGXL', 'Đăng xuất khi dùng máy tính dùng chung', '', 'account', 4
  UNION ALL SELECT 'STDV', 'Chính sách mật khẩu của ứng dụng (đổi 6 tháng/lần)', 'Công văn 2493-CV/BTCTU và 3347-CV/BTCTU.', 'system', 1
  UNION ALL SELECT 'STDV', 'Đăng nhập bằng mã xác thực một lần (OTP) qua điện thoại', '', 'account', 2
  UNION ALL SELECT 'STDV', 'Khóa màn hình thiết bị bằng mã PIN hoặc sinh trắc học', '', 'account', 3
  UNION ALL SELECT 'STDV', 'Đăng xuất trên thiết bị không còn sử dụng', '', 'account', 4
) f ON f.code = s.code;

-- Seed 000 itself in the legal register (the report's connections paragraph cites it, with Decree 55/2022).
INSERT INTO legal_documents (id, doc_key, kind, number, issued_on, issuer, title, created_at)
SELECT coalesce(max(id), 0) + 1, coalesce(max(id), 0) + 1, 'notice', 'Thông báo số …/TB-SKHCN', NULL, 'Sở Khoa học và Công nghệ',
  'về việc sử dụng an toàn Hệ thống cơ sở dữ liệu quốc gia về khiếu nại, tố cáo (06/2023): máy có diệt virus bản quyền, đổi mật khẩu hằng tháng, kết nối, chia sẻ dữ liệu qua giao thức VPN Site to Site',
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM legal_documents;
-- Which documents (by doc_key, current version cited) the connections and security sections cite:
-- the notice just added and Decree 55/2022 (doc_key 1, 0002) for connections; the district letter
-- (doc_key 7) and 2493-CV/BTCTU (doc_key 5) for the security features.
INSERT INTO settings (key, value) SELECT 'connectionsLegalKeys', json_array(max(doc_key), 1) FROM legal_documents WHERE true ON CONFLICT (key) DO NOTHING;
INSERT INTO settings (key, value) VALUES ('securityLegalKeys', json_array(7, 5)) ON CONFLICT (key) DO NOTHING;

INSERT INTO settings (key, value) VALUES ('connectionCheckMonths', '12') ON CONFLICT (key) DO NOTHING;
INSERT INTO settings (key, value) VALUES ('securityCheckMonths', '3') ON CONFLICT (key) DO NOTHING;
