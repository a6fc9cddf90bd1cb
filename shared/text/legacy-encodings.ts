// Legacy Vietnamese 8-bit encodings → Unicode. Pure: no Node or DOM APIs.
//
// Spreadsheets typed before Unicode became the norm (TCVN 6909:2001) used fonts whose glyphs sit at
// Latin-1 code points: the text in the cell is Latin-1 garbage that only *looks* Vietnamese in the
// right font. Excel stores each legacy byte as the Unicode character with the same Latin-1 value,
// so a TCVN3 "Nguyễn" arrives as "NguyÔn" and a VNI one as "Nguyeãn". The cell's font name is the
// reliable signal of which scheme was used (".VnTime" → TCVN3, "VNI-Times" → VNI).
//
// ORDER MATTERS: convert BEFORE any cleaning. TCVN3 "ư" is byte 0xAD, the soft hyphen U+00AD,
// which cleanText() strips as an invisible character — clean first and "Mường" becomes "Mờng".

export type LegacyEncoding = 'tcvn3' | 'vni';

// ---------------------------------------------------------------------------------------------
// TCVN3 (TCVN 5712:1993, the "ABC" fonts .VnTime, .VnArial, …; VN3 with the VN1 capitals)
// ---------------------------------------------------------------------------------------------

// Rows: the 12 vowels; columns: no tone, huyền (grave), hỏi (hook), ngã (tilde), sắc (acute), nặng (dot).
// A value is the legacy byte; `null` means "the plain ASCII letter" (a, e, i, o, u, y).
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;

const TCVN3_LOWER: Record<(typeof VOWELS)[number], (number | null)[]> = {
  a: [null, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9],
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6],
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb],
  e: [null, 0xcc, 0xce, 0xcf, 0xd0, 0xd1],
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6],
  i: [null, 0xd7, 0xd8, 0xdc, 0xdd, 0xde],
  o: [null, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4],
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9],
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee],
  u: [null, 0xef, 0xf1, 0xf2, 0xf3, 0xf4],
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9],
  y: [null, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe],
};

// VN3 has only seven capitals; the all-caps look comes from the ".VnTimeH"-style fonts, which draw
// capitals at the lower-case positions (so the text must be upper-cased after decoding).
const TCVN3_CAPITALS: Record<number, string> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ', 0xae: 'đ', 0xa0: ' ',
};

// VN1 (the full TCVN 5712 set) also places capitals with tones at these bytes. Harmless in VN3
// text (those bytes are unused there), so they are decoded too.
const TCVN_VN1_EXTRA: Record<number, string> = {
  0x80: 'À', 0x81: 'Ả', 0x82: 'Ã', 0x83: 'Á', 0x84: 'Ạ', 0x85: 'Ặ', 0x86: 'Ậ', 0x87: 'È',
  0x88: 'Ẻ', 0x89: 'Ẽ', 0x8a: 'É', 0x8b: 'Ẹ', 0x8c: 'Ệ', 0x8d: 'Ì', 0x8e: 'Ỉ', 0x8f: 'Ĩ',
  0x90: 'Í', 0x91: 'Ị', 0x92: 'Ò', 0x93: 'Ỏ', 0x94: 'Õ', 0x95: 'Ó', 0x96: 'Ọ', 0x97: 'Ộ',
  0x98: 'Ờ', 0x99: 'Ở', 0x9a: 'Ỡ', 0x9b: 'Ớ', 0x9c: 'Ợ', 0x9d: 'Ù', 0x9e: 'Ủ', 0x9f: 'Ũ',
  0xaf: 'Ằ', 0xb0: '\u0300', 0xb1: '\u0309', 0xb2: '\u0303', 0xb3: '\u0301', 0xb4: '\u0323',
  0xba: 'Ẳ', 0xbf: 'Ẵ', 0xc0: 'Ắ', 0xc1: 'Ầ', 0xc2: 'Ẩ', 0xc3: 'Ẫ', 0xc4: 'Ấ', 0xc5: 'Ề',
  0xcd: 'Ể', 0xd9: 'Ễ', 0xda: 'Ế', 0xdb: 'Ồ', 0xe0: 'Ổ', 0xf0: 'Ỗ', 0xff: 'Ố',
};

// Bytes 0x80–0x9F reach the file either as U+0080–U+009F or, through Windows-1252, as these.
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
  '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93,
  '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
  'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

function buildTcvn3Table(): Map<string, string> {
  const table = new Map<string, string>();
  for (const vowel of VOWELS) {
    TCVN3_LOWER[vowel].forEach((byte, tone) => {
      if (byte !== null) table.set(String.fromCharCode(byte), (vowel + TONE_MARKS[tone]).normalize('NFC'));
    });
  }
  for (const [byte, ch] of Object.entries({ ...TCVN_VN1_EXTRA, ...TCVN3_CAPITALS })) table.set(String.fromCharCode(Number(byte)), ch);
  for (const [ch, byte] of Object.entries(CP1252_HIGH)) {
    const decoded = table.get(String.fromCharCode(byte));
    if (decoded) table.set(ch, decoded);
  }
  return table;
}
const TCVN3 = buildTcvn3Table();

/**
 * TCVN3 text (as Excel stores it: one Latin-1 character per legacy byte) → NFC Unicode.
 * `allCaps` for the ".VnTimeH" family, which draws every letter as a capital.
 */
export function tcvn3ToUnicode(text: string, allCaps = false): string {
  let out = '';
  for (const ch of text) out += TCVN3.get(ch) ?? ch;
  out = out.normalize('NFC');
  return allCaps ? out.toUpperCase() : out;
}

// ---------------------------------------------------------------------------------------------
// VNI (VNI Windows: "VNI-Times", "VNI-Helve", …): a base letter followed by one or two modifier
// characters, e.g. "Nguyeãn" = Nguy + e + ã(circumflex+tilde) + n.
// ---------------------------------------------------------------------------------------------

// Tone modifiers after a plain vowel (and after ơ/ư, which are single characters in VNI).
const VNI_TONE_LOWER = ['', 'ø', 'û', 'õ', 'ù', 'ï'];
const VNI_TONE_UPPER = ['', 'Ø', 'Û', 'Õ', 'Ù', 'Ï'];
// Circumflex (â ê ô) with each tone, and breve (ă) with each tone.
const VNI_CIRC_LOWER = ['â', 'à', 'å', 'ã', 'á', 'ä'];
const VNI_CIRC_UPPER = ['Â', 'À', 'Å', 'Ã', 'Á', 'Ä'];
const VNI_BREVE_LOWER = ['ê', 'è', 'ú', 'ü', 'é', 'ë'];
const VNI_BREVE_UPPER = ['Ê', 'È', 'Ú', 'Ü', 'É', 'Ë'];
// Letters VNI encodes as one character of their own.
const VNI_SINGLE: Record<string, string> = {
  ñ: 'đ', Ñ: 'Đ', ô: 'ơ', Ô: 'Ơ', ö: 'ư', Ö: 'Ư',
  ì: 'ì', æ: 'ỉ', ó: 'ĩ', í: 'í', ò: 'ị', Ì: 'Ì', Æ: 'Ỉ', Ó: 'Ĩ', Í: 'Í', Ò: 'Ị',
  î: 'ỵ', Î: 'Ỵ',
};

/** Unicode letter → its VNI spelling, for every Vietnamese letter (lower and upper case). */
function buildVniEncoder(): Map<string, string> {
  const enc = new Map<string, string>();
  const add = (letter: string, lower: string) => {
    enc.set(letter.normalize('NFC'), lower);
  };
  for (let tone = 0; tone < 6; tone++) {
    const mark = TONE_MARKS[tone]!;
    for (const [base, upper] of [['a', false], ['e', false], ['o', false], ['u', false], ['y', false], ['A', true], ['E', true], ['O', true], ['U', true], ['Y', true]] as const) {
      if ((base === 'y' || base === 'Y') && tone === 5) continue; // ỵ/Ỵ are single characters
      add(base + mark, base + (upper ? VNI_TONE_UPPER : VNI_TONE_LOWER)[tone]);
      if (base !== 'u' && base !== 'U' && base !== 'y' && base !== 'Y') {
        add(base + '\u0302' + mark, base + (upper ? VNI_CIRC_UPPER : VNI_CIRC_LOWER)[tone]); // â ê ô
      }
      if (base === 'a' || base === 'A') add(base + '\u0306' + mark, base + (upper ? VNI_BREVE_UPPER : VNI_BREVE_LOWER)[tone]); // ă
    }
    add('ơ' + mark, 'ô' + VNI_TONE_LOWER[tone]);
    add('Ơ' + mark, 'Ô' + VNI_TONE_UPPER[tone]);
    add('ư' + mark, 'ö' + VNI_TONE_LOWER[tone]);
    add('Ư' + mark, 'Ö' + VNI_TONE_UPPER[tone]);
  }
  for (const [code, letter] of Object.entries(VNI_SINGLE)) enc.set(letter.normalize('NFC'), code);
  enc.set('i', 'i');
  enc.set('I', 'I');
  return enc;
}
export const VNI_ENCODER: ReadonlyMap<string, string> = buildVniEncoder();

// The decoder is the encoder inverted, matched longest-first. Modifiers are also accepted in the
// "wrong" case ("AÙ" and "Aù" both mean Á): hand-typed files mix them, and the base letter decides.
function buildVniDecoder(): Map<string, string> {
  const dec = new Map<string, string>();
  for (const [letter, code] of VNI_ENCODER) {
    if (code === letter) continue;
    dec.set(code, letter);
    if (code.length === 2) {
      const flipped = code[0]! + (code[1] === code[1]!.toLowerCase() ? code[1]!.toUpperCase() : code[1]!.toLowerCase());
      if (!dec.has(flipped)) dec.set(flipped, letter);
    }
  }
  return dec;
}
const VNI = buildVniDecoder();

/** VNI text → NFC Unicode. */
export function vniToUnicode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const two = text.slice(i, i + 2);
    const pair = two.length === 2 ? VNI.get(two) : undefined;
    if (pair) {
      out += pair;
      i++;
      continue;
    }
    out += VNI.get(text[i]!) ?? text[i];
  }
  return out.normalize('NFC');
}

// ---------------------------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------------------------

export interface LegacyFont {
  encoding: LegacyEncoding;
  /** ".VnTimeH"-style fonts draw everything in capitals. */
  allCaps: boolean;
}

/** Which legacy scheme a font name implies: ".Vn…" fonts are TCVN3 (".Vn…H" all caps), "VNI-…" fonts are VNI. */
export function legacyFontEncoding(fontName: string | undefined | null): LegacyFont | null {
  if (!fontName) return null;
  const name = fontName.trim();
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', allCaps: /H$/.test(name) };
  if (/^vni[- ]/i.test(name)) return { encoding: 'vni', allCaps: false };
  return null;
}

/** Convert text written in a legacy font; text in any other font is returned unchanged. */
export function decodeLegacyText(text: string, font: LegacyFont | null): string {
  if (!font) return text;
  return font.encoding === 'tcvn3' ? tcvn3ToUnicode(text, font.allCaps) : vniToUnicode(text);
}

// Evidence for a guess. TCVN3's commonest letters sit on Latin-1 SYMBOLS (µ = à, ¸ = á, ¨ = ă,
// ­ = ư, § = Đ …), which real text never has between letters. VNI shows as letter pairs that no
// Vietnamese word contains ("eâ" = ê, "aê" = ă, "oø" = ò, "öô" = ươ, "ñ" = đ). Latin-1 letters that
// Vietnamese itself uses (à á â ã è é ê ì í ò ó ô õ ù ú ý) prove nothing and are ignored.
const TCVN3_SYMBOLS = /[\u00a1-\u00bf]/g;
const VNI_PAIRS = /[aeoAEO][\u00e2\u00c2]|[aA][\u00ea\u00ca]|[aeiouyAEIOUY][\u00f8\u00fb\u00ef\u00d8\u00db\u00cf]|[\u00f6\u00d6][\u00f4\u00d4]|[\u00f1\u00d1]/g;
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

/**
 * A guess for text whose font says nothing (copied between workbooks, the font lost): used only to
 * WARN in the preview, never to convert silently.
 */
export function guessLegacyEncoding(text: string): LegacyEncoding | null {
  if (UNICODE_VIETNAMESE.test(text) || !/[a-zA-Z]/.test(text)) return null;
  const tcvn = text.match(TCVN3_SYMBOLS)?.length ?? 0;
  const vni = text.match(VNI_PAIRS)?.length ?? 0;
  if (tcvn === 0 && vni === 0) return null;
  return vni > tcvn ? 'vni' : 'tcvn3';
}
