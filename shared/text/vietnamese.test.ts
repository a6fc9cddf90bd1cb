import { describe, expect, it } from 'vitest';
import { cleanText, compareVietnamese, foldForSearch, personSortKey, searchTerms, vietnameseSortKey } from './vietnamese';

describe('cleanText', () => {
  it('normalises decomposed Unicode to NFC', () => {
    const decomposed = 'Nguyê\u0303n'.normalize('NFD');
    expect(cleanText(decomposed)).toBe('Nguyễn');
    expect(cleanText(decomposed)).toBe('Nguyễn'.normalize('NFC'));
  });
  it('drops invisible characters and collapses whitespace', () => {
    expect(cleanText('  Trần\u200B  Văn\u00A0\tBình \uFEFF')).toBe('Trần Văn Bình');
  });
});

describe('foldForSearch', () => {
  it('strips diacritics and maps đ/Đ to d', () => {
    expect(foldForSearch('Nguyễn Văn An')).toBe('nguyen van an');
    expect(foldForSearch('Đống Đa')).toBe('dong da');
    expect(foldForSearch('ĐẶNG THỊ ƯỚC')).toBe('dang thi uoc');
  });
  it('folds decomposed input the same as composed', () => {
    expect(foldForSearch('Đống Đa'.normalize('NFD'))).toBe('dong da');
  });
  it('splits queries into at most 8 folded terms', () => {
    expect(searchTerms('  Nguyễn   văn AN ')).toEqual(['nguyen', 'van', 'an']);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('Vietnamese sort order', () => {
  const sorted = (xs: string[], key: (s: string) => string) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  it('puts ă, â after a; đ after d; ơ, ô after o; ư after u', () => {
    expect(sorted(['đào', 'dung', 'ăn', 'an', 'ân', 'ơi', 'ôm', 'oa', 'ưng', 'uy'], vietnameseSortKey)).toEqual([
      'an', 'ăn', 'ân', 'dung', 'đào', 'oa', 'ôm', 'ơi', 'uy', 'ưng',
    ]);
  });

  it('orders tones ngang < huyền < hỏi < ngã < sắc < nặng', () => {
    expect(sorted(['má', 'mạ', 'mà', 'mã', 'ma', 'mả'], vietnameseSortKey)).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
  });

  it('handles letters whose NFD puts the dot below before the circumflex', () => {
    // "ệ" decomposes to e + U+0323 + U+0302: still the letter ê with the nặng tone.
    expect(vietnameseSortKey('Việt')).toBe(vietnameseSortKey('Việt'.normalize('NFD')));
    expect(sorted(['Vịt', 'Việt', 'Viết', 'Via'], vietnameseSortKey)).toEqual(['Via', 'Viết', 'Việt', 'Vịt']);
  });

  it('sorts people by given name first, then full name', () => {
    const people = ['Nguyễn Thị Cúc', 'Trần Văn Bình', 'Lê An', 'Đỗ Văn Bình', 'Phạm Thị Ánh'];
    expect(sorted(people, personSortKey)).toEqual(['Lê An', 'Phạm Thị Ánh', 'Đỗ Văn Bình', 'Trần Văn Bình', 'Nguyễn Thị Cúc']);
  });

  it('agrees with compareVietnamese on base letters', () => {
    expect(compareVietnamese('Đống Đa', 'Dương') > 0).toBe(true);
    expect(compareVietnamese('an', 'ăn') < 0).toBe(true);
  });
});

describe('folding keeps a cleaned name\'s length (the SQL name search relies on it, issue 18)', () => {
  it('for every Vietnamese letter, upper and lower case, and names built from them', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
    for (const ch of [...letters, ...letters.toUpperCase()]) expect(foldForSearch(cleanText(ch)).length).toBe(cleanText(ch).length);
    for (const name of ['Nguyễn Thanh An', 'ĐẶNG THỊ HỒNG NHUNG', 'Lê Văn Đức', 'Hoàng\u00a0Thị  Thu'].map(cleanText)) {
      expect(foldForSearch(name).length).toBe(name.length);
    }
    // A decomposed name (NFD, as some PDFs paste it) is cleaned to NFC first.
    const nfd = cleanText('Nguyễn Thị Ánh'.normalize('NFD'));
    expect(foldForSearch(nfd).length).toBe(nfd.length);
  });
});
