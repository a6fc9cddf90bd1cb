import { formatViDate } from '../../../../shared/dates';
import { unitSecurityResult, type BoardNotices, type UnitNotices } from '../../../../shared/district/notices';
import { vi } from '../../../../shared/i18n/vi';

const T = vi.districtNotices;
const fmt = (n: number) => n.toLocaleString('vi-VN');
const RESULT_TONE = { ok: 'sub-on_time', flagged: 'sub-missing', none: '' } as const;

/**
 * Tổng hợp (receiving office), issue 21: each unit's data connections to the systems that require
 * site-to-site VPN (Rule 7) and its security-feature checks (Rule 8), from its current signed file;
 * the total row is the sum of the rows shown.
 */
export function BoardNoticesCard({ notices }: { notices: BoardNotices }) {
  const t = notices.total;
  return (
    <div className="card" data-testid="board-notices">
      <h2>{T.title}</h2>
      <p className="muted small">{T.lead}</p>
      {notices.units.length === 0 ? (
        <p className="muted">{T.empty}</p>
      ) : (
        <div className="board-notices-wrap">
          <table className="simple board-notices" aria-label={T.title}>
            <colgroup><col className="w-unit" /></colgroup>
            <thead>
              <tr>
                <th rowSpan={2} scope="col">{T.colUnit}</th>
                <th colSpan={4} scope="colgroup">{T.groupConnections}</th>
                <th colSpan={5} scope="colgroup">{T.groupSecurity}</th>
              </tr>
              <tr>
                {[T.colConnections, T.colSiteToSite, T.colNonCompliant, T.colNotChecked, T.colSystems, T.colOverdue, T.colUnused].map((c) => (
                  <th key={c} scope="col" className="num">{c}</th>
                ))}
                <th scope="col">{T.colLastCheck}</th>
                <th scope="col">{T.colResult}</th>
              </tr>
            </thead>
            <tbody>
              {notices.units.map((u) => <UnitRow key={u.unitId} u={u} />)}
              <tr className="total-row">
                <td>{T.total}</td>
                {[t.connections.connections, t.connections.siteToSite, t.connections.nonCompliant, t.connections.notChecked, t.security.systems, t.security.overdue, t.security.unused].map(
                  (v, i) => <td key={i} className="num">{fmt(v)}</td>,
                )}
                <td />
                <td />
              </tr>
            </tbody>
          </table>
          <p className="small">{T.totalUnits(t.unitsNonCompliant, t.unitsSecurityFlagged)}</p>
        </div>
      )}
    </div>
  );
}

function UnitRow({ u }: { u: UnitNotices }) {
  const c = u.connections;
  const s = u.security;
  const result = s ? unitSecurityResult(s) : null;
  const warn = (v: number) => (v > 0 ? 'num warn-text' : 'num');
  return (
    <tr data-unit={u.code}>
      <td>
        <div>{u.name}</div>
        <div className="muted small">{u.code}</div>
      </td>
      {c ? (
        <>
          <td className="num">{fmt(c.connections)}</td>
          <td className="num">{fmt(c.siteToSite)}</td>
          <td className={warn(c.nonCompliant)}>{fmt(c.nonCompliant)}</td>
          <td className={warn(c.notChecked)}>{fmt(c.notChecked)}</td>
        </>
      ) : (
        <td colSpan={4} className="muted">{T.notStated}</td>
      )}
      {s && result ? (
        <>
          <td className="num">{fmt(s.systems)}</td>
          <td className={warn(s.overdue)}>{fmt(s.overdue)}</td>
          <td className={warn(s.unused)}>{fmt(s.unused)}</td>
          <td>{s.lastCheckedOn ? formatViDate(s.lastCheckedOn) : <span className="muted">{T.neverChecked}</span>}</td>
          <td>{result === 'none' ? <span className="muted small">{T.result.none}</span> : <span className={`badge ${RESULT_TONE[result]}`}>{T.result[result]}</span>}</td>
        </>
      ) : (
        <td colSpan={5} className="muted">{T.notStated}</td>
      )}
    </tr>
  );
}
