import { execFileSync } from 'node:child_process';
import type { Counts, Recount } from './recount';

// Reads the printed report (a PDF: Chromium's print of the view, or LibreOffice's of the Word file)
// back with pdftotext -layout, and compares every figure of its sentences (sections II and III.1)
// and of its summary table with the independent recount — as a person reading the paper would:
// the numbers in the words, the numbers in the table row by row. Returns the disagreements
// (empty when every figure agrees), so both vitest and Playwright can assert on it.

/** The PDF's text, page numbers (top of pages 2…) removed, NFC. */
export function pdfText(file: string): string {
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().normalize('NFC');
  return text
    .split('\f')
    .map((p, i) => (i === 0 ? p : p.replace(/^\s*\d+\s*\n/, '')))
    .join('\n');
}

const N = String.raw`(\d{1,3}(?:\.\d{3})*)`;
const int = (s: string | undefined) => Number(s!.replaceAll('.', ''));
const figures = (c: Counts) => [c.total, c.to_cancel, c.must_change, c.done, c.late, c.missing];
/** "(x%)" as the product rule states it: 0 when nothing is done, 100 only when all is done, otherwise 1–99. */
const percent = (c: Counts) => (c.total === 0 || c.done === 0 ? 0 : c.done >= c.total ? 100 : Math.min(99, Math.max(1, Math.round((c.done * 100) / c.total))));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function printedReportProblems(layout: string, r: Recount, systemNames: Map<number, string>, months: number): string[] {
  const problems: string[] = [];
  const expect = (what: string, found: unknown, wanted: unknown) => {
    if (!same(found, wanted)) problems.push(`${what}: printed ${JSON.stringify(found)}, recount ${JSON.stringify(wanted)}`);
  };
  const text = layout.replace(/\s+/g, ' ');
  const o = r.overall.all;

  // Section II's sentence: the states of all in-scope accounts, adding up to the total.
  const s2 = new RegExp(
    `Tổng số ${N} tài khoản trong phạm vi rà soát, trong đó: đề nghị hủy ${N} tài khoản \\(cán bộ đã chuyển công tác, nghỉ hưu, thôi việc\\); ` +
      `phải đổi mật khẩu sau khi xử lý mã độc ${N} tài khoản; đã thay đổi mật khẩu đúng hạn ${N} tài khoản \\((\\d+)%\\); thay đổi muộn ${N} tài khoản; chưa thay đổi ${N} tài khoản\\.`,
  ).exec(text);
  if (!s2) problems.push('section II: the sentence with the states is not found');
  else {
    expect('section II', [s2[1], s2[2], s2[3], s2[4], s2[6], s2[7]].map(int), figures(o));
    expect('section II percent', int(s2[5]), percent(o));
  }
  // The admin / user sentences.
  for (const [role, name] of [['admin', 'Tài khoản quản trị'], ['user', 'Tài khoản người dùng']] as const) {
    const m = new RegExp(`${name}: ${N} tài khoản \\(đề nghị hủy ${N}; phải đổi sau xử lý mã độc ${N}; đúng hạn ${N}; muộn ${N}; chưa đổi ${N}\\)\\.`).exec(text);
    if (!m) problems.push(`section II: the sentence "${name}" is not found`);
    else expect(name, m.slice(1, 7).map(int), figures(r.overall[role]));
  }

  // The summary table between "Chi tiết theo từng phần mềm:" and section III: its numbers in reading
  // order — per system (its number, its row, admin, user), then the total with its split.
  const from = layout.indexOf('Chi tiết theo từng phần mềm:');
  const to = layout.indexOf('III. KIỂM TRA THIẾT BỊ');
  if (from < 0 || to < from) problems.push('the summary table is not found');
  else {
    const region = layout.slice(from, to);
    const numbers = region.split(/\s+/).filter((w) => /^\d{1,3}(\.\d{3})*$/.test(w)).map(int);
    const flat = region.replace(/\s+/g, ' ');
    const at = (id: number) => flat.indexOf(systemNames.get(id)!.slice(0, 10));
    for (const id of r.bySystem.keys()) if (at(id) < 0) problems.push(`the summary table has no row for ${systemNames.get(id)}`);
    const order = [...r.bySystem.keys()].sort((a, b) => at(a) - at(b));
    const wanted = [
      ...order.flatMap((id, i) => {
        const x = r.bySystem.get(id)!;
        return [i + 1, ...figures(x.all), ...figures(x.admin), ...figures(x.user)];
      }),
      ...figures(o), ...figures(r.overall.admin), ...figures(r.overall.user),
    ];
    expect('summary table', numbers, wanted);
    if (!flat.includes('Tổng cộng')) problems.push('the summary table has no total row');
  }

  // Section III.1: devices, each counted once.
  const d = new RegExp(
    `Có ${N} thiết bị sử dụng các phần mềm trên \\(mỗi thiết bị tính một lần\\); đã kiểm tra trong (\\d+) tháng gần nhất ${N} thiết bị; ` +
      `trong đó có phần mềm diệt virus bản quyền còn hạn ${N} thiết bị; (không phát hiện thiết bị nhiễm mã độc\\.|phát hiện nhiễm mã độc: đã diệt virus và cài đặt lại hệ điều hành ${N} thiết bị, còn ${N} thiết bị nhiễm mã độc chưa xử lý)`,
  ).exec(text);
  if (!d) problems.push('section III.1: the devices sentence is not found');
  else {
    expect('months', int(d[2]), months);
    const printed = { devices: int(d[1]), checked: int(d[3]), licensed: int(d[4]), infected: d[6] === undefined ? 0 : int(d[7]), remediated: d[6] === undefined ? 0 : int(d[6]) };
    expect('devices', printed, r.devices);
    if (!(printed.licensed <= printed.checked && printed.checked <= printed.devices)) problems.push(`devices: licensed ≤ checked ≤ devices does not hold (${JSON.stringify(printed)})`);
  }
  return problems;
}
