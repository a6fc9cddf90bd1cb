import {
  AlignmentType, BorderStyle, Document, Header, HeightRule, Packer, PageNumber, PageOrientation, Paragraph, Table, TableCell, TableLayoutType, TableRow,
  TextRun, VerticalAlignTable, WidthType, type IBorderOptions, type IParagraphOptions,
} from 'docx';
import { vi } from '../../../shared/i18n/vi';
import type { Align, DocBlock, DocCell, DocSignature, DocTable, OfficialDocument } from '../../../shared/reports/document';

// The Word rendering of an official document (shared/reports/document.ts), in the Decree
// 30/2020/NĐ-CP layout (Appendix I): A4, Times New Roman, margins top/bottom 20 mm, left 30 mm,
// right 15 mm (20 mm landscape), the two-column header table, body 14 pt justified with a 1.27 cm
// first-line indent and 6 pt after, tables whose header row repeats on every page, "Nơi nhận" and
// the signature block kept together with the last paragraph, page numbers centred in the top
// margin from page 2 (a different first-page header). The words are the document model's; nothing
// here composes a sentence or a figure.

const MM = 56.7; // twips per millimetre
const twips = (mm: number) => Math.round(mm * MM);
/** A4 in twips, as Word writes it (210 × 297 mm). */
const PAGE = { width: 11906, height: 16838 };
export const DOCX_LAYOUT = {
  portrait: { top: twips(20), bottom: twips(20), left: twips(30), right: twips(15) },
  landscape: { top: twips(20), bottom: twips(20), left: twips(30), right: twips(20) },
  headerDistance: twips(10),
  font: 'Times New Roman',
  /** Half-points. */
  body: 28,
};

const pt = (size: number) => size * 2;
const FONT = DOCX_LAYOUT.font;
const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
}
const run = (text: string, s: RunStyle = {}) => new TextRun({ text, font: FONT, size: pt(s.size ?? 14), bold: s.bold ?? false, italics: s.italics ?? false });

function para(text: string, s: RunStyle & Omit<IParagraphOptions, 'children' | 'text'> = {}): Paragraph {
  const { size, bold, italics, ...options } = s;
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 264 },
    ...options,
    children: [run(text, { ...(size ? { size } : {}), ...(bold ? { bold } : {}), ...(italics ? { italics } : {}) })],
  });
}

/** A short horizontal rule (Decree 30: under the unit name, the motto and the subject), `share` of the width. */
function rule(widthTwips: number, share: number): Paragraph {
  const side = Math.round((widthTwips * (1 - share)) / 2);
  // An empty 1-pt paragraph with a bottom border: the line sits just under the text above it, never through it.
  return new Paragraph({ border: { bottom: LINE }, indent: { left: side, right: side }, spacing: { before: 20, after: 100, line: 240 }, children: [run('', { size: 1 })] });
}

function headerTable(doc: OfficialDocument, width: number): Table {
  const leftW = Math.round(width * 0.38);
  const rightW = width - leftW;
  const h = doc.header;
  const cell = (w: number, children: Paragraph[]) => new TableCell({ width: { size: w, type: WidthType.DXA }, borders: NO_BORDERS, margins: { left: 0, right: 0 }, children });
  const c = { alignment: AlignmentType.CENTER };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(leftW, [
            ...(h.parentBody ? [para(h.parentBody, { size: 12.5, ...c })] : []),
            para(h.unitName, { size: 12.5, bold: true, ...c }),
            rule(leftW, 0.4),
          ]),
          cell(rightW, [para(vi.campaigns.decree30.motto1, { size: 12, bold: true, ...c }), para(vi.campaigns.decree30.motto2, { size: 14, bold: true, ...c }), rule(rightW, 0.55)]),
        ],
      }),
      new TableRow({
        children: [
          cell(leftW, [...(h.number ? [para(h.number, { size: 13, ...c })] : []), ...(h.vv ? [para(h.vv, { size: 12, ...c, spacing: { before: 60, after: 0 } })] : [])]),
          cell(rightW, [para(h.dateLine, { size: 14, italics: true, ...c })]),
        ],
      }),
    ],
  });
}

function cellOf(c: DocCell, widthTwips: number, size: number): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 70, right: 70, top: 30, bottom: 30 },
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    children: [para(c.text, { size, ...(c.bold ? { bold: true } : {}), alignment: ALIGN[c.align ?? 'left'] })],
  });
}

/** A bordered table; its header row repeats on every page; no row is split across pages; a person's rows stay together. */
function dataTable(t: DocTable, width: number, keepLastWithNext: boolean): Table {
  const size = t.compact ? 11 : 12;
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * width));
  const starts = new Set(t.groupStarts ?? []);
  const rows = t.rows.map((cells, i) => {
    // Inside a group (the next row is not a new group's start), keep the row with the next one.
    const inGroup = t.groupStarts !== undefined && i + 1 < t.rows.length && !starts.has(i + 1);
    const last = i === t.rows.length - 1;
    return new TableRow({
      cantSplit: true,
      // Room to write a date and sign by hand on the sign sheet.
      ...(t.compact ? {} : { height: { value: 520, rule: HeightRule.ATLEAST } }),
      ...(inGroup || (last && keepLastWithNext) ? { keepNext: true } : {}),
      children: cells.flatMap((c, j) => (c ? [cellOf(c, widths[j]! * (c.rowSpan ? 1 : 1), size)] : [])),
    });
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.columns.map((c, j) => cellOf({ text: c.title, bold: true, align: 'center' }, widths[j]!, size)),
      }),
      ...rows,
    ],
  });
}

function blocks(list: DocBlock[], width: number, keepLastWithNext = false): (Paragraph | Table)[] {
  return list.flatMap((b, i): (Paragraph | Table)[] => {
    const keep = keepLastWithNext && i === list.length - 1;
    switch (b.kind) {
      case 'heading':
        return [para(b.text, { bold: true, keepNext: true, keepLines: true, spacing: { before: 120, after: 60, line: 264 } })];
      case 'paragraph':
        return [para(b.text, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: twips(12.7) }, spacing: { before: 0, after: 120, line: 288 }, keepNext: keep, keepLines: keep })];
      case 'line':
        return [para(b.text, { alignment: AlignmentType.JUSTIFIED, indent: { left: twips(12.7) }, spacing: { before: 0, after: 60, line: 276 }, keepNext: keep })];
      case 'note':
        return [para(b.text, { size: 11, italics: true, spacing: { before: 240, after: 0, line: 240 } })];
      case 'table':
        // A small gap under the table, kept with it when the table must stay with what follows.
        return [dataTable(b.table, width, keep), para('', { size: 6, keepNext: keep, spacing: { before: 0, after: 0, line: 240 } })];
    }
  });
}

function signatureCell(s: DocSignature): Paragraph[] {
  const c = { alignment: AlignmentType.CENTER };
  return [
    ...s.titles.map((t) => para(t, { size: 14, bold: true, ...c })),
    // Room to sign and stamp (≈ 30 mm).
    ...Array.from({ length: 4 }, () => para('', { size: 14, ...c, spacing: { before: 0, after: 0, line: 480 } })),
    para(s.name, { size: 14, bold: true, ...c }),
  ];
}

/** "Nơi nhận" (left) and the signature (right) — or the preparer and the head — as one row that cannot split. */
function footerTable(doc: OfficialDocument, width: number): Table {
  const half = Math.round(width / 2);
  const left: Paragraph[] = doc.recipients
    ? [para(vi.reports.print.recipients, { size: 12, bold: true, italics: true }), ...doc.recipients.map((l) => para(l, { size: 11 }))]
    : doc.signatures.length > 1
      ? signatureCell(doc.signatures[0]!)
      : [para('')];
  const right = signatureCell(doc.signatures[doc.signatures.length - 1]!);
  const cell = (children: Paragraph[]) => new TableCell({ width: { size: half, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [half, width - half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, height: { value: 0, rule: HeightRule.AUTO }, children: [cell(left), cell(right)] })],
  });
}

/** The .docx of an official document. */
export async function renderDocx(doc: OfficialDocument, meta: { creator: string; created: Date }): Promise<Buffer> {
  const margins = doc.landscape ? DOCX_LAYOUT.landscape : DOCX_LAYOUT.portrait;
  const pageWidth = doc.landscape ? PAGE.height : PAGE.width;
  const width = pageWidth - margins.left - margins.right;
  const c = { alignment: AlignmentType.CENTER };
  const children: (Paragraph | Table)[] = [headerTable(doc, width)];
  if (doc.title) children.push(para(doc.title, { size: 14, bold: true, ...c, spacing: { before: 240, after: 0, line: 264 } }));
  if (doc.subtitle) children.push(para(doc.subtitle, { size: 14, italics: true, ...c }));
  if (doc.subject) children.push(para(doc.subject, { size: 14, bold: true, ...c }), rule(width, 0.25));
  if (doc.kinhGui) {
    if (doc.kinhGui.length === 1) children.push(para(vi.reports.print.recipient(doc.kinhGui[0]!), { size: 14, ...c, spacing: { before: 160, after: 160, line: 264 } }));
    else {
      children.push(para(vi.reports.print.recipient('').trimEnd(), { size: 14, indent: { left: twips(30) }, spacing: { before: 160, after: 0, line: 264 } }));
      doc.kinhGui.forEach((a, i) => children.push(para(`- ${a};`, { size: 14, indent: { left: twips(45) }, spacing: { before: 0, after: i === doc.kinhGui!.length - 1 ? 160 : 0, line: 264 } })));
    }
  }
  const hasClosing = doc.closing.length > 0;
  children.push(...blocks(doc.body, width, !hasClosing));
  children.push(...blocks(doc.closing, width, true));
  children.push(footerTable(doc, width));
  children.push(...blocks(doc.afterSignature, width));
  if (doc.appendix) {
    const a = doc.appendix;
    a.titles.forEach((t, i) => children.push(para(t, { size: 14, bold: true, ...c, pageBreakBefore: i === 0, keepNext: true })));
    children.push(para(a.ref, { size: 14, italics: true, ...c, spacing: { before: 0, after: 160, line: 264 }, keepNext: true }));
    children.push(...blocks(a.body, width));
  }
  const document = new Document({
    creator: meta.creator,
    title: doc.label,
    styles: { default: { document: { run: { font: FONT, size: DOCX_LAYOUT.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: doc.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { ...margins, header: DOCX_LAYOUT.headerDistance, footer: DOCX_LAYOUT.headerDistance },
          },
        },
        headers: {
          // Decree 30: page numbers centred in the top margin, not on the first page.
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  void meta.created;
  return Packer.toBuffer(document);
}
