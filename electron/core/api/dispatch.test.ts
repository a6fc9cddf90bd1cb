import Database from 'better-sqlite3';
import { z } from 'zod';
import { describe, expect, it, vi as vitest } from 'vitest';
import { AttkError } from '../../../shared/errors';
import { vi } from '../../../shared/i18n/vi';
import type { Db } from '../db/open';
import { dispatch, toApiError, writeAside, zodToApiError, type Core } from './dispatch';
import type { Handlers } from './types';

// The dispatcher's own contract (issue 22: the mutants of dispatch.ts), on a real SQLite
// connection with handlers written for the test: what reaches a handler, in which order, inside
// which transaction, and the exact envelope of every kind of failure.

interface Trace {
  calls: string[];
  logs: string[];
}

function makeCore(handlers: Record<string, (input: unknown) => unknown>, extra: Partial<Core> = {}): Core & Trace {
  const db = new Database(':memory:') as unknown as Db;
  db.exec('CREATE TABLE t (x INTEGER)');
  const trace: Trace = { calls: [], logs: [] };
  return {
    db,
    handlers: handlers as unknown as Handlers,
    context: () => ({ actor: 'tester', now: () => new Date('2024-01-20T09:00:00'), shell: 'cli' }) as never,
    log: (message) => trace.logs.push(message),
    ...extra,
    ...trace,
  };
}
const rows = (core: Core) => (core.db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;

describe('dispatch', () => {
  it('refuses an unknown method by its (shortened) name, or its type', async () => {
    const core = makeCore({});
    expect(await dispatch(core, 'people.nope', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Chức năng không tồn tại: people.nope.' } });
    expect(await dispatch(core, 'x'.repeat(100), {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Chức năng không tồn tại: ${'x'.repeat(80)}.` } });
    expect(await dispatch(core, 42, {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Chức năng không tồn tại: number.' } });
  });

  it('asks the gate first: a refused call is not validated and reaches no handler', async () => {
    const core = makeCore({ 'people.list': () => 'ran' }, { gate: (m) => (m === 'people.list' ? { code: 'FORBIDDEN', message: 'khóa' } : null) });
    expect(await dispatch(core, 'people.list', { junk: true })).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'khóa' } });
    const open = makeCore({ 'people.list': () => 'ran' }, { gate: () => null });
    expect(await dispatch(open, 'people.list', {})).toEqual({ ok: true, result: 'ran' });
  });

  it('validates the input with the contract: the field named in Vietnamese with its path; an unknown key; an unreadable value', async () => {
    const core = makeCore({ 'people.create': () => 'ran' });
    const missing = await dispatch(core, 'people.create', {});
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error.code).toBe('VALIDATION');
    expect(!missing.ok && missing.error.path).toEqual(['fullName']);
    expect(!missing.ok && missing.error.message.startsWith('Họ và tên: ')).toBe(true);
    expect(await dispatch(core, 'people.create', { fullName: 'An', password: 'x' })).toEqual({
      ok: false, error: { code: 'VALIDATION', message: 'Trường không được phép: password.', path: ['password'] },
    });
    const unreadable = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    expect(await dispatch(core, 'people.create', unreadable)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Dữ liệu nhập không hợp lệ.' } });
  });

  it('awaits beforeWrite before a write or a job, never before a read; the handler gets the parsed input and the context', async () => {
    const order: string[] = [];
    const core = makeCore(
      {
        'people.create': (input) => (order.push(`write ${JSON.stringify(input)}`), 'w'),
        'reports.export': () => (order.push('job'), { jobId: 'j' }),
        'people.list': () => (order.push('read'), []),
      },
      { beforeWrite: async (m) => { await new Promise((r) => setTimeout(r, 5)); order.push(`before ${m}`); } },
    );
    expect(await dispatch(core, 'people.create', { fullName: '  Nguyễn Văn An ' })).toEqual({ ok: true, result: 'w' });
    expect(await dispatch(core, 'reports.export', { campaignId: 1 })).toEqual({ ok: true, result: { jobId: 'j' } });
    expect(await dispatch(core, 'people.list', {})).toEqual({ ok: true, result: [] });
    expect(order[0]).toBe('before people.create');
    expect(order[1]!.startsWith('write {"fullName":"Nguyễn Văn An"')).toBe(true);
    expect(order.slice(2)).toEqual(['before reports.export', 'job', 'read']);
  });

  it('runs a write in one transaction: a failure rolls back what it wrote', async () => {
    let insideTransaction = false;
    const core = makeCore({
      'people.create': (input) => {
        insideTransaction = core.db.inTransaction;
        core.db.prepare('INSERT INTO t VALUES (1)').run();
        if ((input as { fullName: string }).fullName === 'Lỗi') throw new AttkError('CONFLICT', 'trùng', ['fullName']);
        return 'ok';
      },
      'people.list': () => core.db.inTransaction,
    });
    expect(await dispatch(core, 'people.create', { fullName: 'An' })).toEqual({ ok: true, result: 'ok' });
    expect(insideTransaction).toBe(true);
    expect(rows(core)).toBe(1);
    expect(await dispatch(core, 'people.create', { fullName: 'Lỗi' })).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'trùng', path: ['fullName'] } });
    expect(rows(core)).toBe(1);
    // A read runs outside any transaction.
    expect(await dispatch(core, 'people.list', {})).toEqual({ ok: true, result: false });
  });

  it('refuses an asynchronous write handler (its work would escape the transaction), rolled back and logged', async () => {
    const core = makeCore({
      'people.create': () => {
        core.db.prepare('INSERT INTO t VALUES (1)').run();
        return Promise.resolve('late');
      },
    });
    expect(await dispatch(core, 'people.create', { fullName: 'An' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: vi.errors.internal } });
    expect(rows(core)).toBe(0);
    expect(core.logs).toEqual(['unexpected error in people.create']);
  });

  it('awaits a read handler and returns its errors as envelopes, never a stack', async () => {
    const core = makeCore({ 'people.list': async () => { throw new Error('secret stack'); } });
    const e = await dispatch(core, 'people.list', {});
    expect(e).toEqual({ ok: false, error: { code: 'INTERNAL', message: vi.errors.internal } });
    expect(JSON.stringify(e)).not.toContain('secret');
    expect(core.logs).toEqual(['unexpected error in people.list']);
  });
});

describe('toApiError', () => {
  const logged: string[] = [];
  const log = (m: string) => logged.push(m);
  const coded = (code: string) => Object.assign(new Error(code), { code });

  it('maps each kind of thrown value to its typed error, logging only what is not the user\'s doing', () => {
    logged.length = 0;
    expect(toApiError(new AttkError('NOT_FOUND', 'không thấy', ['id']), 'x', log)).toEqual({ code: 'NOT_FOUND', message: 'không thấy', path: ['id'] });
    expect(toApiError(new AttkError('NOT_FOUND', 'không thấy'), 'x', log)).toEqual({ code: 'NOT_FOUND', message: 'không thấy' });
    expect(toApiError(coded('SQLITE_CONSTRAINT_UNIQUE'), 'x', log)).toEqual({ code: 'CONFLICT', message: vi.errors.conflict });
    expect(logged).toEqual([]);
    expect(toApiError(coded('SQLITE_FULL'), 'a', log)).toEqual({ code: 'DATABASE', message: vi.safety.db.full });
    expect(toApiError(coded('SQLITE_BUSY'), 'b', log)).toEqual({ code: 'DATABASE', message: vi.safety.db.busy });
    expect(toApiError(coded('EACCES'), 'c', log)).toEqual({ code: 'DATABASE', message: vi.safety.files.noPermission(vi.safety.files.dataFolder) });
    expect(toApiError(coded('EIO'), 'd', log)).toEqual({ code: 'DATABASE', message: vi.safety.files.io(vi.safety.files.dataFolder) });
    expect(logged).toEqual(['database error in a', 'database error in b', 'file error in c', 'file error in d']);
    logged.length = 0;
    // A code that is neither SQLite's nor a file's, and a non-string code: a bug.
    expect(toApiError(coded('XYZ'), 'e', log)).toEqual({ code: 'INTERNAL', message: vi.errors.internal });
    expect(toApiError(coded('EWHATEVER'), 'f', log)).toEqual({ code: 'INTERNAL', message: vi.errors.internal });
    expect(toApiError(Object.assign(new Error(), { code: 19 }), 'g', log)).toEqual({ code: 'INTERNAL', message: vi.errors.internal });
    expect(logged).toEqual(['unexpected error in e', 'unexpected error in f', 'unexpected error in g']);
    logged.length = 0;
    const zerr = z.strictObject({ fullName: z.string() }).safeParse({}).error!;
    expect(toApiError(zerr, 'h', log)).toEqual(zodToApiError(zerr));
    expect(logged).toEqual([]);
  });
});

describe('the default log', () => {
  it('writes a bug to the console with its place and the error itself', () => {
    const spy = vitest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const error = new Error('hỏng');
      expect(toApiError(error, 'people.list')).toEqual({ code: 'INTERNAL', message: vi.errors.internal });
      expect(spy.mock.calls).toEqual([['[attk] unexpected error in people.list:', error]]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('zodToApiError', () => {
  const issue = (schema: z.ZodType, input: unknown) => zodToApiError(schema.safeParse(input).error!);

  it('names the innermost named field, in Vietnamese, with the whole path', () => {
    const e = issue(z.object({ people: z.array(z.object({ fullName: z.string() })) }), { people: [{ fullName: 1 }] });
    expect(e.code).toBe('VALIDATION');
    expect(e.path).toEqual(['people', 0, 'fullName']);
    expect(e.message.startsWith('Họ và tên: ')).toBe(true);
  });

  it('an index after the field (a list of values) still names the field', () => {
    const e = issue(z.object({ fullName: z.array(z.string()) }), { fullName: ['An', 1] });
    expect(e.path).toEqual(['fullName', 1]);
    expect(e.message.startsWith('Họ và tên: ')).toBe(true);
  });

  it('a field without a label is "Dữ liệu nhập"; no field at all gives the generic sentence', () => {
    const unnamed = issue(z.object({ zzz: z.string() }), { zzz: 1 });
    expect(unnamed.message.startsWith(`${vi.forms.unnamedField}: `)).toBe(true);
    const top = issue(z.string(), 1);
    expect(top.path).toEqual([]);
    expect(top.message.startsWith(`${vi.errors.invalidInput} `)).toBe(true);
    expect(top.message.length).toBeGreaterThan(vi.errors.invalidInput.length + 1);
  });

  it('an unknown key is named, with its path; an error without issues is generic', () => {
    expect(issue(z.strictObject({ a: z.strictObject({}) }), { a: { b: 1 } })).toEqual({ code: 'VALIDATION', message: 'Trường không được phép: b.', path: ['a', 'b'] });
    expect(zodToApiError(new z.ZodError([]))).toEqual({ code: 'VALIDATION', message: 'Dữ liệu nhập không hợp lệ.' });
  });
});

describe('a bulk write (the import commit) and the write gate', () => {
  const COMMIT = { stageId: 'abcdefgh12', mapping: { fullName: 1 } };
  /** A promise and its resolver: the bulk handler finishes when the test says so. */
  const deferred = <T>() => {
    let resolve!: (v: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  };
  const settled = async (p: Promise<unknown>) => {
    let done = false;
    void p.then(() => (done = true), () => (done = true));
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    return done;
  };

  it('runs its async handler outside any main-connection transaction, after the safety backup', async () => {
    const order: string[] = [];
    const core = makeCore(
      { 'import.commit': async () => (order.push(`bulk in transaction: ${core.db.inTransaction}`), { created: 1 }) },
      { beforeWrite: async (m) => void order.push(`before ${m}`) },
    );
    expect(await dispatch(core, 'import.commit', COMMIT)).toEqual({ ok: true, result: { created: 1 } });
    expect(order).toEqual(['before import.commit', 'bulk in transaction: false']);
  });

  it('holds writes, jobs and admin calls while it runs — reads answer at once — and lets them run after, in order', async () => {
    const release = deferred<string>();
    const order: string[] = [];
    const core = makeCore({
      'import.commit': async () => {
        order.push('bulk start');
        const r = await release.promise;
        order.push('bulk end');
        return r;
      },
      'people.create': () => (order.push('write'), core.db.prepare('INSERT INTO t VALUES (1)').run(), 'w'),
      'reports.export': () => (order.push('job'), { jobId: 'j' }),
      'backup.create': () => (order.push('admin'), 'b'),
      'people.list': () => (order.push('read'), 'r'),
    });
    const bulk = dispatch(core, 'import.commit', COMMIT);
    await new Promise((r) => setImmediate(r));
    const write = dispatch(core, 'people.create', { fullName: 'An' });
    const job = dispatch(core, 'reports.export', { campaignId: 1 });
    const admin = dispatch(core, 'backup.create', {});
    expect(await dispatch(core, 'people.list', {})).toEqual({ ok: true, result: 'r' });
    expect(await settled(write)).toBe(false);
    expect(await settled(job)).toBe(false);
    expect(await settled(admin)).toBe(false);
    expect(rows(core)).toBe(0);
    release.resolve('done');
    expect(await bulk).toEqual({ ok: true, result: 'done' });
    expect(await write).toEqual({ ok: true, result: 'w' });
    expect(await job).toEqual({ ok: true, result: { jobId: 'j' } });
    expect(await admin).toEqual({ ok: true, result: 'b' });
    expect(order).toEqual(['bulk start', 'read', 'bulk end', 'write', 'job', 'admin']);
  });

  it('a failed bulk write releases the gate: its error is the typed envelope, the held write then runs', async () => {
    const release = deferred<void>();
    const core = makeCore({
      'import.commit': async () => {
        await release.promise;
        throw Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
      },
      'people.create': () => 'w',
    });
    const bulk = dispatch(core, 'import.commit', COMMIT);
    const write = dispatch(core, 'people.create', { fullName: 'An' });
    expect(await settled(write)).toBe(false);
    release.resolve();
    expect(await bulk).toEqual({ ok: false, error: { code: 'CONFLICT', message: vi.errors.conflict } });
    expect(await write).toEqual({ ok: true, result: 'w' });
  });

  it('two bulk writes run one after the other, never together', async () => {
    let running = 0;
    let most = 0;
    const core = makeCore({
      'import.commit': async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
        return 'ok';
      },
    });
    expect(await Promise.all([dispatch(core, 'import.commit', COMMIT), dispatch(core, 'import.commit', COMMIT)])).toEqual([
      { ok: true, result: 'ok' }, { ok: true, result: 'ok' },
    ]);
    expect(most).toBe(1);
  });

  it('waits for running background jobs (they write on the main connection) before it starts', async () => {
    let jobs = true;
    const order: string[] = [];
    const core = makeCore({ 'import.commit': async () => (order.push('bulk'), 'ok') }, { jobsRunning: () => jobs });
    const bulk = dispatch(core, 'import.commit', COMMIT);
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual([]);
    jobs = false;
    expect(await bulk).toEqual({ ok: true, result: 'ok' });
    expect(order).toEqual(['bulk']);
  });

  it('a job writing aside (a received file stored by the worker): writes wait for it, reads do not', async () => {
    const release = deferred<string>();
    const order: string[] = [];
    const core = makeCore({
      'people.create': () => (order.push('write'), core.db.prepare('INSERT INTO t VALUES (1)').run(), 'w'),
      'people.list': () => (order.push('read'), 'r'),
    });
    const aside = writeAside(core, async () => (order.push('aside start'), await release.promise, order.push('aside end'), 'stored'));
    const write = dispatch(core, 'people.create', { fullName: 'An' });
    expect(await dispatch(core, 'people.list', {})).toEqual({ ok: true, result: 'r' });
    expect(await settled(write)).toBe(false);
    expect(rows(core)).toBe(0);
    release.resolve('x');
    expect(await aside).toBe('stored');
    expect(await write).toEqual({ ok: true, result: 'w' });
    expect(order).toEqual(['aside start', 'read', 'aside end', 'write']);
    // A failed aside write releases the writes too.
    const failing = writeAside(core, async () => Promise.reject(new Error('disk')));
    const second = dispatch(core, 'people.create', { fullName: 'Bình' });
    await expect(failing).rejects.toThrow('disk');
    expect(await second).toEqual({ ok: true, result: 'w' });
  });

  it('a job writing aside never waits for a bulk write queued behind that job (no deadlock)', async () => {
    let jobs = true;
    const order: string[] = [];
    const core = makeCore({ 'import.commit': async () => (order.push('bulk'), 'ok') }, { jobsRunning: () => jobs });
    const bulk = dispatch(core, 'import.commit', COMMIT);
    await new Promise((r) => setTimeout(r, 30));
    // The running job stores its next file while the bulk write waits for the job.
    expect(await writeAside(core, async () => (order.push('aside'), 'stored'))).toBe('stored');
    jobs = false;
    expect(await bulk).toEqual({ ok: true, result: 'ok' });
    expect(order).toEqual(['aside', 'bulk']);
  });
});
