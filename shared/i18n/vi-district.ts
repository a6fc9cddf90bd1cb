// Strings of the receiving office: register of units, campaign file, unit files coming up, the
// status board, the consolidated export and the office's own report.
const n = (x: number) => x.toLocaleString('vi-VN');

export const viDistrict = {
  nav: 'Tổng hợp',
  title: 'Tổng hợp báo cáo của các đơn vị',
  levels: {
    province: 'Cấp tỉnh/thành phố (Sở Nội vụ)',
    district: 'Cấp huyện/quận (trước 01/7/2025)',
    ward: 'Cấp xã/phường',
    other: 'Khác',
  },
  kinds: { office: 'Cơ quan, phòng ban', ward: 'Phường', commune: 'Xã', school: 'Trường học', other: 'Khác' },
  status: { on_time: 'Đúng hạn', late: 'Nộp muộn', missing: 'Chưa nộp' },

  settings: {
    title: 'Chế độ cơ quan tiếp nhận báo cáo',
    hint:
      'Bật khi đơn vị này nhận tệp báo cáo của các đơn vị trực thuộc (Phòng Nội vụ, Sở Nội vụ, hoặc UBND phường nhận báo cáo của các trường): hiện mục "Tổng hợp" để quản lý danh sách đơn vị, gửi tệp đợt rà soát, nhận và tổng hợp tệp báo cáo.',
    receivingMode: 'Bật chế độ cơ quan tiếp nhận',
    officeLevel: 'Cấp của cơ quan tiếp nhận',
    officeAddress: 'Địa chỉ cơ quan',
    officeName: (name: string) => `Tên cơ quan (theo thông tin đơn vị): ${name}`,
    saved: 'Đã lưu chế độ cơ quan tiếp nhận.',
  },

  register: {
    tab: 'Đơn vị trực thuộc',
    title: 'Danh sách đơn vị trực thuộc',
    add: 'Thêm đơn vị',
    edit: 'Sửa đơn vị',
    remove: 'Xóa',
    removeConfirm: (name: string) => `Xóa đơn vị ${name} khỏi danh sách?`,
    removed: (name: string) => `Đã xóa ${name} khỏi danh sách.`,
    saved: (name: string) => `Đã lưu đơn vị ${name}.`,
    name: 'Tên đơn vị',
    code: 'Mã đơn vị',
    kind: 'Loại',
    contact: 'Liên hệ',
    contactHint: 'Người đầu mối, điện thoại, thư điện tử',
    key: 'Khóa ký đã xác nhận',
    noKey: 'Chưa xác nhận',
    keyPinned: (fp: string, at: string, by: string) => `${fp} (xác nhận ${at}, ${by})`,
    empty: 'Chưa có đơn vị nào. Thêm từng đơn vị hoặc nhập từ danh sách Excel/CSV (cột Tên đơn vị, Mã, Loại, Liên hệ).',
    importList: 'Nhập danh sách (Excel/CSV)',
    importHint: 'Tệp .xlsx hoặc .csv có các cột: Tên đơn vị, Mã, Loại (Cơ quan/Phường/Xã/Trường), Liên hệ. Đơn vị trùng mã được cập nhật.',
    importing: 'Đang nhập danh sách…',
    imported: (created: number, updated: number, unchanged: number) =>
      `Đã nhập danh sách: thêm ${n(created)}, cập nhật ${n(updated)}, không đổi ${n(unchanged)} đơn vị.`,
    problems: (k: number) => `${n(k)} dòng không nhập được:`,
    problemRow: (row: number, message: string) => `Dòng ${row}: ${message}`,
    count: (k: number) => `${n(k)} đơn vị`,
    colFiles: 'Tệp đã nhận',
  },

  listImport: {
    noHeader: 'Không tìm thấy dòng tiêu đề có cột "Tên đơn vị" và "Mã". Hãy kiểm tra tệp (xem hướng dẫn).',
    missingName: 'thiếu tên đơn vị.',
    missingCode: 'thiếu mã đơn vị.',
    codeTooLong: 'mã đơn vị quá dài (tối đa 40 ký tự).',
    nameTooLong: 'tên đơn vị quá dài (tối đa 200 ký tự).',
    homeCode: (code: string) => `mã "${code}" là mã của chính cơ quan này.`,
    duplicateInFile: (code: string, row: number) => `mã "${code}" trùng với dòng ${row}.`,
    badCsv: (file: string) => `Tệp "${file}" không đọc được như tệp CSV (UTF-8). Hãy lưu lại từ Excel dưới dạng "CSV UTF-8" hoặc dùng tệp .xlsx.`,
    noSheet: (file: string) => `Tệp "${file}" không có trang tính chứa danh sách đơn vị.`,
    job: 'Nhập danh sách đơn vị',
  },

  expected: {
    title: 'Đơn vị phải báo cáo trong đợt này',
    hint: 'Mặc định: tất cả đơn vị trong danh sách. Bỏ chọn đơn vị không thuộc phạm vi đợt này.',
    all: 'Chọn tất cả',
    none: 'Bỏ chọn tất cả',
    save: 'Lưu danh sách đơn vị phải báo cáo',
    saved: (k: number) => `Đã lưu: ${n(k)} đơn vị phải báo cáo.`,
    count: (k: number, total: number) => `${n(k)} / ${n(total)} đơn vị`,
    unknownUnit: (id: number) => `Đơn vị (mã ${id}) không có trong danh sách đơn vị trực thuộc.`,
  },

  campaignFile: {
    title: 'Tệp đợt rà soát gửi các đơn vị',
    hint:
      'Tệp nhỏ (.attk-campaign) có chữ ký số của cơ quan: đơn vị nhập tệp này để có đợt rà soát giống hệt (văn bản, căn cứ, hệ thống, thời hạn), nên tệp báo cáo gửi về khớp với đợt này.',
    export: 'Xuất tệp đợt rà soát',
    exported: (path: string) => `Đã lưu tệp đợt rà soát vào ${path}`,
    download: 'Tải về / Lưu bản sao',
    reference: (ref: string) => `Mã đợt: ${ref}`,
    fingerprint: (fp: string) => `Mã xác thực của cơ quan: ${fp}`,
    fileName: (code: string, directive: string) => `ATTK_DotRaSoat_${code}_${directive}.attk-campaign`,
    // unit side
    importButton: 'Nhập tệp đợt rà soát',
    importTitle: 'Nhập tệp đợt rà soát từ cơ quan cấp trên',
    pick: 'Chọn tệp .attk-campaign',
    from: (office: string) => `Cơ quan gửi: ${office}`,
    officeKey: (fp: string) => `Mã xác thực của cơ quan gửi: ${fp}`,
    officeKeyHint: 'Đối chiếu mã này với mã in trên văn bản chỉ đạo (hoặc hỏi cơ quan gửi) nếu cần.',
    keyDiffers: (previous: string) =>
      `Chú ý: tệp đợt trước của cùng cơ quan được ký bằng khóa khác (${previous}). Hãy hỏi lại cơ quan gửi trước khi nhập.`,
    directive: 'Văn bản chỉ đạo',
    periodLabel: 'Thời gian thực hiện',
    period: (start: string, deadline: string) => `Từ ${start} đến ${deadline}`,
    systems: 'Hệ thống trong phạm vi',
    systemMatched: (name: string) => (name ? `có sẵn (${name})` : 'có sẵn'),
    systemCreate: 'sẽ được thêm (theo chu kỳ trong tệp)',
    legal: 'Căn cứ pháp lý',
    legalExists: 'đã có',
    legalAdd: 'sẽ được thêm vào danh mục',
    whichUnit: 'Đơn vị của bạn trong danh sách',
    whichUnitHint: (code: string) => `Mã đơn vị hiện tại (${code}) không có trong danh sách của tệp. Chọn đúng đơn vị để mã trên báo cáo gửi về khớp với cơ quan nhận.`,
    codeWillChange: (from: string, to: string) => `Mã đơn vị sẽ đổi từ ${from} thành ${to}.`,
    existing: 'Đợt rà soát này đã được nhập trước đó: nhập lại sẽ cập nhật theo tệp mới.',
    existingLocked: 'Đợt rà soát này đã được nhập và đã báo cáo: không nhập lại được.',
    doImport: 'Nhập đợt rà soát',
    imported: (directive: string) => `Đã nhập đợt rà soát theo văn bản ${directive}.`,
    updated: (directive: string) => `Đã cập nhật đợt rà soát theo văn bản ${directive}.`,
    notJson: (file: string) => `Tệp "${file}" không phải tệp đợt rà soát của ATTK (.attk-campaign).`,
    badVersion: (v: unknown) => `Tệp đợt rà soát có phiên bản ${String(v)} không được hỗ trợ. Hãy cập nhật ATTK.`,
    badSignature: (file: string) => `Chữ ký số của tệp "${file}" không hợp lệ: tệp đã bị sửa sau khi cơ quan xuất. Hãy xin lại tệp gốc.`,
    badContent: (file: string, detail: string) => `Nội dung tệp "${file}" không hợp lệ (${detail}).`,
    tooLarge: (file: string) => `Tệp "${file}" quá lớn để là tệp đợt rà soát.`,
    unitNotListed: (code: string) =>
      `Mã đơn vị "${code}" không có trong danh sách đơn vị của tệp đợt rà soát. Hãy chọn đơn vị của mình trong danh sách.`,
    unitCodeNotInFile: (code: string) => `Mã "${code}" không có trong danh sách đơn vị của tệp.`,
    unitCodeTaken: (code: string) => `Mã "${code}" đang được dùng cho một đơn vị khác trong cơ sở dữ liệu này.`,
    locked: 'Đợt rà soát này đã báo cáo: không cập nhật theo tệp mới được.',
    draftOnly: 'Chỉ xuất tệp đợt rà soát khi đợt có ít nhất một hệ thống.',
    auditExport: (ref: string) => `Xuất tệp đợt rà soát (mã đợt ${ref})`,
    auditImport: (office: string, ref: string) => `Nhập tệp đợt rà soát của ${office} (mã đợt ${ref})`,
    auditCode: (from: string, to: string) => `Đổi mã đơn vị ${from} → ${to} theo tệp đợt rà soát`,
  },

  upload: {
    title: 'Nhận tệp báo cáo của các đơn vị',
    hint: 'Kéo thả hoặc chọn nhiều tệp Excel (.xlsx) do ATTK của các đơn vị xuất, hoặc tệp PDF báo cáo đã ký số có đính kèm tệp Excel. Mỗi tệp được kiểm tra chữ ký số, mã băm, số dòng, mã đơn vị và đợt rà soát; tệp không hợp lệ bị từ chối kèm lý do, các tệp khác vẫn được nhận.',
    drop: 'Kéo thả tệp vào đây, hoặc',
    pick: 'Chọn tệp…',
    running: 'Đang kiểm tra và nhận tệp…',
    summary: (accepted: number, refused: number) => `Đã nhận ${n(accepted)} tệp, từ chối ${n(refused)} tệp.`,
    colFile: 'Tệp',
    colUnit: 'Đơn vị',
    colResult: 'Kết quả',
    colReason: 'Chi tiết',
    accepted: 'Đã nhận',
    refused: 'Từ chối',
    needsKey: 'Cần xác nhận mã',
    confirmKey: (fp: string) => `Xác nhận mã ${fp}…`,
    confirmKeyChange: (fp: string) => `Xác nhận đổi khóa (mã mới ${fp})…`,
    confirmAction: 'Hai mã trùng khớp — xác nhận và nhận tệp',
    confirmTitle: 'Xác nhận mã xác thực của đơn vị',
    confirmBody: (unit: string) =>
      `Đối chiếu mã xác thực dưới đây với mã in ở cuối báo cáo giấy có chữ ký, đóng dấu của ${unit}. Chỉ xác nhận khi hai mã trùng khớp hoàn toàn.`,
    confirmBodyChange: (unit: string, fp: string, pinned: string) =>
      `${unit} đã dùng khóa ${pinned}; tệp này ký bằng khóa mới ${fp}. Chỉ xác nhận khi báo cáo giấy mới nhất của đơn vị in đúng mã mới.`,
    job: 'Nhận tệp báo cáo',
    onTime: 'đúng hạn',
    lateBy: (d: number) => `muộn ${n(d)} ngày`,
  },

  result: {
    accepted: (unit: string, when: string) => `Đã nhận tệp của ${unit} (${when}).`,
    replaced: (unit: string, when: string) => `Đã nhận tệp của ${unit} (${when}), thay cho tệp gửi trước — tệp cũ vẫn lưu trong lịch sử.`,
    keyPinned: (fp: string) => ` Đã lưu mã xác thực ${fp} của đơn vị.`,
    unreadable: (file: string) => `Không đọc được tệp "${file}" như một tệp Excel (tệp hỏng hoặc không phải .xlsx). Hãy đề nghị đơn vị gửi lại.`,
    notAttk: (file: string) => `Tệp "${file}" không phải tệp báo cáo xuất từ ATTK (không có phần dữ liệu đã ký). Đơn vị cần dùng nút "Xuất tệp Excel" trong mục Báo cáo.`,
    cancellationsOnly: (file: string) =>
      `Tệp "${file}" chỉ là danh sách đề nghị hủy tài khoản, không phải báo cáo kết quả. Đề nghị đơn vị gửi tệp báo cáo ("Xuất tệp Excel").`,
    altered: (problems: string) => `Tệp đã bị sửa sau khi đơn vị xuất — ${problems} Không nhận tệp này; đề nghị đơn vị gửi lại tệp gốc.`,
    unknownUnit: (code: string, name: string) =>
      `Đơn vị "${name}" (mã ${code}) chưa có trong danh sách đơn vị trực thuộc. Thêm đơn vị (đúng mã) vào danh sách rồi nhận lại tệp, hoặc đề nghị đơn vị kiểm tra mã đơn vị.`,
    noCampaign: (directive: string, deadline: string) =>
      `Tệp báo cáo cho đợt rà soát theo văn bản ${directive} (hạn ${deadline}) — không có đợt này trong các đợt rà soát của cơ quan.`,
    otherCampaign: (directive: string, deadline: string) =>
      `Tệp thuộc đợt rà soát khác (văn bản ${directive}, hạn ${deadline}), không phải đợt đang chọn.`,
    duplicate: (unit: string, date: string) => `Tệp này đã được nhận ngày ${date} (${unit}) — trùng hoàn toàn, không nhận lại.`,
    duplicateInBatch: (other: string) => `Tệp trùng hoàn toàn với tệp "${other}" trong lần nhận này.`,
    older: (mine: string, current: string) =>
      `Đơn vị đã gửi một tệp mới hơn (xuất lúc ${current}); tệp này xuất lúc ${mine} nên không thay thế tệp mới hơn.`,
    needsKey: (unit: string, fp: string) =>
      `Lần đầu nhận tệp của ${unit}: cần đối chiếu mã xác thực ${fp} với mã in trên báo cáo giấy có chữ ký của đơn vị, rồi xác nhận.`,
    keyChanged: (fp: string, pinned: string) =>
      `Tệp được ký bằng khóa khác (${fp}) với khóa đã xác nhận của đơn vị (${pinned}). Chỉ nhận khi đã đối chiếu mã mới với báo cáo giấy của đơn vị và xác nhận đổi khóa.`,
    badBase64: (file: string) => `Không nhận được nội dung tệp "${file}" (dữ liệu truyền bị hỏng). Hãy chọn lại tệp.`,
    auditAccept: (unit: string, file: string) => `Nhận tệp báo cáo của ${unit}: ${file}`,
    auditPin: (unit: string, fp: string) => `Xác nhận mã khóa ký của ${unit}: ${fp}`,
    auditKeyChange: (unit: string, from: string, to: string) => `Xác nhận đổi khóa ký của ${unit}: ${from} → ${to}`,
  },

  board: {
    tab: 'Theo dõi',
    pickCampaign: 'Đợt rà soát',
    noCampaigns: 'Chưa có đợt rà soát nào. Tạo đợt rà soát trong mục "Đợt rà soát" rồi quay lại đây.',
    deadline: (d: string) => `Hạn nộp: ${d}`,
    expected: 'Phải báo cáo',
    received: 'Đã nộp',
    filterKind: 'Loại đơn vị',
    filterStatus: 'Tình trạng',
    colUnit: 'Đơn vị',
    colKind: 'Loại',
    colStatus: 'Tình trạng',
    colReceived: 'Ngày nhận',
    colFiles: 'Số lần gửi',
    colTotal: 'Tổng TK',
    colDone: 'Đúng hạn',
    colLate: 'Muộn',
    colMissing: 'Chưa đổi',
    colCancel: 'Đề nghị hủy',
    colContact: 'Liên hệ',
    notExpected: 'ngoài danh sách',
    totalsTitle: 'Tổng hợp theo hệ thống (các tệp đã nhận)',
    totalsUnits: 'Số đơn vị',
    chaseTitle: 'Đơn vị cần đôn đốc (nộp muộn, chưa nộp)',
    chaseEmpty: 'Không có đơn vị nào cần đôn đốc.',
    empty: 'Không có đơn vị phù hợp.',
    noRegister: 'Chưa có đơn vị trực thuộc nào. Thêm đơn vị trong thẻ "Đơn vị trực thuộc".',
    history: 'Lịch sử tệp',
    historyTitle: (unit: string) => `Các tệp đã nhận của ${unit}`,
    current: 'đang dùng',
    superseded: 'đã thay thế',
    exportXlsx: 'Xuất bảng tổng hợp (Excel)',
    exporting: 'Đang xuất…',
    printReport: 'In báo cáo tổng hợp (để ký)',
    exported: (path: string) => `Đã lưu bảng tổng hợp vào ${path}`,
  },

  xlsx: {
    fileName: (code: string, stamp: string) => `ATTK_TongHop_${code}_${stamp}.xlsx`,
    sheets: { summary: 'Tổng hợp', cancellations: 'Đề nghị hủy TK', missing: 'Chưa nộp' },
    title: 'BẢNG TỔNG HỢP KẾT QUẢ RÀ SOÁT, THAY ĐỔI MẬT KHẨU TÀI KHOẢN CỦA CÁC ĐƠN VỊ',
    submissionLine: (expected: number, received: number, onTime: number, late: number, missing: number, others = 0) =>
      `Số đơn vị phải báo cáo: ${n(expected)}; đã nộp: ${n(received)} (đúng hạn ${n(onTime)}, muộn ${n(late)}${others > 0 ? `; trong đó ${n(others)} đơn vị ngoài danh sách phải báo cáo` : ''}); chưa nộp: ${n(missing)}.`,
    unitColumns: ['STT', 'Đơn vị', 'Mã', 'Ngày nhận', 'Tình trạng', 'Tổng số tài khoản', 'TK quản trị', 'TK người dùng', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi', 'Đề nghị hủy'],
    systemsTitle: 'TỔNG HỢP THEO HỆ THỐNG / PHẦN MỀM',
    systemColumns: ['STT', 'Hệ thống / phần mềm', 'Số đơn vị', 'Tổng số tài khoản', 'TK quản trị', 'TK người dùng', 'Đã đổi đúng hạn', 'Đổi muộn', 'Chưa đổi', 'Đề nghị hủy'],
    cancellationsTitle: 'DANH SÁCH TÀI KHOẢN ĐỀ NGHỊ HỦY/ĐIỀU CHỈNH CỦA CÁC ĐƠN VỊ',
    cancellationColumns: ['STT', 'Đơn vị báo cáo', 'Họ và tên', 'Chức vụ', 'Bộ phận', 'Tình trạng', 'Từ ngày', 'Hệ thống', 'Cơ quan quản lý', 'Tên đăng nhập', 'Loại TK'],
    missingTitle: 'DANH SÁCH ĐƠN VỊ CHƯA NỘP BÁO CÁO',
    missingColumns: ['STT', 'Đơn vị', 'Mã', 'Loại', 'Liên hệ'],
    noneMissing: 'Tất cả đơn vị đã nộp báo cáo.',
    job: 'Xuất bảng tổng hợp',
    what: 'tệp tổng hợp',
  },

  print: {
    title: 'BÁO CÁO',
    subject: (s: string) => `Kết quả tổng hợp: ${s}`,
    opening: (directive: string, office: string) => `Thực hiện ${directive}, ${office} báo cáo kết quả tổng hợp của các đơn vị như sau:`,
    s1: 'I. CÔNG TÁC TRIỂN KHAI',
    // Says a campaign file was sent only when one was exported (issue 18).
    s1Body: (office: string, units: number, start: string, deadline: string, fileSent: boolean) =>
      `${office} đã gửi văn bản chỉ đạo${fileSent ? ' và tệp đợt rà soát' : ''} đến ${n(units)} đơn vị; các đơn vị rà soát, tổ chức thay đổi mật khẩu tài khoản quản trị và tài khoản người dùng các phần mềm ứng dụng trong thời gian từ ngày ${start} đến ngày ${deadline} và gửi tệp báo cáo có chữ ký số về ${office}.`,
    s2: 'II. TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC ĐƠN VỊ',
    s2Body: (expected: number, received: number, onTime: number, late: number, missing: number, others = 0) =>
      `Tổng số ${n(expected)} đơn vị phải báo cáo; đã nộp ${n(received)} đơn vị (đúng hạn ${n(onTime)}, nộp muộn ${n(late)}${others > 0 ? `; trong đó ${n(others)} đơn vị ngoài danh sách phải báo cáo` : ''}); chưa nộp ${n(missing)} đơn vị.`,
    s3: 'III. KẾT QUẢ RÀ SOÁT, THAY ĐỔI MẬT KHẨU',
    s4: 'IV. TÀI KHOẢN ĐỀ NGHỊ HỦY, ĐIỀU CHỈNH',
    s4Body: (count: number) =>
      count === 0
        ? 'Các đơn vị không báo cáo tài khoản nào của cán bộ đã chuyển công tác, nghỉ hưu, thôi việc còn hoạt động.'
        : `Các đơn vị báo cáo ${n(count)} tài khoản của cán bộ đã chuyển công tác, nghỉ hưu, thôi việc cần hủy hoặc điều chỉnh (danh sách trong bảng tổng hợp Excel kèm theo).`,
    s5: 'V. ĐỀ XUẤT, KIẾN NGHỊ',
    s5Body: (missing: number, late: number) => {
      const asks = [
        missing > 0 ? `đề nghị ${n(missing)} đơn vị chưa nộp khẩn trương gửi báo cáo` : '',
        late > 0 ? `nhắc nhở ${n(late)} đơn vị nộp muộn bảo đảm thời hạn trong các đợt tiếp theo` : '',
        'đề nghị các đơn vị tiếp tục duy trì việc thay đổi mật khẩu định kỳ theo quy định',
      ].filter(Boolean);
      const text = asks.join('; ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    },
    closing: (office: string) => `Trên đây là báo cáo kết quả tổng hợp của ${office}./.`,
    appendix: 'Phụ lục',
    appendixTitle: 'KẾT QUẢ CỦA TỪNG ĐƠN VỊ',
    appendixRef: (no: string, date: string) => `(Kèm theo Báo cáo số ${no} ngày ${date})`,
    missingTitle: 'Đơn vị chưa nộp báo cáo:',
    missingMany: (k: number) => `Danh sách ${n(k)} đơn vị chưa nộp báo cáo tại Phụ lục kèm theo.`,
    archive: '- Lưu: VT.',
  },

  cli: {
    usage: `Cách dùng:
  attk campaign export --campaign MÃ --out TỆP.attk-campaign --db TỆP   Xuất tệp đợt rà soát gửi các đơn vị
  attk campaign import TỆP.attk-campaign --db TỆP [--unit-code MÃ --confirm-unit-code MÃ]
                                          Nhập tệp đợt rà soát của cơ quan cấp trên; nếu mã đơn vị không có trong tệp,
                                          lệnh in danh sách đơn vị của tệp: chọn (--unit-code) và xác nhận (--confirm-unit-code)
  attk district import TỆP.xlsx… --db TỆP [--campaign MÃ] [--confirm-key MÃ_ĐV=MÃ_XÁC_THỰC]… [--confirm-unit MÃ_ĐV]… [--json]
                                          Nhận nhiều tệp báo cáo của các đơn vị (kiểm tra chữ ký, khóa đã xác nhận, tên và mã đơn vị, đợt).
                                          --confirm-key: xác nhận khóa đầu tiên của đơn vị sau khi đối chiếu mã với báo cáo giấy có chữ ký.
                                          --confirm-unit: nhận tệp ghi tên đơn vị khác danh sách, sau khi đã kiểm tra đúng đơn vị.
                                          (--trust-new-keys: lưu khóa đầu tiên KHÔNG đối chiếu, chỉ cho đơn vị chưa có khóa; in từng khóa đã lưu.)
  attk district change-key TỆP.xlsx --unit MÃ_ĐV --fingerprint MÃ_MỚI --reason "LÝ DO" --db TỆP
                                          Đổi khóa của một đơn vị (mã mới đối chiếu với báo cáo giấy mới; ghi lý do, người, thời điểm)
  attk district export --campaign MÃ --out TỆP.xlsx --db TỆP            Xuất bảng tổng hợp các đơn vị
  attk district units TỆP.xlsx|TỆP.csv --db TỆP                          Nhập danh sách đơn vị trực thuộc`,
    unknown: (c: string) => `Lệnh con không hợp lệ: ${c}.`,
    noFiles: 'Cần chỉ ra ít nhất một tệp.',
    noFile: (f: string) => `Không đọc được tệp ${f}.`,
    progress: 'Nhận tệp báo cáo',
    line: (file: string, status: string, message: string) => `${status === 'accepted' ? '✔' : '✘'} ${file}: ${message}`,
    summary: (accepted: number, refused: number, seconds: string) => `Đã nhận ${n(accepted)} tệp, từ chối ${n(refused)} tệp (${seconds} giây).`,
    campaignExported: (out: string, ref: string, fp: string) => `Đã xuất ${out}\nMã đợt: ${ref}\nMã xác thực của cơ quan: ${fp}`,
    campaignImported: (directive: string, id: number, fp: string) => `Đã nhập đợt rà soát ${directive} (mã ${id}).\nMã xác thực của cơ quan gửi: ${fp}`,
    exported: (out: string, sha: string) => `Đã xuất ${out}\nSHA-256: ${sha}`,
    unitsImported: (created: number, updated: number, unchanged: number, problems: number) =>
      `Thêm ${n(created)}, cập nhật ${n(updated)}, không đổi ${n(unchanged)} đơn vị; ${n(problems)} dòng lỗi.`,
  },
};
