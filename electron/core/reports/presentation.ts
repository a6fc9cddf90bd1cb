import { excelSerial } from './canonical';

// What a reader sees (issue 15). The signature covers every visible cell's value; this module
// makes sure that what a spreadsheet program SHOWS and PRINTS is that value:
//  - each cell's displayed text is recomputed from its value and number format, and must be the
//    value's own text (a literal format can make a cell show 5 while it holds 2);
//  - nothing on a visible sheet is hidden: no hidden or near-zero rows or columns, no hidden sheet
//    but the payload sheet, no light-on-light text, no conditional formats (they restyle cells),
//    no shapes over the cells, no header or footer text, no print area cutting rows off.
// Formats are accepted only when this module can render them; anything else is refused, so an
// unknown trick is refused rather than trusted. LibreOffice and Excel re-saving the file unchanged
// keep formats this module renders ("General", "dd/mm/yyyy"), so such a copy still verifies.

export interface CellLook {
  numFmt?: string | undefined;
  font?: { color?: { argb?: string; theme?: number } | undefined; size?: number | undefined } | undefined;
  fill?: { type?: string; pattern?: string; fgColor?: { argb?: string; theme?: number } } | undefined;
}

/** Text of the date as every ATTK file shows it. */
function ddMMyyyy(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

function generalNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** The text a cell shows when it holds `value` formatted as `value`'s own kind (General / dd/mm/yyyy). */
export function ownText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return ddMMyyyy(excelSerial(value));
  if (typeof value === 'number') return generalNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value.normalize('NFC');
  const v = value as { richText?: { text: string }[]; text?: string; result?: unknown; formula?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('').normalize('NFC');
  if (v.text !== undefined) return String(v.text).normalize('NFC');
  return null;
}

/** Split a format code into sections at ';' outside quotes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '\\' && !quoted) {
      cur += ch + (code[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const DATE_TOKENS = /^(d{1,2}|m{1,2}|y{2}|y{4})$/;

/**
 * The text a spreadsheet program shows for `value` under `format`, or null when the format is one
 * this module does not render (then the caller refuses it). Only the forms ATTK writes, and what
 * LibreOffice/Excel turn them into when re-saving, are rendered; everything else returns null.
 */
export function displayedText(value: unknown, format: string | undefined): string | null {
  const own = ownText(value);
  if (own === null) return null;
  const raw = (format ?? 'General').trim();
  if (raw === '' || /^general$/i.test(raw)) return value instanceof Date ? generalNumber(excelSerial(value)) : own;
  // A locale tag ("[$-42A]") changes nothing we render; any other bracket (a colour, a condition) is refused.
  const code = raw.replace(/\[\$-[0-9A-Fa-f]+\]/g, '');
  if (/\[/.test(code)) return null;
  const parts = sections(code);
  const isText = typeof value === 'string' || (typeof value === 'object' && value !== null && !(value instanceof Date));
  if (isText) {
    // Text takes the fourth section, or shows as it is when there is none; '@' alone is the text itself.
    if (parts.length < 4) return parts.length === 1 && /[";\\]/.test(parts[0]!) ? null : own;
    return parts[3] === '@' ? own : null;
  }
  // A number (a date is a number): one section only — several sections are a way to show something else.
  if (parts.length === 2 && parts[1] === '@') parts.pop();
  if (parts.length !== 1) return null;
  const section = parts[0]!.trim();
  const n = value instanceof Date ? excelSerial(value) : typeof value === 'number' ? value : null;
  if (n === null) return null;
  if (section === '@') return value instanceof Date ? generalNumber(n) : own;
  // Only quoted or escaped text, no digit placeholder: the cell shows that text whatever it holds.
  const literal = /^(?:"[^"]*"|\\.|[ \-+()$:])+$/.test(section);
  if (literal) return section.replace(/"([^"]*)"|\\(.)/g, (_, q: string | undefined, e: string | undefined) => q ?? e ?? '');
  if (section === '0') return String(Math.round(n));
  // The built-in "#,##0" (id 3) ATTK writes for counts: grouped by thousands (',' here; the reader's own separator on screen).
  if (section === '#,##0') return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  // dd/mm/yyyy and its upper-case LibreOffice spelling; the separators '/', '-', '.'.
  const tokens = section.toLowerCase().split(/([/.-])/);
  if (tokens.length === 5 && tokens.every((t, i) => (i % 2 === 1 ? /^[/.-]$/.test(t) : DATE_TOKENS.test(t)))) {
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86_400_000);
    const part = (t: string) => {
      const p2 = (x: number) => String(x).padStart(2, '0');
      if (t === 'd') return String(d.getUTCDate());
      if (t === 'dd') return p2(d.getUTCDate());
      if (t === 'm') return String(d.getUTCMonth() + 1);
      if (t === 'mm') return p2(d.getUTCMonth() + 1);
      if (t === 'yy') return p2(d.getUTCFullYear() % 100);
      return String(d.getUTCFullYear());
    };
    return tokens.map((t, i) => (i % 2 === 1 ? t : part(t))).join('');
  }
  return null;
}

/** Relative luminance of an ARGB colour (WCAG); theme colours: 0/2 are the light ones of every Office theme. */
function luminance(color: { argb?: string; theme?: number } | undefined, fallback: number): number | null {
  if (!color) return fallback;
  if (color.argb && /^[0-9A-Fa-f]{8}$/.test(color.argb)) {
    const [r, g, b] = [2, 4, 6].map((i) => {
      const c = parseInt(color.argb!.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  if (color.theme !== undefined) return color.theme === 0 || color.theme === 2 ? 1 : color.theme === 1 || color.theme === 3 ? 0 : null;
  return fallback;
}

export type LookProblem = 'format' | 'contrast' | 'tiny';

/**
 * Does the displayed text say the value? Numbers read back without their thousands separators;
 * dates read back day first (dd/mm/yyyy, as every ATTK file shows them); text must be the text.
 */
export function readsBack(shown: string, value: unknown): boolean {
  if (value instanceof Date) {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(shown);
    if (!m) return false;
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return value.getUTCDate() === Number(m[1]) && value.getUTCMonth() + 1 === Number(m[2]) && value.getUTCFullYear() === year;
  }
  if (typeof value === 'number') {
    if (!/^-?\d{1,3}(?:,?\d{3})*(?:\.\d+)?$/.test(shown)) return false;
    return Number(shown.replace(/,/g, '')) === Number(value.toPrecision(15));
  }
  return shown === ownText(value);
}

/** Is this cell shown as it is written? Returns the first problem, or null. */
export function cellLookProblem(value: unknown, look: CellLook): { problem: LookProblem; shown?: string } | null {
  const shown = displayedText(value, look.numFmt);
  if (shown === null || !readsBack(shown, value)) return { problem: 'format', ...(shown !== null ? { shown } : {}) };
  const size = look.font?.size;
  if (size !== undefined && size < 6) return { problem: 'tiny' };
  const fg = luminance(look.font?.color, 0);
  const solid = look.fill?.type === 'pattern' && look.fill.pattern === 'solid';
  const bg = solid ? luminance(look.fill?.fgColor, 1) : 1;
  if (fg === null || bg === null) return { problem: 'contrast' };
  const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  if (ratio < 3) return { problem: 'contrast' };
  // Rich text: a light run hides part of the text.
  const runs = (value as { richText?: { font?: CellLook['font'] }[] } | null)?.richText;
  for (const r of runs ?? []) {
    const l = luminance(r.font?.color, 0);
    if (l === null || (Math.max(l, bg) + 0.05) / (Math.min(l, bg) + 0.05) < 3) return { problem: 'contrast' };
  }
  return null;
}

/** XML text to characters: the five entities and numeric references. */
export function decodeXmlText(s: string): string {
  return s.replace(/&(?:#x([0-9A-Fa-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!]!,
  );
}

const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const isTrue = (v: string | undefined) => v === '1' || v === 'true';

export type SheetProblem =
  | { kind: 'hiddenRow'; row: number }
  | { kind: 'lowRow'; row: number }
  | { kind: 'hiddenColumn'; col: number }
  | { kind: 'headerFooter'; text: string }
  | { kind: 'conditional' }
  | { kind: 'drawing' }
  | { kind: 'comments' }
  | { kind: 'zeros' };

/** Sheet-level presentation of one visible sheet's XML: columns, header/footer, conditional formats, drawings. */
export function sheetProblems(xml: string, maxCol: number, drawingXml: (rid: string) => string | null): SheetProblem[] {
  const problems: SheetProblem[] = [];
  for (const m of xml.matchAll(/<col\b[^>]*>/g)) {
    const min = Number(attr(m[0], 'min'));
    const width = attr(m[0], 'width');
    const hidden = isTrue(attr(m[0], 'hidden')) || (width !== undefined && Number(width) < 1);
    if (hidden && min <= maxCol) problems.push({ kind: 'hiddenColumn', col: min });
  }
  // Rows with a value: hidden, or so low that nothing can be read (an empty hidden row hides nothing).
  for (const m of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    if (!m[2] || !/<(?:v|is)\b/.test(m[2])) continue;
    const row = Number(attr(m[1]!, 'r'));
    const ht = attr(m[1]!, 'ht');
    if (isTrue(attr(m[1]!, 'hidden'))) problems.push({ kind: 'hiddenRow', row });
    else if (ht !== undefined && Number(ht) < 5) problems.push({ kind: 'lowRow', row });
  }
  const hf = /<headerFooter\b[^>]*>([\s\S]*?)<\/headerFooter>/.exec(xml)?.[1] ?? '';
  for (const m of hf.matchAll(/<(odd|even|first)(Header|Footer)>([\s\S]*?)<\/\1\2>/g)) {
    // Formatting codes (&"font", &12, &K colour, &L/&C/&R) are not text.
    // ATTK writes the page number (&P) centred from page 2; fields (&P page, &N pages, &D date, &T time, &A sheet, &F file) are not text.
    const text = decodeXmlText(m[3]!).replace(/&"[^"]*"|&K[0-9A-Fa-f]{6}|&K\d{2}[+-]\d{3}|&\d+|&[LCRBIUSEXYPNDTAFZ&]/g, '').trim();
    if (text !== '') problems.push({ kind: 'headerFooter', text });
  }
  if (/<(?:\w+:)?conditionalFormatting\b/.test(xml)) problems.push({ kind: 'conditional' });
  if (/<(?:picture|legacyDrawingHF)\b/.test(xml)) problems.push({ kind: 'drawing' });
  if (/<legacyDrawing\b/.test(xml)) problems.push({ kind: 'comments' });
  for (const m of xml.matchAll(/<drawing\b[^>]*>/g)) {
    const drawing = drawingXml(attr(m[0], 'r:id') ?? '');
    // LibreOffice writes an empty drawing for each sheet with a filter: only shapes matter.
    if (drawing === null || /<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/.test(drawing)) problems.push({ kind: 'drawing' });
  }
  if (/<sheetView\b[^>]*\bshowZeros="(?:0|false)"/.test(xml)) problems.push({ kind: 'zeros' });
  return problems;
}

/** Workbook-level: which sheets are hidden, and whether a print area cuts a sheet. */
export function workbookProblems(workbookXml: string, payloadSheet: string, decode: (s: string) => string): { hiddenSheets: string[]; printAreas: string[] } {
  const hiddenSheets: string[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decode(attr(m[0], 'name') ?? '');
    const state = attr(m[0], 'state');
    if ((state === 'hidden' || state === 'veryHidden') && name !== payloadSheet) hiddenSheets.push(name);
  }
  const printAreas = [...workbookXml.matchAll(/<definedName\b[^>]*\bname="_xlnm\.Print_Area"[^>]*>([^<]*)</g)].map((m) => decode(m[1]!));
  return { hiddenSheets, printAreas };
}
