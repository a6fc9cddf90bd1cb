import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import archiver from 'archiver';

// A small streaming .xlsx (SpreadsheetML) writer for our own exports. exceljs's streaming writer
// spent ~90% of a district export in per-cell style bookkeeping and XML object building (measured
// with --cpu-prof: 3.0 s for 27,000 rows against a 0.4 s floor of reading the rows + deflating the
// XML). Here styles are registered once and referenced by index, rows are written as XML text
// straight into the zip stream (archiver), so time is close to the floor and memory stays flat.
// exceljs still reads files (verification, import): this writes only what ATTK needs.

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
  border?: boolean;
  date?: boolean;
}

export type CellValue = string | number | Date | null | undefined;

export interface SheetOptions {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  orientation?: 'portrait' | 'landscape';
  /** Column widths in characters. */
  widths?: number[];
  /** Rows above this are frozen (e.g. 4 freezes rows 1–4). */
  freezeRows?: number;
  /** Row repeated at the top of every printed page. */
  printTitleRow?: number;
  /** Autofilter on a header row over columns 1..n. */
  autoFilter?: { row: number; columns: number };
}

const FONT = 'Times New Roman';
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

// Characters XML 1.0 cannot carry are dropped (a control character in a name must not break the file).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>"]/;

const SPACE = /\s/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/** Text whose spacing a reader would lose without xml:space="preserve" (edge white space, breaks, tabs). */
function needsPreserve(s: string): boolean {
  return SPACE.test(s[0]!) || SPACE.test(s[s.length - 1]!) || LINE_BREAK_OR_TAB.test(s);
}

export function escapeXml(s: string): string {
  // Most cells (names, dates, logins) need neither: one test, no copies.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

function computeColumnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
/** A, B, … for the columns our sheets use, computed once (looked up for every cell written). */
const COLUMN_NAMES = Array.from({ length: 64 }, (_, i) => computeColumnName(i));

/** Excel refuses (and offers to "repair") a row taller than 409 points. */
const MAX_ROW_HEIGHT = 409;

/** Points per line of text at a font size (Times New Roman, with the spacing Excel and Calc use). */
export function lineHeight(size: number): number {
  return size * 1.25 + 0.5;
}

/**
 * Lines a text needs in a column `width` characters wide at a font size, wrapping at spaces as
 * spreadsheet programs do. A column's width is counted in digits of the default font; Vietnamese
 * text in Times New Roman fits about 10.5/size characters per unit of width (checked against
 * LibreOffice's rendering of our reports). An estimate that errs towards a line too many.
 */
function charsPerLine(width: number, size: number): number {
  return Math.max(1, Math.floor((width * 10.5) / size));
}

export function wrappedLines(text: string, width: number, size: number): number {
  const perLine = charsPerLine(width, size);
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else {
        // The word starts a new line (unless the line is empty) and a word longer than a line is broken.
        if (used > 0) lines++;
        lines += Math.ceil(word.length / perLine) - 1;
        used = word.length % perLine || perLine;
      }
    }
  }
  return lines;
}

export function columnName(n: number): string {
  return COLUMN_NAMES[n] ?? computeColumnName(n);
}

class StyleRegistry {
  private readonly fonts = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly fontXml: string[] = [];
  private readonly xfXml: string[] = [];

  constructor() {
    this.id({}); // index 0: the default style
  }

  /**
   * The cell format index of a style. `date` forces the dd/mm/yyyy number format; `thousands` the
   * built-in "#,##0" (id 3), which every spreadsheet program shows with the reader's own separator
   * ("19.366" in Vietnamese settings): whole numbers in our files are counts.
   */
  id(style: CellStyle, date = style.date === true, thousands = false): number {
    const key = `${style.bold ? 1 : 0}${style.italic ? 1 : 0}${style.wrap === undefined ? 'u' : style.wrap ? 1 : 0}${style.border ? 1 : 0}${date ? 1 : thousands ? 3 : 0}${style.align ?? ''}${style.size ?? ''}`;
    let id = this.xfs.get(key);
    if (id !== undefined) return id;
    const fontKey = `${style.bold ? 1 : 0}${style.italic ? 1 : 0}${style.size ?? 12}`;
    let font = this.fonts.get(fontKey);
    if (font === undefined) {
      font = this.fontXml.length;
      this.fonts.set(fontKey, font);
      this.fontXml.push(`<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}<sz val="${style.size ?? 12}"/><name val="${FONT}"/><family val="1"/><charset val="163"/></font>`);
    }
    id = this.xfXml.length;
    this.xfs.set(key, id);
    const numFmt = date ? 164 : thousands ? 3 : 0;
    this.xfXml.push(
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="${style.border ? 1 : 0}" xfId="0" applyFont="1"${style.border ? ' applyBorder="1"' : ''}${numFmt ? ' applyNumberFormat="1"' : ''} applyAlignment="1">` +
        `<alignment vertical="center"${style.align ? ` horizontal="${style.align}"` : ''}${style.wrap === false ? '' : ' wrapText="1"'}/></xf>`,
    );
    return id;
  }

  xml(): string {
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
      `<fonts count="${this.fontXml.length}">${this.fontXml.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

interface CellFormat {
  style: CellStyle;
  sid: number;
  /** The same style with the date format, registered on first use. */
  dateSid: number;
  /** The same style with the thousands separator, for whole numbers, registered on first use. */
  countSid: number;
  border: boolean;
  wrap: boolean;
  size: number;
  width: number;
  /** Text up to this length never wraps (skips the estimate). */
  perLine: number;
}

const STYLE_FIELDS = ['bold', 'italic', 'size', 'align', 'wrap', 'border', 'date'] as const;
function sameStyle(a: CellStyle, b: CellStyle): boolean {
  return a === b || STYLE_FIELDS.every((k) => a[k] === b[k]);
}

/** One worksheet being streamed: rows in order, then `end()`. */
export class SheetStream {
  row = 0;
  private readonly merges: string[] = [];
  private buffer: string[] = [];
  private readonly lineCache = new Map<string, number>();
  private lastFormats: { style: CellStyle; perCell: Record<number, CellStyle> | undefined; cells: CellFormat[] } | null = null;
  private bufferedBytes = 0;

  constructor(
    readonly options: SheetOptions,
    private readonly out: PassThrough,
    private readonly styles: StyleRegistry,
  ) {
    const o = options;
    const pane = o.freezeRows
      ? `<pane ySplit="${o.freezeRows}" topLeftCell="A${o.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
      : '';
    const cols = o.widths?.length ? `<cols>${o.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
    this.push(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
        `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`,
    );
  }

  private push(s: string): void {
    this.buffer.push(s);
    this.bufferedBytes += s.length;
  }

  /** Write one row. `merges` are column ranges merged on this row. Resolves when the stream can take more. */
  async add(values: CellValue[], style: CellStyle = {}, options: { height?: number; perCell?: Record<number, CellStyle>; merges?: [number, number][] } = {}): Promise<number> {
    const r = ++this.row;
    const formats = this.formats(style, options.perCell, values.length);
    const merges = options.merges?.length ? options.merges : undefined;
    let xml = '';
    let height = options.height ?? 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const f = formats[i]!;
      const ref = `${columnName(i + 1)}${r}`;
      if (v === undefined || v === null || v === '') {
        // Bordered empty cells still need their border (a table's blank "signature" columns).
        if (f.border) xml += `<c r="${ref}" s="${f.sid}"/>`;
        continue;
      }
      if (v instanceof Date) {
        if (f.dateSid < 0) f.dateSid = this.styles.id(f.style, true);
        xml += `<c r="${ref}" s="${f.dateSid}"><v>${Math.round((v.getTime() - EXCEL_EPOCH) / 86_400_000)}</v></c>`;
      } else if (typeof v === 'number') {
        if (Number.isInteger(v) && f.countSid < 0) f.countSid = this.styles.id(f.style, false, true);
        xml += `<c r="${ref}" s="${Number.isInteger(v) ? f.countSid : f.sid}"><v>${v}</v></c>`;
      } else {
        // Always a string cell: text that starts with "=", "+", "-" or "@" never becomes a formula.
        // xml:space="preserve" only where spacing would otherwise be lost (leading/trailing white space, line breaks, tabs).
        const space = needsPreserve(v) ? ' xml:space="preserve"' : '';
        xml += `<c r="${ref}" s="${f.sid}" t="inlineStr"><is><t${space}>${escapeXml(v)}</t></is></c>`;
        // Neither Excel nor LibreOffice grows a row for wrapped text when the file opens: a row
        // whose text wraps gets a height for its estimated lines, so nothing is clipped or overlaps.
        if (f.wrap && (v.length > f.perLine || merges || space)) {
          const lines = merges ? wrappedLines(v, this.cellWidth(i + 1, merges), f.size) : this.linesOf(v, f);
          if (lines > 1) height = Math.max(height, Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * lineHeight(f.size))));
        }
      }
    }
    this.push(`<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''}>${xml}</row>`);
    for (const [from, to] of merges ?? []) this.merges.push(`${columnName(from)}${r}:${columnName(to)}${r}`);
    if (this.bufferedBytes > 64 * 1024) await this.flush();
    return r;
  }

  /**
   * Each cell's format for a row: style ids, and what the height estimate needs. List rows repeat
   * the same style, so the last row's formats are reused when the style is the same (looking a
   * style up builds a key, and that per cell was the largest single cost of a 27,000-row export).
   */
  private formats(style: CellStyle, perCell: Record<number, CellStyle> | undefined, count: number): CellFormat[] {
    const last = this.lastFormats;
    if (last && last.perCell === perCell && last.cells.length >= count && sameStyle(last.style, style)) return last.cells;
    const cells: CellFormat[] = [];
    for (let i = 0; i < count; i++) {
      const own = perCell?.[i];
      const st = own ? { ...style, ...own } : style;
      const size = st.size ?? 12;
      const width = this.cellWidth(i + 1, undefined);
      cells.push({ style: st, sid: this.styles.id(st), dateSid: -1, countSid: -1, border: st.border === true, wrap: st.wrap !== false, size, width, perLine: charsPerLine(width, size) });
    }
    this.lastFormats = { style, perCell, cells };
    return cells;
  }

  /** wrappedLines for a list cell, remembered: lists repeat the same departments, units and systems. */
  private linesOf(text: string, f: CellFormat): number {
    const key = `${f.width}|${f.size}|${text}`;
    let lines = this.lineCache.get(key);
    if (lines === undefined) {
      if (this.lineCache.size > 20_000) this.lineCache.clear();
      lines = wrappedLines(text, f.width, f.size);
      this.lineCache.set(key, lines);
    }
    return lines;
  }

  /** Width in characters of column `col`, or of the merged range that starts there. */
  private cellWidth(col: number, merges: [number, number][] | undefined): number {
    const widths = this.options.widths;
    if (!widths?.length) return Infinity;
    const merge = merges?.find(([from]) => from === col);
    let w = 0;
    for (let c = col; c <= (merge ? merge[1] : col); c++) w += widths[c - 1] ?? 9;
    return w;
  }

  /** An empty row. */
  skip(): void {
    this.row++;
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.bufferedBytes = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async end(): Promise<void> {
    const o = this.options;
    let tail = '</sheetData>';
    if (o.autoFilter) tail += `<autoFilter ref="A${o.autoFilter.row}:${columnName(o.autoFilter.columns)}${o.autoFilter.row}"/>`;
    if (this.merges.length) tail += `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    tail +=
      '<pageMargins left="1.18" right="0.59" top="0.79" bottom="0.79" header="0.3" footer="0.3"/>' +
      `<pageSetup paperSize="9" orientation="${o.orientation ?? 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
      // Decree 30: page numbers centred in the top margin, not on the first page (&P = the page number).
      '<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;13&amp;P</oddHeader><firstHeader></firstHeader></headerFooter></worksheet>';
    this.push(tail);
    await this.flush();
    this.out.end();
  }
}

/**
 * Streams a workbook to `file`: add sheets one after another (each fully written before the
 * next), then `finish()` writes the workbook parts and closes the zip.
 */
export class XlsxStreamWriter {
  private readonly archive = archiver('zip', { zlib: { level: 6 } });
  private readonly styles = new StyleRegistry();
  private readonly sheets: SheetOptions[] = [];
  private readonly done: Promise<void>;

  constructor(
    file: string,
    private readonly meta: { creator: string; created: Date },
  ) {
    const out = createWriteStream(file);
    this.archive.pipe(out);
    this.done = new Promise((resolve, reject) => {
      out.on('close', () => resolve());
      out.on('error', reject);
      this.archive.on('error', reject);
    });
  }

  addSheet(options: SheetOptions): SheetStream {
    this.sheets.push(options);
    const stream = new PassThrough();
    this.archive.append(stream, { name: `xl/worksheets/sheet${this.sheets.length}.xml` });
    return new SheetStream(options, stream, this.styles);
  }

  async finish(): Promise<void> {
    const a = this.archive;
    const n = this.sheets.length;
    const sheetIds = this.sheets.map((_, i) => i + 1);
    const defined: string[] = [];
    this.sheets.forEach((s, i) => {
      const q = `'${s.name.replace(/'/g, "''")}'`;
      if (s.autoFilter) defined.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(q)}!$A$${s.autoFilter.row}:$${columnName(s.autoFilter.columns)}$${s.autoFilter.row}</definedName>`);
      if (s.printTitleRow) defined.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(q)}!$${s.printTitleRow}:$${s.printTitleRow}</definedName>`);
    });
    a.append(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheetIds.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
      { name: '[Content_Types].xml' },
    );
    a.append(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>',
      { name: '_rels/.rels' },
    );
    a.append(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${this.sheets
          .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state && s.state !== 'visible' ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
          .join('')}</sheets>` +
        (defined.length ? `<definedNames>${defined.join('')}</definedNames>` : '') +
        '<calcPr calcId="191029"/></workbook>',
      { name: 'xl/workbook.xml' },
    );
    a.append(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheetIds.map((i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('') +
        `<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
      { name: 'xl/_rels/workbook.xml.rels' },
    );
    a.append(this.styles.xml(), { name: 'xl/styles.xml' });
    const created = this.meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    a.append(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${escapeXml(this.meta.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
      { name: 'docProps/core.xml' },
    );
    a.append(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ATTK</Application></Properties>',
      { name: 'docProps/app.xml' },
    );
    await a.finalize();
    await this.done;
  }
}
