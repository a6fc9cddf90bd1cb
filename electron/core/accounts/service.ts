import type { Account } from '../../../shared/accounts/schema';
import { toIsoDate } from '../../../shared/dates';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { foldForSearch } from '../../../shared/text/vietnamese';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { INTERVAL_SQL, LAST_CHANGED_SQL } from '../rotation/sql';
import { readSettings } from '../settings/service';
import { rotationState } from '../../../shared/rotation/rules';
import { Where } from '../db/where';
import { FORCED_ACCOUNT_IDS_SQL, forcedFor } from '../devices/forced';
import { getPerson } from '../people/service';
import { getSystem } from '../systems/service';

const ACCOUNT_SELECT = `SELECT a.id, a.system_id AS systemId, s.name AS systemName, a.person_id AS personId, p.full_name AS personName,
  p.status AS personStatus, coalesce(p.department, '') AS department, coalesce(u.name, '') AS unitName, a.login_name AS loginName,
  a.role, a.status, a.source_document AS sourceDocument, a.created_on AS createdOn, a.note, a.created_at AS createdAt, a.updated_at AS updatedAt,
  ${LAST_CHANGED_SQL} AS lastChangedOn, ${INTERVAL_SQL} AS interval
  FROM accounts a JOIN systems s ON s.id = a.system_id LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = p.unit_id`;

type AccountRow = Omit<Account, 'rotation' | 'nextDue' | 'daysLeft' | 'forced'> & { interval: number };

/** Adds Rule 1's state to a row, as of `today`. */
function withRotation(db: Db, today: string): (row: AccountRow) => Omit<Account, 'forced'> {
  const dueSoon = readSettings(db).dueSoonDays;
  return ({ interval, ...row }) => {
    const r = rotationState(row.lastChangedOn, interval, today, dueSoon);
    return { ...row, rotation: r.state, nextDue: r.nextDue, daysLeft: r.daysLeft };
  };
}

/** Adds Rule 5's forced change (malware on the owner's device) to the rows: one query for the page. */
function withForced(db: Db, rows: Omit<Account, 'forced'>[]): Account[] {
  const forced = forcedFor(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, forced: forced.get(r.id) ?? null }));
}

export function getAccount(db: Db, id: number, today: string): Account {
  const row = db.prepare(`${ACCOUNT_SELECT} WHERE a.id = ?`).get(id) as AccountRow | undefined;
  if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound(vi.fields.loginName!.toLowerCase(), id), ['id']);
  return withForced(db, [withRotation(db, today)(row)])[0]!;
}

interface AccountWrite {
  systemId: number;
  personId: number | null;
  loginName: string;
  createdOn: string | null;
}

/** Checks shared by create and update: the references exist, the login is free, the date is not in the future. */
function validateAccount(db: Db, input: AccountWrite, exceptId: number, ctx: CallContext): string {
  const system = getSystem(db, input.systemId, ['systemId']);
  if (input.personId !== null) {
    try {
      getPerson(db, input.personId);
    } catch {
      throw new AttkError('NOT_FOUND', vi.errors.notFound(vi.fields.personId!.toLowerCase(), input.personId), ['personId']);
    }
  }
  const clash = db.prepare('SELECT id FROM accounts WHERE system_id = ? AND login_name = ? AND id <> ?').get(input.systemId, input.loginName, exceptId);
  if (clash) throw new AttkError('CONFLICT', vi.errors.duplicateLogin(input.loginName, system.name), ['loginName']);
  if (input.createdOn && input.createdOn > toIsoDate(ctx.now())) throw new AttkError('VALIDATION', vi.errors.futureDate, ['createdOn']);
  return system.name;
}

export function accountHandlers(db: Db): HandlersFor<'accounts'> {
  return {
    'accounts.list': ({ q, systemId, personId, unitId, role, status, forced, offset, limit }, ctx) => {
      const where = new Where()
        .search(q, ['a.search_text', "coalesce(p.search_text, '')"])
        .when(systemId, 'a.system_id = ?')
        .when(personId, 'a.person_id = ?')
        .when(unitId, 'p.unit_id = ?')
        .when(role, 'a.role = ?')
        .when(status, 'a.status = ?');
      const filter = forced ? `${where.sql ? `${where.sql} AND` : 'WHERE'} a.id IN (${FORCED_ACCOUNT_IDS_SQL})` : where.sql;
      const total = (
        db.prepare(`SELECT count(*) AS n FROM accounts a LEFT JOIN people p ON p.id = a.person_id ${filter}`).get(where.params) as { n: number }
      ).n;
      const rows = db
        .prepare(`${ACCOUNT_SELECT} ${filter} ORDER BY coalesce(p.sort_key, '~'), s.sort_order, a.login_name, a.id LIMIT @limit OFFSET @offset`)
        .all({ ...where.params, limit, offset }) as AccountRow[];
      return { total, offset, rows: withForced(db, rows.map(withRotation(db, toIsoDate(ctx.now())))) };
    },

    'accounts.get': ({ id }, ctx) => getAccount(db, id, toIsoDate(ctx.now())),

    'accounts.create': (input, ctx) => {
      validateAccount(db, input, 0, ctx);
      const now = ctx.now().toISOString();
      const r = db
        .prepare(
          `INSERT INTO accounts (system_id, person_id, login_name, role, status, source_document, created_on, note, search_text, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.systemId, input.personId, input.loginName, input.role, input.status, input.sourceDocument, input.createdOn, input.note,
          foldForSearch(input.loginName), now, now);
      const account = getAccount(db, Number(r.lastInsertRowid), toIsoDate(ctx.now()));
      writeAudit(db, ctx, { action: 'create', entity: 'account', entityId: account.id, summary: `${account.loginName} (${account.systemName})`, data: input });
      return account;
    },

    'accounts.update': (input, ctx) => {
      const before = getAccount(db, input.id, toIsoDate(ctx.now()));
      validateAccount(db, input, input.id, ctx);
      db.prepare(
        `UPDATE accounts SET system_id = ?, person_id = ?, login_name = ?, role = ?, source_document = ?, created_on = ?, note = ?,
           search_text = ?, updated_at = ? WHERE id = ?`,
      ).run(input.systemId, input.personId, input.loginName, input.role, input.sourceDocument, input.createdOn, input.note,
        foldForSearch(input.loginName), ctx.now().toISOString(), input.id);
      const account = getAccount(db, input.id, toIsoDate(ctx.now()));
      writeAudit(db, ctx, { action: 'update', entity: 'account', entityId: account.id, summary: `${account.loginName} (${account.systemName})`, data: { before, after: input } });
      return account;
    },

    'accounts.setStatus': ({ id, status }, ctx) => {
      const before = getAccount(db, id, toIsoDate(ctx.now()));
      db.prepare('UPDATE accounts SET status = ?, updated_at = ? WHERE id = ?').run(status, ctx.now().toISOString(), id);
      const account = getAccount(db, id, toIsoDate(ctx.now()));
      writeAudit(db, ctx, {
        action: 'status', entity: 'account', entityId: id,
        summary: `${account.loginName}: ${vi.accountStatus[before.status]} → ${vi.accountStatus[status]}`, data: { from: before.status, to: status },
      });
      return account;
    },
  };
}
