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

  backup: {
    foreign: (unit: { name: string; code: string } | null, own: { name: string; code: string } | null) =>
      `Bản sao lưu này không phải của cơ sở dữ liệu đang mở: nó chứa dữ liệu của ${unit ? `"${unit.name}" (mã ${unit.code})` : 'một đơn vị chưa khai báo'}` +
      `${own ? `, còn dữ liệu đang mở là của "${own.name}" (mã ${own.code})` : ''}. Khôi phục sẽ thay toàn bộ dữ liệu hiện tại bằng dữ liệu của đơn vị đó. ` +
      `Chỉ khôi phục nếu bạn chắc chắn, và xác nhận đúng mã đơn vị ${unit ? unit.code : '(để trống)'}.`,
    unitColumn: 'Đơn vị',
    othersTitle: 'Bản sao lưu của cơ sở dữ liệu khác trong cùng thư mục',
    othersLead: 'Các bản này là của một tệp dữ liệu khác đặt cùng thư mục (ví dụ dữ liệu của đơn vị khác). Không dùng để khôi phục cho đơn vị này, trừ khi bạn chắc chắn.',
    unitOf: (unit: { name: string; code: string } | null) => (unit ? `${unit.name} (mã ${unit.code})` : 'Chưa khai báo đơn vị'),
    confirmForeign: (unit: { name: string; code: string } | null) =>
      `Đây là dữ liệu của ${unit ? `"${unit.name}" (mã ${unit.code})` : 'một đơn vị chưa khai báo'}, không phải của đơn vị đang mở. Khôi phục sẽ thay toàn bộ dữ liệu hiện tại. Nhập mã đơn vị ${unit ? `"${unit.code}"` : ''} để xác nhận:`,
    confirmCode: 'Mã đơn vị để xác nhận',
    cliNeedsConfirm: (unit: { name: string; code: string } | null) =>
      `Thêm --confirm-unit ${unit ? unit.code : '""'} nếu bạn chắc chắn muốn thay dữ liệu hiện tại bằng dữ liệu của ${unit ? `"${unit.name}"` : 'đơn vị đó'}.`,
  },

  text: {
    control: 'Chứa ký tự điều khiển không hợp lệ (ký tự ẩn). Hãy gõ lại nội dung thay vì dán.',
    bidi: 'Chứa ký tự điều khiển hướng chữ (ví dụ U+202E) làm chữ hiển thị khác với nội dung thật. Hãy gõ lại nội dung thay vì dán.',
    invisible: 'Chứa ký tự vô hình (khoảng trắng độ rộng 0, gạch nối mềm…). Hãy gõ lại nội dung thay vì dán.',
    privateUse: 'Chứa ký tự riêng của phông chữ (vùng dùng riêng), không hiển thị được trên máy khác.',
    pictograph: 'Không được dùng biểu tượng cảm xúc (emoji) hoặc hình ký hiệu trong tên và số hiệu văn bản.',
    tooLong: (max: number, length: number) => `Quá dài: ${length.toLocaleString('vi-VN')} ký tự (tối đa ${max.toLocaleString('vi-VN')}). Hãy rút gọn; ATTK không tự cắt bớt.`,
    impossibleDate: (text: string) => `Ngày "${text}" không có thật (ví dụ 31/02). Hãy nhập lại theo dạng dd/mm/yyyy.`,
  },

  db: {
    full: 'Ổ đĩa đầy: ATTK không lưu được thay đổi vừa rồi. Dữ liệu đã có vẫn được giữ nguyên, không bị hỏng. Hãy giải phóng dung lượng ổ đĩa (xóa tệp không cần, dọn thùng rác) rồi thử lại.',
    readOnly: (file: string) =>
      `Tệp dữ liệu ${file ? `"${file}" ` : ''}chỉ cho phép đọc (tệp đặt thuộc tính Read-only, thư mục không có quyền ghi, hoặc USB/thẻ nhớ bị khóa ghi). ` +
      'ATTK không mở để tránh mất những gì bạn nhập. Hãy bỏ chọn "Read-only" trong Properties của tệp, hoặc chép tệp sang thư mục có quyền ghi (ví dụ Tài liệu) rồi mở lại; hoặc nhờ người quản trị máy cấp quyền ghi.',
    busy: 'Cơ sở dữ liệu đang bận: một chương trình ATTK khác (cửa sổ ATTK hoặc "attk serve") đang ghi vào cùng tệp. Chưa có gì bị thay đổi. Hãy đợi vài giây rồi thử lại, hoặc đóng chương trình kia.',
    io: 'Lỗi đọc/ghi ổ đĩa khi lưu dữ liệu. Chưa có gì bị thay đổi. Hãy kiểm tra ổ đĩa (hoặc USB) rồi thử lại; nếu lỗi lặp lại, hãy sao lưu ngay sang ổ khác.',
    corrupt: 'Tệp dữ liệu bị hỏng. Hãy đóng ATTK và khôi phục bản sao lưu gần nhất (màn hình Sao lưu, hoặc lệnh attk restore).',
    cantOpen: (file: string) => `Không mở được tệp dữ liệu "${file}": thư mục không tồn tại hoặc không truy cập được.`,
    logged: (path: string) => `Chi tiết kỹ thuật đã được ghi vào ${path}.`,
  },

  files: {
    tooLarge: (name: string, size: number, limit: number) =>
      `Tệp "${name}" quá lớn: ${(size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB (giới hạn ${Math.round(limit / 1024 / 1024)} MB). Không có gì được nhập. Hãy xóa các trang tính, hình ảnh không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn.`,
    dataFolder: 'thư mục dữ liệu của ATTK',
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
