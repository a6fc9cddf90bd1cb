-- 0001: units, people, tracked systems, accounts, settings, append-only audit log.
-- Dates are ISO 'YYYY-MM-DD' text; timestamps ISO 8601 UTC text. No table has, or will ever
-- have, a column for a tracked system's password.

CREATE TABLE units (
  id                INTEGER PRIMARY KEY,
  is_home           INTEGER NOT NULL DEFAULT 0 CHECK (is_home IN (0, 1)),
  kind              TEXT NOT NULL DEFAULT 'office' CHECK (kind IN ('home', 'office', 'ward', 'commune', 'school', 'other')),
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  code              TEXT NOT NULL COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 40),
  parent_body       TEXT NOT NULL DEFAULT '',
  head_name         TEXT NOT NULL DEFAULT '',
  head_title        TEXT NOT NULL DEFAULT '',
  sign_authority    TEXT NOT NULL DEFAULT '',
  clerk_name        TEXT NOT NULL DEFAULT '',
  place_name        TEXT NOT NULL DEFAULT '',
  report_symbol     TEXT NOT NULL DEFAULT '',
  recipient_name    TEXT NOT NULL DEFAULT '',
  recipient_address TEXT NOT NULL DEFAULT '',
  email             TEXT NOT NULL DEFAULT '',
  phone             TEXT NOT NULL DEFAULT '',
  updated_at        TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX units_code ON units (code);
-- One home unit per database.
CREATE UNIQUE INDEX units_one_home ON units (is_home) WHERE is_home = 1;

CREATE TABLE people (
  id            INTEGER PRIMARY KEY,
  unit_id       INTEGER NOT NULL REFERENCES units (id),
  full_name     TEXT NOT NULL CHECK (length(full_name) BETWEEN 1 AND 120),
  position      TEXT NOT NULL DEFAULT '',
  department    TEXT NOT NULL DEFAULT '',
  staff_type    TEXT NOT NULL DEFAULT 'cong_chuc' CHECK (staff_type IN ('can_bo', 'cong_chuc', 'vien_chuc', 'hop_dong')),
  party_member  INTEGER NOT NULL DEFAULT 0 CHECK (party_member IN (0, 1)),
  status        TEXT NOT NULL DEFAULT 'working' CHECK (status IN ('working', 'transferred', 'retired', 'left')),
  status_date   TEXT,
  note          TEXT NOT NULL DEFAULT '',
  -- Derived columns, written by the core from full_name etc.:
  sort_key      TEXT NOT NULL,          -- Vietnamese order: given name, then full name
  search_text   TEXT NOT NULL,          -- folded (no diacritics, đ→d) name, position, department, unit
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK (status = 'working' OR status_date IS NOT NULL)
) STRICT;
CREATE INDEX people_sort ON people (sort_key);
CREATE INDEX people_unit_sort ON people (unit_id, sort_key);
CREATE INDEX people_status ON people (status, sort_key);
CREATE INDEX people_department ON people (department);

CREATE TABLE systems (
  id                     INTEGER PRIMARY KEY,
  code                   TEXT NOT NULL DEFAULT '',
  name                   TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200),
  managing_agency        TEXT NOT NULL DEFAULT '',
  admin_interval_months  INTEGER NOT NULL CHECK (admin_interval_months BETWEEN 1 AND 60),
  user_interval_months   INTEGER NOT NULL CHECK (user_interval_months BETWEEN 1 AND 60),
  requires_licensed_av   INTEGER NOT NULL DEFAULT 0 CHECK (requires_licensed_av IN (0, 1)),
  active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort_order             INTEGER NOT NULL DEFAULT 0,
  updated_at             TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX systems_name ON systems (name);

CREATE TABLE accounts (
  id               INTEGER PRIMARY KEY,
  system_id        INTEGER NOT NULL REFERENCES systems (id),
  person_id        INTEGER REFERENCES people (id),
  login_name       TEXT NOT NULL COLLATE NOCASE CHECK (length(login_name) BETWEEN 1 AND 120),
  role             TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('admin', 'user')),
  status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancel_requested', 'cancelled', 'locked')),
  source_document  TEXT NOT NULL DEFAULT '',
  created_on       TEXT,
  note             TEXT NOT NULL DEFAULT '',
  search_text      TEXT NOT NULL,        -- folded login, owner name, system name
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
-- A login name is unique within its system (case-insensitive, as the systems treat it).
CREATE UNIQUE INDEX accounts_login ON accounts (system_id, login_name);
CREATE INDEX accounts_person ON accounts (person_id);
CREATE INDEX accounts_status ON accounts (status, system_id);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  entity     TEXT NOT NULL,
  entity_id  INTEGER,
  summary    TEXT NOT NULL,
  data       TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_entity ON audit_log (entity, entity_id);

-- Evidence must not be rewritten: the log refuses updates and deletes at the database level.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The catalogue from the notices (editable afterwards in Cài đặt):
-- 000_…: CSDL quốc gia về khiếu nại, tố cáo — change monthly, licensed antivirus required.
-- 001_… (UBND quận Đống Đa, 01/2024): evaluation software every 3 months, Party handbook every 6.
INSERT INTO systems (code, name, managing_agency, admin_interval_months, user_interval_months, requires_licensed_av, sort_order, updated_at) VALUES
  ('KNTC', 'CSDL quốc gia về khiếu nại, tố cáo', 'Thanh tra Chính phủ', 1, 1, 1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('DGXL', 'Phần mềm đánh giá, xếp loại CBCCVC hằng tháng', 'Ban Tổ chức Thành ủy', 3, 3, 0, 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  ('STDV', 'Sổ tay đảng viên điện tử', 'Ban Tổ chức Thành ủy', 6, 6, 0, 3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
