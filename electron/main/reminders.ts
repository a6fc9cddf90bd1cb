// Desktop notifications for the monthly evaluation cycle (Đánh giá hằng tháng). The rules live in
// shared/evaluation/rules.ts and are served by the contract method `evaluation.reminders`; this
// file only polls it and shows what is new. Nothing here imports `electron`: the shell injects
// its Notification class, a function that calls the contract, and the timer functions, so the
// behaviour is unit-tested with fakes (reminders.test.ts).
import type { EvaluationReminder, EvaluationReminders } from '../../shared/evaluation/schema';
import type { Envelope } from '../../shared/errors';

/** What the notifier needs of Electron's `Notification` (its constructor options and instance). */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: () => void): unknown;
}
/** Electron 45's activation details (structures/activation-arguments); only `type` is read. */
export interface ActivationDetails {
  type: string;
}
export interface NotificationConstructor {
  new (options: { title: string; body: string }): NotificationLike;
  /**
   * Windows (Electron ≥ 45): one callback for every click on one of the app's toasts — also one
   * clicked in the Action Center long after its object is gone, or the click that started the app.
   */
  handleActivation?: (callback: (details: ActivationDetails) => void) => void;
}

// Compile-time check that Electron's own class fits (type-only: loads nothing at run time).
type ElectronNotificationFits = typeof import('electron').Notification extends NotificationConstructor ? true : never;
const _electronNotificationFits: ElectronNotificationFits = true;
void _electronNotificationFits;

export interface EvaluationRemindersOptions {
  Notification: NotificationConstructor;
  /** Calls the contract, e.g. `(method, input) => dispatch(core, method, input)`. */
  call: (method: 'evaluation.reminders', input: Record<string, never>) => Promise<Envelope<unknown>>;
  setInterval: (callback: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  /**
   * How often to ask (default: every hour). Each reminder id is shown at most once per day (the
   * core's "today"), so polling hourly means "daily" survives sleep, resume and midnight without
   * repeating itself.
   */
  intervalMs?: number;
  /**
   * When the user clicks a notification, e.g. focus the window and open `#/evaluation`. The
   * reminder is null for a click Windows reports through Notification.handleActivation (a toast
   * from the Action Center may belong to an earlier run).
   */
  onClick?: (reminder: EvaluationReminder | null) => void;
  /** Defaults to `process.platform`; handleActivation is used on 'win32' only (where Electron has it). */
  platform?: NodeJS.Platform;
  /** Where failures go; a failed poll never throws and the next one tries again. */
  log?: (message: string, error: unknown) => void;
}

export interface EvaluationRemindersHandle {
  /** Ask now and show what is new (also what the timer calls). Resolves to the reminders shown. */
  check: () => Promise<EvaluationReminder[]>;
  /** Notifications shown and not yet closed (kept referenced so their events still arrive). */
  pending: () => number;
  stop: () => void;
}

/**
 * At most this many shown notifications are kept referenced; the oldest is let go first. Windows'
 * Action Center keeps 20 per app, and on Windows a click on an old one still arrives through
 * handleActivation.
 */
export const MAX_PENDING_NOTIFICATIONS = 20;

export const DEFAULT_REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Start the evaluation reminders: one check at once, then one every `intervalMs`. A reminder is
 * shown once per (day, id): the same "send before the 28th" reminder comes back the next day if
 * the PDF is still unsent, never twice the same day. Overlapping checks are skipped.
 */
export function startEvaluationReminders(options: EvaluationRemindersOptions): EvaluationRemindersHandle {
  const log = options.log ?? ((message: string, error: unknown) => console.error(`[attk] ${message}:`, error));
  let shownDay = '';
  let shown = new Set<string>();
  let running: Promise<EvaluationReminder[]> | null = null;
  let stopped = false;
  // An Electron Notification whose JavaScript object is garbage-collected loses its events: a
  // click on it does nothing. Each one stays here until it is closed (or fails to show).
  const pending = new Set<NotificationLike>();
  const release = (notification: NotificationLike) => pending.delete(notification);
  const Notification = options.Notification;
  const activation = (options.platform ?? process.platform) === 'win32' && typeof Notification.handleActivation === 'function';
  if (activation && options.onClick) {
    const onClick = options.onClick;
    // Called for every click, also while the object is alive, so the instance click is not used.
    Notification.handleActivation?.((details) => {
      if (stopped) return;
      if (details.type === 'click' || details.type === 'action') onClick(null);
    });
  }

  const poll = async (): Promise<EvaluationReminder[]> => {
    let envelope: Envelope<unknown>;
    try {
      envelope = await options.call('evaluation.reminders', {});
    } catch (error) {
      log('evaluation reminders failed', error);
      return [];
    }
    if (!envelope.ok) {
      log('evaluation reminders failed', envelope.error);
      return [];
    }
    const { today, reminders } = envelope.result as EvaluationReminders;
    if (stopped || typeof today !== 'string' || !Array.isArray(reminders)) return [];
    if (today !== shownDay) {
      shownDay = today;
      shown = new Set();
    }
    const fresh = reminders.filter((r) => !shown.has(r.id));
    for (const reminder of fresh) {
      shown.add(reminder.id);
      try {
        const notification = new Notification({ title: reminder.title, body: reminder.text });
        if (options.onClick && !activation) notification.on('click', () => options.onClick?.(reminder));
        notification.on('close', () => release(notification));
        notification.on('failed', () => release(notification));
        pending.add(notification);
        if (pending.size > MAX_PENDING_NOTIFICATIONS) release(pending.values().next().value as NotificationLike);
        notification.show();
      } catch (error) {
        log('showing a notification failed', error);
      }
    }
    return fresh;
  };

  const check = (): Promise<EvaluationReminder[]> => {
    if (stopped) return Promise.resolve([]);
    if (running) return running.then(() => []);
    running = poll().finally(() => {
      running = null;
    });
    return running;
  };

  void check();
  const timer = options.setInterval(() => void check(), options.intervalMs ?? DEFAULT_REMINDER_INTERVAL_MS);
  return {
    check,
    pending: () => pending.size,
    stop: () => {
      stopped = true;
      options.clearInterval(timer);
      pending.clear();
    },
  };
}
