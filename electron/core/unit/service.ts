import { compareVietnamese } from '../../../shared/text/vietnamese';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { UnitProfile, UnitSummary } from '../../../shared/unit/schema';
import type { HandlersFor } from '../api/types';
import { changedFields } from '../audit/labels';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';

const PROFILE_COLUMNS = `id, parent_body AS parentBody, name, code, head_name AS headName, head_title AS headTitle,
  sign_authority AS signAuthority, clerk_name AS clerkName, place_name AS placeName, report_symbol AS reportSymbol,
  recipient_name AS recipientName, recipient_address AS recipientAddress, email, phone, updated_at AS updatedAt`;

export function getHomeUnit(db: Db): UnitProfile | null {
  return (db.prepare(`SELECT ${PROFILE_COLUMNS} FROM units WHERE is_home = 1`).get() as UnitProfile | undefined) ?? null;
}

export function homeUnitId(db: Db): number {
  const row = db.prepare('SELECT id FROM units WHERE is_home = 1').get() as { id: number } | undefined;
  if (!row) throw new AttkError('VALIDATION', vi.errors.noHomeUnit);
  return row.id;
}

export function unitHandlers(db: Db): HandlersFor<'unit'> & HandlersFor<'units'> {
  return {
    'unit.get': () => getHomeUnit(db),

    'unit.save': (input, ctx) => {
      const now = ctx.now().toISOString();
      const existing = getHomeUnit(db);
      const changes = existing ? changedFields(existing as unknown as Record<string, unknown>, input) : [];
      // Saving the profile unchanged writes nothing, not even an audit row (issue 18).
      if (existing && changes.length === 0) return existing;
      const clash = db.prepare('SELECT id FROM units WHERE code = ? AND is_home = 0').get(input.code) as { id: number } | undefined;
      if (clash) throw new AttkError('CONFLICT', vi.errors.duplicateUnitCode(input.code), ['code']);
      const values = [
        input.parentBody, input.name, input.code, input.headName, input.headTitle, input.signAuthority, input.clerkName,
        input.placeName, input.reportSymbol, input.recipientName, input.recipientAddress, input.email, input.phone, now,
      ];
      if (existing) {
        db.prepare(
          `UPDATE units SET parent_body = ?, name = ?, code = ?, head_name = ?, head_title = ?, sign_authority = ?, clerk_name = ?,
             place_name = ?, report_symbol = ?, recipient_name = ?, recipient_address = ?, email = ?, phone = ?, updated_at = ?
           WHERE id = ?`,
        ).run(...values, existing.id);
        if (existing.name !== input.name) refreshPeopleSearchText(db, existing.id);
      } else {
        db.prepare(
          `INSERT INTO units (is_home, kind, parent_body, name, code, head_name, head_title, sign_authority, clerk_name,
             place_name, report_symbol, recipient_name, recipient_address, email, phone, updated_at)
           VALUES (1, 'home', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(...values);
      }
      const saved = getHomeUnit(db)!;
      writeAudit(db, ctx, { action: existing ? 'update' : 'create', entity: 'unit', entityId: saved.id, summary: existing ? vi.auditText.unit(saved.name, changes) : saved.name, data: input });
      return saved;
    },

    'units.list': () => {
      const rows = db
        .prepare(
          `SELECT u.id, u.name, u.code, u.kind, u.is_home AS isHome, (SELECT count(*) FROM people p WHERE p.unit_id = u.id) AS people
           FROM units u`,
        )
        .all() as (Omit<UnitSummary, 'isHome'> & { isHome: number })[];
      return rows
        .map((r) => ({ ...r, isHome: r.isHome === 1 }))
        .sort((a, b) => Number(b.isHome) - Number(a.isHome) || compareVietnamese(a.name, b.name));
    },

    'units.departments': ({ unitId }) => {
      const rows = (
        unitId
          ? db.prepare("SELECT DISTINCT department FROM people WHERE unit_id = ? AND department <> ''").all(unitId)
          : db.prepare("SELECT DISTINCT department FROM people WHERE department <> ''").all()
      ) as { department: string }[];
      return rows.map((r) => r.department).sort(compareVietnamese);
    },
  };
}

/** Search text of people includes their unit's name: recompute after a rename. */
export function refreshPeopleSearchText(db: Db, unitId: number): void {
  db.prepare(
    `UPDATE people SET search_text = vi_fold(full_name || ' ' || position || ' ' || department || ' ' || (SELECT name FROM units WHERE id = ?))
     WHERE unit_id = ?`,
  ).run(unitId, unitId);
}
