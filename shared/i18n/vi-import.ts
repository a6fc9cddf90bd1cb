// Strings of the Excel import (wizard, CLI, messages about files and rows).
const n = (x: number) => x.toLocaleString('vi-VN');

interface Where {
  part?: string;
  sheet?: string;
  row?: number;
  column?: string;
  count?: number;
  limit?: number;
}
const at = (w: Where) =>
  [w.sheet ? `trang tính "${w.sheet}"` : '', w.row ? `dòng ${w.row}` : '', w.column ? `cột ${w.column}` : ''].filter(Boolean).join(', ');
const where = (w: Where) => (at(w) ? ` (${at(w)})` : '');

export const viImport = {
  button: 'Nhập từ Excel',
  title: {
    staff: 'Nhập danh sách cán bộ từ Excel',
    accounts: 'Nhập danh sách tài khoản từ Excel',
    confirmations: 'Nhập xác nhận đổi mật khẩu từ Excel',
  },
  kindLabel: 'Loại dữ liệu',
  kinds: {
    staff: 'Danh sách cán bộ',
    accounts: 'Danh sách tài khoản',
    confirmations: 'Xác nhận đổi mật khẩu',
  },
  steps: { file: 'Chọn tệp', review: 'Đối chiếu cột và kiểm tra', preview: 'Kiểm tra', done: 'Nhập' },
  pickFile: 'Chọn tệp Excel (.xlsx)…',
  dropHere: 'Kéo thả tệp Excel vào đây, hoặc',
  fileHint: 'Tệp .xlsx, tối đa 20 MB. Dòng tiêu đề được tìm tự động (không cần ở dòng 1).',
  templateButton: 'Tải mẫu',
  templateHint: 'Chưa có tệp? Tải tệp mẫu, điền theo hướng dẫn rồi chọn lại ở đây.',
  reading: (file: string) => `Đang đọc tệp ${file}…`,
  checking: 'Đang kiểm tra dữ liệu…',
  committing: 'Đang nhập dữ liệu…',
  sheet: 'Trang tính',
  sheetRows: (name: string, rows: number, recognised: boolean) => `${name} — ${n(rows)} dòng${recognised ? '' : ' (không nhận ra tiêu đề)'}`,
  headerRow: 'Dòng tiêu đề',
  headerAt: (row: number, rows: number) => (rows > 1 ? `Dòng ${row - rows + 1}–${row}` : `Dòng ${row}`),
  noHeader: 'Không nhận ra dòng tiêu đề: hãy chọn dòng tiêu đề và đối chiếu cột bằng tay.',
  mappingTitle: 'Đối chiếu cột',
  mappingHint: 'Mỗi cột trong tệp ứng với một trường dữ liệu. Sửa lại nếu chương trình đoán sai; chọn "Bỏ qua" cho cột không cần nhập.',
  columnInFile: 'Cột trong tệp',
  samples: 'Ví dụ',
  fieldLabel: 'Nhập vào',
  ignore: '— Bỏ qua —',
  mapFor: (letter: string, label: string) => `Cột ${letter}${label ? ` (${label})` : ''}`,
  missing: (fields: string) => `Chưa có cột cho: ${fields}.`,
  defaultSystem: 'Hệ thống (cho các dòng không ghi hệ thống)',
  pickSystem: '— Chọn hệ thống —',
  duplicates: 'Dòng trùng với dữ liệu đã có hoặc trùng trong tệp',
  policy: {
    skip: 'Bỏ qua dòng trùng (an toàn)',
    update: 'Cập nhật bản ghi đã có',
    create: 'Vẫn thêm mới',
  },
  counts: (c: { rows: number; create: number; update: number; skip: number; error: number; warning: number }) =>
    `${n(c.rows)} dòng dữ liệu: ${n(c.create)} thêm mới, ${n(c.update)} cập nhật, ${n(c.skip)} bỏ qua, ${n(c.error)} lỗi, ${n(c.warning)} cảnh báo.`,
  converted: (encoding: string, cells: number) => `Đã chuyển ${n(cells)} ô từ mã ${encoding} sang Unicode — hãy kiểm tra lại vài dòng bên dưới.`,
  encodingName: { tcvn3: 'TCVN3 (ABC, phông .VnTime)', vni: 'VNI (phông VNI-Times)' } as Record<string, string>,
  convertedBadge: (encoding: string) => `đã chuyển từ ${encoding}`,
  filterAll: 'Tất cả các dòng',
  filterProblems: 'Chỉ dòng có lỗi/cảnh báo',
  colRow: 'Dòng',
  colAction: 'Xử lý',
  colProblems: 'Vấn đề',
  action: { create: 'Thêm mới', update: 'Cập nhật', skip: 'Bỏ qua', error: 'Lỗi' },
  more: (shown: number, total: number) => `Đang hiện ${n(shown)} / ${n(total)} dòng.`,
  showMore: 'Xem thêm',
  commit: (count: number) => `Nhập ${n(count)} dòng`,
  nothingToImport: 'Không có dòng nào để nhập.',
  errorsSkipped: (count: number) => `${n(count)} dòng lỗi sẽ không được nhập (xem cột "Vấn đề").`,
  done: (c: { created: number; updated: number; skipped: number; errors: number }) =>
    `Đã nhập: ${n(c.created)} thêm mới, ${n(c.updated)} cập nhật, ${n(c.skipped)} bỏ qua, ${n(c.errors)} dòng lỗi không nhập.`,
  chooseAnother: 'Chọn tệp khác',
  formulaNoValue: 'chưa có giá trị — hãy mở tệp bằng Excel rồi lưu lại',
  auditSummary: (kind: string, file: string, created: number, updated: number) =>
    `Nhập ${kind} từ tệp ${file}: ${n(created)} thêm mới, ${n(updated)} cập nhật`,
  auditKind: { staff: 'cán bộ', accounts: 'tài khoản', confirmations: 'xác nhận đổi mật khẩu' },

  fields: {
    seq: 'STT (không nhập)',
    fullName: 'Họ và tên',
    givenName: 'Tên (khi họ và tên tách 2 cột)',
    position: 'Chức vụ',
    department: 'Bộ phận',
    unit: 'Đơn vị',
    staffType: 'Loại cán bộ',
    partyMember: 'Đảng viên',
    system: 'Hệ thống',
    loginName: 'Tên đăng nhập',
    role: 'Loại tài khoản',
    createdOn: 'Ngày cấp',
    sourceDocument: 'Văn bản nguồn',
    changedOn: 'Ngày đổi mật khẩu',
    confirmedBy: 'Người xác nhận',
    method: 'Hình thức xác nhận',
    note: 'Ghi chú',
  },
  ownerField: 'Chủ tài khoản (họ và tên)',

  // Why a whole file cannot be read. Each names the file; nothing has been written.
  fileErrors: {
    empty: (f: string) => `Tệp "${f}" rỗng (0 byte). Không có gì được nhập.`,
    tooLarge: (f: string, w: Where) => `Tệp "${f}" quá lớn (giới hạn ${n(Math.round((w.limit ?? 0) / 1024 / 1024))} MB). Hãy tách thành nhiều tệp nhỏ hơn.`,
    xls: (f: string) =>
      `Tệp "${f}" là định dạng Excel cũ (.xls, Excel 97–2003). Hãy mở tệp bằng Excel, chọn Tệp → Lưu thành → "Sổ làm việc Excel (.xlsx)", rồi nhập lại.`,
    encrypted: (f: string) =>
      `Tệp "${f}" được đặt mật khẩu (mã hóa). Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu → để trống), lưu lại rồi nhập.`,
    html: (f: string) =>
      `Tệp "${f}" thực chất là trang web (HTML) được đặt đuôi Excel, thường do phần mềm khác xuất ra. Hãy mở bằng Excel rồi lưu thành .xlsx.`,
    notZip: (f: string) => `Tệp "${f}" không phải tệp Excel .xlsx (hoặc đã bị hỏng). Hãy kiểm tra lại tệp đã chọn.`,
    truncated: (f: string) => `Tệp "${f}" bị cắt cụt hoặc hỏng (thiếu phần cuối tệp), có thể do tải về hoặc chép chưa xong. Hãy lấy lại bản đầy đủ.`,
    damaged: (f: string, w: Where) => `Tệp "${f}" bị hỏng${w.part ? ` (phần ${w.part})` : ''}: dữ liệu không khớp mã kiểm tra. Không có gì được nhập.`,
    unsafeName: (f: string, w: Where) => `Tệp "${f}" chứa đường dẫn không hợp lệ (${w.part ?? ''}). Tệp có thể đã bị sửa đổi; không có gì được nhập.`,
    bomb: (f: string, w: Where) =>
      `Tệp "${f}" có dữ liệu nén bất thường${w.part ? ` (phần ${w.part})` : ''} — giải nén ra quá lớn. Tệp không an toàn; không có gì được nhập.`,
    tooManyEntries: (f: string, w: Where) => `Tệp "${f}" chứa quá nhiều thành phần (${n(w.count ?? 0)}). Đây không giống một bảng tính bình thường.`,
    unsupported: (f: string, w: Where) => `Tệp "${f}" dùng kiểu nén không hỗ trợ${w.part ? ` (phần ${w.part})` : ''}. Hãy mở bằng Excel và lưu lại thành .xlsx.`,
    missingPart: (f: string, w: Where) => `Tệp "${f}" thiếu thành phần bắt buộc ${w.part ?? ''}: không phải bảng tính Excel hợp lệ.`,
    badXml: (f: string, w: Where) => `Tệp "${f}" có nội dung hỏng${w.part ? ` (phần ${w.part})` : ''}${where(w)}. Hãy mở bằng Excel và lưu lại.`,
    noSheets: (f: string) => `Tệp "${f}" không có trang tính nào.`,
    sheetNotFound: (f: string, w: Where) => `Tệp "${f}" không có trang tính "${w.sheet ?? ''}".`,
    sheetTruncated: (f: string, w: Where) =>
      `Tệp "${f}", trang tính "${w.sheet ?? ''}": chỉ đọc được đến dòng ${n(w.row ?? 0)} trong khi tệp ghi có ${n(w.count ?? 0)} dòng — tệp bị hỏng hoặc cắt cụt. Không có gì được nhập.`,
    tooManyRows: (f: string, w: Where) => `Tệp "${f}"${where(w)} có quá nhiều dòng (giới hạn ${n(w.limit ?? 0)}). Hãy tách thành nhiều tệp.`,
    tooComplex: (f: string, w: Where) => `Tệp "${f}"${where(w)} có quá nhiều ô gộp hoặc định dạng bất thường. Hãy bỏ gộp ô rồi lưu lại.`,
    timeout: (f: string) => `Đọc tệp "${f}" quá lâu nên đã dừng. Tệp có thể bị hỏng hoặc quá lớn; không có gì được nhập.`,
    cellTooLong: (f: string, w: Where) =>
      `Tệp "${f}"${where(w)}: ô này có hơn ${n(w.limit ?? 32767)} ký tự — Excel chỉ cho phép tối đa ${n(w.limit ?? 32767)} ký tự trong một ô. Hãy sửa ô đó (hoặc lấy lại tệp gốc); không có gì được nhập.`,
    workerStopped: (f: string) =>
      `Việc đọc tệp "${f}" bị dừng bất thường (tiến trình đọc tệp đã thoát). Không có gì được nhập; hãy thử lại, và nếu vẫn lỗi, hãy mở tệp bằng Excel rồi lưu lại.`,
    outOfMemory: (f: string) => `Tệp "${f}" cần quá nhiều bộ nhớ để đọc nên đã dừng. Tệp có thể bị hỏng hoặc quá lớn; không có gì được nhập.`,
    noColumns: (f: string, w: Where) =>
      `Tệp "${f}"${where(w)}: không nhận ra cột nào (cần có cột như "Họ và tên", "Tên đăng nhập"…). Hãy kiểm tra trang tính hoặc dùng tệp mẫu.`,
    noRows: (f: string, w: Where) => `Tệp "${f}"${where(w)}: không có dòng dữ liệu nào dưới dòng tiêu đề.`,
    badBase64: (f: string) => `Không nhận được nội dung tệp "${f}" (dữ liệu truyền bị hỏng). Hãy chọn lại tệp.`,
  },

  errors: {
    tooLargeUpload: 'Tệp quá lớn (tối đa 20 MB). Không có gì được nhập. Hãy xóa các trang tính, hình ảnh không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn.',
    stageExpired: 'Phiên nhập đã hết hạn hoặc đã được nhập xong. Hãy chọn lại tệp.',
    fieldNotForKind: (field: string) => `Trường "${field}" không dùng cho loại dữ liệu này.`,
    columnTwice: (letter: string) => `Cột ${letter} được chọn cho hai trường.`,
    columnOutside: (letter: string) => `Cột ${letter} không có trong trang tính.`,
    missingRequired: (fields: string) => `Chưa chọn cột cho: ${fields}.`,
    policyNotForKind: 'Cách xử lý dòng trùng này không áp dụng cho loại dữ liệu này.',
    needSystem: 'Tệp không có cột "Hệ thống": hãy chọn hệ thống cho các dòng.',
    headerOutside: 'Dòng tiêu đề nằm ngoài trang tính.',
  },

  // Per-row problems, shown in the preview next to the row.
  row: {
    required: (label: string) => `Thiếu ${label.toLowerCase()}.`,
    tooLong: (label: string, max: number) => `${label} quá dài (tối đa ${max} ký tự).`,
    badChars: (label: string) => `${label} chứa ký tự không hợp lệ.`,
    notAName: 'Họ và tên không giống tên người (chỉ có số hoặc ký hiệu).',
    badDate: (label: string, text: string) => `${label} "${text}" không phải ngày hợp lệ (dd/mm/yyyy).`,
    futureDate: (label: string) => `${label} sau ngày hôm nay.`,
    beforeCreated: (date: string) => `Ngày đổi mật khẩu trước ngày cấp tài khoản (${date}).`,
    badValue: (label: string, text: string, used: string) => `${label} "${text}" không rõ nghĩa — dùng "${used}".`,
    formulaError: (label: string, text: string) => `${label}: ô công thức bị lỗi (${text}).`,
    unknownSystem: (text: string) => `Không có hệ thống "${text}" trong Cài đặt.`,
    noSystem: 'Không rõ hệ thống (ô trống và chưa chọn hệ thống mặc định).',
    unknownUnit: (text: string) => `Không có đơn vị "${text}". Nếu cột này là bộ phận/phòng ban, hãy đổi cột sang "Bộ phận".`,
    unknownPerson: (name: string) => `Chưa có cán bộ "${name}" — hãy nhập danh sách cán bộ trước.`,
    ambiguousPerson: (name: string, count: number) => `Có ${count} cán bộ tên "${name}" — thêm cột Bộ phận để phân biệt.`,
    unknownAccount: (login: string, system: string) => `Không có tài khoản "${login}" trên hệ thống ${system}.`,
    cancelledAccount: (login: string) => `Tài khoản ${login} đã hủy, không thể xác nhận đổi mật khẩu.`,
    ownerMismatch: (login: string, owner: string) => `Tài khoản ${login} thuộc về ${owner}, khác với tên trong tệp.`,
    duplicateInDb: 'Trùng với dữ liệu đã có.',
    duplicateInFile: (row: number) => `Trùng với dòng ${row} trong tệp.`,
    cannotCreateDuplicate: 'Tên đăng nhập đã có trên hệ thống này: không thể thêm mới lần nữa.',
    legacyGuess: (label: string, encoding: string) =>
      `${label} trông như chữ mã ${encoding} nhưng phông chữ không cho biết — hãy kiểm tra lại trong Excel (đổi phông hoặc chuyển mã bằng Unikey).`,
    replacementChar: (label: string) => `${label} chứa ký tự lỗi (�): tệp đã hỏng mã chữ.`,
  },
  notes: {
    totalRow: (row: number) => `Dòng ${row} là dòng tổng cộng: không nhập.`,
    footer: (row: number) => `Từ dòng ${row} là phần ký tên cuối bảng: không nhập.`,
    repeatedHeader: (rows: number) => `${n(rows)} dòng lặp lại tiêu đề (khi in nhiều trang): không nhập.`,
    sections: (rows: number) => `${n(rows)} dòng tiêu đề nhóm (VD: "I. Văn phòng"): không nhập; tên nhóm được dùng làm bộ phận khi không có cột Bộ phận.`,
    numbering: (row: number) => `Dòng ${row} là dòng đánh số cột (1, 2, 3…): không nhập.`,
  },

  cli: {
    help: `  import staff|accounts|confirmations TỆP.xlsx --db TỆP [--sheet TÊN] [--duplicates skip|update|create]
         [--system MÃ_HOẶC_TÊN] [--dry-run]   Nhập từ Excel (--dry-run: chỉ kiểm tra, không ghi)`,
    usage: 'Cách dùng: attk import staff|accounts|confirmations TỆP.xlsx --db TỆP [--sheet TÊN] [--dry-run] [--json]',
    badKind: 'Loại dữ liệu phải là staff, accounts hoặc confirmations.',
    badPolicy: 'Tùy chọn --duplicates phải là skip, update hoặc create.',
    unknownSystem: (s: string) => `Không có hệ thống "${s}".`,
    noFile: (f: string) => `Không mở được tệp ${f}.`,
    progressRead: 'Đọc tệp',
    progressCommit: 'Nhập dữ liệu',
    dryRun: (c: { rows: number; create: number; update: number; skip: number; error: number }) =>
      `Kiểm tra (không ghi): ${n(c.rows)} dòng — ${n(c.create)} thêm mới, ${n(c.update)} cập nhật, ${n(c.skip)} bỏ qua, ${n(c.error)} lỗi.`,
    problem: (row: number, message: string) => `  dòng ${row}: ${message}`,
    moreProblems: (count: number) => `  … và ${n(count)} dòng khác có vấn đề.`,
  },

  template: {
    instructionsSheet: 'Hướng dẫn',
    dataSheet: { staff: 'Cán bộ', accounts: 'Tài khoản', confirmations: 'Xác nhận đổi MK' },
    title: {
      staff: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC',
      accounts: 'DANH SÁCH TÀI KHOẢN PHẦN MỀM DÙNG CHUNG',
      confirmations: 'XÁC NHẬN ĐỔI MẬT KHẨU TÀI KHOẢN',
    },
    fileName: { staff: 'Mau_nhap_can_bo.xlsx', accounts: 'Mau_nhap_tai_khoan.xlsx', confirmations: 'Mau_nhap_xac_nhan_doi_mat_khau.xlsx' },
    instructions: {
      common: [
        'Điền mỗi người/tài khoản trên một dòng, bắt đầu ngay dưới dòng tiêu đề. Không xóa hoặc đổi tên dòng tiêu đề.',
        'Có thể thêm dòng tiêu đề, dòng "Tổng cộng" hoặc phần ký tên: ATTK tự bỏ qua.',
        'Ngày ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2024 là ngày 5 tháng 3 năm 2024.',
        'Dùng phông chữ Unicode (Times New Roman). Tệp cũ dùng phông .VnTime (TCVN3) hoặc VNI-Times vẫn nhập được: ATTK tự chuyển mã.',
        'Cột có dấu * là bắt buộc. Dòng bị lỗi sẽ được chỉ rõ trước khi nhập; không có dữ liệu nào được ghi cho đến khi bấm "Nhập".',
        'ATTK không bao giờ lưu mật khẩu: tệp không được có cột mật khẩu.',
      ],
      staff: [
        'Loại cán bộ: Cán bộ, Công chức, Viên chức hoặc Hợp đồng (để trống = Công chức).',
        'Đảng viên: ghi "x" nếu là đảng viên, để trống nếu không.',
        'Dòng trùng họ tên và bộ phận với người đã có sẽ được bỏ qua (hoặc cập nhật, tùy lựa chọn khi nhập).',
      ],
      accounts: [
        'Hệ thống: ghi đúng tên hoặc mã hệ thống trong Cài đặt (VD: KNTC, DGXL, STDV). Nếu cả tệp là một hệ thống có thể bỏ cột này và chọn hệ thống khi nhập.',
        'Chủ tài khoản: họ và tên cán bộ đã có trong danh sách cán bộ (nhập danh sách cán bộ trước). Để trống nếu là tài khoản dùng chung.',
        'Loại tài khoản: Quản trị hoặc Người dùng (để trống = Người dùng).',
      ],
      confirmations: [
        'Mỗi dòng là một lần đổi mật khẩu: hệ thống, tên đăng nhập và ngày đổi.',
        'Ngày đổi mật khẩu không được sau hôm nay và không được trước ngày cấp tài khoản.',
        'Người xác nhận: Chủ tài khoản hoặc Cán bộ phụ trách. Hình thức: Ký phiếu, Tự khai hoặc Xem trên màn hình.',
      ],
    },
    example: {
      staff: [
        ['1', 'Nguyễn Văn An', 'Chuyên viên', 'Văn phòng HĐND-UBND', 'Công chức', 'x', ''],
        ['2', 'Trần Thị Bình', 'Kế toán', 'Tài chính - Kế hoạch', 'Công chức', '', ''],
      ],
      accounts: [
        ['1', 'KNTC', 'annv.vm', 'Nguyễn Văn An', 'Quản trị', '15/06/2018', 'Công văn 498/TTr-VP ngày 15/6/2018', ''],
        ['2', 'DGXL', 'binhtt.vm', 'Trần Thị Bình', 'Người dùng', '', '', ''],
      ],
      confirmations: [
        ['1', 'KNTC', 'annv.vm', 'Nguyễn Văn An', '05/01/2024', 'Chủ tài khoản', 'Ký phiếu', ''],
      ],
    },
    headers: {
      staff: ['STT', 'Họ và tên *', 'Chức vụ', 'Bộ phận', 'Loại cán bộ', 'Đảng viên', 'Ghi chú'],
      accounts: ['STT', 'Hệ thống *', 'Tên đăng nhập *', 'Chủ tài khoản', 'Loại tài khoản', 'Ngày cấp', 'Văn bản nguồn', 'Ghi chú'],
      confirmations: ['STT', 'Hệ thống *', 'Tên đăng nhập *', 'Chủ tài khoản', 'Ngày đổi mật khẩu *', 'Người xác nhận', 'Hình thức xác nhận', 'Ghi chú'],
    },
  },
};
