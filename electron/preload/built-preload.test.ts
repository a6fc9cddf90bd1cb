import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';

/**
 * The preload as built (out/preload/index.cjs), loaded the way a sandboxed renderer loads it:
 * CommonJS, and `require` knows only 'electron'. Anything else it tries to require (zod, date-fns…)
 * would make the preload fail in the real app, leaving the UI without `window.attk`.
 * Checks the last build; skipped when there is none.
 */
const built = join(__dirname, '..', '..', 'out', 'preload', 'index.cjs');

describe('built preload', () => {
  it.skipIf(!existsSync(built))('runs in a sandbox that can require only "electron", and exposes the contract', async () => {
    const exposed = new Map<string, Record<string, (input: unknown) => Promise<unknown>>>();
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (input: unknown) => Promise<unknown>>) => exposed.set(key, api) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, result: null }) },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${name}"`);
    };
    const context = createContext({ require: sandboxRequire, module: { exports: {} }, exports: {}, console });
    runInContext(readFileSync(built, 'utf8'), context, { filename: built });

    expect([...exposed.keys()]).toEqual(['attk']);
    const api = exposed.get('attk')!;
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    await api['systems.list']!({});
    expect(invoked).toEqual([['attk:systems.list', {}]]);
  });
});
