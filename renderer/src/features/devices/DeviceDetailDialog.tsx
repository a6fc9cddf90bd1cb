import { useCallback, useEffect, useState } from 'react';
import type { Account } from '../../../../shared/accounts/schema';
import { formatViDate, formatViDateTime } from '../../../../shared/dates';
import type { Device, DeviceCheck } from '../../../../shared/devices/schema';
import { vi } from '../../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toast';
import { ConfirmDialog } from '../confirmations/ConfirmDialog';
import { AntivirusSummary, DeviceStateBadge } from './DeviceStateBadge';
import { CheckForm } from './CheckForm';
import { DeviceForm } from './DeviceForm';
import { deviceTitle } from './deviceTitle';
import { ForcedBadge } from './ForcedBadge';

const t = vi.devices;

type Sub = { kind: 'check' } | { kind: 'edit' } | { kind: 'confirm'; account: Account } | null;

/**
 * One device: what it is, its state, its check history (voided checks too, struck through), and
 * — after malware — the owner's accounts that must still change their password, each confirmable
 * from here.
 */
export function DeviceDetailDialog({ deviceId, systems, onClose, onChanged }: { deviceId: number; systems: TrackedSystem[]; onClose: () => void; onChanged: () => void }) {
  const api = useApi();
  const notify = useToast();
  const [device, setDevice] = useState<Device | null>(null);
  const [checks, setChecks] = useState<DeviceCheck[]>([]);
  const [pending, setPending] = useState<Account[]>([]);
  const [sub, setSub] = useState<Sub>(null);
  const [voiding, setVoiding] = useState<DeviceCheck | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api['devices.get']({ id: deviceId })
      .then((d) => {
        setDevice(d);
        // The owner recorded on the finding (the device may have changed hands since); each badge names the device that forces it.
        if (d.infectedOwnerId !== null) void api['accounts.list']({ personId: d.infectedOwnerId, forced: true, limit: 100 }).then((p) => setPending(p.rows));
        else setPending([]);
      })
      .catch((e: Error) => setError(e.message));
    void api['devices.checks']({ deviceId }).then(setChecks);
  }, [api, deviceId]);
  useEffect(load, [load]);

  const changed = () => {
    setSub(null);
    load();
    onChanged();
  };

  const voidIt = async () => {
    if (!voiding) return;
    try {
      await api['devices.voidCheck']({ id: voiding.id, reason });
      notify(t.detail.voidDone);
      setVoiding(null);
      setReason('');
      setError(null);
      load();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (device && sub?.kind === 'check') return <CheckForm device={device} onClose={() => setSub(null)} onSaved={changed} />;
  if (device && sub?.kind === 'edit') return <DeviceForm device={device} systems={systems} onClose={() => setSub(null)} onSaved={changed} />;
  if (sub?.kind === 'confirm') {
    return (
      <ConfirmDialog
        target={{ kind: 'one', accountId: sub.account.id, loginName: sub.account.loginName, systemName: sub.account.systemName, ownerName: sub.account.personName }}
        onClose={() => setSub(null)}
        onSaved={changed}
      />
    );
  }

  const systemNames = device ? systems.filter((s) => device.systemIds.includes(s.id)).map((s) => s.name) : [];
  return (
    <Dialog title={device ? t.detail.title(deviceTitle(device)) : t.detail.title('')} onClose={onClose} wide>
      {error && <div className="banner error" role="alert">{error}</div>}
      {device && (
        <>
          {device.infection === 'infected' && (
            <div className="banner forced-banner forced-infected" role="note">{t.detail.infectedBanner(formatViDate(device.infectedOn))}</div>
          )}
          {device.infection === 'remediated' && (
            <div className="banner forced-banner" role="note">{t.detail.remediatedBanner(formatViDate(device.infectedOn), formatViDate(device.remediatedOn))}</div>
          )}
          <dl className="facts">
            <dt>{t.list.device}</dt>
            <dd>{[t.kind[device.deviceKind], device.osVersion || t.os[device.os]].join(' · ')}</dd>
            <dt>{t.fields.assetTag}</dt>
            <dd>{device.assetTag ? <code>{device.assetTag}</code> : <span className="muted">{t.list.noTag}</span>}</dd>
            <dt>{t.fields.ownerId}</dt>
            <dd>
              {device.ownerName} <span className="muted">· {[device.department, device.unitName].filter(Boolean).join(' · ')}</span>
              {device.ownerStatus !== 'working' && <span className="badge status-left"> {vi.personStatus[device.ownerStatus]}</span>}
            </dd>
            <dt>{t.fields.location}</dt>
            <dd>{device.location || vi.common.none}</dd>
            <dt>{t.fields.deviceStatus}</dt>
            <dd>{t.status[device.deviceStatus]}</dd>
            <dt>{t.detail.systems}</dt>
            <dd>{systemNames.length ? systemNames.join('; ') : <span className="muted">{t.detail.noSystems}</span>}</dd>
            <dt>{t.list.state}</dt>
            <dd>
              <DeviceStateBadge device={device} />
            </dd>
            <dt>{t.list.antivirus}</dt>
            <dd>
              <AntivirusSummary device={device} />
            </dd>
          </dl>
          <div className="actions">
            <button type="button" onClick={() => setSub({ kind: 'edit' })}>{t.detail.edit}</button>
            <button type="button" className="primary" onClick={() => setSub({ kind: 'check' })} autoFocus>
              {t.detail.recordCheck}
            </button>
          </div>

          {device.infection !== 'clean' && (
            <>
              <h3>{t.detail.pendingTitle}</h3>
              {pending.length === 0 && <p className="muted">{t.detail.pendingNone}</p>}
              <ul className="dev-pending-list" aria-label={t.detail.pendingTitle}>
                {pending.map((a) => (
                  <li key={a.id}>
                    <code>{a.loginName}</code>
                    <span className="grow">{a.systemName}</span>
                    {a.forced && <ForcedBadge forced={a.forced} />}
                    {a.forced?.reason === 'remediated' && (
                      <button type="button" onClick={() => setSub({ kind: 'confirm', account: a })}>
                        {t.forced.fixRemediated}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}

          <h3>{t.detail.history}</h3>
          {checks.length === 0 && <p className="muted">{t.detail.historyEmpty}</p>}
          <ul className="dev-checks" aria-label={t.detail.history}>
            {checks.map((c) => (
              <li key={c.id} className={c.voidedAt ? 'voided' : ''}>
                <div className="check-main">
                  <strong>{formatViDate(c.checkedOn)}</strong> <span className={`badge result-${c.result}`}>{t.result[c.result]}</span> — {checkSummary(c)}
                  {c.note && <> — {c.note}</>}
                </div>
                <div className="muted small">
                  {t.detail.checkedBy(c.checker)} · {t.check.ownerAtCheck(c.ownerName)} · {t.detail.recorded(c.recordedBy, formatViDateTime(c.recordedAt))}
                </div>
                {c.voidedAt ? (
                  <div className="small void-note">{t.detail.voided(c.voidedBy ?? '', formatViDateTime(c.voidedAt), c.voidReason ?? '')}</div>
                ) : voiding?.id === c.id ? (
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void voidIt();
                    }}
                  >
                    <input aria-label={t.detail.voidReason} placeholder={t.detail.voidReason} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus maxLength={300} />
                    <button type="submit">{t.detail.void}</button>
                    <button type="button" onClick={() => setVoiding(null)}>{vi.common.cancel}</button>
                  </form>
                ) : (
                  <button type="button" className="link" onClick={() => setVoiding(c)}>{t.detail.void}</button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}

/** One line of what a check found. */
function checkSummary(c: DeviceCheck): string {
  const parts: string[] = [];
  if (!c.avInstalled) parts.push(t.problems.no_antivirus);
  else {
    const licence = c.avLicensed ? (c.licenceExpiresOn ? t.list.licensedUntil(formatViDate(c.licenceExpiresOn)) : t.list.licensedNoDate) : t.list.unlicensed;
    parts.push(`${c.avProduct || t.fields.avInstalled} (${licence})`);
    if (!c.definitionsCurrent) parts.push(t.problems.definitions_outdated);
  }
  if (c.malwareFound) parts.push(t.detail.malware(c.malwareKind, c.credentialStealing));
  if (c.remediatedOn) parts.push(t.detail.remediation(c.cleaned, c.osReinstalled, formatViDate(c.remediatedOn)));
  return parts.join('; ');
}
