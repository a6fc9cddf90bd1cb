// Vietnamese text of safe outputs, backup identity, text rules and the specific errors of issue 16.
// Joined into `vi` as `vi.safety`. Self-contained: it must not import vi.ts.

export const viSafety = {
  output: {
    isDatabase: (path: string) =>
      `Không thể ghi vào "${path}": đây là tệp cơ sở dữ liệu của ATTK (hoặc tệp đi kèm của nó). Hãy chọn tên tệp khác; dữ liệu không bị thay đổi.`,
    isKey: (path: string) => `Không thể ghi vào "${path}": đây là khóa ký số của đơn vị. Hãy chọn tên tệp khác.`,
    inBackups: (path: string) => `Không thể ghi vào "${path}": thư mục backups chỉ dành cho bản sao lưu. Hãy chọn thư mục khác.`,
    isFolder: (path: string) => `"${path}" là một thư mục. Hãy nhập tên tệp cần ghi.`,
    exists: (path: string) => `Tệp "${path}" đã có. ATTK không ghi đè tệp có sẵn: hãy chọn tên khác, hoặc thêm --replace nếu muốn thay thế tệp đó.`,
    noFolder: (path: string) => `Không có thư mục "${path}". Hãy tạo thư mục hoặc chọn nơi lưu khác.`,
    failed: (path: string, detail: string) => `Không ghi được tệp "${path}": ${detail}.`,
    backupOutNotFolder: (path: string) => `"${path}" là một tệp, không phải thư mục. --out của lệnh sao lưu là thư mục chứa bản sao lưu; không tệp nào bị ghi đè.`,
    tooMany: (path: string) => `Đã có quá nhiều tệp cùng tên "${path}" trong thư mục.`,
  },

  cli: {
    help: `  attk audit export --db FILE --out FILE.csv   Xuất nhật ký thao tác (CSV, mở được bằng Excel)
  --replace                                     Cho phép thay thế tệp --out đã có (mặc định: không ghi đè)`,
    auditUsage: 'Cách dùng: attk audit export --db FILE --out FILE.csv [--replace]',
    auditDone: (out: string, rows: number) => `Đã xuất ${rows.toLocaleString('vi-VN')} dòng nhật ký: ${out}`,
  },

  files: {
    diskFull: (path: string) =>
      `Ổ đĩa đầy: không ghi được "${path}". Dữ liệu đã nhập vẫn được giữ nguyên. Hãy giải phóng dung lượng ổ đĩa (xóa tệp không cần, dọn thùng rác) rồi thử lại.`,
    noPermission: (path: string) => `Không có quyền ghi vào "${path}". Hãy chọn thư mục khác (ví dụ Tài liệu của bạn) hoặc nhờ người quản trị máy cấp quyền.`,
    readOnlyDisk: (path: string) => `Ổ đĩa chứa "${path}" chỉ cho phép đọc (ví dụ thẻ nhớ bị khóa ghi). Hãy chọn nơi lưu khác.`,
    inUse: (path: string) => `Tệp "${path}" đang được chương trình khác mở (ví dụ Excel). Hãy đóng tệp đó rồi thử lại.`,
    notFound: (path: string) => `Không tìm thấy "${path}".`,
    nameTooLong: (path: string) => `Đường dẫn "${path}" quá dài. Hãy chọn thư mục có đường dẫn ngắn hơn.`,
    io: (path: string) => `Lỗi đọc/ghi ổ đĩa khi ghi "${path}". Hãy kiểm tra ổ đĩa (hoặc USB) rồi thử lại.`,
  },
};
