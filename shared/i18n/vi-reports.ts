// Strings of the reports: the Excel file, the signed report, the cancellation request.
const pad = (n: number) => String(n).padStart(2, '0');
const n = (x: number) => x.toLocaleString('vi-VN');

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
  // Signed report, section III (devices).
  summaryColumns: [
    'STT', 'Hệ thống / phần mềm', 'Tổng số tài khoản', 'TK quản trị', 'TK người dùng', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi', 'Đề nghị hủy',
    'Thiết bị sử dụng', 'Đã kiểm tra', 'Diệt virus có bản quyền', 'Nhiễm mã độc chưa xử lý', 'Đã xử lý mã độc',
  ],
  devicesTitle: 'DANH SÁCH THIẾT BỊ SỬ DỤNG CÁC PHẦN MỀM VÀ KẾT QUẢ KIỂM TRA GẦN NHẤT',
  deviceColumns: ['STT', 'Người sử dụng', 'Đơn vị', 'Loại', 'Hệ điều hành', 'Mã tài sản', 'Vị trí', 'Ngày kiểm tra', 'Phần mềm diệt virus', 'Bản quyền', 'Hạn bản quyền', 'Tình trạng'],
  deviceNote: (months: number) => `Thiết bị: kiểm tra trong ${months} tháng gần nhất; "có bản quyền" theo lần kiểm tra gần nhất, còn hạn.`,
  remediatedOn: (d: string) => `đã xử lý ngày ${d}`,
  accountColumns: ['STT', 'Họ và tên', 'Chức vụ', 'Bộ phận', 'Đơn vị', 'Hệ thống', 'Loại TK', 'Tên đăng nhập', 'Ngày đổi gần nhất', 'Hạn tiếp theo', 'Trạng thái', 'Ghi chú'],
  cancellationColumns: ['STT', 'Họ và tên', 'Chức vụ', 'Bộ phận', 'Đơn vị', 'Tình trạng', 'Từ ngày', 'Hệ thống', 'Cơ quan quản lý', 'Tên đăng nhập', 'Loại TK', 'Trạng thái TK'],
  total: 'Tổng cộng',
  preparer: 'NGƯỜI LẬP BIỂU',
  amendmentsTitle: 'Điều chỉnh sau khi đã báo cáo:',
  amendmentLine: (at: string, actor: string, summary: string, reason: string) => `- ${at} (${actor}): ${summary}. Lý do: ${reason}`,
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
  screen: {
    title: 'Báo cáo',
    pickCampaign: 'Đợt rà soát',
    excelTitle: 'Tệp Excel gửi cơ quan tiếp nhận',
    excelHint: 'Tệp có chữ ký số của đơn vị: cơ quan tiếp nhận kiểm tra được tệp không bị sửa sau khi xuất.',
    showLogins: 'Hiện đầy đủ tên đăng nhập (mặc định che một phần)',
    export: 'Xuất tệp Excel',
    exportCancellations: 'Xuất danh sách đề nghị hủy (Excel)',
    exporting: 'Đang xuất…',
    savedTo: (path: string) => `Đã lưu vào ${path}`,
    download: 'Tải về / Lưu bản sao',
    printReport: 'In báo cáo (để ký)',
    printCancellations: 'In văn bản đề nghị hủy tài khoản',
    history: 'Lịch sử xuất báo cáo',
    historyEmpty: 'Chưa xuất báo cáo nào cho đợt này.',
    colTime: 'Thời gian',
    colKind: 'Loại',
    colFile: 'Tệp',
    colBy: 'Người xuất',
    colFigures: 'Đã đổi / Tổng số',
    kinds: { report: 'Báo cáo', cancellations: 'Đề nghị hủy TK' },
    fingerprint: (fp: string) => `Mã xác thực (in trên báo cáo giấy): ${fp}`,
    noCampaigns: 'Chưa có đợt rà soát nào đã bắt đầu.',
    status: 'Trạng thái đợt',
    manageCampaign: 'Đánh dấu đã báo cáo / đã gửi',
  },
  print: {
    reportTitle: 'BÁO CÁO',
    recipient: (r: string) => `Kính gửi: ${r}`,
    opening: (directive: string, unit: string) => `Thực hiện ${directive}, ${unit} báo cáo kết quả thực hiện như sau:`,
    basisTitle: 'Căn cứ:',
    s1: 'I. CÔNG TÁC TRIỂN KHAI',
    s1Body: (unit: string, start: string, deadline: string) =>
      `${unit} đã phổ biến văn bản chỉ đạo đến toàn thể cán bộ, công chức, viên chức, người lao động; rà soát danh sách tài khoản quản trị và tài khoản người dùng các phần mềm ứng dụng; tổ chức cho các cá nhân thay đổi mật khẩu và ký xác nhận (không ghi mật khẩu) trong thời gian từ ngày ${start} đến ngày ${deadline}.`,
    s2: 'II. KẾT QUẢ RÀ SOÁT, THAY ĐỔI MẬT KHẨU',
    s2Body: (total: number, done: number, pct: number, late: number, missing: number) =>
      `Tổng số ${n(total)} tài khoản trong phạm vi rà soát; đã thay đổi mật khẩu đúng hạn ${n(done)} tài khoản (${pct}%); thay đổi muộn ${n(late)} tài khoản; chưa thay đổi ${n(missing)} tài khoản. Chi tiết theo từng phần mềm:`,
    s3: 'III. KIỂM TRA THIẾT BỊ, KẾT NỐI DỮ LIỆU VÀ TÍNH NĂNG BẢO MẬT',
    s3Devices: '1. Thiết bị (phần mềm diệt virus, mã độc)',
    s3Body: (devices: number, checked: number, licensed: number, infected: number, remediated: number, months: number) =>
      `Có ${n(devices)} thiết bị sử dụng các phần mềm trên; đã kiểm tra trong ${months} tháng gần nhất ${n(checked)} thiết bị; có phần mềm diệt virus bản quyền còn hạn ${n(licensed)} thiết bị; ` +
      (infected + remediated === 0
        ? 'không phát hiện thiết bị nhiễm mã độc.'
        : `phát hiện nhiễm mã độc: đã diệt virus và cài đặt lại hệ điều hành ${n(remediated)} thiết bị, còn ${n(infected)} thiết bị đang xử lý; các tài khoản của người sử dụng đã được yêu cầu đổi mật khẩu sau khi xử lý.`),
    s4: 'IV. TÀI KHOẢN CỦA CÁN BỘ ĐÃ CHUYỂN CÔNG TÁC, NGHỈ HƯU, THÔI VIỆC',
    s4Body: (count: number) =>
      count === 0
        ? 'Không có tài khoản nào của cán bộ đã chuyển công tác, nghỉ hưu, thôi việc còn hoạt động.'
        : `Có ${n(count)} tài khoản của cán bộ đã chuyển công tác, nghỉ hưu, thôi việc cần đề nghị hủy hoặc điều chỉnh (chi tiết tại Phụ lục kèm theo).`,
    s5: 'V. ĐỀ XUẤT, KIẾN NGHỊ',
    amendTitle: 'ĐIỀU CHỈNH SAU KHI ĐÃ BÁO CÁO',
    s5Body: (count: number) =>
      count === 0
        ? 'Đơn vị tiếp tục đôn đốc việc thay đổi mật khẩu định kỳ theo quy định.'
        : `Đề nghị cơ quan quản lý các phần mềm xem xét hủy, điều chỉnh ${n(count)} tài khoản nêu tại mục IV; đơn vị tiếp tục đôn đốc việc thay đổi mật khẩu định kỳ theo quy định.`,
    closing: (unit: string) => `Trên đây là báo cáo kết quả thực hiện của ${unit}./.`,
    recipients: 'Nơi nhận:',
    recipientsList: (r: string) => [`- Như trên${r ? '' : ''};`, '- Lưu: VT.'],
    appendix: 'Phụ lục',
    appendixTitle: 'DANH SÁCH TÀI KHOẢN ĐỀ NGHỊ HỦY, ĐIỀU CHỈNH',
    appendixRef: (no: string, date: string) => `(Kèm theo Báo cáo số ${no} ngày ${date})`,
    fingerprint: (fp: string) => `Mã xác thực tệp dữ liệu kèm theo: ${fp}`,
    tableSystem: 'Phần mềm',
    cancelVv: 'V/v đề nghị hủy, điều chỉnh tài khoản của cán bộ đã chuyển công tác, nghỉ hưu, thôi việc',
    cancelBody: (unit: string, count: number) =>
      `Qua rà soát, ${unit} có ${n(count)} tài khoản đăng nhập các phần mềm ứng dụng của cán bộ, công chức đã chuyển công tác, nghỉ hưu hoặc thôi việc. Để bảo đảm an toàn thông tin, ${unit} đề nghị quý cơ quan xem xét hủy hoặc điều chỉnh các tài khoản sau:`,
    cancelNone: (unit: string) =>
      `Qua rà soát, ${unit} không có tài khoản đăng nhập nào của cán bộ, công chức đã chuyển công tác, nghỉ hưu hoặc thôi việc cần đề nghị hủy hoặc điều chỉnh.`,
    cancelClosing: (unit: string) => `${unit} trân trọng đề nghị./.`,
    print: 'In / Lưu PDF',
    back: 'Quay lại',
    blankNumber: '\u00a0'.repeat(8),
  },
  exportJob: 'Xuất báo cáo',
  draftCampaign: 'Đợt rà soát còn ở dạng dự thảo: hãy bắt đầu thực hiện trước khi xuất báo cáo.',
  fileMissing: (path: string) => `Không tìm thấy tệp đã xuất: ${path}.`,
  fileChanged: (name: string) => `Tệp ${name} đã bị thay đổi sau khi xuất (mã băm không khớp).`,
  noCampaign: 'Chưa chọn đợt rà soát.',
};
