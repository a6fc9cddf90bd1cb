import type { ConnectionDirection, ConnectionProtocol, ConnectionStatus } from '../../../shared/connections/rules';
import type { FeatureResult } from '../../../shared/security/rules';
import { addDays, type DemoContext, type DemoStep } from './generate';
import type { SystemCode } from './vocab';

// Demo step (issue 21): the home unit's data connections (Rule 7) and its security-feature checks
// (Rule 8), as a clerk would have recorded them — a realistic mix, some not compliant:
// - connections to the complaints database: most over VPN site-to-site and checked this year, one
//   over a client VPN, one never checked, one checked too long ago, one stopped; plus connections
//   to the evaluation software (which does not require site-to-site VPN);
// - security checks: the complaints database checked 40 days ago, everything in use (ok); the
//   evaluation software checked 20 days ago with one-time-code sign-in found unused; the Party
//   handbook last checked 5 months ago (overdue); a few accounts checked one by one, one of them
//   with a personal feature unused.
// Dates are relative to "today"; no randomness, so every size shows the same mix.

interface DemoConnection {
  system: SystemCode;
  local: string;
  direction: ConnectionDirection;
  protocol: ConnectionProtocol;
  gateway: string;
  /** Days before today; null = never checked. */
  checkedDaysAgo: number | null;
  status?: ConnectionStatus;
  note?: string;
}

const CONNECTIONS: readonly DemoConnection[] = [
  { system: 'KNTC', local: 'Phần mềm quản lý đơn thư khiếu nại, tố cáo', direction: 'both', protocol: 'vpn_site_to_site', gateway: 'Fortigate 60F — VNPT Hà Nội', checkedDaysAgo: 62 },
  { system: 'KNTC', local: 'Hệ thống quản lý văn bản và điều hành', direction: 'to_system', protocol: 'vpn_site_to_site', gateway: 'Mạng truyền số liệu chuyên dùng (Cục Bưu điện Trung ương)', checkedDaysAgo: 150 },
  { system: 'KNTC', local: 'CSDL tiếp công dân của đơn vị', direction: 'to_system', protocol: 'vpn_other', gateway: 'OpenVPN client trên máy cán bộ tiếp dân', checkedDaysAgo: 35, note: 'Đề nghị chuyển sang VPN site-to-site trong quý tới.' },
  { system: 'KNTC', local: 'Phần mềm một cửa điện tử', direction: 'from_system', protocol: 'unknown', gateway: '', checkedDaysAgo: null },
  { system: 'KNTC', local: 'CSDL thanh tra chuyên ngành', direction: 'both', protocol: 'vpn_site_to_site', gateway: 'Cisco ASA 5506 — Viettel', checkedDaysAgo: 430 },
  { system: 'KNTC', local: 'Phần mềm thống kê đơn thư (cũ)', direction: 'to_system', protocol: 'none', gateway: '', checkedDaysAgo: 800, status: 'stopped', note: 'Ngừng sử dụng từ năm 2023.' },
  { system: 'DGXL', local: 'Phần mềm chấm công', direction: 'to_system', protocol: 'none', gateway: '', checkedDaysAgo: null },
];

/** Per system: days since its last system-wide check, and which features (by position) it found unused. */
const SYSTEM_CHECKS: Readonly<Record<SystemCode, { daysAgo: number[]; unused: number[] }>> = {
  KNTC: { daysAgo: [130, 40], unused: [] },
  DGXL: { daysAgo: [110, 20], unused: [2] },
  STDV: { daysAgo: [150], unused: [] },
};

function generateConnections(ctx: DemoContext, progress: (done: number, total: number) => void): void {
  const { db, today, now } = ctx;
  const home = ctx.units.find((u) => u.isHome)!;
  const people = new Map(ctx.people.map((p) => [p.id, p]));
  const clerk = people.get(home.clerkPersonId)?.fullName ?? 'Văn thư';
  const insertConnection = db.prepare(
    `INSERT INTO data_connections (system_id, local_system, direction, protocol, gateway, checked_by, checked_on, status, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of CONNECTIONS) {
    const on = c.checkedDaysAgo === null ? null : addDays(today, -c.checkedDaysAgo);
    insertConnection.run(ctx.systems[c.system], c.local, c.direction, c.protocol, c.gateway, on ? clerk : '', on, c.status ?? 'active', c.note ?? '', now, now);
  }

  const features = db.prepare("SELECT id, name, scope FROM security_features WHERE system_id = ? AND active = 1 ORDER BY sort_order, id");
  const insertCheck = db.prepare(
    `INSERT INTO security_checks (system_id, account_id, checked_on, checker, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, 'demo', ?)`,
  );
  const insertItem = db.prepare('INSERT INTO security_check_items (check_id, feature_id, feature_name, scope, result) VALUES (?, ?, ?, ?, ?)');
  let checks = 0;
  const record = (systemId: number, accountId: number | null, on: string, list: { id: number; name: string; scope: string }[], result: (i: number) => FeatureResult) => {
    const id = Number(insertCheck.run(systemId, accountId, on, clerk, '', `${on}T03:30:00.000Z`).lastInsertRowid);
    list.forEach((f, i) => insertItem.run(id, f.id, f.name, f.scope, result(i)));
    checks++;
  };
  for (const [code, plan] of Object.entries(SYSTEM_CHECKS) as [SystemCode, (typeof SYSTEM_CHECKS)[SystemCode]][]) {
    const systemId = ctx.systems[code];
    const list = features.all(systemId) as { id: number; name: string; scope: string }[];
    if (list.length === 0) continue;
    plan.daysAgo.forEach((days, k) => {
      const latest = k === plan.daysAgo.length - 1;
      record(systemId, null, addDays(today, -days), list, (i) => (latest && plan.unused.includes(i) ? 'not_used' : 'used'));
    });
    // A few of the home unit's active accounts checked one by one for their personal features; the first has one unused.
    const personal = list.filter((f) => f.scope === 'account');
    if (personal.length === 0) continue;
    const accounts = ctx.accounts.filter((a) => a.systemId === systemId && a.unitId === home.id && a.status === 'active' && a.personId !== null).slice(0, 4);
    accounts.forEach((a, k) => record(systemId, a.id, addDays(today, -(10 + 7 * k)), personal, (i) => (k === 0 && code === 'STDV' && i === 0 ? 'not_used' : 'used')));
  }
  ctx.counts.dataConnections = CONNECTIONS.length;
  ctx.counts.securityChecks = checks;
  progress(1, 1);
}

export const connectionsStep: DemoStep = { name: 'connections', weight: 1, run: generateConnections };
