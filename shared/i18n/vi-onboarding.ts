// Strings of the first-run path on Tổng quan (issue 18): staff → systems → accounts → campaign.

export const viOnboarding = {
  title: 'Bắt đầu sử dụng ATTK',
  lead: 'Làm lần lượt các bước sau. Mục này tự ẩn khi mọi bước đã xong.',
  done: 'Đã xong',
  todo: 'Chưa làm',
  next: 'Làm bước này',
  steps: {
    people: { title: 'Nhập danh sách cán bộ', hint: 'Thêm từng người hoặc nhập từ tệp Excel.', link: 'Mở Cán bộ' },
    systems: { title: 'Kiểm tra các hệ thống phần mềm', hint: 'Tên hệ thống và chu kỳ đổi mật khẩu, trong Cài đặt.', link: 'Mở danh sách hệ thống' },
    accounts: { title: 'Nhập tài khoản của cán bộ', hint: 'Mỗi tài khoản gắn với một cán bộ (hoặc dùng chung).', link: 'Mở Tài khoản' },
    campaign: { title: 'Tạo và bắt đầu đợt rà soát', hint: 'Theo văn bản chỉ đạo; bấm "Bắt đầu thực hiện" để ghi nhận xác nhận.', link: 'Mở Đợt rà soát' },
  },
  counts: {
    people: (n: number) => `${n.toLocaleString('vi-VN')} cán bộ`,
    systems: (n: number) => `${n.toLocaleString('vi-VN')} hệ thống đang dùng`,
    accounts: (n: number) => `${n.toLocaleString('vi-VN')} tài khoản`,
    campaign: (started: number, draft: number) =>
      started > 0 ? `${started.toLocaleString('vi-VN')} đợt đã bắt đầu` : draft > 0 ? `${draft.toLocaleString('vi-VN')} đợt đang là dự thảo — chưa bắt đầu` : 'Chưa có đợt nào',
  },
  todoNotReady: 'Chưa đủ dữ liệu để theo dõi: hãy hoàn tất các bước "Bắt đầu sử dụng ATTK" ở trên.',
  draftNote: 'Đợt này đang là dự thảo: bấm "Bắt đầu thực hiện" (trong Đợt rà soát) để bắt đầu ghi nhận đổi mật khẩu.',
};
