import { OFFICE_LEVELS, type DistrictSettings, type OfficeLevel, type RegisterKind, type RegisterUnit } from '../../../shared/district/schema';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { compareVietnamese } from '../../../shared/text/vietnamese';
import type { Db } from '../db/open';

// The receiving office's settings (on the home unit's row) and its register of subordinate units
// (the other rows of `units`: a district database also holds its subordinate units).

const KIND_ORDER: Record<RegisterKind, number> = { office: 0, ward: 1, commune: 2, school: 3, other: 4 };

export function compareUnits(a: { kind: RegisterKind; name: string }, b: { kind: RegisterKind; name: string }): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareVietnamese(a.name, b.name);
}

export function readDistrictSettings(db: Db): DistrictSettings {
  const row = db.prepare('SELECT name, receiving_mode AS mode, office_level AS level, office_address AS address FROM units WHERE is_home = 1').get() as
    | { name: string; mode: number; level: string; address: string }
    | undefined;
  const level = (OFFICE_LEVELS as readonly string[]).includes(row?.level ?? '') ? (row!.level as OfficeLevel) : 'province';
  return { receivingMode: row?.mode === 1, officeLevel: level, officeAddress: row?.address ?? '', officeName: row?.name ?? '' };
}

const REGISTER_SELECT = `SELECT u.id, u.name, u.code, u.kind, u.contact,
    (SELECT count(*) FROM people p WHERE p.unit_id = u.id) AS people,
    (SELECT count(*) FROM district_submissions s WHERE s.unit_id = u.id) AS submissions,
    k.fingerprint, k.confirmed_at AS confirmedAt, k.confirmed_by AS confirmedBy
  FROM units u LEFT JOIN district_unit_keys k ON k.unit_id = u.id AND k.retired_at IS NULL
  WHERE u.is_home = 0`;

type RegisterRow = Omit<RegisterUnit, 'key'> & { fingerprint: string | null; confirmedAt: string | null; confirmedBy: string | null };

function toRegisterUnit(r: RegisterRow): RegisterUnit {
  const { fingerprint, confirmedAt, confirmedBy, ...unit } = r;
  return { ...unit, kind: normaliseKind(unit.kind), key: fingerprint ? { fingerprint, confirmedAt: confirmedAt!, confirmedBy: confirmedBy! } : null };
}

/** 'home' never appears in a register; anything unexpected shows as "other". */
function normaliseKind(kind: string): RegisterKind {
  return kind in KIND_ORDER ? (kind as RegisterKind) : 'other';
}

export function listRegister(db: Db): RegisterUnit[] {
  return (db.prepare(REGISTER_SELECT).all() as RegisterRow[]).map(toRegisterUnit).sort(compareUnits);
}

export function getRegisterUnit(db: Db, id: number): RegisterUnit {
  const row = db.prepare(`${REGISTER_SELECT} AND u.id = ?`).get(id) as RegisterRow | undefined;
  if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound(vi.district.register.name.toLowerCase(), id), ['id']);
  return toRegisterUnit(row);
}

/** Insert or update one unit of the register; codes are unique across the database (the home unit's too). */
export function upsertRegisterUnit(db: Db, unit: { id?: number | undefined; name: string; code: string; kind: RegisterKind; contact: string }, now: string): number {
  const clash = db.prepare('SELECT id FROM units WHERE code = ? AND id <> ?').get(unit.code, unit.id ?? 0) as { id: number } | undefined;
  if (clash) throw new AttkError('CONFLICT', vi.errors.duplicateUnitCode(unit.code), ['code']);
  if (unit.id) {
    const r = db.prepare('UPDATE units SET name = ?, code = ?, kind = ?, contact = ?, updated_at = ? WHERE id = ? AND is_home = 0').run(unit.name, unit.code, unit.kind, unit.contact, now, unit.id);
    if (r.changes === 0) throw new AttkError('NOT_FOUND', vi.errors.notFound(vi.district.register.name.toLowerCase(), unit.id), ['id']);
    // People's search text includes their unit's name.
    db.prepare(
      `UPDATE people SET search_text = vi_fold(full_name || ' ' || position || ' ' || department || ' ' || ?) WHERE unit_id = ?`,
    ).run(unit.name, unit.id);
    return unit.id;
  }
  const r = db.prepare("INSERT INTO units (is_home, kind, name, code, contact, updated_at) VALUES (0, ?, ?, ?, ?, ?)").run(unit.kind, unit.name, unit.code, unit.contact, now);
  return Number(r.lastInsertRowid);
}

/** The units a campaign expects a file from: those listed, or the whole register when none is. */
export function expectedUnitIds(db: Db, campaignId: number): number[] {
  const listed = (db.prepare('SELECT unit_id AS id FROM district_expected_units WHERE campaign_id = ? ORDER BY unit_id').all(campaignId) as { id: number }[]).map((r) => r.id);
  if (listed.length > 0) return listed;
  return (db.prepare('SELECT id FROM units WHERE is_home = 0 ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}
