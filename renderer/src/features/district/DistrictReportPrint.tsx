import { progressPercent } from '../../../../shared/campaigns/rules';
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
const fmt = (n: number) => n.toLocaleString('vi-VN');

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
      <p className="doc-body">{P.s2Body(c.expected, c.received, c.onTime, c.late, c.missing)}</p>
      {missing.length > 0 && missing.length <= 10 && <p className="doc-body">{P.missingTitle} {missing.map((u) => u.name).join('; ')}.</p>}
      {missing.length > 10 && <p className="doc-body">{P.missingMany(missing.length)}</p>}
      <p className="doc-section">{P.s3}</p>
      <p className="doc-body">{P.s3Body(o.total, o.done, progressPercent(o), o.late, o.missing)}</p>
      <table className="doc-table compact district-doc">
        <colgroup>
          <col className="w-stt" />
          <col />
          {vi.district.xlsx.systemColumns.slice(2).map((h) => <col key={h} className="w-num" />)}
        </colgroup>
        <thead>
          <tr>
            {vi.district.xlsx.systemColumns.map((h) => <th key={h}>{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {board.totals.bySystem.map((s, i) => (
            <tr key={s.systemKey}>
              <td className="num">{i + 1}</td>
              <td>{s.systemName}</td>
              {[s.units, s.total, s.admin, s.user, s.done, s.late, s.missing, s.toCancel].map((v, j) => <td key={j} className="num">{fmt(v)}</td>)}
            </tr>
          ))}
          <tr>
            <td />
            <td><strong>{vi.reports.total}</strong></td>
            {[c.received, o.total, o.admin, o.user, o.done, o.late, o.missing, o.toCancel].map((v, j) => <td key={j} className="num"><strong>{fmt(v)}</strong></td>)}
          </tr>
        </tbody>
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
            {P.unitColumns.slice(4).map((h) => <col key={h} className="w-num" />)}
          </colgroup>
          <thead>
            <tr>
              {P.unitColumns.map((h) => <th key={h}>{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {board.units.map((u, i) => (
              <tr key={u.unitId}>
                <td className="num">{i + 1}</td>
                <td>{u.name}</td>
                <td className="num">{formatViDate(u.firstReceivedOn)}</td>
                <td className="center">{vi.district.status[u.status]}</td>
                {(['total', 'done', 'late', 'missing', 'toCancel'] as const).map((k) => <td key={k} className="num">{u.figures ? fmt(u.figures[k]) : ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </PrintFrame>
  );
}
