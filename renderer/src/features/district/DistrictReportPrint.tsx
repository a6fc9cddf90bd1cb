import { progressPercent, type StateCounts } from '../../../../shared/campaigns/rules';
import { runningName } from '../../../../shared/reports/symbols';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { citation } from '../../../../shared/legal/schema';
import { useApi } from '../../api/context';
import { useLoaded } from '../../hooks/useLoaded';
import { OfficialHeader } from '../../components/OfficialHeader';
import { PrintFrame, Recipients, SignatureBlock } from '../print/PrintFrame';
import { directiveText, documentNumber } from '../print/ReportPrint';
import './district.css';

const P = vi.district.print;
const F = vi.figures;
const fmt = (n: number) => n.toLocaleString('vi-VN');
const counts = (f: StateCounts) => [f.total, f.toCancel, f.mustChange, f.done, f.late, f.missing];

/**
 * The receiving office's own report (Decree 30/2020 model 1.4): what the units sent, who is late
 * or missing, the figures per system, signed by the office head; the appendix lists every unit.
 */
export function DistrictReportPrint({ campaignId }: { campaignId: number }) {
  const api = useApi();
  const { data, error } = useLoaded(() => api['district.reportData']({ campaignId }), [api, campaignId]);
  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!data) return <div className="splash">{vi.common.loading}</div>;
  const { office, campaign, board } = data;
  const c = board.counts;
  const o = board.totals.overall;
  const d = board.totals.devices;
  const number = documentNumber(campaign.reportNumber, office.reportSymbol);
  const date = campaign.reportedOn ?? data.today;
  const recipient = campaign.recipient || office.recipientName;
  const missing = board.units.filter((u) => u.status === 'missing');
  return (
    <PrintFrame label={P.title}>
      <OfficialHeader unit={office} number={`${vi.reports.numberPrefix}${number}`} dateLine={vi.reports.dateLine(office.placeName, date)} />
      <h1 className="doc-title">{P.title}</h1>
      <p className="doc-subject">{P.subject(campaign.subject)}</p>
      <div className="doc-rule center" />
      {recipient && <p className="doc-kinh-gui">{vi.reports.print.recipient(recipient)}</p>}
      <p className="doc-body">{P.opening(directiveText(campaign), runningName(office.name))}</p>
      {data.legal.length > 0 && (
        <>
          <p className="doc-body">{vi.reports.print.basisTitle}</p>
          {data.legal.map((d) => (
            <p key={d.id} className="doc-basis">- {citation(d, formatViDate)};</p>
          ))}
        </>
      )}
      <p className="doc-section">{P.s1}</p>
      <p className="doc-body">{P.s1Body(runningName(office.name), c.expected, formatViDate(campaign.startDate), formatViDate(campaign.deadline), data.campaignFileSent)}</p>
      <p className="doc-section">{P.s2}</p>
      <p className="doc-body">{P.s2Body(c.expected, c.received, c.onTime, c.late, c.missing, c.others)}</p>
      {missing.length > 0 && missing.length <= 10 && <p className="doc-body">{P.missingTitle} {missing.map((u) => u.name).join('; ')}.</p>}
      {missing.length > 10 && <p className="doc-body">{P.missingMany(missing.length)}</p>}
      <p className="doc-section">{P.s3}</p>
      {/* One definition (issue 14): the five states add up to the total, split by role; devices counted once per unit. */}
      <p className="doc-body">{F.office.s3Body(o.total, o.toCancel, o.mustChange, o.done, progressPercent(o), o.late, o.missing)}</p>
      {(['admin', 'user'] as const).map((role) => {
        const r = o.byRole[role];
        return <p key={role} className="doc-body">{F.roleBody(F.roleName[role], r.total, r.toCancel, r.mustChange, r.done, r.late, r.missing)}</p>;
      })}
      <p className="doc-body">{F.office.devicesBody(d.devices, d.checked, d.licensedAv, d.infected, d.remediated)}</p>
      <p className="doc-body">{F.s2Detail}</p>
      <table className="doc-table compact district-doc">
        <colgroup>
          <col className="w-stt" />
          <col />
          {F.district.systemColumns.slice(2).map((h) => <col key={h} className="w-num" />)}
        </colgroup>
        <thead>
          <tr>
            {F.district.systemColumns.map((h) => <th key={h}>{h}</th>)}
          </tr>
        </thead>
        {[...board.totals.bySystem.map((s, i) => ({ key: s.systemKey, no: String(i + 1), name: s.systemName, units: s.units, f: s, bold: false })),
          { key: 'total', no: '', name: vi.reports.total, units: c.received, f: o, bold: true }].map((s) => (
          <tbody key={s.key}>
            <tr>
              <td className="num">{s.no}</td>
              <td>{s.bold ? <strong>{s.name}</strong> : s.name}</td>
              {[s.units, ...counts(s.f)].map((v, j) => <td key={j} className="num">{s.bold ? <strong>{fmt(v)}</strong> : fmt(v)}</td>)}
            </tr>
            {(['admin', 'user'] as const).map((role) => (
              <tr key={role}>
                <td />
                <td>{F.roleRow[role]}</td>
                <td />
                {counts(s.f.byRole[role]).map((v, j) => <td key={j} className="num">{fmt(v)}</td>)}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <p className="doc-section">{P.s4}</p>
      <p className="doc-body">{P.s4Body(data.toCancel)}</p>
      <p className="doc-section">{P.s5}</p>
      <p className="doc-body">{P.s5Body(c.missing, c.late)}</p>
      <div className="keep-together">
        <p className="doc-body">{P.closing(runningName(office.name))}</p>
        <div className="doc-footer">
          <Recipients lines={[...(recipient ? [`- ${recipient};`] : []), P.archive]} />
          <SignatureBlock authority={office.signAuthority} title={office.headTitle} name={campaign.signer ?? office.headName} />
        </div>
      </div>
      <section className="appendix" aria-label={P.appendix}>
        <p className="appendix-title">{P.appendix}</p>
        <p className="appendix-title">{P.appendixTitle}</p>
        <p className="appendix-ref">{P.appendixRef(number, formatViDate(date))}</p>
        <table className="doc-table compact district-doc">
          <colgroup>
            <col className="w-stt" />
            <col />
            <col className="w-date" />
            <col className="w-status" />
            {F.office.unitColumns.slice(4).map((h) => <col key={h} className="w-num" />)}
          </colgroup>
          <thead>
            <tr>
              {F.office.unitColumns.map((h) => <th key={h}>{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {board.units.map((u, i) => (
              <tr key={u.unitId}>
                <td className="num">{i + 1}</td>
                <td>{u.name}</td>
                <td className="num">{formatViDate(u.firstReceivedOn)}</td>
                <td className="center">{vi.district.status[u.status]}</td>
                {(u.figures ? counts(u.figures) : Array<null>(6).fill(null)).map((v, k) => <td key={k} className="num">{v === null ? '' : fmt(v)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </PrintFrame>
  );
}
