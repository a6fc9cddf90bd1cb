import type { CampaignProgress } from '../../../../shared/campaigns/schema';
import { CAMPAIGN_ACCOUNT_STATES } from '../../../../shared/campaigns/rules';
import { formatViDate } from '../../../../shared/dates';
import { vi } from '../../../../shared/i18n/vi';
import { ProgressBar } from '../../components/ProgressBar';

const t = vi.campaigns;

/** A campaign at a glance: deadline and days left, progress bar, counts by state (each a link to the filtered checklist). */
export function CampaignCard({ progress }: { progress: CampaignProgress }) {
  const { campaign, overall, percent, daysLeft } = progress;
  const counts = { to_cancel: overall.toCancel, must_change: overall.mustChange, done: overall.done, late: overall.late, missing: overall.missing };
  const tone = daysLeft < 0 && percent < 100 ? 'bad' : daysLeft <= 3 && percent < 100 ? 'warn' : 'ok';
  return (
    <article className="campaign-card" aria-label={campaign.subject}>
      <header>
        <a href={`#/campaigns/${campaign.id}`} className="campaign-title">
          {campaign.directiveNumber} — {campaign.subject}
        </a>
        <span className={`badge camp-${campaign.status}`}>{vi.campaignStatus[campaign.status]}</span>
      </header>
      <div className="campaign-deadline">
        <span>{t.deadline(formatViDate(campaign.deadline))}</span>
        <strong className={`days days-${tone}`}>{t.daysLeft(daysLeft)}</strong>
      </div>
      {campaign.status === 'draft' && <p className="draft-note" role="note">{vi.onboarding.draftNote}</p>}
      <ProgressBar value={overall.done} max={overall.total} label={`${campaign.subject}: ${percent}%`} tone={tone} />
      <div className="muted small">{t.progress(overall.done, overall.total, percent)}</div>
      <div className="state-chips">
        {CAMPAIGN_ACCOUNT_STATES.map((s) => (
          <a key={s} href={`#/campaigns/${campaign.id}?state=${s}`} className={`chip state-${s}`} data-state={s}>
            {t.state[s]}: <strong>{counts[s].toLocaleString('vi-VN')}</strong>
          </a>
        ))}
      </div>
    </article>
  );
}
