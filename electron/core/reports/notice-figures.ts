import { NO_CONNECTIONS, type ConnectionCounts } from '../../../shared/connections/rules';
import type { ConnectionReportFigures, DataConnection } from '../../../shared/connections/schema';
import { formatViDate } from '../../../shared/dates';
import { vi } from '../../../shared/i18n/vi';
import type { SecurityReportFigures } from '../../../shared/security/schema';
import { allConnections, connectionFigures } from '../connections/service';
import type { Db } from '../db/open';
import { securityOverview, systemFeatures } from '../security/service';
import { readSettings } from '../settings/service';

// The two remaining requirements of the notices (issue 21) as a report states them: Rule 7 (data
// connections over VPN site-to-site, seed 000) and Rule 8 (security features checked, seed 001).
// Read from the same services the screens use, so the paper, the Excel file, the signed payload and
// the screens say the same thing. The receiving office sums these per unit.

export function connectionReportFigures(db: Db, today: string): ConnectionReportFigures {
  const checkMonths = readSettings(db).connectionCheckMonths;
  const bySystem = connectionFigures(db, today, checkMonths);
  const required: ConnectionCounts = { ...NO_CONNECTIONS };
  for (const s of bySystem) {
    if (!s.requiresSiteToSite) continue;
    required.connections += s.connections;
    required.siteToSite += s.siteToSite;
    required.nonCompliant += s.nonCompliant;
    required.notChecked += s.notChecked;
  }
  return { checkMonths, bySystem, required };
}

/** The "Kết nối" sheet's rows: every active connection, in register order. */
export function connectionReportRows(db: Db, today: string): DataConnection[] {
  return allConnections(db, today).filter((c) => c.connectionStatus === 'active');
}

export function securityReportFigures(db: Db, today: string): SecurityReportFigures {
  const o = securityOverview(db, today, 0);
  const systems = o.systems
    .filter((s) => s.systemActive)
    .map((s) => ({
      systemId: s.systemId, systemCode: s.systemCode, systemName: s.systemName, features: s.features,
      lastCheckedOn: s.lastCheck?.checkedOn ?? null, checker: s.lastCheck?.checker ?? null,
      used: s.lastCheck?.counts.used ?? 0, notUsed: s.lastCheck?.counts.notUsed ?? 0, na: s.lastCheck?.counts.na ?? 0,
      nextDue: s.nextDue, state: s.state, unusedFeatures: s.unusedFeatures, accountsChecked: s.accountsChecked, accountsUnused: s.accountsUnused,
    }));
  const counts = {
    systems: systems.length,
    ok: systems.filter((s) => s.state === 'ok').length,
    overdue: systems.filter((s) => s.state === 'never' || s.state === 'overdue').length,
    unused: systems.filter((s) => s.state === 'unused').length,
  };
  return { checkMonths: o.checkMonths, systems, counts };
}

export interface SecurityReportRow {
  systemName: string;
  featureName: string;
  scope: string;
  checkedOn: string | null;
  checker: string | null;
  result: string;
  nextDue: string | null;
  state: string;
}

/**
 * The "Tính năng bảo mật" sheet's rows: for each system, each feature as its latest system-wide
 * check found it (a system never checked lists its current features, result "Chưa kiểm tra").
 */
export function securityReportRows(db: Db, today: string): SecurityReportRow[] {
  const t = vi.security;
  const o = securityOverview(db, today, 0);
  const rows: SecurityReportRow[] = [];
  for (const s of o.systems.filter((x) => x.systemActive)) {
    const state = t.state[s.state];
    if (s.lastCheck) {
      for (const i of s.lastCheck.items) {
        rows.push({ systemName: s.systemName, featureName: i.featureName, scope: t.scope[i.featureScope], checkedOn: s.lastCheck.checkedOn, checker: s.lastCheck.checker, result: t.result[i.result], nextDue: s.nextDue, state });
      }
    } else {
      for (const f of systemFeatures(db, s.systemId, false)) {
        rows.push({ systemName: s.systemName, featureName: f.featureName, scope: t.scope[f.featureScope], checkedOn: null, checker: null, result: t.state.never, nextDue: null, state });
      }
    }
  }
  return rows;
}

/** The documents the paragraphs cite: current versions of the doc keys named in settings (migration 0010). */
export function noticeBasis(db: Db, key: 'connectionsLegalKeys' | 'securityLegalKeys'): string {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  const keys = parseKeys(raw);
  const docs = keys
    .map((k) => db.prepare('SELECT number, issued_on AS issuedOn, issuer FROM legal_documents WHERE doc_key = ? ORDER BY version DESC LIMIT 1').get(k) as
      { number: string; issuedOn: string | null; issuer: string } | undefined)
    .filter((d): d is { number: string; issuedOn: string | null; issuer: string } => d !== undefined);
  return docs.map((d) => [d.number, d.issuedOn ? `ngày ${formatViDate(d.issuedOn)}` : '', d.issuer ? `của ${d.issuer}` : ''].filter(Boolean).join(' ')).join('; ');
}

function parseKeys(raw: string | undefined): number[] {
  try {
    const list: unknown = JSON.parse(raw ?? '[]');
    return Array.isArray(list) ? list.filter((k): k is number => Number.isInteger(k)) : [];
  } catch {
    return [];
  }
}
