// Strings of the reports: the Excel file, the signed report, the cancellation request.
const pad = (n: number) => String(n).padStart(2, '0');

/** "Đống Đa, ngày 05 tháng 01 năm 2024" — days < 10 and months 1–2 take a leading zero (Decree 30). */
function dateLine(place: string, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? pad(m) : String(m);
  return `${place || '……'}, ngày ${pad(d)} tháng ${month} năm ${y}`;
}

export const viReports = {
  nav: 'Báo cáo',
  title: 'Báo cáo gửi cơ quan cấp trên',
  dateLine,
  numberPrefix: 'Số: ',
  basis: (number: string, date: string, issuer: string) =>
    `(Thực hiện ${/^(công văn|văn bản|quyết định|kế hoạch|thông báo|chỉ thị)/i.test(number) ? '' : 'Công văn số '}${number}${date ? ` ngày ${date}` : ''}${issuer ? ` của ${issuer}` : ''})`,
  period: (start: string, deadline: string) => `Thời gian thực hiện: từ ${start} đến ${deadline}`,
  summaryTitle: 'BẢNG TỔNG HỢP KẾT QUẢ RÀ SOÁT, THAY ĐỔI MẬT KHẨU TÀI KHOẢN',
  accountsTitle: 'DANH SÁCH TÀI KHOẢN TRONG PHẠM VI RÀ SOÁT',
  cancellationsTitle: 'DANH SÁCH TÀI KHOẢN ĐỀ NGHỊ HỦY/ĐIỀU CHỈNH (CÁN BỘ ĐÃ CHUYỂN CÔNG TÁC, NGHỈ HƯU, THÔI VIỆC)',
  sheets: { summary: 'Tổng hợp', accounts: 'Tài khoản', devices: 'Thiết bị', cancellations: 'Đề nghị hủy TK' },
  summaryColumns: ['STT', 'Hệ thống / phần mềm', 'Tổng số tài khoản', 'TK quản trị', 'TK người dùng', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi', 'Đề nghị hủy'],
  accountColumns: ['STT', 'Họ và tên', 'Chức vụ', 'Bộ phận', 'Đơn vị', 'Hệ thống', 'Loại TK', 'Tên đăng nhập', 'Ngày đổi gần nhất', 'Hạn tiếp theo', 'Trạng thái', 'Ghi chú'],
  cancellationColumns: ['STT', 'Họ và tên', 'Chức vụ', 'Bộ phận', 'Đơn vị', 'Tình trạng', 'Từ ngày', 'Hệ thống', 'Cơ quan quản lý', 'Tên đăng nhập', 'Loại TK', 'Trạng thái TK'],
  total: 'Tổng cộng',
  preparer: 'NGƯỜI LẬP BIỂU',
  changedOnNote: (d: string) => `Đổi ngày ${d}`,
  fingerprintLine: (fp: string) => `Mã xác thực tệp (khóa ký của đơn vị): ${fp}`,
  fileName: (unitCode: string, kind: string, date: string) => `ATTK_${kind}_${unitCode}_${date}.xlsx`,
  verify: {
    notAttk: 'Tệp không phải báo cáo xuất từ ATTK (không có phần dữ liệu đã ký).',
    schema: (found: unknown, expected: number) => `Phiên bản dữ liệu của tệp (${String(found)}) không được hỗ trợ (cần ${expected}).`,
    payload: 'Phần dữ liệu đã ký bị hỏng hoặc không đầy đủ.',
    signature: 'Chữ ký số không hợp lệ: tệp đã bị sửa sau khi xuất hoặc không do ATTK của đơn vị tạo ra.',
    cells: 'Nội dung các trang tính đã bị thay đổi sau khi xuất (mã băm không khớp).',
    counts: (what: string, stated: number, found: number) => `Số dòng "${what}" không khớp: tệp ghi ${stated}, thực có ${found}.`,
    fingerprint: 'Mã xác thực trong tệp không khớp với khóa ký.',
  },
  exportJob: 'Xuất báo cáo',
  draftCampaign: 'Đợt rà soát còn ở dạng dự thảo: hãy bắt đầu thực hiện trước khi xuất báo cáo.',
  fileMissing: (path: string) => `Không tìm thấy tệp đã xuất: ${path}.`,
  fileChanged: (name: string) => `Tệp ${name} đã bị thay đổi sau khi xuất (mã băm không khớp).`,
  noCampaign: 'Chưa chọn đợt rà soát.',
};
