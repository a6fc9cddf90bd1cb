import { toIsoDate } from '../../../shared/dates';
import { addToFigures, CAMPAIGN_ACCOUNT_STATES, daysLeft, emptyFigures, progressPercent, sumFigures, type CampaignAccountState, type CampaignFigures } from '../../../shared/campaigns/rules';
import type { Amendment, Campaign, CampaignProgress, ChecklistRow } from '../../../shared/campaigns/schema';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import { rotationState } from '../../../shared/rotation/rules';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import type { Db } from '../db/open';
import { Where } from '../db/where';
import { COUNTS_AFTER_MALWARE, FORCED_ACCOUNT_IDS_SQL, forcedFor, MALWARE_FLOOR_SQL } from '../devices/forced';
import { INTERVAL_SQL } from '../rotation/sql';
import { readSettings } from '../settings/service';

const CAMPAIGN_SELECT = `SELECT id, directive_number AS directiveNumber, directive_date AS directiveDate, issuer, subject,
  start_date AS startDate, deadline, recipient, note, status, started_on AS startedOn, report_number AS reportNumber,
  reported_on AS reportedOn, signer, sent_on AS sentOn, reference, created_at AS createdAt, updated_at AS updatedAt FROM campaigns`;

/**
 * Rule 2's inputs for one account (aliases a = accounts, p = people, m = the owner's malware floor,
 * MALWARE_FLOOR_SQL). The twin of shared/campaigns/rules.ts campaignAccountState():
 *   countedOn       the latest counting confirmation (shared: countsAfterMalware): for an owner
 *                   without malware, the trigger-kept a.last_changed_on; else read from the
 *                   partial index confirmations_valid for the few accounts of infected owners;
 *   lastByDeadline  the latest counting confirmation on or before the deadline (the same value
 *                   unless the latest is after the deadline).
 */
const RULE_COLUMNS = `a.role, a.system_id AS systemId, a.last_changed_on AS lastChangedOn,
    (p.status IS NOT NULL AND p.status <> 'working') AS leaver,
    (m.personId IS NOT NULL) AS malware, coalesce(m.infectedNow, 0) AS infectedNow,
    CASE WHEN m.personId IS NULL THEN a.last_changed_on
      ELSE (SELECT max(c.changed_on) FROM confirmations c WHERE ${COUNTS_AFTER_MALWARE}) END AS countedOn,
    CASE WHEN m.personId IS NULL AND (a.last_changed_on IS NULL OR a.last_changed_on <= @deadline) THEN a.last_changed_on
      ELSE (SELECT max(c.changed_on) FROM confirmations c WHERE ${COUNTS_AFTER_MALWARE} AND c.changed_on <= @deadline) END AS lastByDeadline`;
const IN_SCOPE = `FROM campaign_systems cs
  JOIN accounts a ON a.system_id = cs.system_id AND a.status = 'active'
  LEFT JOIN people p ON p.id = a.person_id
  LEFT JOIN (${MALWARE_FLOOR_SQL}) m ON m.personId = a.person_id`;
/** The precedence of shared/campaigns/rules.ts: to cancel → must change after malware → done → late → missing. */
export const STATE_CASE = `CASE WHEN leaver THEN 'to_cancel' WHEN infectedNow OR (malware AND countedOn IS NULL) THEN 'must_change'
  WHEN lastByDeadline >= @start THEN 'done' WHEN countedOn > @deadline THEN 'late' ELSE 'missing' END`;

/**
 * Every active account on a system in the campaign's scope, with what Rule 2 needs (RULE_COLUMNS)
 * and what a list shows.
 */
const SCOPE_SQL = `
  SELECT a.id AS accountId, a.login_name AS loginName, s.name AS systemName, s.sort_order AS systemOrder,
    a.person_id AS personId, p.full_name AS personName, coalesce(p.position, '') AS position, coalesce(p.department, '') AS department,
    p.unit_id AS unitId, coalesce(u.name, '') AS unitName, coalesce(p.sort_key, '~') AS sortKey,
    a.search_text AS aSearch, coalesce(p.search_text, '') AS pSearch, ${INTERVAL_SQL} AS interval, a.next_due AS nextDue,
    ${RULE_COLUMNS}
  ${IN_SCOPE}
  JOIN systems s ON s.id = a.system_id
  LEFT JOIN units u ON u.id = p.unit_id
  WHERE cs.campaign_id = @campaignId`;

/** Every in-scope account with its one state and the change it counts (done: within the window; late: after it). */
export const STATED_SQL = `SELECT *, CASE state WHEN 'done' THEN lastByDeadline WHEN 'late' THEN countedOn END AS changedOn
  FROM (SELECT *, ${STATE_CASE} AS state FROM (${SCOPE_SQL}))`;

/**
 * The figures only: the same rule over the same scope, without the columns a list needs. Counted
 * per (system, role, state) and summed in JS: SQLite flattens the inner query, so an outer
 * `sum(state = …)` per figure re-evaluates the whole state expression (and its correlated
 * subquery) once per figure and row; grouping computes it once per row (district bench: 25 → 14 ms;
 * 66 → 20 ms once the deadline has passed and the subquery runs).
 */
const PROGRESS_SQL = `
  SELECT systemId, role, ${STATE_CASE} AS state, count(*) AS n
  FROM (SELECT ${RULE_COLUMNS} ${IN_SCOPE} WHERE cs.campaign_id = @campaignId)
  GROUP BY 1, 2, 3`;

export function params(c: Campaign) {
  return { campaignId: c.id, start: c.startDate, deadline: c.deadline };
}

export function getCampaign(db: Db, id: number, path: (string | number)[] = ['id']): Campaign {
  const row = db.prepare(`${CAMPAIGN_SELECT} WHERE id = ?`).get(id) as Omit<Campaign, 'systemIds' | 'legalIds'> | undefined;
  if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound('đợt rà soát', id), path);
  const systemIds = (db.prepare('SELECT system_id AS id FROM campaign_systems WHERE campaign_id = ? ORDER BY system_id').all(id) as { id: number }[]).map((r) => r.id);
  const legalIds = (db.prepare('SELECT legal_document_id AS id FROM campaign_legal_basis WHERE campaign_id = ? ORDER BY position').all(id) as { id: number }[]).map((r) => r.id);
  return { ...row, systemIds, legalIds };
}

/** Rule 2 and 3 figures per system in scope and overall, aggregated in SQL. */
export function campaignProgress(db: Db, campaign: Campaign, today: string): CampaignProgress {
  const byId = new Map<number, CampaignFigures>();
  for (const r of db.prepare(PROGRESS_SQL).all(params(campaign)) as { systemId: number; role: 'admin' | 'user'; state: CampaignAccountState; n: number }[]) {
    let f = byId.get(r.systemId);
    if (!f) byId.set(r.systemId, (f = emptyFigures()));
    addToFigures(f, r.role, r.state, r.n);
  }
  const systems = db
    .prepare('SELECT s.id, s.name FROM campaign_systems cs JOIN systems s ON s.id = cs.system_id WHERE cs.campaign_id = ? ORDER BY s.sort_order, s.id')
    .all(campaign.id) as { id: number; name: string }[];
  let overall = emptyFigures();
  const bySystem = systems.map((s) => {
    const f = byId.get(s.id) ?? emptyFigures();
    overall = sumFigures(overall, f);
    return { ...f, systemId: s.id, systemName: s.name };
  });
  return { campaign, overall, bySystem, percent: progressPercent(overall), daysLeft: daysLeft(today, campaign.deadline) };
}

export function campaignAmendments(db: Db, campaignId: number): Amendment[] {
  return db
    .prepare('SELECT id, campaign_id AS campaignId, at, actor, reason, summary FROM campaign_amendments WHERE campaign_id = ? ORDER BY id')
    .all(campaignId) as Amendment[];
}

function validateDates(input: { startDate: string; deadline: string }): void {
  if (input.deadline < input.startDate) throw new AttkError('VALIDATION', vi.errors.campaignDates, ['deadline']);
}

function writeScope(db: Db, campaignId: number, systemIds: number[], legalIds: number[]): void {
  systemIds.forEach((id, i) => {
    if (!db.prepare('SELECT 1 FROM systems WHERE id = ?').get(id)) throw new AttkError('NOT_FOUND', vi.errors.notFound('hệ thống', id), ['systemIds', i]);
  });
  legalIds.forEach((id, i) => {
    if (!db.prepare('SELECT 1 FROM legal_documents WHERE id = ?').get(id)) throw new AttkError('NOT_FOUND', vi.errors.notFound('văn bản', id), ['legalIds', i]);
  });
  db.prepare('DELETE FROM campaign_systems WHERE campaign_id = ?').run(campaignId);
  db.prepare('DELETE FROM campaign_legal_basis WHERE campaign_id = ?').run(campaignId);
  const sys = db.prepare('INSERT INTO campaign_systems (campaign_id, system_id) VALUES (?, ?)');
  for (const id of systemIds) sys.run(campaignId, id);
  const legal = db.prepare('INSERT INTO campaign_legal_basis (campaign_id, legal_document_id, position) VALUES (?, ?, ?)');
  legalIds.forEach((id, i) => legal.run(campaignId, id, i + 1));
}

function stepDate(campaign: Campaign, date: string, ctx: CallContext, field: string, notBefore: string): void {
  if (date > toIsoDate(ctx.now()) || date < notBefore) throw new AttkError('VALIDATION', vi.errors.campaignStepDate, [field]);
  void campaign;
}

export function campaignHandlers(db: Db): HandlersFor<'campaigns'> {
  return {
    'campaigns.list': () =>
      (db.prepare(`SELECT id FROM campaigns ORDER BY status = 'sent', deadline DESC, id DESC`).all() as { id: number }[]).map((r) => getCampaign(db, r.id)),

    'campaigns.get': ({ id }) => getCampaign(db, id),

    'campaigns.create': ({ systemIds, legalIds, ...input }, ctx) => {
      validateDates(input);
      const now = ctx.now().toISOString();
      const r = db
        .prepare(
          `INSERT INTO campaigns (directive_number, directive_date, issuer, subject, start_date, deadline, recipient, note, created_at, updated_at)
           VALUES (@directiveNumber, @directiveDate, @issuer, @subject, @startDate, @deadline, @recipient, @note, @now, @now)`,
        )
        .run({ ...input, now });
      const id = Number(r.lastInsertRowid);
      writeScope(db, id, systemIds, legalIds);
      const campaign = getCampaign(db, id);
      writeAudit(db, ctx, { action: 'create', entity: 'campaign', entityId: id, summary: `${campaign.directiveNumber}: ${campaign.subject}`, data: { systemIds, legalIds, ...input } });
      return campaign;
    },

    'campaigns.update': ({ id, systemIds, legalIds, ...input }, ctx) => {
      const before = getCampaign(db, id);
      if (before.status === 'reported' || before.status === 'sent') throw new AttkError('CONFLICT', vi.errors.campaignLocked, ['id']);
      validateDates(input);
      db.prepare(
        `UPDATE campaigns SET directive_number = @directiveNumber, directive_date = @directiveDate, issuer = @issuer, subject = @subject,
           start_date = @startDate, deadline = @deadline, recipient = @recipient, note = @note, updated_at = @now WHERE id = @id`,
      ).run({ ...input, id, now: ctx.now().toISOString() });
      writeScope(db, id, systemIds, legalIds);
      const campaign = getCampaign(db, id);
      writeAudit(db, ctx, { action: 'update', entity: 'campaign', entityId: id, summary: campaign.subject, data: { before, after: campaign } });
      return campaign;
    },

    'campaigns.advance': (input, ctx) => {
      const campaign = getCampaign(db, input.id);
      const allowedFrom = { in_progress: 'draft', reported: 'in_progress', sent: 'reported' } as const;
      if (campaign.status !== allowedFrom[input.to]) {
        throw new AttkError('CONFLICT', vi.errors.campaignStep(vi.campaignStatus[campaign.status], vi.campaignStatus[input.to]), ['to']);
      }
      const now = ctx.now().toISOString();
      if (input.to === 'in_progress') {
        db.prepare("UPDATE campaigns SET status = 'in_progress', started_on = ?, updated_at = ? WHERE id = ?").run(toIsoDate(ctx.now()), now, input.id);
      } else if (input.to === 'reported') {
        stepDate(campaign, input.reportedOn, ctx, 'reportedOn', campaign.startDate);
        db.prepare("UPDATE campaigns SET status = 'reported', report_number = ?, reported_on = ?, signer = ?, updated_at = ? WHERE id = ?").run(
          input.reportNumber, input.reportedOn, input.signer, now, input.id,
        );
      } else {
        stepDate(campaign, input.sentOn, ctx, 'sentOn', campaign.reportedOn ?? campaign.startDate);
        db.prepare("UPDATE campaigns SET status = 'sent', sent_on = ?, updated_at = ? WHERE id = ?").run(input.sentOn, now, input.id);
      }
      const after = getCampaign(db, input.id);
      writeAudit(db, ctx, { action: 'status', entity: 'campaign', entityId: input.id, summary: `${vi.campaignStatus[campaign.status]} → ${vi.campaignStatus[after.status]}`, data: input });
      return after;
    },

    'campaigns.amendments': ({ id }) => campaignAmendments(db, id),

    'campaigns.progress': ({ id }, ctx) => campaignProgress(db, getCampaign(db, id), toIsoDate(ctx.now())),

    'campaigns.checklist': ({ campaignId, q, state, systemId, department, unitId, forced, searchIn, offset, limit }, ctx) => {
      const campaign = getCampaign(db, campaignId, ['campaignId']);
      const filters = new Where();
      if (searchIn === 'all') filters.search(q, ['aSearch', 'pSearch']);
      else filters.searchNameOrLogin(q, { login: 'aSearch', text: 'pSearch', name: 'personName' });
      filters.when(systemId, 'systemId = ?').when(department, 'department = ?').when(unitId, 'unitId = ?');
      const rank = filters.searchRank(q, { login: 'aSearch', text: 'pSearch', name: 'personName' });
      // Rule 5: "Phải đổi MK sau xử lý mã độc" is a filter of its own, combined with the state chips.
      const forcedSql = `accountId IN (${FORCED_ACCOUNT_IDS_SQL})`;
      const andForced = filters.sql ? `${filters.sql} AND ${forcedSql}` : `WHERE ${forcedSql}`;
      const base = `FROM (${STATED_SQL}) ${forced ? andForced : filters.sql}`;
      const bound = { ...params(campaign), ...filters.params };
      const forcedCount = (db.prepare(`SELECT count(*) AS n FROM (${STATED_SQL}) ${andForced}`).get(bound) as { n: number }).n;
      const counts = Object.fromEntries(CAMPAIGN_ACCOUNT_STATES.map((k) => [k, 0])) as Record<CampaignAccountState, number>;
      for (const r of db.prepare(`SELECT state, count(*) AS n ${base} GROUP BY state`).all(bound) as { state: CampaignAccountState; n: number }[]) {
        counts[r.state] = r.n;
      }
      const stateClause = state ? `${filters.sql || forced ? 'AND' : 'WHERE'} state = @state` : '';
      const raw = db
        .prepare(`SELECT * ${base} ${stateClause} ORDER BY ${rank}sortKey, systemOrder, loginName LIMIT @limit OFFSET @offset`)
        .all({ ...bound, ...(state ? { state } : {}), limit, offset }) as (ChecklistRow & { interval: number })[];
      const today = toIsoDate(ctx.now());
      const dueSoon = readSettings(db).dueSoonDays;
      const forcedOf = forcedFor(db, raw.map((r) => r.accountId));
      const rows: ChecklistRow[] = raw.map((r) => {
        const rotation = rotationState(r.lastChangedOn, r.interval, today, dueSoon);
        return {
          accountId: r.accountId, loginName: r.loginName, role: r.role, systemId: r.systemId, systemName: r.systemName,
          personId: r.personId, personName: r.personName, position: r.position, department: r.department, unitName: r.unitName,
          state: r.state,
          changedOn: r.changedOn,
          lastChangedOn: r.lastChangedOn, rotation: rotation.state, nextDue: rotation.nextDue, forced: forcedOf.get(r.accountId) ?? null,
        };
      });
      const total = state ? counts[state] : Object.values(counts).reduce((a, b) => a + b, 0);
      return { total, offset, rows, counts, forcedCount };
    },
  };
}
