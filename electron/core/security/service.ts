import { toIsoDate } from '../../../shared/dates';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import {
  checkItemsIssue, isSecurityFlagged, resultCounts, securityCheckDue, securityState,
  type FeatureResult, type FeatureScope,
} from '../../../shared/security/rules';
import type {
  FlaggedAccountCheck, SecurityCheck, SecurityCheckItem, SecurityFeature, SecurityOverview, SystemSecurityStatus,
} from '../../../shared/security/schema';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { readSettings } from '../settings/service';

// Security features of the tracked systems and their periodic checks (Rule 8, seed 001). The rule
// is shared/security/rules.ts; the latest valid check per system (and per account) is found in
// SQL through the partial index security_checks_valid, then the rule runs on those few rows.

const t = vi.security;

const FEATURE_SELECT = `SELECT f.id, f.system_id AS systemId, f.name AS featureName, f.description, f.scope AS featureScope, f.active
  FROM security_features f`;
type FeatureRow = Omit<SecurityFeature, 'active'> & { active: number };
const toFeature = (r: FeatureRow): SecurityFeature => ({ ...r, active: r.active === 1 });

export function systemFeatures(db: Db, systemId: number | undefined, includeInactive: boolean): SecurityFeature[] {
  const where = [systemId !== undefined ? 'f.system_id = @systemId' : '', includeInactive ? '' : 'f.active = 1'].filter(Boolean);
  return (
    db
      .prepare(`${FEATURE_SELECT} JOIN systems s ON s.id = f.system_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.sort_order, s.id, f.sort_order, f.id`)
      .all(systemId !== undefined ? { systemId } : {}) as FeatureRow[]
  ).map(toFeature);
}

const CHECK_SELECT = `SELECT c.id, c.system_id AS systemId, s.name AS systemName, c.account_id AS accountId, a.login_name AS loginName,
  p.full_name AS personName, c.checked_on AS checkedOn, c.checker, c.note, c.recorded_by AS recordedBy, c.recorded_at AS recordedAt,
  c.voided_at AS voidedAt, c.voided_by AS voidedBy, c.void_reason AS voidReason
  FROM security_checks c JOIN systems s ON s.id = c.system_id LEFT JOIN accounts a ON a.id = c.account_id LEFT JOIN people p ON p.id = a.person_id`;
type CheckRow = Omit<SecurityCheck, 'items' | 'counts'>;

/** Rows → checks with their items (one query for all of them). */
function withItems(db: Db, rows: CheckRow[]): SecurityCheck[] {
  if (rows.length === 0) return [];
  const items = new Map<number, SecurityCheckItem[]>();
  for (const r of db
    .prepare(
      `SELECT i.check_id AS checkId, i.feature_id AS featureId, i.feature_name AS featureName, i.scope AS featureScope, i.result
       FROM security_check_items i JOIN security_features f ON f.id = i.feature_id
       WHERE i.check_id IN (SELECT value FROM json_each(?)) ORDER BY f.sort_order, f.id`,
    )
    .all(JSON.stringify(rows.map((r) => r.id))) as (SecurityCheckItem & { checkId: number })[]) {
    const { checkId, ...item } = r;
    items.set(checkId, [...(items.get(checkId) ?? []), item]);
  }
  return rows.map((r) => {
    const list = items.get(r.id) ?? [];
    return { ...r, items: list, counts: resultCounts(list.map((i) => i.result)) };
  });
}

function getCheck(db: Db, id: number): SecurityCheck {
  const row = db.prepare(`${CHECK_SELECT} WHERE c.id = ?`).get(id) as CheckRow | undefined;
  if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound(t.errors.checkNotFound, id), ['id']);
  return withItems(db, [row])[0]!;
}

/** The latest valid check of each system (system-wide) or of each account, by date then id. */
const LATEST_SQL = (perAccount: boolean) => `
  SELECT id FROM (
    SELECT c.id, row_number() OVER (PARTITION BY c.system_id, c.account_id ORDER BY c.checked_on DESC, c.id DESC) AS k
    FROM security_checks c WHERE c.voided_at IS NULL AND c.account_id IS ${perAccount ? 'NOT ' : ''}NULL
  ) WHERE k = 1`;

function latestChecks(db: Db, perAccount: boolean): SecurityCheck[] {
  return withItems(db, db.prepare(`${CHECK_SELECT} WHERE c.id IN (${LATEST_SQL(perAccount)})`).all() as CheckRow[]);
}

const unusedOf = (c: SecurityCheck | null) => (c ? c.items.filter((i) => i.result === 'not_used').map((i) => i.featureName) : []);

/**
 * Rule 8 per system, as of today: every system that has at least one active feature (a system
 * without a list has nothing to check). Per-account checks add two figures per system.
 */
export function securityOverview(db: Db, today: string, accountLimit = 30): SecurityOverview {
  const months = readSettings(db).securityCheckMonths;
  const systems = db
    .prepare(
      `SELECT s.id, s.name, s.code, s.active, count(f.id) AS features, sum(f.scope = 'account') AS personal
       FROM systems s JOIN security_features f ON f.system_id = s.id AND f.active = 1
       GROUP BY s.id ORDER BY s.sort_order, s.id`,
    )
    .all() as { id: number; name: string; code: string; active: number; features: number; personal: number }[];
  const latest = new Map(latestChecks(db, false).map((c) => [c.systemId, c]));
  const accountLatest = latestChecks(db, true);
  const flagged: FlaggedAccountCheck[] = [];
  const perSystem = new Map<number, { checked: number; unused: number }>();
  for (const c of accountLatest) {
    const state = securityState({ checkedOn: c.checkedOn, results: c.items.map((i) => i.result) }, today, months);
    const figures = perSystem.get(c.systemId) ?? { checked: 0, unused: 0 };
    if (state !== 'overdue') figures.checked++;
    // Unused personal features flag the account until its next check, however old the check.
    if (c.counts.notUsed > 0) {
      figures.unused++;
      flagged.push({ accountId: c.accountId!, loginName: c.loginName ?? '', personName: c.personName, systemId: c.systemId, systemName: c.systemName, checkedOn: c.checkedOn, unusedFeatures: unusedOf(c) });
    }
    perSystem.set(c.systemId, figures);
  }
  flagged.sort((a, b) => a.checkedOn.localeCompare(b.checkedOn) || a.loginName.localeCompare(b.loginName));
  const statuses: SystemSecurityStatus[] = systems.map((s) => {
    const last = latest.get(s.id) ?? null;
    return {
      systemId: s.id, systemName: s.name, systemCode: s.code || `S${s.id}`, systemActive: s.active === 1, features: s.features, personalFeatures: s.personal,
      lastCheck: last, nextDue: last ? securityCheckDue(last.checkedOn, months) : null,
      state: securityState(last ? { checkedOn: last.checkedOn, results: last.items.map((i) => i.result) } : null, today, months),
      unusedFeatures: unusedOf(last), accountsChecked: perSystem.get(s.id)?.checked ?? 0, accountsUnused: perSystem.get(s.id)?.unused ?? 0,
    };
  });
  return { checkMonths: months, systems: statuses, flaggedAccounts: flagged.slice(0, accountLimit), flaggedAccountCount: flagged.length };
}

/** Systems flagged by Rule 8 (in use only: a switched-off system is not chased). */
export const flaggedSystems = (o: SecurityOverview) => o.systems.filter((s) => s.systemActive && isSecurityFlagged(s.state));

const fieldError = (field: string, message: string, path: (string | number)[] = [field]) =>
  new AttkError('VALIDATION', vi.errors.field(vi.fields[field] ?? field, message), path);

interface CheckWrite {
  systemId: number;
  accountId: number | null;
  checkedOn: string;
  checker: string;
  items: { featureId: number; result: FeatureResult }[];
  note: string;
}

function recordCheck(db: Db, ctx: CallContext, input: CheckWrite): SecurityCheck {
  const system = db.prepare('SELECT name FROM systems WHERE id = ?').get(input.systemId) as { name: string } | undefined;
  if (!system) throw new AttkError('NOT_FOUND', vi.errors.notFound(vi.fields.systemId!.toLowerCase(), input.systemId), ['systemId']);
  if (input.checkedOn > toIsoDate(ctx.now())) throw fieldError('checkedOn', t.errors.checkFuture);
  let login: string | null = null;
  if (input.accountId !== null) {
    const account = db.prepare('SELECT system_id AS systemId, login_name AS login FROM accounts WHERE id = ?').get(input.accountId) as { systemId: number; login: string } | undefined;
    if (!account) throw new AttkError('NOT_FOUND', vi.errors.notFound(vi.fields.accountId!.toLowerCase(), input.accountId), ['accountId']);
    if (account.systemId !== input.systemId) throw fieldError('accountId', t.errors.accountOtherSystem);
    login = account.login;
  }
  const features = systemFeatures(db, input.systemId, false);
  if (features.length === 0) throw fieldError('systemId', t.errors.noFeatures);
  const issue = checkItemsIssue(input.items, features.map((f) => ({ id: f.id, scope: f.featureScope })), input.accountId !== null);
  if (issue) {
    if (issue.issue === 'missing_feature') throw fieldError('items', t.errors.missing_feature(features.find((f) => f.id === issue.featureId)!.featureName));
    if (issue.issue === 'no_personal_features') throw fieldError('accountId', t.errors.no_personal_features);
    throw fieldError('featureId', t.errors[issue.issue], ['items', issue.index, 'featureId']);
  }
  const r = db
    .prepare(
      `INSERT INTO security_checks (system_id, account_id, checked_on, checker, note, recorded_by, recorded_at)
       VALUES (@systemId, @accountId, @checkedOn, @checker, @note, @actor, @at)`,
    )
    .run({ ...input, actor: ctx.actor, at: ctx.now().toISOString() });
  const id = Number(r.lastInsertRowid);
  const byId = new Map(features.map((f) => [f.id, f]));
  const item = db.prepare('INSERT INTO security_check_items (check_id, feature_id, feature_name, scope, result) VALUES (?, ?, ?, ?, ?)');
  for (const i of input.items) {
    const f = byId.get(i.featureId)!;
    item.run(id, f.id, f.featureName, f.featureScope as FeatureScope, i.result);
  }
  const check = getCheck(db, id);
  const counts = t.counts(check.counts.used, check.counts.notUsed, check.counts.na);
  writeAudit(db, ctx, {
    action: 'check', entity: 'security_check', entityId: id,
    summary: login ? t.audit.checkAccount(system.name, login, input.checkedOn, counts) : t.audit.check(system.name, input.checkedOn, counts),
    data: check,
  });
  return check;
}

export function securityHandlers(db: Db): HandlersFor<'security'> {
  return {
    'security.features': ({ systemId, includeInactive }) => systemFeatures(db, systemId, includeInactive),

    'security.saveFeature': ({ id, systemId, featureName, description, featureScope, active }, ctx) => {
      const system = db.prepare('SELECT name FROM systems WHERE id = ?').get(systemId) as { name: string } | undefined;
      if (!system) throw new AttkError('NOT_FOUND', vi.errors.notFound(vi.fields.systemId!.toLowerCase(), systemId), ['systemId']);
      // Case-insensitive in Vietnamese (SQLite's NOCASE folds ASCII only: "Đăng" ≠ "đăng" there).
      const lower = featureName.toLocaleLowerCase('vi');
      const names = db.prepare('SELECT name FROM security_features WHERE system_id = ? AND id <> ?').pluck().all(systemId, id ?? 0) as string[];
      if (names.some((n) => n.toLocaleLowerCase('vi') === lower)) throw new AttkError('CONFLICT', t.errors.duplicateFeature(featureName), ['featureName']);
      const now = ctx.now().toISOString();
      let featureId: number;
      let before: SecurityFeature | null = null;
      if (id === undefined) {
        const order = (db.prepare('SELECT coalesce(max(sort_order), 0) + 1 AS n FROM security_features WHERE system_id = ?').get(systemId) as { n: number }).n;
        featureId = Number(
          db.prepare('INSERT INTO security_features (system_id, name, description, scope, active, sort_order, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
            .run(systemId, featureName, description, featureScope, active ? 1 : 0, order, now).lastInsertRowid,
        );
      } else {
        const row = db.prepare(`${FEATURE_SELECT} WHERE f.id = ?`).get(id) as FeatureRow | undefined;
        if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound(t.errors.featureNotFound, id), ['id']);
        before = toFeature(row);
        // A feature moves with its checks' evidence: it stays on its system.
        if (before.systemId !== systemId) throw fieldError('systemId', t.errors.featureOtherSystem);
        db.prepare('UPDATE security_features SET name = ?, description = ?, scope = ?, active = ?, updated_at = ? WHERE id = ?')
          .run(featureName, description, featureScope, active ? 1 : 0, now, id);
        featureId = id;
      }
      const feature = toFeature(db.prepare(`${FEATURE_SELECT} WHERE f.id = ?`).get(featureId) as FeatureRow);
      writeAudit(db, ctx, {
        action: before ? 'update' : 'create', entity: 'security_feature', entityId: featureId,
        summary: t.audit.feature(system.name, featureName), data: before ? { before, after: feature } : feature,
      });
      return feature;
    },

    'security.overview': (_input, ctx) => securityOverview(db, toIsoDate(ctx.now()), 200),

    'security.checks': ({ systemId, accountId, includeAccounts }) => {
      const scope = accountId !== undefined ? 'AND c.account_id = @accountId' : includeAccounts ? '' : 'AND c.account_id IS NULL';
      const rows = db
        .prepare(`${CHECK_SELECT} WHERE c.system_id = @systemId ${scope} ORDER BY c.checked_on DESC, c.id DESC LIMIT 500`)
        .all({ systemId, ...(accountId !== undefined ? { accountId } : {}) }) as CheckRow[];
      return withItems(db, rows);
    },

    'security.recordCheck': (input, ctx) => recordCheck(db, ctx, input),

    'security.voidCheck': ({ id, reason }, ctx) => {
      const check = getCheck(db, id);
      if (check.voidedAt) throw new AttkError('CONFLICT', t.errors.alreadyVoided, ['id']);
      db.prepare('UPDATE security_checks SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?').run(ctx.now().toISOString(), ctx.actor, reason, id);
      writeAudit(db, ctx, { action: 'void', entity: 'security_check', entityId: id, summary: t.audit.void(check.systemName, check.checkedOn, reason), data: { id, reason } });
      return getCheck(db, id);
    },
  };
}
