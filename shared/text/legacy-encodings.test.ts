import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cleanText } from './vietnamese';
import { decodeLegacyText, guessLegacyEncoding, legacyFontEncoding, tcvn3ToUnicode, VNI_ENCODER, vniToUnicode } from './legacy-encodings';

// The whole Vietnamese alphabet: 12 vowels × 6 tones, plus đ, in lower and upper case.
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const LOWER = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];
const UPPER = LOWER.map((l) => l.toUpperCase());

// TCVN3 (ABC), written out as the standard's table prints it: one row per vowel, columns
// ngang, huyền, hỏi, ngã, sắc, nặng — as the Latin-1 characters Excel shows in a ".VnTime" cell.
const TCVN3_ROWS: Record<string, string> = {
  a: 'a µ ¶ · ¸ ¹',
  ă: '¨ » ¼ ½ ¾ Æ',
  â: '© Ç È É Ê Ë',
  e: 'e Ì Î Ï Ð Ñ',
  ê: 'ª Ò Ó Ô Õ Ö',
  i: 'i × Ø Ü Ý Þ',
  o: 'o ß á â ã ä',
  ô: '« å æ ç è é',
  ơ: '¬ ê ë ì í î',
  u: 'u ï ñ ò ó ô',
  ư: '\u00ad õ ö ÷ ø ù',
  y: 'y ú û ü ý þ',
};

// VNI Windows, likewise: base letter + modifier(s).
const VNI_ROWS: Record<string, string> = {
  a: 'a aø aû aõ aù aï',
  ă: 'aê aè aú aü aé aë',
  â: 'aâ aà aå aã aá aä',
  e: 'e eø eû eõ eù eï',
  ê: 'eâ eà eå eã eá eä',
  i: 'i ì æ ó í ò',
  o: 'o oø oû oõ où oï',
  ô: 'oâ oà oå oã oá oä',
  ơ: 'ô ôø ôû ôõ ôù ôï',
  u: 'u uø uû uõ uù uï',
  ư: 'ö öø öû öõ öù öï',
  y: 'y yø yû yõ yù î',
};

describe('TCVN3 → Unicode', () => {
  it('decodes every lower-case letter of the alphabet', () => {
    for (const vowel of VOWELS) {
      const codes = TCVN3_ROWS[vowel]!.split(' ');
      codes.forEach((code, tone) => expect(tcvn3ToUnicode(code), `${vowel} tone ${tone}`).toBe((vowel + TONES[tone]).normalize('NFC')));
    }
    expect(tcvn3ToUnicode('®')).toBe('đ');
  });

  it('decodes the seven VN3 capitals', () => {
    expect(tcvn3ToUnicode('¡¢£¤¥¦§')).toBe('ĂÂÊÔƠƯĐ');
  });

  it('decodes the whole alphabet in capitals from a .VnTimeH cell (capitals drawn at lower-case codes)', () => {
    const lowerCodes = VOWELS.flatMap((v) => TCVN3_ROWS[v]!.split(' ')).join('') + '®';
    expect(tcvn3ToUnicode(lowerCodes, true)).toBe(UPPER.join(''));
    expect(decodeLegacyText('CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM', legacyFontEncoding('.VnTimeH'))).toBe('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('decodes the national motto as it appears in old documents', () => {
    expect(tcvn3ToUnicode('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(tcvn3ToUnicode('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
  });

  it('keeps ư (byte 0xAD, the soft hyphen): convert BEFORE cleaning, never after', () => {
    const cell = 'M\u00adêng';
    expect(cleanText(tcvn3ToUnicode(cell))).toBe('Mường');
    // The wrong order loses the letter — the reason conversion comes first.
    expect(tcvn3ToUnicode(cleanText(cell))).toBe('Mờng');
  });

  it('leaves ASCII text and digits alone', () => {
    expect(tcvn3ToUnicode('Can bo 123 - ABC')).toBe('Can bo 123 - ABC');
  });

  it('agrees with glibc iconv (TCVN5712-1) on every byte 0xA0–0xFF', () => {
    let iconvWorks = true;
    try {
      execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Buffer.from([0xb5]) });
    } catch {
      iconvWorks = false;
    }
    if (!iconvWorks) return; // an independent reference when the machine has it; the tables above stand alone
    for (let b = 0xa1; b <= 0xff; b++) {
      const reference = execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: Buffer.from([b]) }).toString().normalize('NFC');
      expect(tcvn3ToUnicode(String.fromCharCode(b)), `byte 0x${b.toString(16)}`).toBe(reference);
    }
  });
});

describe('VNI → Unicode', () => {
  it('decodes every lower-case letter of the alphabet', () => {
    for (const vowel of VOWELS) {
      VNI_ROWS[vowel]!.split(' ').forEach((code, tone) => expect(vniToUnicode(code), `${vowel} tone ${tone}`).toBe((vowel + TONES[tone]).normalize('NFC')));
    }
    expect(vniToUnicode('ñ')).toBe('đ');
  });

  it('decodes every capital (modifiers in capitals too)', () => {
    for (const vowel of VOWELS) {
      VNI_ROWS[vowel]!.split(' ').forEach((code, tone) =>
        expect(vniToUnicode(code.toUpperCase()), `${vowel.toUpperCase()} tone ${tone}`).toBe((vowel + TONES[tone]).normalize('NFC').toUpperCase()),
      );
    }
    expect(vniToUnicode('Ñ')).toBe('Đ');
  });

  it('the encoder table covers all 146 letters and round-trips', () => {
    expect(VNI_ENCODER.size).toBe(LOWER.length + UPPER.length);
    for (const letter of [...LOWER, ...UPPER]) expect(vniToUnicode(VNI_ENCODER.get(letter)!)).toBe(letter);
  });

  it('decodes the national motto and names as they appear in old documents', () => {
    expect(vniToUnicode('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(vniToUnicode('Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(vniToUnicode('NGUYEÃN VAÊN MÖÔØNG')).toBe('NGUYỄN VĂN MƯỜNG');
    expect(vniToUnicode('Nguyeãn Thò Ngoïc Aùnh')).toBe('Nguyễn Thị Ngọc Ánh');
  });

  it('accepts a modifier typed in the other case (the base letter decides)', () => {
    expect(vniToUnicode('Aù')).toBe('Á');
    expect(vniToUnicode('aÙ')).toBe('á');
  });
});

describe('font detection', () => {
  it('recognises TCVN3 and VNI font families by name', () => {
    expect(legacyFontEncoding('.VnTime')).toEqual({ encoding: 'tcvn3', allCaps: false });
    expect(legacyFontEncoding('.VnTimeH')).toEqual({ encoding: 'tcvn3', allCaps: true });
    expect(legacyFontEncoding('.VnArial NarrowH')).toEqual({ encoding: 'tcvn3', allCaps: true });
    expect(legacyFontEncoding('VNI-Times')).toEqual({ encoding: 'vni', allCaps: false });
    expect(legacyFontEncoding('Times New Roman')).toBeNull();
    expect(legacyFontEncoding(undefined)).toBeNull();
  });

  it('guesses (for a warning only) when the font was lost', () => {
    expect(guessLegacyEncoding('NguyÔn V¨n An')).toBe('tcvn3');
    expect(guessLegacyEncoding('Nguyeãn Vaên An')).toBe('vni');
    expect(guessLegacyEncoding('Nguyễn Văn An')).toBeNull();
    expect(guessLegacyEncoding('Nguyen Van An')).toBeNull();
    // Latin-1 letters that Vietnamese itself uses prove nothing.
    expect(guessLegacyEncoding('Chuyên viên')).toBeNull();
    expect(guessLegacyEncoding('Hoà')).toBeNull();
    expect(guessLegacyEncoding('ViÖt Nam')).toBeNull();
    expect(guessLegacyEncoding('Tröôøng hoïc')).toBe('vni');
  });
});
