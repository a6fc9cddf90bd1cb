import type { UnitProfile } from '../../../shared/unit/schema';
import { vi } from '../../../shared/i18n/vi';

/**
 * The Decree 30/2020/NĐ-CP header (Appendix I): parent body (caps, not bold) and the issuing unit
 * (caps, bold, short rule) top-left, with the number under them; the national motto top-right with
 * its rule, then the place-date line in italics on the number's line.
 */
export function OfficialHeader({ unit, number, dateLine }: { unit: UnitProfile; number?: string; dateLine: string }) {
  return (
    <table className="doc-header" role="presentation">
      <tbody>
        <tr>
          <td className="doc-left">
            {unit.parentBody && <div className="doc-parent">{unit.parentBody.toUpperCase()}</div>}
            <div className="doc-unit">{unit.name.toUpperCase()}</div>
            <div className="doc-rule" />
            {number && <div className="doc-number">{number}</div>}
          </td>
          <td className="doc-right">
            <div className="doc-motto1">{vi.campaigns.decree30.motto1}</div>
            <div className="doc-motto2">{vi.campaigns.decree30.motto2}</div>
            <div className="doc-rule wide" />
            <div className="doc-date">{dateLine}</div>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
