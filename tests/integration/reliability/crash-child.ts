// The child process of crash.test.ts (bundled by it with vite, run with plain node, then killed
// with SIGKILL at random moments). It makes real writes through the real core and dispatcher and
// prints one line per acknowledged commit — only after dispatch returned ok, i.e. after COMMIT
// with synchronous=FULL. Writes to a pipe are synchronous on Linux, so a printed line has left
// the process before the next write starts.
import { createCore, dispatch } from '../../../electron/core';

const file = process.env.ATTK_CRASH_DB!;
const mode = process.env.ATTK_CRASH_MODE ?? 'writes';
let seed = Number(process.env.ATTK_CRASH_SEED ?? 1) >>> 0;
// The seed differs per run, so `${run}-${i}` tags every write uniquely across the whole test (row ids can be reused by SQLite).
const run = String(seed);
const random = () => {
  // mulberry32: reproducible per seed.
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const say = (line: string) => process.stdout.write(`${line}\n`);

const core = createCore({ file, shell: 'cli', appVersion: 'crash', actor: 'crash-test', now: () => new Date('2024-01-20T09:00:00') });

async function writes(): Promise<never> {
  const ids = (core.db.prepare("SELECT id FROM accounts WHERE status = 'active'").all() as { id: number }[]).map((r) => r.id);
  say('READY');
  for (let i = 0; ; i++) {
    const tag = `${run}-${i}`;
    const changedOn = `2024-01-${String(1 + Math.floor(random() * 19)).padStart(2, '0')}`;
    if (random() < 0.4) {
      const accountId = ids[Math.floor(random() * ids.length)]!;
      const r = await dispatch(core, 'confirmations.create', { accountId, changedOn, note: `single:${tag}` });
      if (!r.ok) throw new Error(r.error.message);
      say(`S ${(r.result as { id: number }).id} ${tag}`);
    } else {
      // An "import" of many rows in one transaction: all of them or none.
      const n = 50 + Math.floor(random() * Math.min(1500, ids.length - 50));
      const start = Math.floor(random() * (ids.length - n));
      const accountIds = ids.slice(start, start + n);
      const r = await dispatch(core, 'confirmations.bulkCreate', { accountIds, changedOn, method: 'sign_sheet', note: `batch:${n}:${tag}` });
      if (!r.ok) throw new Error(r.error.message);
      say(`B ${(r.result as { batchId: string }).batchId} ${n} ${tag}`);
    }
  }
}

async function backups(): Promise<never> {
  say('READY');
  for (;;) {
    const created = await core.backups.create('import');
    say(`K ${created.entry.name}`);
  }
}

(mode === 'backup' ? backups() : writes()).catch((e: unknown) => {
  process.stderr.write(`crash child failed: ${(e as Error).stack}\n`);
  process.exit(3);
});
