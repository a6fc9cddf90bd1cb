import { randomUUID } from 'node:crypto';
import { formatViDate, toIsoDate } from '../../../shared/dates';
import type { Confirmation, ConfirmationPreview, NotCounted } from '../../../shared/confirmations/schema';
import { MALWARE_FLOOR_SQL } from '../devices/forced';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { CallContext, HandlersFor } from '../api/types';
import { writeAudit } from '../audit/service';
import { accountLabel } from '../audit/labels';
import type { Db } from '../db/open';

const SELECT = `SELECT id, account_id AS accountId, changed_on AS changedOn, confirmed_by AS confirmedBy, method, note,
  campaign_id AS campaignId, batch_id AS batchId, recorded_by AS recordedBy, recorded_at AS recordedAt,
  voided_at AS voidedAt, voided_by AS voidedBy, void_reason AS voidReason FROM confirmations`;

interface AccountFacts {
  id: number;
  loginName: string;
  status: string;
  createdOn: string | null;
}

interface NewConfirmation {
  changedOn: string;
  confirmedBy: string;
  method: string;
  note: string;
  campaignId?: number | undefined;
  amendmentReason: string;
}

/**
 * A reported campaign's figures are locked: a change dated within its window (a backdated
 * correction that would turn "missing" into "done", or undo a "done"), on an account it covers, is
 * an amendment — refused without a reason, recorded with who/when/why. Changes after the deadline
 * are ordinary late changes, counted as late as they come.
 */
function recordAmendments(db: Db, ctx: CallContext, accountId: number, date: string, reason: string, summary: string, path: (string | number)[]): void {
  const hit = db
    .prepare(
      `SELECT c.id, c.directive_number AS directiveNumber FROM campaigns c
       JOIN campaign_systems cs ON cs.campaign_id = c.id JOIN accounts a ON a.system_id = cs.system_id
       WHERE a.id = @accountId AND c.status IN ('reported', 'sent') AND @date BETWEEN c.start_date AND c.deadline`,
    )
    .all({ accountId, date }) as { id: number; directiveNumber: string }[];
  if (hit.length === 0) return;
  if (!reason) throw new AttkError('VALIDATION', vi.errors.amendmentRequired(hit.map((h) => h.directiveNumber).join(', ')), path);
  const insert = db.prepare('INSERT INTO campaign_amendments (campaign_id, at, actor, reason, summary, data) VALUES (?, ?, ?, ?, ?, ?)');
  for (const h of hit) insert.run(h.id, ctx.now().toISOString(), ctx.actor, reason, summary, JSON.stringify({ accountId, date }));
}

/**
 * Record confirmations for the given accounts (called inside the dispatcher's transaction, so a
 * refused account anywhere in a batch leaves nothing written). Refuses future dates, dates before
 * the account was issued, and cancelled accounts — naming the account.
 */
function record(db: Db, ctx: CallContext, accountIds: number[], input: NewConfirmation, batchId: string | null, pathOf: (i: number) => (string | number)[]): number[] {
  const today = toIsoDate(ctx.now());
  if (input.changedOn > today) throw new AttkError('VALIDATION', vi.errors.confirmFuture, ['changedOn']);
  if (input.campaignId !== undefined && !db.prepare('SELECT 1 FROM campaigns WHERE id = ?').get(input.campaignId)) {
    throw new AttkError('NOT_FOUND', vi.errors.notFound('đợt rà soát', input.campaignId), ['campaignId']);
  }
  const facts = db.prepare('SELECT id, login_name AS loginName, status, created_on AS createdOn FROM accounts WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO confirmations (account_id, changed_on, confirmed_by, method, note, campaign_id, batch_id, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const at = ctx.now().toISOString();
  const ids: number[] = [];
  accountIds.forEach((accountId, i) => {
    const account = facts.get(accountId) as AccountFacts | undefined;
    if (!account) throw new AttkError('NOT_FOUND', vi.errors.notFound('tài khoản', accountId), pathOf(i));
    if (account.status === 'cancelled') throw new AttkError('VALIDATION', vi.errors.confirmCancelledAccount(account.loginName), pathOf(i));
    if (account.createdOn && input.changedOn < account.createdOn) {
      throw new AttkError('VALIDATION', vi.errors.confirmBeforeAccount(account.loginName, formatViDate(account.createdOn)), ['changedOn']);
    }
    const r = insert.run(accountId, input.changedOn, input.confirmedBy, input.method, input.note, input.campaignId ?? null, batchId, ctx.actor, at);
    ids.push(Number(r.lastInsertRowid));
    recordAmendments(db, ctx, accountId, input.changedOn, input.amendmentReason, vi.confirmations.amendConfirm(account.loginName, formatViDate(input.changedOn)), ['amendmentReason']);
  });
  return ids;
}

export function getConfirmation(db: Db, id: number): Confirmation {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as Confirmation | undefined;
  if (!row) throw new AttkError('NOT_FOUND', vi.errors.notFound('xác nhận', id), ['id']);
  return row;
}

/**
 * Which accounts' confirmation dated `changedOn` will not count, and why (the confirm dialog says
 * so before saving). The same rule as shared/campaigns/rules.ts: a device of the owner still
 * infected (nothing counts until it is cleaned and its OS reinstalled), a change dated before the
 * latest remediation, or — for a campaign — dated before its start. Reads the malware floor of
 * devices/forced.ts, one query for the whole batch.
 */
export function previewNotCounted(db: Db, accountIds: readonly number[], changedOn: string, campaignId?: number): ConfirmationPreview {
  const start = campaignId === undefined ? null : ((db.prepare('SELECT start_date AS s FROM campaigns WHERE id = ?').get(campaignId) as { s: string } | undefined)?.s ?? null);
  const rows = db
    .prepare(
      `SELECT a.id AS accountId, a.login_name AS loginName, m.infectedNow, m.floorOn,
         (SELECT d.asset_tag || char(9) || d.infected_on FROM devices d WHERE d.infected_owner_id = a.person_id AND d.infected_on IS NOT NULL AND d.remediated_on IS NULL
            ORDER BY d.infected_on DESC, d.id LIMIT 1) AS infectedDevice,
         (SELECT d.asset_tag FROM devices d WHERE d.infected_owner_id = a.person_id AND d.remediated_on = m.floorOn ORDER BY d.id LIMIT 1) AS remediatedDevice
       FROM accounts a LEFT JOIN (${MALWARE_FLOOR_SQL}) m ON m.personId = a.person_id
       WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.login_name, a.id`,
    )
    .all(JSON.stringify(accountIds)) as { accountId: number; loginName: string; infectedNow: number | null; floorOn: string | null; infectedDevice: string | null; remediatedDevice: string | null }[];
  const out: NotCounted[] = [];
  for (const r of rows) {
    if (r.infectedNow && r.infectedDevice) {
      const [tag, since] = r.infectedDevice.split('\t') as [string, string];
      out.push({ accountId: r.accountId, loginName: r.loginName, reason: 'infected', date: since, assetTag: tag });
    } else if (r.floorOn !== null && changedOn < r.floorOn) {
      out.push({ accountId: r.accountId, loginName: r.loginName, reason: 'before_remediation', date: r.floorOn, assetTag: r.remediatedDevice });
    } else if (start !== null && changedOn < start) {
      out.push({ accountId: r.accountId, loginName: r.loginName, reason: 'before_start', date: start, assetTag: null });
    }
  }
  return { notCounted: out.slice(0, 50), count: out.length };
}

export function confirmationHandlers(db: Db): HandlersFor<'confirmations'> {
  return {
    'confirmations.preview': ({ accountIds, changedOn, campaignId }) => previewNotCounted(db, accountIds, changedOn, campaignId),

    'confirmations.create': ({ accountId, ...input }, ctx) => {
      const [id] = record(db, ctx, [accountId], input, null, () => ['accountId']);
      const c = getConfirmation(db, id!);
      writeAudit(db, ctx, { action: 'confirm', entity: 'account', entityId: accountId, summary: vi.auditText.confirm(formatViDate(c.changedOn), accountLabel(db, accountId)), data: c });
      return c;
    },

    'confirmations.bulkCreate': ({ accountIds, ...input }, ctx) => {
      const batchId = randomUUID();
      const ids = record(db, ctx, accountIds, input, batchId, (i) => ['accountIds', i]);
      writeAudit(db, ctx, {
        action: 'confirm_batch', entity: 'confirmation_batch', entityId: null,
        summary: vi.confirmations.auditBatch(ids.length, formatViDate(input.changedOn)), data: { batchId, accountIds, ...input },
      });
      return { batchId, count: ids.length };
    },

    'confirmations.void': ({ id, reason }, ctx) => {
      const c = getConfirmation(db, id);
      if (c.voidedAt) throw new AttkError('CONFLICT', vi.errors.alreadyVoided, ['id']);
      db.prepare('UPDATE confirmations SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?').run(ctx.now().toISOString(), ctx.actor, reason, id);
      // Voiding a change that a reported campaign counted is an amendment too; the void reason is its why.
      recordAmendments(db, ctx, c.accountId, c.changedOn, reason, vi.confirmations.amendVoid(formatViDate(c.changedOn)), ['reason']);
      writeAudit(db, ctx, { action: 'void', entity: 'account', entityId: c.accountId, summary: vi.auditText.voidConfirm(formatViDate(c.changedOn), accountLabel(db, c.accountId), reason), data: { id, reason } });
      return getConfirmation(db, id);
    },

    'confirmations.history': ({ accountId }) =>
      db.prepare(`${SELECT} WHERE account_id = ? ORDER BY changed_on DESC, id DESC`).all(accountId) as Confirmation[],
  };
}
