import { useRef, useState } from 'react';
import { formatViDateTime } from '../../../../shared/dates';
import { REGISTER_KINDS, type RegisterKind, type RegisterUnit, type UnitListImportResult } from '../../../../shared/district/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { FormDialog } from '../../components/FormDialog';
import { SelectField, TextField } from '../../components/fields';
import { ProgressBar } from '../../components/ProgressBar';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';
import { readAsBase64 } from '../import/fileBytes';
import { followJob } from './runJob';

const T = vi.district.register;

/** "Đơn vị trực thuộc": the units the office collects from — edited one by one or imported from a list. */
export function RegisterTab({ units, onChanged }: { units: RegisterUnit[]; onChanged: () => void }) {
  const api = useApi();
  const notify = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [editing, setEditing] = useState<RegisterUnit | 'new' | null>(null);
  const [importing, setImporting] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<UnitListImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const importList = async (file: File) => {
    setError(null);
    setResult(null);
    setImporting({ done: 0, total: 1 });
    try {
      const { jobId } = await api['district.importUnits']({ fileName: file.name, dataBase64: await readAsBase64(file) });
      setResult(await followJob<UnitListImportResult>(api, jobId, (done, total) => setImporting({ done, total })));
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setImporting(null);
    }
  };

  const remove = async (u: RegisterUnit) => {
    if (!window.confirm(T.removeConfirm(u.name))) return;
    try {
      await api['district.removeUnit']({ id: u.id });
      notify(T.removed(u.name));
      onChanged();
    } catch (e) {
      notify((e as Error).message, 'error');
    }
  };

  return (
    <>
      <div className="card">
        <div className="card-head">
          <h2>{T.title} <span className="muted small">— {T.count(units.length)}</span></h2>
          <div className="actions left tight">
            <button type="button" onClick={() => input.current?.click()} disabled={importing !== null}>{T.importList}</button>
            <button type="button" className="primary" onClick={() => setEditing('new')}>+ {T.add}</button>
          </div>
          <input
            ref={input}
            type="file"
            hidden
            accept=".xlsx,.csv,text/csv"
            aria-label={T.importList}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importList(f);
              e.target.value = '';
            }}
          />
        </div>
        <p className="hint">{T.importHint}</p>
        {importing && <ProgressBar value={importing.done} max={importing.total} label={T.importing} />}
        {error && <div className="banner error" role="alert">{error}</div>}
        {result && (
          <div className={`banner ${result.problems.length ? 'warn' : 'ok'}`} role="status">
            <div>{T.imported(result.created, result.updated, result.unchanged)}</div>
            {result.problems.length > 0 && (
              <>
                <div>{T.problems(result.problems.length)}</div>
                <ul className="small">
                  {result.problems.slice(0, 50).map((p) => <li key={p.row}>{T.problemRow(p.row, p.message)}</li>)}
                </ul>
              </>
            )}
          </div>
        )}
        {units.length === 0 && <p className="muted">{T.empty}</p>}
        {units.length > 0 && (
          <table className="simple" aria-label={T.title}>
            <thead>
              <tr>
                <th>{T.name}</th>
                <th>{T.code}</th>
                <th>{T.kind}</th>
                <th>{T.contact}</th>
                <th>{T.key}</th>
                <th className="num">{T.colFiles}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td><code>{u.code}</code></td>
                  <td>{vi.district.kinds[u.kind]}</td>
                  <td className="small">{u.contact}</td>
                  <td className="small">{u.key ? T.keyPinned(u.key.fingerprint, formatViDateTime(u.key.confirmedAt), u.key.confirmedBy) : <span className="muted">{T.noKey}</span>}</td>
                  <td className="num">{u.submissions.toLocaleString('vi-VN')}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="link" onClick={() => setEditing(u)} aria-label={`${vi.common.edit} ${u.name}`}>{vi.common.edit}</button>
                      {u.people === 0 && u.submissions === 0 && !u.key && (
                        <button type="button" className="link" onClick={() => void remove(u)} aria-label={`${T.remove} ${u.name}`}>{T.remove}</button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {editing && (
        <UnitForm
          unit={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(u) => {
            setEditing(null);
            notify(T.saved(u.name));
            onChanged();
          }}
        />
      )}
    </>
  );
}

function UnitForm({ unit, onClose, onSaved }: { unit: RegisterUnit | null; onClose: () => void; onSaved: (u: RegisterUnit) => void }) {
  const api = useApi();
  const errors = useFormErrors();
  const [draft, setDraft] = useState({ name: unit?.name ?? '', code: unit?.code ?? '', kind: (unit?.kind ?? 'ward') as RegisterKind, contact: unit?.contact ?? '' });
  const save = async () => {
    errors.clear();
    const input = { ...(unit ? { id: unit.id } : {}), ...draft };
    if (!errors.check('district.saveUnit', input)) return;
    try {
      onSaved(await api['district.saveUnit'](input));
    } catch (e) {
      errors.show(e);
    }
  };
  return (
    <FormDialog title={unit ? T.edit : T.add} onClose={onClose} onSubmit={save} error={errors.formError}>
      <div className="form-grid">
        <TextField label={T.name} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} error={errors.fieldErrors.name} required autoFocus />
        <TextField label={T.code} value={draft.code} onChange={(code) => setDraft({ ...draft, code })} error={errors.fieldErrors.code} required maxLength={40} />
        <SelectField label={T.kind} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} options={REGISTER_KINDS.map((k) => ({ value: k, label: vi.district.kinds[k] }))} />
        <TextField label={T.contact} value={draft.contact} onChange={(contact) => setDraft({ ...draft, contact })} hint={T.contactHint} error={errors.fieldErrors.contact} />
      </div>
    </FormDialog>
  );
}
