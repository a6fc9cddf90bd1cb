import { vi } from '../../../shared/i18n/vi';
import type { ImportKind, ImportTemplate } from '../../../shared/import/schema';
import type { Db } from '../db/open';
import { loadExcelJs } from '../xlsx/exceljs';

// "Tải mẫu": a clean workbook per import kind — the data sheet first (header on row 1, nothing
// else, so leftover examples can never be imported by mistake) and the instructions, with a filled
// example, on a second sheet. Date columns are formatted as text: a clerk typing 05/03/2024 on a
// PC set to US English would otherwise get an Excel date of 3 May; as text, it is read day-first.

const T = vi.import.template;
const FONT = { name: 'Times New Roman', size: 12 };
const DATE_COLUMNS: Record<ImportKind, number[]> = { staff: [], accounts: [6], confirmations: [5] };
const WIDTHS: Record<ImportKind, number[]> = {
  staff: [6, 28, 22, 28, 16, 11, 30],
  accounts: [6, 14, 22, 26, 16, 14, 34, 24],
  confirmations: [6, 14, 22, 26, 18, 18, 20, 24],
};

export async function buildTemplate(db: Db, kind: ImportKind): Promise<ImportTemplate> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = vi.app.name;
  const headers = T.headers[kind];
  const data = wb.addWorksheet(T.dataSheet[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = headers.map((h, i) => ({ header: h, width: WIDTHS[kind][i] ?? 18 }));
  const head = data.getRow(1);
  head.font = { ...FONT, bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.height = 32;
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  for (let c = 1; c <= headers.length; c++) {
    const column = data.getColumn(c);
    column.font = FONT;
    if (DATE_COLUMNS[kind].includes(c)) column.numFmt = '@';
  }
  // Drop-down lists where the values are fixed (the reader also accepts common variants).
  const list = (col: number, values: string[]) => {
    const letter = data.getColumn(col).letter;
    const formula = `"${values.join(',')}"`;
    if (formula.length > 255) return; // Excel's limit for an inline list
    for (let r = 2; r <= 1000; r++) data.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [formula] };
  };
  if (kind === 'staff') {
    list(5, Object.values(vi.staffType).map((s) => (s === vi.staffType.hop_dong ? 'Hợp đồng' : s)));
    list(6, ['x']);
  } else {
    const systems = (db.prepare("SELECT code FROM systems WHERE active = 1 AND code <> '' ORDER BY sort_order, id").all() as { code: string }[]).map((s) => s.code);
    if (systems.length > 0) list(2, systems);
    if (kind === 'accounts') list(5, Object.values(vi.accountRole));
    else {
      list(6, ['Chủ tài khoản', 'Cán bộ phụ trách']);
      list(7, ['Ký phiếu', 'Tự khai', 'Xem trên màn hình']);
    }
  }

  const help = wb.addWorksheet(T.instructionsSheet);
  help.getColumn(1).width = 110;
  const title = help.addRow([T.title[kind]]);
  title.font = { ...FONT, bold: true, size: 14 };
  help.addRow([]);
  for (const line of [...T.instructions.common, ...T.instructions[kind]]) {
    const row = help.addRow([`• ${line}`]);
    row.font = FONT;
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  help.addRow([]);
  help.addRow(['Ví dụ (điền ở trang tính đầu tiên):']).font = { ...FONT, italic: true };
  const example = help.addRow(headers);
  example.font = { ...FONT, bold: true };
  for (const values of T.example[kind]) help.addRow(values).font = FONT;
  const buffer = await wb.xlsx.writeBuffer();
  return { fileName: T.fileName[kind], dataBase64: Buffer.from(buffer as ArrayBuffer).toString('base64') };
}
