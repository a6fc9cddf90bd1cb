// The cell-length scan: a byte-level pass over a sheet's XML or the shared-strings part, run by the
// pre-scan before any XML parser or string decoder sees the part.
//
// Why: Excel allows 32,767 characters in a cell. A 19 MB upload can hold one 25-million-character
// cell; decoding the part to a string, making it ASCII for the streaming reader and letting saxes
// accumulate the text took 36–43 s and 1.3–1.8 GB (issue 16). This scan works on the inflated
// bytes as they are (no string is ever built from cell text), keeps a few counters, and stops at
// the first character past the limit — so a refused file costs one pass over at most the bytes
// before that character, and the message can name the sheet, row and column.
//
// It is not an XML parser: it only has to find where cell text starts and ends (<t>, <v>, CDATA),
// which element it belongs to (<si> in shared strings, <c r="B3"> in a sheet) and skip comments and
// processing instructions. Anything it cannot follow is left to the real parser afterwards, which
// refuses malformed XML on its own; the scan only ever refuses, never accepts.

export const MAX_CELL_CHARS = 32_767;

/** A start or end tag longer than this (a giant attribute value) is refused as an overlong cell too. */
const MAX_TAG_BYTES = 32_768;
/** Bytes of a tag kept for reading its name and the `r`/`t` attributes (they come first). */
const TAG_KEEP = 512;

export type CellOverflow =
  /** The n-th (0-based) <si> of the shared strings: the cell that uses it is found afterwards. */
  | { kind: 'shared'; index: number }
  /** A cell of a sheet (1-based row and column; 0 when the position could not be told). */
  | { kind: 'cell'; row: number; col: number };

export type ScanPart = 'sharedStrings' | 'sheet';

const enum State {
  Text,
  Tag,
  Comment,
  Cdata,
  Entity,
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SEMI = 0x3b;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;

function localName(tag: string): string {
  const m = /^\/?([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(tag);
  return m ? m[2]! : '';
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[2] ?? m[3] ?? '') : null;
}

/** "B3" → column 2 and row 3 (either may be missing in a bare column or row reference). */
function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/**
 * Feed a part's bytes in any chunks; `feed` returns the first overflow and the scanner should not be
 * fed further. With `findShared` set (sheet parts only), it instead looks for the first cell whose
 * value is that shared-string index: `found` then holds its position.
 */
export class CellTextScanner {
  private state = State.Text;
  private tag: number[] = [];
  private tagBytes = 0;
  private quote = 0;
  private tail = 0; // last bytes seen, for "-->" and "]]>"
  private entityBytes = 0;
  // Where we are.
  private row = 0;
  private col = 0;
  private sharedIndex = -1;
  private cellType = '';
  private inValue = false; // <v>
  private inText = false; // <t>
  private phonetic = 0; // inside <rPh> (a pronunciation guide, not the cell's text)
  // What we count.
  private cellChars = 0;
  private runChars = 0;
  private valueDigits = '';
  found: { row: number; col: number } | null = null;

  constructor(
    private readonly part: ScanPart,
    private readonly limit = MAX_CELL_CHARS,
    private readonly findShared: number | null = null,
  ) {}

  private overflow(): CellOverflow {
    return this.part === 'sharedStrings' ? { kind: 'shared', index: Math.max(0, this.sharedIndex) } : { kind: 'cell', row: this.row, col: this.col };
  }

  private counting(): boolean {
    return this.phonetic === 0 && (this.inText || this.inValue);
  }

  feed(chunk: Uint8Array): CellOverflow | null {
    const limit = this.limit;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      switch (this.state) {
        case State.Text:
          if (b === LT) {
            this.state = State.Tag;
            this.tag.length = 0;
            this.tagBytes = 0;
            this.quote = 0;
            this.runChars = 0;
            break;
          }
          if (b === AMP) {
            this.state = State.Entity;
            this.entityBytes = 0;
          }
          // One character per UTF-8 lead byte; a 4-byte sequence is two UTF-16 units, as Excel counts.
          if ((b & 0xc0) !== 0x80) {
            const units = b >= 0xf0 ? 2 : 1;
            this.runChars += units;
            if (this.counting()) {
              this.cellChars += units;
              if (this.cellChars > limit) return this.overflow();
              if (this.findShared !== null && this.inValue && this.valueDigits.length < 12) this.valueDigits += String.fromCharCode(b);
            }
            // Any other text node (a formula, stray text) is held to the same bound.
            if (this.runChars > limit) return this.overflow();
          }
          break;
        case State.Entity:
          // "&amp;", "&#7879;": counted once at the "&"; their bytes are not characters of their own.
          // A reference is at most "&#x10FFFF;": an "&" with no ";" soon after is text again (and counted).
          if (b === SEMI || b === LT || ++this.entityBytes > 10) {
            this.state = State.Text;
            if (b !== SEMI) i--;
          }
          break;
        case State.Tag: {
          if (++this.tagBytes > MAX_TAG_BYTES) return this.overflow();
          if (this.quote) {
            if (b === this.quote) this.quote = 0;
          } else if (b === QUOT || b === APOS) {
            if (this.tag[0] !== 0x3f && this.tag[0] !== 0x21) this.quote = b;
          } else if (b === GT) {
            this.state = State.Text;
            if (this.tag[0] === 0x3f || this.tag[0] === 0x21) break; // <?xml …?>, <!DOCTYPE …>
            const found = this.onTag(String.fromCharCode(...this.tag), this.tag[this.tag.length - 1] === SLASH);
            if (found) return null;
            break;
          }
          if (this.tag.length < TAG_KEEP) this.tag.push(b);
          if (this.tag.length === 3 && this.tag[0] === 0x21 && this.tag[1] === 0x2d && this.tag[2] === 0x2d) {
            this.state = State.Comment;
            this.tail = 0;
          } else if (this.tag.length === 8 && String.fromCharCode(...this.tag) === '![CDATA[') {
            this.state = State.Cdata;
            this.tail = 0;
          }
          break;
        }
        case State.Comment:
          this.tail = ((this.tail << 8) | b) & 0xffffff;
          if (this.tail === 0x2d2d3e) this.state = State.Text; // "-->"
          break;
        case State.Cdata:
          this.tail = ((this.tail << 8) | b) & 0xffffff;
          if (this.tail === 0x5d5d3e) {
            this.state = State.Text; // "]]>"
            break;
          }
          if ((b & 0xc0) !== 0x80) {
            const units = b >= 0xf0 ? 2 : 1;
            this.runChars += units;
            if (this.counting()) {
              this.cellChars += units;
              if (this.cellChars > limit) return this.overflow();
            }
            if (this.runChars > limit) return this.overflow();
          }
          break;
      }
    }
    return null;
  }

  /** True when the shared-string lookup found its cell (stop feeding). */
  private onTag(tag: string, selfClosing: boolean): boolean {
    const closing = tag.charCodeAt(0) === SLASH;
    const name = localName(tag);
    if (this.part === 'sharedStrings') {
      if (name === 'si' && !closing) {
        this.sharedIndex++;
        this.cellChars = 0;
      } else if (name === 'rPh') {
        if (!closing && !selfClosing) this.phonetic++;
        else if (closing) this.phonetic = Math.max(0, this.phonetic - 1);
      } else if (name === 't') this.inText = !closing && !selfClosing;
      return false;
    }
    switch (name) {
      case 'row':
        if (!closing) {
          const r = Number(attribute(tag, 'r'));
          this.row = Number.isInteger(r) && r > 0 ? r : this.row + 1;
          this.col = 0;
        }
        break;
      case 'c':
        if (!closing) {
          const ref = attribute(tag, 'r');
          const at = ref ? parseRef(ref) : null;
          if (at) {
            this.col = at.col;
            this.row = at.row;
          } else this.col++;
          this.cellType = attribute(tag, 't') ?? 'n';
          this.cellChars = 0;
          this.valueDigits = '';
        }
        break;
      case 'v':
        this.inValue = !closing && !selfClosing;
        if (closing && this.findShared !== null && this.cellType === 's' && Number(this.valueDigits.trim()) === this.findShared && this.valueDigits.trim() !== '') {
          this.found = { row: this.row, col: this.col };
          return true;
        }
        if (!closing) this.valueDigits = '';
        break;
      case 't':
        this.inText = !closing && !selfClosing;
        break;
      case 'rPh':
        if (!closing && !selfClosing) this.phonetic++;
        else if (closing) this.phonetic = Math.max(0, this.phonetic - 1);
        break;
    }
    return false;
  }
}

/** Scan a whole part held in memory (the pre-scan has it inflated already). */
export function scanCellText(part: ScanPart, bytes: Uint8Array, limit = MAX_CELL_CHARS): CellOverflow | null {
  return new CellTextScanner(part, limit).feed(utf8View(bytes));
}

/** The first cell of a sheet that shows shared string `index`, or null. */
export function findSharedStringCell(sheet: Uint8Array, index: number): { row: number; col: number } | null {
  const scanner = new CellTextScanner('sheet', Number.MAX_SAFE_INTEGER, index);
  scanner.feed(utf8View(sheet));
  return scanner.found;
}

/**
 * The scan reads UTF-8. A part saved as UTF-16 (allowed, and accepted by the reader) is transcoded
 * first — such parts are rare and come from old converters; the bound on the part's size holds.
 */
function utf8View(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    try {
      const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
      return Buffer.from(text, 'utf8');
    } catch {
      return bytes;
    }
  }
  return bytes;
}
