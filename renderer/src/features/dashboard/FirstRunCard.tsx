import { SETUP_STEPS, setupDone, type SetupProgress, type SetupStep } from '../../../../shared/dashboard/schema';
import { vi } from '../../../../shared/i18n/vi';

const t = vi.onboarding;

const LINKS: Record<SetupStep, string> = {
  people: '#/people',
  systems: '#/settings?section=systems',
  accounts: '#/accounts',
  campaign: '#/campaigns',
};

/**
 * The first-run path on Tổng quan (issue 18): a new unit sees staff → systems → accounts →
 * campaign, each with a link and whether it is done, instead of "no pending work". Shown until
 * every step is done (a campaign counts once started, not as a draft).
 */
export function FirstRunCard({ setup }: { setup: SetupProgress }) {
  const done = setupDone(setup);
  if (SETUP_STEPS.every((s) => done[s])) return null;
  const next = SETUP_STEPS.find((s) => !done[s]);
  const count: Record<SetupStep, string> = {
    people: t.counts.people(setup.people),
    systems: t.counts.systems(setup.systems),
    accounts: t.counts.accounts(setup.accounts),
    campaign: t.counts.campaign(setup.campaignsStarted, setup.campaignsDraft),
  };
  return (
    <section className="card first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t.title}</h2>
      <p className="muted">{t.lead}</p>
      <ol className="first-run-steps">
        {SETUP_STEPS.map((s) => (
          <li key={s} className={`${done[s] ? 'done' : ''} ${s === next ? 'next' : ''}`} aria-current={s === next ? 'step' : undefined}>
            <span className={`badge ${done[s] ? 'step-done' : 'step-todo'}`}>{done[s] ? t.done : t.todo}</span>
            <span className="first-run-text">
              <strong>{t.steps[s].title}</strong> <span className="muted small">({count[s]})</span>
              <br />
              <span className="muted small">{t.steps[s].hint}</span>
            </span>
            <a href={LINKS[s]} className={`button ${s === next ? 'primary' : ''}`}>
              {t.steps[s].link}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
