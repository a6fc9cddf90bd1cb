import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBackups, preflightDatabase, verifyBackupFile } from '../../../electron/core';
import { call, openCore, seededDatabase, tempFixture, type Fixture } from './helpers';

/**
 * Crash safety, measured: a child process makes real writes through the core and dispatcher
 * (single confirmations, and bulk confirmations — an "import" of hundreds of rows in one
 * transaction), printing each acknowledged commit; the parent kills it with SIGKILL at random
 * moments. After every kill the database must pass integrity_check, hold every acknowledged
 * commit, and show no half batch.
 *
 * How the child runs real TypeScript services without tsx: beforeAll bundles
 * crash-child.ts with vite's own build API (already a dependency; ~1 s) into one .mjs under
 * node_modules/.cache, with better-sqlite3 left external (so node resolves the very addon the
 * tests use), and spawns it with plain `node`. The bundle is the same source the tests import,
 * not the app's build output, so it can never be stale.
 */
const ROOT = resolve(__dirname, '../../..');
const OUT = join(ROOT, 'node_modules', '.cache', `attk-crash-${process.pid}`);
const CHILD = join(OUT, 'crash-child.mjs');
const WRITE_KILLS = 50;
const BACKUP_KILLS = 20;

let fx: Fixture;
beforeAll(async () => {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      ssr: join(__dirname, 'crash-child.ts'),
      outDir: OUT,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'crash-child.mjs' } },
    },
    ssr: { noExternal: true, external: ['better-sqlite3'] },
  });
  fx = tempFixture('attk-crash-');
}, 60_000);
afterAll(() => {
  fx?.cleanup();
  rmSync(OUT, { recursive: true, force: true });
});

/** Mulberry32, so a failing run can be replayed from its printed seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Start the child, let it work for `ms` after it is ready, SIGKILL it; return the lines it printed. */
function runAndKill(env: Record<string, string>, ms: number): Promise<{ lines: string[]; signal: string | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const reader = createInterface({ input: child.stdout });
    reader.on('line', (line) => {
      if (line === 'READY') setTimeout(() => child.kill('SIGKILL'), ms);
      else lines.push(line);
    });
    child.on('error', fail);
    // 'close' waits for stdout to drain: every line the child wrote before dying is read.
    child.on('close', (_code, signal) => done({ lines, signal, stderr }));
  });
}

describe('crash safety', () => {
  it(`survives ${WRITE_KILLS} SIGKILLs during real writes with every acknowledged commit intact`, async () => {
    seededDatabase(fx.file);
    // More accounts, so one bulk confirmation is a transaction of hundreds of rows.
    const core = openCore(fx.file);
    const system = (await call(core, 'systems.list', {}))[0]!;
    const insert = core.db.prepare("INSERT INTO accounts (system_id, login_name, role, status, search_text, created_at, updated_at) VALUES (?, ?, 'user', 'active', ?, '2024-01-01', '2024-01-01')");
    core.db.transaction(() => {
      for (let i = 0; i < 1600; i++) insert.run(system.id, `crash.${i}`, `crash ${i}`);
    })();
    core.db.close();

    const seed = Number(process.env.ATTK_CRASH_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const acked = { singles: [] as { id: number; tag: string }[], batches: [] as { id: string; n: number; tag: string }[] };
    let kills = 0;
    let lost = 0;
    let integrityFailures = 0;
    let halfBatches = 0;
    let unaudited = 0;
    for (let k = 0; k < WRITE_KILLS; k++) {
      const run = await runAndKill({ ATTK_CRASH_DB: fx.file, ATTK_CRASH_MODE: 'writes', ATTK_CRASH_SEED: String(seed + k) }, 20 + Math.floor(random() * 180));
      expect(run.stderr, `child failed (seed ${seed})`).toBe('');
      if (run.signal === 'SIGKILL') kills += 1;
      for (const line of run.lines) {
        const [kind, id, a, b] = line.split(' ');
        if (kind === 'S') acked.singles.push({ id: Number(id), tag: a! });
        if (kind === 'B') acked.batches.push({ id: id!, n: Number(a), tag: b! });
      }
      // What the app does at its next start: a read-only check first (it must see a hot WAL too)…
      try {
        preflightDatabase(fx.file);
      } catch {
        integrityFailures += 1;
      }
      // …then a normal connection, which recovers the WAL.
      const db = new Database(fx.file);
      if (db.pragma('integrity_check', { simple: true }) !== 'ok') integrityFailures += 1;
      // Each acknowledged write found by its unique tag (a row id alone could have been reused
      // after a lost write), with the very id it acknowledged, and its one audit row; and no write
      // of this test without its audit row, acknowledged or not (the one the kill interrupted too).
      const byNote = new Map<string, { ids: number[]; batches: Set<string> }>();
      for (const c of db.prepare("SELECT id, note, batch_id AS batchId FROM confirmations WHERE note LIKE 'single:%' OR note LIKE 'batch:%'").iterate() as IterableIterator<{ id: number; note: string; batchId: string | null }>) {
        let e = byNote.get(c.note);
        if (!e) byNote.set(c.note, (e = { ids: [], batches: new Set() }));
        e.ids.push(c.id);
        if (c.batchId) e.batches.add(c.batchId);
      }
      const audited = new Map<string, number>();
      for (const l of db.prepare("SELECT action, json_extract(data, '$.note') AS note, coalesce(json_extract(data, '$.id'), json_extract(data, '$.batchId')) AS ref FROM audit_log WHERE action IN ('confirm', 'confirm_batch')").iterate() as IterableIterator<{ action: string; note: string | null; ref: string | number }>) {
        const key = `${l.note} ${l.ref}`;
        audited.set(key, (audited.get(key) ?? 0) + 1);
      }
      for (const s of acked.singles) {
        const e = byNote.get(`single:${s.tag}`);
        if (e?.ids.length !== 1 || e.ids[0] !== s.id) lost += 1;
      }
      for (const b of acked.batches) {
        const e = byNote.get(`batch:${b.n}:${b.tag}`);
        if (e?.ids.length !== b.n || e.batches.size !== 1 || !e.batches.has(b.id)) lost += 1;
      }
      for (const [note, e] of byNote) {
        const refs = note.startsWith('single:') ? e.ids.map(String) : [...e.batches];
        for (const ref of refs) if (audited.get(`${note} ${ref}`) !== 1) unaudited += 1;
      }
      // All-or-nothing, for acknowledged batches and for the one the kill interrupted: the note says how many.
      const groups = db.prepare("SELECT note, count(*) AS n FROM confirmations WHERE batch_id IS NOT NULL GROUP BY batch_id").all() as { note: string; n: number }[];
      for (const g of groups) if (Number(g.note.split(':')[1]) !== g.n) halfBatches += 1;
      db.close();
    }
    const figure = `kills: ${kills}, lost acknowledged commits: ${lost}, integrity failures: ${integrityFailures}, half batches: ${halfBatches}, writes without their audit row: ${unaudited}` +
      ` (acknowledged: ${acked.singles.length} single + ${acked.batches.length} batches of ${acked.batches.reduce((s, b) => s + b.n, 0)} rows; seed ${seed})`;
    console.log(figure);
    expect(kills).toBeGreaterThanOrEqual(WRITE_KILLS);
    // The test did real work: many acknowledged batches (how many depends on the machine's speed).
    expect(acked.batches.length).toBeGreaterThanOrEqual(5);
    expect({ lost, integrityFailures, halfBatches, unaudited }).toEqual({ lost: 0, integrityFailures: 0, halfBatches: 0, unaudited: 0 });
  }, 120_000);

  it(`a backup killed ${BACKUP_KILLS} times never leaves a damaged copy under a backup's name`, async () => {
    const random = rng(7);
    let kills = 0;
    let checked = 0;
    let bad = 0;
    let published = 0;
    const verified = new Set<string>();
    for (let k = 0; k < BACKUP_KILLS; k++) {
      // The first run lives long enough to publish copies; the others die at random, mostly mid-copy.
      const run = await runAndKill({ ATTK_CRASH_DB: fx.file, ATTK_CRASH_MODE: 'backup' }, k === 0 ? 3000 : 10 + Math.floor(random() * 250));
      expect(run.stderr).toBe('');
      if (run.signal === 'SIGKILL') kills += 1;
      published += run.lines.length;
      // Every listed backup, and in particular the newest ("latest"), is complete and passes its check.
      // A published copy never changes, so each is checked once, right after the kill that follows it.
      for (const entry of listBackups(join(fx.dir, 'backups'))) {
        if (verified.has(entry.name)) continue;
        verified.add(entry.name);
        checked += 1;
        try {
          verifyBackupFile(join(fx.dir, 'backups', entry.name));
        } catch {
          bad += 1;
        }
      }
    }
    const leftovers = readdirSync(join(fx.dir, 'backups')).filter((n) => n.endsWith('.tmp')).length;
    console.log(`backup kills: ${kills}, published copies: ${published}, distinct listed copies checked: ${checked}, damaged: ${bad}, killed temporary files (never listed): ${leftovers}`);
    expect(kills).toBe(BACKUP_KILLS);
    expect(published).toBeGreaterThan(0);
    expect(bad).toBe(0);
    mkdirSync(join(fx.dir, 'backups'), { recursive: true });
  }, 120_000);
});
