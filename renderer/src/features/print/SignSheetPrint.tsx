import { useEffect, useState } from 'react';
import type { Campaign, ChecklistRow } from '../../../../shared/campaigns/schema';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import type { UnitProfile } from '../../../../shared/unit/schema';
import { useApi } from '../../api/context';
import { OfficialHeader } from '../../components/OfficialHeader';
import { PrintFrame } from './PrintFrame';

const t = vi.campaigns.signSheet;

interface PersonGroup {
  key: string;
  name: string;
  position: string;
  rows: ChecklistRow[];
}

/**
 * Phiếu xác nhận: an A4 (landscape) list of staff and their in-scope accounts with blank "Ngày đổi"
 * and "Ký xác nhận" columns, headed in the official layout. Printed from Electron (window.print →
 * the system dialog, incl. "Microsoft Print to PDF") or rendered to PDF by Chromium in tests.
 */
export function SignSheetPrint({ campaignId, unitId }: { campaignId: number; unitId?: number | undefined }) {
  const api = useApi();
  const [unit, setUnit] = useState<UnitProfile | null>(null);
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [groups, setGroups] = useState<PersonGroup[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const [u, c] = await Promise.all([api['unit.get']({}), api['campaigns.get']({ id: campaignId })]);
      const rows: ChecklistRow[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await api['campaigns.checklist']({ campaignId, offset, limit: 1000, ...(unitId ? { unitId } : {}) });
        rows.push(...page.rows.filter((r) => r.state !== 'to_cancel'));
        if (offset + 1000 >= page.total) break;
      }
      const byPerson = new Map<string, PersonGroup>();
      for (const r of rows) {
        const key = r.personId ? `p${r.personId}` : `a${r.accountId}`;
        let g = byPerson.get(key);
        if (!g) {
          g = { key, name: r.personName ?? vi.accounts.shared, position: [r.position, r.department].filter(Boolean).join(', '), rows: [] };
          byPerson.set(key, g);
        }
        g.rows.push(r);
      }
      if (!live) return;
      setUnit(u);
      setCampaign(c);
      setGroups([...byPerson.values()]);
    })().catch((e: Error) => setError(e.message));
    return () => {
      live = false;
    };
  }, [api, campaignId, unitId]);

  if (error) return <div className="banner error" role="alert">{error}</div>;
  if (!unit || !campaign || !groups) return <div className="splash">{vi.common.loading}</div>;
  const directive = `${/^(công văn|văn bản|quyết định|kế hoạch|thông báo)/i.test(campaign.directiveNumber) ? '' : 'Công văn số '}${campaign.directiveNumber}${
    campaign.directiveDate ? ` ngày ${formatViDate(campaign.directiveDate)}` : ''
  }${campaign.issuer ? ` của ${campaign.issuer}` : ''}`;
  const count = groups.reduce((n, g) => n + g.rows.length, 0);
  return (
    <PrintFrame label={t.title} landscape info={t.rows(count)}>
        <OfficialHeader unit={unit} dateLine={t.dateLine(unit.placeName || '……')} />
        <h1 className="doc-title">{t.title}</h1>
        <p className="doc-subtitle">{t.basis(directive)}</p>
        <p className="doc-subject">{campaign.subject}</p>
        <div className="doc-rule center" />
        <p className="doc-body">{t.intro}</p>
        <table className="doc-table">
          <thead>
            <tr>
              <th style={{ width: '5%' }}>{t.columns.stt}</th>
              <th style={{ width: '17%' }}>{t.columns.name}</th>
              <th style={{ width: '16%' }}>{t.columns.position}</th>
              <th style={{ width: '20%' }}>{t.columns.system}</th>
              <th style={{ width: '12%' }}>{t.columns.login}</th>
              <th style={{ width: '8%' }}>{t.columns.role}</th>
              <th style={{ width: '10%' }}>{t.columns.date}</th>
              <th style={{ width: '12%' }}>{t.columns.sign}</th>
            </tr>
          </thead>
          {groups.map((g, i) => (
            <tbody key={g.key} className="person-group">
              {g.rows.map((r, j) => (
                <tr key={r.accountId}>
                  {j === 0 && (
                    <>
                      <td rowSpan={g.rows.length} className="center">{i + 1}</td>
                      <td rowSpan={g.rows.length}><strong>{g.name}</strong></td>
                      <td rowSpan={g.rows.length}>{g.position}</td>
                    </>
                  )}
                  <td>{r.systemName}</td>
                  <td>{r.loginName}</td>
                  <td className="center">{vi.accountRole[r.role]}</td>
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          ))}
        </table>
        <table className="doc-signatures" role="presentation">
          <tbody>
            <tr>
              <td>
                <div className="sig-title">{t.preparer}</div>
                <div className="sig-space" />
                <div className="sig-name">{unit.clerkName}</div>
              </td>
              <td>
                {unit.signAuthority && <div className="sig-title">{unit.signAuthority.toUpperCase()}</div>}
                <div className="sig-title">{(unit.headTitle || vi.campaigns.decree30.signFallback).toUpperCase()}</div>
                <div className="sig-space" />
                <div className="sig-name">{unit.headName}</div>
              </td>
            </tr>
          </tbody>
        </table>
    </PrintFrame>
  );
}
