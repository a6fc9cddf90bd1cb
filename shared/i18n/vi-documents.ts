// Strings of the editable report narrative and the Word (.docx) documents.

export const viDocuments = {
  narrative: {
    title: 'Sửa lời văn báo cáo',
    open: 'Sửa lời văn',
    hint: 'Chỉ sửa được phần lời văn; số liệu, bảng và danh sách luôn lấy từ dữ liệu. Bản in, bản Word và bản PDF dùng cùng nội dung đã lưu.',
    kinhGui: 'Kính gửi',
    kinhGuiHint: 'Cơ quan nhận báo cáo (không cần gõ "Kính gửi:").',
    basis: 'Các dòng "Căn cứ"',
    basisHint: 'Mỗi dòng một văn bản; để trống nếu không cần.',
    section1: 'Mục I. Công tác triển khai',
    section5: 'Mục V. Đề xuất, kiến nghị',
    paragraphsHint: 'Mỗi dòng là một đoạn văn.',
    recipients: 'Nơi nhận',
    recipientsHint: 'Mỗi dòng một nơi nhận, bắt đầu bằng "- ", dòng cuối "- Lưu: VT…".',
    signerTitle: 'Chức danh người ký',
    signerTitleHint: 'VD: "TM. ỦY BAN NHÂN DÂN" và "CHỦ TỊCH" trên hai dòng.',
    signerName: 'Họ tên người ký',
    reset: 'Khôi phục lời văn mặc định',
    saved: 'Đã lưu lời văn báo cáo.',
    edited: 'Lời văn đã được sửa',
    sentLocked: 'Báo cáo của đợt này đã gửi: không sửa lời văn được nữa.',
    auditSummary: (fields: string[]) => (fields.length ? `Sửa lời văn báo cáo: ${fields.join(', ')}` : 'Khôi phục lời văn báo cáo mặc định'),
  },
  word: {
    download: 'Tải bản Word',
    preparing: 'Đang tạo bản Word…',
    fileName: (kind: string, unitCode: string, date: string) => `ATTK_${kind}_${unitCode}_${date}.docx`,
    signSheetTooLarge: (rows: number, max: number) =>
      `Phiếu xác nhận có ${rows.toLocaleString('vi-VN')} tài khoản, quá lớn cho một tệp Word (tối đa ${max.toLocaleString('vi-VN')}). Hãy in phiếu theo từng đơn vị: chọn đơn vị ở danh sách tài khoản của đợt rà soát rồi bấm "In phiếu xác nhận".`,
    kinds: { report: 'BaoCao', cancellations: 'CongVanHuyTK', 'sign-sheet': 'PhieuXacNhan' } as Record<string, string>,
  },
  cli: {
    formatKind: 'Định dạng không hợp lệ: dùng --format xlsx hoặc --format docx.',
    signSheetXlsx: 'Phiếu xác nhận chỉ xuất được bản Word: attk export sign-sheet --format docx …',
    docxDone: (out: string, pages: string) => `Đã xuất ${out}${pages}`,
  },
};
