import type { Campaign } from '../../../shared/campaigns/schema';
import { vi } from '../../../shared/i18n/vi';

/** "Chọn đợt rà soát": every campaign as "number — subject (status)". */
export function CampaignPicker({ label, campaigns, value, onChange }: { label: string; campaigns: readonly Campaign[]; value: number | undefined; onChange: (id: number) => void }) {
  return (
    <div className="toolbar">
      <label className="inline-label">
        {label}{' '}
        <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))} aria-label={label}>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.directiveNumber} — {c.subject} ({vi.campaignStatus[c.status]})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
