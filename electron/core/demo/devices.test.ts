import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../../shared/dashboard/schema';
import type { DevicesPage } from '../../../shared/devices/schema';
import type { CallContext } from '../api/types';
import { dashboardHandlers } from '../dashboard/service';
import { openDatabase, type Db } from '../db/open';
import { deviceHandlers } from '../devices/service';
import { addDays, buildDemo, type DemoSize } from './generate';

// The devices step of the demo: devices for most people, a realistic spread of checks, and the
// two infections (one remediated, whose owner has no change since — the flag must be visible).

const TODAY = '2026-03-16';
const dirs: string[] = [];
const dbs: Db[] = [];
afterAll(() => {
  dbs.forEach((db) => db.open && db.close());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

function demo(size: DemoSize) {
  const dir = mkdtempSync(join(tmpdir(), 'attk-demo-dev-'));
  dirs.push(dir);
  const file = join(dir, 'x.sqlite');
  const db = openDatabase(file);
  dbs.push(db);
  const ctx = buildDemo(db, size, { today: TODAY });
  const handlers = { ...deviceHandlers(db), ...dashboardHandlers(db) };
  const call: CallContext = { actor: 'test', now: () => new Date(`${TODAY}T09:00:00`), shell: 'cli', dataFile: file, appVersion: 'test' };
  return { db, ctx, handlers, call };
}

describe.each(['unit', 'district'] as const)('demo devices: %s', (size) => {
  it('devices for most people, a spread of states, two infections of which one remediated and still forcing changes', () => {
    const { db, ctx, handlers, call } = demo(size);
    const working = ctx.people.filter((p) => p.status === 'working').length;
    const { devices = 0, deviceChecks = 0 } = ctx.counts;
    expect(devices).toBeGreaterThan(working * 0.85);
    expect(deviceChecks).toBeGreaterThan(devices);

    const list = handlers['devices.list']({ q: '', offset: 0, limit: 1 }, call) as DevicesPage;
    expect(list.counts.infected).toBe(1);
    expect(list.counts.remediated).toBe(1);
    for (const f of ['unlicensed', 'expired', 'expiring'] as const) expect(list.counts[f], f).toBeGreaterThanOrEqual(1);
    expect(list.counts.unlicensed).toBeLessThanOrEqual(Math.max(1, list.all * 0.02));

    // The remediated device's owner has no valid change on or after the remediation: flagged.
    const fixed = db.prepare('SELECT id, infected_owner_id AS owner, remediated_on AS on_ FROM devices WHERE remediated_on IS NOT NULL').get() as { id: number; owner: number; on_: string };
    expect(fixed.on_).toBe(addDays(TODAY, -6));
    const after = db.prepare("SELECT count(*) AS n FROM accounts WHERE person_id = ? AND status <> 'cancelled' AND last_changed_on >= ?").get(fixed.owner, fixed.on_) as { n: number };
    expect(after.n).toBe(0);
    const summary = handlers['dashboard.summary']({}, call) as DashboardSummary;
    const forced = summary.todos.filter((x) => x.kind === 'forced');
    expect(forced.some((x) => x.forced?.reason === 'remediated' && x.personId === fixed.owner)).toBe(true);
    expect(forced.some((x) => x.forced?.reason === 'infected')).toBe(true);
    expect(summary.devices.todos[0]).toMatchObject({ kind: 'infected' });

    // Evidence as the app would write it: checks never in the future, consistent with the table's own checks.
    expect((db.prepare('SELECT count(*) AS n FROM device_checks WHERE checked_on > ? OR remediated_on > ?').get(TODAY, TODAY) as { n: number }).n).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  }, 60_000);
});
