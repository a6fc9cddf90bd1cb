import { resolve } from 'node:path';
import type { ConnectionsList } from '../../shared/connections/schema';
import { formatViDate } from '../../shared/dates';
import { AttkError } from '../../shared/errors';
import { vi } from '../../shared/i18n/vi';
import type { SecurityOverview } from '../../shared/security/schema';
import { createCore, dispatch } from '../core';

// attk connections list --db FILE [--json]: the register of data connections with Rule 7's state.
// attk security list --db FILE [--json]: each system's security-feature check (Rule 8).
// Both read through the dispatcher, so the CLI says exactly what the screens and the report say.

export class ConnectionsUsageError extends Error {}

export interface ConnectionsCommandOptions {
  command: 'connections' | 'security';
  positionals: string[];
  db: string;
  json: boolean;
  now: (() => Date) | undefined;
  appVersion: string;
  write: (text: string) => void;
}

export async function connectionsCommand(o: ConnectionsCommandOptions): Promise<number> {
  if (o.positionals[0] !== 'list') throw new ConnectionsUsageError(vi.connections.cli.usage);
  const core = createCore({ file: resolve(o.db), shell: 'cli', appVersion: o.appVersion, ...(o.now ? { now: o.now } : {}) });
  try {
    if (o.command === 'connections') {
      const active = await call<ConnectionsList>(core, 'connections.list', {});
      const stopped = await call<ConnectionsList>(core, 'connections.list', { filter: 'stopped' });
      const rows = [...active.rows, ...stopped.rows];
      if (o.json) {
        o.write(JSON.stringify({ ok: true, checkMonths: active.checkMonths, bySystem: active.bySystem, connections: rows }));
        return 0;
      }
      const t = vi.connections;
      for (const s of active.bySystem) o.write(`${s.systemName}: ${t.summary(s.connections, s.siteToSite, s.nonCompliant)}`);
      for (const c of rows) {
        o.write(`- ${c.localSystem} ↔ ${c.systemName} · ${t.protocol[c.protocol]} · ${c.checkedOn ? formatViDate(c.checkedOn) : t.never} · ${t.state[c.state]}`);
      }
      return 0;
    }
    const overview = await call<SecurityOverview>(core, 'security.overview', {});
    if (o.json) {
      o.write(JSON.stringify({ ok: true, ...overview }));
      return 0;
    }
    const t = vi.security;
    for (const s of overview.systems) {
      const last = s.lastCheck;
      o.write(`${s.systemName}: ${t.state[s.state]}${last ? ` · ${t.lastCheck} ${formatViDate(last.checkedOn)} (${t.counts(last.counts.used, last.counts.notUsed, last.counts.na)})` : ''}${s.nextDue ? ` · ${t.nextDue} ${formatViDate(s.nextDue)}` : ''}`);
      if (s.unusedFeatures.length > 0) o.write(`  ${t.unusedList(s.unusedFeatures.join('; '))}`);
    }
    if (overview.flaggedAccountCount > 0) o.write(t.dashboard.accounts(overview.flaggedAccountCount));
    return 0;
  } finally {
    core.db.close();
  }
}

async function call<T>(core: ReturnType<typeof createCore>, method: 'connections.list' | 'security.overview', input: object): Promise<T> {
  const r = await dispatch(core, method, input);
  if (!r.ok) throw new AttkError(r.error.code, r.error.message, r.error.path);
  return r.result as T;
}
