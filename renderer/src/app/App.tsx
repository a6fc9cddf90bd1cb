import { lazy, Suspense, useCallback, useEffect, useState, type ComponentType, type LazyExoticComponent } from 'react';
import type { AppInfo } from '../../../shared/api/contract';
import { vi } from '../../../shared/i18n/vi';
import { CAMPAIGN_ACCOUNT_STATES, type CampaignAccountState } from '../../../shared/campaigns/rules';
import { TodayContext, useApi } from '../api/context';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { ReminderBanner } from '../features/evaluation/ReminderBanner';
import { SetupWizard } from '../features/setup/SetupWizard';
import { useRoute } from './router';
import { digitalSignatureOf } from '../features/signing/signatureParams';

/**
 * Every screen but the dashboard (and the first-run wizard) is its own chunk, loaded when first
 * opened: the first paint on an old PC parses only what the dashboard needs.
 */
function screen<P extends object>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: await load() }));
}
const CampaignsScreen = screen(() => import('../features/campaigns/CampaignsScreen').then((m) => m.CampaignsScreen));
const ChecklistScreen = screen(() => import('../features/campaigns/ChecklistScreen').then((m) => m.ChecklistScreen));
const EvaluationScreen = screen(() => import('../features/evaluation/EvaluationScreen').then((m) => m.EvaluationScreen));
const CancellationPrint = screen(() => import('../features/print/CancellationPrint').then((m) => m.CancellationPrint));
const ReportPrint = screen(() => import('../features/print/ReportPrint').then((m) => m.ReportPrint));
const SignSheetPrint = screen(() => import('../features/print/SignSheetPrint').then((m) => m.SignSheetPrint));
const ReportsScreen = screen(() => import('../features/reports/ReportsScreen').then((m) => m.ReportsScreen));
const AccountsScreen = screen(() => import('../features/accounts/AccountsScreen').then((m) => m.AccountsScreen));
const DevicesScreen = screen(() => import('../features/devices/DevicesScreen').then((m) => m.DevicesScreen));
const ConnectionsScreen = screen(() => import('../features/connections/ConnectionsScreen').then((m) => m.ConnectionsScreen));
const SecurityScreen = screen(() => import('../features/security/SecurityScreen').then((m) => m.SecurityScreen));
const DistrictReportPrint = screen(() => import('../features/district/DistrictReportPrint').then((m) => m.DistrictReportPrint));
const DistrictScreen = screen(() => import('../features/district/DistrictScreen').then((m) => m.DistrictScreen));
const PeopleScreen = screen(() => import('../features/people/PeopleScreen').then((m) => m.PeopleScreen));
const SettingsScreen = screen(() => import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen));
const AuditScreen = screen(() => import('../features/audit/AuditScreen').then((m) => m.AuditScreen));
const BackupScreen = screen(() => import('../features/backup/BackupScreen').then((m) => m.BackupScreen));

const NAV = [
  { path: '/dashboard', label: vi.campaigns.nav.dashboard },
  { path: '/campaigns', label: vi.campaigns.nav.campaigns },
  { path: '/reports', label: vi.reports.nav },
  { path: '/district', label: vi.district.nav },
  { path: '/people', label: vi.nav.people },
  { path: '/accounts', label: vi.nav.accounts },
  { path: '/devices', label: vi.devices.nav },
  { path: '/connections', label: vi.connections.nav },
  { path: '/security', label: vi.security.nav },
  { path: '/evaluation', label: vi.evaluation.nav },
  { path: '/audit', label: vi.reliability.audit.nav },
  { path: '/backup', label: vi.reliability.backup.nav },
  { path: '/settings', label: vi.nav.settings },
] as const;

export function App() {
  const api = useApi();
  const route = useRoute();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [unitName, setUnitName] = useState('');
  // Receiving mode (a setting of the home unit) shows "Tổng hợp".
  const [receiving, setReceiving] = useState(false);

  const refresh = useCallback(() => {
    api['app.info']({})
      .then(setInfo)
      .catch((e: Error) => setFatal(e.message));
    api['unit.get']({})
      .then((u) => setUnitName(u?.name ?? ''))
      .catch(() => undefined);
    api['district.settings']({})
      .then((d) => setReceiving(d.receivingMode))
      .catch(() => undefined);
  }, [api]);
  useEffect(refresh, [refresh]);

  if (fatal) return <div className="fatal" role="alert">{fatal}</div>;
  if (!info) return <div className="splash">{vi.common.loading}</div>;
  if (!info.hasHomeUnit) return <SetupWizard onDone={refresh} />;
  if (route.path.startsWith('/print/')) {
    const campaignId = Number(route.params.get('campaign'));
    return (
      <TodayContext.Provider value={info.today}>
        <Suspense fallback={<div className="splash">{vi.common.loading}</div>}>
        {route.path === '/print/sign-sheet' && <SignSheetPrint campaignId={campaignId} unitId={numberParam(route.params.get('unit'))} />}
        {route.path === '/print/report' && <ReportPrint campaignId={campaignId} signature={digitalSignatureOf(route.params)} />}
        {route.path === '/print/cancellations' && <CancellationPrint campaignId={campaignId} />}
        {route.path === '/print/district-report' && <DistrictReportPrint campaignId={campaignId} />}
        </Suspense>
      </TodayContext.Provider>
    );
  }

  const nav = NAV.filter((n) => n.path !== '/district' || receiving);
  const current = nav.find((n) => route.path.startsWith(n.path))?.path ?? '/dashboard';
  const campaignMatch = /^\/campaigns\/(\d+)$/.exec(route.path);
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Điều hướng chính">
        <div className="brand">
          <div className="brand-name">{vi.app.shortName}</div>
          <div className="brand-unit" title={unitName}>{unitName}</div>
        </div>
        {nav.map((n) => (
          <a
            key={n.path}
            href={`#${n.path}`}
            className={current === n.path ? 'active' : ''}
            aria-current={current === n.path ? 'page' : undefined}
          >
            {n.label}
          </a>
        ))}
        {info.shell === 'harness' && <div className="harness-badge">{vi.harness.banner}</div>}
      </nav>
      <main className="content">
        <ReminderBanner />
        <TodayContext.Provider value={info.today}>
        {/* Keyed by route: while a screen's chunk loads, React would otherwise keep the previous
            screen mounted but hidden, and show it again — with stale data — on the way back. */}
        <Suspense key={route.path} fallback={<div className="splash" role="status">{vi.common.loading}</div>}>
        {current === '/dashboard' && <DashboardScreen />}
        {current === '/campaigns' && !campaignMatch && <CampaignsScreen startNew={route.params.get('new') === '1'} />}
        {campaignMatch && <ChecklistScreen key={campaignMatch[1]} campaignId={Number(campaignMatch[1])} initialState={stateParam(route.params.get('state'))} />}
        {current === '/reports' && <ReportsScreen campaignId={numberParam(route.params.get('campaign'))} />}
        {current === '/district' && <DistrictScreen campaignId={numberParam(route.params.get('campaign'))} tab={route.params.get('tab') === 'units' ? 'units' : 'board'} />}
        {current === '/people' && <PeopleScreen />}
        {current === '/accounts' && <AccountsScreen personId={numberParam(route.params.get('person'))} />}
        {current === '/devices' && <DevicesScreen deviceId={numberParam(route.params.get('device'))} />}
        {current === '/connections' && <ConnectionsScreen connectionId={numberParam(route.params.get('connection'))} />}
        {current === '/security' && <SecurityScreen systemId={numberParam(route.params.get('system'))} />}
        {current === '/evaluation' && <EvaluationScreen info={info} />}
        {current === '/settings' && <SettingsScreen info={info} onUnitSaved={refresh} />}
        {current === '/audit' && <AuditScreen />}
        {current === '/backup' && <BackupScreen />}
        </Suspense>
        </TodayContext.Provider>
      </main>
    </div>
  );
}

function stateParam(v: string | null): CampaignAccountState | undefined {
  return (CAMPAIGN_ACCOUNT_STATES as readonly string[]).includes(v ?? '') ? (v as CampaignAccountState) : undefined;
}

function numberParam(v: string | null): number | undefined {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
}
