import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/contract';
import { vi } from '../../../shared/i18n/vi';
import { useApi } from '../api/context';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { PeopleScreen } from '../features/people/PeopleScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { SetupWizard } from '../features/setup/SetupWizard';
import { useRoute } from './router';

const NAV = [
  { path: '/people', label: vi.nav.people, icon: '👥' },
  { path: '/accounts', label: vi.nav.accounts, icon: '🔑' },
  { path: '/settings', label: vi.nav.settings, icon: '⚙' },
] as const;

export function App() {
  const api = useApi();
  const route = useRoute();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [unitName, setUnitName] = useState('');

  const refresh = useCallback(() => {
    api['app.info']({})
      .then(setInfo)
      .catch((e: Error) => setFatal(e.message));
    api['unit.get']({})
      .then((u) => setUnitName(u?.name ?? ''))
      .catch(() => undefined);
  }, [api]);
  useEffect(refresh, [refresh]);

  if (fatal) return <div className="fatal" role="alert">{fatal}</div>;
  if (!info) return <div className="splash">{vi.common.loading}</div>;
  if (!info.hasHomeUnit) return <SetupWizard onDone={refresh} />;

  const current = NAV.find((n) => route.path.startsWith(n.path))?.path ?? '/people';
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Điều hướng chính">
        <div className="brand">
          <div className="brand-name">{vi.app.shortName}</div>
          <div className="brand-unit" title={unitName}>{unitName}</div>
        </div>
        {NAV.map((n) => (
          <a
            key={n.path}
            href={`#${n.path}`}
            className={current === n.path ? 'active' : ''}
            aria-current={current === n.path ? 'page' : undefined}
          >
            <span aria-hidden="true">{n.icon}</span> {n.label}
          </a>
        ))}
        {info.shell === 'harness' && <div className="harness-badge">{vi.harness.banner}</div>}
      </nav>
      <main className="content">
        {current === '/people' && <PeopleScreen />}
        {current === '/accounts' && <AccountsScreen personId={numberParam(route.params.get('person'))} />}
        {current === '/settings' && <SettingsScreen info={info} onUnitSaved={refresh} />}
      </main>
    </div>
  );
}

function numberParam(v: string | null): number | undefined {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
}
