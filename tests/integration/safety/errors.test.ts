import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi as vitest } from 'vitest';
import { createCore, dispatch } from '../../../electron/core';
import { main } from '../../../electron/cli/main';
import { errorLogPath } from '../../../electron/core/db/error-log';
import { integrity, openCore, seededDatabase, tempFixture, type Fixture } from '../reliability/helpers';

// Issue 16 §6: every error a person can meet is specific and Vietnamese, with no stack on the
// console; stacks go to attk-errors.log beside the database.

let fx: Fixture;
let consoleError: ReturnType<typeof vitest.spyOn>;
beforeEach(() => {
  fx = tempFixture('attk-errors-');
  consoleError = vitest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vitest.restoreAllMocks();
  fx.cleanup();
});

const run = async (...argv: string[]) => {
  const lines: string[] = [];
  const code = await main(argv, { out: (t) => lines.push(t), err: (t) => lines.push(t) });
  return { code, text: lines.join('\n') };
};
const noStack = (text: string) => expect(text).not.toMatch(/ZodError|SqliteError|\bat .*\.(ts|js):\d+|SQLITE_[A-Z]+/);
const person = (fullName: string) => ({ fullName, position: '', department: '', staffType: 'cong_chuc' as const, partyMember: false, note: '' });

/** chattr +i makes a file read-only even for root; where the kernel or container refuses it, the case is skipped. */
function immutable(file: string, on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('errors a person can meet', () => {
  it('a file over 20 MB: the size and the limit, no ZodError', async () => {
    seededDatabase(fx.file);
    const big = join(fx.dir, 'danh-sach.xlsx');
    writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 1));
    const r = await run('import', 'staff', big, '--db', fx.file);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/quá lớn: 21 MB \(giới hạn 20 MB\)/);
    noStack(r.text);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('a read-only database is refused at start with what to do — by the core, `attk serve` and `attk export`', async (ctx) => {
    seededDatabase(fx.file);
    if (!immutable(fx.file, true)) ctx.skip();
    try {
      expect(() => createCore({ file: fx.file, shell: 'cli', appVersion: 'test' })).toThrow(/chỉ cho phép đọc.*Read-only/s);
      for (const args of [['serve', '--db', fx.file], ['export', 'report', '--db', fx.file, '--campaign', '1', '--out', join(fx.dir, 'x.xlsx')]]) {
        const r = await run(...args);
        expect(r.code).toBe(1);
        expect(r.text).toMatch(/chỉ cho phép đọc/);
        noStack(r.text);
      }
    } finally {
      immutable(fx.file, false);
    }
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('a full disk: "Ổ đĩa đầy…", the data already there kept intact', async () => {
    seededDatabase(fx.file);
    const core = openCore(fx.file);
    try {
      const pages = core.db.pragma('page_count', { simple: true }) as number;
      core.db.pragma(`max_page_count = ${pages}`);
      let refused: { code: string; message: string } | null = null;
      let saved = 0;
      for (let i = 0; i < 5000 && !refused; i++) {
        const r = await dispatch(core, 'people.create', person(`Nguyễn Văn Thử ${i} ${'x'.repeat(100)}`));
        if (r.ok) saved++;
        else refused = r.error;
      }
      expect(refused?.code).toBe('DATABASE');
      expect(refused?.message).toMatch(/^Ổ đĩa đầy/);
      expect(refused?.message).toMatch(/giữ nguyên/);
      noStack(refused!.message);
      const count = (core.db.prepare("SELECT COUNT(*) AS n FROM people WHERE full_name LIKE 'Nguyễn Văn Thử %'").get() as { n: number }).n;
      expect(count).toBe(saved);
    } finally {
      core.db.close();
    }
    expect(integrity(fx.file)).toBe('ok');
  });

  it('a busy database (another program writing): says so, changes nothing', async () => {
    seededDatabase(fx.file);
    const core = openCore(fx.file);
    const other = new Database(fx.file);
    try {
      core.db.pragma('busy_timeout = 50');
      other.exec('BEGIN IMMEDIATE');
      const r = await dispatch(core, 'people.create', person('Trần Thị Bận'));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('DATABASE');
        expect(r.error.message).toMatch(/đang bận/);
        noStack(r.error.message);
      }
      other.exec('ROLLBACK');
      expect(core.db.prepare("SELECT COUNT(*) AS n FROM people WHERE full_name = 'Trần Thị Bận'").get()).toEqual({ n: 0 });
    } finally {
      other.close();
      core.db.close();
    }
  });

  it('an unexpected error: the generic message on screen, the stack in attk-errors.log beside the database', async () => {
    const core = openCore(fx.file);
    try {
      (core.handlers as Record<string, unknown>)['app.info'] = () => {
        throw new TypeError('boom in a handler');
      };
      const r = await dispatch(core, 'app.info', {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INTERNAL');
      const log = errorLogPath(fx.file);
      expect(log).toBe(join(fx.dir, 'attk-errors.log'));
      expect(existsSync(log)).toBe(true);
      expect(readFileSync(log, 'utf8')).toMatch(/TypeError: boom in a handler\n\s+at /);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      core.db.close();
    }
  });
});
