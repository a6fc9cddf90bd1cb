// Vietnamese text helpers. Pure: no Node or DOM APIs, used by the core and the renderer alike.

// Invisible characters that hand-made spreadsheets and copy-paste from PDFs carry into names.
// (Zero-width space/joiners, BOM, soft hyphen, word joiner.)
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
const COMBINING = /[\u0300-\u036f]/g;

/** NFC-normalise, drop invisible/control characters, collapse whitespace, trim. Every stored name goes through this. */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Fold for search: strip diacritics, đ/Đ → d, lower-case. "Đống Đa" → "dong da".
 * SQLite's unicode61 remove_diacritics cannot do đ (it has no decomposition), so we fold ourselves.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split a search query into folded terms; every term must match (AND). */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(' ')
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

// Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
// Letters outside it (f, j, w, z, digits) keep their place relative to Latin order.
const ALPHABET = [
  'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n',
  'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];
// Tones sort: ngang (none) < huyền < hỏi < ngã < sắc < nặng (the dictionary order).
const TONES: Record<string, string> = {
  '\u0300': '1', // huyền
  '\u0309': '2', // hỏi
  '\u0303': '3', // ngã
  '\u0301': '4', // sắc
  '\u0323': '5', // nặng
};
const LETTER_MODIFIERS: Record<string, string> = {
  'a\u0306': 'ă',
  'a\u0302': 'â',
  'e\u0302': 'ê',
  'o\u0302': 'ô',
  'o\u031b': 'ơ',
  'u\u031b': 'ư',
};

function letterRank(ch: string): string {
  const i = ALPHABET.indexOf(ch);
  if (i >= 0) return String.fromCharCode(0x41 + i); // 'A'.. : letters after digits and spaces
  if (/[0-9]/.test(ch)) return ch;
  if (ch === ' ') return ' ';
  return String.fromCharCode(0x7e) + ch; // anything else after letters, in code-point order
}

/**
 * A byte-comparable key that sorts strings in Vietnamese dictionary order: base letters first
 * (with ă, â, đ, ê, ô, ơ, ư as letters of their own), tones as a secondary level.
 * Stored in SQL columns so ORDER BY sorts in Vietnamese order with an index (better-sqlite3
 * cannot register collations).
 */
export function vietnameseSortKey(value: string): string {
  const decomposed = cleanText(value).toLowerCase().normalize('NFD');
  let primary = '';
  let tones = '';
  for (let i = 0; i < decomposed.length; i++) {
    const base = decomposed[i]!;
    // NFD puts a dot below (ccc 220) before a circumflex (ccc 230): collect all marks, then decide.
    let marks = '';
    while (i + 1 < decomposed.length && /[\u0300-\u036f]/.test(decomposed[i + 1]!)) marks += decomposed[++i];
    let letter = base;
    let tone = '0';
    for (const mark of marks) {
      if (TONES[mark]) tone = TONES[mark]!;
      else if (LETTER_MODIFIERS[base + mark]) letter = LETTER_MODIFIERS[base + mark]!;
    }
    primary += letterRank(letter);
    tones += tone;
  }
  return `${primary}\u0001${tones}`;
}

/**
 * Key for sorting people the Vietnamese way: by given name (the last word), then by the full name.
 * "Trần Văn Bình" sorts under B, before "Nguyễn Thị Cúc".
 */
export function personSortKey(fullName: string): string {
  const name = cleanText(fullName);
  const words = name.split(' ');
  const given = words[words.length - 1] ?? '';
  return `${vietnameseSortKey(given)}\u0002${vietnameseSortKey(name)}`;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** Compare for in-memory sorting of short lists (departments, systems). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
