import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, dispatch, type Core } from '../../electron/core';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { DeviceCheckInput } from '../../shared/devices/schema';
import type { ExportResult } from '../../shared/reports/schema';

// A hand-built unit whose every figure was counted by hand (issue 22): each account and device
// below is there to tell one definition from a near miss — the start and deadline days, a voided
// confirmation, a change before the remediation, a licence that expires today or yesterday, a check
// on the first day of the N-month window and one the day before, a voided check, a spare device,
// a device used for a system out of scope. The expected figures in tests are literals worked out
// from this list, never recomputed by code.
//
// Today 01/03/2024; campaign 01/02/2024 – 15/02/2024 on KNTC (system 1) and Đánh giá (system 2);
// Sổ tay đảng viên (system 3) is out of scope. Device checks within 3 months: on or after 01/12/2023.

export const HAND_TODAY = '2024-03-01';

export interface HandUnit {
  core: Core;
  file: string;
  campaignId: number;
  call: <M extends MethodName>(method: M, input: InputOf<M>) => Promise<ResultOf<M>>;
  exportReport: () => Promise<ExportResult>;
  close: () => void;
}

type AccountPlan = { person: string | null; system: 0 | 1 | 2; role: 'admin' | 'user'; login: string; changes?: { on: string; voided?: boolean }[] };

/**
 * The accounts and what each must be (KNTC = system 0, Đánh giá = 1, Sổ tay = 2):
 *   KNTC  admin an.qt      05/02                    → done
 *   KNTC  admin binh.qt    16/02 (deadline + 1)     → late
 *   KNTC  user  binh.nd    20/02                    → late
 *   KNTC  user  binh.huy   10/01, 10/02 voided      → missing (the voided one must not count)
 *   KNTC  user  cuong.nd   (owner transferred)      → to cancel
 *   KNTC  admin dung.qt    05/02 (device infected)  → must change
 *   KNTC  user  em.nd      15/02 (deadline day, after remediation 08/02) → done
 *   ĐG    user  an.dg      15/02 (deadline day)     → done
 *   ĐG    user  an.dg2     31/01 (start − 1)        → missing
 *   ĐG    user  an.dg3     01/02 (start day)        → done
 *   ĐG    admin em.qt      06/02 (before remediation 08/02), 10/02 voided → must change
 *   ĐG    user  em.dg      08/02 (the remediation day)  → done
 *   ĐG    user  chung.dg   shared, never            → missing
 *   STĐV  user  an.stdv    05/02                    → out of scope
 *   STĐV  user  cuong.stdv (owner transferred)      → out of scope: not on the cancellation list
 */
export const HAND_ACCOUNTS: AccountPlan[] = [
  { person: 'A', system: 0, role: 'admin', login: 'an.qt', changes: [{ on: '2024-02-05' }] },
  { person: 'B', system: 0, role: 'admin', login: 'binh.qt', changes: [{ on: '2024-02-16' }] },
  { person: 'B', system: 0, role: 'user', login: 'binh.nd', changes: [{ on: '2024-02-20' }] },
  { person: 'B', system: 0, role: 'user', login: 'binh.huy', changes: [{ on: '2024-01-10' }, { on: '2024-02-10', voided: true }] },
  { person: 'C', system: 0, role: 'user', login: 'cuong.nd' },
  { person: 'D', system: 0, role: 'admin', login: 'dung.qt', changes: [{ on: '2024-02-05' }] },
  { person: 'E', system: 0, role: 'user', login: 'em.nd', changes: [{ on: '2024-02-15' }] },
  { person: 'A', system: 1, role: 'user', login: 'an.dg', changes: [{ on: '2024-02-15' }] },
  { person: 'A', system: 1, role: 'user', login: 'an.dg2', changes: [{ on: '2024-01-31' }] },
  { person: 'A', system: 1, role: 'user', login: 'an.dg3', changes: [{ on: '2024-02-01' }] },
  { person: 'E', system: 1, role: 'admin', login: 'em.qt', changes: [{ on: '2024-02-06' }, { on: '2024-02-10', voided: true }] },
  { person: 'E', system: 1, role: 'user', login: 'em.dg', changes: [{ on: '2024-02-08' }] },
  { person: null, system: 1, role: 'user', login: 'chung.dg' },
  { person: 'A', system: 2, role: 'user', login: 'an.stdv', changes: [{ on: '2024-02-05' }] },
  { person: 'C', system: 2, role: 'user', login: 'cuong.stdv' },
];

type Av = 'licensed' | 'unlicensed' | { expires: string };
type CheckPlan = { on: string; av: Av; malware?: true; remediated?: string; voided?: true };
type DevicePlan = { tag: string; owner: string; systems: (0 | 1 | 2)[]; status?: 'in_use' | 'spare'; checks: CheckPlan[] };

/**
 * The devices and what each counts for (in scope = used for KNTC or ĐG, and in use or still infected):
 *   MT-A   A  KNTC      20/02 licensed to 2025      → checked, licensed AV
 *   MT-B   B  KNTC+ĐG   20/02 licence expired 29/02 → checked, not licensed
 *   MT-T   B  KNTC      21/02 licence expires today → checked, licensed
 *   MT-O   B  ĐG        30/11/2023 licensed         → not checked (one day before the window)
 *   MT-W   A  ĐG        01/12/2023 licensed         → checked (first day of the window), licensed
 *   MT-D   D  KNTC      03/02 malware, licensed     → checked, licensed, infected
 *   MT-E   E  ĐG        02/02 malware; 08/02 cleaned + OS reinstalled, unlicensed → checked, remediated
 *   MT-N   A  KNTC      never checked               → counted only
 *   MT-V   B  KNTC      20/02 licensed, voided      → counted only (the voided check must not count)
 *   MT-X   A  STĐV      20/02 licensed              → out of scope (system)
 *   MT-S   C  KNTC spare, 20/02 licensed            → out of scope (not in use)
 */
export const HAND_DEVICES: DevicePlan[] = [
  { tag: 'MT-A', owner: 'A', systems: [0], checks: [{ on: '2024-02-20', av: 'licensed' }] },
  { tag: 'MT-B', owner: 'B', systems: [0, 1], checks: [{ on: '2024-02-20', av: { expires: '2024-02-29' } }] },
  { tag: 'MT-T', owner: 'B', systems: [0], checks: [{ on: '2024-02-21', av: { expires: '2024-03-01' } }] },
  { tag: 'MT-O', owner: 'B', systems: [1], checks: [{ on: '2023-11-30', av: 'licensed' }] },
  { tag: 'MT-W', owner: 'A', systems: [1], checks: [{ on: '2023-12-01', av: 'licensed' }] },
  { tag: 'MT-D', owner: 'D', systems: [0], checks: [{ on: '2024-02-03', av: 'licensed', malware: true }] },
  { tag: 'MT-E', owner: 'E', systems: [1], checks: [{ on: '2024-02-02', av: 'unlicensed', malware: true }, { on: '2024-02-08', av: 'unlicensed', remediated: '2024-02-08' }] },
  { tag: 'MT-N', owner: 'A', systems: [0], checks: [] },
  { tag: 'MT-V', owner: 'B', systems: [0], checks: [{ on: '2024-02-20', av: 'licensed', voided: true }] },
  { tag: 'MT-X', owner: 'A', systems: [2], checks: [{ on: '2024-02-20', av: 'licensed' }] },
  { tag: 'MT-S', owner: 'C', systems: [0], status: 'spare', checks: [{ on: '2024-02-20', av: 'licensed' }] },
];

const PEOPLE: Record<string, string> = { A: 'Nguyễn Văn An', B: 'Trần Thị Bình', C: 'Lê Văn Cường', D: 'Phạm Thị Dung', E: 'Hoàng Văn Em' };

export const HAND_HOME = {
  parentBody: 'UBND QUẬN ĐỐNG ĐA', name: 'UBND PHƯỜNG VĂN MIẾU', code: 'VM', headName: 'Nguyễn Văn Hùng', headTitle: 'CHỦ TỊCH',
  signAuthority: 'TM. ỦY BAN NHÂN DÂN', placeName: 'Đống Đa', reportSymbol: 'BC-UBND', recipientName: 'Phòng Nội vụ quận Đống Đa',
};

/**
 * Record the hand-built unit through the API (a clock moving one minute per write, so "recorded
 * at" follows the order below: devices and checks first, then the confirmations). `drop` leaves
 * out the accounts with these logins (a second unit for the district fixtures).
 */
export async function buildHandUnit(opts: { code?: string; name?: string; dir?: string; drop?: string[] } = {}): Promise<HandUnit> {
  const plan = HAND_ACCOUNTS.filter((a) => !opts.drop?.includes(a.login));
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'attk-hand-'));
  const file = join(dir, `${opts.code ?? 'VM'}.sqlite`);
  let minute = 0;
  const core = createCore({ file, shell: 'cli', appVersion: 'test', actor: 'tester', now: () => new Date(Date.parse(`${HAND_TODAY}T01:00:00Z`) + minute++ * 60_000) });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const e = await dispatch(core, method, input);
    if (!e.ok) throw new Error(`${method} ${JSON.stringify(input)}: ${e.error.message}`);
    return e.result as ResultOf<M>;
  };
  const close = () => {
    core.db.close();
    if (!opts.dir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await call('unit.save', { ...HAND_HOME, code: opts.code ?? 'VM', name: opts.name ?? HAND_HOME.name });
    const systemIds = (await call('systems.list', {})).map((x) => x.id);
    const campaign = await call('campaigns.create', {
      directiveNumber: '123/UBND-NV', subject: 'Rà soát, thay đổi mật khẩu tài khoản các phần mềm', systemIds: [systemIds[0]!, systemIds[1]!],
      startDate: '2024-02-01', deadline: '2024-02-15',
    });
    await call('campaigns.advance', { id: campaign.id, to: 'in_progress' });
    const personId: Record<string, number> = {};
    for (const [key, fullName] of Object.entries(PEOPLE)) personId[key] = (await call('people.create', { fullName, department: 'Văn phòng' })).id;
    const accountId: Record<string, number> = {};
    for (const a of plan) {
      accountId[a.login] = (await call('accounts.create', { systemId: systemIds[a.system]!, personId: a.person ? personId[a.person]! : null, loginName: a.login, role: a.role })).id;
    }
    for (const d of HAND_DEVICES) {
      const device = await call('devices.create', {
        deviceKind: 'desktop', os: 'windows', assetTag: d.tag, ownerId: personId[d.owner]!, systemIds: d.systems.map((i) => systemIds[i]!), deviceStatus: d.status ?? 'in_use',
      });
      for (const c of d.checks) {
        const input: DeviceCheckInput = {
          deviceId: device.id, checkedOn: c.on, checker: 'Phạm Văn Kiểm', avInstalled: true, avProduct: 'BKAV Pro',
          avLicensed: c.av !== 'unlicensed', licenceExpiresOn: c.av === 'licensed' ? '2025-12-31' : c.av === 'unlicensed' ? null : c.av.expires,
          definitionsCurrent: true,
          ...(c.malware ? { malwareFound: true, malwareKind: 'Trojan', credentialStealing: true } : {}),
          ...(c.remediated ? { cleaned: true, osReinstalled: true, remediatedOn: c.remediated } : {}),
        };
        const check = await call('devices.recordCheck', input);
        if (c.voided) await call('devices.voidCheck', { id: check.id, reason: 'Nhập nhầm thiết bị' });
      }
    }
    for (const a of plan) {
      for (const ch of a.changes ?? []) {
        const c = await call('confirmations.create', { accountId: accountId[a.login]!, changedOn: ch.on });
        if (ch.voided) await call('confirmations.void', { id: c.id, reason: 'Nhập nhầm ngày' });
      }
    }
    await call('people.setStatus', { id: personId.C!, status: 'transferred', statusDate: '2024-01-15' });
    const exportReport = async (): Promise<ExportResult> => {
      const { jobId } = await call('reports.export', { campaignId: campaign.id, kind: 'report', showLogins: true });
      for (;;) {
        const s = await call('jobs.status', { id: jobId });
        if (s.state === 'done') return s.result as ExportResult;
        if (s.state === 'failed') throw new Error(s.error?.message);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    return { core, file, campaignId: campaign.id, call, exportReport, close };
  } catch (e) {
    close();
    throw e;
  }
}
