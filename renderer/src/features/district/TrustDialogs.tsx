import { useState } from 'react';
import type { SubmissionFileResult } from '../../../../shared/district/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, TextField } from '../../components/fields';

const K = vi.trust.keys;
const I = vi.trust.identity;

/**
 * A unit's first key: the fingerprint shown large, to be compared with the one printed on the
 * unit's signed paper report; the clerk ticks that they match before the file goes in.
 */
export function ConfirmKeyDialog({ result, onConfirm, onClose }: { result: SubmissionFileResult; onConfirm: () => void; onClose: () => void }) {
  const [checked, setChecked] = useState(false);
  return (
    <Dialog title={K.confirm.title} onClose={onClose}>
      <p>{K.confirm.body(result.unitName ?? '')}</p>
      <p className="fingerprint-big" aria-label={vi.district.register.key}>{result.fingerprint}</p>
      <CheckboxField label={K.confirm.checked} checked={checked} onChange={setChecked} />
      <div className="actions">
        <button type="button" onClick={onClose}>{vi.common.cancel}</button>
        <button type="button" className="primary" disabled={!checked} onClick={onConfirm}>{K.confirm.action}</button>
      </div>
    </Dialog>
  );
}

/**
 * The explicit key change of one unit: the pinned and the new fingerprint side by side, the new
 * one typed again from the unit's new paper report, and a reason; audited by the core.
 */
export function ChangeKeyDialog({ result, onChanged, onClose }: { result: SubmissionFileResult; onChanged: () => void; onClose: () => void }) {
  const api = useApi();
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api['district.changeKey']({ unitCode: result.unitCode!, publicKey: result.publicKey!, fingerprint: typed.trim().toUpperCase(), reason: reason.trim() });
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={K.change.title} onClose={onClose}>
      <p>{K.change.body(result.unitName ?? '')}</p>
      <dl className="key-compare">
        <dt>{K.change.oldKey}</dt>
        <dd className="fingerprint" aria-label={K.change.oldKey}>{result.pinnedFingerprint}</dd>
        <dt>{K.change.newKey}</dt>
        <dd className="fingerprint" aria-label={K.change.newKey}>{result.fingerprint}</dd>
      </dl>
      <TextField label={K.change.typed} value={typed} onChange={setTyped} placeholder="XXXX-XXXX-XXXX-XXXX" maxLength={19} required />
      <TextField label={K.change.reason} value={reason} onChange={setReason} maxLength={500} required />
      {error && <div className="banner error" role="alert">{error}</div>}
      <div className="actions">
        <button type="button" onClick={onClose}>{vi.common.cancel}</button>
        <button type="button" className="primary" disabled={busy || typed.trim() === '' || reason.trim() === ''} onClick={() => void submit()}>{K.change.action}</button>
      </div>
    </Dialog>
  );
}

/** A file naming its unit differently from the register: both names shown; confirmed only by the clerk. */
export function ConfirmIdentityDialog({ result, onConfirm, onClose }: { result: SubmissionFileResult; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog title={I.confirmTitle} onClose={onClose}>
      <p>{I.confirmBody(result.fileUnitName ?? '', result.unitName ?? '', result.unitCode ?? '')}</p>
      <div className="actions">
        <button type="button" onClick={onClose}>{vi.common.cancel}</button>
        <button type="button" className="primary" onClick={onConfirm}>{I.confirmAction(result.unitName ?? '')}</button>
      </div>
    </Dialog>
  );
}
