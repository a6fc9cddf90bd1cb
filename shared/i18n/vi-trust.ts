// Issue 15: trust in the files exchanged between units and the receiving office — pinned keys,
// unit identity, what a reader sees, nothing hidden. Vietnamese strings of that feature only.
const n = (x: number) => x.toLocaleString('vi-VN');

export const viTrust = {
  keys: {
    needsKey: (unit: string, fp: string) =>
      `Lần đầu nhận tệp của ${unit}: mã xác thực của khóa ký là ${fp}. Đối chiếu mã này với mã in trên báo cáo giấy có chữ ký, đóng dấu của đơn vị; chỉ khi trùng khớp mới xác nhận và nhận tệp.`,
    confirmedOther: (fp: string, typed: string) =>
      `Mã xác thực của tệp (${fp}) khác mã đã nhập để xác nhận (${typed}). Không nhận tệp: kiểm tra lại mã trên báo cáo giấy của đơn vị.`,
    keyChanged: (unit: string, fp: string, pinned: string) =>
      `Tệp được ký bằng khóa ${fp}, khác khóa đã xác nhận của ${unit} (${pinned}). Không nhận tệp — có thể là tệp giả mạo. Nếu đơn vị thực sự đã đổi khóa (máy mới, mất tệp khóa), hãy đối chiếu mã mới với báo cáo giấy mới của đơn vị rồi thực hiện "Đổi khóa" riêng cho đơn vị này (ghi lý do), sau đó nhận lại tệp.`,
    batchConflict: (unit: string, fp: string, other: string, file: string) =>
      `Cùng một lần nhận có hai khóa khác nhau cho ${unit}: tệp này ký bằng ${fp}, tệp "${file}" ký bằng ${other}. Không nhận tệp này; một đơn vị chỉ có một khóa.`,
    pinnedBy: (fp: string) => ` Đã lưu mã xác thực ${fp} của đơn vị (đã đối chiếu với báo cáo giấy).`,
    pinnedUnchecked: (fp: string) => ` Đã lưu mã xác thực ${fp} của đơn vị theo --trust-new-keys (CHƯA đối chiếu với báo cáo giấy — hãy đối chiếu ngay).`,
    auditPin: (unit: string, fp: string, how: string) => `Xác nhận mã khóa ký của ${unit}: ${fp} (${how})`,
    howConfirmed: 'đối chiếu với báo cáo giấy',
    howTrusted: 'tin khóa mới không đối chiếu',
    howCertificate: 'báo cáo PDF ký số có chứng thư hợp lệ của đơn vị',
    auditChange: (unit: string, from: string, to: string, reason: string) => `Đổi khóa ký của ${unit}: ${from} → ${to}. Lý do: ${reason}`,
    change: {
      noPinned: (unit: string) => `${unit} chưa có khóa đã xác nhận: khóa đầu tiên được xác nhận khi nhận tệp, không cần đổi khóa.`,
      same: (fp: string) => `Khóa ${fp} đang là khóa đã xác nhận của đơn vị — không có gì để đổi.`,
      badKey: 'Khóa công khai không hợp lệ (không phải khóa Ed25519).',
      mismatch: (fp: string, typed: string) =>
        `Mã xác thực của khóa mới là ${fp}, khác mã đã nhập (${typed}). Không đổi khóa: nhập đúng mã in trên báo cáo giấy mới của đơn vị.`,
      unknownUnit: (code: string) => `Không có đơn vị mã ${code} trong danh sách đơn vị trực thuộc.`,
      otherUnit: (file: string, code: string) => `Tệp của đơn vị mã ${file}, không phải đơn vị ${code}.`,
      done: (unit: string, from: string, to: string) => `Đã đổi khóa của ${unit}: ${from} → ${to}. Hãy nhận lại tệp của đơn vị.`,
      title: 'Đổi khóa ký của đơn vị',
      body: (unit: string) =>
        `Đổi khóa là việc riêng cho từng đơn vị, chỉ làm khi ${unit} báo đã đổi khóa (máy mới, mất tệp khóa) và gửi báo cáo giấy có chữ ký in mã mới. Mọi tệp sau này phải ký bằng khóa mới.`,
      oldKey: 'Khóa đang dùng',
      newKey: 'Khóa mới trong tệp',
      typed: 'Nhập mã mới in trên báo cáo giấy',
      reason: 'Lý do đổi khóa',
      action: 'Đổi khóa',
      open: 'Đổi khóa…',
    },
    confirm: {
      title: 'Xác nhận mã xác thực của đơn vị',
      body: (unit: string) =>
        `Đối chiếu mã xác thực dưới đây với mã in ở cuối báo cáo giấy có chữ ký, đóng dấu của ${unit}. Chỉ xác nhận khi hai mã trùng khớp hoàn toàn.`,
      checked: 'Tôi đã đối chiếu: mã trên báo cáo giấy trùng khớp hoàn toàn',
      action: 'Xác nhận và nhận tệp',
    },
    cliHint:
      'Tệp chưa nhận vì chưa xác nhận mã khóa: so mã xác thực in trên với mã in trên báo cáo giấy có chữ ký của từng đơn vị, rồi chạy lại với --confirm-key MÃ_ĐƠN_VỊ=MÃ_XÁC_THỰC cho mỗi đơn vị đã đối chiếu. Khóa khác khóa đã xác nhận: dùng "attk district change-key" (xem --help).',
    cliChanged: (unit: string, from: string, to: string) => `Đã đổi khóa của ${unit}: ${from} → ${to}.`,
    badConfirmKey: (v: string) => `Giá trị --confirm-key không hợp lệ: "${v}". Dạng đúng: --confirm-key MÃ_ĐƠN_VỊ=XXXX-XXXX-XXXX-XXXX.`,
    // Unit side: the key that signs exports.
    exportKeyChanged: (previous: string, current: string) =>
      `Cảnh báo: tệp này được ký bằng khóa ${current}, khác khóa của lần xuất trước (${previous}). Cơ quan tiếp nhận sẽ từ chối tệp cho đến khi xác nhận đổi khóa. Khóa ký nằm trong tệp dữ liệu và trong mọi bản sao lưu: nếu còn bản sao lưu có khóa cũ, hãy khôi phục bản đó (Cài đặt → Sao lưu, hoặc "attk restore --from …") rồi xuất lại; nếu không còn, in báo cáo giấy mới có mã ${current}, ký, đóng dấu và gửi cơ quan tiếp nhận để đổi khóa.`,
  },
  identity: {
    mismatch: (fileName: string, fileCode: string, registerName: string) =>
      `Tệp ghi đơn vị "${fileName}" (mã ${fileCode}), nhưng trong danh sách đơn vị trực thuộc mã ${fileCode} là "${registerName}". Không nhận cho đến khi xác nhận đây đúng là ${registerName}.`,
    confirmAction: (name: string) => `Xác nhận đây là ${name}…`,
    confirmTitle: 'Xác nhận đơn vị gửi tệp',
    confirmBody: (fileName: string, registerName: string, code: string) =>
      `Tệp ghi tên đơn vị "${fileName}", danh sách của cơ quan ghi mã ${code} là "${registerName}". Chỉ xác nhận khi chắc chắn đây là cùng một đơn vị (ví dụ đơn vị đã đổi tên).`,
    confirmed: (fileName: string, registerName: string) => ` Đã xác nhận tệp ghi "${fileName}" là ${registerName}.`,
    cliHint: 'Tên đơn vị trong tệp khác danh sách: kiểm tra, rồi chạy lại với --confirm-unit MÃ_ĐƠN_VỊ nếu đúng là cùng một đơn vị.',
    // Unit side: a campaign file whose list of units does not hold this unit's code.
    notListed: (code: string) =>
      `Mã đơn vị của bạn (${code}) không có trong danh sách đơn vị của tệp đợt rà soát. Chọn đúng đơn vị của mình trong danh sách dưới đây và xác nhận; mã đơn vị sẽ được đổi theo.`,
    pickNotListed: (code: string) => `Mã ${code} không có trong danh sách đơn vị của tệp.`,
    confirmNeeded: (from: string, to: string, name: string) =>
      `Mã đơn vị sẽ đổi từ ${from} thành ${to} ("${name}" trong tệp). Chạy lại với --confirm-unit-code ${to} để xác nhận.`,
    confirmMismatch: (picked: string, confirmed: string) => `Mã xác nhận (${confirmed}) khác mã đã chọn (${picked}).`,
    listTitle: 'Danh sách đơn vị trong tệp (mã — tên):',
    listLine: (code: string, name: string) => `  ${code} — ${name}`,
    codeChanged: (from: string, to: string) => `Đã đổi mã đơn vị từ ${from} thành ${to} theo tệp đợt rà soát.`,
    uiConfirm: (from: string, to: string, name: string) => `Tôi xác nhận đơn vị của tôi là "${name}": đổi mã đơn vị từ ${from} thành ${to}.`,
  },
  // Verification of what a reader sees: each reason names the sheet and the cell, row or column.
  look: {
    format: (cell: string, shown: string, own: string) =>
      `Ô ${cell} hiển thị "${shown}" trong khi giá trị đã ký là "${own}" (định dạng số đã bị sửa).`,
    oddFormat: (cell: string, format: string, own: string) =>
      `Ô ${cell} có định dạng số "${format}" làm nội dung hiển thị khác giá trị đã ký ("${own}").`,
    contrast: (cell: string) => `Ô ${cell} có chữ cùng màu hoặc gần màu nền (ví dụ chữ trắng): người đọc không thấy nội dung.`,
    tiny: (cell: string) => `Ô ${cell} có cỡ chữ quá nhỏ để đọc.`,
    hiddenRow: (sheet: string, row: number) => `Trang "${sheet}" có hàng ${row} bị ẩn.`,
    lowRow: (sheet: string, row: number) => `Trang "${sheet}" có hàng ${row} bị thu nhỏ đến mức không đọc được.`,
    hiddenColumn: (sheet: string, col: string) => `Trang "${sheet}" có cột ${col} bị ẩn hoặc thu hẹp đến mức không đọc được.`,
    hiddenSheet: (sheet: string) => `Tệp có trang tính bị ẩn "${sheet}" (ngoài phần dữ liệu đã ký).`,
    headerFooter: (sheet: string, text: string) => `Trang "${sheet}" có đầu trang/chân trang "${text}" không do ATTK tạo (nội dung in ra đã bị thay đổi).`,
    conditional: (sheet: string) => `Trang "${sheet}" có định dạng có điều kiện (làm thay đổi cách hiển thị ô).`,
    drawing: (sheet: string) => `Trang "${sheet}" có hình vẽ, hộp chữ hoặc hình nền che lên nội dung.`,
    comments: (sheet: string) => `Trang "${sheet}" có chú thích ẩn trong ô.`,
    zeros: (sheet: string) => `Trang "${sheet}" được đặt để không hiện số 0.`,
    printArea: (area: string) => `Tệp đặt vùng in (${area}) làm một phần nội dung không được in ra.`,
    more: (x: number) => `… và ${n(x)} vấn đề khác cùng loại.`,
  },
  logins: {
    fullNote: 'Tên đăng nhập ghi đầy đủ để cơ quan quản lý hệ thống hủy hoặc điều chỉnh đúng tài khoản.',
    maskedNote: 'Tên đăng nhập được che một phần (vẫn phân biệt được từng tài khoản); văn bản đề nghị hủy tài khoản ghi đầy đủ.',
    officeMasked: 'Tên đăng nhập được che một phần; xuất với "Hiện đầy đủ tên đăng nhập" để ghi đầy đủ như đơn vị đã gửi.',
    officeFull: 'Tên đăng nhập ghi như trong tệp của đơn vị (đầy đủ khi đơn vị gửi đầy đủ).',
    showAtOffice: 'Hiện đầy đủ tên đăng nhập (như đơn vị đã gửi)',
  },
  // The office without the UI (CLI parity).
  cli: {
    unitSaved: (name: string, code: string) => `Đã lưu thông tin đơn vị: ${name} (mã ${code}).`,
    unknownSystem: (code: string, known: string) => `Không có hệ thống mã ${code}. Các mã hiện có: ${known}.`,
    campaignCreated: (id: number, directive: string, deadline: string) => `Đã tạo và bắt đầu đợt rà soát ${directive} (mã ${id}), hạn ${deadline}.`,
    modeUsage: 'Cách dùng: attk district mode on|off --db TỆP [--level province|district|ward|other] [--address ĐỊA_CHỈ]',
    badLevel: (levels: string) => `Tùy chọn --level phải là một trong: ${levels}.`,
    modeOn: (office: string) => `Đã bật chế độ cơ quan tiếp nhận báo cáo cho ${office}.`,
    modeOff: 'Đã tắt chế độ cơ quan tiếp nhận báo cáo.',
    expected: (x: number) => `Đợt rà soát này chờ báo cáo của ${n(x)} đơn vị.`,
    boardCounts: (expected: number, received: number, onTime: number, late: number, missing: number) =>
      `Phải báo cáo ${n(expected)} · đã nộp ${n(received)} (đúng hạn ${n(onTime)}, muộn ${n(late)}) · chưa nộp ${n(missing)}`,
    figures: (total: number, done: number, late: number, missing: number, toCancel: number) =>
      `TK ${n(total)}: đã đổi ${n(done)}, muộn ${n(late)}, chưa đổi ${n(missing)}, đề nghị hủy ${n(toCancel)}`,
    totals: (total: number, done: number, late: number, missing: number, toCancel: number) =>
      `Tổng cộng: ${n(total)} tài khoản — đã đổi ${n(done)}, đổi muộn ${n(late)}, chưa đổi ${n(missing)}, đề nghị hủy ${n(toCancel)}.`,
    help: `
Cơ quan tiếp nhận không dùng giao diện:
  attk unit set --db TỆP --name TÊN --code MÃ [--parent CƠ_QUAN_CHỦ_QUẢN] [--head-name TÊN] [--head-title CHỨC_VỤ] [--place ĐỊA_DANH]
                                          Thông tin đơn vị (tên, mã, người ký)
  attk district mode on|off --db TỆP [--level province|district|ward|other] [--address ĐỊA_CHỈ]
                                          Bật/tắt chế độ cơ quan tiếp nhận báo cáo
  attk campaign create --db TỆP --directive SỐ_VĂN_BẢN --subject TRÍCH_YẾU --start YYYY-MM-DD --deadline YYYY-MM-DD [--systems MÃ,MÃ]
                                          Tạo và bắt đầu đợt rà soát (mặc định: mọi hệ thống)
  attk district expect --db TỆP --campaign MÃ --units MÃ_ĐV,MÃ_ĐV|all   Chọn các đơn vị phải báo cáo
  attk district board --db TỆP --campaign MÃ [--json]                    In bảng theo dõi: đúng hạn, muộn, chưa nộp`,
  },
  shown: {
    units: (x: number) => `${n(x)} đơn vị`,
  },
} as const;
