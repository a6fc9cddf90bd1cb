import { describe, expect, it } from 'vitest';
import {
  checkIssue, checkProblems, checkResult, checkWindowStart, deviceState, expiringLimit, forcedChange, infectionOf, infectionState, licenceExpiringSoon,
  type CheckFacts, type DeviceFacts, type InfectionFacts, type OwnerDevice,
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
