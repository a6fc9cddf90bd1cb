import { useEffect, useState } from 'react';
import type { Account } from '../../../../shared/accounts/schema';
import { vi } from '../../../../shared/i18n/vi';
import { FEATURE_RESULTS, FEATURE_SCOPES, type FeatureResult, type FeatureScope } from '../../../../shared/security/rules';
import type { SecurityCheck, SecurityFeature } from '../../../../shared/security/schema';
import { useApi, useToday } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { CheckboxField, DateField, SelectField, TextField } from '../../components/fields';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';

const t = vi.security;
const f = vi.fields;

/**
 * Record one inspection: today's date, then each feature used / not used / not applicable
 * (all "used" to start with, so a routine check is the date, the checker and Enter). With
 * `perAccount`, the clerk names the account (login) and answers its personal features only.
 */
export function SecurityCheckForm({ system, features, perAccount, onClose, onSaved }: {
  system: { systemId: number; systemName: string };
  features: SecurityFeature[];
  perAccount: boolean;
  onClose: () => void;
  onSaved: (c: SecurityCheck) => void;
}) {
  const api = useApi();
  const today = useToday();
  const notify = useToast();
  const errors = useFormErrors();
  const asked = perAccount ? features.filter((x) => x.featureScope === 'account') : features;
  const [checkedOn, setCheckedOn] = useState<string | null>(today);
  const [checker, setChecker] = useState('');
  const [login, setLogin] = useState('');
  const [account, setAccount] = useState<Account | null>(null);
  const [results, setResults] = useState<Record<number, FeatureResult>>(() => Object.fromEntries(asked.map((x) => [x.id, 'used'])));
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);

  // The account is found by its login on this system as the clerk types (exact match, case-insensitive).
  useEffect(() => {
    if (!perAccount || login.trim() === '') {
      setAccount(null);
      return;
    }
    let live = true;
    void api['accounts.list']({ q: login.trim(), systemId: system.systemId, limit: 20 }).then((page) => {
      if (!live) return;
      const wanted = login.trim().toLocaleLowerCase('vi');
      setAccount(page.rows.find((a) => a.loginName.toLocaleLowerCase('vi') === wanted) ?? null);
    });
    return () => {
      live = false;
    };
  }, [api, perAccount, login, system.systemId]);

  const save = async () => {
    if (saving) return;
    errors.clear();
    if (perAccount && !account) {
      errors.show(new Error(t.accountNotFound(login)));
      return;
    }
    setSaving(true);
    try {
      const check = await api['security.recordCheck']({
        systemId: system.systemId,
        accountId: perAccount ? account!.id : null,
        checkedOn: checkedOn ?? '',
        checker,
        note,
        items: asked.map((x) => ({ featureId: x.id, result: results[x.id] ?? 'used' })),
      });
      notify(t.saved);
      onSaved(check);
    } catch (e) {
      errors.show(e);
      setSaving(false);
    }
  };

  const title = perAccount ? t.recordAccountTitle(account?.loginName ?? login, system.systemName) : t.recordTitle(system.systemName);
  return (
    <FormDialog title={perAccount ? t.recordAccount : title} onClose={onClose} onSubmit={save} error={errors.formError} busy={saving} wide>
      {perAccount && <p className="muted small">{title}</p>}
      <div className="form-grid">
        <DateField label={f.checkedOn!} value={checkedOn} onChange={setCheckedOn} error={errors.fieldErrors.checkedOn} required autoFocus />
        <TextField label={f.checker!} value={checker} onChange={setChecker} error={errors.fieldErrors.checker} required maxLength={120} />
        {perAccount && (
          <TextField
            label={t.accountLogin}
            value={login}
            onChange={setLogin}
            error={errors.fieldErrors.accountId}
            {...(account ? { hint: `${account.personName ?? vi.accounts.shared} · ${account.systemName}` } : {})}
            required
          />
        )}
      </div>
      <fieldset className="sec-items-set">
        <legend>{f.items}</legend>
        {errors.fieldErrors.items && <div className="error-text" role="alert">{errors.fieldErrors.items}</div>}
        <div className="sec-items">
          {asked.map((x) => (
            <FeatureResultRow key={x.id} feature={x} value={results[x.id] ?? 'used'} onChange={(r) => setResults((prev) => ({ ...prev, [x.id]: r }))} />
          ))}
        </div>
      </fieldset>
      <TextField label={f.note!} value={note} onChange={setNote} error={errors.fieldErrors.note} maxLength={500} />
    </FormDialog>
  );
}

function FeatureResultRow({ feature, value, onChange }: { feature: SecurityFeature; value: FeatureResult; onChange: (r: FeatureResult) => void }) {
  return (
    <>
      <div className="sec-feature" id={`feat-${feature.id}`}>
        {feature.featureName}
        <small>{t.scope[feature.featureScope]}{feature.description ? ` · ${feature.description}` : ''}</small>
      </div>
      <div className="sec-results" role="radiogroup" aria-labelledby={`feat-${feature.id}`}>
        {FEATURE_RESULTS.map((r) => (
          <label key={r} className={`res-${r}`}>
            <input type="radio" name={`feat-${feature.id}`} checked={value === r} onChange={() => onChange(r)} /> {t.result[r]}
          </label>
        ))}
      </div>
    </>
  );
}

/** Add or change one required feature of a system. */
export function FeatureForm({ systemId, feature, onClose, onSaved }: { systemId: number; feature: SecurityFeature | null; onClose: () => void; onSaved: () => void }) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [name, setName] = useState(feature?.featureName ?? '');
  const [description, setDescription] = useState(feature?.description ?? '');
  const [scope, setScope] = useState<FeatureScope>(feature?.featureScope ?? 'system');
  const [active, setActive] = useState(feature?.active ?? true);
  const save = async () => {
    errors.clear();
    try {
      await api['security.saveFeature']({ ...(feature ? { id: feature.id } : {}), systemId, featureName: name, description, featureScope: scope, active });
      notify(t.featureSaved);
      onSaved();
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <FormDialog title={feature ? t.editFeature : t.addFeature} onClose={onClose} onSubmit={save} error={errors.formError}>
      <div className="form-grid">
        <TextField label={f.featureName!} value={name} onChange={setName} error={errors.fieldErrors.featureName} required autoFocus maxLength={200} />
        <SelectField label={f.featureScope!} value={scope} onChange={setScope} options={FEATURE_SCOPES.map((s) => ({ value: s, label: t.scope[s] }))} />
        <TextField label={f.description!} value={description} onChange={setDescription} error={errors.fieldErrors.description} maxLength={500} />
        <CheckboxField label={f.active!} checked={active} onChange={setActive} />
      </div>
    </FormDialog>
  );
}

/** Void one check with a reason (the record stays, struck through). */
export function VoidCheckForm({ check, onClose, onSaved }: { check: SecurityCheck; onClose: () => void; onSaved: () => void }) {
  const api = useApi();
  const errors = useFormErrors();
  const [reason, setReason] = useState('');
  const save = async () => {
    errors.clear();
    try {
      await api['security.voidCheck']({ id: check.id, reason });
      onSaved();
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <FormDialog title={t.voidTitle} onClose={onClose} onSubmit={save} error={errors.formError} submitLabel={t.void}>
      <TextField label={vi.devices.fields.reason!} value={reason} onChange={setReason} error={errors.fieldErrors.reason} required autoFocus maxLength={300} />
    </FormDialog>
  );
}
