import { toIsoDate } from '../../../shared/dates';
import {
  connectionCheckDue, connectionCounts, connectionIssue, connectionState, isFlagged,
  type ConnectionDirection, type ConnectionProtocol, type ConnectionStatus,
} from '../../../shared/connections/rules';
import {
  CONNECTION_FILTERS,
  type ConnectionFilter, type ConnectionSystemFigures, type ConnectionTodos, type ConnectionsList, type DataConnection,
} from '../../../shared/connections/schema';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { readSettings } from '../settings/service';

// The register of data connections (Rule 7, seed 000). A unit has a handful of connections, so the
// rule runs in TypeScript over all of them (shared/connections/rules.ts is the one definition that
// screens, the dashboard, the report, the Excel file and the CLI all read through here).

const t = vi.connections;

const SELECT = `SELECT c.id, c.system_id AS systemId, s.name AS systemName, s.code AS systemCode, s.sort_order AS systemOrder,
  s.requires_site_to_site_vpn AS requiresSiteToSite, c.local_system AS localSystem, c.direction, c.protocol, c.gateway,
  c.checked_by AS checkedBy, c.checked_on AS checkedOn, c.status AS connectionStatus, c.note, c.created_at AS createdAt, c.updated_at AS updatedAt
  FROM data_connections c JOIN systems s ON s.id = c.system_id`;

interface Row extends Omit<DataConnection, 'requiresSiteToSite' | 'state' | 'nextCheckDue'> {
  requiresSiteToSite: number;
  systemOrder: number;
}

function toConnection(r: Row, today: string, months: number): DataConnection {
  const { systemOrder: _order, ...rest } = r;
  const requiresSiteToSite = r.requiresSiteToSite === 1;
  return {
    ...rest,
    requiresSiteToSite,
    state: connectionState({ protocol: r.protocol, checkedOn: r.checkedOn, status: r.connectionStatus }, requiresSiteToSite, today, months),
    nextCheckDue: r.connectionStatus === 'active' ? connectionCheckDue(r.checkedOn, months) : null,
  };
}

/** Every connection in register order (system, then the unit's database name), with its Rule 7 state as of `today`. */
export function allConnections(db: Db, today: string, months = readSettings(db).connectionCheckMonths): DataConnection[] {
  const rows = db.prepare(`${SELECT} ORDER BY s.sort_order, s.id, c.local_system, c.id`).all() as Row[];
  return rows.map((r) => toConnection(r, today, months));
}

export function getConnection(db: Db, id: number, today: string, path: (string | number)[] = ['id']): DataConnection {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound(t.errors.notFound, id), path);
  return toConnection(row, today, readSettings(db).connectionCheckMonths);
}

/**
 * The report's figures per system: every system that requires site-to-site VPN (even with no
 * connection: "0 connections" is a statement) and every other system that has an active connection.
 */
export function connectionFigures(db: Db, today: string, months = readSettings(db).connectionCheckMonths): ConnectionSystemFigures[] {
  const systems = db
    .prepare('SELECT id, name, code, requires_site_to_site_vpn AS req FROM systems ORDER BY sort_order, id')
    .all() as { id: number; name: string; code: string; req: number }[];
  const rows = allConnections(db, today, months);
  const out: ConnectionSystemFigures[] = [];
  for (const s of systems) {
    const mine = rows.filter((r) => r.systemId === s.id);
    const counts = connectionCounts(mine.map((r) => ({ protocol: r.protocol, checkedOn: r.checkedOn, status: r.connectionStatus })), s.req === 1, today, months);
    if (s.req === 1 || counts.connections > 0) {
      out.push({ systemId: s.id, systemName: s.name, systemCode: s.code || `S${s.id}`, requiresSiteToSite: s.req === 1, ...counts });
    }
  }
  return out;
}

const FILTERS: Record<ConnectionFilter, (c: DataConnection) => boolean> = {
  flagged: (c) => isFlagged(c.state),
  not_site_to_site: (c) => c.state === 'not_site_to_site',
  unchecked: (c) => c.state === 'unchecked',
  stopped: (c) => c.state === 'stopped',
};

/** Rule 7's flags for the dashboard: not over site-to-site VPN first, then unchecked (never-checked first, then oldest check). */
export function connectionTodos(db: Db, today: string, limit: number): ConnectionTodos {
  const months = readSettings(db).connectionCheckMonths;
  const flagged = allConnections(db, today, months)
    .filter((c) => isFlagged(c.state))
    .sort((a, b) => Number(a.state !== 'not_site_to_site') - Number(b.state !== 'not_site_to_site') || (a.checkedOn ?? '').localeCompare(b.checkedOn ?? ''));
  return {
    count: flagged.length,
    checkMonths: months,
    todos: flagged.slice(0, limit).map((c) => ({
      connectionId: c.id, systemName: c.systemName, localSystem: c.localSystem, protocol: c.protocol, state: c.state, checkedOn: c.checkedOn,
    })),
  };
}

interface ConnectionWrite {
  systemId: number;
  localSystem: string;
  direction: ConnectionDirection;
  protocol: ConnectionProtocol;
  gateway: string;
  checkedBy: string;
  checkedOn: string | null;
  connectionStatus: ConnectionStatus;
  note: string;
}

const fieldError = (field: string, message: string) => new AttkError('VALIDATION', vi.errors.field(vi.fields[field] ?? field, message), [field]);

function validate(db: Db, ctx: CallContext, input: ConnectionWrite, exceptId: number): string {
  const system = db.prepare('SELECT name FROM systems WHERE id = ?').get(input.systemId) as { name: string } | undefined;
  if (!system) throw new AttkError('NOT_FOUND', vi.errors.notFound(vi.fields.systemId!.toLowerCase(), input.systemId), ['systemId']);
  const issue = connectionIssue(input);
  if (issue) throw fieldError(issue.path, t.errors[issue.issue]);
  if (input.checkedOn !== null && input.checkedOn > toIsoDate(ctx.now())) throw fieldError('checkedOn', t.errors.checkFuture);
  // Case-insensitive in Vietnamese (SQLite's NOCASE folds ASCII only).
  const lower = input.localSystem.toLocaleLowerCase('vi');
  const names = db.prepare('SELECT local_system FROM data_connections WHERE system_id = ? AND id <> ?').pluck().all(input.systemId, exceptId) as string[];
  if (names.some((n) => n.toLocaleLowerCase('vi') === lower)) throw new AttkError('CONFLICT', t.errors.duplicate(input.localSystem, system.name), ['localSystem']);
  return system.name;
}

export function connectionHandlers(db: Db): HandlersFor<'connections'> {
  return {
    'connections.list': ({ systemId, filter }, ctx): ConnectionsList => {
      const today = toIsoDate(ctx.now());
      const months = readSettings(db).connectionCheckMonths;
      const inSystem = allConnections(db, today, months).filter((c) => systemId === undefined || c.systemId === systemId);
      const counts = Object.fromEntries(CONNECTION_FILTERS.map((f) => [f, inSystem.filter(FILTERS[f]).length])) as Record<ConnectionFilter, number>;
      // Without a filter the register shows what is in use; stopped links are one chip away.
      const rows = inSystem.filter(filter ? FILTERS[filter] : (c) => c.connectionStatus === 'active');
      return { rows, counts, all: inSystem.filter((c) => c.connectionStatus === 'active').length, bySystem: connectionFigures(db, today, months), checkMonths: months };
    },

    'connections.get': ({ id }, ctx) => getConnection(db, id, toIsoDate(ctx.now())),

    'connections.create': (input, ctx) => {
      const systemName = validate(db, ctx, input, 0);
      const now = ctx.now().toISOString();
      const r = db
        .prepare(
          `INSERT INTO data_connections (system_id, local_system, direction, protocol, gateway, checked_by, checked_on, status, note, created_at, updated_at)
           VALUES (@systemId, @localSystem, @direction, @protocol, @gateway, @checkedBy, @checkedOn, @connectionStatus, @note, @now, @now)`,
        )
        .run({ ...input, now });
      const id = Number(r.lastInsertRowid);
      writeAudit(db, ctx, { action: 'create', entity: 'connection', entityId: id, summary: t.audit.create(input.localSystem, systemName), data: input });
      return getConnection(db, id, toIsoDate(ctx.now()));
    },

    'connections.update': ({ id, ...input }, ctx) => {
      const today = toIsoDate(ctx.now());
      const before = getConnection(db, id, today);
      const systemName = validate(db, ctx, input, id);
      db.prepare(
        `UPDATE data_connections SET system_id = @systemId, local_system = @localSystem, direction = @direction, protocol = @protocol, gateway = @gateway,
           checked_by = @checkedBy, checked_on = @checkedOn, status = @connectionStatus, note = @note, updated_at = @now WHERE id = @id`,
      ).run({ ...input, id, now: ctx.now().toISOString() });
      writeAudit(db, ctx, { action: 'update', entity: 'connection', entityId: id, summary: t.audit.update(input.localSystem, systemName), data: { before, after: input } });
      return getConnection(db, id, today);
    },
  };
}
