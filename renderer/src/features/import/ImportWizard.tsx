import { useEffect, useRef, useState, type DragEvent } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import {
  FIELDS_OF, MAX_FILE_BYTES, POLICIES_OF,
  type DuplicatePolicy, type ImportCommitResult, type ImportField, type ImportKind, type ImportMapping, type ImportPreview, type ImportPreviewRow,
} from '../../../../shared/import/schema';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { downloadBase64, readAsBase64 } from './fileBytes';
import './import.css';

const T = vi.import;
type Phase = 'pick' | 'reading' | 'review' | 'checking' | 'committing' | 'done';

const fieldLabel = (kind: ImportKind, field: ImportField) => (kind !== 'staff' && field === 'fullName' ? T.ownerField : T.fields[field]);

interface Props {
  /** The kinds this screen offers (Cán bộ: staff; Tài khoản: accounts and confirmations). */
  kinds: ImportKind[];
  onClose: () => void;
  onImported: (result: ImportCommitResult) => void;
}

/**
 * "Nhập từ Excel": pick a file → the core finds the sheet, the header row and the columns →
 * the user corrects the mapping and sees every row's problems → one click imports it all in one
 * transaction. Nothing is written before that click.
 */
export function ImportWizard({ kinds, onClose, onImported }: Props) {
  const api = useApi();
  const [kind, setKind] = useState<ImportKind>(kinds[0]!);
  const [phase, setPhase] = useState<Phase>('pick');
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [rows, setRows] = useState<ImportPreviewRow[]>([]);
  const [systems, setSystems] = useState<TrackedSystem[]>([]);
  const [systemId, setSystemId] = useState<number | undefined>();
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (kind !== 'staff') void api['systems.list']({}).then(setSystems).catch(() => setSystems([]));
  }, [api, kind]);

  const stage = async (file: File) => {
    setError(null);
    setFileName(file.name);
    if (file.size > MAX_FILE_BYTES) {
      setError(T.errors.tooLargeUpload);
      return;
    }
    setPhase('reading');
    try {
      const dataBase64 = await readAsBase64(file);
      const p = await api['import.stage']({ kind, fileName: file.name, dataBase64 });
      setPreview(p);
      setRows(p.rows);
      setSystemId(undefined);
      setPhase('review');
    } catch (e) {
      setError((e as Error).message);
      setPhase('pick');
    }
  };

  const refresh = async (changes: { sheet?: string; headerRow?: number; mapping?: ImportMapping; duplicates?: DuplicatePolicy; systemId?: number | undefined; filter?: 'all' | 'problems' }) => {
    if (!preview) return;
    // A new sheet or header row: let the core detect the mapping again.
    const redetect = (changes.sheet !== undefined && changes.sheet !== preview.sheet) || (changes.headerRow !== undefined && changes.headerRow !== preview.headerRow);
    const next = {
      stageId: preview.stageId,
      sheet: changes.sheet ?? preview.sheet,
      mapping: redetect ? undefined : (changes.mapping ?? preview.mapping),
      duplicates: changes.duplicates ?? preview.duplicates,
      filter: changes.filter ?? preview.filter,
      ...((changes.headerRow ?? (changes.sheet ? undefined : preview.headerRow ?? undefined)) ? { headerRow: changes.headerRow ?? preview.headerRow! } : {}),
    };
    const system = 'systemId' in changes ? changes.systemId : systemId;
    setPhase('checking');
    setError(null);
    try {
      const p = await api['import.preview']({ ...next, ...(next.mapping ? { mapping: next.mapping } : {}), ...(system ? { systemId: system } : {}) });
      setPreview(p);
      setRows(p.rows);
    } catch (e) {
      setError((e as Error).message);
    }
    setPhase('review');
  };

  const more = async () => {
    if (!preview) return;
    const p = await api['import.preview']({
      stageId: preview.stageId, sheet: preview.sheet, mapping: preview.mapping, duplicates: preview.duplicates, filter: preview.filter,
      offset: rows.length, ...(preview.headerRow ? { headerRow: preview.headerRow } : {}), ...(systemId ? { systemId } : {}),
    });
    setRows((r) => [...r, ...p.rows]);
  };

  const remap = (column: number, field: ImportField | '') => {
    if (!preview) return;
    const mapping: ImportMapping = {};
    for (const [f, c] of Object.entries(preview.mapping) as [ImportField, number][]) if (c !== column && f !== field) mapping[f] = c;
    if (field) mapping[field] = column;
    void refresh({ mapping });
  };

  const commit = async () => {
    if (!preview) return;
    setPhase('committing');
    setError(null);
    try {
      const r = await api['import.commit']({
        stageId: preview.stageId, sheet: preview.sheet, mapping: preview.mapping, duplicates: preview.duplicates,
        ...(preview.headerRow ? { headerRow: preview.headerRow } : {}), ...(systemId ? { systemId } : {}),
      });
      setResult(r);
      setPhase('done');
      onImported(r);
    } catch (e) {
      setError((e as Error).message);
      setPhase('review');
    }
  };

  const template = async () => {
    try {
      const t = await api['import.template']({ kind });
      downloadBase64(t.fileName, t.dataBase64);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void stage(file);
  };

  const reset = () => {
    setPreview(null);
    setRows([]);
    setResult(null);
    setError(null);
    setPhase('pick');
    if (input.current) input.current.value = '';
  };

  const busy = phase === 'reading' || phase === 'checking' || phase === 'committing';
  const step = phase === 'pick' || phase === 'reading' ? 0 : phase === 'done' || phase === 'committing' ? 2 : 1;
  const importable = preview ? preview.counts.create + preview.counts.update : 0;
  // Rows are planned only once there is a header, every required column and a system.
  const planned = preview !== null && preview.headerRow !== null && preview.missing.length === 0 && !preview.needsSystem;
  const shownFields = preview ? FIELDS_OF[kind].filter((f) => f !== 'seq' && f !== 'givenName' && preview.mapping[f] !== undefined) : [];

  return (
    <Dialog title={T.title[kind]} onClose={onClose} wide>
      <div className="import-wizard">
        <ol className="steps" aria-label={T.title[kind]}>
          {[T.steps.file, T.steps.review, T.steps.done].map((s, i) => (
            <li key={s} className={i === step ? 'active' : ''} aria-current={i === step ? 'step' : undefined}>{s}</li>
          ))}
        </ol>
        <Progress phase={phase} fileName={fileName} />
        {error && <div className="banner error" role="alert">{error}</div>}

        {(phase === 'pick' || phase === 'reading') && (
          <div className="import-pick">
            {kinds.length > 1 && (
              <label className="import-inline">
                {T.kindLabel}
                <select value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} disabled={busy}>
                  {kinds.map((k) => <option key={k} value={k}>{T.kinds[k]}</option>)}
                </select>
              </label>
            )}
            <div
              className={`dropzone ${dragging ? 'over' : ''}`}
              onDragOver={(e) => (e.preventDefault(), setDragging(true))}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <p>{T.dropHere}</p>
              <label className="button primary file-button">
                {T.pickFile}
                <input
                  ref={input}
                  type="file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  aria-label={T.pickFile}
                  disabled={busy}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void stage(file);
                  }}
                />
              </label>
              <p className="hint">{T.fileHint}</p>
            </div>
            <p className="hint">
              {T.templateHint}{' '}
              <button type="button" className="link" onClick={() => void template()}>{T.templateButton}</button>
            </p>
          </div>
        )}

        {preview && phase !== 'pick' && phase !== 'reading' && phase !== 'done' && (
          <>
            <div className="import-source">
              <strong>{preview.fileName}</strong>
              {preview.sheets.length > 1 && (
                <label className="import-inline">
                  {T.sheet}
                  <select value={preview.sheet} disabled={busy} onChange={(e) => void refresh({ sheet: e.target.value })}>
                    {preview.sheets.map((s) => (
                      <option key={s.name} value={s.name}>{T.sheetRows(s.name, s.rows, s.recognised)}</option>
                    ))}
                  </select>
                </label>
              )}
              <label className="import-inline">
                {T.headerRow}
                <HeaderRowInput value={preview.headerRow} disabled={busy} onCommit={(row) => void refresh({ headerRow: row })} />
              </label>
              {preview.headerRow && preview.headerRows > 1 && <span className="muted small">{T.headerAt(preview.headerRow, preview.headerRows)}</span>}
            </div>
            {preview.headerRow === null && <div className="banner warn">{T.noHeader}</div>}
            {preview.legacy.map((l) => (
              <div key={l.encoding} className="banner info" role="status">{T.converted(T.encodingName[l.encoding] ?? l.encoding, l.cells)}</div>
            ))}

            <section aria-labelledby="import-mapping-title">
              <h3 id="import-mapping-title">{T.mappingTitle}</h3>
              <p className="hint">{T.mappingHint}</p>
              <div className="mapping-grid">
                {preview.columns.map((c) => {
                  const current = (Object.entries(preview.mapping) as [ImportField, number][]).find(([, col]) => col === c.index)?.[0] ?? '';
                  return (
                    <div key={c.index} className={`mapping-cell ${current ? 'mapped' : ''}`}>
                      <div className="mapping-head">
                        <span className="col-letter">{c.letter}</span> {c.label || <span className="muted">—</span>}
                      </div>
                      <select aria-label={T.mapFor(c.letter, c.label)} value={current} disabled={busy} onChange={(e) => remap(c.index, e.target.value as ImportField | '')}>
                        <option value="">{T.ignore}</option>
                        {FIELDS_OF[kind].map((f) => <option key={f} value={f}>{fieldLabel(kind, f)}</option>)}
                      </select>
                      <div className="samples muted small" title={c.samples.join(' · ')}>{c.samples.join(' · ')}</div>
                    </div>
                  );
                })}
              </div>
              {preview.missing.length > 0 && (
                <div className="banner error" role="alert">{T.missing(preview.missing.map((f) => fieldLabel(kind, f)).join(', '))}</div>
              )}
            </section>

            <div className="import-options">
              {kind !== 'staff' && (
                <label className="import-inline">
                  {T.defaultSystem}
                  <select
                    value={systemId ?? ''}
                    disabled={busy}
                    aria-invalid={preview.needsSystem || undefined}
                    onChange={(e) => {
                      const id = Number(e.target.value) || undefined;
                      setSystemId(id);
                      void refresh({ systemId: id });
                    }}
                  >
                    <option value="">{T.pickSystem}</option>
                    {systems.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
                  </select>
                </label>
              )}
              <fieldset className="policy">
                <legend>{T.duplicates}</legend>
                {POLICIES_OF[kind].map((p) => (
                  <label key={p} className="radio">
                    <input type="radio" name="duplicates" value={p} checked={preview.duplicates === p} disabled={busy} onChange={() => void refresh({ duplicates: p })} /> {T.policy[p]}
                  </label>
                ))}
              </fieldset>
            </div>
            {preview.needsSystem && <div className="banner error" role="alert">{T.errors.needSystem}</div>}

            {planned && <section aria-labelledby="import-preview-title">
              <div className="preview-head">
                <h3 id="import-preview-title">{T.steps.preview}</h3>
                <span className="counts" role="status">{T.counts(preview.counts)}</span>
                <select aria-label={T.filterProblems} value={preview.filter} disabled={busy} onChange={(e) => void refresh({ filter: e.target.value as 'all' | 'problems' })}>
                  <option value="all">{T.filterAll}</option>
                  <option value="problems">{T.filterProblems}</option>
                </select>
              </div>
              {preview.notes.length > 0 && (
                <ul className="notes small muted">
                  {preview.notes.map((n) => <li key={n}>{n}</li>)}
                </ul>
              )}
              <div className="preview-scroll">
                <table className="simple preview-table" aria-label={T.steps.preview}>
                  <thead>
                    <tr>
                      <th>{T.colRow}</th>
                      <th>{T.colAction}</th>
                      {shownFields.map((f) => <th key={f}>{fieldLabel(kind, f)}</th>)}
                      <th>{T.colProblems}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.row} className={`action-${r.action}`}>
                        <td>{r.row}</td>
                        <td><span className={`badge import-${r.action}`}>{T.action[r.action]}</span></td>
                        {shownFields.map((f) => (
                          <td key={f} className={r.problems.some((p) => p.field === f && p.level === 'error') ? 'cell-error' : ''}>
                            {r.values[f] ?? ''}
                            {r.converted?.includes(f) && <span className="converted" title={T.convertedBadge('TCVN3/VNI')}> ⇄</span>}
                          </td>
                        ))}
                        <td className="problems">
                          {r.problems.map((p, i) => (
                            <div key={i} className={p.level}>{p.column ? `[${p.column}] ` : ''}{p.message}</div>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {rows.length < preview.total && (
                <div className="preview-more">
                  <span className="muted small">{T.more(rows.length, preview.total)}</span>
                  <button type="button" className="link" onClick={() => void more()}>{T.showMore}</button>
                </div>
              )}
            </section>}

            <div className="actions">
              {preview.counts.error > 0 && <span className="muted small spacer">{T.errorsSkipped(preview.counts.error)}</span>}
              <button type="button" onClick={reset} disabled={busy}>{T.chooseAnother}</button>
              <button type="button" className="primary" onClick={() => void commit()} disabled={busy || importable === 0 || preview.missing.length > 0 || preview.needsSystem}>
                {importable === 0 ? T.nothingToImport : T.commit(importable)}
              </button>
            </div>
          </>
        )}

        {phase === 'done' && result && (
          <div className="import-done">
            <p role="status">{T.done(result)}</p>
            <div className="actions">
              <button type="button" onClick={reset}>{T.chooseAnother}</button>
              <button type="button" className="primary" onClick={onClose} autoFocus>{vi.common.close}</button>
            </div>
          </div>
        )}
      </div>
    </Dialog>
  );
}

/** The header row number: applied on Enter or when the field loses focus, not on every keystroke. */
function HeaderRowInput({ value, disabled, onCommit }: { value: number | null; disabled: boolean; onCommit: (row: number) => void }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  useEffect(() => setText(value === null ? '' : String(value)), [value]);
  const apply = () => {
    const n = Number(text);
    if (Number.isInteger(n) && n > 0 && n !== value) onCommit(n);
  };
  return (
    <input
      type="number"
      min={1}
      className="narrow"
      value={text}
      disabled={disabled}
      onChange={(e) => setText(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === 'Enter' && apply()}
    />
  );
}

/** A stepwise bar with an indeterminate stripe while the core works (reading, checking, writing). */
function Progress({ phase, fileName }: { phase: Phase; fileName: string }) {
  const label = phase === 'reading' ? T.reading(fileName) : phase === 'checking' ? T.checking : phase === 'committing' ? T.committing : '';
  const value = phase === 'reading' ? 25 : phase === 'checking' ? 60 : 85;
  if (!label) return null;
  return (
    <div className="import-progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
      <div className="import-progress-fill busy" style={{ width: `${value}%` }} />
      <span className="import-progress-label">{label}</span>
    </div>
  );
}
