import type Database from 'better-sqlite3';
import { expect } from 'vitest';
import { vi } from '../../shared/i18n/vi';
import { monthsBefore, type Counts, type Recount, type State } from './recount';
import { parseSummary, type Grid, type StateRow } from './read-summary';

// The oracle's check of one unit's report workbook (read back by openpyxl), shared by the random
// units (tests/integration/figures-oracle.test.ts) and the demos (figures-demo.test.ts).

const LABEL: Record<State, string> = {
  to_cancel: vi.campaigns.state.to_cancel, must_change: vi.campaigns.state.must_change, done: vi.campaigns.state.done, late: vi.campaigns.state.late, missing: vi.campaigns.state.missing,
};
const ROLE_LABEL = { admin: vi.accountRole.admin, user: vi.accountRole.user };

const asRow = (c: Counts) => ({ total: c.total, toCancel: c.to_cancel, mustChange: c.must_change, done: c.done, late: c.late, missing: c.missing });
const strip = ({ label: _l, ...r }: StateRow) => r;

/** The states add up to the total; admin + user = the row. */
function invariants(row: StateRow, admin: StateRow, user: StateRow): void {
  for (const r of [row, admin, user]) expect(r.total, r.label).toBe(r.toCancel + r.mustChange + r.done + r.late + r.missing);
  for (const k of ['total', 'toCancel', 'mustChange', 'done', 'late', 'missing'] as const) expect(admin[k] + user[k], `${row.label} ${k}`).toBe(row[k]);
}

/**
 * Every figure of a unit's exported report workbook against the recount: "Tổng hợp" per system and
 * total (role split), "Tài khoản" row by row, "Thiết bị" device by device. `today` and `months` are
 * the unit's clock and its device-check window (settings.deviceCheckMonths).
 */
export function checkUnitWorkbook(book: Record<string, Grid>, r: Recount, names: Map<number, string>, loginIds: Map<string, number>, systemNames: Map<number, string>, today: string, months: number): void {
  const summary = parseSummary(book['Tổng hợp']!);
  // Per system and the total row, with the role split: equal to the recount.
  const byName = new Map([...r.bySystem].map(([id, x]) => [names.get(id)!, x]));
  expect(summary.systems.map((s) => s.row.label).sort()).toEqual([...byName.keys()].sort());
  for (const s of summary.systems) {
    const x = byName.get(s.row.label)!;
    expect([strip(s.row), strip(s.admin), strip(s.user)], s.row.label).toEqual([asRow(x.all), asRow(x.admin), asRow(x.user)]);
    invariants(s.row, s.admin, s.user);
  }
  expect([strip(summary.total.row), strip(summary.total.admin), strip(summary.total.user)]).toEqual([asRow(r.overall.all), asRow(r.overall.admin), asRow(r.overall.user)]);
  invariants(summary.total.row, summary.total.admin, summary.total.user);

  // "Tài khoản": one row per in-scope account, its state the recount's — so no "must change" account is shown (or counted) as changed.
  const accounts = book['Tài khoản']!;
  const head = accounts.findIndex((row) => row[0] === 'STT' && row.includes('Trạng thái'));
  const col = (g: Grid, h: number, title: string) => {
    const i = g[h]!.indexOf(title);
    expect(i, title).toBeGreaterThan(0);
    return i;
  };
  const [cSys, cRole, cLogin, cState] = ['Hệ thống', 'Loại TK', 'Tên đăng nhập', 'Trạng thái'].map((x) => col(accounts, head, x)) as [number, number, number, number];
  const rows = accounts.slice(head + 1).filter((row) => typeof row[0] === 'number');
  expect(rows.length).toBe(r.states.size);
  const tally = new Map<string, number>();
  for (const row of rows) {
    const id = loginIds.get(`${row[cSys]}|${row[cLogin]}`);
    expect(id, String(row[cLogin])).toBeDefined();
    expect([row[cLogin], row[cState]]).toEqual([row[cLogin], LABEL[r.states.get(id!)!]]);
    const key = `${row[cSys]}|${row[cRole]}|${row[cState]}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  for (const s of summary.systems) {
    for (const role of ['admin', 'user'] as const) {
      const sr = s[role];
      for (const st of ['to_cancel', 'must_change', 'done', 'late', 'missing'] as const) {
        const k = ({ to_cancel: 'toCancel', must_change: 'mustChange', done: 'done', late: 'late', missing: 'missing' } as const)[st];
        expect(tally.get(`${s.row.label}|${ROLE_LABEL[role]}|${LABEL[st]}`) ?? 0, `${s.row.label} ${role} ${st}`).toBe(sr[k]);
      }
    }
  }

  // "Thiết bị": one row per device counted, each once; its visible cells recount the summary's device figures.
  const devices = book['Thiết bị']!;
  const dHead = devices.findIndex((row) => row[0] === 'STT' && row.includes('Phần mềm sử dụng'));
  const [cTag, cDate, cAv, cLic, cExp, cMal, cFix] = ['Mã tài sản', 'Ngày kiểm tra', 'Phần mềm diệt virus', 'Bản quyền', 'Hạn bản quyền', 'Mã độc', 'Cài lại HĐH'].map((x) => col(devices, dHead, x)) as number[] as [number, number, number, number, number, number, number];
  const dRows = devices.slice(dHead + 1).filter((row) => typeof row[0] === 'number');
  const windowStart = monthsBefore(today, months);
  const fromSheet = { devices: dRows.length, checked: 0, licensed: 0, infected: 0, remediated: 0 };
  for (const row of dRows) {
    const date = row[cDate];
    const checked = typeof date === 'string' && date >= windowStart;
    if (checked) fromSheet.checked++;
    if (checked && row[cAv] !== null && row[cAv] !== vi.common.no && row[cLic] === vi.common.yes && (row[cExp] === null || String(row[cExp]) >= today)) fromSheet.licensed++;
    const mal = row[cMal];
    const fix = row[cFix];
    if (typeof mal === 'string' && mal.startsWith('Phát hiện') && fix === 'Chưa') fromSheet.infected++;
    if (typeof fix === 'string' && fix.startsWith('Đã cài lại')) fromSheet.remediated++;
  }
  expect(new Set(dRows.map((row) => row[cTag])).size).toBe(dRows.length);
  expect(summary.devices).toMatchObject(fromSheet);
  expect(fromSheet).toEqual(r.devices);
  expect(r.devices.licensed).toBeLessThanOrEqual(r.devices.checked);
  expect(r.devices.checked).toBeLessThanOrEqual(r.devices.devices);
  // The per-system breakdown, labelled as such, equals the recount per system (and is never the total).
  const bySystem = new Map([...r.devicesBySystem].map(([id, x]) => [systemNames.get(id)!, x]));
  for (const d of summary.devicesBySystem) {
    const { label, ...figures } = d;
    expect(figures, label).toEqual(bySystem.get(label));
  }
}

/** System names by id, and account ids by "system name|login" (the sheets show names and logins). */
export function loginsOf(u: { core: { db: Database.Database } }) {
  const names = new Map((u.core.db.prepare('SELECT id, name FROM systems').all() as { id: number; name: string }[]).map((s) => [s.id, s.name]));
  const loginIds = new Map(
    (u.core.db.prepare('SELECT a.id, a.login_name AS login, s.name AS system FROM accounts a JOIN systems s ON s.id = a.system_id').all() as { id: number; login: string; system: string }[]).map(
      (a) => [`${a.system}|${a.login}`, a.id],
    ),
  );
  return { names, loginIds };
}
