import { formatViDate, formatViDateTime } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { citation } from '../../../../shared/legal/schema';
import type { ReportData } from '../../../../shared/reports/schema';
import { useApi } from '../../api/context';
import { useLoaded } from '../../hooks/useLoaded';
import { OfficialHeader } from '../../components/OfficialHeader';
import { PrintFrame, Recipients, SignatureBlock } from './PrintFrame';

const p = vi.reports.print;

export function directiveText(c: ReportData['campaign']): string {
  return vi.reports.basis(c.directiveNumber, c.directiveDate ? formatViDate(c.directiveDate) : '', c.issuer).replace(/^\(Thực hiện |\)$/g, '');
}

/** "Số: 05/BC-UBND" — numbers under 10 take a leading zero (Decree 30); blank to fill in by hand when not yet numbered. */
export function documentNumber(raw: string | null, reportSymbol: string): string {
  if (!raw) return `${p.blankNumber}/${reportSymbol || 'BC'}`;
  return raw.replace(/^(\d)(?=\D|$)/, '0$1');
}

export function reportNumber(data: ReportData): string {
  return documentNumber(data.campaign.reportNumber, data.unit.reportSymbol);
}

/**
 * Báo cáo kết quả (model 1.4, Decree 30/2020 Appendix I): header, number and date line, title and
 * subject, "Kính gửi", the sections with the figures, the unit head's signature block, "Nơi nhận",
 * page numbers from page 2, and the appendix listing the accounts to cancel. Printed and signed.
 */
export function ReportPrint({ campaignId }: { campaignId: number }) {
  const api = useApi();
  const { data, error } = useLoaded(() => api['reports.data']({ campaignId }), [api, campaignId]);
  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!data) return <div className="splash">{vi.common.loading}</div>;
  const { unit, campaign, progress } = data;
  const o = progress.overall;
  const pct = o.total ? Math.round((o.done * 100) / o.total) : 0;
  const number = reportNumber(data);
  const date = campaign.reportedOn ?? data.today;
  return (
    <PrintFrame label={p.reportTitle}>
      <OfficialHeader unit={unit} number={`${vi.reports.numberPrefix}${number}`} dateLine={vi.reports.dateLine(unit.placeName, date)} />
      <h1 className="doc-title">{p.reportTitle}</h1>
      <p className="doc-subject">{campaign.subject}</p>
      <div className="doc-rule center" />
      <p className="doc-kinh-gui">{p.recipient(campaign.recipient || unit.recipientName)}</p>
      <p className="doc-body">{p.opening(directiveText(campaign), unit.name)}</p>
      {data.legal.length > 0 && (
        <>
          <p className="doc-body">{p.basisTitle}</p>
          {data.legal.map((d) => (
            <p key={d.id} className="doc-basis">- {citation(d, formatViDate)};</p>
          ))}
        </>
      )}
      <p className="doc-section">{p.s1}</p>
      <p className="doc-body">{p.s1Body(unit.name, formatViDate(campaign.startDate), formatViDate(campaign.deadline))}</p>
      <p className="doc-section">{p.s2}</p>
      <p className="doc-body">{p.s2Body(o.total, o.done, pct, o.late, o.missing)}</p>
      <table className="doc-table compact">
        <thead>
          <tr>
            {vi.reports.summaryColumns.slice(0, 9).map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {progress.bySystem.map((s, i) => (
            <tr key={s.systemId}>
              <td className="num">{i + 1}</td>
              <td>{s.systemName}</td>
              {[s.total, s.admin, s.user, s.done, s.late, s.missing, s.toCancel].map((v, j) => (
                <td key={j} className="num">{v.toLocaleString('vi-VN')}</td>
              ))}
            </tr>
          ))}
          <tr>
            <td />
            <td><strong>{vi.reports.total}</strong></td>
            {[o.total, o.admin, o.user, o.done, o.late, o.missing, o.toCancel].map((v, j) => (
              <td key={j} className="num"><strong>{v.toLocaleString('vi-VN')}</strong></td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="doc-section">{p.s3}</p>
      <p className="doc-body">
        {p.s3Body(
          ...(['devices', 'checked', 'licensedAv', 'infected', 'remediated'] as const).map((k) => data.devices.reduce((sum, d) => sum + d[k], 0)) as [number, number, number, number, number],
          data.deviceCheckMonths,
        )}
      </p>
      <p className="doc-section">{p.s4}</p>
      <p className="doc-body">{p.s4Body(data.toCancel.length)}</p>
      <p className="doc-section">{p.s5}</p>
      <p className="doc-body">{p.s5Body(data.toCancel.length)}</p>
      {data.amendments.length > 0 && (
        <>
          <p className="doc-section">{p.amendTitle}</p>
          {data.amendments.map((a) => (
            <p key={a.id} className="doc-basis">{vi.reports.amendmentLine(formatViDateTime(a.at), a.actor, a.summary, a.reason)}</p>
          ))}
        </>
      )}
      <p className="doc-body">{p.closing(unit.name)}</p>
      <div className="doc-footer">
        <Recipients lines={[`- ${p.recipient(campaign.recipient || unit.recipientName).replace(/^Kính gửi: /, '')};`, '- Lưu: VT.']} />
        <SignatureBlock authority={unit.signAuthority} title={unit.headTitle} name={campaign.signer ?? unit.headName} />
      </div>
      <p className="doc-fingerprint">{p.fingerprint(data.fingerprint)}</p>
      {data.toCancel.length > 0 && (
        <section className="appendix" aria-label={p.appendix}>
          <p className="appendix-title">{p.appendix}</p>
          <p className="appendix-title">{p.appendixTitle}</p>
          <p className="appendix-ref">{p.appendixRef(number, formatViDate(date))}</p>
          <CancellationTable rows={data.toCancel} />
        </section>
      )}
    </PrintFrame>
  );
}

export function CancellationTable({ rows }: { rows: ReportData['toCancel'] }) {
  const c = vi.reports.cancellationColumns;
  return (
    <table className="doc-table compact">
      <thead>
        <tr>
          <th>{c[0]}</th>
          <th>{c[1]}</th>
          <th>{c[4]}</th>
          <th>{c[5]}</th>
          <th>{c[6]}</th>
          <th>{c[7]}</th>
          <th>{c[9]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.accountId}>
            <td className="num">{i + 1}</td>
            <td>{r.personName}</td>
            <td>{r.unitName}</td>
            <td>{vi.personStatus[r.personStatus as keyof typeof vi.personStatus] ?? r.personStatus}</td>
            <td className="num">{formatViDate(r.statusDate)}</td>
            <td>{r.systemName}</td>
            <td>{r.loginName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
