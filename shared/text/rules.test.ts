import { describe, expect, it } from 'vitest';
import { checkText, textFieldError, textProblem } from './rules';

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
