import { crc32, inflateRawSync } from 'node:zlib';
import { findSharedStringCell, MAX_CELL_CHARS, scanCellText, type CellOverflow, type ScanPart } from './cell-scan';
import { columnLetter, sheetPaths } from './package-parts';
import { ImportFileError } from './problems';

// The pre-scan: everything about an untrusted .xlsx that can be checked before any parser sees it.
//
// Why not hand the bytes to exceljs directly:
// - `Workbook.xlsx.load()` builds the whole workbook in memory: a zip bomb, or a single merged range
//   covering a million rows, runs the process out of memory. We never call it on a user's file.
// - exceljs's streaming reader unzips with `unzipper`, which walks LOCAL headers (ignoring the central
//   directory), does not check CRCs, can hang on mutated headers, and on a truncated entry simply
//   stops — returning half the rows as if that were the whole sheet.
// So we parse the central directory ourselves, inflate every entry with a hard cap on the bytes
// actually produced, verify each CRC-32, refuse unsafe names and overlapping entries, and only then
// hand the verified XML (repacked, see repack.ts) to the streaming reader.

export interface ZipLimits {
  maxFileBytes: number;
  maxEntries: number;
  /** Largest single inflated entry. */
  maxEntryBytes: number;
  /** Total inflated bytes across all entries (what is actually produced, not what headers claim). */
  maxTotalBytes: number;
  /** Inflated/compressed ratio above which an entry larger than `ratioFloorBytes` is refused as a bomb. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Characters in one cell (Excel's own limit is 32,767). */
  maxCellChars?: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2000,
  maxEntryBytes: 120 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  // Spreadsheet XML compresses ~10–40×; 10,000 identical formatted rows reach ~150×. Deflate's
  // ceiling is ~1030×, which only runs of one byte (the bomb's payload) approach.
  maxRatio: 300,
  ratioFloorBytes: 1024 * 1024,
};

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const EOCD_SIG = 0x06054b50;

export const REQUIRED_PARTS = ['[Content_Types].xml', 'xl/workbook.xml'] as const;

/**
 * Parts the reader needs, kept after the scan (everything else is inflated, checked and dropped);
 * plus the sheets' relationships and drawings, which the report verification inspects (shapes
 * over cells, issue 15) and never hands to a reader.
 */
const KEEP = /^(\[Content_Types\]\.xml|_rels\/\.rels|xl\/[^/]+\.xml|xl\/_rels\/[^/]+\.rels|xl\/worksheets\/[^/]+\.xml|xl\/worksheets\/_rels\/[^/]+\.rels|xl\/drawings\/[^/]+\.xml)$/i;

/** What the file is, from its first bytes: refuse the common wrong files with a message that helps. */
function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportFileError('empty');
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 8));
  if (head.length === 8 && head.equals(OLE2_MAGIC)) {
    // Both an old .xls and a password-protected .xlsx are OLE2 compound files; an encrypted OOXML
    // package carries an "EncryptionInfo" stream (directory names are UTF-16LE).
    const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const encrypted = all.includes(Buffer.from('EncryptionInfo', 'utf16le')) || all.includes(Buffer.from('EncryptedPackage', 'utf16le'));
    throw new ImportFileError(encrypted ? 'encrypted' : 'xls');
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return; // "PK"
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 512)).toString('latin1').toLowerCase();
  if (/<html|<table|<!doctype html|<\?xml[^>]*>\s*<\?mso|xmlns:x="urn:schemas-microsoft-com:office:excel"/.test(text)) throw new ImportFileError('html');
  throw new ImportFileError('notZip');
}

function isUnsafeName(name: string): boolean {
  if (name.length === 0 || name.includes('\0') || name.includes('\\')) return true;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return true;
  return name.split('/').some((segment) => segment === '..' || segment === '.');
}

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/**
 * Verify an .xlsx package and return its XML parts, inflated and CRC-checked.
 * Throws ImportFileError (empty, xls, encrypted, html, notZip, tooLarge, truncated, damaged,
 * unsafeName, bomb, tooManyEntries, unsupported, missingPart).
 */
export function prescanXlsx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Buffer> {
  sniff(bytes);
  if (bytes.length > limits.maxFileBytes) throw new ImportFileError('tooLarge', { limit: limits.maxFileBytes });
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);

  // End of central directory: the last 22 bytes plus an optional comment of up to 65,535 bytes.
  let eocd = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === EOCD_SIG && p + 22 + buf.readUInt16LE(p + 20) <= buf.length) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new ImportFileError('truncated');
  const diskEntries = buf.readUInt16LE(eocd + 8);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ImportFileError('unsupported', { part: 'ZIP64' });
  if (diskEntries !== count || buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) throw new ImportFileError('unsupported', { part: 'multi-disk' });
  if (count > limits.maxEntries) throw new ImportFileError('tooManyEntries', { count });
  if (cdOffset + cdSize > eocd) throw new ImportFileError('truncated');

  const entries: CentralEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL_SIG) throw new ImportFileError('damaged', { part: 'central directory' });
    const flags = buf.readUInt16LE(p + 8);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength + commentLength > eocd) throw new ImportFileError('damaged', { part: 'central directory' });
    const rawName = buf.subarray(p + 46, p + 46 + nameLength);
    const name = rawName.toString(flags & 0x800 ? 'utf8' : 'latin1');
    if (isUnsafeName(name)) throw new ImportFileError('unsafeName', { part: name.slice(0, 120) });
    const key = name.toLowerCase();
    if (seen.has(key)) throw new ImportFileError('damaged', { part: name });
    seen.add(key);
    entries.push({
      name,
      flags,
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }

  // Local entries must lie inside the data area, one after another, never overlapping (overlapping
  // entries are how "non-recursive" zip bombs multiply a small payload).
  const ranges: { start: number; end: number; name: string }[] = [];
  const parts = new Map<string, Buffer>();
  let produced = 0;
  for (const entry of entries) {
    const { start, end, inflated } = inflateEntry(buf, cdOffset, entry, limits, produced);
    ranges.push({ start, end, name: entry.name });
    produced += inflated.length;
    if (KEEP.test(entry.name)) parts.set(entry.name, Buffer.from(inflated));
    // Cell text over Excel's own limit is refused here, before anything decodes the part.
    const kind = textPartKind(entry.name);
    if (kind) {
      const overflow = scanCellText(kind, inflated, limits.maxCellChars ?? MAX_CELL_CHARS);
      if (overflow) throw cellTooLong(buf, cdOffset, entries, limits, parts, entry.name, overflow, limits.maxCellChars ?? MAX_CELL_CHARS);
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.start < ranges[i - 1]!.end) throw new ImportFileError('bomb', { part: ranges[i]!.name });
  }
  for (const part of REQUIRED_PARTS) if (!parts.has(part)) throw new ImportFileError('missingPart', { part });
  return parts;
}

/** Check one entry's local header against the central directory and inflate it under the caps. */
function inflateEntry(buf: Buffer, cdOffset: number, entry: CentralEntry, limits: ZipLimits, produced: number): { start: number; end: number; inflated: Buffer } {
  if (entry.flags & 0x1) throw new ImportFileError('encrypted');
  if (entry.method !== 0 && entry.method !== 8) throw new ImportFileError('unsupported', { part: entry.name });
  const lo = entry.localOffset;
  if (lo + 30 > cdOffset || buf.readUInt32LE(lo) !== LOCAL_SIG) throw new ImportFileError('damaged', { part: entry.name });
  const localNameLength = buf.readUInt16LE(lo + 26);
  const localExtraLength = buf.readUInt16LE(lo + 28);
  const localName = buf.subarray(lo + 30, lo + 30 + localNameLength).toString(entry.flags & 0x800 ? 'utf8' : 'latin1');
  if (localName !== entry.name) throw new ImportFileError('damaged', { part: entry.name });
  const start = lo + 30 + localNameLength + localExtraLength;
  const end = start + entry.compressedSize;
  if (end > cdOffset) throw new ImportFileError('truncated');

  if (entry.size > limits.maxEntryBytes || produced + entry.size > limits.maxTotalBytes) throw new ImportFileError('bomb', { part: entry.name });
  if (entry.size > limits.ratioFloorBytes && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio) {
    throw new ImportFileError('bomb', { part: entry.name });
  }
  const data = buf.subarray(start, end);
  let inflated: Buffer;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ImportFileError('damaged', { part: entry.name });
    inflated = data;
  } else {
    try {
      // The cap is the size the header declares: a stream that produces more is a lie (or a bomb),
      // and zlib stops at the cap instead of filling memory.
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new ImportFileError(code === 'ERR_BUFFER_TOO_LARGE' ? 'bomb' : 'damaged', { part: entry.name });
    }
  }
  if (inflated.length !== entry.size || crc32(inflated) !== entry.crc) throw new ImportFileError('damaged', { part: entry.name });
  return { start: lo, end, inflated };
}

const SHARED_STRINGS = /^xl\/sharedStrings\.xml$/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;

function textPartKind(name: string): ScanPart | null {
  if (SHARED_STRINGS.test(name)) return 'sharedStrings';
  if (WORKSHEET.test(name)) return 'sheet';
  return null;
}

/**
 * The refusal of an overlong cell, with the sheet, row and column. The workbook part (sheet names)
 * and, for a shared string, the sheets that might use it may lie later in the zip: they are
 * inflated here under the same caps (the scan stopped early, so these are the only parts left).
 */
function cellTooLong(
  buf: Buffer, cdOffset: number, entries: CentralEntry[], limits: ZipLimits, parts: Map<string, Buffer>,
  partName: string, overflow: CellOverflow, limit: number,
): ImportFileError {
  const get = (name: string): Buffer | null => {
    const have = [...parts].find(([key]) => key.toLowerCase() === name.toLowerCase());
    if (have) return have[1];
    const entry = entries.find((e) => e.name.toLowerCase() === name.toLowerCase());
    if (!entry) return null;
    try {
      return inflateEntry(buf, cdOffset, entry, limits, 0).inflated;
    } catch {
      return null;
    }
  };
  const workbook = get('xl/workbook.xml');
  const rels = get('xl/_rels/workbook.xml.rels');
  const sheets = workbook && rels ? sheetPaths(workbook.toString('utf8'), rels.toString('utf8')) : [];
  const nameOf = (path: string) => sheets.find((s) => s.path.toLowerCase() === path.toLowerCase())?.name;
  let at: { sheet?: string; row?: number; col?: number } = {};
  if (overflow.kind === 'cell') at = { sheet: nameOf(partName) ?? partName, row: overflow.row, col: overflow.col };
  else {
    const candidates = sheets.length > 0 ? sheets.map((s) => s.path) : entries.map((e) => e.name).filter((n) => WORKSHEET.test(n));
    for (const path of candidates) {
      const xml = get(path);
      const cell = xml ? findSharedStringCell(xml, overflow.index) : null;
      if (cell) {
        at = { sheet: nameOf(path) ?? path, row: cell.row, col: cell.col };
        break;
      }
    }
  }
  return new ImportFileError('cellTooLong', {
    ...(at.sheet ? { sheet: at.sheet } : { part: partName }),
    ...(at.row ? { row: at.row } : {}),
    ...(at.col ? { column: columnLetter(at.col) } : {}),
    limit,
  });
}
