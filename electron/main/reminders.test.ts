import { describe, expect, it } from 'vitest';
import type { EvaluationReminder } from '../../shared/evaluation/schema';
import type { Envelope } from '../../shared/errors';
import { DEFAULT_REMINDER_INTERVAL_MS, MAX_PENDING_NOTIFICATIONS, startEvaluationReminders, type EvaluationRemindersOptions } from './reminders';

// Fakes only: a Notification class that records, a contract whose answer the test sets, and a
// timer the test fires by hand.

function reminder(id: string, text = `nhắc ${id}`): EvaluationReminder {
  const [month = '2024-01', kind = 'send_due_soon'] = id.split(':');
  return {
    id, kind: kind as EvaluationReminder['kind'], severity: 'warning', month, date: '2024-01-28', from: '2024-01-28', daysLeft: 2,
    suggestedSendBy: null, title: 'Đánh giá hằng tháng', text,
  };
}

function setup(overrides: Partial<EvaluationRemindersOptions> = {}) {
  const shown: { title: string; body: string }[] = [];
  const clicks: ((() => void) | undefined)[] = [];
  const instances: FakeNotification[] = [];
  class FakeNotification {
    readonly listeners: Record<string, (() => void) | undefined> = {};
    constructor(private readonly options: { title: string; body: string }) {
      instances.push(this);
    }
    on(event: 'click' | 'close' | 'failed', listener: () => void) {
      this.listeners[event] = listener;
      return this;
    }
    show() {
      shown.push(this.options);
      clicks.push(this.listeners.click);
    }
    /** What Electron does when the toast is dismissed, times out, or cannot be shown. */
    emit(event: 'close' | 'failed') {
      this.listeners[event]?.();
    }
  }
  let answer: Envelope<unknown> = { ok: true, result: { today: '2024-01-26', reminders: [] } };
  const calls: [string, unknown][] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const logged: string[] = [];
  const options: EvaluationRemindersOptions = {
    Notification: FakeNotification,
    call: async (method, input) => {
      calls.push([method, input]);
      return answer;
    },
    setInterval: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearInterval: (t) => {
      (t as { cleared: boolean }).cleared = true;
    },
    log: (message) => logged.push(message),
    ...overrides,
  };
  return {
    shown, clicks, calls, timers, logged, options, instances, FakeNotification,
    answer: (today: string, reminders: EvaluationReminder[]) => {
      answer = { ok: true, result: { today, reminders } };
    },
    fail: (envelope: Envelope<unknown>) => {
      answer = envelope;
    },
    /** Let the pending promise chain run. */
    settle: () => new Promise((r) => setTimeout(r, 0)),
  };
}

describe('startEvaluationReminders', () => {
  it('asks the contract at start and shows each reminder as a desktop notification', async () => {
    const f = setup();
    f.answer('2024-01-24', [reminder('2024-01:send_due_soon', 'Gửi PDF chậm nhất Thứ Sáu 26/01/2024'), reminder('2024-01:self_eval_open')]);
    startEvaluationReminders(f.options);
    await f.settle();
    expect(f.calls).toEqual([['evaluation.reminders', {}]]);
    expect(f.shown).toEqual([
      { title: 'Đánh giá hằng tháng', body: 'Gửi PDF chậm nhất Thứ Sáu 26/01/2024' },
      { title: 'Đánh giá hằng tháng', body: 'nhắc 2024-01:self_eval_open' },
    ]);
  });

  it('polls every hour by default, and shows a reminder once a day however often it asks', async () => {
    const f = setup();
    f.answer('2024-01-24', [reminder('2024-01:send_due_soon')]);
    startEvaluationReminders(f.options);
    await f.settle();
    expect(f.timers).toHaveLength(1);
    expect(f.timers[0]!.ms).toBe(DEFAULT_REMINDER_INTERVAL_MS);
    for (let i = 0; i < 5; i++) {
      f.timers[0]!.fn();
      await f.settle();
    }
    expect(f.calls).toHaveLength(6);
    expect(f.shown).toHaveLength(1);

    // The next day the still-unsent PDF is reminded again, once, beside the day's new reminder.
    f.answer('2024-01-25', [reminder('2024-01:send_due_soon'), reminder('2024-01:unit_eval_today')]);
    f.timers[0]!.fn();
    await f.settle();
    expect(f.shown.map((s) => s.body)).toEqual(['nhắc 2024-01:send_due_soon', 'nhắc 2024-01:send_due_soon', 'nhắc 2024-01:unit_eval_today']);
    f.timers[0]!.fn();
    await f.settle();
    expect(f.shown).toHaveLength(3);
  });

  it('shows a reminder that appears later the same day', async () => {
    const f = setup();
    f.answer('2024-03-29', []);
    const handle = startEvaluationReminders(f.options);
    await f.settle();
    f.answer('2024-03-29', [reminder('2024-03:pdf_overdue')]);
    expect((await handle.check()).map((r) => r.id)).toEqual(['2024-03:pdf_overdue']);
    expect(await handle.check()).toEqual([]);
    expect(f.shown).toHaveLength(1);
  });

  it('uses the interval it is given, and stop() clears the timer and silences pending checks', async () => {
    const f = setup({ intervalMs: 1000 });
    f.answer('2024-01-24', [reminder('2024-01:send_due_soon')]);
    const handle = startEvaluationReminders(f.options);
    handle.stop();
    await f.settle();
    expect(f.timers[0]).toMatchObject({ ms: 1000, cleared: true });
    expect(f.shown).toEqual([]);
    expect(await handle.check()).toEqual([]);
  });

  it('calls onClick with the reminder when a notification is clicked', async () => {
    const clicked: string[] = [];
    const f = setup({ onClick: (r) => clicked.push(r?.id ?? 'activation'), platform: 'linux' });
    f.answer('2024-01-24', [reminder('2024-01:send_due_soon')]);
    startEvaluationReminders(f.options);
    await f.settle();
    f.clicks[0]!();
    expect(clicked).toEqual(['2024-01:send_due_soon']);
  });

  it('survives a failing contract call or a typed error, logs it, and tries again next time', async () => {
    const f = setup();
    f.fail({ ok: false, error: { code: 'DATABASE', message: 'Không mở được cơ sở dữ liệu' } });
    const handle = startEvaluationReminders(f.options);
    await f.settle();
    const throwing = setup({ call: async () => Promise.reject(new Error('boom')) });
    startEvaluationReminders(throwing.options);
    await throwing.settle();
    expect(f.logged).toEqual(['evaluation reminders failed']);
    expect(throwing.logged).toEqual(['evaluation reminders failed']);
    f.answer('2024-01-24', [reminder('2024-01:send_due_soon')]);
    await handle.check();
    expect(f.shown).toHaveLength(1);
  });

  it('does not run two checks at once', async () => {
    let release: (v: Envelope<unknown>) => void = () => undefined;
    const f = setup({ call: () => new Promise((r) => (release = r)) });
    const handle = startEvaluationReminders(f.options);
    const second = handle.check();
    release({ ok: true, result: { today: '2024-01-24', reminders: [reminder('2024-01:send_due_soon')] } });
    expect(await second).toEqual([]);
    await f.settle();
    expect(f.shown).toHaveLength(1);
  });
});

describe('notification lifetime and activation', () => {
  it('keeps every shown notification referenced until it is closed or fails, so its click still arrives', async () => {
    const f = setup({ platform: 'linux' });
    f.answer('2024-01-24', [reminder('2024-01:send_due_soon'), reminder('2024-01:send_overdue')]);
    const handle = startEvaluationReminders(f.options);
    await f.settle();
    expect(handle.pending()).toBe(2);
    f.instances[0]!.emit('close');
    expect(handle.pending()).toBe(1);
    f.instances[1]!.emit('failed');
    expect(handle.pending()).toBe(0);
  });

  it('lets go of the oldest beyond MAX_PENDING_NOTIFICATIONS, and of all on stop', async () => {
    const f = setup({ platform: 'linux' });
    const many = Array.from({ length: MAX_PENDING_NOTIFICATIONS + 5 }, (_, i) => reminder(`2024-01:k${i}`));
    f.answer('2024-01-24', many);
    const handle = startEvaluationReminders(f.options);
    await f.settle();
    expect(f.shown).toHaveLength(MAX_PENDING_NOTIFICATIONS + 5);
    expect(handle.pending()).toBe(MAX_PENDING_NOTIFICATIONS);
    handle.stop();
    expect(handle.pending()).toBe(0);
  });

  it('on Windows, takes every click through Notification.handleActivation (also a toast from an earlier run), once', async () => {
    const clicked: (string | null)[] = [];
    const f = setup({ platform: 'win32', onClick: (r) => clicked.push(r?.id ?? null) });
    let activate: ((details: { type: string; arguments: string }) => void) | undefined;
    const WithActivation = Object.assign(f.FakeNotification, {
      handleActivation: (callback: (details: { type: string; arguments: string }) => void) => {
        activate = callback;
      },
    });
    f.answer('2024-01-24', [reminder('2024-01:send_due_soon')]);
    const handle = startEvaluationReminders({ ...f.options, Notification: WithActivation });
    await f.settle();
    expect(activate).toBeTypeOf('function');
    expect(f.clicks).toEqual([undefined]); // no per-object click: it would fire a second time
    activate!({ type: 'click', arguments: '' });
    expect(clicked).toEqual([null]);
    activate!({ type: 'reply', arguments: '' });
    expect(clicked).toEqual([null]);
    handle.stop();
    activate!({ type: 'click', arguments: '' });
    expect(clicked).toEqual([null]);
  });

  it('without handleActivation (other platforms, older Electron) uses each notification’s click', async () => {
    const clicked: (string | null)[] = [];
    const f = setup({ platform: 'win32', onClick: (r) => clicked.push(r?.id ?? null) });
    f.answer('2024-01-24', [reminder('2024-01:send_due_soon')]);
    startEvaluationReminders(f.options);
    await f.settle();
    f.clicks[0]!();
    expect(clicked).toEqual(['2024-01:send_due_soon']);
  });
});
