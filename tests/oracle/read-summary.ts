import { execFileSync } from 'node:child_process';

// Reads an exported workbook back with an independent reader (openpyxl, Debian's python3-openpyxl)
// into plain grids, and finds the figures of "Tổng hợp" by their visible labels — what a person
// recounting by hand would read.

export type Cell = string | number | null;
export type Grid = Cell[][];

const PY = `
import sys, json, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
out = {}
for ws in wb.worksheets:
    if ws.sheet_state != 'visible':
        continue
    rows = []
    for row in ws.iter_rows(values_only=True):
        rows.append([v.strftime('%Y-%m-%d') if isinstance(v, (datetime.datetime, datetime.date)) else v for v in row])
    out[ws.title] = rows
print(json.dumps(out, ensure_ascii=False))
`;

/** Every visible sheet of the workbook as rows of values (dates as ISO strings). */
export function readWorkbook(file: string): Record<string, Grid> {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PY, file], { maxBuffer: 256 * 1024 * 1024 }).toString()) as Record<string, Grid>;
}

export interface StateRow { label: string; total: number; toCancel: number; mustChange: number; done: number; late: number; missing: number }
export interface DeviceRow { label: string; devices: number; checked: number; licensed: number; infected: number; remediated: number }
export interface SummarySheet {
  /** Per system: the system row and its admin/user rows; then the total row with its own. */
  systems: { no: number; row: StateRow; admin: StateRow; user: StateRow }[];
  total: { row: StateRow; admin: StateRow; user: StateRow };
  devices: DeviceRow;
  devicesBySystem: DeviceRow[];
}

const num = (v: Cell) => {
  if (typeof v !== 'number') throw new Error(`expected a number, found ${JSON.stringify(v)}`);
  return v;
};
const stateRow = (r: Cell[]): StateRow => ({ label: String(r[1]), total: num(r[2]!), toCancel: num(r[3]!), mustChange: num(r[4]!), done: num(r[5]!), late: num(r[6]!), missing: num(r[7]!) });
const deviceRow = (r: Cell[]): DeviceRow => ({ label: String(r[1]), devices: num(r[2]!), checked: num(r[3]!), licensed: num(r[4]!), infected: num(r[5]!), remediated: num(r[6]!) });

/** The unit report's "Tổng hợp", found by its headers ("Tổng số tài khoản", "Thiết bị sử dụng") and row labels. */
export function parseSummary(g: Grid): SummarySheet {
  const accountsHeader = g.findIndex((r) => r[2] === 'Tổng số tài khoản');
  if (accountsHeader < 0) throw new Error('no accounts table');
  const systems: SummarySheet['systems'] = [];
  let i = accountsHeader + 1;
  while (typeof g[i]?.[0] === 'number') {
    systems.push({ no: g[i]![0] as number, row: stateRow(g[i]!), admin: stateRow(g[i + 1]!), user: stateRow(g[i + 2]!) });
    i += 3;
  }
  if (g[i]?.[1] !== 'Tổng cộng') throw new Error(`expected the total row, found ${JSON.stringify(g[i])}`);
  const total = { row: stateRow(g[i]!), admin: stateRow(g[i + 1]!), user: stateRow(g[i + 2]!) };
  const devicesHeader = g.findIndex((r) => r[2] === 'Thiết bị sử dụng');
  if (devicesHeader < 0) throw new Error('no devices table');
  const devices = deviceRow(g[devicesHeader + 1]!);
  const devicesBySystem: DeviceRow[] = [];
  let j = devicesHeader + 3; // after the total row and the breakdown's title
  while (typeof g[j]?.[0] === 'number') devicesBySystem.push(deviceRow(g[j++]!));
  return { systems, total, devices, devicesBySystem };
}
