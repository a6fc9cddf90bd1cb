// Every word the user sees, in Vietnamese, in one place (UI, errors, CLI, reports).
// A translation would be another object of the same shape.
import { viCampaigns } from './vi-campaigns';
import { viReports } from './vi-reports';
import { viEvaluation } from './vi-evaluation';
import { viImport } from './vi-import';
import { viDistrict } from './vi-district';
import { viDevices } from './vi-devices';
import { viReliability } from './vi-reliability';
import { viSigning } from './vi-signing';
import { viDocuments } from './vi-documents';
import { viConnections, viSecurity } from './vi-connections';
import { viDistrictNotices } from './vi-district-notices';
import { viWindows } from './vi-windows';
import { viFigures } from './vi-figures';
import { viSafety } from './vi-safety';
import { viTrust } from './vi-trust';
import { viForms } from './vi-forms';
import { viOnboarding } from './vi-onboarding';

export const vi = {
  windows: viWindows,
  campaigns: viCampaigns,
  reports: viReports,
  figures: viFigures,
  import: viImport,
  district: viDistrict,
  devices: viDevices,
  signing: viSigning,
  documents: viDocuments,
  connections: viConnections,
  security: viSecurity,
  districtNotices: viDistrictNotices,
  app: {
    name: 'ATTK - An toàn Tài khoản',
    shortName: 'ATTK',
    tagline: 'Quản lý an toàn tài khoản phần mềm dùng chung',
  },
  nav: {
    people: 'Cán bộ',
    accounts: 'Tài khoản',
    settings: 'Cài đặt',
  },
  common: {
    save: 'Lưu',
    saving: 'Đang lưu…',
    cancel: 'Hủy',
    close: 'Đóng',
    add: 'Thêm',
    edit: 'Sửa',
    search: 'Tìm kiếm',
    searchPlaceholder: 'Tìm (gõ không dấu cũng được)…',
    all: 'Tất cả',
    yes: 'Có',
    no: 'Không',
    loading: 'Đang tải…',
    none: '—',
    total: (n: number) => `${n.toLocaleString('vi-VN')} dòng`,
    results: (shown: number, total: number) =>
      `Hiển thị ${shown.toLocaleString('vi-VN')} / ${total.toLocaleString('vi-VN')}`,
    dateHint: 'dd/mm/yyyy',
    required: 'bắt buộc',
    saved: 'Đã lưu.',
    confirm: 'Xác nhận',
    back: 'Quay lại',
    next: 'Tiếp tục',
    finish: 'Hoàn tất',
    rowActions: 'Thao tác',
    select: 'Chọn',
  },
  errors: {
    notFound: (what: string, id: number | string) => `Không tìm thấy ${what} (mã ${id}).`,
    unknownMethod: (name: string) => `Chức năng không tồn tại: ${name}.`,
    internal: 'Đã xảy ra lỗi không mong muốn. Dữ liệu không bị thay đổi. Vui lòng thử lại hoặc liên hệ người hỗ trợ.',
    forbidden: 'Yêu cầu không hợp lệ hoặc không được phép.',
    invalidInput: 'Dữ liệu nhập không hợp lệ.',
    field: (label: string, message: string) => `${label}: ${message}`,
    required: 'Chưa nhập.',
    tooLong: (max: number) => `Quá dài (tối đa ${max} ký tự).`,
    tooShort: 'Chưa nhập.',
    invalidDate: 'Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy).',
    futureDate: 'Ngày không được sau hôm nay.',
    badNumber: 'Phải là số nguyên dương.',
    badChoice: 'Giá trị không nằm trong danh sách cho phép.',
    badType: 'Sai kiểu dữ liệu.',
    unknownField: (key: string) => `Trường không được phép: ${key}.`,
    controlChars: 'Chứa ký tự không hợp lệ.',
    duplicateLogin: (login: string, system: string) =>
      `Tên đăng nhập "${login}" đã có trên hệ thống ${system}.`,
    duplicateSystem: (name: string) => `Đã có hệ thống tên "${name}".`,
    duplicateUnitCode: (code: string) => `Mã đơn vị "${code}" đã được dùng.`,
    conflict: 'Dữ liệu bị trùng với bản ghi đã có.',
    statusDateRequired: 'Cần nhập ngày thay đổi trạng thái.',
    noHomeUnit: 'Chưa khai báo thông tin đơn vị. Hãy hoàn tất bước thiết lập ban đầu.',
    personHasAccounts: (n: number) => `Cán bộ này còn ${n} tài khoản.`,
    confirmFuture: 'Ngày đổi mật khẩu không được sau hôm nay.',
    confirmBeforeAccount: (login: string, createdOn: string) => `Ngày đổi mật khẩu của tài khoản ${login} trước ngày cấp tài khoản (${createdOn}).`,
    confirmCancelledAccount: (login: string) => `Tài khoản ${login} đã hủy, không thể xác nhận đổi mật khẩu.`,
    alreadyVoided: 'Xác nhận này đã bị hủy trước đó.',
    amendmentRequired: (campaigns: string) => `Đợt rà soát ${campaigns} đã báo cáo: thay đổi này là một điều chỉnh sau báo cáo, cần nhập lý do.`,
    campaignDates: 'Hạn hoàn thành phải từ ngày bắt đầu trở đi.',
    campaignLocked: 'Đợt rà soát đã báo cáo: không sửa trực tiếp được.',
    campaignStep: (from: string, to: string) => `Không thể chuyển đợt rà soát từ "${from}" sang "${to}".`,
    campaignStepDate: 'Ngày này không được trước ngày bắt đầu đợt rà soát và không được sau hôm nay.',
    legalSuperseded: 'Văn bản này đã có phiên bản mới hơn; hãy sửa phiên bản mới nhất.',
    dbFuture: (found: number, supported: number) =>
      `Cơ sở dữ liệu được tạo bởi phiên bản ATTK mới hơn (phiên bản dữ liệu ${found}, phiên bản này hỗ trợ đến ${supported}). Hãy cập nhật ATTK; tệp dữ liệu không bị thay đổi.`,
    dbNetworkPath: 'Không thể mở cơ sở dữ liệu trên ổ mạng. Hãy chép tệp về ổ đĩa của máy này.',
    dbCorrupt: (detail: string) => `Cơ sở dữ liệu bị hỏng: ${detail}. Tệp không bị ghi đè.`,
    dbOpen: (detail: string) => `Không mở được cơ sở dữ liệu: ${detail}.`,
  },
  fields: {
    // Field labels, keyed by the input field names used in the API contract.
    ...viForms.fields,
    ...viEvaluation.fields,
    ...viReliability.fields,
    ...viDevices.fields,
    ...viConnections.fields,
    ...viSecurity.fields,
    ...viSigning.fields,
    id: 'Mã',
    name: 'Tên',
    fullName: 'Họ và tên',
    position: 'Chức vụ',
    department: 'Bộ phận',
    staffType: 'Loại cán bộ',
    partyMember: 'Đảng viên',
    status: 'Trạng thái',
    statusDate: 'Ngày thay đổi',
    note: 'Ghi chú',
    unitId: 'Đơn vị',
    parentBody: 'Cơ quan chủ quản',
    code: 'Mã đơn vị',
    kind: 'Loại đơn vị',
    headName: 'Họ tên thủ trưởng',
    headTitle: 'Chức vụ thủ trưởng',
    signAuthority: 'Thẩm quyền ký',
    clerkName: 'Cán bộ phụ trách',
    placeName: 'Địa danh',
    reportSymbol: 'Ký hiệu báo cáo',
    recipientName: 'Cơ quan nhận báo cáo',
    recipientAddress: 'Địa chỉ nhận báo cáo',
    email: 'Thư điện tử',
    phone: 'Điện thoại',
    managingAgency: 'Cơ quan quản lý',
    adminIntervalMonths: 'Chu kỳ đổi mật khẩu (quản trị, tháng)',
    userIntervalMonths: 'Chu kỳ đổi mật khẩu (người dùng, tháng)',
    requiresLicensedAv: 'Bắt buộc phần mềm diệt virus có bản quyền',
    active: 'Đang sử dụng',
    systemId: 'Hệ thống',
    personId: 'Chủ tài khoản',
    loginName: 'Tên đăng nhập',
    role: 'Loại tài khoản',
    sourceDocument: 'Văn bản nguồn',
    createdOn: 'Ngày cấp',
    q: 'Từ khóa tìm kiếm',
    offset: 'Vị trí',
    limit: 'Số dòng',
    sort: 'Sắp xếp',
  } as Record<string, string>,
  staffType: {
    can_bo: 'Cán bộ',
    cong_chuc: 'Công chức',
    vien_chuc: 'Viên chức',
    hop_dong: 'Người lao động hợp đồng',
  },
  personStatus: {
    working: 'Đang công tác',
    transferred: 'Chuyển công tác',
    retired: 'Nghỉ hưu',
    left: 'Thôi việc',
  },
  campaignStatus: {
    draft: 'Dự thảo',
    in_progress: 'Đang thực hiện',
    reported: 'Đã báo cáo',
    sent: 'Đã gửi',
  },
  accountRole: {
    admin: 'Quản trị',
    user: 'Người dùng',
  },
  accountStatus: {
    active: 'Đang hoạt động',
    cancel_requested: 'Đã đề nghị hủy',
    cancelled: 'Đã hủy',
    locked: 'Đã khóa',
  },
  unitKind: {
    home: 'Đơn vị chủ quản',
    office: 'Cơ quan, phòng ban',
    ward: 'Phường',
    commune: 'Xã',
    school: 'Trường học',
    other: 'Khác',
  },
  wizard: {
    title: 'Thiết lập ban đầu',
    intro:
      'Chào mừng đến với ATTK. Hãy khai báo thông tin đơn vị: các thông tin này được dùng trên báo cáo gửi cơ quan tiếp nhận (Sở Nội vụ hoặc cơ quan cấp trên) và phiếu xác nhận.',
    step1: 'Thông tin đơn vị',
    step2: 'Người ký và nơi nhận báo cáo',
    example: {
      parentBody: 'VD: UBND THÀNH PHỐ HÀ NỘI',
      name: 'VD: UBND PHƯỜNG VĂN MIẾU - QUỐC TỬ GIÁM',
      code: 'VD: VMQTG',
      placeName: 'VD: Văn Miếu - Quốc Tử Giám',
      reportSymbol: 'VD: BC-UBND',
      headTitle: 'VD: CHỦ TỊCH',
      signAuthority: 'VD: TM. ỦY BAN NHÂN DÂN',
      recipientName: 'VD: Sở Nội vụ thành phố Hà Nội',
    },
    done: 'Đã lưu thông tin đơn vị.',
  },
  people: {
    title: 'Cán bộ, công chức, viên chức',
    add: 'Thêm cán bộ',
    edit: 'Sửa thông tin cán bộ',
    changeStatus: 'Đổi trạng thái',
    statusTitle: (name: string) => `Thay đổi trạng thái: ${name}`,
    empty: 'Chưa có cán bộ nào. Bấm "Thêm cán bộ" để bắt đầu.',
    noMatch: 'Không tìm thấy cán bộ phù hợp.',
    filterStatus: 'Trạng thái',
    filterDepartment: 'Bộ phận',
    filterUnit: 'Đơn vị',
    accountsOf: (name: string) => `Tài khoản của ${name}`,
    accountsCount: 'Số TK',
    created: (name: string) => `Đã thêm cán bộ ${name}.`,
    updated: (name: string) => `Đã cập nhật ${name}.`,
    leaverHint: 'Tài khoản của cán bộ đã chuyển công tác, nghỉ hưu hoặc thôi việc phải được đề nghị hủy.',
  },
  accounts: {
    title: 'Tài khoản phần mềm',
    add: 'Thêm tài khoản',
    edit: 'Sửa tài khoản',
    empty: 'Chưa có tài khoản nào.',
    noMatch: 'Không tìm thấy tài khoản phù hợp.',
    shared: '(tài khoản dùng chung)',
    noOwner: 'Tài khoản dùng chung (không có chủ)',
    ownerOrShared: 'Chưa chọn chủ tài khoản. Chọn cán bộ trong danh sách, hoặc đánh dấu "Tài khoản dùng chung".',
    filterSystem: 'Hệ thống',
    filterRole: 'Loại TK',
    filterStatus: 'Trạng thái',
    owner: 'Chủ tài khoản',
    noPasswordNote: 'ATTK không bao giờ lưu mật khẩu. Chỉ ghi nhận việc đã đổi mật khẩu.',
    created: (login: string) => `Đã thêm tài khoản ${login}.`,
    updated: (login: string) => `Đã cập nhật tài khoản ${login}.`,
    pickPerson: 'Chọn cán bộ…',
    sourceExample: 'VD: Công văn 498/TTr-VP ngày 15/6/2018',
    showAll: 'Xem tất cả tài khoản',
    leaver: 'Đã nghỉ/chuyển',
    setStatus: 'Đổi trạng thái tài khoản',
  },
  settings: {
    title: 'Cài đặt',
    unitProfile: 'Thông tin đơn vị',
    systems: 'Hệ thống phần mềm',
    addSystem: 'Thêm hệ thống',
    editSystem: 'Sửa hệ thống',
    months: (n: number) => `${n} tháng`,
    about: 'Thông tin',
    dataFile: 'Tệp dữ liệu',
    schemaVersion: 'Phiên bản dữ liệu',
  },
  confirmations: {
    audit: 'Xác nhận đổi mật khẩu ngày',
    auditBatch: (n: number, date: string) => `Xác nhận đổi mật khẩu ${n} tài khoản, ngày ${date}`,
    auditVoid: 'Hủy xác nhận',
    amendConfirm: (login: string, date: string) => `Bổ sung xác nhận đổi mật khẩu ${login} ngày ${date}`,
    amendVoid: (date: string) => `Hủy xác nhận đổi mật khẩu ngày ${date}`,
  },
  /** Audit sentences written for people (issue 18): names, logins, dd/MM/yyyy. */
  auditText: {
    account: (login: string, person: string | null, system: string) => `${login} (${[person ?? 'dùng chung', system].filter(Boolean).join(', ')})`,
    confirm: (date: string, account: string) => `Xác nhận đổi mật khẩu ngày ${date}: ${account}`,
    voidConfirm: (date: string, account: string, reason: string) => `Hủy xác nhận đổi mật khẩu ngày ${date}: ${account}. Lý do: ${reason}`,
    change: (label: string, from: string, to: string) => `${label}: ${from} → ${to}`,
    settings: (changes: string[]) => `Cài đặt: ${changes.join('; ')}`,
    unit: (name: string, changes: string[]) => `Thông tin đơn vị ${name}: ${changes.join('; ')}`,
  },
  audit: {
    create: 'Tạo mới',
    update: 'Cập nhật',
    status: 'Đổi trạng thái',
  },
  cli: {
    help: `ATTK - An toàn Tài khoản (dòng lệnh)

Cách dùng: attk <lệnh> [tùy chọn]

Lệnh:
  init   --db TỆP                           Tạo cơ sở dữ liệu mới (hoặc nâng cấp tệp có sẵn)
  demo   --db TỆP --size unit|district|province
                                            Tạo dữ liệu mẫu (đơn vị ≈ 60 người; quận/huyện ≈ 10.000 người,
                                            30.000 tài khoản; tỉnh/thành = 10 lần quận/huyện)
  check  --db TỆP                           Kiểm tra toàn vẹn và phiên bản dữ liệu (mã thoát ≠ 0 nếu lỗi)
  serve  --db TỆP [--port N]                Chạy giao diện trên trình duyệt (chỉ 127.0.0.1, có mã truy cập)
  export report|cancellations --db TỆP --campaign MÃ --out TỆP.xlsx [--show-logins]
                                            Xuất tệp Excel có chữ ký số (báo cáo / đề nghị hủy tài khoản)
  export report|cancellations|sign-sheet --format docx --db TỆP --campaign MÃ --out TỆP.docx [--unit MÃ]
                                            Xuất bản Word (báo cáo / công văn đề nghị hủy / phiếu xác nhận)
  bench [--size unit|district|province]     Đo hiệu năng, ghi kết quả vào bench/results.md

Nhập từ Excel:
`,
    helpDistrict: '\nCơ quan tiếp nhận báo cáo:',
    helpOptions: `
Tùy chọn chung:
  --today YYYY-MM-DD  Cố định ngày hôm nay (kiểm thử, làm lại một ngày đã qua)
  --json     In kết quả dạng JSON (cho kịch bản tự động)
  --help     Hiện hướng dẫn này
`,
    unknownCommand: (c: string) => `Lệnh không hợp lệ: ${c}. Gõ "attk --help" để xem hướng dẫn.`,
    missingOption: (o: string) => `Thiếu tùy chọn ${o}.`,
    badSize: 'Tùy chọn --size phải là unit, district hoặc province.',
    badPort: 'Tùy chọn --port phải là số từ 0 đến 65535.',
    exportKind: 'Cần chỉ rõ loại: attk export report …, attk export cancellations … hoặc attk export sign-sheet --format docx …',
    exportDone: (out: string, sha: string, fp: string) => `Đã xuất ${out}\nSHA-256: ${sha}\nMã xác thực: ${fp}`,
    portInUse: (port: number) => `Cổng ${port} đang được chương trình khác sử dụng. Hãy chọn cổng khác (--port) hoặc bỏ tùy chọn này.`,
    initDone: (file: string, v: number) => `Đã khởi tạo ${file} (phiên bản dữ liệu ${v}).`,
    demoExists: (file: string) => `Tệp ${file} đã tồn tại. Hãy chọn tên tệp khác hoặc xóa tệp cũ.`,
    demoProgress: 'Tạo dữ liệu mẫu',
    demoDone: (people: number, accounts: number, ms: number) =>
      `Đã tạo ${people.toLocaleString('vi-VN')} cán bộ, ${accounts.toLocaleString('vi-VN')} tài khoản trong ${(ms / 1000).toFixed(1)} giây.`,
    checkOk: (v: number) => `Cơ sở dữ liệu toàn vẹn (phiên bản dữ liệu ${v}).`,
    checkFail: (detail: string) => `Cơ sở dữ liệu có lỗi: ${detail}`,
    serveReady: (url: string) => `ATTK đang chạy trên trình duyệt. Mở địa chỉ sau (chỉ máy này truy cập được):\n  ${url}\nNhấn Ctrl+C để dừng.`,
    serveNoBuild: 'Chưa có bản dựng giao diện (out/renderer). Hãy chạy "npm run build".',
  },
  harness: {
    banner: 'Chế độ trình duyệt (attk serve)',
    noToken: 'Thiếu mã truy cập. Hãy mở đúng địa chỉ mà lệnh "attk serve" đã in ra.',
  },
  shell: {
    // The Electron shell: application menu and native dialogs.
    menu: {
      file: 'Tệp',
      quit: 'Thoát',
      view: 'Xem',
      reload: 'Tải lại',
      zoomIn: 'Phóng to',
      zoomOut: 'Thu nhỏ',
      zoomReset: 'Kích thước mặc định',
      devTools: 'Công cụ nhà phát triển',
      help: 'Trợ giúp',
      about: 'Giới thiệu',
    },
    startupErrorTitle: 'ATTK không khởi động được',
    saveAsTitle: 'Lưu tệp',
    saveRefusedTitle: 'Không lưu vào chỗ này được',
    saveFailedTitle: 'Không lưu được tệp',
    aboutTitle: 'Giới thiệu ATTK',
    aboutDetail: (version: string, dataFile: string) => `Phiên bản ${version}\nTệp dữ liệu: ${dataFile}`,
  },
  evaluation: viEvaluation,
  reliability: viReliability,
  safety: viSafety,
  trust: viTrust,
  forms: viForms,
  onboarding: viOnboarding,
} as const;

export type Vi = typeof vi;
