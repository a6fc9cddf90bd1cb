import { describe, expect, it } from 'vitest';
import { systemKey } from './submissions';

// A system's identity across unit files: its code, or — when the unit's system has none (the
// export writes "S<id>") — its folded name, so two units' "KNTC" add up and two uncoded systems
// of the same name do too.
describe('systemKey', () => {
  it('a code, trimmed and in upper case', () => {
    expect([systemKey('kntc ', 'Khiếu nại'), systemKey(' KNTC', 'Khác'), systemKey('S1a', 'Y'), systemKey('XS12', 'Y')]).toEqual(['KNTC', 'KNTC', 'S1A', 'XS12']);
  });
  it('no code, or the export\'s "S<id>": the name folded (no accents, case or extra spaces)', () => {
    expect([systemKey('S12', 'Phần mềm Đánh giá  CBCC'), systemKey('', 'Đánh Giá'), systemKey('S7', 'đánh giá')]).toEqual([
      'name:phan mem danh gia cbcc', 'name:danh gia', 'name:danh gia',
    ]);
  });
});
