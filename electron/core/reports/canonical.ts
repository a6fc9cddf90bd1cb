import { createHash, type Hash } from 'node:crypto';

// What the signature covers: every non-empty cell of every visible sheet, as
// "sheet \t row \t column \t value" lines in the order written. Values are normalised so that a
// file re-saved by another program (LibreOffice, openpyxl, Excel) still verifies when nothing
// changed, and any changed cell does not: text → NFC; numbers → decimal text; dates → the Excel
// serial day number (what every program stores); booleans → TRUE/FALSE; formulas → "=" + formula
// (we never write any, so a formula means the file was edited).

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function excelSerial(date: Date): number {
  return Math.round((date.getTime() - EXCEL_EPOCH) / 86_400_000);
}

export function isoToDate(iso: string): Date {
  return new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));
}

export function canonicalValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return `d${excelSerial(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value === '' ? null : value.normalize('NFC');
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; formula?: string; sharedFormula?: string; result?: unknown; text?: string; error?: string };
    if (v.richText) return canonicalValue(v.richText.map((r) => r.text).join(''));
    if (v.formula || v.sharedFormula) return `=${v.formula ?? v.sharedFormula}`;
    if (v.text !== undefined) return canonicalValue(v.text);
    if (v.error) return `#${v.error}`;
  }
  return String(value);
}

/**
 * Incremental hash of the cells, fed while writing (streaming) or reading. Each sheet is hashed on
 * its own (lines "row \t column \t value"), and the digest combines the sheets in workbook order
 * with their names — because a streaming reader may meet the sheets before it learns their names
 * (files re-saved by openpyxl put workbook.xml last).
 */
export class CellHasher {
  /** Lines are batched per sheet before hashing: one update per cell cost more than the hashing. */
  private readonly sheets = new Map<string, { hash: Hash; pending: string }>();
  count = 0;

  add(sheet: string, row: number, col: number, value: unknown): void {
    const v = canonicalValue(value);
    if (v === null) return;
    let entry = this.sheets.get(sheet);
    if (!entry) {
      entry = { hash: createHash('sha256'), pending: '' };
      this.sheets.set(sheet, entry);
    }
    entry.pending += `${row}\t${col}\t${v}\n`;
    if (entry.pending.length > 16_384) {
      entry.hash.update(entry.pending);
      entry.pending = '';
    }
    this.count++;
  }

  /** `order` maps each hashed sheet key to its name, in workbook order (default: the keys as added). */
  digest(order?: { key: string; name: string }[]): string {
    const all = createHash('sha256');
    for (const { key, name } of order ?? [...this.sheets.keys()].map((k) => ({ key: k, name: k }))) {
      const entry = this.sheets.get(key);
      if (!entry) continue;
      entry.hash.update(entry.pending);
      entry.pending = '';
      all.update(`${name}\n${entry.hash.digest('hex')}\n`);
    }
    return all.digest('hex');
  }
}
