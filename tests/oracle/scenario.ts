import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, dispatch, type Core } from '../../electron/core';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import { record, TODAY, type Scenario } from './generate';

// The random units of tests/oracle/generate.ts, played in-process (vitest): a new temporary
// database and a clock that moves one minute per event, so "recorded at" follows the order of events.

export * from './generate';

export interface Played {
  core: Core;
  file: string;
  call: <M extends MethodName>(method: M, input: InputOf<M>) => Promise<ResultOf<M>>;
  campaignId: number;
  close: () => void;
}

/**
 * Record the scenario through the API on a new temporary database; refused events (the API's own
 * checks) are skipped. `today` is the unit's clock (TODAY by default: after every event).
 */
export async function play(s: Scenario, code = 'VM', { name, today = TODAY }: { name?: string; today?: string } = {}): Promise<Played> {
  const dir = mkdtempSync(join(tmpdir(), 'attk-oracle-'));
  const file = join(dir, 'attk.sqlite');
  let minute = 0;
  const core = createCore({ file, shell: 'cli', appVersion: 'test', actor: 'oracle', now: () => new Date(Date.parse(`${today}T01:00:00Z`) + minute * 60_000) });
  const call = async <M extends MethodName>(method: M, input: InputOf<M>): Promise<ResultOf<M>> => {
    const e = await dispatch(core, method, input);
    if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
    return e.result as ResultOf<M>;
  };
  const close = () => {
    core.db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const campaignId = await record(s, (method, input) => dispatch(core, method, input), { code, ...(name ? { name } : {}), tick: () => minute++ });
    minute++;
    return { core, file, call, campaignId, close };
  } catch (e) {
    close();
    throw e;
  }
}
