import { useEffect, useState } from 'react';
import { formatViDate, formatViDateTime } from '../../../../shared/dates';
import {
  REGISTER_KINDS, SUBMISSION_STATUSES, type BoardUnit, type DistrictBoard, type RegisterKind, type SubmissionEntry, type SubmissionStatus,
} from '../../../../shared/district/schema';
import { vi } from '../../../../shared/i18n/vi';
import { useApi } from '../../api/context';
import { Dialog } from '../../components/Dialog';
import { BoardNoticesCard } from './BoardNoticesCard';

const T = vi.district.board;
const B = vi.figures.board;
const fmt = (n: number | undefined) => (n ?? 0).toLocaleString('vi-VN');

/** The status board: counts, filters, every unit's status and figures, totals per system, the units to chase. */
export function BoardView({ board, kind, status, onFilter }: {
  board: DistrictBoard;
  kind: RegisterKind | undefined;
  status: SubmissionStatus | undefined;
  onFilter: (f: { kind?: RegisterKind | undefined; status?: SubmissionStatus | undefined }) => void;
}) {
  const [history, setHistory] = useState<BoardUnit | null>(null);
  const c = board.counts;
  const chips: { key: SubmissionStatus | undefined; label: string; value: number; tone: string }[] = [
    { key: undefined, label: T.expected, value: c.expected, tone: '' },
    { key: 'on_time', label: vi.district.status.on_time, value: c.onTime, tone: 'ok' },
    { key: 'late', label: vi.district.status.late, value: c.late, tone: 'warn' },
    { key: 'missing', label: vi.district.status.missing, value: c.missing, tone: 'bad' },
  ];
  return (
    <>
      <div className="stat-row district-stats" role="group" aria-label={T.filterStatus}>
        {chips.map((s) => (
          <button
            type="button"
            key={s.label}
            className={`stat district-stat ${s.tone} ${status === s.key ? 'on' : ''}`}
            aria-pressed={status === s.key}
            onClick={() => onFilter({ kind, status: s.key })}
          >
            <div className="stat-value">{fmt(s.value)}</div>
            <div className="stat-label">{s.label}</div>
          </button>
        ))}
      </div>
      <div className="toolbar">
        <label className="inline-filter">
          {T.filterKind}{' '}
          <select value={kind ?? ''} onChange={(e) => onFilter({ kind: (e.target.value || undefined) as RegisterKind | undefined, status })} aria-label={T.filterKind}>
            <option value="">{vi.common.all}</option>
            {REGISTER_KINDS.map((k) => <option key={k} value={k}>{vi.district.kinds[k]}</option>)}
          </select>
        </label>
        <label className="inline-filter">
          {T.filterStatus}{' '}
          <select value={status ?? ''} onChange={(e) => onFilter({ kind, status: (e.target.value || undefined) as SubmissionStatus | undefined })} aria-label={T.filterStatus}>
            <option value="">{vi.common.all}</option>
            {SUBMISSION_STATUSES.map((s) => <option key={s} value={s}>{vi.district.status[s]}</option>)}
          </select>
        </label>
        <span className="muted small">{vi.common.results(board.units.length, board.units.length)}</span>
      </div>
      <div className="card district-table-card">
        <table className="simple district-board" aria-label={vi.district.title}>
          <thead>
            <tr>
              <th>{T.colUnit}</th>
              <th>{T.colStatus}</th>
              <th>{T.colReceived}</th>
              <th className="num">{T.colTotal}</th>
              <th className="num">{T.colDone}</th>
              <th className="num">{T.colLate}</th>
              <th className="num">{T.colMissing}</th>
              <th className="num">{B.colMustChange}</th>
              <th className="num">{T.colCancel}</th>
              <th>{B.colReport}</th>
              <th>{T.colFiles}</th>
            </tr>
          </thead>
          <tbody>
            {board.units.length === 0 && (
              <tr><td colSpan={11} className="muted">{T.empty}</td></tr>
            )}
            {board.units.map((u) => (
              <tr key={u.unitId}>
                <td>
                  <div>{u.name}</div>
                  <div className="muted small">{u.code} · {vi.district.kinds[u.kind]}{!u.expected && ` · ${T.notExpected}`}</div>
                  {u.signer && (
                    <div className="small" data-testid="board-signer">
                      <span className="badge sub-on_time">{vi.signing.office.boardSigned}</span> {vi.signing.office.boardSigner(u.signer.commonName, u.signer.organisation)}
                    </div>
                  )}
                </td>
                <td><span className={`badge sub-${u.status}`}>{vi.district.status[u.status]}</span></td>
                <td>{formatViDate(u.firstReceivedOn)}{u.lastReceivedOn && u.lastReceivedOn !== u.firstReceivedOn && <div className="muted small">{formatViDate(u.lastReceivedOn)}</div>}</td>
                <td className="num">{u.figures ? fmt(u.figures.total) : ''}</td>
                <td className="num">{u.figures ? fmt(u.figures.done) : ''}</td>
                <td className="num">{u.figures ? fmt(u.figures.late) : ''}</td>
                <td className="num">{u.figures ? fmt(u.figures.missing) : ''}</td>
                <td className="num">{u.figures ? fmt(u.figures.mustChange) : ''}</td>
                <td className="num">{u.figures ? fmt(u.figures.toCancel) : ''}</td>
                <td className="small" data-testid="board-report">
                  {u.submissionId !== null && (u.report ? B.reportOn(u.report.number, formatViDate(u.report.date)) : <span className="muted">{B.notNumbered}</span>)}
                </td>
                <td>
                  {u.files > 0 && (
                    <button type="button" className="link" onClick={() => setHistory(u)} aria-label={`${T.history}: ${u.name}`}>
                      {fmt(u.files)} · {T.history}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <UnitDetail units={board.units} />

      <div className="card">
        <h2>{T.totalsTitle}</h2>
        <table className="simple" aria-label={T.totalsTitle}>
          <thead>
            <tr>
              <th>{vi.reports.summaryColumns[1]}</th>
              <th className="num">{T.totalsUnits}</th>
              <th className="num">{T.colTotal}</th>
              <th className="num">{vi.reports.summaryColumns[3]}</th>
              <th className="num">{vi.reports.summaryColumns[4]}</th>
              <th className="num">{T.colDone}</th>
              <th className="num">{T.colLate}</th>
              <th className="num">{T.colMissing}</th>
              <th className="num">{T.colCancel}</th>
            </tr>
          </thead>
          <tbody>
            {board.totals.bySystem.map((s) => (
              <tr key={s.systemKey}>
                <td>{s.systemName}</td>
                {[s.units, s.total, s.admin, s.user, s.done, s.late, s.missing, s.toCancel].map((v, i) => <td key={i} className="num">{fmt(v)}</td>)}
              </tr>
            ))}
            <tr className="total-row">
              <td>{vi.reports.total}</td>
              <td className="num">{fmt(c.received)}</td>
              {(['total', 'admin', 'user', 'done', 'late', 'missing', 'toCancel'] as const).map((k) => <td key={k} className="num">{fmt(board.totals.overall[k])}</td>)}
            </tr>
          </tbody>
        </table>
      </div>

      <BoardNoticesCard notices={board.notices} />

      <div className="card">
        <h2>{T.chaseTitle}</h2>
        {board.chase.length === 0 && <p className="muted">{T.chaseEmpty}</p>}
        {board.chase.length > 0 && (
          <table className="simple" aria-label={T.chaseTitle}>
            <thead>
              <tr>
                <th>{T.colUnit}</th>
                <th>{T.colStatus}</th>
                <th>{T.colContact}</th>
              </tr>
            </thead>
            <tbody>
              {board.chase.map((u) => (
                <tr key={u.unitId}>
                  <td>{u.name} <span className="muted small">({u.code})</span></td>
                  <td>
                    <span className={`badge sub-${u.status}`}>{vi.district.status[u.status]}</span>{' '}
                    <span className="small">
                      {u.status === 'late' && u.firstReceivedOn ? vi.district.upload.lateBy(daysAfter(board.campaign.deadline, u.firstReceivedOn)) : vi.campaigns.daysLeft(board.daysLeft)}
                    </span>
                  </td>
                  <td>{u.contact || <span className="muted">{vi.common.none}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {history && <HistoryDialog campaignId={board.campaign.id} unit={history} onClose={() => setHistory(null)} />}
    </>
  );
}

/**
 * Per unit that sent a file: its accounts by role and state (the five states, adding up to the
 * total) and its devices counted once (devices, checked, licensed AV, infected not handled,
 * handled) — the figures of its signed file, with the unit report's definitions.
 */
function UnitDetail({ units }: { units: BoardUnit[] }) {
  const received = units.filter((u) => u.figures !== null);
  const dv = (u: BoardUnit) => (u.devices ? [u.devices.devices, u.devices.checked, u.devices.licensedAv, u.devices.infected, u.devices.remediated] : null);
  return (
    <div className="card">
      <h2>{B.detailTitle}</h2>
      <p className="muted small">{B.detailNote}</p>
      {received.length === 0 ? (
        <p className="muted">{B.noFiles}</p>
      ) : (
        <table className="simple district-detail" aria-label={B.detailTitle}>
          <thead>
            <tr>
              <th>{T.colUnit}</th>
              <th>{B.colRole}</th>
              <th className="num">{T.colTotal}</th>
              <th className="num">{T.colCancel}</th>
              <th className="num">{B.colMustChange}</th>
              <th className="num">{T.colDone}</th>
              <th className="num">{T.colLate}</th>
              <th className="num">{T.colMissing}</th>
              <th className="num">{B.colDevices}</th>
              <th className="num">{B.colChecked}</th>
              <th className="num">{B.colLicensed}</th>
              <th className="num">{B.colInfected}</th>
              <th className="num">{B.colRemediated}</th>
            </tr>
          </thead>
          {received.map((u) => {
            const devices = dv(u);
            return (
              <tbody key={u.unitId} data-unit={u.code}>
                {(['admin', 'user'] as const).map((role, i) => {
                  const f = u.figures!.byRole[role];
                  return (
                    <tr key={role} data-role={role}>
                      {i === 0 && <th scope="rowgroup" rowSpan={2}>{u.name}<div className="muted small">{u.code}</div></th>}
                      <td>{B.role[role]}</td>
                      {[f.total, f.toCancel, f.mustChange, f.done, f.late, f.missing].map((v, k) => <td key={k} className="num">{fmt(v)}</td>)}
                      {i === 0 &&
                        (devices
                          ? devices.map((v, k) => <td key={`d${k}`} className="num" rowSpan={2}>{fmt(v)}</td>)
                          : <td colSpan={5} rowSpan={2} className="muted small">{B.noDevices}</td>)}
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      )}
    </div>
  );
}

function daysAfter(deadline: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
}

function HistoryDialog({ campaignId, unit, onClose }: { campaignId: number; unit: BoardUnit; onClose: () => void }) {
  const api = useApi();
  const [rows, setRows] = useState<SubmissionEntry[] | null>(null);
  useEffect(() => {
    void api['district.submissions']({ campaignId, unitId: unit.unitId }).then(setRows);
  }, [api, campaignId, unit.unitId]);
  return (
    <Dialog title={T.historyTitle(unit.name)} onClose={onClose} wide>
      {!rows && <p>{vi.common.loading}</p>}
      {rows && (
        <table className="simple" aria-label={T.historyTitle(unit.name)}>
          <thead>
            <tr>
              <th>{T.colReceived}</th>
              <th>{vi.district.upload.colFile}</th>
              <th>{vi.district.register.key}</th>
              <th className="num">{T.colTotal}</th>
              <th className="num">{T.colDone}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.current ? '' : 'muted'}>
                <td>{formatViDateTime(r.receivedAt)}<div className="muted small">{r.receivedBy}</div></td>
                <td className="small">{r.fileName}<div className="muted"><code title={r.sha256}>{r.sha256.slice(0, 12)}…</code></div></td>
                <td><code>{r.fingerprint}</code></td>
                <td className="num">{fmt(r.figures.total)}</td>
                <td className="num">{fmt(r.figures.done)}</td>
                <td>{r.current ? T.current : T.superseded}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
