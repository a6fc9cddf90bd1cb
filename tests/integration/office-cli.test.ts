import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';

// An office without the UI (issue 15): profile, receiving mode, a campaign, the expected units and
// the board, all from `attk`, on a real database file.

const dir = mkdtempSync(join(tmpdir(), 'attk-office-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('attk for a receiving office without the UI', () => {
  it('sets the profile and receiving mode, creates a campaign, chooses expected units and prints the board', async () => {
    const db = join(dir, 'office.sqlite');
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    const run = async (...args: string[]) => {
      const code = await main([...args, '--db', db, '--today', '2024-01-20'], io);
      expect(code, out.join('\n')).toBe(0);
      return out[out.length - 1]!;
    };
    expect(await main(['init', '--db', db], io)).toBe(0);
    expect(await run('unit', 'set', '--name', 'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA', '--code', 'PNV-DD', '--parent', 'UBND QUẬN ĐỐNG ĐA', '--head-name', 'Trần Thị Mai')).toContain(
      'PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA (mã PNV-DD)',
    );
    expect(await run('district', 'mode', 'on', '--level', 'district', '--address', '90 Hoàng Cầu')).toContain('Đã bật chế độ cơ quan tiếp nhận báo cáo cho PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA');
    const csv = join(dir, 'donvi.csv');
    (await import('node:fs')).writeFileSync(csv, 'Tên đơn vị;Mã;Loại;Liên hệ\nUBND phường Văn Miếu;PVM;Phường;Chị Lan\nTrường THCS Đống Đa;THCS-DD;Trường;Thầy Nam\nUBND phường Hàng Bột;PHB;Phường;Anh Minh\n');
    await run('district', 'units', csv);
    const created = JSON.parse(await run('campaign', 'create', '--directive', '123/UBND-NV', '--subject', 'Rà soát mật khẩu', '--start', '2024-01-08', '--deadline', '2024-01-25', '--json')) as {
      campaign: { id: number; status: string; systemIds: number[] };
    };
    expect(created.campaign).toMatchObject({ status: 'in_progress' });
    expect(created.campaign.systemIds.length).toBeGreaterThan(0);
    const id = String(created.campaign.id);
    expect(await run('district', 'expect', '--campaign', id, '--units', 'PVM,THCS-DD')).toContain('2 đơn vị');
    await run('district', 'board', '--campaign', id);
    const board = out.slice(-5).join('\n');
    expect(board).toContain('Phải báo cáo 2 · đã nộp 0');
    expect(board).toMatch(/PVM\s+Chưa nộp/);
    expect(board).not.toContain('PHB');
    expect(await main(['district', 'expect', '--campaign', id, '--units', 'XYZ', '--db', db], io)).toBe(2);
    expect(out[out.length - 1]).toContain('Không có đơn vị mã XYZ');
    out.length = 0;
    expect(await main(['--help'], io)).toBe(0);
    const help = out.join('\n');
    for (const s of ['--today YYYY-MM-DD', 'attk district board', 'attk campaign create', 'attk district mode on|off', 'attk unit set', '--confirm-key', 'attk district change-key']) expect(help).toContain(s);
    expect(help).not.toMatch(/chạy lại với --trust-new-keys/);
  }, 60_000);
});
