import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../shared/systems/schema';
import type { HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';

const SYSTEM_SELECT = `SELECT s.id, s.code, s.name, s.managing_agency AS managingAgency, s.admin_interval_months AS adminIntervalMonths,
  s.user_interval_months AS userIntervalMonths, s.requires_licensed_av AS requiresLicensedAv,
  s.requires_site_to_site_vpn AS requiresSiteToSiteVpn, s.active,
  (SELECT count(*) FROM accounts a WHERE a.system_id = s.id) AS accountCount
  FROM systems s`;

type Row = Omit<TrackedSystem, 'requiresLicensedAv' | 'requiresSiteToSiteVpn' | 'active'> & { requiresLicensedAv: number; requiresSiteToSiteVpn: number; active: number };
const toSystem = (r: Row): TrackedSystem => ({
  ...r, requiresLicensedAv: r.requiresLicensedAv === 1, requiresSiteToSiteVpn: r.requiresSiteToSiteVpn === 1, active: r.active === 1,
});

export function getSystem(db: Db, id: number, path: string[] = ['id']): TrackedSystem {
  const row = db.prepare(`${SYSTEM_SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
  if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound(vi.fields.systemId!.toLowerCase(), id), path);
  return toSystem(row);
}

function assertNameFree(db: Db, name: string, exceptId: number): void {
  const clash = db.prepare('SELECT id FROM systems WHERE name = ? AND id <> ?').get(name, exceptId);
  if (clash) throw new AttkError('CONFLICT', vi.errors.duplicateSystem(name), ['name']);
}

export function systemHandlers(db: Db): HandlersFor<'systems'> {
  return {
    'systems.list': () => (db.prepare(`${SYSTEM_SELECT} ORDER BY s.sort_order, s.id`).all() as Row[]).map(toSystem),

    'systems.create': (input, ctx) => {
      assertNameFree(db, input.name, 0);
      const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM systems').get() as { n: number }).n;
      const r = db
        .prepare(
          `INSERT INTO systems (code, name, managing_agency, admin_interval_months, user_interval_months, requires_licensed_av, requires_site_to_site_vpn,
             active, sort_order, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.code, input.name, input.managingAgency, input.adminIntervalMonths, input.userIntervalMonths,
          input.requiresLicensedAv ? 1 : 0, input.requiresSiteToSiteVpn ? 1 : 0, input.active ? 1 : 0, order, ctx.now().toISOString());
      const system = getSystem(db, Number(r.lastInsertRowid));
      writeAudit(db, ctx, { action: 'create', entity: 'system', entityId: system.id, summary: system.name, data: input });
      return system;
    },

    'systems.update': (input, ctx) => {
      const before = getSystem(db, input.id);
      assertNameFree(db, input.name, input.id);
      db.prepare(
        `UPDATE systems SET name = ?, managing_agency = ?, admin_interval_months = ?, user_interval_months = ?, requires_licensed_av = ?,
           requires_site_to_site_vpn = ?, active = ?, updated_at = ? WHERE id = ?`,
      ).run(input.name, input.managingAgency, input.adminIntervalMonths, input.userIntervalMonths, input.requiresLicensedAv ? 1 : 0,
        (input.requiresSiteToSiteVpn ?? before.requiresSiteToSiteVpn) ? 1 : 0, input.active ? 1 : 0, ctx.now().toISOString(), input.id);
      const system = getSystem(db, input.id);
      writeAudit(db, ctx, { action: 'update', entity: 'system', entityId: system.id, summary: system.name, data: { before, after: input } });
      return system;
    },
  };
}
