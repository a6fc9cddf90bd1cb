// exceljs is loaded on first use, not at start-up: requiring it costs ≈ 0.3 s on the build
// machine (more on an old office PC), and only imports, templates and verification need it.
// Writing reports never does (stream-writer.ts).

type ExcelJsModule = typeof import('exceljs');

let loading: Promise<ExcelJsModule> | null = null;

export function loadExcelJs(): Promise<ExcelJsModule> {
  loading ??= import('exceljs').then((m) => ((m as unknown as { default?: ExcelJsModule }).default ?? m));
  return loading;
}
