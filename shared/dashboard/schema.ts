import type { CampaignProgress } from '../campaigns/schema';
import type { RotationState } from '../rotation/rules';

export type TodoKind = 'overdue' | 'never' | 'to_cancel';

export interface TodoItem {
  kind: TodoKind;
  accountId: number;
  loginName: string;
  systemName: string;
  personId: number | null;
  personName: string | null;
  unitName: string;
  /** Due date for overdue items, the owner's leaving date for to_cancel. */
  date: string | null;
  daysLeft: number | null;
}

export interface DashboardSummary {
  today: string;
  campaigns: CampaignProgress[];
  rotation: Record<RotationState, number>;
  todoCounts: Record<TodoKind, number>;
  /** Overdue first, then never confirmed, then leavers' accounts; capped for display. */
  todos: TodoItem[];
}
