// The import's commit runs in the file worker (issue 16 §4): what a clerk reads when that worker
// is stopped before the import is written. Nothing is written in that case; the stage stays usable.

export const viImportCommit = {
  stopped: (f: string) =>
    `Việc ghi dữ liệu từ tệp "${f}" bị dừng bất thường. Không có gì được nhập; hãy thử lại.`,
  timeout: (f: string) => `Việc ghi dữ liệu từ tệp "${f}" quá lâu nên đã dừng. Không có gì được nhập; hãy thử lại.`,
  outOfMemory: (f: string) => `Việc ghi dữ liệu từ tệp "${f}" cần quá nhiều bộ nhớ nên đã dừng. Không có gì được nhập; hãy tách danh sách thành nhiều tệp nhỏ hơn.`,
  /** Two commits of one staged file at once (a double click): the second is refused. */
  busy: 'Tệp này đang được nhập. Hãy đợi cho xong.',
};
