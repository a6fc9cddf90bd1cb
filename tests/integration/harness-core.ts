import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { Envelope } from '../../shared/errors';
import { createCore, dispatch, type Core } from '../../electron/core';

/** A real core on a temporary SQLite file, with a fixed clock, and typed call helpers. */
export interface TestCore {
  core: Core;
  file: string;
  call: <M extends MethodName>(method: M, input: InputOf<M>) => Promise<ResultOf<M>>;
  raw: (method: string, input: unknown) => Promise<Envelope<unknown>>;
  close: () => void;
}

export function makeTestCore(today = '2024-01-20'): TestCore {
  const dir = mkdtempSync(join(tmpdir(), 'attk-it-'));
  const file = join(dir, 'attk.sqlite');
  const core = createCore({ file, shell: 'cli', appVersion: 'test', actor: 'tester', now: () => new Date(`${today}T09:00:00`) });
  return {
    core,
    file,
    call: async (method, input) => {
      const envelope = await dispatch(core, method, input);
      if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.result as never;
    },
    raw: (method, input) => dispatch(core, method, input),
    close: () => {
      core.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const HOME_UNIT = {
  parentBody: 'UBND QUẬN ĐỐNG ĐA',
  name: 'UBND PHƯỜNG VĂN MIẾU',
  code: 'VM',
  headName: 'Nguyễn Văn Hùng',
  headTitle: 'CHỦ TỊCH',
  signAuthority: 'TM. ỦY BAN NHÂN DÂN',
  placeName: 'Đống Đa',
  reportSymbol: 'BC-UBND',
  recipientName: 'Phòng Nội vụ quận Đống Đa',
};

/** Every table's full contents, hashed, plus row counts: "changed nothing" means these are equal. */
export function snapshot(core: Core): Record<string, string | number> {
  const tables = core.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const result: Record<string, string | number> = {};
  for (const { name } of tables) {
    const rows = core.db.prepare(`SELECT * FROM "${name}"`).raw().all();
    result[name] = rows.length;
    result[`${name}#`] = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
  }
  return result;
}
