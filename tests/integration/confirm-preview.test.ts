import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, dispatch } from '../../electron/core';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import { HOME_UNIT } from './harness-core';

/** A core whose clock moves a minute per call on 20/01/2024: "recorded at" follows the order of the calls. */
function movingClockCore() {
  const dir = mkdtempSync(join(tmpdir(), 'attk-preview-'));
  let minute = 0;
  const core = createCore({ file: join(dir, 'attk.sqlite'), shell: 'cli', appVersion: 'test', actor: 'tester', now: () => new Date(Date.parse('2024-01-20T02:00:00Z') + minute * 60_000) });
  return {
    call: async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
      minute++;
      const e = await dispatch(core, method, input);
      if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
      return e.result as ResultOf<M>;
    },
    close: () => {
      core.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
type TestCore = ReturnType<typeof movingClockCore>;

// Issue 14 item 4: the confirm dialog tells the clerk, before saving, when a confirmation will not
// count — before the campaign start, while the owner's device is infected, or dated before its
// remediation — and the checklist state then agrees with what it said.
let t: TestCore;
let kntc: number;
beforeEach(async () => {
  t = movingClockCore();
  await t.call('unit.save', HOME_UNIT);
  [kntc] = (await t.call('systems.list', {})).map((s) => s.id) as [number];
});
afterEach(() => t.close());

const check = (deviceId: number, checkedOn: string, extra: Record<string, unknown> = {}) => ({
  deviceId, checkedOn, checker: 'Phạm Văn Kiểm', avInstalled: true, avProduct: 'BKAV Pro', avLicensed: true, licenceExpiresOn: '2024-12-31', definitionsCurrent: true, ...extra,
});

describe('confirmations.preview', () => {
  it('names each account whose change will not count, with the reason, and the checklist agrees', async () => {
    const an = await t.call('people.create', { fullName: 'Nguyễn Văn An' });
    const binh = await t.call('people.create', { fullName: 'Trần Văn Bình' });
    const anK = await t.call('accounts.create', { systemId: kntc, personId: an.id, loginName: 'annv' });
    const binhK = await t.call('accounts.create', { systemId: kntc, personId: binh.id, loginName: 'binhtv' });
    const c = await t.call('campaigns.create', { directiveNumber: '1/UBND', subject: 'Rà soát', systemIds: [kntc], startDate: '2024-01-10', deadline: '2024-01-25' });
    const mt = await t.call('devices.create', { deviceKind: 'desktop', os: 'windows', assetTag: 'MT-01', ownerId: an.id, systemIds: [kntc] });

    // Before the start: only that reason.
    expect(await t.call('confirmations.preview', { accountIds: [anK.id, binhK.id], changedOn: '2024-01-09', campaignId: c.id })).toEqual({
      count: 2,
      notCounted: [
        { accountId: anK.id, loginName: 'annv', reason: 'before_start', date: '2024-01-10', assetTag: null },
        { accountId: binhK.id, loginName: 'binhtv', reason: 'before_start', date: '2024-01-10', assetTag: null },
      ],
    });
    expect((await t.call('confirmations.preview', { accountIds: [binhK.id], changedOn: '2024-01-10', campaignId: c.id })).count).toBe(0);

    // While An's device is infected: nothing counts for An, whatever the date.
    await t.call('devices.recordCheck', check(mt.id, '2024-01-12', { malwareFound: true, malwareKind: 'Trojan', credentialStealing: true }));
    const infected = await t.call('confirmations.preview', { accountIds: [anK.id, binhK.id], changedOn: '2024-01-15', campaignId: c.id });
    expect(infected.notCounted).toEqual([{ accountId: anK.id, loginName: 'annv', reason: 'infected', date: '2024-01-12', assetTag: 'MT-01' }]);
    await t.call('confirmations.create', { accountId: anK.id, changedOn: '2024-01-15', campaignId: c.id });
    expect((await t.call('campaigns.checklist', { campaignId: c.id })).counts).toMatchObject({ must_change: 1, done: 0 });

    // Remediated on 14/01 (entered after the change above): the 15/01 change, recorded while infected, still does not count.
    await t.call('devices.recordCheck', check(mt.id, '2024-01-16', { cleaned: true, osReinstalled: true, remediatedOn: '2024-01-14' }));
    expect((await t.call('campaigns.checklist', { campaignId: c.id })).counts).toMatchObject({ must_change: 1, done: 0 });
    const before = await t.call('confirmations.preview', { accountIds: [anK.id], changedOn: '2024-01-13', campaignId: c.id });
    expect(before.notCounted).toEqual([{ accountId: anK.id, loginName: 'annv', reason: 'before_remediation', date: '2024-01-14', assetTag: 'MT-01' }]);
    // A change dated on the remediation day, recorded now, counts — as the preview says.
    expect((await t.call('confirmations.preview', { accountIds: [anK.id], changedOn: '2024-01-14', campaignId: c.id })).count).toBe(0);
    await t.call('confirmations.create', { accountId: anK.id, changedOn: '2024-01-14', campaignId: c.id });
    expect((await t.call('campaigns.checklist', { campaignId: c.id })).counts).toMatchObject({ must_change: 0, done: 1 });
  });
});
