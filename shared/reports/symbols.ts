// Document symbols (ký hiệu văn bản, Decree 30/2020 Appendix III) and the unit's name in running
// text. Pure; used by the print views, the Excel writers and the unit profile's schema.

/** Type codes a symbol may start with ("BC-UBND", "CV-VP", "TTr-VP"). */
const TYPE_CODE = /^(BC|CV|TB|KH|TTr|TTR|QĐ|QD|TT)-/u;

/**
 * A symbol as stored: no "Số:", no slashes or spaces at either end, upper-case type code kept.
 * "//BC-PNV " → "BC-PNV"; "Số: /BC-UBND" → "BC-UBND". (Typed with its slash, it printed "Số: //BC-PNV".)
 */
export function normalizeSymbol(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/^\s*số\s*:?/iu, '')
    .replace(/\s+/g, '')
    .replace(/^[/\\-]+|[/\\-]+$/g, '');
}

/**
 * The symbol for one kind of document: a report (báo cáo) carries the type code BC ("BC-UBND");
 * a letter (công văn) carries none, only the issuer's abbreviation ("UBND"). `fallback` is used
 * when the profile has no symbol (the unit's code).
 */
export function symbolFor(kind: 'report' | 'letter', symbol: string, fallback = ''): string {
  const base = normalizeSymbol(symbol).replace(TYPE_CODE, '') || normalizeSymbol(fallback);
  if (kind === 'letter') return base;
  return base ? `BC-${base}` : 'BC';
}

// Words of a name that stay upper case in running text (abbreviations).
const ACRONYMS = new Set(['UBND', 'HĐND', 'THCS', 'THPT', 'MN', 'TH', 'CSDL', 'VP', 'TP', 'TT', 'PGD', 'ĐT', 'CNTT', 'BCH', 'MTTQ', 'VN']);
// Administrative and common words written in lower case inside a name ("UBND phường Văn Miếu").
const COMMON = [
  'thành phố', 'thị trấn', 'thị xã', 'phường', 'xã', 'quận', 'huyện', 'tỉnh', 'trường', 'mầm non', 'tiểu học', 'trung học cơ sở',
  'trung học phổ thông', 'ủy ban nhân dân', 'văn phòng', 'phòng', 'sở', 'ban', 'trung tâm', 'và',
].map((w) => w.split(' '));
// Fields of state management named inside office names: capital first letter only ("Sở Nội vụ").
const FIELDS = ['nội vụ', 'tư pháp', 'tài chính', 'văn hóa', 'y tế', 'giáo dục', 'đào tạo', 'khoa học', 'công nghệ', 'thanh tra', 'kinh tế', 'xây dựng'].map((w) => w.split(' '));

/**
 * The unit's name as it reads inside a sentence (issue 18): the header prints it in capitals
 * ("UBND PHƯỜNG VĂN MIẾU"), running text must not ("UBND phường Văn Miếu báo cáo…"). A name typed
 * in mixed case is the clerk's own spelling and is kept as is.
 */
export function runningName(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  const words = name.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const w = words[i]!;
    if (ACRONYMS.has(w) || !/\p{L}/u.test(w)) {
      out.push(w);
      i++;
      continue;
    }
    const phrase = COMMON.find((p) => p.every((x, k) => words[i + k]?.toLocaleLowerCase('vi') === x));
    if (phrase) {
      out.push(...phrase);
      i += phrase.length;
      continue;
    }
    const field = FIELDS.find((p) => p.every((x, k) => words[i + k]?.toLocaleLowerCase('vi') === x));
    if (field) {
      out.push(field[0]!.charAt(0).toLocaleUpperCase('vi') + field[0]!.slice(1), ...field.slice(1));
      i += field.length;
      continue;
    }
    out.push(w.charAt(0) + w.slice(1).toLocaleLowerCase('vi'));
    i++;
  }
  const text = out.join(' ');
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}
