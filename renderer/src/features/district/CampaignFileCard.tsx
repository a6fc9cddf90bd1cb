import { useEffect, useState } from 'react';
import type { CampaignFileExport, RegisterUnit } from '../../../../shared/district/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { useToast } from '../../components/Toast';
import { downloadBase64 } from '../../hooks/useJob';

const T = vi.district;

/** Going down: which units must report in this campaign, and the signed campaign file to send them. */
export function CampaignFileCard({ campaignId, units, onChanged }: { campaignId: number; units: RegisterUnit[]; onChanged: () => void }) {
  const api = useApi();
  const notify = useToast();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [dirty, setDirty] = useState(false);
  const [exported, setExported] = useState<CampaignFileExport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setExported(null);
    setDirty(false);
    void api['district.expected']({ campaignId }).then((ids) => setSelected(new Set(ids.length ? ids : units.map((u) => u.id))));
  }, [api, campaignId, units]);

  const toggle = (id: number) => {
    setDirty(true);
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const saveExpected = async () => {
    try {
      const ids = await api['district.setExpected']({ campaignId, unitIds: [...selected] });
      notify(T.expected.saved(ids.length));
      setDirty(false);
      onChanged();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  const exportFile = async () => {
    setError(null);
    try {
      if (dirty) await saveExpected();
      setExported(await api['campaignFile.export']({ campaignId }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="card" aria-labelledby="campaign-file-title">
      <h2 id="campaign-file-title">{T.campaignFile.title}</h2>
      <p className="hint">{T.campaignFile.hint}</p>
      <details className="expected-units">
        <summary>
          {T.expected.title}: <strong>{T.expected.count(selected.size, units.length)}</strong>
        </summary>
        <p className="hint">{T.expected.hint}</p>
        <div className="actions left">
          <button type="button" onClick={() => (setDirty(true), setSelected(new Set(units.map((u) => u.id))))}>{T.expected.all}</button>
          <button type="button" onClick={() => (setDirty(true), setSelected(new Set()))}>{T.expected.none}</button>
          <button type="button" className="primary" disabled={!dirty || selected.size === 0} onClick={() => void saveExpected()}>{T.expected.save}</button>
        </div>
        <ul className="expected-list">
          {units.map((u) => (
            <li key={u.id}>
              <label className="checkbox-inline">
                <input type="checkbox" checked={selected.has(u.id)} onChange={() => toggle(u.id)} /> {u.name} <span className="muted small">({u.code})</span>
              </label>
            </li>
          ))}
        </ul>
      </details>
      <div className="actions left">
        <button type="button" className="primary" onClick={() => void exportFile()} disabled={selected.size === 0}>{T.campaignFile.export}</button>
      </div>
      {error && <div className="banner error" role="alert">{error}</div>}
      {exported && (
        <div className="banner ok" role="status">
          <div>{T.campaignFile.exported(exported.filePath)}</div>
          <div className="small">{T.campaignFile.reference(exported.reference)}</div>
          <div className="small">{T.campaignFile.fingerprint(exported.fingerprint)}</div>
          <button type="button" onClick={() => downloadBase64(exported.fileName, exported.dataBase64, 'application/json')}>{T.campaignFile.download}</button>
        </div>
      )}
    </div>
  );
}
