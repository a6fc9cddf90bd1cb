import { addDays, type DemoContext, type DemoStep } from './generate';

// Demo step: two review campaigns and a realistic spread of password-change confirmations.
// - a past campaign (reported and sent) with most accounts on time, some late, some missing;
// - the current campaign (in progress, deadline in 5 days) about 60% done so far;
// - leavers' accounts stay active (they are the ones to cancel); a few voided-and-re-entered records.

const DIRECTIVE_PAST = { number: '3347-CV/BTCTU', issuer: 'Ban Tổ chức Thành ủy Hà Nội', subject: 'Rà soát thay đổi mật khẩu tài khoản quản trị và tài khoản người dùng các phần mềm ứng dụng' };
const DIRECTIVE_NOW = { number: '123/UBND-NV', issuer: 'UBND thành phố Hà Nội', subject: 'Rà soát, thay đổi mật khẩu tài khoản các phần mềm dùng chung (đợt 2)' };

function generateCampaigns(ctx: DemoContext, progress: (done: number, total: number) => void): void {
  const { db, today, now } = ctx;
  const rng = ctx.rng.fork('campaigns');
  const systems = Object.values(ctx.systems);
  const insertCampaign = db.prepare(
    `INSERT INTO campaigns (directive_number, directive_date, issuer, subject, start_date, deadline, recipient, status, started_on,
       report_number, reported_on, signer, sent_on, created_at, updated_at)
     VALUES (@number, @directiveDate, @issuer, @subject, @start, @deadline, @recipient, @status, @startedOn, @reportNumber, @reportedOn, @signer, @sentOn, @now, @now)`,
  );
  const home = db.prepare('SELECT recipient_name AS recipient, head_name AS head FROM units WHERE id = ?').get(ctx.homeUnitId) as { recipient: string; head: string };
  const past = { start: addDays(today, -75), deadline: addDays(today, -60) };
  const current = { start: addDays(today, -12), deadline: addDays(today, 5) };
  const pastId = Number(
    insertCampaign.run({
      ...DIRECTIVE_PAST, directiveDate: addDays(past.start, -3), ...past, recipient: home.recipient, status: 'sent', startedOn: past.start,
      reportNumber: '05/BC-UBND', reportedOn: addDays(past.deadline, 1), signer: home.head, sentOn: addDays(past.deadline, 2), now,
    }).lastInsertRowid,
  );
  const currentId = Number(
    insertCampaign.run({
      ...DIRECTIVE_NOW, directiveDate: addDays(current.start, -2), ...current, recipient: home.recipient, status: 'in_progress', startedOn: current.start,
      reportNumber: null, reportedOn: null, signer: null, sentOn: null, now,
    }).lastInsertRowid,
  );
  const scope = db.prepare('INSERT INTO campaign_systems (campaign_id, system_id) VALUES (?, ?)');
  for (const id of [pastId, currentId]) for (const s of systems) scope.run(id, s);
  const legal = db.prepare('INSERT INTO campaign_legal_basis (campaign_id, legal_document_id, position) SELECT ?, id, ? FROM legal_documents WHERE id = ?');
  legal.run(pastId, 1, 6);
  legal.run(currentId, 1, 6);
  legal.run(currentId, 2, 7);

  const insert = db.prepare(
    `INSERT INTO confirmations (account_id, changed_on, confirmed_by, method, note, campaign_id, batch_id, recorded_by, recorded_at, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, '', ?, NULL, 'demo', ?, ?, ?, ?)`,
  );
  const leavers = new Set(ctx.people.filter((p) => p.status !== 'working').map((p) => p.id));
  const methods = ['sign_sheet', 'sign_sheet', 'sign_sheet', 'self_declared', 'seen_on_screen'] as const;
  let count = 0;
  const add = (accountId: number, date: string, campaignId: number | null, createdOn: string | null, voidReason: string | null = null) => {
    if (createdOn && date < createdOn) return;
    if (date > today) return;
    const at = `${date}${'T03:00:00.000Z'}`;
    insert.run(accountId, date, rng.chance(0.85) ? 'owner' : 'clerk', rng.pick(methods), campaignId, at, voidReason ? at : null, voidReason ? 'demo' : null, voidReason);
    count++;
  };
  const span = (from: string, to: string) => addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));

  ctx.accounts.forEach((a, i) => {
    if (i % 500 === 0) progress(i, ctx.accounts.length);
    if (a.status !== 'active' || (a.personId !== null && leavers.has(a.personId))) {
      // Leavers confirmed in the past campaign, before they left; nothing since.
      if (rng.chance(0.6)) add(a.id, span(past.start, past.deadline), pastId, a.createdOn);
      return;
    }
    const r = rng.next();
    if (r < 0.78) add(a.id, span(past.start, past.deadline), pastId, a.createdOn);
    else if (r < 0.86) add(a.id, span(addDays(past.deadline, 1), addDays(past.deadline, 12)), pastId, a.createdOn);
    if (rng.chance(0.6)) {
      const date = span(current.start, today);
      if (rng.chance(0.01)) add(a.id, addDays(date, -1), currentId, a.createdOn, 'Nhập nhầm ngày, đã nhập lại');
      add(a.id, date, currentId, a.createdOn);
    } else if (rng.chance(0.15)) {
      // Changed on their own between the campaigns (counts for rotation, not for the current campaign).
      add(a.id, span(addDays(past.deadline, 13), addDays(current.start, -1)), null, a.createdOn);
    }
  });
  ctx.counts.campaigns = 2;
  ctx.counts.confirmations = count;
  progress(1, 1);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const campaignsStep: DemoStep = { name: 'campaigns', weight: 6, run: generateCampaigns };
