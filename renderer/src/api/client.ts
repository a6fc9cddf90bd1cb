import { methodNames, type Api, type Bridge, type MethodName } from '../../../shared/api/contract';
import { unwrap, type Envelope } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';

declare global {
  interface Window {
    /** Present in Electron: the preload's bridge of the contract. */
    attk?: Bridge;
  }
}

const TOKEN_KEY = 'attk.harnessToken';

/**
 * The one client the UI talks through, typed by the contract. In Electron it wraps the preload's
 * `window.attk`; under `attk serve` it calls the HTTP harness with the per-run token, which the
 * harness printed in the URL fragment (read once, then removed from the address bar).
 */
export function createClient(): Api {
  const bridge = window.attk;
  const call: (method: MethodName, input: unknown) => Promise<Envelope<unknown>> = bridge
    ? (method, input) => (bridge[method] as (i: unknown) => Promise<Envelope<unknown>>)(input)
    : httpCall(readHarnessToken());
  const api = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const name of methodNames) api[name] = (input: unknown) => call(name, input ?? {}).then(unwrap);
  return api as unknown as Api;
}

function readHarnessToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', `${window.location.pathname}#/`);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpCall(token: string) {
  return async (method: MethodName, input: unknown): Promise<Envelope<unknown>> => {
    if (!token) return { ok: false, error: { code: 'FORBIDDEN', message: vi.harness.noToken } };
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: vi.errors.internal } };
    }
    if (response.status === 401) return { ok: false, error: { code: 'FORBIDDEN', message: vi.harness.noToken } };
    return (await response.json()) as Envelope<unknown>;
  };
}
