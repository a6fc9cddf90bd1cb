import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, dispatch } from '../../electron/core';
import type { InputOf, MethodName, ResultOf } from '../../shared/api/contract';
import type { DistrictExportResult, SubmissionImportResult, UnitListImportResult } from '../../shared/district/schema';
import { vi } from '../../shared/i18n/vi';
import type { ExportResult } from '../../shared/reports/schema';
import { recount, type Counts, type DeviceCounts, type Recount } from '../oracle/recount';
import { readWorkbook, type Cell, type Grid } from '../oracle/read-summary';
import { day, play, scenario, TODAY, type Played, type Scenario } from '../oracle/scenario';

// Issue 14 item 6, at the receiving office: units made from random scenarios (tests/oracle/
// generate.ts) export their signed reports; an office database registers them, receives the files
// (one exactly on the deadline day — on time —, the others after it — late —, one unit sends
// nothing), and exports the consolidated workbook. openpyxl reads it back and every per-unit row
// (accounts by state with the admin/user split, devices) and every total row must equal the
// independent recount of each unit's own rows (tests/oracle/recount.ts over the unit's database) —
// never the figures the units' files state about themselves.

const MONTHS = 3;
const F = vi.figures.district;

type Call = <M extends MethodName>(method: M, input: InputOf<M>) => Promise<ResultOf<M>>;

async function runJob<R>(call: Call, start: Promise<{ jobId: string }>): Promise<R> {
  const { jobId } = await start;
  for (;;) {
    const s = await call('jobs.status', { id: jobId });
    if (s.state === 'done') return s.result as R;
    if (s.state === 'failed') throw new Error(s.error?.message);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The receiving office: its own database, with a clock the test moves (the day files arrive). */
function makeOffice() {
  const dir = mkdtempSync(join(tmpdir(), 'attk-office-oracle-'));
  let today = '2024-01-02';
  const core = createCore({ file: join(dir, 'attk.sqlite'), shell: 'cli', appVersion: 'test', actor: 'van-thu', now: () => new Date(`${today}T15:00:00`) });
  const call: Call = async (method, input) => {
    const e = await dispatch(core, method, input);
    if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
    return e.result as never;
  };
  return {
    call,
    setToday: (d: string) => (today = d),
    close: () => {
      core.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const asCells = (c: Counts) => [c.total, c.to_cancel, c.must_change, c.done, c.late, c.missing];
const asDevices = (d: DeviceCounts) => [d.devices, d.checked, d.licensed, d.infected, d.remediated];
const add = (a: Counts, b: Counts): Counts => ({
  total: a.total + b.total, to_cancel: a.to_cancel + b.to_cancel, must_change: a.must_change + b.must_change, done: a.done + b.done, late: a.late + b.late, missing: a.missing + b.missing,
});
const zero = (): Counts => ({ total: 0, to_cancel: 0, must_change: 0, done: 0, late: 0, missing: 0 });
const addD = (a: DeviceCounts, b: DeviceCounts): DeviceCounts => ({
  devices: a.devices + b.devices, checked: a.checked + b.checked, licensed: a.licensed + b.licensed, infected: a.infected + b.infected, remediated: a.remediated + b.remediated,
});
const isoOf = (v: Cell) => (typeof v === 'string' && /^\d{2}\/\d{2}\/\d{4}$/.test(v) ? v.split('/').reverse().join('-') : v);

interface UnitCase { code: string; name: string; unit: Played; today: string; recount: Recount; file: ExportResult; receivedOn: string | null }

/** The rows of a table of "Tổng hợp": from the header whose cell `at` is `title`, to its total row (with the total's two role rows). */
function table(g: Grid, at: number, title: string, otherwise: (r: Cell[]) => boolean = () => true) {
  const head = g.findIndex((r) => r[at] === title && otherwise(r));
  expect(head, title).toBeGreaterThan(0);
  const end = g.findIndex((r, i) => i > head && r[1] === vi.reports.total);
  expect(end, `${title}: total row`).toBeGreaterThan(head);
  return { rows: g.slice(head + 1, end), total: g.slice(end, end + 3) };
}

describe('the independent oracle at the receiving office', () => {
  it('every per-unit row and every total of the consolidated workbook equals a plain recount of each unit\'s rows', async () => {
    const small = scenario({ people: 4, events: 25 });
    await fc.assert(
      fc.asyncProperty(fc.tuple(small, small, small), async ([s0, s1, s2]) => {
        // One campaign for all: the office's (directive + deadline, typed in by each unit), in the first scenario's window and scope.
        const shape = (s: Scenario): Scenario => ({ ...s, start: s0.start, length: s0.length, scope: s0.scope });
        const deadline = day(s0.start + s0.length);
        const codes = ['DV1', 'DV2', 'DV3', 'DV4'];
        const names = codes.map((c, i) => `UBND PHƯỜNG THỬ NGHIỆM ${i + 1} ${c}`);
        const office = makeOffice();
        const cases: UnitCase[] = [];
        try {
          await office.call('unit.save', {
            parentBody: 'UBND THÀNH PHỐ', name: 'PHÒNG NỘI VỤ', code: 'PNV', headName: 'Trần Thị Mai', headTitle: 'TRƯỞNG PHÒNG', signAuthority: '', placeName: 'Hà Nội',
            reportSymbol: 'BC-PNV', recipientName: 'UBND thành phố',
          });
          await office.call('district.saveSettings', { receivingMode: true, officeLevel: 'district', officeAddress: '1 Tràng Thi' });
          const csv = ['STT;Tên đơn vị;Mã;Loại;Liên hệ', ...codes.map((c, i) => `${i + 1};${names[i]};${c};Phường;0912 000 00${i}`)].join('\r\n');
          const list = await runJob<UnitListImportResult>(office.call, office.call('district.importUnits', { fileName: 'donvi.csv', dataBase64: Buffer.from(csv).toString('base64') }));
          expect(list.created).toBe(4);
          const systemIds = (await office.call('systems.list', {})).map((x) => x.id);
          const campaign = await office.call('campaigns.create', {
            directiveNumber: '123/UBND-NV', subject: 'Rà soát, thay đổi mật khẩu tài khoản các phần mềm', systemIds: s0.scope.map((i) => systemIds[i]!), startDate: day(s0.start), deadline,
          });
          await office.call('campaigns.advance', { id: campaign.id, to: 'in_progress' });

          // DV1 exports and is received on the deadline day itself (its clock stops there); DV2, DV3 later; DV4 sends nothing.
          for (const [i, s] of [s0, s1, s2].entries()) {
            const today = i === 0 ? deadline : TODAY;
            const unit = await play(shape(s), codes[i]!, { name: names[i]!, today });
            cases.push({ code: codes[i]!, name: names[i]!, unit, today, recount: recount(unit.core.db, unit.campaignId, today, MONTHS), file: null as never, receivedOn: null });
            cases[i]!.file = await runJob<ExportResult>(unit.call, unit.call('reports.export', { campaignId: unit.campaignId }));
          }
          for (const c of cases) {
            office.setToday(c.today);
            const r = await runJob<SubmissionImportResult>(
              office.call,
              office.call('district.importFiles', {
                campaignId: campaign.id, files: [{ fileName: `${c.code}.xlsx`, dataBase64: readFileSync(c.file.filePath).toString('base64') }],
                confirmedKeys: [{ unitCode: c.code, fingerprint: c.file.fingerprint }],
              }),
            );
            expect(r.results.map((x) => [x.status, x.reason ?? null]), c.code).toEqual([['accepted', null]]);
            expect(r.results[0]!.late, c.code).toBe(c.today > deadline);
            c.receivedOn = c.today;
          }
          office.setToday(TODAY);
          const exported = await runJob<DistrictExportResult>(office.call, office.call('district.export', { campaignId: campaign.id }));
          expect(exported).toMatchObject({ units: 3, missing: 1 });
          const g = readWorkbook(exported.filePath)['Tổng hợp']!;

          // I. Per unit: the row and its admin / user rows equal the unit's own recount; received date and timeliness.
          const units = table(g, 5, F.unitColumns[5]!, (r) => r[3] === F.unitColumns[3]);
          const rows = new Map<string, Cell[][]>();
          for (let i = 0; i < units.rows.length; i++) {
            const r = units.rows[i]!;
            if (typeof r[0] !== 'number') continue;
            rows.set(String(r[2]), units.rows.slice(i, i + 3));
          }
          expect([...rows.keys()].sort()).toEqual(codes);
          for (const c of cases) {
            const [row, admin, user] = rows.get(c.code)!;
            expect(row![1], c.code).toBe(c.name);
            expect(isoOf(row![3]!), c.code).toBe(c.receivedOn);
            expect(row![4], c.code).toBe(vi.district.status[c.today > deadline ? 'late' : 'on_time']);
            expect([row, admin, user].map((x) => x!.slice(5, 11)), c.code).toEqual([asCells(c.recount.overall.all), asCells(c.recount.overall.admin), asCells(c.recount.overall.user)]);
            expect([admin![1], user![1]]).toEqual([vi.figures.roleRow.admin, vi.figures.roleRow.user]);
          }
          const missing = rows.get('DV4')!;
          expect(missing[0]!.slice(4, 11)).toEqual([vi.district.status.missing, null, null, null, null, null, null]);
          // The total row (and its split): the sum of the recounts of the units that sent a file.
          const sum = (pick: (r: Recount) => Counts) => cases.reduce((acc, c) => add(acc, pick(c.recount)), zero());
          const overall = [sum((r) => r.overall.all), sum((r) => r.overall.admin), sum((r) => r.overall.user)].map(asCells);
          expect(units.total.map((x) => x.slice(5, 11))).toEqual(overall);
          for (const x of units.total) expect(x[5]).toBe((x.slice(6, 11) as number[]).reduce((a, b) => a + b, 0));

          // II. Per system, across units: equal to the recounts per system (by name), the units reporting it, and the same total.
          const systemName = new Map((cases[0]!.unit.core.db.prepare('SELECT id, name FROM systems').all() as { id: number; name: string }[]).map((x) => [x.id, x.name]));
          const bySystem = new Map<string, { all: Counts; admin: Counts; user: Counts; units: number }>();
          for (const c of cases) {
            for (const [id, x] of c.recount.bySystem) {
              const k = systemName.get(id)!;
              const t = bySystem.get(k) ?? { all: zero(), admin: zero(), user: zero(), units: 0 };
              bySystem.set(k, { all: add(t.all, x.all), admin: add(t.admin, x.admin), user: add(t.user, x.user), units: t.units + 1 });
            }
          }
          const systems = table(g, 2, F.systemColumns[2]!);
          const seen: string[] = [];
          for (let i = 0; i < systems.rows.length; i++) {
            const r = systems.rows[i]!;
            if (typeof r[0] !== 'number') continue;
            const name = String(r[1]);
            const x = bySystem.get(name);
            expect(x, name).toBeDefined();
            seen.push(name);
            expect(r[2], name).toBe(x!.units);
            expect(systems.rows.slice(i, i + 3).map((y) => y.slice(3, 9)), name).toEqual([asCells(x!.all), asCells(x!.admin), asCells(x!.user)]);
          }
          expect(seen.sort()).toEqual([...bySystem.keys()].sort());
          expect(systems.total.map((x) => x.slice(3, 9))).toEqual(overall);

          // III. Devices per unit (each counted once in its unit) and their total.
          const devices = table(g, 3, F.deviceColumns[3]!);
          const deviceRows = devices.rows.filter((r) => typeof r[0] === 'number');
          expect(deviceRows.map((r) => String(r[2])).sort()).toEqual(cases.map((c) => c.code).sort());
          for (const r of deviceRows) {
            const c = cases.find((x) => x.code === r[2])!;
            expect(r.slice(3, 8), c.code).toEqual(asDevices(c.recount.devices));
            expect(c.recount.devices.licensed).toBeLessThanOrEqual(c.recount.devices.checked);
          }
          expect(devices.total[0]!.slice(3, 8)).toEqual(asDevices(cases.reduce((acc, c) => addD(acc, c.recount.devices), { devices: 0, checked: 0, licensed: 0, infected: 0, remediated: 0 })));
        } finally {
          for (const c of cases) c.unit.close();
          office.close();
        }
      }),
      { numRuns: 3, seed: 1515, endOnFailure: true },
    );
  }, 240_000);
});
