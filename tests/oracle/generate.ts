import fc from 'fast-check';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { DeviceCheckInput } from '../../shared/devices/schema';

// Random units for the figure oracles (fast-check): people joining and leaving, accounts of both
// roles on several systems, shared accounts, devices used for one or more systems, malware found
// and remediated on various dates (sometimes the remediation entered later than a confirmation),
// confirmations before, inside and after the campaign window, some voided. A scenario is plain
// data; record() enters it through any caller of the real API (in-process in vitest, over the
// harness's HTTP in Playwright); play() (scenario.ts) does so in-process with a clock that moves one
// minute per event, so "recorded at" follows the order of events.

export const BASE = '2024-01-01';
/** Every date is BASE + 0..DAYS-1; "today" is BASE + DAYS. */
export const DAYS = 75;
export const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);
export const TODAY = day(DAYS);

export type Role = 'admin' | 'user';
export type DayRef = { at: number } | { near: 'start-1' | 'start' | 'deadline' | 'deadline+1' | 'recent' };
export type Event =
  | { k: 'confirm'; account: number; when: DayRef }
  | { k: 'void'; nth: number }
  | { k: 'leave'; person: number; when: number; status: 'transferred' | 'retired' | 'left' }
  | { k: 'check'; device: number; when: number; malware: boolean; stealing: boolean; av: 'none' | 'licensed' | 'unlicensed' | 'expired'; fixBack: number | null }
  | { k: 'voidCheck'; nth: number };

export interface Scenario {
  start: number;
  length: number;
  people: { accounts: { system: number; role: Role }[] }[];
  shared: { system: number; role: Role }[];
  devices: { owner: number; systems: number[]; status: 'in_use' | 'spare' | 'retired' }[];
  events: Event[];
  /** The campaign's scope: system indexes (0..2). */
  scope: number[];
}

const role = fc.constantFrom<Role>('admin', 'user', 'user');
const system = fc.integer({ min: 0, max: 2 });

export const scenario = (size: { people: number; events: number } = { people: 6, events: 40 }): fc.Arbitrary<Scenario> =>
  fc
    .record({
      start: fc.integer({ min: 5, max: 35 }),
      length: fc.integer({ min: 0, max: 25 }),
      people: fc.array(fc.record({ accounts: fc.array(fc.record({ system, role }), { minLength: 1, maxLength: 3 }) }), { minLength: Math.min(2, size.people), maxLength: size.people }),
      shared: fc.array(fc.record({ system, role }), { maxLength: 2 }),
      scope: fc.uniqueArray(system, { minLength: 1, maxLength: 3 }),
    })
    .chain((base) => {
      const nAccounts = base.people.reduce((n, p) => n + p.accounts.length, 0) + base.shared.length;
      const device = fc.record({
        owner: fc.integer({ min: 0, max: base.people.length - 1 }),
        systems: fc.uniqueArray(system, { minLength: 0, maxLength: 3 }),
        status: fc.constantFrom<'in_use' | 'spare' | 'retired'>('in_use', 'in_use', 'in_use', 'spare', 'retired'),
      });
      return fc.array(device, { minLength: 1, maxLength: Math.max(1, base.people.length) }).chain((devices) => {
        const when: fc.Arbitrary<DayRef> = fc.oneof(
          { weight: 2, arbitrary: fc.integer({ min: 0, max: DAYS - 1 }).map((at) => ({ at })) },
          { weight: 1, arbitrary: fc.constantFrom('start-1', 'start', 'deadline', 'deadline+1', 'recent').map((near) => ({ near }) as DayRef) },
        );
        const events: fc.Arbitrary<Event>[] = [
          fc.record({ k: fc.constant('confirm' as const), account: fc.integer({ min: 0, max: nAccounts - 1 }), when }),
          fc.record({ k: fc.constant('void' as const), nth: fc.nat(50) }),
          fc.record({
            k: fc.constant('leave' as const), person: fc.integer({ min: 0, max: base.people.length - 1 }), when: fc.integer({ min: 0, max: DAYS - 1 }),
            status: fc.constantFrom<'transferred' | 'retired' | 'left'>('transferred', 'retired', 'left'),
          }),
        ];
        if (devices.length > 0) {
          events.push(
            fc.record({
              k: fc.constant('check' as const), device: fc.integer({ min: 0, max: devices.length - 1 }), when: fc.integer({ min: 0, max: DAYS - 1 }),
              malware: fc.boolean(), stealing: fc.boolean(), av: fc.constantFrom<'none' | 'licensed' | 'unlicensed' | 'expired'>('none', 'licensed', 'licensed', 'unlicensed', 'expired'),
              fixBack: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 2, nil: null }) as fc.Arbitrary<number | null>,
            }),
            fc.record({ k: fc.constant('voidCheck' as const), nth: fc.nat(50) }),
          );
        }
        const weighted = events.map((arbitrary, i) => ({ arbitrary, weight: [6, 1, 1, 5, 1][i]! }));
        return fc.array(fc.oneof(...weighted), { minLength: Math.floor(size.events / 2), maxLength: size.events }).map((ev) => ({ ...base, devices, events: ev }));
      });
    });

export const HOME = {
  parentBody: 'UBND QUẬN ĐỐNG ĐA', name: 'UBND PHƯỜNG VĂN MIẾU', code: 'VM', headName: 'Nguyễn Văn Hùng', headTitle: 'CHỦ TỊCH',
  signAuthority: 'TM. ỦY BAN NHÂN DÂN', placeName: 'Đống Đa', reportSymbol: 'BC-UBND', recipientName: 'Phòng Nội vụ quận Đống Đa',
};

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Đặng Thị Giang', 'Vũ Văn Hải', 'Bùi Thị Lan'];

/** A reply of the API: the dispatcher's envelope (in-process or over HTTP). */
export type Envelope = { ok: true; result: unknown } | { ok: false; error: { message: string } };
export type RawCall = (method: MethodName, input: unknown) => Promise<Envelope>;

export interface RecordOptions {
  /** The unit's code and name (a receiving office registers several units). */
  code?: string;
  name?: string;
  /** Called before each event (the in-process clock moves one minute). */
  tick?: () => void;
}

/**
 * Enter the scenario through the API (unit, campaign in progress, people, accounts, devices, then
 * the events in order; events the API refuses are skipped). Returns the campaign's id.
 */
export async function record(s: Scenario, raw: RawCall, { code = HOME.code, name = HOME.name, tick = () => {} }: RecordOptions = {}): Promise<number> {
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const e = await raw(method, input);
    if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
    return e.result as ResultOf<M>;
  };
  await call('unit.save', { ...HOME, code, name });
  const systemIds = (await call('systems.list', {})).map((x) => x.id);
  const start = day(s.start);
  const deadline = day(s.start + s.length);
  const campaign = await call('campaigns.create', {
    directiveNumber: '123/UBND-NV', subject: 'Rà soát, thay đổi mật khẩu tài khoản các phần mềm', systemIds: s.scope.map((i) => systemIds[i]!), startDate: start, deadline,
  });
  await call('campaigns.advance', { id: campaign.id, to: 'in_progress' });
  const people: number[] = [];
  const accounts: number[] = [];
  for (const [i, p] of s.people.entries()) {
    const person = await call('people.create', { fullName: `${NAMES[i % NAMES.length]} ${i + 1}`, department: i % 2 ? 'Văn phòng' : 'Địa chính' });
    people.push(person.id);
    for (const [j, a] of p.accounts.entries()) {
      accounts.push((await call('accounts.create', { systemId: systemIds[a.system]!, personId: person.id, loginName: `u${i + 1}.${j + 1}`, role: a.role })).id);
    }
  }
  for (const [j, a] of s.shared.entries()) accounts.push((await call('accounts.create', { systemId: systemIds[a.system]!, personId: null, loginName: `chung${j + 1}`, role: a.role })).id);
  const devices: number[] = [];
  for (const [i, d] of s.devices.entries()) {
    devices.push((await call('devices.create', {
      deviceKind: 'desktop', os: 'windows', assetTag: `MT-${String(i + 1).padStart(2, '0')}`, ownerId: people[d.owner]!, systemIds: d.systems.map((x) => systemIds[x]!), deviceStatus: d.status,
    })).id);
  }
  const confirmations: number[] = [];
  const checks: number[] = [];
  const resolve = (w: DayRef) => {
    const n = 'at' in w ? w.at : { 'start-1': s.start - 1, start: s.start, deadline: s.start + s.length, 'deadline+1': s.start + s.length + 1, recent: DAYS - 1 }[w.near];
    return day(Math.min(Math.max(n, 0), DAYS - 1));
  };
  for (const e of s.events) {
    tick();
    if (e.k === 'confirm') {
      const r = await raw('confirmations.create', { accountId: accounts[e.account]!, changedOn: resolve(e.when) });
      if (r.ok) confirmations.push((r.result as { id: number }).id);
    } else if (e.k === 'void' && confirmations.length > 0) {
      await raw('confirmations.void', { id: confirmations.splice(e.nth % confirmations.length, 1)[0]!, reason: 'Nhập nhầm' });
    } else if (e.k === 'leave') {
      await raw('people.setStatus', { id: people[e.person]!, status: e.status, statusDate: day(e.when) });
    } else if (e.k === 'check') {
      const checkedOn = day(e.when);
      const input: DeviceCheckInput = {
        deviceId: devices[e.device]!, checkedOn, checker: 'Phạm Văn Kiểm', avInstalled: e.av !== 'none',
        ...(e.av === 'none' ? {} : { avProduct: 'BKAV Pro', avLicensed: e.av !== 'unlicensed', licenceExpiresOn: e.av === 'expired' ? day(e.when) : e.av === 'licensed' ? '2025-12-31' : null }),
        definitionsCurrent: true,
        ...(e.malware ? { malwareFound: true, malwareKind: 'Trojan', credentialStealing: e.stealing } : {}),
        // A remediation in this record: dated fixBack days before the check (not before a finding in the same record).
        ...(e.fixBack !== null ? { cleaned: true, osReinstalled: true, remediatedOn: e.malware ? checkedOn : day(Math.max(0, e.when - e.fixBack)) } : {}),
      };
      const r = await raw('devices.recordCheck', input);
      if (r.ok) checks.push((r.result as { id: number }).id);
    } else if (e.k === 'voidCheck' && checks.length > 0) {
      await raw('devices.voidCheck', { id: checks.splice(e.nth % checks.length, 1)[0]!, reason: 'Nhập nhầm' });
    }
  }
  return campaign.id;
}
