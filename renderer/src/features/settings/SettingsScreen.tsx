import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/api/contract';
import { vi } from '../../../../shared/i18n/vi';
import type { TrackedSystem } from '../../../../shared/systems/schema';
import { useApi } from '../../api/context';
import { useToast } from '../../components/Toast';
import { useFormErrors } from '../../hooks/useFormErrors';
import { AppLockCard } from '../lock/AppLockCard';
import { LegalRegisterCard } from './LegalRegisterCard';
import { ReceivingModeCard } from '../district/ReceivingModeCard';
import { TrustedRootsCard } from '../signing/TrustedRootsCard';
import { SystemForm } from './SystemForm';
import { emptyUnitDraft, IDENTITY_FIELDS, SIGNER_FIELDS, UnitProfileFields, type UnitDraft } from './unitProfileFields';

/** Cài đặt: unit profile, the catalogue of tracked systems, and where the data lives. */
export function SettingsScreen({ info, onUnitSaved }: { info: AppInfo; onUnitSaved: () => void }) {
  const api = useApi();
  const notify = useToast();
  const errors = useFormErrors();
  const [draft, setDraft] = useState<UnitDraft | null>(null);
  const [systems, setSystems] = useState<TrackedSystem[]>([]);
  const [editing, setEditing] = useState<TrackedSystem | 'new' | null>(null);

  const loadSystems = useCallback(() => void api['systems.list']({}).then(setSystems), [api]);
  useEffect(() => {
    void api['unit.get']({}).then((u) => {
      const d = emptyUnitDraft();
      if (u) for (const k of Object.keys(d) as (keyof UnitDraft)[]) d[k] = u[k];
      setDraft(d);
    });
    loadSystems();
  }, [api, loadSystems]);

  // Tổng quan's first-run step links here (#/settings?section=systems): show the systems, not the profile.
  useEffect(() => {
    if (!/[?&]section=systems/.test(window.location.hash) || systems.length === 0) return;
    const heading = document.getElementById('systems-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }, [systems.length]);

  const saveUnit = async () => {
    if (!draft) return;
    errors.clear();
    if (!errors.check('unit.save', draft)) return;
    try {
      await api['unit.save'](draft);
      notify(vi.common.saved);
      onUnitSaved();
    } catch (e) {
      errors.show(e);
    }
  };

  return (
    <section className="screen scroll" aria-labelledby="settings-title">
      <header className="screen-head">
        <h1 id="settings-title">{vi.settings.title}</h1>
      </header>

      <form
        className="card"
        aria-label={vi.settings.unitProfile}
        onSubmit={(e) => {
          e.preventDefault();
          void saveUnit();
        }}
      >
        <h2>{vi.settings.unitProfile}</h2>
        {errors.formError && <div className="banner error" role="alert">{errors.formError}</div>}
        {draft && (
          <UnitProfileFields fields={[...IDENTITY_FIELDS, ...SIGNER_FIELDS]} draft={draft} onChange={setDraft} errors={errors.fieldErrors} />
        )}
        <div className="actions">
          <button type="submit" className="primary">{vi.common.save}</button>
        </div>
      </form>

      <div className="card" id="systems">
        <div className="card-head">
          <h2 id="systems-title" tabIndex={-1}>{vi.settings.systems}</h2>
          <button type="button" onClick={() => setEditing('new')}>+ {vi.settings.addSystem}</button>
        </div>
        <table className="simple" aria-label={vi.settings.systems}>
          <thead>
            <tr>
              <th>{vi.fields.name}</th>
              <th>{vi.fields.managingAgency}</th>
              <th>{vi.accountRole.admin}</th>
              <th>{vi.accountRole.user}</th>
              <th>{vi.fields.requiresLicensedAv}</th>
              <th>{vi.fields.requiresSiteToSiteVpn}</th>
              <th>{vi.people.accountsCount}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {systems.map((s) => (
              <tr key={s.id} className={s.active ? '' : 'muted'}>
                <td>{s.name}</td>
                <td>{s.managingAgency}</td>
                <td>{vi.settings.months(s.adminIntervalMonths)}</td>
                <td>{vi.settings.months(s.userIntervalMonths)}</td>
                <td>{s.requiresLicensedAv ? vi.common.yes : vi.common.no}</td>
                <td>{s.requiresSiteToSiteVpn ? vi.common.yes : vi.common.no}</td>
                <td>{s.accountCount.toLocaleString('vi-VN')}</td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing(s)} aria-label={`${vi.common.edit} ${s.name}`}>
                    {vi.common.edit}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <LegalRegisterCard />

      <AppLockCard />

      <ReceivingModeCard onSaved={onUnitSaved} />

      <TrustedRootsCard />

      <div className="card">
        <h2>{vi.settings.about}</h2>
        <dl className="facts">
          <dt>{vi.app.name}</dt>
          <dd>{info.appVersion}</dd>
          <dt>{vi.settings.dataFile}</dt>
          <dd><code>{info.dataFile}</code></dd>
          <dt>{vi.settings.schemaVersion}</dt>
          <dd>{info.schemaVersion}</dd>
        </dl>
      </div>

      {editing && (
        <SystemForm
          system={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            loadSystems();
          }}
        />
      )}
    </section>
  );
}
