import { describe, expect, it } from 'vitest';
import { normalizeSymbol, runningName, symbolFor } from './symbols';

describe('document symbols (issue 18)', () => {
  it('normalises what the clerk typed: no slashes, "Số:" or spaces at the ends', () => {
    expect(normalizeSymbol('/BC-PNV')).toBe('BC-PNV');
    expect(normalizeSymbol(' //BC-PNV/ ')).toBe('BC-PNV');
    expect(normalizeSymbol('Số: /BC-UBND')).toBe('BC-UBND');
    expect(normalizeSymbol('')).toBe('');
  });
  it('a report carries BC, a letter (công văn) no type code', () => {
    expect(symbolFor('report', 'BC-UBND')).toBe('BC-UBND');
    expect(symbolFor('report', 'UBND')).toBe('BC-UBND');
    expect(symbolFor('report', '/BC-PNV')).toBe('BC-PNV');
    expect(symbolFor('letter', 'BC-UBND')).toBe('UBND');
    expect(symbolFor('letter', '/BC-PNV')).toBe('PNV');
    expect(symbolFor('letter', '', 'VM')).toBe('VM');
    expect(symbolFor('report', '')).toBe('BC');
  });
});

describe('runningName (issue 18: running text not in header capitals)', () => {
  it('writes an upper-case unit name as it reads in a sentence', () => {
    expect(runningName('UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM')).toBe('UBND phường Văn Miếu - Quốc Tử Giám');
    expect(runningName('UBND XÃ ĐÔNG ANH')).toBe('UBND xã Đông Anh');
    expect(runningName('PHÒNG NỘI VỤ QUẬN ĐỐNG ĐA')).toBe('Phòng Nội vụ quận Đống Đa');
    expect(runningName('TRƯỜNG THCS CÁT LINH')).toBe('Trường THCS Cát Linh');
    expect(runningName('SỞ NỘI VỤ THÀNH PHỐ HÀ NỘI')).toBe('Sở Nội vụ thành phố Hà Nội');
  });
  it('keeps a name the clerk typed in mixed case', () => {
    expect(runningName('Phòng Nội vụ quận Đống Đa')).toBe('Phòng Nội vụ quận Đống Đa');
  });
});
