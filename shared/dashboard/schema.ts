import type { CampaignProgress } from '../campaigns/schema';
import type { ForcedChange } from '../devices/rules';
import type { DeviceTodos } from '../devices/schema';
import type { ConnectionTodos } from '../connections/schema';
import type { SecurityOverview } from '../security/schema';
import type { RotationState } from '../rotation/rules';

/** 'forced' (Rule 5: password change forced by malware on the owner's device) comes first. */
export type TodoKind = 'forced' | 'overdue' | 'never' | 'to_cancel';

export interface TodoItem {
  kind: TodoKind;
  accountId: number;
  loginName: string;
  systemName: string;
  personId: number | null;
  personName: string | null;
  unitName: string;
  /** Due date for overdue items, the owner's leaving date for to_cancel, the infection or remediation date for forced. */
  date: string | null;
  daysLeft: number | null;
  /** Set for 'forced' items only. */
  forced: ForcedChange | null;
}

export interface DashboardSummary {
  today: string;
  campaigns: CampaignProgress[];
  rotation: Record<RotationState, number>;
  todoCounts: Record<TodoKind, number>;
  /** Forced by malware first (still infected before remediated), then overdue, never confirmed, leavers' accounts; capped for display. */
  todos: TodoItem[];
  /** Rules 4 and 5 on devices: infected first, then unchecked, no antivirus, unlicensed, expired. */
  devices: DeviceTodos;
  /** Rule 7: connections to a system that requires site-to-site VPN that are not over it, or not checked in time. */
  connections: ConnectionTodos;
  /** Rule 8: every system with a feature list (the card lists the flagged ones) and accounts with a personal feature unused. */
  security: SecurityOverview;
  /** The first-run path (issue 18): what a new unit has set up, each step done when its count is > 0. */
  setup: SetupProgress;
}

export interface SetupProgress {
  /** People working in the home unit or below. */
  people: number;
  /** Active tracked systems. */
  systems: number;
  /** Active accounts. */
  accounts: number;
  /** Campaigns past draft (started, reported or sent). */
  campaignsStarted: number;
  /** Campaigns still in draft. */
  campaignsDraft: number;
}

export const SETUP_STEPS = ['people', 'systems', 'accounts', 'campaign'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** Which first-run steps are done; the card shows until all are. */
export function setupDone(s: SetupProgress): Record<SetupStep, boolean> {
  return { people: s.people > 0, systems: s.systems > 0, accounts: s.accounts > 0, campaign: s.campaignsStarted > 0 };
}
