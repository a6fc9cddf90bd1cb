import type { CellStyle, CellValue } from '../xlsx/stream-writer';

/**
 * How wide a list sheet may be, in column-width characters, for its 11-pt rows to print at ≥ 10 pt
 * on A4 landscape: fit-to-width shrinks a sheet wider than the page. Measured with LibreOffice Calc
 * (pdftotext word boxes): 1 character ≈ 6.3 pt at 100 %, the printable width is 714 pt (297 mm less
 * the Decree 30 margins of 30 and 15 mm), so 714 / 0.91 / 6.3 ≈ 124; 118 leaves a margin.
 * tests/integration/documents.test.ts measures the printed size.
 */
export const LIST_WIDTH_BUDGET = 118;
/** Narrowest a wrapped text column gets (one short word per line). */
const MIN_WIDTH = 7;

export interface ListColumn {
  title: string;
  width: number;
  /** STT and dates: centred, never narrowed (a date must stay on one line). */
  fixed?: boolean;
  centred?: boolean;
  date?: boolean;
  /** The "Đơn vị" column: shown only when the file covers more than one unit. */
  unit?: boolean;
}

export interface ListLayout {
  titles: string[];
  widths: number[];
  count: number;
  centred: Record<number, CellStyle>;
  dateCols: number[];
  /** A row's values in the kept columns. */
  pick: (values: CellValue[]) => CellValue[];
}

/**
 * A list sheet's columns: the unit column only when the file covers more than one unit (in a unit's
 * own file it repeats the unit's name on every row), and the text columns narrowed in proportion
 * until the sheet fits LIST_WIDTH_BUDGET (text wraps; the writer gives wrapped rows their height).
 */
export function listLayout(columns: ListColumn[], multiUnit: boolean): ListLayout {
  const kept = columns.map((c, i) => ({ ...c, i })).filter((c) => multiUnit || !c.unit);
  const fixedWidth = kept.filter((c) => c.fixed).reduce((s, c) => s + c.width, 0);
  const flexWidth = kept.filter((c) => !c.fixed).reduce((s, c) => s + c.width, 0);
  const factor = Math.min(1, (LIST_WIDTH_BUDGET - fixedWidth) / flexWidth);
  const widths = kept.map((c) => (c.fixed ? c.width : Math.max(MIN_WIDTH, Math.floor(c.width * factor * 2) / 2)));
  const index = kept.map((c) => c.i);
  return {
    titles: kept.map((c) => c.title),
    widths,
    count: kept.length,
    centred: Object.fromEntries(kept.flatMap((c, j) => (c.centred || c.date ? [[j, { align: 'center' } as CellStyle]] : []))),
    dateCols: kept.flatMap((c, j) => (c.date ? [j] : [])),
    pick: kept.length === columns.length ? (values) => values : (values) => index.map((i) => values[i]),
  };
}
