import { addMonths, format, parseISO, subMonths } from 'date-fns';

// Rule 7 (PRODUCT.md "Data connections"), from seed 000 (Sở KH&CN, 06/2023): "Việc kết nối, chia
// sẻ thông tin dữ liệu giữa Hệ thống cơ sở dữ liệu quốc gia về khiếu nại, tố cáo với các cơ sở dữ
// liệu chuyên ngành của cơ quan đơn vị … phải thực hiện trên giao thức VPN Site to Site."
// A tracked system carries the setting "data connections must use site-to-site VPN" (on for the
// complaints database); each of the unit's connections to such a system is compliant only when its
// protocol is VPN site-to-site AND someone checked it within the last N months (setting
// connectionCheckMonths). Pure functions of the records and "today" (never the clock).

export const CONNECTION_PROTOCOLS = ['vpn_site_to_site', 'vpn_other', 'none', 'unknown'] as const;
export type ConnectionProtocol = (typeof CONNECTION_PROTOCOLS)[number];
/** Which way the data flows, seen from the unit's own database or software. */
export const CONNECTION_DIRECTIONS = ['to_system', 'from_system', 'both'] as const;
export type ConnectionDirection = (typeof CONNECTION_DIRECTIONS)[number];
/** A connection no longer used is kept in the register as 'stopped' (history), never deleted. */
export const CONNECTION_STATUSES = ['active', 'stopped'] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/**
 * The notice names no period for checking a link; a yearly check of each connection's VPN
 * configuration is assumed and is a setting (Cài đặt → connectionCheckMonths).
 */
export const DEFAULT_CONNECTION_CHECK_MONTHS = 12;

/**
 * One state per connection, most urgent first:
 * - 'stopped': no longer in use (not counted anywhere);
 * - 'not_required': the system does not require site-to-site VPN (listed, never flagged);
 * - 'not_site_to_site': required but the protocol is another VPN, none, or unknown → not compliant;
 * - 'unchecked': over site-to-site VPN but not checked within N months (or never) → not compliant;
 * - 'ok': over site-to-site VPN and checked within N months.
 */
export const CONNECTION_STATES = ['not_site_to_site', 'unchecked', 'ok', 'not_required', 'stopped'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];
/** The states the dashboard lists (Rule 7's non-compliant connections). */
export const FLAGGED_CONNECTION_STATES = ['not_site_to_site', 'unchecked'] as const satisfies readonly ConnectionState[];

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** First day a connection check still counts: today − N calendar months (clamped at month end); a check on that day counts. */
export function connectionWindowStart(today: string, months: number): string {
  return iso(subMonths(parseISO(today), months));
}

/** When the next check of a connection is due: its last check + N months; null if never checked. */
export function connectionCheckDue(checkedOn: string | null, months: number): string | null {
  return checkedOn === null ? null : iso(addMonths(parseISO(checkedOn), months));
}

export interface ConnectionFacts {
  protocol: ConnectionProtocol;
  checkedOn: string | null;
  status: ConnectionStatus;
}

/** Checked within the last N months (today counts; a date in the future is not a check). */
export function checkedWithin(checkedOn: string | null, today: string, months: number): boolean {
  return checkedOn !== null && checkedOn >= connectionWindowStart(today, months) && checkedOn <= today;
}

/** THE definition of Rule 7 for one connection (see CONNECTION_STATES). */
export function connectionState(c: ConnectionFacts, requiresSiteToSite: boolean, today: string, months: number): ConnectionState {
  if (c.status === 'stopped') return 'stopped';
  if (!requiresSiteToSite) return 'not_required';
  if (c.protocol !== 'vpn_site_to_site') return 'not_site_to_site';
  if (!checkedWithin(c.checkedOn, today, months)) return 'unchecked';
  return 'ok';
}

export const isFlagged = (s: ConnectionState): boolean => (FLAGGED_CONNECTION_STATES as readonly string[]).includes(s);

/**
 * The figures a report states for one system (active connections only):
 * connections; over site-to-site VPN; not compliant (Rule 7 flags: not site-to-site, or not checked
 * within N months — only for a system that requires site-to-site VPN); not checked within N months
 * (whatever the protocol). `compliant = connections − nonCompliant` for a system that requires it.
 */
export interface ConnectionCounts {
  connections: number;
  siteToSite: number;
  nonCompliant: number;
  notChecked: number;
}

export const NO_CONNECTIONS: ConnectionCounts = { connections: 0, siteToSite: 0, nonCompliant: 0, notChecked: 0 };

export function connectionCounts(rows: readonly ConnectionFacts[], requiresSiteToSite: boolean, today: string, months: number): ConnectionCounts {
  const out = { ...NO_CONNECTIONS };
  for (const c of rows) {
    if (c.status !== 'active') continue;
    out.connections++;
    if (c.protocol === 'vpn_site_to_site') out.siteToSite++;
    if (isFlagged(connectionState(c, requiresSiteToSite, today, months))) out.nonCompliant++;
    if (!checkedWithin(c.checkedOn, today, months)) out.notChecked++;
  }
  return out;
}

/** Why a connection record is inconsistent, or null: a check needs both who and when. */
export type ConnectionIssue = { path: 'checkedBy' | 'checkedOn'; issue: 'check_needs_both' };

export function connectionIssue(c: { checkedBy: string; checkedOn: string | null }): ConnectionIssue | null {
  if (c.checkedOn !== null && c.checkedBy === '') return { path: 'checkedBy', issue: 'check_needs_both' };
  if (c.checkedOn === null && c.checkedBy !== '') return { path: 'checkedOn', issue: 'check_needs_both' };
  return null;
}
