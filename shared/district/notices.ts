import { NO_CONNECTIONS, type ConnectionCounts } from '../connections/rules';

// What the receiving office reads, per unit, about the two remaining requirements of the notices
// (issue 21): Rule 7 (data connections over VPN site-to-site, seed 000) from the signed payload's
// `figures.connections.required`, and Rule 8 (security features checked, seed 001) from
// `figures.security`. The office never recomputes them: it shows what each unit signed, and sums.

/** A unit's Rule 8 figures as its file states them. */
export interface UnitSecurityFigures {
  /** Systems with a list of security features; = ok + overdue (never checked or late) + unused. */
  systems: number;
  ok: number;
  overdue: number;
  unused: number;
  /** The most recent system-wide check among its systems (null: none ever). */
  lastCheckedOn: string | null;
}

export interface UnitNotices {
  unitId: number;
  code: string;
  name: string;
  submissionId: number;
  /** Connections to the systems that require site-to-site VPN (null: the file does not state them). */
  connections: ConnectionCounts | null;
  security: UnitSecurityFigures | null;
}

export interface NoticeTotals {
  connections: ConnectionCounts;
  security: Omit<UnitSecurityFigures, 'lastCheckedOn'>;
  /** Units with at least one non-compliant connection / at least one system not ok. */
  unitsNonCompliant: number;
  unitsSecurityFlagged: number;
}

export interface BoardNotices {
  /** The units shown on the board that sent a file, in the board's order. */
  units: UnitNotices[];
  total: NoticeTotals;
}

/** A unit's Rule 8 result in one word: every system ok, some flagged, or no system to check. */
export type UnitSecurityResult = 'ok' | 'flagged' | 'none';
export function unitSecurityResult(s: UnitSecurityFigures): UnitSecurityResult {
  if (s.systems === 0) return 'none';
  return s.overdue + s.unused > 0 ? 'flagged' : 'ok';
}

export function sumNotices(units: readonly UnitNotices[]): NoticeTotals {
  const connections = { ...NO_CONNECTIONS };
  const security = { systems: 0, ok: 0, overdue: 0, unused: 0 };
  let unitsNonCompliant = 0;
  let unitsSecurityFlagged = 0;
  for (const u of units) {
    if (u.connections) {
      for (const k of Object.keys(connections) as (keyof ConnectionCounts)[]) connections[k] += u.connections[k];
      if (u.connections.nonCompliant > 0) unitsNonCompliant++;
    }
    if (u.security) {
      for (const k of Object.keys(security) as (keyof typeof security)[]) security[k] += u.security[k];
      if (unitSecurityResult(u.security) === 'flagged') unitsSecurityFlagged++;
    }
  }
  return { connections, security, unitsNonCompliant, unitsSecurityFlagged };
}
