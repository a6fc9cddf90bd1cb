import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/errors';
import { HOME_UNIT, makeTestCore, snapshot } from './harness-core';

// Issue 22: the fuzz test's other half. Random sequences of VALID writes (people, status changes,
// accounts, account status, single and bulk confirmations, voids) mixed with writes the API must
// refuse for a business reason (a future date, a duplicate login, a cancelled account, a second
// void, an unknown id) and inputs its schema refuses. A plain model predicts every outcome; after
// each sequence every table is compared with it: the four tables written, row by row, the audit
// log entry by entry, and every other table unchanged. A lost, doubled or half-written row, or a
// refused write that leaves a trace, fails.

const TODAY = '2024-03-01';
const day = (offset: number) => new Date(Date.UTC(2024, 2, 1 + offset)).toISOString().slice(0, 10);
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'];
const LOGINS = ['an.nv', 'binh.tt', 'cuong.lv'];
const STATUSES = ['working', 'transferred', 'retired', 'left'] as const;
const ACCOUNT_STATUSES = ['active', 'cancel_requested', 'cancelled', 'locked'] as const;

type Op =
  | { k: 'person'; name: number }
  | { k: 'status'; p: number; status: (typeof STATUSES)[number]; offset: number }
  | { k: 'account'; system: number; owner: number | null; login: number; role: 'admin' | 'user' }
  | { k: 'accountStatus'; a: number; status: (typeof ACCOUNT_STATUSES)[number] }
  | { k: 'confirm'; a: number; offset: number }
  | { k: 'bulk'; as: number[]; offset: number }
  | { k: 'void'; c: number }
  | { k: 'unknownAccount'; offset: number }
  | { k: 'schemaRefused'; which: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('person' as const), name: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('status' as const), p: fc.nat(20), status: fc.constantFrom(...STATUSES), offset: fc.integer({ min: -40, max: 2 }) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('account' as const), system: fc.nat(2), owner: fc.option(fc.nat(20), { nil: null }), login: fc.nat(2), role: fc.constantFrom<'admin' | 'user'>('admin', 'user') }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('accountStatus' as const), a: fc.nat(20), status: fc.constantFrom(...ACCOUNT_STATUSES) }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('confirm' as const), a: fc.nat(20), offset: fc.integer({ min: -60, max: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('bulk' as const), as: fc.uniqueArray(fc.nat(20), { minLength: 1, maxLength: 4 }), offset: fc.integer({ min: -60, max: 1 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('void' as const), c: fc.nat(30) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('unknownAccount' as const), offset: fc.integer({ min: -5, max: 0 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('schemaRefused' as const), which: fc.nat(3) }) },
);

interface Model {
  people: { id: number; fullName: string; status: string; statusDate: string | null }[];
  accounts: { id: number; systemId: number; personId: number | null; loginName: string; role: string; status: string }[];
  confirmations: { id: number; accountId: number; changedOn: string; voided: boolean; batch: boolean }[];
  audit: string[];
}

describe('valid and refused writes against a model: every table as predicted', () => {
  it('on random sequences', async () => {
    let applied = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 45 }), async (ops) => {
        const t = makeTestCore(TODAY);
        try {
          await t.call('unit.save', HOME_UNIT);
          const systems = (await t.call('systems.list', {})).map((s) => s.id);
          const before = snapshot(t.core);
          const auditFrom = (t.core.db.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
          const m: Model = { people: [], accounts: [], confirmations: [], audit: [] };
          const expectOk = (e: Envelope<unknown>) => {
            expect(e.ok ? null : e.error, 'a valid write was refused').toBeNull();
            applied++;
            return (e as { result: unknown }).result;
          };
          const expectRefused = (e: Envelope<unknown>, code: string) => {
            expect(e.ok ? 'ok' : e.error.code).toBe(code);
            refused++;
          };
          for (const o of ops) {
            if (o.k === 'person') {
              const r = expectOk(await t.raw('people.create', { fullName: NAMES[o.name]! })) as { id: number };
              m.people.push({ id: r.id, fullName: NAMES[o.name]!, status: 'working', statusDate: null });
              m.audit.push('create person');
            } else if (o.k === 'status') {
              const p = m.people[o.p % Math.max(1, m.people.length)];
              if (!p) continue;
              const e = await t.raw('people.setStatus', { id: p.id, status: o.status, statusDate: day(o.offset) });
              if (day(o.offset) > TODAY) expectRefused(e, 'VALIDATION');
              else {
                expectOk(e);
                p.status = o.status;
                p.statusDate = o.status === 'working' ? null : day(o.offset);
                m.audit.push('status person');
              }
            } else if (o.k === 'account') {
              const owner = o.owner === null ? null : m.people[o.owner % Math.max(1, m.people.length)]?.id ?? null;
              const input = { systemId: systems[o.system]!, personId: owner, loginName: LOGINS[o.login]!, role: o.role };
              const e = await t.raw('accounts.create', input);
              if (m.accounts.some((a) => a.systemId === input.systemId && a.loginName === input.loginName)) expectRefused(e, 'CONFLICT');
              else {
                const r = expectOk(e) as { id: number };
                m.accounts.push({ id: r.id, ...input, status: 'active' });
                m.audit.push('create account');
              }
            } else if (o.k === 'accountStatus') {
              const a = m.accounts[o.a % Math.max(1, m.accounts.length)];
              if (!a) continue;
              expectOk(await t.raw('accounts.setStatus', { id: a.id, status: o.status }));
              a.status = o.status;
              m.audit.push('status account');
            } else if (o.k === 'confirm') {
              const a = m.accounts[o.a % Math.max(1, m.accounts.length)];
              if (!a) continue;
              const e = await t.raw('confirmations.create', { accountId: a.id, changedOn: day(o.offset) });
              if (day(o.offset) > TODAY || a.status === 'cancelled') expectRefused(e, 'VALIDATION');
              else {
                const r = expectOk(e) as { id: number };
                m.confirmations.push({ id: r.id, accountId: a.id, changedOn: day(o.offset), voided: false, batch: false });
                m.audit.push('confirm account');
              }
            } else if (o.k === 'bulk') {
              const picked = [...new Set(o.as.map((i) => m.accounts[i % Math.max(1, m.accounts.length)]).filter((a) => a !== undefined))];
              if (picked.length === 0) continue;
              const e = await t.raw('confirmations.bulkCreate', { accountIds: picked.map((a) => a.id), changedOn: day(o.offset), method: 'sign_sheet' });
              if (day(o.offset) > TODAY || picked.some((a) => a.status === 'cancelled')) expectRefused(e, 'VALIDATION');
              else {
                expectOk(e);
                const ids = (t.core.db.prepare('SELECT id FROM confirmations ORDER BY id DESC LIMIT ?').all(picked.length) as { id: number }[]).map((r) => r.id).reverse();
                picked.forEach((a, i) => m.confirmations.push({ id: ids[i]!, accountId: a.id, changedOn: day(o.offset), voided: false, batch: true }));
                m.audit.push('confirm_batch confirmation_batch');
              }
            } else if (o.k === 'void') {
              const c = m.confirmations[o.c % Math.max(1, m.confirmations.length)];
              if (!c) continue;
              const e = await t.raw('confirmations.void', { id: c.id, reason: 'Nhập nhầm' });
              if (c.voided) expectRefused(e, 'CONFLICT');
              else {
                expectOk(e);
                c.voided = true;
                m.audit.push('void account');
              }
            } else if (o.k === 'unknownAccount') {
              expectRefused(await t.raw('confirmations.create', { accountId: 999_999, changedOn: day(o.offset) }), 'NOT_FOUND');
            } else {
              const bad = [
                ['people.create', { fullName: '' }],
                ['accounts.create', { systemId: systems[0], loginName: 'x', password: 'Secret123!' }],
                ['confirmations.create', { accountId: 1, changedOn: '31/02/2024' }],
                ['confirmations.bulkCreate', { accountIds: [], changedOn: TODAY }],
              ][o.which]!;
              expectRefused(await t.raw(bad[0] as string, bad[1]), 'VALIDATION');
            }
          }
          // Every table against the model.
          const db = t.core.db;
          expect(db.prepare('SELECT id, full_name AS fullName, status, status_date AS statusDate FROM people ORDER BY id').all()).toEqual(m.people);
          expect(db.prepare('SELECT id, system_id AS systemId, person_id AS personId, login_name AS loginName, role, status FROM accounts ORDER BY id').all()).toEqual(m.accounts);
          expect(db.prepare('SELECT id, account_id AS accountId, changed_on AS changedOn, voided_at IS NOT NULL AS voided, batch_id IS NOT NULL AS batch FROM confirmations ORDER BY id').all())
            .toEqual(m.confirmations.map((c) => ({ ...c, voided: c.voided ? 1 : 0, batch: c.batch ? 1 : 0 })));
          // The trigger-kept last change: the latest valid confirmation of each account.
          const lastOf = (id: number) => m.confirmations.filter((c) => c.accountId === id && !c.voided).map((c) => c.changedOn).sort().at(-1) ?? null;
          expect(db.prepare('SELECT id, last_changed_on AS last FROM accounts ORDER BY id').all()).toEqual(m.accounts.map((a) => ({ id: a.id, last: lastOf(a.id) })));
          expect((db.prepare("SELECT action || ' ' || entity AS e FROM audit_log WHERE id > ? ORDER BY id").all(auditFrom) as { e: string }[]).map((r) => r.e)).toEqual(m.audit);
          const after = snapshot(t.core);
          for (const table of Object.keys(before)) {
            if (/^(people|accounts|confirmations|audit_log)#?$/.test(table)) continue;
            expect([table, after[table]]).toEqual([table, before[table]]);
          }
        } finally {
          t.close();
        }
      }),
      { numRuns: 30, seed: 22, endOnFailure: true },
    );
    // The sequences did both kinds of work.
    expect(applied).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(30);
  }, 240_000);
});
