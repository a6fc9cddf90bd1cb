// Strings of the report figures (issue 14): one state per account, devices counted once, role
// split, the report's identity, and the confirm dialog's "will not count" warnings.
const n = (x: number) => x.toLocaleString('vi-VN');

export const viFigures = {
  accountsSection: 'I. TÀI KHOẢN (mỗi tài khoản có một trạng thái; các trạng thái cộng lại bằng tổng số)',
  accountColumns: ['STT', 'Hệ thống / loại tài khoản', 'Tổng số tài khoản', 'Đề nghị hủy', 'Phải đổi MK sau xử lý mã độc', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi'],
  roleRow: { admin: '– Tài khoản quản trị', user: '– Tài khoản người dùng' },
  devicesSection: 'II. THIẾT BỊ (mỗi thiết bị tính một lần, dù dùng cho nhiều phần mềm)',
  deviceColumns: (months: number) => [
    'STT', 'Nội dung', 'Thiết bị sử dụng', `Đã kiểm tra trong ${months} tháng`, 'Diệt virus bản quyền còn hạn', 'Nhiễm mã độc chưa xử lý', 'Đã xử lý mã độc (diệt virus, cài lại HĐH)',
  ],
  deviceTotalRow: 'Tổng số thiết bị',
  bySystemTitle: 'Chi tiết theo phần mềm (một thiết bị dùng cho nhiều phần mềm được tính ở từng phần mềm; không cộng các dòng này)',
  deviceScopeNote: (months: number) =>
    `Thiết bị đang sử dụng (hoặc còn nhiễm mã độc) cho ít nhất một phần mềm trong phạm vi; "đã kiểm tra": lần kiểm tra gần nhất trong ${months} tháng; "bản quyền còn hạn": trong số đã kiểm tra.`,
  asOf: (today: string, number: string, date: string) => `Số liệu tính đến ngày ${today} (xuất lại sau Báo cáo số ${number} ngày ${date}).`,
  noAmendments: 'Không có điều chỉnh nào kể từ ngày báo cáo.',
  // Thiết bị sheet
  deviceSheetColumns: [
    'STT', 'Người sử dụng', 'Đơn vị', 'Loại', 'Hệ điều hành', 'Mã tài sản', 'Vị trí', 'Phần mềm sử dụng', 'Ngày kiểm tra', 'Phần mềm diệt virus', 'Bản quyền',
    'Hạn bản quyền', 'Mã độc', 'Cài lại HĐH', 'Tình trạng',
  ],
  malwareNone: 'Không',
  malwareFound: (d: string, stealing: boolean) => `Phát hiện ngày ${d}; ${stealing ? 'đánh cắp thông tin đăng nhập' : 'không đánh cắp thông tin đăng nhập'}`,
  reinstalledOn: (d: string) => `Đã cài lại ngày ${d}`,
  notReinstalled: 'Chưa',
  overdueCheck: (d: string) => `Quá hạn kiểm tra (lần cuối ${d})`,
  // Print view
  s2Body: (total: number, toCancel: number, mustChange: number, done: number, pct: number, late: number, missing: number) =>
    `Tổng số ${n(total)} tài khoản trong phạm vi rà soát, trong đó: đề nghị hủy ${n(toCancel)} tài khoản (cán bộ đã chuyển công tác, nghỉ hưu, thôi việc); ` +
    `phải đổi mật khẩu sau khi xử lý mã độc ${n(mustChange)} tài khoản; đã thay đổi mật khẩu đúng hạn ${n(done)} tài khoản (${pct}%); ` +
    `thay đổi muộn ${n(late)} tài khoản; chưa thay đổi ${n(missing)} tài khoản.`,
  roleBody: (role: string, total: number, toCancel: number, mustChange: number, done: number, late: number, missing: number) =>
    `${role}: ${n(total)} tài khoản (đề nghị hủy ${n(toCancel)}; phải đổi sau xử lý mã độc ${n(mustChange)}; đúng hạn ${n(done)}; muộn ${n(late)}; chưa đổi ${n(missing)}).`,
  roleName: { admin: 'Tài khoản quản trị', user: 'Tài khoản người dùng' },
  s2Detail: 'Chi tiết theo từng phần mềm:',
  s3Body: (devices: number, checked: number, licensed: number, infected: number, remediated: number, months: number) =>
    `Có ${n(devices)} thiết bị sử dụng các phần mềm trên (mỗi thiết bị tính một lần); đã kiểm tra trong ${months} tháng gần nhất ${n(checked)} thiết bị; ` +
    `trong đó có phần mềm diệt virus bản quyền còn hạn ${n(licensed)} thiết bị; ` +
    (infected + remediated === 0
      ? 'không phát hiện thiết bị nhiễm mã độc.'
      : `phát hiện nhiễm mã độc: đã diệt virus và cài đặt lại hệ điều hành ${n(remediated)} thiết bị, còn ${n(infected)} thiết bị nhiễm mã độc chưa xử lý; các tài khoản của người sử dụng phải đổi mật khẩu sau khi xử lý.`),
  // Confirm dialog: a confirmation that will not count
  willNotCount: 'Lần đổi mật khẩu này sẽ KHÔNG được tính cho đợt rà soát:',
  reason: {
    before_start: (login: string, start: string) => `${login}: ngày đổi trước ngày bắt đầu đợt rà soát (${start}).`,
    infected: (login: string, tag: string, since: string) =>
      `${login}: thiết bị ${tag} của người sử dụng đang nhiễm mã độc (phát hiện ngày ${since}) — cần diệt virus và cài đặt lại hệ điều hành trước, sau đó mới đổi mật khẩu.`,
    before_remediation: (login: string, tag: string, since: string) =>
      `${login}: ngày đổi trước ngày xử lý mã độc trên thiết bị ${tag} (${since}) — cần đổi lại mật khẩu từ ngày ${since}.`,
  },
  moreReasons: (count: number) => `… và ${n(count)} tài khoản khác.`,
  savedNotCounted: (login: string) => `Đã ghi nhận lần đổi mật khẩu của ${login}, nhưng lần này không được tính cho đợt rà soát.`,
  // The receiving office's consolidated workbook (issue 15 item 5): the same definitions as a unit's report.
  district: {
    unitsSection: 'I. TÀI KHOẢN THEO ĐƠN VỊ (mỗi tài khoản một trạng thái; các trạng thái cộng lại bằng tổng số)',
    unitColumns: ['STT', 'Đơn vị', 'Mã', 'Ngày nhận', 'Tình trạng', 'Tổng số tài khoản', 'Đề nghị hủy', 'Phải đổi MK sau xử lý mã độc', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi', 'Báo cáo số, ngày (theo tệp đã nhận)'],
    systemColumns: ['STT', 'Hệ thống / phần mềm', 'Số đơn vị', 'Tổng số tài khoản', 'Đề nghị hủy', 'Phải đổi MK sau xử lý mã độc', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi'],
    devicesSection: 'III. THIẾT BỊ THEO ĐƠN VỊ (mỗi thiết bị tính một lần trong đơn vị của nó)',
    deviceColumns: ['STT', 'Đơn vị', 'Mã', 'Thiết bị sử dụng', 'Đã kiểm tra trong thời hạn', 'Diệt virus bản quyền còn hạn', 'Nhiễm mã độc chưa xử lý', 'Đã xử lý mã độc (diệt virus, cài lại HĐH)'],
    note: 'Số liệu theo tệp báo cáo có chữ ký số hiện hành của từng đơn vị; định nghĩa như báo cáo của đơn vị. Tệp báo cáo phiên bản cũ không có số liệu thiết bị: để trống.',
  },
  // The office's own printed report (DistrictReportPrint): the same five states, adding up to the total.
  office: {
    s3Body: (total: number, toCancel: number, mustChange: number, done: number, pct: number, late: number, missing: number) =>
      `Tổng số ${n(total)} tài khoản trong phạm vi rà soát của các đơn vị đã nộp, trong đó: đề nghị hủy ${n(toCancel)} tài khoản; ` +
      `phải đổi mật khẩu sau khi xử lý mã độc ${n(mustChange)} tài khoản; đã thay đổi mật khẩu đúng hạn ${n(done)} tài khoản (${pct}%); ` +
      `thay đổi muộn ${n(late)} tài khoản; chưa thay đổi ${n(missing)} tài khoản.`,
    devicesBody: (devices: number, checked: number, licensed: number, infected: number, remediated: number) =>
      `Các đơn vị đã nộp có ${n(devices)} thiết bị sử dụng các phần mềm trên (mỗi thiết bị tính một lần trong đơn vị của nó); đã kiểm tra trong thời hạn ${n(checked)} thiết bị; ` +
      `có phần mềm diệt virus bản quyền còn hạn ${n(licensed)} thiết bị; còn ${n(infected)} thiết bị nhiễm mã độc chưa xử lý; đã diệt virus và cài đặt lại hệ điều hành ${n(remediated)} thiết bị.`,
    unitColumns: ['STT', 'Đơn vị', 'Ngày nhận', 'Tình trạng', 'Tổng TK', 'Đề nghị hủy', 'Phải đổi MK', 'Đúng hạn', 'Muộn', 'Chưa đổi'],
  },
  // The office's board (Tổng hợp → Theo dõi): each unit's report identity, role split and devices, from its signed file.
  board: {
    colReport: 'Báo cáo số',
    reportOn: (number: string, date: string) => `${number} ngày ${date}`,
    notNumbered: 'Chưa ghi số',
    colMustChange: 'Phải đổi MK',
    detailTitle: 'Tài khoản theo loại và thiết bị của từng đơn vị (theo tệp đã nhận)',
    detailNote: 'Mỗi tài khoản một trạng thái (cộng lại bằng tổng số); mỗi thiết bị tính một lần trong đơn vị của nó.',
    colRole: 'Loại tài khoản',
    role: { admin: 'Quản trị', user: 'Người dùng' },
    colDevices: 'Thiết bị',
    colChecked: 'Đã kiểm tra',
    colLicensed: 'Diệt virus bản quyền',
    colInfected: 'Nhiễm mã độc chưa xử lý',
    colRemediated: 'Đã xử lý mã độc',
    noDevices: 'Tệp phiên bản cũ: không có số liệu thiết bị',
    noFiles: 'Chưa nhận tệp nào.',
  },
};
