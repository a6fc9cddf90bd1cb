import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { vi } from '../../../../shared/i18n/vi';
import type { LockStatus } from '../../../../shared/lock/schema';
import { useApi } from '../../api/context';
import { LockScreen } from './LockScreen';
import './reliability.css';

interface LockControl {
  status: LockStatus | null;
  refresh: () => Promise<void>;
  lockNow: () => Promise<void>;
}

const LockContext = createContext<LockControl>({ status: null, refresh: async () => undefined, lockNow: async () => undefined });
export const useAppLock = (): LockControl => useContext(LockContext);

const INPUT_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;
const POLL_MS = 15_000;

/**
 * The app lock in the UI. The lock itself lives in the core (every call but a few is refused while
 * locked); this shows the lock screen instead of the app, locks after the idle minutes without
 * keyboard or mouse input, locks on Ctrl+L, and polls so a lock made by the core is seen.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const lastInput = useRef(Date.now());

  const refresh = useCallback(
    () =>
      api['lock.status']({})
        .then((s) => setStatus(s))
        // No lock status (e.g. the harness token is missing): the app shows its own error.
        .catch(() => setUnavailable(true)),
    [api],
  );
  const lockNow = useCallback(() => api['lock.lock']({}).then(setStatus), [api]);

  useEffect(() => {
    void refresh();
    const poll = setInterval(() => void refresh(), POLL_MS);
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(poll);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  const active = status?.enabled === true && !status.locked;
  const idleMinutes = status?.idleMinutes ?? 0;
  useEffect(() => {
    if (!active) return;
    lastInput.current = Date.now();
    const onInput = () => {
      lastInput.current = Date.now();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        void lockNow();
      }
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { passive: true, capture: true });
    window.addEventListener('keydown', onKey);
    const timer =
      idleMinutes > 0
        ? setInterval(() => {
            if (Date.now() - lastInput.current > idleMinutes * 60_000) void lockNow();
          }, 5_000)
        : undefined;
    return () => {
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
      window.removeEventListener('keydown', onKey);
      if (timer) clearInterval(timer);
    };
  }, [active, idleMinutes, lockNow]);

  if (!status && !unavailable) return <div className="splash">{vi.common.loading}</div>;
  if (status?.locked) return <LockScreen status={status} onUnlocked={setStatus} />;
  return <LockContext.Provider value={{ status, refresh, lockNow }}>{children}</LockContext.Provider>;
}
