// Strings of the shared form machinery (issue 18): every error at its field, with the label the
// clerk sees, never an API key; plus labels for input fields that had none.

export const viForms = {
  /** Labels of contract input fields that other feature files do not name. */
  fields: {
    directiveNumber: 'Số văn bản chỉ đạo',
    directiveDate: 'Ngày văn bản',
    issuer: 'Cơ quan ban hành',
    subject: 'Trích yếu / nội dung',
    systemIds: 'Hệ thống',
    legalIds: 'Căn cứ pháp lý',
    startDate: 'Ngày bắt đầu',
    deadline: 'Hạn hoàn thành',
    recipient: 'Nơi nhận báo cáo',
    reportNumber: 'Số báo cáo',
    reportedOn: 'Ngày báo cáo',
    signer: 'Người ký',
    sentOn: 'Ngày gửi',
    number: 'Số, ký hiệu văn bản',
    issuedOn: 'Ngày ban hành',
    title: 'Trích yếu',
    effectiveFrom: 'Có hiệu lực từ ngày',
    effectiveTo: 'Hết hiệu lực từ ngày',
    accountId: 'Tài khoản',
    accountIds: 'Các tài khoản',
    changedOn: 'Ngày đổi mật khẩu',
    confirmedBy: 'Người xác nhận',
    method: 'Hình thức xác nhận',
    campaignId: 'Đợt rà soát',
    amendmentReason: 'Lý do điều chỉnh',
    dueSoonDays: 'Báo sắp đến hạn trước (ngày)',
    showLogins: 'Hiện tên đăng nhập',
    stageId: 'Tệp đã tải lên',
    sheet: 'Trang tính',
    headerRow: 'Dòng tiêu đề',
    mapping: 'Ghép cột',
    duplicates: 'Xử lý dòng trùng',
    receivingMode: 'Chế độ cơ quan tiếp nhận',
    officeLevel: 'Cấp của cơ quan',
    officeAddress: 'Địa chỉ cơ quan',
    contact: 'Người liên hệ',
    unitCode: 'Mã đơn vị',
    unitIds: 'Các đơn vị',
    files: 'Tệp',
    fileName: 'Tên tệp',
    dataBase64: 'Nội dung tệp',
    confirmedKeys: 'Khóa đã xác nhận',
    trustNewKeys: 'Tin cậy khóa mới',
    confirmUnitCode: 'Mã đơn vị (xác nhận khôi phục)',
    // The report's editable narrative (vi-documents.ts names them on its form).
    kinhGui: 'Kính gửi',
    basis: 'Các dòng "Căn cứ"',
    section1: 'Mục I. Công tác triển khai',
    section5: 'Mục V. Đề xuất, kiến nghị',
    recipients: 'Nơi nhận',
    signerTitle: 'Chức danh người ký',
    signerName: 'Họ tên người ký',
  } as Record<string, string>,
  /** Shown on top of a form that was not saved, naming every field to fix. */
  summary: (items: { label: string; message: string }[]) =>
    items.length === 1
      ? `Chưa lưu — ${items[0]!.label}: ${items[0]!.message}`
      : `Chưa lưu: cần sửa ${items.length} ô — ${items.map((i) => `"${i.label}"`).join(', ')}.`,
  /** A field the form does not show by name. */
  unnamedField: 'Dữ liệu nhập',
  badEmail: 'Địa chỉ thư điện tử không hợp lệ (VD: vanthu@hanoi.gov.vn).',
};
