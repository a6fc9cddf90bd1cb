import { posix } from 'node:path';
import { crc32 } from 'node:zlib';
import { ImportFileError } from './problems';

// Reading the package's structure (which sheets exist, where their XML lives, their declared
// dimension and merged ranges) with small, bounded regular expressions over already-verified XML,
// and repacking the parts the streaming reader needs into a clean, uncompressed zip.

export interface SheetPart {
  name: string;
  hidden: boolean;
  /** Path of the sheet's XML inside the package. */
  path: string;
}

export interface PackageInfo {
  sheets: SheetPart[];
  date1904: boolean;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ENTITY[e]!;
  });
}

/** Attributes of one start tag, by local name (prefixes dropped: "r:id" → "id"). */
function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    const local = m[1]!.includes(':') ? m[1]!.slice(m[1]!.indexOf(':') + 1) : m[1]!;
    result[local] = decodeXmlEntities(m[3] ?? m[4] ?? '');
  }
  return result;
}

/**
 * Decode an XML part to a string. Excel writes UTF-8; UTF-16 (with a BOM) is accepted. Invalid
 * UTF-8 is refused rather than read with replacement characters: garbled names must never be imported.
 */
export function xmlText(part: Buffer, name: string): string {
  try {
    if (part[0] === 0xff && part[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(part.subarray(2));
    if (part[0] === 0xfe && part[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(part.subarray(2));
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(part);
  } catch {
    throw new ImportFileError('badXml', { part: name });
  }
}

/** The worksheets the workbook lists, in its order, with their part paths (chart and dialog sheets left out). */
export function sheetPaths(workbook: string, rels: string): SheetPart[] {
  const targets = new Map<string, { target: string; type: string }>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target) targets.set(a.Id, { target: a.Target, type: a.Type ?? '' });
  }
  const sheets: SheetPart[] = [];
  const sheetsBlock = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(workbook)?.[1] ?? '';
  for (const m of sheetsBlock.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rel = a.id ? targets.get(a.id) : undefined;
    if (!a.name || !rel) continue;
    if (rel.type && !/\/worksheet$/.test(rel.type)) continue; // chart sheets, dialog sheets: no rows
    const path = rel.target.startsWith('/') ? rel.target.slice(1) : posix.normalize(posix.join('xl', rel.target));
    sheets.push({ name: a.name, hidden: a.state === 'hidden' || a.state === 'veryHidden', path });
  }
  return sheets;
}

export function readPackage(parts: Map<string, Buffer>): PackageInfo {
  const workbook = xmlText(parts.get('xl/workbook.xml')!, 'xl/workbook.xml');
  const relsPart = parts.get('xl/_rels/workbook.xml.rels');
  if (!relsPart) throw new ImportFileError('missingPart', { part: 'xl/_rels/workbook.xml.rels' });
  const rels = xmlText(relsPart, 'xl/_rels/workbook.xml.rels');
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook);
  const date1904 = pr ? ['1', 'true'].includes(attributes(pr[0]).date1904 ?? '') : false;
  const sheets = sheetPaths(workbook, rels);
  for (const sheet of sheets) if (!parts.has(sheet.path)) throw new ImportFileError('missingPart', { part: sheet.path });
  if (sheets.length === 0) throw new ImportFileError('noSheets');
  return { sheets, date1904 };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3" → { row: 3, col: 2 }; null for anything else. Columns stop at XFD (16,384), rows at 1,048,576. */
export function decodeAddress(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (col < 1 || col > 16384 || row < 1 || row > 1048576) return null;
  return { row, col };
}

export function columnLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function decodeRange(ref: string): CellRange | null {
  const [a, b] = ref.split(':');
  const from = a ? decodeAddress(a) : null;
  const to = b ? decodeAddress(b) : from;
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

export interface SheetFacts {
  /** The sheet's own claim of its used range, when it makes one. */
  dimension: CellRange | null;
  merges: CellRange[];
  /** `<row>` elements in the XML: compared with what the streaming reader returns. */
  rowElements: number;
  /** The XML ends with its closing tag (a truncated part does not). */
  complete: boolean;
}

const MAX_MERGES = 20_000;

/** Facts the streaming reader ignores (it skips <dimension> and <mergeCell>), read straight from the XML. */
export function sheetFacts(xml: string, sheet: string): SheetFacts {
  const dataStart = xml.search(/<(?:\w+:)?sheetData\b/);
  const head = dataStart >= 0 ? xml.slice(0, dataStart) : xml.slice(0, 4096);
  const dim = /<(?:\w+:)?dimension\b[^>]*\bref\s*=\s*"([^"]+)"/.exec(head);
  const dimension = dim ? decodeRange(dim[1]!) : null;
  const dataEnd = xml.search(/<\/(?:\w+:)?sheetData>/);
  const tail = dataEnd >= 0 ? xml.slice(dataEnd) : '';
  const merges: CellRange[] = [];
  for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*"([^"]+)"/g)) {
    if (merges.length >= MAX_MERGES) throw new ImportFileError('tooComplex', { sheet });
    const range = decodeRange(m[1]!);
    if (range) merges.push(range);
  }
  let rowElements = 0;
  const rowTag = /<(?:\w+:)?row[\s>/]/g;
  while (rowTag.exec(xml)) rowElements++;
  return { dimension, merges, rowElements, complete: /<\/(?:\w+:)?worksheet>\s*$/.test(xml) };
}

/**
 * Make an XML part safe for exceljs's streaming parser:
 * - every non-ASCII character becomes a numeric character reference. exceljs decodes each zip chunk
 *   with a fresh TextDecoder (utils/browser-buffer-decode.js), so a Vietnamese letter (2–3 bytes in
 *   UTF-8) split across two chunks turns into "��". With pure-ASCII input no chunk boundary can
 *   split a character;
 * - CDATA sections become escaped text (character references are not decoded inside CDATA);
 * - namespace prefixes on elements are dropped when the root uses one (`<x:row>`): exceljs matches
 *   bare element names and would otherwise read an empty sheet.
 */
export function asciiXml(xml: string): string {
  let text = xml.replace(/^\uFEFF/, '').replace(/^<\?xml[^?]*\?>/, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>');
  if (text.includes('<![CDATA[')) {
    text = text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, body: string) => body.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  }
  if (/^(?:<\?xml[^?]*\?>)?\s*<[A-Za-z_][\w.-]*:[A-Za-z]/.test(text)) text = text.replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z])/g, '<$1');
  // eslint-disable-next-line no-control-regex -- the range is "everything above ASCII", not control characters
  return text.replace(/[^\u0000-\u007f]/gu, (ch) => `&#${ch.codePointAt(0)};`);
}

/** A plain (stored, uncompressed) zip with correct sizes and CRCs: nothing for unzipper to trip over. */
export function storedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x800, 8);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, data);
    central.push(cd, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cdBytes, eocd]);
}

/**
 * The package exceljs's streaming reader will see: its own workbook.xml and rels naming our sheets
 * sheet1..N (it only recognises xl/worksheets/sheetN.xml), then shared strings and styles, then the
 * sheets — in that order, so it never has to spool a sheet to a temporary file while waiting for the
 * shared strings.
 */
export function repackForReader(parts: Map<string, Buffer>, info: PackageInfo, sheetXml: string[]): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const rels = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">',
    ...info.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`),
    '</Relationships>',
  ].join('');
  const workbook = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<workbookPr${info.date1904 ? ' date1904="1"' : ''}/><sheets>`,
    ...info.sheets.map((s, i) => `<sheet name="${asciiXml(esc(s.name))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`),
    '</sheets></workbook>',
  ].join('');
  const entries: { name: string; data: Buffer }[] = [
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(rels) },
    { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
  ];
  const shared = findPart(parts, 'xl/sharedStrings.xml');
  // Always a shared-strings part, empty if the writer used inline strings only (openpyxl, some
  // scripts): without one exceljs spools every sheet to a temporary file and, with two or more
  // sheets, emits only the first — the others looked empty and were refused as truncated.
  entries.push({
    name: 'xl/sharedStrings.xml',
    data: Buffer.from(shared ? asciiXml(xmlText(shared.data, shared.name)) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>'),
  });
  const styles = findPart(parts, 'xl/styles.xml');
  if (styles) entries.push({ name: 'xl/styles.xml', data: Buffer.from(asciiXml(xmlText(styles.data, styles.name))) });
  sheetXml.forEach((xml, i) => entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: Buffer.from(asciiXml(xml)) }));
  return storedZip(entries);
}

function findPart(parts: Map<string, Buffer>, name: string): { name: string; data: Buffer } | null {
  for (const [key, data] of parts) if (key.toLowerCase() === name.toLowerCase()) return { name: key, data };
  return null;
}
