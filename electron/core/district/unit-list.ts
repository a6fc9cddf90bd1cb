import { REGISTER_KINDS, type RegisterKind } from '../../../shared/district/schema';
import { vi } from '../../../shared/i18n/vi';
import { normaliseHeader } from '../../../shared/import/headers';
import { cleanText, foldForSearch } from '../../../shared/text/vietnamese';
import { cellText } from '../import/detect';
import { ImportFileError, fileProblemError } from '../import/problems';
import { readWorkbookSafely } from '../import/run-reader';

// The register's list file: a simple table "Tên đơn vị | Mã | Loại | Liên hệ" as the office keeps
// it, in .xlsx (read by the import's pre-scan + sandboxed reader) or .csv (UTF-8, ; , or tab).
// The header row is found among the first rows by its (folded) names, like the staff import does.

const T = vi.district.listImport;

export interface UnitListRow {
  row: number;
  name: string;
  code: string;
  kind: RegisterKind;
  contact: string;
}

type Column = 'name' | 'code' | 'kind' | 'contact';
const HEADERS: Record<Column, readonly string[]> = {
  name: ['ten don vi', 'don vi', 'ten co quan', 'co quan', 'co quan don vi', 'ten co quan don vi', 'ten'],
  code: ['ma', 'ma don vi', 'ma dv', 'ma co quan', 'ma so', 'ky hieu'],
  kind: ['loai', 'loai don vi', 'phan loai', 'loai hinh', 'cap', 'loai co quan'],
  contact: ['lien he', 'nguoi lien he', 'thong tin lien he', 'dau moi', 'can bo dau moi', 'dien thoai', 'so dien thoai', 'email', 'thu dien tu'],
};

/** The column a header names: exact names first, then names that start the header. */
function columnOf(header: string): Column | null {
  const text = normaliseHeader(header);
  if (!text) return null;
  for (const [col, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) if (names.includes(text)) return col;
  for (const [col, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
    if (names.some((n) => n.length >= 2 && text.startsWith(`${n} `))) return col;
  }
  return null;
}

/** "Phường", "UBND phường …", "Trường THCS …", "Cơ quan" → the register's kind. */
export function parseKind(value: string, name: string): RegisterKind {
  const v = foldForSearch(value);
  if ((REGISTER_KINDS as readonly string[]).includes(v)) return v as RegisterKind;
  const probe = v || foldForSearch(name);
  if (/(^|\s)(truong|mam non|tieu hoc|thcs|thpt|school)(\s|$)/.test(probe)) return 'school';
  if (/(^|\s)(phuong|ward)(\s|$)/.test(probe)) return 'ward';
  if (/(^|\s)(xa|thi tran|commune)(\s|$)/.test(probe)) return 'commune';
  if (!v) return 'office';
  if (/(co quan|phong|ban|van phong|trung tam|office)/.test(v)) return 'office';
  return 'other';
}

export async function readUnitList(fileName: string, bytes: Buffer): Promise<{ rows: UnitListRow[]; problems: { row: number; message: string }[] }> {
  const table = bytes[0] === 0x50 && bytes[1] === 0x4b ? await xlsxTable(fileName, bytes) : csvTable(fileName, bytes);
  let header: { row: number; columns: Map<Column, number> } | null = null;
  for (const [i, cells] of table.slice(0, 40).entries()) {
    const columns = new Map<Column, number>();
    cells.forEach((c, j) => {
      const col = columnOf(c);
      if (col && !columns.has(col)) columns.set(col, j);
    });
    if (columns.has('name') && columns.has('code')) {
      header = { row: i, columns };
      break;
    }
  }
  if (!header) throw new ListError(T.noHeader);
  const rows: UnitListRow[] = [];
  const problems: { row: number; message: string }[] = [];
  const get = (cells: string[], col: Column) => {
    const j = header!.columns.get(col);
    return j === undefined ? '' : cleanText(cells[j] ?? '');
  };
  for (let i = header.row + 1; i < table.length; i++) {
    const cells = table[i]!;
    const name = get(cells, 'name');
    const code = get(cells, 'code');
    const row = i + 1;
    if (!name && !code) continue;
    if (!name) problems.push({ row, message: T.missingName });
    else if (!code) problems.push({ row, message: T.missingCode });
    else if (name.length > 200) problems.push({ row, message: T.nameTooLong });
    else if (code.length > 40) problems.push({ row, message: T.codeTooLong });
    else rows.push({ row, name, code, kind: parseKind(get(cells, 'kind'), name), contact: get(cells, 'contact').slice(0, 300) });
  }
  return { rows, problems };
}

/** A refusal of the whole list file, with its Vietnamese message. */
export class ListError extends Error {}

async function xlsxTable(fileName: string, bytes: Buffer): Promise<string[][]> {
  let workbook;
  try {
    workbook = await readWorkbookSafely(bytes);
  } catch (error) {
    if (error instanceof ImportFileError) throw new ListError(fileProblemError(fileName, error.problem).message);
    throw error;
  }
  const sheet = workbook.sheets.find((s) => !s.hidden && s.rows.length > 0) ?? workbook.sheets.find((s) => s.rows.length > 0);
  if (!sheet) throw new ListError(T.noSheet(fileName));
  // Keep real row numbers so problems point at the row the clerk sees.
  const table: string[][] = [];
  for (const r of sheet.rows) table[r.r - 1] = r.cells.map((c) => cellText(c));
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return table;
}

function csvTable(fileName: string, bytes: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ListError(T.badCsv(fileName));
  }
  text = text.replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].map((d) => ({ d, n: first.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    if (rows.length > 20_000) throw new ListError(T.badCsv(fileName));
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
