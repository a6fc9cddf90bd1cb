-- 0005: devices and device checks (PRODUCT.md Rules 4 and 5).
-- 000_… (Sở KH&CN 06/2023): the complaints database only on computers with licensed antivirus.
-- 001_… (UBND quận Đống Đa 01/2024): install antivirus; a computer or tablet infected with
-- credential-stealing malware is cleaned and its OS reinstalled before anyone logs in again.
--
-- Self-contained on purpose: it reads and writes only its own tables (plus people/systems from
-- 0001), so its position among the migrations does not matter to its content.

CREATE TABLE devices (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN ('desktop', 'laptop', 'tablet', 'phone')),
  os               TEXT NOT NULL CHECK (os IN ('windows', 'macos', 'linux', 'android', 'ios')),
  os_version       TEXT NOT NULL DEFAULT '',
  asset_tag        TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
  owner_id         INTEGER NOT NULL REFERENCES people (id),
  location         TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL DEFAULT 'in_use' CHECK (status IN ('in_use', 'spare', 'retired')),
  note             TEXT NOT NULL DEFAULT '',
  search_text      TEXT NOT NULL,          -- folded asset tag, location, OS version (the owner's is in people.search_text)
  -- Used for a system that requires licensed antivirus (Rule 4): kept by the device_systems and
  -- systems triggers below. Measured on the district demo (9,300 devices): reading it instead of an
  -- EXISTS per device halves a full pass over the devices (8 → 4 ms); the list and dashboard make two.
  needs_licensed_av INTEGER NOT NULL DEFAULT 0 CHECK (needs_licensed_av IN (0, 1)),
  -- Derived from the valid checks by the triggers below, in the same transaction as the check:
  last_check_id    INTEGER,                -- latest valid check (by date, then id)
  last_checked_on  TEXT,
  infected_on      TEXT,                   -- latest valid check that found malware
  infected_owner_id INTEGER,               -- the owner recorded on that check: whose accounts it forces
  remediated_on    TEXT,                   -- earliest full remediation (cleaned AND OS reinstalled) on/after infected_on
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX devices_owner ON devices (owner_id);
-- The forced-change set (Rule 5) starts from the few devices that ever had malware.
CREATE INDEX devices_infection ON devices (infected_owner_id) WHERE infected_on IS NOT NULL;

-- Which tracked systems are used on the device (default: the owner's accounts' systems), stored
-- explicitly so the clerk can correct it. A system with requires_licensed_av makes the device need
-- licensed antivirus (Rule 4).
CREATE TABLE device_systems (
  device_id  INTEGER NOT NULL REFERENCES devices (id),
  system_id  INTEGER NOT NULL REFERENCES systems (id),
  PRIMARY KEY (device_id, system_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER device_systems_av_insert AFTER INSERT ON device_systems
BEGIN
  UPDATE devices SET needs_licensed_av = EXISTS (SELECT 1 FROM device_systems ds JOIN systems s ON s.id = ds.system_id
    WHERE ds.device_id = NEW.device_id AND s.requires_licensed_av = 1) WHERE id = NEW.device_id;
END;
CREATE TRIGGER device_systems_av_delete AFTER DELETE ON device_systems
BEGIN
  UPDATE devices SET needs_licensed_av = EXISTS (SELECT 1 FROM device_systems ds JOIN systems s ON s.id = ds.system_id
    WHERE ds.device_id = OLD.device_id AND s.requires_licensed_av = 1) WHERE id = OLD.device_id;
END;
CREATE TRIGGER systems_av_devices AFTER UPDATE OF requires_licensed_av ON systems
BEGIN
  UPDATE devices SET needs_licensed_av = EXISTS (SELECT 1 FROM device_systems ds JOIN systems s ON s.id = ds.system_id
    WHERE ds.device_id = devices.id AND s.requires_licensed_av = 1)
  WHERE id IN (SELECT device_id FROM device_systems WHERE system_id = NEW.id);
END;

-- A check says what was found on the device on a day, and what was done about malware.
-- Never edited in place: a mistake is voided (with a reason) and entered again.
CREATE TABLE device_checks (
  id                   INTEGER PRIMARY KEY,
  device_id            INTEGER NOT NULL REFERENCES devices (id),
  owner_id             INTEGER NOT NULL REFERENCES people (id),  -- the device's owner when recorded
  checked_on           TEXT NOT NULL CHECK (checked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  checker              TEXT NOT NULL CHECK (length(checker) BETWEEN 1 AND 120),
  av_installed         INTEGER NOT NULL CHECK (av_installed IN (0, 1)),
  av_product           TEXT NOT NULL DEFAULT '',
  av_licensed          INTEGER NOT NULL DEFAULT 0 CHECK (av_licensed IN (0, 1)),
  licence_expires_on   TEXT CHECK (licence_expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  definitions_current  INTEGER NOT NULL DEFAULT 0 CHECK (definitions_current IN (0, 1)),
  malware_found        INTEGER NOT NULL DEFAULT 0 CHECK (malware_found IN (0, 1)),
  malware_kind         TEXT NOT NULL DEFAULT '',
  credential_stealing  INTEGER NOT NULL DEFAULT 0 CHECK (credential_stealing IN (0, 1)),
  cleaned              INTEGER NOT NULL DEFAULT 0 CHECK (cleaned IN (0, 1)),
  os_reinstalled       INTEGER NOT NULL DEFAULT 0 CHECK (os_reinstalled IN (0, 1)),
  remediated_on        TEXT CHECK (remediated_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  result               TEXT NOT NULL CHECK (result IN ('pass', 'fail')),
  note                 TEXT NOT NULL DEFAULT '',
  recorded_by          TEXT NOT NULL,
  recorded_at          TEXT NOT NULL,
  voided_at            TEXT,
  voided_by            TEXT,
  void_reason          TEXT,
  CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
  CHECK (av_installed = 1 OR (av_licensed = 0 AND licence_expires_on IS NULL AND av_product = '')),
  CHECK (malware_found = 1 OR (credential_stealing = 0 AND malware_kind = '')),
  CHECK ((cleaned = 1 OR os_reinstalled = 1) = (remediated_on IS NOT NULL))
) STRICT;
-- History of one device (voided included), and its valid checks by date (what the triggers read).
CREATE INDEX device_checks_all ON device_checks (device_id, id);
CREATE INDEX device_checks_valid ON device_checks (device_id, checked_on) WHERE voided_at IS NULL;

CREATE TRIGGER device_checks_only_void BEFORE UPDATE ON device_checks
WHEN OLD.voided_at IS NOT NULL
  OR NEW.voided_at IS NULL
  OR NEW.device_id IS NOT OLD.device_id OR NEW.owner_id IS NOT OLD.owner_id OR NEW.checked_on IS NOT OLD.checked_on
  OR NEW.checker IS NOT OLD.checker OR NEW.av_installed IS NOT OLD.av_installed OR NEW.av_product IS NOT OLD.av_product
  OR NEW.av_licensed IS NOT OLD.av_licensed OR NEW.licence_expires_on IS NOT OLD.licence_expires_on
  OR NEW.definitions_current IS NOT OLD.definitions_current OR NEW.malware_found IS NOT OLD.malware_found
  OR NEW.malware_kind IS NOT OLD.malware_kind OR NEW.credential_stealing IS NOT OLD.credential_stealing
  OR NEW.cleaned IS NOT OLD.cleaned OR NEW.os_reinstalled IS NOT OLD.os_reinstalled OR NEW.remediated_on IS NOT OLD.remediated_on
  OR NEW.result IS NOT OLD.result OR NEW.note IS NOT OLD.note
  OR NEW.recorded_by IS NOT OLD.recorded_by OR NEW.recorded_at IS NOT OLD.recorded_at
BEGIN SELECT RAISE(ABORT, 'device checks are never edited: void and re-enter'); END;
CREATE TRIGGER device_checks_no_delete BEFORE DELETE ON device_checks
BEGIN SELECT RAISE(ABORT, 'device checks are never deleted: void them'); END;

-- The derived columns of the device, recomputed from its valid checks after every insert and
-- every void: the same rule as shared/devices/rules.ts infectionOf() (tests check both agree).
-- Two statements: the remediation is looked for from the infection date just written.
CREATE TRIGGER device_checks_derive_insert AFTER INSERT ON device_checks
BEGIN
  UPDATE devices SET
    last_check_id = (SELECT c.id FROM device_checks c WHERE c.device_id = NEW.device_id AND c.voided_at IS NULL ORDER BY c.checked_on DESC, c.id DESC LIMIT 1),
    infected_on = (SELECT max(c.checked_on) FROM device_checks c WHERE c.device_id = NEW.device_id AND c.voided_at IS NULL AND c.malware_found = 1),
    infected_owner_id = (SELECT c.owner_id FROM device_checks c WHERE c.device_id = NEW.device_id AND c.voided_at IS NULL AND c.malware_found = 1 ORDER BY c.checked_on DESC, c.id DESC LIMIT 1)
  WHERE id = NEW.device_id;
  UPDATE devices SET
    last_checked_on = (SELECT c.checked_on FROM device_checks c WHERE c.id = devices.last_check_id),
    remediated_on = CASE WHEN devices.infected_on IS NULL THEN NULL ELSE
      (SELECT min(c.remediated_on) FROM device_checks c WHERE c.device_id = NEW.device_id AND c.voided_at IS NULL
         AND c.cleaned = 1 AND c.os_reinstalled = 1 AND c.remediated_on >= devices.infected_on) END
  WHERE id = NEW.device_id;
END;

CREATE TRIGGER device_checks_derive_void AFTER UPDATE OF voided_at ON device_checks
BEGIN
  UPDATE devices SET
    last_check_id = (SELECT c.id FROM device_checks c WHERE c.device_id = NEW.device_id AND c.voided_at IS NULL ORDER BY c.checked_on DESC, c.id DESC LIMIT 1),
    infected_on = (SELECT max(c.checked_on) FROM device_checks c WHERE c.device_id = NEW.device_id AND c.voided_at IS NULL AND c.malware_found = 1),
    infected_owner_id = (SELECT c.owner_id FROM device_checks c WHERE c.device_id = NEW.device_id AND c.voided_at IS NULL AND c.malware_found = 1 ORDER BY c.checked_on DESC, c.id DESC LIMIT 1)
  WHERE id = NEW.device_id;
  UPDATE devices SET
    last_checked_on = (SELECT c.checked_on FROM device_checks c WHERE c.id = devices.last_check_id),
    remediated_on = CASE WHEN devices.infected_on IS NULL THEN NULL ELSE
      (SELECT min(c.remediated_on) FROM device_checks c WHERE c.device_id = NEW.device_id AND c.voided_at IS NULL
         AND c.cleaned = 1 AND c.os_reinstalled = 1 AND c.remediated_on >= devices.infected_on) END
  WHERE id = NEW.device_id;
END;

INSERT INTO settings (key, value) VALUES ('deviceCheckMonths', '3') ON CONFLICT (key) DO NOTHING;
