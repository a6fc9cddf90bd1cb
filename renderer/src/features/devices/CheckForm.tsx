import { useState } from 'react';
import { checkProblems, checkResult, type CheckFacts } from '../../../../shared/devices/rules';
import type { Device } from '../../../../shared/devices/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi, useToday } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, DateField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';
import { deviceTitle } from './deviceTitle';

const t = vi.devices;
const f = vi.devices.fields;

/**
 * Record one check, keyboard first: the date is today and everything else is what the last check
 * found, so a routine check is Enter (date), Enter (save). Malware opens its own section; the
 * remediation section (cleaned, OS reinstalled, date) shows when malware is found or the device
 * is still infected. The result is computed as you type, by the same rule the core stores.
 */
export function CheckForm({ device, onClose, onSaved }: { device: Device; onClose: () => void; onSaved: () => void }) {
  const api = useApi();
  const today = useToday();
  const notify = useToast();
  const errors = useFormErrors();
  const last = device.lastCheck;
  const [checkedOn, setCheckedOn] = useState<string | null>(today);
  const [checker, setChecker] = useState(last?.checker ?? '');
  // Every fact starts unticked: a check records what the checker saw, so filling only the name can
  // never record a licensed pass (issue 18). The last check's product name is kept as a hint only.
  const [avInstalled, setAvInstalled] = useState(false);
  const [avProduct, setAvProduct] = useState(last?.avProduct ?? '');
  const [avLicensed, setAvLicensed] = useState(false);
  const [licenceExpiresOn, setLicenceExpiresOn] = useState<string | null>(last?.licenceExpiresOn ?? null);
  const [definitionsCurrent, setDefinitionsCurrent] = useState(false);
  const [malwareFound, setMalwareFound] = useState(false);
  const [malwareKind, setMalwareKind] = useState('');
  const [credentialStealing, setCredentialStealing] = useState(false);
  const [cleaned, setCleaned] = useState(false);
  const [osReinstalled, setOsReinstalled] = useState(false);
  const [remediatedOn, setRemediatedOn] = useState<string | null>(today);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  const acted = cleaned || osReinstalled;
  const input = {
    deviceId: device.id,
    checkedOn: checkedOn ?? '',
    checker,
    avInstalled,
    avProduct: avInstalled ? avProduct : '',
    avLicensed: avInstalled && avLicensed,
    licenceExpiresOn: avInstalled && avLicensed ? licenceExpiresOn : null,
    definitionsCurrent: avInstalled && definitionsCurrent,
    malwareFound,
    malwareKind: malwareFound ? malwareKind : '',
    credentialStealing: malwareFound && credentialStealing,
    cleaned,
    osReinstalled,
    remediatedOn: acted ? remediatedOn : null,
    note,
  };
  const facts: CheckFacts = { ...input, checkedOn: checkedOn ?? today };
  const openInfection = device.infection === 'infected' ? device.infectedOn : null;
  const problems = checkProblems(facts, device.needsLicensedAv, openInfection);
  const result = checkResult(facts, device.needsLicensedAv, openInfection);
  const showRemediation = malwareFound || device.infection === 'infected';

  const save = async () => {
    if (saving) return;
    setSaving(true);
    errors.clear();
    if (!errors.check('devices.recordCheck', input)) {
      setSaving(false);
      return;
    }
    try {
      await api['devices.recordCheck'](input);
      if (malwareFound && !(cleaned && osReinstalled)) {
        const after = await api['devices.get']({ id: device.id });
        notify(t.check.savedInfected(after.pendingAccounts), 'error');
      } else notify(t.check.saved);
      onSaved();
    } catch (e) {
      errors.show(e);
      setSaving(false);
    }
  };

  return (
    <Dialog title={t.check.title(deviceTitle(device))} onClose={onClose} wide>
      <form
        className="check-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {errors.formError && <div className="banner error" role="alert">{errors.formError}</div>}
        <div className="form-grid">
          <DateField label={f.checkedOn!} value={checkedOn} onChange={setCheckedOn} error={errors.fieldErrors.checkedOn} required autoFocus />
          <TextField label={f.checker!} value={checker} onChange={setChecker} error={errors.fieldErrors.checker} required maxLength={120} />
          <TextField label={vi.fields.note!} value={note} onChange={setNote} error={errors.fieldErrors.note} maxLength={500} />
        </div>
        <fieldset>
          <legend>{t.check.antivirus}</legend>
          <div className="checks">
            <CheckboxField label={f.avInstalled!} checked={avInstalled} onChange={setAvInstalled} />
            {avInstalled && <CheckboxField label={f.avLicensed!} checked={avLicensed} onChange={setAvLicensed} />}
            {avInstalled && <CheckboxField label={f.definitionsCurrent!} checked={definitionsCurrent} onChange={setDefinitionsCurrent} />}
          </div>
          {avInstalled && (
            <div className="form-grid">
              <TextField label={f.avProduct!} value={avProduct} onChange={setAvProduct} error={errors.fieldErrors.avProduct} placeholder={t.check.productExample} maxLength={120} />
              {avLicensed && <DateField label={f.licenceExpiresOn!} value={licenceExpiresOn} onChange={setLicenceExpiresOn} error={errors.fieldErrors.licenceExpiresOn} />}
            </div>
          )}
          {device.needsLicensedAv && <p className="hint">{t.list.needsLicence}</p>}
        </fieldset>
        <fieldset>
          <legend>{t.check.malware}</legend>
          <div className="checks">
            <CheckboxField label={f.malwareFound!} checked={malwareFound} onChange={setMalwareFound} />
            {malwareFound && <CheckboxField label={f.credentialStealing!} checked={credentialStealing} onChange={setCredentialStealing} />}
          </div>
          {malwareFound && (
            <div className="form-grid">
              <TextField label={f.malwareKind!} value={malwareKind} onChange={setMalwareKind} error={errors.fieldErrors.malwareKind} placeholder={t.check.malwareKindExample} maxLength={200} />
            </div>
          )}
        </fieldset>
        {showRemediation && (
          <fieldset>
            <legend>{t.check.remediation}</legend>
            <p className="hint">{t.check.remediationHint}</p>
            <div className={`checks remediation-row ${acted ? 'with-date' : ''}`}>
              <CheckboxField label={f.cleaned!} checked={cleaned} onChange={setCleaned} />
              <CheckboxField label={f.osReinstalled!} checked={osReinstalled} onChange={setOsReinstalled} />
              {acted && <DateField label={f.remediatedOn!} value={remediatedOn} onChange={setRemediatedOn} error={errors.fieldErrors.remediatedOn} required />}
            </div>
          </fieldset>
        )}
        <p className="preview" aria-live="polite">
          <strong>{t.check.preview}:</strong>
          <span className={`badge result-${result}`}>{t.result[result]}</span>
          {problems.length > 0 && <span className="muted">{problems.map((p) => t.problems[p]).join('; ')}</span>}
        </p>
        <div className="actions">
          <button type="button" onClick={onClose}>{vi.common.cancel}</button>
          <button type="submit" className="primary" disabled={saving}>{saving ? vi.common.saving : vi.common.save}</button>
        </div>
      </form>
    </Dialog>
  );
}
