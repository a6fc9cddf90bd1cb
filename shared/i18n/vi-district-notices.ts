// The receiving office: each unit's data connections over site-to-site VPN (Rule 7, seed 000) and
// security-feature checks (Rule 8, seed 001), as its signed file states them (issue 21).
const n = (x: number) => x.toLocaleString('vi-VN');

export const viDistrictNotices = {
  title: 'Kết nối dữ liệu qua VPN site-to-site và kiểm tra tính năng bảo mật theo đơn vị',
  lead: 'Số liệu theo tệp báo cáo hiện hành của từng đơn vị. Kết nối: với các hệ thống bắt buộc kết nối qua giao thức VPN Site to Site.',
  groupConnections: 'Kết nối, chia sẻ dữ liệu',
  groupSecurity: 'Kiểm tra tính năng bảo mật',
  colUnit: 'Đơn vị',
  colConnections: 'Số kết nối',
  colSiteToSite: 'Qua VPN site-to-site',
  colNonCompliant: 'Chưa đạt',
  colNotChecked: 'Chưa kiểm tra trong kỳ',
  colSystems: 'Hệ thống phải kiểm tra',
  colOverdue: 'Chưa kiểm tra / quá hạn',
  colUnused: 'Có tính năng chưa dùng',
  colLastCheck: 'Lần kiểm tra gần nhất',
  colResult: 'Kết quả',
  result: { ok: 'Đạt', flagged: 'Chưa đạt', none: 'Không có hệ thống phải kiểm tra' },
  notStated: 'Tệp không nêu',
  neverChecked: 'Chưa kiểm tra',
  total: 'Tổng cộng',
  totalUnits: (nonCompliant: number, flagged: number) =>
    `${n(nonCompliant)} đơn vị có kết nối chưa đạt; ${n(flagged)} đơn vị có hệ thống chưa kiểm tra đúng hạn hoặc có tính năng bảo mật chưa dùng.`,
  empty: 'Chưa có đơn vị nào gửi tệp báo cáo.',
  sheet: 'Kết nối, bảo mật',
  sheetTitle: 'KẾT NỐI DỮ LIỆU QUA VPN SITE-TO-SITE VÀ KIỂM TRA TÍNH NĂNG BẢO MẬT CỦA CÁC ĐƠN VỊ',
  sheetColumns: [
    'STT', 'Đơn vị', 'Mã', 'Số kết nối', 'Qua VPN site-to-site', 'Kết nối chưa đạt', 'Chưa kiểm tra trong kỳ',
    'Hệ thống phải kiểm tra tính năng bảo mật', 'Đạt', 'Chưa kiểm tra / quá hạn', 'Có tính năng chưa dùng', 'Lần kiểm tra gần nhất', 'Kết quả',
  ] as const,
  /** The campaign file going down carries each system's "connections must use site-to-site VPN". */
  campaignFile: {
    required: 'kết nối dữ liệu bắt buộc qua VPN site-to-site',
    willTurnOn: 'sẽ bật yêu cầu kết nối dữ liệu qua VPN site-to-site theo tệp',
    willTurnOff: 'sẽ tắt yêu cầu kết nối dữ liệu qua VPN site-to-site theo tệp',
    applied: (name: string, on: boolean) => `${name}: ${on ? 'đã bật' : 'đã tắt'} yêu cầu kết nối dữ liệu qua VPN site-to-site theo tệp đợt rà soát.`,
    audit: (name: string, on: boolean, office: string) =>
      `${on ? 'Bật' : 'Tắt'} yêu cầu kết nối dữ liệu qua VPN site-to-site của hệ thống ${name} theo tệp đợt rà soát của ${office}`,
  },
} as const;
