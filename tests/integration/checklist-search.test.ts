import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_UNIT, makeTestCore, type TestCore } from './harness-core';

// Issue 18: "nguyen thanh an" matched 505 rows on the district demo because any word could match
// any field ("Thanh niên", "La Thành"). The checklist search now looks at the owner's name (word
// starts) and the login, ranks the best match first, and widens only when asked.
let t: TestCore;
let campaignId: number;

beforeEach(async () => {
  t = makeTestCore('2024-01-20');
  await t.call('unit.save', HOME_UNIT);
  const [kntc] = (await t.call('systems.list', {})).map((s) => s.id) as [number];
  const people: [string, string][] = [
    ['Nguyễn Thanh An', 'Văn phòng'],
    ['Nguyễn Văn Thanh', 'Đoàn Thanh niên'],
    ['Trần Thị Thanh Hà', 'Tổ dân phố La Thành'],
    ['Lê Văn Nguyên', 'Văn phòng'],
    ['Phạm Anh Tuấn', 'Thanh tra'],
  ];
  let i = 0;
  for (const [fullName, department] of people) {
    const p = await t.call('people.create', { fullName, department });
    await t.call('accounts.create', { systemId: kntc, personId: p.id, loginName: `user${++i}.vm` });
  }
  await t.call('accounts.create', { systemId: kntc, personId: null, loginName: 'thanhan.vm' });
  campaignId = (
    await t.call('campaigns.create', { directiveNumber: '1/UBND', subject: 'Rà soát', systemIds: [kntc], startDate: '2024-01-10', deadline: '2024-01-25' })
  ).id;
});
afterEach(() => t.close());

const names = async (q: string, searchIn?: 'name' | 'all') =>
  (await t.call('campaigns.checklist', { campaignId, q, ...(searchIn ? { searchIn } : {}) })).rows.map((r) => r.personName ?? r.loginName);

describe('checklist search', () => {
  it('given a full name, then only that person matches, not words of departments or the middle of words', async () => {
    expect(await names('nguyen thanh an')).toEqual(['Nguyễn Thanh An']);
  });

  it('given one word, then the name matches at word starts only, ranked by how well the name matches', async () => {
    // "thanh": Nguyễn Văn Thanh and Trần Thị Thanh Hà by name, Nguyễn Thanh An too; the login thanhan.vm
    // starts with it. Not "Phạm Anh Tuấn" of Thanh tra, not departments.
    const rows = await names('thanh');
    expect(rows.sort()).toEqual(['Nguyễn Thanh An', 'Nguyễn Văn Thanh', 'Trần Thị Thanh Hà', 'thanhan.vm'].sort());
    // "an": the word An, then a name word starting with it (Anh), then a login containing it.
    expect(await names('an')).toEqual(['Nguyễn Thanh An', 'Phạm Anh Tuấn', 'thanhan.vm']);
  });

  it('given a login, then it matches anywhere in the login and the exact login comes first', async () => {
    expect((await names('user3.vm'))[0]).toBe('Trần Thị Thanh Hà');
    expect(await names('thanhan')).toEqual(['thanhan.vm']);
  });

  it('widened, the search also looks at position, department and unit', async () => {
    expect((await names('thanh nien', 'all')).sort()).toEqual(['Nguyễn Văn Thanh']);
    expect(await names('thanh nien')).toEqual([]);
    expect((await names('la thanh', 'all'))).toEqual(['Trần Thị Thanh Hà']);
  });

  it('ranks the exact name before names that merely contain the words', async () => {
    expect((await names('nguyen van thanh'))[0]).toBe('Nguyễn Văn Thanh');
    // A whole word of a name outranks a login that merely starts with it.
    expect((await names('thanh')).at(-1)).toBe('thanhan.vm');
  });
});
