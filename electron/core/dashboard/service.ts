import { addDays, parseISO } from 'date-fns';
import { toIsoDate, daysBetween } from '../../../shared/dates';
import type { DashboardSummary, SetupProgress, TodoItem, TodoKind } from '../../../shared/dashboard/schema';
import type { RotationState } from '../../../shared/rotation/rules';
import type { HandlersFor } from '../api/types';
import { campaignProgress, getCampaign } from '../campaigns/service';
import type { Db } from '../db/open';
import { forcedAll } from '../devices/forced';
import { deviceTodos } from '../devices/service';
import { connectionTodos } from '../connections/service';
import { securityOverview } from '../security/service';
import { LAST_CHANGED_SQL, NEXT_DUE_SQL } from '../rotation/sql';
import { readSettings } from '../settings/service';

const TODO_LIMIT = 30;
/** Byte order: ISO dates and the stored Vietnamese sort keys are made to compare this way. */
const byCode = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Rule 1's state of an account (alias a) from its trigger-kept columns. */
const STATE_SQL = `CASE WHEN ${LAST_CHANGED_SQL} IS NULL THEN 'never' WHEN ${NEXT_DUE_SQL} < @today THEN 'overdue'
  WHEN ${NEXT_DUE_SQL} <= @dueSoonLimit THEN 'due_soon' ELSE 'ok' END`;

/**
 * Rule 1 over every active account of a working owner (or a shared account): last change and
 * next due computed in SQL, one pass. Leavers' accounts are Rule 3's business (to cancel).
 */
const ROTATION_SQL = `
  SELECT a.id AS accountId, a.login_name AS loginName, s.name AS systemName, a.person_id AS personId, p.full_name AS personName,
    coalesce(u.name, '') AS unitName, coalesce(p.sort_key, '~') AS sortKey, ${LAST_CHANGED_SQL} AS lastChangedOn, ${NEXT_DUE_SQL} AS nextDue,
    ${STATE_SQL} AS state
  FROM accounts a JOIN systems s ON s.id = a.system_id AND s.active = 1
  LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = p.unit_id
  WHERE a.status = 'active' AND (p.id IS NULL OR p.status = 'working')`;

const LEAVERS_SQL = `
  SELECT a.id AS accountId, a.login_name AS loginName, s.name AS systemName, a.person_id AS personId, p.full_name AS personName,
    coalesce(u.name, '') AS unitName, p.status_date AS date
  FROM accounts a JOIN systems s ON s.id = a.system_id JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = p.unit_id
  WHERE a.status = 'active' AND p.status <> 'working'`;

/**
 * Both sets of figures in one pass over the active accounts (the covering index accounts_rule):
 * ROTATION_SQL's state for a working owner's (or a shared) account on an active system, 'to_cancel'
 * for a leaver's (LEAVERS_SQL), NULL for the rest.
 */
const COUNTS_SQL = `
  SELECT CASE WHEN p.status <> 'working' THEN 'to_cancel' WHEN s.active = 1 THEN ${STATE_SQL} END AS state, count(*) AS n
  FROM accounts a JOIN systems s ON s.id = a.system_id LEFT JOIN people p ON p.id = a.person_id
  WHERE a.status = 'active'
  GROUP BY 1`;

export function dashboardHandlers(db: Db): HandlersFor<'dashboard'> {
  return {
    'dashboard.summary': (_input, ctx): DashboardSummary => {
      const today = toIsoDate(ctx.now());
      const bound = { today, dueSoonLimit: toIsoDate(addDays(parseISO(today), readSettings(db).dueSoonDays)) };
      const rotation: Record<RotationState, number> = { ok: 0, due_soon: 0, overdue: 0, never: 0 };
      let toCancel = 0;
      for (const r of db.prepare(COUNTS_SQL).all(bound) as { state: RotationState | 'to_cancel' | null; n: number }[]) {
        if (r.state === 'to_cancel') toCancel = r.n;
        else if (r.state) rotation[r.state] = r.n;
      }
      type Row = Omit<TodoItem, 'kind' | 'daysLeft'> & { date: string | null };
      const withKind = (kind: TodoKind, rows: Row[]): TodoItem[] =>
        rows.map((r) => ({ ...r, kind, daysLeft: kind === 'overdue' && r.date ? daysBetween(today, r.date) : null, forced: null }));
      const cols = 'accountId, loginName, systemName, personId, personName, unitName';
      const overdue = db
        .prepare(`SELECT ${cols}, nextDue AS date FROM (${ROTATION_SQL} AND ${NEXT_DUE_SQL} < @today) ORDER BY nextDue, sortKey LIMIT ${TODO_LIMIT}`)
        .all({ today, dueSoonLimit: today }) as Row[];
      const never = db
        .prepare(`SELECT ${cols}, NULL AS date FROM (${ROTATION_SQL} AND ${LAST_CHANGED_SQL} IS NULL) ORDER BY sortKey, loginName LIMIT ${TODO_LIMIT}`)
        .all({ today, dueSoonLimit: today }) as Row[];
      const leavers = db.prepare(`${LEAVERS_SQL} ORDER BY p.status_date, p.sort_key LIMIT ${TODO_LIMIT}`).all() as Row[];
      // Rule 5 first: passwords that malware may have stolen, whatever their rotation state.
      const forced = forcedAll(db);
      const forcedRows = (
        db
          .prepare(
            `SELECT a.id AS accountId, a.login_name AS loginName, s.name AS systemName, a.person_id AS personId, p.full_name AS personName,
               coalesce(u.name, '') AS unitName, coalesce(p.sort_key, '~') AS sortKey
             FROM accounts a JOIN systems s ON s.id = a.system_id LEFT JOIN people p ON p.id = a.person_id LEFT JOIN units u ON u.id = p.unit_id
             WHERE a.id IN (SELECT value FROM json_each(?))`,
          )
          .all(JSON.stringify([...forced.keys()])) as (Omit<TodoItem, 'kind' | 'date' | 'daysLeft' | 'forced'> & { sortKey: string })[]
      )
        .map(({ sortKey, ...r }) => ({ ...r, sortKey, kind: 'forced' as const, forced: forced.get(r.accountId)!, date: forced.get(r.accountId)!.since, daysLeft: null }))
        .sort((x, y) => Number(x.forced.reason !== 'infected') - Number(y.forced.reason !== 'infected') || byCode(x.date, y.date) || byCode(x.sortKey, y.sortKey) || byCode(x.loginName, y.loginName))
        .slice(0, TODO_LIMIT)
        .map(({ sortKey: _sortKey, ...r }): TodoItem => r);
      const open = db.prepare("SELECT id FROM campaigns WHERE status <> 'sent' ORDER BY deadline, id").all() as { id: number }[];
      return {
        today,
        campaigns: open.map(({ id }) => campaignProgress(db, getCampaign(db, id), today)),
        rotation,
        todoCounts: { forced: forced.size, overdue: rotation.overdue, never: rotation.never, to_cancel: toCancel },
        todos: [...forcedRows, ...withKind('overdue', overdue), ...withKind('never', never), ...withKind('to_cancel', leavers)],
        devices: deviceTodos(db, today, TODO_LIMIT),
        connections: connectionTodos(db, today, TODO_LIMIT),
        security: securityOverview(db, today, TODO_LIMIT),
        setup: db
          .prepare(
            `SELECT (SELECT count(*) FROM people WHERE status = 'working') AS people,
               (SELECT count(*) FROM systems WHERE active = 1) AS systems,
               (SELECT count(*) FROM accounts WHERE status = 'active') AS accounts,
               (SELECT count(*) FROM campaigns WHERE status <> 'draft') AS campaignsStarted,
               (SELECT count(*) FROM campaigns WHERE status = 'draft') AS campaignsDraft`,
          )
          .get() as SetupProgress,
      };
    },
  };
}
