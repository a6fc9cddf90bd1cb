import { vi } from '../../../../shared/i18n/vi';
import type { ReportData } from '../../../../shared/reports/schema';
import { useApi } from '../../api/context';
import { useLoaded } from '../../hooks/useLoaded';
import { OfficialHeader } from '../../components/OfficialHeader';
import { PrintFrame, Recipients, SignatureBlock } from './PrintFrame';
import { CancellationTable } from './ReportPrint';

const p = vi.reports.print;

/**
 * Đề nghị hủy/điều chỉnh tài khoản: a letter (Decree 30: "V/v …" under the number, "Kính gửi:"
 * the managing agencies) listing the leavers' accounts per system and managing agency.
 */
export function CancellationPrint({ campaignId }: { campaignId: number }) {
  const api = useApi();
  const { data, error } = useLoaded(() => api['reports.data']({ campaignId }), [api, campaignId]);
  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!data) return <div className="splash">{vi.common.loading}</div>;
  const { unit } = data;
  const groups = new Map<string, ReportData['toCancel']>();
  for (const r of data.toCancel) {
    const key = `${r.systemName}${r.managingAgency ? ` — ${r.managingAgency}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const agencies = [...new Set(data.toCancel.map((r) => r.managingAgency).filter(Boolean))];
  return (
    <PrintFrame label={p.cancelVv}>
      <OfficialHeader unit={unit} number={`${vi.reports.numberPrefix}${p.blankNumber}/${unit.reportSymbol || 'CV'}`} dateLine={vi.reports.dateLine(unit.placeName, data.today)} />
      <p className="doc-vv">{p.cancelVv}</p>
      <div className="doc-kinh-gui">
        {agencies.length <= 1 ? (
          p.recipient(agencies[0] ?? '……')
        ) : (
          <>
            {p.recipient('')}
            {agencies.map((a) => (
              <div key={a}>- {a};</div>
            ))}
          </>
        )}
      </div>
      <p className="doc-body">{p.cancelBody(unit.name, data.toCancel.length)}</p>
      {[...groups].map(([title, rows]) => (
        <section key={title}>
          <p className="doc-section">{title}</p>
          <CancellationTable rows={rows} />
        </section>
      ))}
      <p className="doc-body">{p.cancelClosing(unit.name)}</p>
      <div className="doc-footer">
        <Recipients lines={[...agencies.map((a) => `- ${a};`), '- Lưu: VT.']} />
        <SignatureBlock authority={unit.signAuthority} title={unit.headTitle} name={unit.headName} />
      </div>
    </PrintFrame>
  );
}
