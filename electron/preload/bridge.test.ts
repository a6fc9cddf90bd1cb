import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { createBridge } from './bridge';

// The only fake: the `electron` module the sandboxed preload imports.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, result: { channel, input } })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: { invoke: electron.invoke, send: () => {}, on: () => {} },
}));

describe('createBridge', () => {
  it('has one function per contract method, and nothing else', () => {
    const bridge = createBridge(async () => undefined);
    expect(Object.keys(bridge).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) expect(bridge[name], name).toBeTypeOf('function');
  });

  it('invokes attk:<method> with exactly the input, and returns the envelope as is', async () => {
    const calls: unknown[][] = [];
    const bridge = createBridge(async (...args) => {
      calls.push(args);
      return { ok: true, result: [] };
    });
    const call = bridge['people.list'] as (...args: unknown[]) => Promise<unknown>;
    const envelope = await call({ q: 'nguyen' }, 'extra argument', () => 'callback');
    expect(calls).toEqual([['attk:people.list', { q: 'nguyen' }]]);
    expect(envelope).toEqual({ ok: true, result: [] });
  });

  it('is frozen: the page cannot swap a method for its own', () => {
    const bridge = createBridge(async () => undefined);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});

describe('preload', () => {
  it("exposes the bridge as window.attk, and only that (never ipcRenderer)", async () => {
    await import('./index');
    expect([...electron.exposed.keys()]).toEqual(['attk']);
    const api = electron.exposed.get('attk') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const value of Object.values(api)) expect(value).toBeTypeOf('function');
    expect(Object.values(api)).not.toContain(electron.invoke);
  });

  it('each exposed function calls ipcRenderer.invoke("attk:<name>", input)', async () => {
    await import('./index');
    const api = electron.exposed.get('attk') as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of methodNames) {
      electron.invoke.mockClear();
      const input = { probe: name };
      await expect(api[name]!(input)).resolves.toEqual({ ok: true, result: { channel: `attk:${name}`, input } });
      expect(electron.invoke).toHaveBeenCalledExactlyOnceWith(`attk:${name}`, input);
    }
  });
});
