import { afterEach, describe, expect, it } from 'vitest';
import { HOME_UNIT, makeTestCore, snapshot, type TestCore } from './harness-core';

// The monthly cycle of the Đống Đa letter (01/2024, section 2): self 22–24, unit 25, PDF before the 29th.
let t: TestCore;
afterEach(() => t.close());

const PNV = 'pnv.dongda@hanoi.gov.vn';

/** Record a month the usual way: individuals on the 23rd, the unit on the 25th, the PDF on `sent`. */
async function month(m: string, sent: string | null, extra: Record<string, unknown> = {}) {
  return t.call('evaluation.record', { month: m, selfEvalDoneOn: `${m}-23`, unitEvalOn: `${m}-25`, pdfSentOn: sent, sentTo: sent ? PNV : '', ...extra });
}

describe('a year of monthly evaluations', () => {
  it('shows each month on time or late, and counts the late months', async () => {
    t = makeTestCore('2025-01-10');
    await t.call('unit.save', HOME_UNIT);
    await month('2024-01', '2024-01-26');
    await month('2024-02', '2024-02-29'); // leap year: the 29th exists, so it is late
    await month('2024-03', '2024-03-28'); // the last day: on time
    await month('2024-04', '2024-04-26');
    await month('2024-05', '2024-05-27');
    await month('2024-06', '2024-06-28'); // 29th is a Saturday: Friday 28th on time
    await month('2024-07', '2024-07-26');
    await month('2024-08', '2024-08-27');
    await month('2024-09', '2024-09-28'); // a Saturday, the date is kept: on time
    await month('2024-10', '2024-10-29'); // late
    await month('2024-11', '2024-11-26', { unitEvalOn: '2024-11-26' }); // unit off its day: shown, no penalty
    await month('2024-12', null); // never sent: late once 28/12 passed

    const year = await t.call('evaluation.year', { year: 2024 });
    expect(year.months.map((m) => m.pdf)).toEqual([
      'on_time', 'late', 'on_time', 'on_time', 'on_time', 'on_time', 'on_time', 'on_time', 'on_time', 'late', 'on_time', 'overdue',
    ]);
    expect(year.months.filter((m) => m.late).map((m) => m.month)).toEqual(['2024-02', '2024-10', '2024-12']);
    expect(year).toMatchObject({ lateCount: 3, onTimeCount: 9, today: '2025-01-10' });
    expect(year.months[10]).toMatchObject({ unitEval: 'unit_off_day', pdf: 'on_time', late: false });
    expect(year.months[8]!.schedule).toMatchObject({ lastDayToSend: '2024-09-28', suggestedSendBy: '2024-09-27' });
    expect(year.months[0]!.record).toMatchObject({ sentTo: PNV, windows: { selfEvalStartDay: 22, selfEvalEndDay: 24, unitEvalDay: 25, sendBeforeDay: 29 } });

    // 2025 has begun: January is open, the rest upcoming; December 2024 is reminded as late.
    const next = await t.call('evaluation.year', { year: 2025 });
    expect(next.months.map((m) => m.pdf)).toEqual(['open', ...Array(11).fill('upcoming')]);
    expect(next.lateCount).toBe(0);
    const { today, reminders } = await t.call('evaluation.reminders', {});
    expect(today).toBe('2025-01-10');
    expect(reminders.map((r) => r.id)).toEqual(['2024-12:pdf_overdue']);
    expect(reminders[0]!.text).toContain('Tháng 12/2024: chưa gửi kết quả PDF');
  });

  it('does not count months before the first record as late (the app was not in use)', async () => {
    t = makeTestCore('2024-07-10');
    await month('2024-05', '2024-05-27');
    const year = await t.call('evaluation.year', { year: 2024 });
    expect(year.months.map((m) => m.pdf).slice(0, 7)).toEqual(['untracked', 'untracked', 'untracked', 'untracked', 'on_time', 'overdue', 'open']);
    expect(year.lateCount).toBe(1);
  });
});

describe('recording a month', () => {
  it('is corrections-friendly: an edit replaces the record, keeps its windows, and is audited', async () => {
    t = makeTestCore('2024-04-02');
    const first = await month('2024-03', '2024-03-29');
    expect(first).toMatchObject({ pdf: 'late', late: true });
    await t.call('settings.save', { sendBeforeDay: 31 });
    const fixed = await month('2024-03', '2024-03-28', { note: 'Sửa ngày gửi nhập nhầm' });
    expect(fixed).toMatchObject({ pdf: 'on_time', record: { note: 'Sửa ngày gửi nhập nhầm', windows: { sendBeforeDay: 29 } } });
    expect(fixed.schedule.lastDayToSend).toBe('2024-03-28');
    // Unrecorded months follow the new settings.
    const cal = await t.call('evaluation.calendar', { count: 2 });
    expect(cal.months.map((m) => [m.month, m.schedule.lastDayToSend])).toEqual([['2024-04', '2024-04-30'], ['2024-05', '2024-05-30']]);
    const audit = await t.call('audit.list', { entity: 'monthly_evaluation' });
    expect(audit.rows.map((r) => [r.action, r.entityId, r.summary])).toEqual([
      ['update', 202403, 'Sửa ghi nhận đánh giá tháng 03/2024'],
      ['create', 202403, 'Ghi nhận đánh giá tháng 03/2024'],
    ]);
    expect(JSON.parse(audit.rows[0]!.data)).toMatchObject({ before: { pdfSentOn: '2024-03-29' }, after: { pdfSentOn: '2024-03-28' } });
    expect(() => t.core.db.prepare('DELETE FROM monthly_evaluations').run()).toThrow(/never deleted/);
  });

  it('refuses invalid input with typed errors on the field, and writes nothing', async () => {
    t = makeTestCore('2024-04-02');
    await month('2024-02', '2024-02-27');
    const before = snapshot(t.core);
    const cases: [Record<string, unknown>, (string | number)[], string | RegExp][] = [
      [{ month: '2024-13' }, ['month'], 'Tháng: Tháng không hợp lệ (dạng yyyy-mm).'],
      [{ month: '2024-05' }, ['month'], 'Tháng: Không ghi nhận trước cho tháng chưa đến.'],
      [{ month: '2024-03', pdfSentOn: '2024-02-30', sentTo: PNV }, ['pdfSentOn'], /Ngày gửi kết quả PDF: Ngày "2024-02-30" không có thật/],
      // A real day in the form's dd/MM/yyyy is still not the API's ISO date: a format error, not "does not exist".
      [{ month: '2024-03', pdfSentOn: '28/03/2024', sentTo: PNV }, ['pdfSentOn'], /Ngày không hợp lệ/],
      [{ month: '2024-03', unitEvalOn: '2024-04-03' }, ['unitEvalOn'], 'Ngày đơn vị đánh giá: Ngày không được sau hôm nay.'],
      [{ month: '2024-03', selfEvalDoneOn: '2024-02-28' }, ['selfEvalDoneOn'], 'Ngày cá nhân hoàn thành tự đánh giá: Ngày này phải từ 01/03/2024 trở đi.'],
      [{ month: '2024-03', selfEvalDoneOn: '2024-03-25', unitEvalOn: '2024-03-24' }, ['unitEvalOn'], /không được trước ngày cá nhân/],
      [{ month: '2024-03', unitEvalOn: '2024-03-25', pdfSentOn: '2024-03-24', sentTo: PNV }, ['pdfSentOn'], /không được trước ngày đơn vị/],
      [{ month: '2024-03', pdfSentOn: '2024-03-27' }, ['sentTo'], 'Gửi tới (thư điện tử): Cần nhập địa chỉ đã gửi kết quả PDF.'],
      [{ month: '2024-03', pdfSentOn: '2024-03-27', sentTo: 'phong noi vu' }, ['sentTo'], /Địa chỉ thư điện tử không hợp lệ/],
      [{ month: '2024-03', late: true }, ['late'], /Trường không được phép/],
      // Correcting an existing month is checked the same way.
      [{ month: '2024-02', pdfSentOn: '2024-01-31', sentTo: PNV }, ['pdfSentOn'], /01\/02\/2024/],
    ];
    for (const [input, path, message] of cases) {
      const r = await t.raw('evaluation.record', input);
      expect(r, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'VALIDATION', path } });
      if (!r.ok) expect(r.error.message, JSON.stringify(input)).toMatch(message);
    }
    expect(await t.raw('evaluation.year', { year: 1999 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: ['year'] } });
    expect(snapshot(t.core)).toEqual(before);
  });

  it('proposes the last address used, else the one in the unit profile', async () => {
    t = makeTestCore('2024-04-02');
    await t.call('unit.save', { ...HOME_UNIT, recipientAddress: 'Phòng GD&ĐT quận Đống Đa, email: pgd.dongda@hanoi.edu.vn' });
    expect((await t.call('evaluation.calendar', {})).defaultRecipient).toBe('pgd.dongda@hanoi.edu.vn');
    await month('2024-03', '2024-03-27', { sentTo: 'c2.vanmieu@hanoi.edu.vn' });
    expect((await t.call('evaluation.calendar', {})).defaultRecipient).toBe('c2.vanmieu@hanoi.edu.vn');
  });
});

describe('settings: the windows', () => {
  it('defaults to the letter\'s days and keeps the others on a partial save', async () => {
    t = makeTestCore('2024-01-20');
    expect(await t.call('settings.get', {})).toMatchObject({ selfEvalStartDay: 22, selfEvalEndDay: 24, unitEvalDay: 25, sendBeforeDay: 29 });
    await t.call('settings.save', { sendBeforeDay: 30 });
    await t.call('settings.save', { dueSoonDays: 10 });
    expect(await t.call('settings.get', {})).toMatchObject({ dueSoonDays: 10, sendBeforeDay: 30, unitEvalDay: 25 });
  });

  it('refuses days outside 1–31 and an inconsistent order, naming the field, and writes nothing', async () => {
    t = makeTestCore('2024-01-20');
    const before = snapshot(t.core);
    expect(await t.raw('settings.save', { unitEvalDay: 32 })).toMatchObject({
      ok: false, error: { code: 'VALIDATION', path: ['unitEvalDay'], message: 'Đơn vị đánh giá vào ngày: Phải là ngày trong tháng, từ 1 đến 31.' },
    });
    expect(await t.raw('settings.save', { selfEvalStartDay: 0 })).toMatchObject({ ok: false, error: { path: ['selfEvalStartDay'] } });
    expect(await t.raw('settings.save', { selfEvalEndDay: 21 })).toMatchObject({ ok: false, error: { path: ['selfEvalEndDay'] } });
    expect(await t.raw('settings.save', { unitEvalDay: 24 })).toMatchObject({ ok: false, error: { path: ['unitEvalDay'] } });
    expect(await t.raw('settings.save', { sendBeforeDay: 25, dueSoonDays: 3 })).toMatchObject({
      ok: false, error: { path: ['sendBeforeDay'], message: 'Gửi kết quả PDF trước ngày: Hạn gửi PDF phải sau ngày đơn vị đánh giá.' },
    });
    expect(snapshot(t.core)).toEqual(before);
    // Moving several days together is checked on the result, not step by step.
    await t.call('settings.save', { selfEvalStartDay: 26, selfEvalEndDay: 27, unitEvalDay: 28, sendBeforeDay: 31 });
  });
});

describe('reminders and the next deadline through the API', () => {
  it('on the 24th of January 2024 (29th is a Monday): send soon, before Friday 26th, and self evaluation open', async () => {
    t = makeTestCore('2024-01-24');
    const { reminders } = await t.call('evaluation.reminders', {});
    expect(reminders.map((r) => r.kind)).toEqual(['send_due_soon', 'self_eval_open']);
    expect(reminders[0]).toMatchObject({ title: 'Đánh giá hằng tháng', suggestedSendBy: '2024-01-26' });
    expect(reminders[0]!.text).toContain('Thứ Sáu 26/01/2024');
    const next = await t.call('evaluation.next', {});
    expect(next).toMatchObject({ today: '2024-01-24', month: '2024-01', daysLeft: 4, step: { kind: 'self_eval', date: '2024-01-24' }, overdue: [] });
  });
});
