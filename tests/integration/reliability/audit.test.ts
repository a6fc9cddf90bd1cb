import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_UNIT } from '../harness-core';
import { call, openCore, tempFixture, type Fixture } from './helpers';

/** The audit log screen's queries: who did what when, filtered, and exported for Excel. */
let fx: Fixture;
beforeEach(async () => {
  fx = tempFixture('attk-audit-');
  // Three sessions on three days by two people.
  const day = (date: string, actor: string) => openCore(fx.file, { actor, now: () => new Date(`${date}T10:30:00`) });
  const a = day('2024-01-18', 'van.thu');
  await call(a, 'unit.save', HOME_UNIT);
  await call(a, 'people.create', { fullName: 'Nguyễn Văn Đức' });
  a.db.close();
  const b = day('2024-01-19', 'can.bo.tt');
  await call(b, 'people.create', { fullName: '=HYPERLINK("http://x","bấm")' });
  await call(b, 'settings.save', { dueSoonDays: 7 });
  b.db.close();
  const c = day('2024-01-20', 'van.thu');
  await call(c, 'people.create', { fullName: 'Trần Thị "Bích" Đào' });
  c.db.close();
});
afterEach(() => fx.cleanup());

describe('audit.list filters', () => {
  it('by entity, action, actor, local date range and folded text', async () => {
    const core = openCore(fx.file);
    const total = (await call(core, 'audit.list', {})).total;
    expect(total).toBe(5);
    expect(await call(core, 'audit.facets', {})).toEqual({ entities: ['person', 'settings', 'unit'], actions: ['create', 'update'], actors: ['can.bo.tt', 'van.thu'] });
    const summaries = async (input: Parameters<typeof call<'audit.list'>>[2]) => (await call(core, 'audit.list', input)).rows.map((r) => r.summary);
    expect(await summaries({ entity: 'person' })).toHaveLength(3);
    expect(await summaries({ action: 'update' })).toHaveLength(1);
    expect(await summaries({ actor: 'van.thu' })).toHaveLength(3);
    expect(await summaries({ from: '2024-01-19', to: '2024-01-19' })).toHaveLength(2);
    expect(await summaries({ from: '2024-01-20' })).toEqual([expect.stringContaining('Trần Thị')]);
    expect(await summaries({ to: '2024-01-18' })).toHaveLength(2);
    // Diacritics optional, đ → d, several words ANDed; LIKE wildcards are literal.
    expect(await summaries({ q: 'nguyen van duc' })).toEqual([expect.stringContaining('Nguyễn Văn Đức')]);
    expect(await summaries({ q: 'dao bich' })).toHaveLength(1);
    expect(await summaries({ q: '%' })).toHaveLength(0);
    expect(await summaries({ entity: 'person', actor: 'van.thu', from: '2024-01-20' })).toHaveLength(1);
    core.db.close();
  });
});

describe('audit.export', () => {
  it('is CSV with a UTF-8 BOM, CRLF, every field quoted, formulas neutralised, oldest first', async () => {
    const core = openCore(fx.file);
    const out = await call(core, 'audit.export', { entity: 'person' });
    expect(out.rows).toBe(3);
    expect(out.fileName).toMatch(/^ATTK_NhatKy_\d{8}_\d{6}\.csv$/);
    expect(out.csv.charCodeAt(0)).toBe(0xfeff);
    const lines = out.csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Thời điểm","Người thực hiện","Thao tác","Đối tượng","Mã đối tượng","Nội dung","Dữ liệu"');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
    expect(lines[1]).toMatch(/^"18\/01\/2024 10:30:00","van\.thu","Tạo mới","Cán bộ","\d+","Nguyễn Văn Đức",/);
    // A value that Excel would run as a formula starts with a quote mark instead.
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"",""bấm"")"`);
    expect(lines[3]).toContain('"Trần Thị ""Bích"" Đào"');
    core.db.close();
  });

  // Every prefix a spreadsheet reads as the start of a formula (OWASP CSV injection): = + - @, tab and CR.
  // The actor column is written verbatim, so each prefix reaches csvField unchanged.
  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises a field starting with %j', async (prefix) => {
    const actor = `${prefix}cmd|' /C calc'!A0`;
    const core = openCore(fx.file, { actor });
    await call(core, 'settings.save', { dueSoonDays: 9 });
    // No actor filter (the filter input is trimmed); the newest row is the last line, oldest first.
    const out = await call(core, 'audit.export', { entity: 'settings' });
    expect(out.rows).toBe(2);
    const row = out.csv.slice(1).split('\r\n')[2] ?? '';
    expect(row.split('","')[1]).toBe(`'${actor.replace(/"/g, '""')}`);
    core.db.close();
  });

  it('leaves a field that only contains a formula character further in untouched', async () => {
    const core = openCore(fx.file, { actor: 'a=b+c' });
    await call(core, 'settings.save', { dueSoonDays: 9 });
    const out = await call(core, 'audit.export', { entity: 'settings' });
    expect((out.csv.slice(1).split('\r\n')[2] ?? '').split('","')[1]).toBe('a=b+c');
    core.db.close();
  });
});
