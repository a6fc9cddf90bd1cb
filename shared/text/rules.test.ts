import { describe, expect, it } from 'vitest';
import { checkText, dateTextError, textFieldError, textProblem } from './rules';

// The shared text rules (issue 16 §5): what every form, the import and the API accept.

describe('textProblem', () => {
  it.each([
    ['bidi override U+202E', 'Nguyễn Văn \u202ENA', 'hướng chữ'],
    ['right-to-left mark', 'Lê\u200F Thị', 'hướng chữ'],
    ['isolate U+2067', 'Trần \u2067A\u2069', 'hướng chữ'],
    ['invisible times U+2062', 'Nguyễn\u2062Văn', 'vô hình'],
    ['tag character', 'Hà\u{E0041}Nội', 'vô hình'],
    ['private use', 'Phòng \uE000 Nội vụ', 'dùng riêng'],
    ['C0 control', 'Văn\u0007phòng', 'điều khiển'],
    ['C1 control', 'Văn\u0085phòng', 'điều khiển'],
    ['lone surrogate', 'An\uD800', 'điều khiển'],
  ])('refuses %s everywhere', (_name, value, message) => {
    expect(textProblem(value, 'text')).toMatch(message);
    expect(textProblem(value, 'name')).toMatch(message);
  });

  it.each(['Nguyễn Văn An 😀', 'UBND 🇻🇳', 'Số 1️⃣', 'Trường ❤ học', '☎ Văn phòng'])('refuses pictographs in names: %s', (value) => {
    expect(textProblem(value, 'name')).toMatch(/emoji/);
    expect(textProblem(value, 'text')).toBeNull();
  });

  it.each(['Nguyễn Văn Ánh', 'ĐẶNG THỊ HỒNG', 'Công văn 498/TTr-VP ngày 15/6/2018', 'Phòng Tài chính - Kế hoạch (TC-KH)', "O'Neil", 'Số 12/2024/NĐ-CP §3', 'Tab\there', 'Line\nbreak'])(
    'accepts ordinary Vietnamese text: %s',
    (value) => expect(textProblem(value, 'name')).toBeNull(),
  );
});

describe('checkText', () => {
  it('zero-width spaces, soft hyphens and a BOM pasted from a PDF are removed, not refused', () => {
    expect(checkText('Phạm\u200B Văn\u00AD Đức\uFEFF', { max: 120, kind: 'name' })).toEqual({ ok: true, value: 'Phạm Văn Đức' });
  });

  it('cleans to NFC with single spaces', () => {
    expect(checkText('  Nguye\u0302\u0303n   Văn An ', { max: 120 })).toEqual({ ok: true, value: 'Nguyễn Văn An' });
  });

  it('refuses a value over the limit with its length, never cuts it', () => {
    const long = 'Nguyễn Văn '.repeat(50);
    const r = checkText(long, { max: 120, kind: 'name' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/Quá dài: 549 ký tự \(tối đa 120\)/);
  });

  it('the length counted is that of the cleaned text (what is stored)', () => {
    expect(checkText(`${'a'.repeat(120)}   `, { max: 120 }).ok).toBe(true);
    expect(checkText('e\u0301'.repeat(120), { max: 120 }).ok).toBe(true);
  });

  it('required refuses blank; the live form check says nothing for an optional blank', () => {
    expect(checkText('   ', { max: 10, required: true }).ok).toBe(false);
    expect(textFieldError('', { max: 10 })).toBeUndefined();
    expect(textFieldError('x'.repeat(11), { max: 10 })).toMatch(/Quá dài/);
  });
});

// Issue 22 (mutation testing): each rule's exact message, its order, the length boundary, and the
// date message on exact inputs — literal Vietnamese expected values.
const M = {
  control: 'Chứa ký tự điều khiển không hợp lệ (ký tự ẩn). Hãy gõ lại nội dung thay vì dán.',
  bidi: 'Chứa ký tự điều khiển hướng chữ (ví dụ U+202E) làm chữ hiển thị khác với nội dung thật. Hãy gõ lại nội dung thay vì dán.',
  invisible: 'Chứa ký tự vô hình (khoảng trắng độ rộng 0, gạch nối mềm…). Hãy gõ lại nội dung thay vì dán.',
  privateUse: 'Chứa ký tự riêng của phông chữ (vùng dùng riêng), không hiển thị được trên máy khác.',
  pictograph: 'Không được dùng biểu tượng cảm xúc (emoji) hoặc hình ký hiệu trong tên và số hiệu văn bản.',
  required: 'Chưa nhập.',
  invalidDate: 'Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).',
  impossible: (t: string) => `Ngày "${t}" không có thật (ví dụ 31/02). Hãy nhập lại theo dạng dd/mm/yyyy.`,
};

describe('text rules, literally', () => {
  it('names the first rule broken, in order: control, direction, invisible, private use, pictograph', () => {
    expect(textProblem('A\u0007\u202E\u2062\uE000😀', 'name')).toBe(M.control);
    expect(textProblem('A\u202E\u2062\uE000😀', 'name')).toBe(M.bidi);
    expect(textProblem('A\u2062\uE000😀', 'name')).toBe(M.invisible);
    expect(textProblem('A\uE000😀', 'name')).toBe(M.privateUse);
    expect(textProblem('A😀', 'name')).toBe(M.pictograph);
    expect(textProblem('A😀')).toBeNull();
  });

  it('refuses a lone low surrogate, and accepts a surrogate pair (an emoji in free text)', () => {
    expect(textProblem('An\uDC00')).toBe(M.control);
    expect(textProblem('\uDC00An')).toBe(M.control);
    expect(textProblem('\uD800')).toBe(M.control);
    expect(textProblem('Hà Nội \u{1F600} \u{20000}')).toBeNull();
  });

  it('refuses each piece emoji are built from in a name: a keycap, a variation selector, a regional indicator', () => {
    expect(textProblem('Số 1\u20E3', 'name')).toBe(M.pictograph);
    expect(textProblem('Chữ A\uFE0F', 'name')).toBe(M.pictograph);
    expect(textProblem('UBND \u{1F1FB}', 'name')).toBe(M.pictograph);
    expect(textProblem('Số 1\u20E3 A\uFE0F \u{1F1FB}', 'text')).toBeNull();
  });

  it('checkText uses the rules of its kind (text by default) and returns the cleaned value', () => {
    expect(checkText('Trường 😀', { max: 20, kind: 'name' })).toEqual({ ok: false, message: M.pictograph });
    expect(checkText('Trường 😀', { max: 20 })).toEqual({ ok: true, value: 'Trường 😀' });
    expect(checkText('A\u202EB', { max: 20 })).toEqual({ ok: false, message: M.bidi });
  });

  it('accepts exactly the limit and refuses one more, with both numbers', () => {
    expect(checkText('abcde', { max: 5 })).toEqual({ ok: true, value: 'abcde' });
    expect(checkText('abcdef', { max: 5 })).toEqual({ ok: false, message: 'Quá dài: 6 ký tự (tối đa 5). Hãy rút gọn; ATTK không tự cắt bớt.' });
  });

  it('required refuses an empty cleaned value with its message, optional accepts it as empty', () => {
    expect(checkText(' \u200B ', { max: 5, required: true })).toEqual({ ok: false, message: M.required });
    expect(checkText(' \u200B ', { max: 5, required: false })).toEqual({ ok: true, value: '' });
    expect(checkText('a', { max: 5, required: true })).toEqual({ ok: true, value: 'a' });
  });

  it('the live form check names a problem, but never nags about a required blank while typing', () => {
    expect(textFieldError('   ', { max: 10, required: true })).toBeUndefined();
    expect(textFieldError('', { max: 10, required: true })).toBeUndefined();
    expect(textFieldError('A😀', { max: 10, kind: 'name' })).toBe(M.pictograph);
    expect(textFieldError('A😀', { max: 10, kind: 'name', required: true })).toBe(M.pictograph);
    expect(textFieldError('abcdefghijk', { max: 10, required: true })).toBe('Quá dài: 11 ký tự (tối đa 10). Hãy rút gọn; ATTK không tự cắt bớt.');
    expect(textFieldError('Nguyễn', { max: 10, required: true })).toBeUndefined();
  });
});

describe('dateTextError', () => {
  it('says a date-shaped day does not exist, in each accepted shape (trimmed)', () => {
    expect(dateTextError('31/02/2026')).toBe(M.impossible('31/02/2026'));
    expect(dateTextError(' 29.02.2023 ')).toBe(M.impossible('29.02.2023'));
    expect(dateTextError('30-02-2024')).toBe(M.impossible('30-02-2024'));
    expect(dateTextError('2023-02-29')).toBe(M.impossible('2023-02-29'));
    expect(dateTextError('1/13/2024')).toBe(M.impossible('1/13/2024'));
    expect(dateTextError('0/1/2024')).toBe(M.impossible('0/1/2024'));
  });

  it('gives the format message for a real day in another format, and for anything not shaped like a date', () => {
    for (const real of ['29/02/2024', '1/1/2024', '31.01.2024', '29-02-2024', '2024-02-29', '2024-12-31']) expect(dateTextError(real)).toBe(M.invalidDate);
    for (const other of ['x31/02/2026', '31/02/2026x', '31/02/26', '131/02/2026', '31/002/2026', '2026-2-31', '20260-02-31', 'hôm nay', '']) expect(dateTextError(other)).toBe(M.invalidDate);
  });
});
