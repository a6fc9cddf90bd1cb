import { describe, expect, it } from 'vitest';
import {
  checkIssue, checkProblems, checkResult, checkWindowStart, countsAfterMalware, deviceState, expiringLimit, forcedChange, forcedDevice, infectionOf,
  infectionState, licenceExpiringSoon, malwareFloor,
  type CheckFacts, type DeviceFacts, type Infection, type InfectionFacts, type MalwareFloor, type OwnerDevice,
} from './rules';

const found = (checkedOn: string, extra: Partial<InfectionFacts> = {}): InfectionFacts => ({
  checkedOn, malwareFound: true, cleaned: false, osReinstalled: false, remediatedOn: null, ...extra,
});
const fixed = (checkedOn: string, remediatedOn: string, extra: Partial<InfectionFacts> = {}): InfectionFacts => ({
  checkedOn, malwareFound: false, cleaned: true, osReinstalled: true, remediatedOn, ...extra,
});
const clean = (checkedOn: string): InfectionFacts => ({ checkedOn, malwareFound: false, cleaned: false, osReinstalled: false, remediatedOn: null });

describe('checkWindowStart (Rule 4: a check within N months)', () => {
  it('goes back N calendar months, clamped to the month end', () => {
    expect(checkWindowStart('2024-01-20', 3)).toBe('2023-10-20');
    expect(checkWindowStart('2024-05-31', 3)).toBe('2024-02-29'); // leap year
    expect(checkWindowStart('2023-05-31', 3)).toBe('2023-02-28');
    expect(checkWindowStart('2024-03-31', 1)).toBe('2024-02-29');
    expect(checkWindowStart('2024-01-20', 12)).toBe('2023-01-20');
  });

  it('licence warning limit is today + 30 days', () => {
    expect(expiringLimit('2024-01-20')).toBe('2024-02-19');
    expect(expiringLimit('2024-12-15', 30)).toBe('2025-01-14');
  });
});

describe('infectionOf (Rule 5)', () => {
  it('a device never found with malware is clean, whatever else happened', () => {
    const i = infectionOf([clean('2024-01-02'), fixed('2024-01-05', '2024-01-05')]);
    expect(i).toEqual({ infectedOn: null, remediatedOn: null });
    expect(infectionState(i)).toBe('clean');
  });

  it('is infected from the check that finds malware until a remediation with cleaned AND OS reinstalled', () => {
    expect(infectionState(infectionOf([found('2024-01-10')]))).toBe('infected');
    // Cleaned only, or reinstalled only: still infected.
    expect(infectionState(infectionOf([found('2024-01-10'), fixed('2024-01-12', '2024-01-12', { osReinstalled: false })]))).toBe('infected');
    expect(infectionState(infectionOf([found('2024-01-10'), fixed('2024-01-12', '2024-01-12', { cleaned: false })]))).toBe('infected');
    const both = infectionOf([found('2024-01-10'), fixed('2024-01-12', '2024-01-11')]);
    expect(both).toEqual({ infectedOn: '2024-01-10', remediatedOn: '2024-01-11' });
    expect(infectionState(both)).toBe('remediated');
  });

  it('accepts a remediation in the same record, and one on the day the malware was found', () => {
    expect(infectionOf([found('2024-01-10', { cleaned: true, osReinstalled: true, remediatedOn: '2024-01-10' })])).toEqual({ infectedOn: '2024-01-10', remediatedOn: '2024-01-10' });
    expect(infectionOf([found('2024-01-10'), fixed('2024-01-15', '2024-01-10')]).remediatedOn).toBe('2024-01-10');
  });

  it('a remediation dated before the infection does not end it', () => {
    expect(infectionState(infectionOf([fixed('2024-01-15', '2024-01-09'), found('2024-01-10')]))).toBe('infected');
  });

  it('a new infection after a remediation makes the device infected again; the next remediation ends it', () => {
    const history = [found('2023-11-01'), fixed('2023-11-03', '2023-11-03'), found('2024-01-10')];
    expect(infectionOf(history)).toEqual({ infectedOn: '2024-01-10', remediatedOn: null });
    expect(infectionOf([...history, fixed('2024-01-16', '2024-01-15')])).toEqual({ infectedOn: '2024-01-10', remediatedOn: '2024-01-15' });
  });

  it('the remediation that ended the infection is the earliest one: later reinstalls do not move it', () => {
    expect(infectionOf([found('2024-01-10'), fixed('2024-01-12', '2024-01-12'), fixed('2024-01-18', '2024-01-18')]).remediatedOn).toBe('2024-01-12');
  });

  it('ignores voided checks', () => {
    expect(infectionOf([found('2024-01-10', { voided: true })]).infectedOn).toBeNull();
    expect(infectionOf([found('2024-01-10'), fixed('2024-01-12', '2024-01-12', { voided: true })]).remediatedOn).toBeNull();
  });
});

describe('forcedChange (Rule 5: which accounts must change their password, and until when)', () => {
  const dev = (id: number, infectedOn: string | null, remediatedOn: string | null): OwnerDevice => ({ id, assetTag: `MT-${id}`, infectedOn, remediatedOn });
  const active = (lastChangedOn: string | null) => ({ status: 'active', confirmations: lastChangedOn ? [{ changedOn: lastChangedOn }] : [] });

  it('while the device is infected: flagged "clean it first", whatever the confirmations', () => {
    expect(forcedChange(active('2024-01-19'), [dev(1, '2024-01-10', null)])).toEqual({ reason: 'infected', since: '2024-01-10', deviceId: 1, assetTag: 'MT-1' });
    expect(forcedChange(active(null), [dev(1, '2024-01-10', null)])?.reason).toBe('infected');
  });

  it('after the remediation: flagged until a change dated ON or AFTER the remediation date', () => {
    const d = [dev(1, '2024-01-10', '2024-01-15')];
    expect(forcedChange(active(null), d)).toEqual({ reason: 'remediated', since: '2024-01-15', deviceId: 1, assetTag: 'MT-1' });
    expect(forcedChange(active('2024-01-14'), d)?.reason).toBe('remediated'); // before: does not count
    expect(forcedChange(active('2024-01-15'), d)).toBeNull(); // on the day: counts
    expect(forcedChange(active('2024-01-16'), d)).toBeNull();
  });

  it('whatever the rotation state: a change a week before the remediation is recent but does not count', () => {
    expect(forcedChange(active('2024-01-08'), [dev(1, '2024-01-09', '2024-01-15')])?.since).toBe('2024-01-15');
  });

  it('infected beats remediated; the latest infection or remediation is the one named', () => {
    const both = [dev(1, '2023-12-01', '2023-12-05'), dev(2, '2024-01-10', null), dev(3, '2024-01-02', null)];
    expect(forcedChange(active(null), both)).toMatchObject({ reason: 'infected', deviceId: 2, since: '2024-01-10' });
    const two = [dev(1, '2023-12-01', '2023-12-05'), dev(2, '2024-01-01', '2024-01-12')];
    expect(forcedChange(active('2023-12-20'), two)).toMatchObject({ reason: 'remediated', deviceId: 2, since: '2024-01-12' });
    expect(forcedChange(active('2024-01-12'), two)).toBeNull();
  });

  it('a change recorded while the device was infected never clears it, even if the remediation is entered with an earlier date', () => {
    const d: OwnerDevice[] = [{ ...dev(1, '2024-01-10', '2024-01-15'), remediationRecordedAt: '2024-01-16T08:00:00.000Z' }];
    const recorded = (at: string) => ({ status: 'active', confirmations: [{ changedOn: '2024-01-15', recordedAt: at }] });
    expect(forcedChange(recorded('2024-01-15T09:00:00.000Z'), d)?.reason).toBe('remediated');
    expect(forcedChange(recorded('2024-01-16T08:00:00.000Z'), d)).toBeNull();
    expect(forcedChange({ status: 'active', confirmations: [{ changedOn: '2024-01-20', recordedAt: '2024-01-20T08:00:00.000Z', voided: true }] }, d)?.reason).toBe('remediated');
  });

  it('never for a cancelled account, nor for devices that were never infected', () => {
    expect(forcedChange({ status: 'cancelled', confirmations: [] }, [dev(1, '2024-01-10', null)])).toBeNull();
    expect(forcedChange({ status: 'locked', confirmations: [] }, [dev(1, '2024-01-10', null)])?.reason).toBe('infected');
    expect(forcedChange(active(null), [dev(1, null, null)])).toBeNull();
    expect(forcedChange(active(null), [])).toBeNull();
  });
});

describe('deviceState (Rule 4)', () => {
  const TODAY = '2024-01-20';
  const av = (checkedOn: string, extra: Partial<DeviceFacts['lastCheck'] & object> = {}) => ({
    checkedOn, avInstalled: true, avLicensed: true, licenceExpiresOn: '2024-12-31', ...extra,
  });
  const device = (extra: Partial<DeviceFacts> = {}): DeviceFacts => ({
    status: 'in_use', needsLicensedAv: true, lastCheck: av('2024-01-05'), infectedOn: null, remediatedOn: null, ...extra,
  });

  it('ok with a recent check showing licensed, unexpired antivirus', () => {
    expect(deviceState(device(), TODAY)).toBe('ok');
  });

  it('unchecked without a check within N months (the boundary day counts)', () => {
    expect(deviceState(device({ lastCheck: null }), TODAY)).toBe('unchecked');
    expect(deviceState(device({ lastCheck: av('2023-10-20') }), TODAY)).toBe('ok');
    expect(deviceState(device({ lastCheck: av('2023-10-19') }), TODAY)).toBe('unchecked');
    expect(deviceState(device({ lastCheck: av('2023-10-19') }), TODAY, 6)).toBe('ok');
    expect(deviceState(device({ lastCheck: av('2023-12-19') }), TODAY, 1)).toBe('unchecked');
  });

  it('licence required only on devices used for a system that requires it', () => {
    expect(deviceState(device({ lastCheck: av('2024-01-05', { avLicensed: false, licenceExpiresOn: null }) }), TODAY)).toBe('unlicensed');
    expect(deviceState(device({ needsLicensedAv: false, lastCheck: av('2024-01-05', { avLicensed: false, licenceExpiresOn: null }) }), TODAY)).toBe('ok');
    expect(deviceState(device({ lastCheck: av('2024-01-05', { licenceExpiresOn: '2024-01-19' }) }), TODAY)).toBe('expired');
    expect(deviceState(device({ lastCheck: av('2024-01-05', { licenceExpiresOn: '2024-01-20' }) }), TODAY)).toBe('ok'); // expires at the end of today
    expect(deviceState(device({ needsLicensedAv: false, lastCheck: av('2024-01-05', { licenceExpiresOn: '2023-06-01' }) }), TODAY)).toBe('ok');
  });

  it('antivirus missing is a problem on every device', () => {
    expect(deviceState(device({ needsLicensedAv: false, lastCheck: av('2024-01-05', { avInstalled: false, avLicensed: false, licenceExpiresOn: null }) }), TODAY)).toBe('no_antivirus');
  });

  it('infected comes first, even on a device not in use; otherwise devices not in use need no check', () => {
    expect(deviceState(device({ infectedOn: '2024-01-10', lastCheck: null }), TODAY)).toBe('infected');
    expect(deviceState(device({ status: 'spare', infectedOn: '2024-01-10' }), TODAY)).toBe('infected');
    expect(deviceState(device({ status: 'retired', lastCheck: null }), TODAY)).toBe('not_in_use');
    expect(deviceState(device({ infectedOn: '2024-01-10', remediatedOn: '2024-01-12' }), TODAY)).toBe('ok');
  });

  it('licence expiring within 30 days (not yet expired)', () => {
    expect(licenceExpiringSoon(av('2024-01-05', { licenceExpiresOn: '2024-02-19' }), TODAY)).toBe(true);
    expect(licenceExpiringSoon(av('2024-01-05', { licenceExpiresOn: '2024-01-20' }), TODAY)).toBe(true);
    expect(licenceExpiringSoon(av('2024-01-05', { licenceExpiresOn: '2024-02-20' }), TODAY)).toBe(false);
    expect(licenceExpiringSoon(av('2024-01-05', { licenceExpiresOn: '2024-01-19' }), TODAY)).toBe(false);
    expect(licenceExpiringSoon(av('2024-01-05', { licenceExpiresOn: null }), TODAY)).toBe(false);
    expect(licenceExpiringSoon(null, TODAY)).toBe(false);
  });
});

describe('one check: problems, result, consistency', () => {
  const check = (extra: Partial<CheckFacts> = {}): CheckFacts & { avProduct: string } => ({
    checkedOn: '2024-01-10', avInstalled: true, avProduct: 'BKAV Pro', avLicensed: true, licenceExpiresOn: '2024-06-30', definitionsCurrent: true,
    malwareFound: false, malwareKind: '', credentialStealing: false, cleaned: false, osReinstalled: false, remediatedOn: null, ...extra,
  });

  it('passes with licensed, current antivirus and no malware', () => {
    expect(checkProblems(check(), true)).toEqual([]);
    expect(checkResult(check(), true)).toBe('pass');
  });

  it('fails for missing, unlicensed or expired (as of the check date) antivirus where required', () => {
    expect(checkResult(check({ avInstalled: false, avLicensed: false, licenceExpiresOn: null }), false)).toBe('fail');
    expect(checkProblems(check({ avLicensed: false }), true)).toEqual(['unlicensed']);
    expect(checkResult(check({ avLicensed: false }), false)).toBe('pass');
    expect(checkProblems(check({ licenceExpiresOn: '2024-01-09' }), true)).toEqual(['expired']);
    expect(checkProblems(check({ licenceExpiresOn: '2024-01-10' }), true)).toEqual([]);
  });

  it('notes outdated definitions without failing', () => {
    expect(checkProblems(check({ definitionsCurrent: false }), true)).toEqual(['definitions_outdated']);
    expect(checkResult(check({ definitionsCurrent: false }), true)).toBe('pass');
  });

  it('fails when malware is found, unless the same record shows it cleaned and the OS reinstalled', () => {
    expect(checkResult(check({ malwareFound: true, credentialStealing: true }), true)).toBe('fail');
    expect(checkResult(check({ malwareFound: true, cleaned: true, remediatedOn: '2024-01-10' }), true)).toBe('fail');
    expect(checkResult(check({ malwareFound: true, cleaned: true, osReinstalled: true, remediatedOn: '2024-01-11' }), true)).toBe('pass');
  });

  it('on a device still infected, fails until the check records the remediation', () => {
    expect(checkProblems(check(), true, '2024-01-05')).toEqual(['malware_not_remediated']);
    expect(checkResult(check({ cleaned: true, osReinstalled: true, remediatedOn: '2024-01-06' }), true, '2024-01-05')).toBe('pass');
    expect(checkResult(check({ cleaned: true, osReinstalled: true, remediatedOn: '2024-01-04' }), true, '2024-01-05')).toBe('fail');
  });

  it('refuses inconsistent records, naming the field', () => {
    expect(checkIssue(check())).toBeNull();
    expect(checkIssue(check({ avInstalled: false }))).toEqual({ path: 'avLicensed', issue: 'needs_antivirus' });
    expect(checkIssue(check({ avInstalled: false, avLicensed: false }))).toEqual({ path: 'licenceExpiresOn', issue: 'needs_antivirus' });
    expect(checkIssue(check({ avInstalled: false, avLicensed: false, licenceExpiresOn: null }))).toEqual({ path: 'avProduct', issue: 'needs_antivirus' });
    expect(checkIssue(check({ credentialStealing: true }))).toEqual({ path: 'credentialStealing', issue: 'needs_malware' });
    expect(checkIssue(check({ malwareKind: 'Trojan' }))).toEqual({ path: 'malwareKind', issue: 'needs_malware' });
    expect(checkIssue(check({ cleaned: true }))).toEqual({ path: 'remediatedOn', issue: 'remediation_date_missing' });
    expect(checkIssue(check({ remediatedOn: '2024-01-10' }))).toEqual({ path: 'remediatedOn', issue: 'remediation_date_without_action' });
    expect(checkIssue(check({ malwareFound: true, cleaned: true, osReinstalled: true, remediatedOn: '2024-01-09' }))).toEqual({ path: 'remediatedOn', issue: 'remediation_before_check' });
    // A follow-up record may report a remediation done before its own date.
    expect(checkIssue(check({ cleaned: true, osReinstalled: true, remediatedOn: '2024-01-09' }))).toBeNull();
  });
});

// Hand-built literal cases on the exact boundaries (issue 22: mutation testing). Each input is given
// in both orders where the rule picks a latest/earliest/lowest, so "the last one seen" cannot pass.
describe('infectionOf: which finding, which remediation, when it was recorded', () => {
  it('the infection date is the latest finding, whatever the order of the records', () => {
    expect(infectionOf([found('2024-01-15'), found('2024-01-10')]).infectedOn).toBe('2024-01-15');
    expect(infectionOf([found('2024-01-10'), found('2024-01-15')]).infectedOn).toBe('2024-01-15');
    // A remediation of the earlier finding does not end the later one.
    expect(infectionOf([found('2024-01-15'), fixed('2024-01-12', '2024-01-12'), found('2024-01-10')])).toStrictEqual({ infectedOn: '2024-01-15', remediatedOn: null });
  });

  it('the remediation is the earliest on or after the finding, whatever the order of the records', () => {
    expect(infectionOf([found('2024-01-10'), fixed('2024-01-18', '2024-01-18'), fixed('2024-01-12', '2024-01-12')]).remediatedOn).toBe('2024-01-12');
    expect(infectionOf([fixed('2024-01-09', '2024-01-09'), found('2024-01-10'), fixed('2024-01-11', '2024-01-11')]).remediatedOn).toBe('2024-01-11');
    // On the finding day it counts; the day before it does not.
    expect(infectionOf([found('2024-01-10'), fixed('2024-01-12', '2024-01-10')]).remediatedOn).toBe('2024-01-10');
    expect(infectionOf([found('2024-01-10'), fixed('2024-01-12', '2024-01-09')]).remediatedOn).toBeNull();
  });

  it('a record saying cleaned and reinstalled without a date ends nothing and names no recording time', () => {
    expect(infectionOf([found('2024-01-10'), fixed('2024-01-12', '2024-01-12', { remediatedOn: null, recordedAt: '2024-01-12T08:00:00.000Z' })]))
      .toStrictEqual({ infectedOn: '2024-01-10', remediatedOn: null });
  });

  it('when the remediation was recorded: the earliest valid record of cleaned AND reinstalled with that very remediation date', () => {
    const history: InfectionFacts[] = [
      found('2024-01-10', { recordedAt: '2024-01-10T07:00:00.000Z' }),
      // Without a recording time: no constraint from this record.
      fixed('2024-01-12', '2024-01-12'),
      fixed('2024-01-14', '2024-01-12', { recordedAt: '2024-01-14T08:00:00.000Z' }),
      fixed('2024-01-12', '2024-01-12', { recordedAt: '2024-01-12T09:00:00.000Z' }),
      fixed('2024-01-13', '2024-01-12', { recordedAt: '2024-01-13T08:00:00.000Z' }),
      // Earlier recording times that do not count: voided, cleaned only, reinstalled only, another remediation date.
      fixed('2024-01-12', '2024-01-12', { recordedAt: '2024-01-11T01:00:00.000Z', voided: true }),
      fixed('2024-01-12', '2024-01-12', { recordedAt: '2024-01-11T02:00:00.000Z', osReinstalled: false }),
      fixed('2024-01-12', '2024-01-12', { recordedAt: '2024-01-11T03:00:00.000Z', cleaned: false }),
      fixed('2024-01-15', '2024-01-15', { recordedAt: '2024-01-11T04:00:00.000Z' }),
    ];
    expect(infectionOf(history)).toStrictEqual({ infectedOn: '2024-01-10', remediatedOn: '2024-01-12', remediationRecordedAt: '2024-01-12T09:00:00.000Z' });
    expect(infectionOf([...history].reverse())).toStrictEqual({ infectedOn: '2024-01-10', remediatedOn: '2024-01-12', remediationRecordedAt: '2024-01-12T09:00:00.000Z' });
    // No remediating record has a recording time: the key is absent, not undefined.
    expect(infectionOf([found('2024-01-10'), fixed('2024-01-12', '2024-01-12')])).toStrictEqual({ infectedOn: '2024-01-10', remediatedOn: '2024-01-12' });
  });
});

describe('malwareFloor: what the owner\'s devices ask of a confirmation', () => {
  const inf = (infectedOn: string | null, remediatedOn: string | null, remediationRecordedAt?: string | null): Infection => ({ infectedOn, remediatedOn, remediationRecordedAt });

  it('null when no device of the owner ever had malware', () => {
    expect(malwareFloor([])).toBeNull();
    expect(malwareFloor([inf(null, null), inf(null, null)])).toBeNull();
  });

  it('infected while one device is still infected; devices never infected play no part', () => {
    expect(malwareFloor([inf('2024-01-10', null)])).toStrictEqual({ infected: true, floorOn: null, floorAt: null });
    expect(malwareFloor([inf(null, null), inf('2024-01-08', '2024-01-09', '2024-01-09T08:00:00.000Z')]))
      .toStrictEqual({ infected: false, floorOn: '2024-01-09', floorAt: '2024-01-09T08:00:00.000Z' });
    expect(malwareFloor([inf('2024-01-08', '2024-01-09'), inf('2024-01-10', null)])).toStrictEqual({ infected: true, floorOn: '2024-01-09', floorAt: null });
  });

  it('the latest remediation day and, separately, the latest recording time, whatever the order', () => {
    const devices = [
      inf('2024-01-10', '2024-01-15', '2024-01-15T10:00:00.000Z'),
      // Remediated earlier but entered later (backdated): its recording time is the floor.
      inf('2024-01-05', '2024-01-12', '2024-01-20T08:00:00.000Z'),
      inf('2024-01-02', '2024-01-03', null),
      inf('2024-01-02', '2024-01-04'),
    ];
    const want = { infected: false, floorOn: '2024-01-15', floorAt: '2024-01-20T08:00:00.000Z' };
    expect(malwareFloor(devices)).toStrictEqual(want);
    expect(malwareFloor([...devices].reverse())).toStrictEqual(want);
    expect(malwareFloor([inf('2024-01-02', '2024-01-03', null)])).toStrictEqual({ infected: false, floorOn: '2024-01-03', floorAt: null });
  });
});

describe('countsAfterMalware: one confirmation against the floor', () => {
  const floor = (floorOn: string | null, floorAt: string | null = null, infected = false): MalwareFloor => ({ infected, floorOn, floorAt });

  it('a voided confirmation never counts; without malware every valid one counts', () => {
    expect(countsAfterMalware({ changedOn: '2024-01-01' }, null)).toBe(true);
    expect(countsAfterMalware({ changedOn: '2024-01-01', voided: true }, null)).toBe(false);
    expect(countsAfterMalware({ changedOn: '2024-01-20', voided: true }, floor('2024-01-15'))).toBe(false);
  });

  it('nothing counts while a device is infected, even after another device\'s remediation', () => {
    expect(countsAfterMalware({ changedOn: '2024-01-20' }, floor('2024-01-15', null, true))).toBe(false);
    expect(countsAfterMalware({ changedOn: '2024-01-20' }, floor(null, null, true))).toBe(false);
  });

  it('dated on or after the remediation day: the day itself counts, the day before does not', () => {
    expect(countsAfterMalware({ changedOn: '2024-01-14' }, floor('2024-01-15'))).toBe(false);
    expect(countsAfterMalware({ changedOn: '2024-01-15' }, floor('2024-01-15'))).toBe(true);
    expect(countsAfterMalware({ changedOn: '2024-01-16', recordedAt: '2024-01-16T08:00:00.000Z' }, floor('2024-01-15'))).toBe(true);
  });

  it('recorded at or after the remediation was; a confirmation without a recording time is not constrained', () => {
    const f = floor('2024-01-15', '2024-01-16T08:00:00.000Z');
    expect(countsAfterMalware({ changedOn: '2024-01-15', recordedAt: '2024-01-16T07:59:59.999Z' }, f)).toBe(false);
    expect(countsAfterMalware({ changedOn: '2024-01-15', recordedAt: '2024-01-16T08:00:00.000Z' }, f)).toBe(true);
    expect(countsAfterMalware({ changedOn: '2024-01-15' }, f)).toBe(true);
    expect(countsAfterMalware({ changedOn: '2024-01-15', recordedAt: null }, f)).toBe(true);
    expect(countsAfterMalware({ changedOn: '2024-01-14', recordedAt: '2024-01-17T08:00:00.000Z' }, f)).toBe(false);
  });
});

describe('forcedDevice: which device a forced account names', () => {
  const dev = (id: number, infectedOn: string | null, remediatedOn: string | null): OwnerDevice => ({ id, assetTag: `MT-${id}`, infectedOn, remediatedOn });
  const both = <T,>(list: T[]) => [list, [...list].reverse()];

  it('none when no device had malware', () => {
    expect(forcedDevice([])).toBeNull();
    expect(forcedDevice([dev(1, null, null)])).toBeNull();
    expect(forcedDevice([dev(1, null, null), dev(2, '2024-01-05', '2024-01-06')])).toStrictEqual({ reason: 'remediated', since: '2024-01-06', deviceId: 2, assetTag: 'MT-2' });
  });

  it('an infected device beats any remediated one; the latest infection wins, then the lowest id', () => {
    for (const list of both([dev(7, '2024-01-02', null), dev(4, '2024-01-10', null), dev(9, '2024-01-11', '2024-01-19')])) {
      expect(forcedDevice(list)).toStrictEqual({ reason: 'infected', since: '2024-01-10', deviceId: 4, assetTag: 'MT-4' });
    }
    // The lowest id only breaks a tie of dates: a later infection on a higher id still wins.
    for (const list of both([dev(8, '2024-01-10', null), dev(3, '2024-01-02', null)])) {
      expect(forcedDevice(list)).toMatchObject({ since: '2024-01-10', deviceId: 8 });
    }
    for (const list of both([dev(5, '2024-01-10', null), dev(3, '2024-01-10', null), dev(8, '2024-01-10', null)])) {
      expect(forcedDevice(list)).toStrictEqual({ reason: 'infected', since: '2024-01-10', deviceId: 3, assetTag: 'MT-3' });
    }
  });

  it('otherwise the latest remediation wins, then the lowest id', () => {
    for (const list of both([dev(2, '2024-01-01', '2024-01-12'), dev(6, '2023-12-01', '2023-12-05')])) {
      expect(forcedDevice(list)).toStrictEqual({ reason: 'remediated', since: '2024-01-12', deviceId: 2, assetTag: 'MT-2' });
    }
    for (const list of both([dev(8, '2024-01-01', '2024-01-12'), dev(3, '2024-01-02', '2024-01-05')])) {
      expect(forcedDevice(list)).toMatchObject({ since: '2024-01-12', deviceId: 8 });
    }
    for (const list of both([dev(5, '2024-01-01', '2024-01-12'), dev(3, '2024-01-02', '2024-01-12'), dev(8, '2024-01-03', '2024-01-12')])) {
      expect(forcedDevice(list)).toStrictEqual({ reason: 'remediated', since: '2024-01-12', deviceId: 3, assetTag: 'MT-3' });
    }
  });
});

describe('one check, each condition on its own', () => {
  const check = (extra: Partial<CheckFacts> = {}): CheckFacts & { avProduct: string } => ({
    checkedOn: '2024-01-10', avInstalled: true, avProduct: 'BKAV Pro', avLicensed: true, licenceExpiresOn: '2024-06-30', definitionsCurrent: true,
    malwareFound: false, malwareKind: '', credentialStealing: false, cleaned: false, osReinstalled: false, remediatedOn: null, ...extra,
  });

  it('no antivirus is the only antivirus problem, whatever the licence fields say', () => {
    expect(checkProblems(check({ avInstalled: false, avLicensed: false, licenceExpiresOn: null, definitionsCurrent: false }), true)).toEqual(['no_antivirus']);
    expect(checkProblems(check({ avInstalled: false, avLicensed: false, licenceExpiresOn: '2024-01-01' }), false)).toEqual(['no_antivirus']);
  });

  it('expired only for a licensed product with a date before the check, on a device that needs it', () => {
    expect(checkProblems(check({ licenceExpiresOn: '2024-01-09' }), false)).toEqual([]);
    expect(checkProblems(check({ avLicensed: false, licenceExpiresOn: '2024-01-09' }), true)).toEqual(['unlicensed']);
    expect(checkProblems(check({ licenceExpiresOn: null }), true)).toEqual([]);
    expect(checkProblems(check({ licenceExpiresOn: '2024-01-09', definitionsCurrent: false }), true)).toEqual(['expired', 'definitions_outdated']);
  });

  it('malware found is remediated by cleaned AND reinstalled on or after the check day (the day itself counts)', () => {
    expect(checkProblems(check({ malwareFound: true, cleaned: true, osReinstalled: true, remediatedOn: '2024-01-10' }), true)).toEqual([]);
    expect(checkProblems(check({ malwareFound: true, cleaned: true, osReinstalled: true, remediatedOn: '2024-01-09' }), true)).toEqual(['malware_not_remediated']);
    expect(checkProblems(check({ malwareFound: true, osReinstalled: true, remediatedOn: '2024-01-10' }), true)).toEqual(['malware_not_remediated']);
    expect(checkProblems(check({ malwareFound: true, cleaned: true, osReinstalled: true, remediatedOn: null }), true)).toEqual(['malware_not_remediated']);
    // An open infection: a remediation on its day counts.
    expect(checkProblems(check({ cleaned: true, osReinstalled: true, remediatedOn: '2024-01-05' }), true, '2024-01-05')).toEqual([]);
    expect(checkProblems(check({ cleaned: true, remediatedOn: '2024-01-06' }), true, '2024-01-05')).toEqual(['malware_not_remediated']);
  });

  it('consistency: each rule on its own, with the exact field and reason', () => {
    // No antivirus and nothing about one: consistent.
    expect(checkIssue({ ...check({ avInstalled: false, avLicensed: false, licenceExpiresOn: null }), avProduct: '' })).toBeNull();
    expect(checkIssue({ ...check({ avInstalled: false, avLicensed: false, licenceExpiresOn: null }), avProduct: 'X' })).toStrictEqual({ path: 'avProduct', issue: 'needs_antivirus' });
    // Malware found with its kind and credential stealing: consistent.
    expect(checkIssue(check({ malwareFound: true, credentialStealing: true, malwareKind: 'Trojan' }))).toBeNull();
    expect(checkIssue(check({ malwareFound: true, malwareKind: 'Trojan', cleaned: true, osReinstalled: true, remediatedOn: '2024-01-10' }))).toBeNull();
    expect(checkIssue(check({ osReinstalled: true }))).toStrictEqual({ path: 'remediatedOn', issue: 'remediation_date_missing' });
    expect(checkIssue(check({ malwareFound: true, cleaned: true, remediatedOn: '2024-01-09' }))).toStrictEqual({ path: 'remediatedOn', issue: 'remediation_before_check' });
    expect(checkIssue(check({ malwareFound: true, remediatedOn: '2024-01-09' }))).toStrictEqual({ path: 'remediatedOn', issue: 'remediation_date_without_action' });
  });

  it('licence expiring soon needs antivirus installed and licensed', () => {
    const c = { checkedOn: '2024-01-05', avInstalled: true, avLicensed: true, licenceExpiresOn: '2024-02-01' };
    expect(licenceExpiringSoon(c, '2024-01-20')).toBe(true);
    expect(licenceExpiringSoon({ ...c, avInstalled: false }, '2024-01-20')).toBe(false);
    expect(licenceExpiringSoon({ ...c, avLicensed: false }, '2024-01-20')).toBe(false);
    expect(licenceExpiringSoon(c, '2024-01-20', 11)).toBe(false);
    expect(licenceExpiringSoon(c, '2024-01-20', 12)).toBe(true);
  });
});
