import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/errors';
import { workbook } from '../import/corpus';
import { importCore, stage } from '../import/helpers';
import { HOME_UNIT, snapshot, type TestCore } from '../harness-core';

// Issue 16 §5: one set of text rules for the API (every form goes through it) and the import.

let t: TestCore;
beforeAll(async () => {
  t = await importCore();
});
afterAll(() => t.close());

const person = (fullName: string) => ({ fullName, position: '', department: '', staffType: 'cong_chuc', partyMember: false, note: '' });
async function refusedWith(method: string, input: unknown): Promise<ApiError> {
  const before = snapshot(t.core);
  const r = await t.raw(method, input);
  expect(r.ok).toBe(false);
  expect(snapshot(t.core)).toEqual(before);
  return (r as { ok: false; error: ApiError }).error;
}

describe('the API refuses what the rules refuse, with the field and a Vietnamese message', () => {
  it.each([
    ['a bidi override that makes the name display as another', 'Nguyễn Văn \u202ENA', /hướng chữ/],
    ['an invisible operator', 'Nguyễn\u2062Văn An', /vô hình/],
    ['an emoji', 'Nguyễn Văn An 😀', /emoji/],
    ['a private-use character', 'Nguyễn \uE000 An', /dùng riêng/],
    ['500 characters', 'Nguyễn Văn '.repeat(46), /Quá dài/],
  ])('a person’s name with %s', async (_what, fullName, message) => {
    const e = await refusedWith('people.create', person(fullName));
    expect(e.code).toBe('VALIDATION');
    expect(e.path).toEqual(['fullName']);
    expect(e.message).toMatch(message);
  });

  it('a unit name with an emoji', async () => {
    const e = await refusedWith('unit.save', { ...HOME_UNIT, name: 'UBND PHƯỜNG 🌸' });
    expect(e.path).toEqual(['name']);
  });

  it('an impossible issue date on an account is refused with a message, not dropped', async () => {
    const system = (await t.call('systems.list', {}))[0]!;
    const e = await refusedWith('accounts.create', { systemId: system.id, personId: null, loginName: 'an.nv', role: 'user', sourceDocument: '', createdOn: '31/02/2026', note: '' });
    expect(e.path?.[0]).toBe('createdOn');
    expect(e.message).toMatch(/không có thật/);
    const iso = await refusedWith('accounts.create', { systemId: system.id, personId: null, loginName: 'an.nv', role: 'user', sourceDocument: '', createdOn: '2026-02-31', note: '' });
    expect(iso.message).toMatch(/không có thật/);
  });

  it('NFC: a decomposed name is stored composed, and found by search', async () => {
    const created = await t.call('people.create', person('Nguye\u0302\u0303n Va\u0306n Bi\u0300nh') as never);
    expect(created.fullName).toBe('Nguyễn Văn Bình');
  });
});

describe('the import applies the same rules, row by row', () => {
  it('names with bidi controls, emoji or over the limit are row errors naming the field', async () => {
    const file = await workbook({
      rows: [
        ['STT', 'Họ và tên', 'Chức vụ', 'Bộ phận'],
        [1, 'Nguyễn Văn \u202ENA', 'Chuyên viên', 'Văn phòng'],
        [2, 'Trần Thị Hoa 😀', 'Chuyên viên', 'Văn phòng'],
        [3, 'Lê Văn '.repeat(40), 'Chuyên viên', 'Văn phòng'],
        [4, 'Phạm Thị Lan', 'Chuyên viên', 'Văn phòng'],
      ],
    });
    const p = await stage(t, 'staff', file);
    const page = await t.call('import.preview', { stageId: p.stageId, limit: 100 });
    const byRow = new Map(page.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)!.problems.map((x) => x.message).join()).toMatch(/hướng chữ/);
    expect(byRow.get(3)!.problems.map((x) => x.message).join()).toMatch(/emoji/);
    expect(byRow.get(4)!.problems.map((x) => x.message).join()).toMatch(/quá dài|Quá dài/i);
    expect(byRow.get(5)!.problems).toEqual([]);
  });
});
