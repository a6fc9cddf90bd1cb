// Strings of digital signing (ký số): the unit's USB token (PKCS#11), the signed report PDF, and
// the receiving office's verification against its trusted root certificates.

export const viSigning = {
  /** Labels of the signing methods' input fields (zod errors name them). */
  fields: {
    library: 'Thư viện PKCS#11',
    slot: 'Khe token',
    certificateId: 'Chứng thư số',
    pin: 'Mã PIN',
    visible: 'Khối chữ ký số',
    pdfBase64: 'Tệp PDF',
  } as Record<string, string>,
  title: 'Ký số báo cáo',
  intro:
    'Ký báo cáo bằng chứng thư số của đơn vị trên USB token. Tệp PDF đã ký mang kèm tệp Excel dữ liệu đã ký của đơn vị; nơi nhận kiểm tra chữ ký theo các chứng thư số gốc tin cậy, không cần xác nhận khóa bằng tay.',
  library: 'Thư viện PKCS#11 của token',
  libraryHint:
    'Tên tệp .dll do nhà cung cấp token cài vào Windows (thường trong C:\\Windows\\System32). Chọn một gợi ý hoặc gõ đường dẫn đầy đủ.',
  libraryPick: 'Chọn tệp thư viện…',
  findCertificates: 'Tìm chứng thư số trên token',
  certificate: 'Chứng thư số',
  noCertificates: 'Không thấy chứng thư số nào trên token. Hãy kiểm tra token đã cắm và thư viện đúng loại token.',
  pin: 'Mã PIN của token',
  pinHint: 'Mã PIN chỉ dùng cho lần ký này, không được lưu hay ghi lại ở đâu.',
  visible: 'In khối chữ ký số (người ký, tổ chức, thời gian) ở cuối báo cáo',
  attach: 'Đính kèm tệp Excel dữ liệu đã ký của đơn vị vào PDF',
  pdfUpload: 'Tệp PDF của báo cáo (lưu từ hộp thoại In → Lưu dưới dạng PDF)',
  pdfUploadHint: 'Khi chạy trong trình duyệt, hãy mở bản in báo cáo, chọn "Lưu dưới dạng PDF" rồi chọn tệp đó ở đây.',
  sign: 'Ký số',
  signing: 'Đang ký…',
  signed: (file: string) => `Đã ký số: ${file}`,
  download: 'Tải tệp PDF đã ký',
  block: {
    heading: 'ĐÃ KÝ SỐ',
    signer: 'Người ký',
    organisation: 'Cơ quan, tổ chức',
    serial: 'Số hiệu chứng thư',
    time: 'Thời gian ký',
  },
  historyKind: 'PDF ký số',
  certSummary: (subject: string, serial: string) => `${subject} (số hiệu ${serial})`,
  validity: (from: string, to: string) => `Hiệu lực ${from} – ${to}`,
  suggestionsTitle: 'Thư viện token thường gặp',
  /** Common PKCS#11 library file names of the token vendors of Vietnam's CAs (Windows, System32). */
  suggestions: [
    { vendor: 'VNPT-CA', files: ['vnptca_p11_v10.dll', 'vnptca_p11_v8.dll', 'vnpt-ca_csp11.dll', 'VNPT-CA_v34.dll'] },
    { vendor: 'Viettel-CA', files: ['viettel-ca_v6.dll', 'viettel-ca_v5.dll', 'viettel-ca_v4.dll'] },
    { vendor: 'BkavCA', files: ['BkavCA.dll', 'bkavcaetoken_p11.dll'] },
    { vendor: 'FPT-CA', files: ['fpt-ca.dll'] },
    { vendor: 'Ban Cơ yếu Chính phủ (CA chuyên dùng)', files: ['gclib.dll'] },
    { vendor: 'CA2 (Nacencomm)', files: ['CA2_csp11.dll', 'ShuttleCsp11_3003.dll'] },
    { vendor: 'SafeNet eToken', files: ['eTPKCS11.dll'] },
    { vendor: 'ePass2003 (Feitian)', files: ['eps2003csp11.dll'] },
  ],
  errors: {
    noModule:
      'Máy này chưa có thành phần ký số (pkcs11js). Hãy cài lại ATTK bằng bộ cài đầy đủ, hoặc chạy "npm start" một lần để chuẩn bị thành phần này.',
    library: (lib: string) => `Không nạp được thư viện token "${lib}". Hãy kiểm tra tên tệp, đã cài phần mềm của token chưa, và bản 64-bit/32-bit có khớp không.`,
    noToken: 'Không thấy token nào đang cắm vào máy.',
    slot: (n: number, count: number) => `Không có khe token số ${n} (máy đang có ${count} token).`,
    noCertificate: 'Không tìm thấy chứng thư số phù hợp trên token.',
    noKey: 'Không tìm thấy khóa bí mật đi kèm chứng thư số trên token.',
    pinEmpty: 'Hãy nhập mã PIN của token.',
    pinIncorrect: 'Mã PIN không đúng. Lưu ý: nhập sai nhiều lần liên tiếp token sẽ bị khóa.',
    pinLocked: 'Token đã bị khóa do nhập sai mã PIN quá số lần cho phép. Hãy liên hệ nhà cung cấp chứng thư số để mở khóa.',
    pinExpired: 'Mã PIN của token đã hết hạn, hãy đổi mã PIN bằng phần mềm của token rồi ký lại.',
    notRsa: 'Khóa trên token không phải RSA; ATTK hiện chỉ ký được bằng khóa RSA.',
    token: (code: string) => `Token báo lỗi khi ký (${code}).`,
    certExpiredNow: (to: string) => `Chứng thư số đã hết hạn từ ${to}; không thể ký bằng chứng thư này.`,
    certNotYet: (from: string) => `Chứng thư số chỉ có hiệu lực từ ${from}.`,
    notPdf: 'Tệp không phải PDF.',
    pdfBroken: 'Không đọc được tệp PDF.',
    pdfMissing: 'Chưa có tệp PDF của báo cáo.',
    pdfEncrypted: 'Tệp PDF đang được đặt mật khẩu; không thể ký.',
    attachment: 'Không đọc được tệp Excel cần đính kèm.',
  },
  verify: {
    ok: 'Chữ ký số hợp lệ',
    noSignature: 'Tệp PDF không có chữ ký số.',
    manySignatures: (n: number) => `Tệp PDF có ${n} chữ ký số; ATTK chỉ nhận báo cáo có đúng một chữ ký.`,
    notWholeFile: 'Chữ ký số không bao trùm toàn bộ tệp: tệp đã bị thêm nội dung sau khi ký.',
    byteRange: 'Vùng dữ liệu được ký (ByteRange) của chữ ký không hợp lệ.',
    cms: 'Không đọc được dữ liệu chữ ký số (CMS) trong tệp.',
    subFilter: (s: string) => `Kiểu chữ ký "${s}" không được hỗ trợ (cần ETSI.CAdES.detached hoặc adbe.pkcs7.detached).`,
    digest: 'Nội dung tệp PDF đã bị thay đổi sau khi ký (giá trị băm không khớp).',
    signature: 'Chữ ký số không khớp với chứng thư số của người ký.',
    signingCertificate: 'Chữ ký thiếu hoặc sai thuộc tính chứng thư người ký (signing-certificate-v2).',
    noSignerCert: 'Tệp không mang chứng thư số của người ký.',
    noTime: 'Chữ ký không ghi thời gian ký.',
    futureTime: (time: string) => `Thời gian ký ${time} ở tương lai.`,
    notValidAtTime: (time: string, from: string, to: string) =>
      `Chứng thư số không có hiệu lực tại thời điểm ký ${time} (hiệu lực ${from} – ${to}).`,
    noRoots: 'Chưa có chứng thư số gốc tin cậy nào. Vào Cài đặt → Chứng thư số gốc tin cậy để nhập chứng thư gốc của tổ chức cung cấp dịch vụ chứng thực.',
    untrusted: (issuer: string) => `Chứng thư số không được cấp bởi tổ chức chứng thực nằm trong danh sách tin cậy (tổ chức cấp: ${issuer}).`,
    chain: (detail: string) => `Chuỗi chứng thư số không hợp lệ: ${detail}.`,
    chainDetail: 'chứng thư trung gian hoặc chứng thư gốc không có hiệu lực tại thời điểm ký, hoặc chữ ký của tổ chức cấp không khớp',
    keyUsage: 'Chứng thư số không được phép dùng để ký (thiếu mục đích chữ ký số/chống chối bỏ).',
    noAttachment: 'Tệp PDF đã ký không đính kèm tệp Excel dữ liệu của đơn vị.',
    manyAttachments: (n: number) => `Tệp PDF đính kèm ${n} tệp Excel; chỉ được đính kèm một.`,
    signerLine: (name: string, org: string) => `Người ký: ${name}${org ? ` — ${org}` : ''}`,
  },
  roots: {
    title: 'Chứng thư số gốc tin cậy',
    intro:
      'Báo cáo PDF ký số của đơn vị được nhận khi chữ ký dẫn về một chứng thư gốc trong danh sách này. ATTK không cài sẵn chứng thư gốc nào: hãy lấy tệp .cer/.crt từ trang chính thức của Trung tâm Chứng thực điện tử quốc gia (NEAC) hoặc Ban Cơ yếu Chính phủ rồi nhập vào đây.',
    import: 'Nhập tệp .cer/.crt…',
    empty: 'Chưa có chứng thư gốc tin cậy nào.',
    subject: 'Chủ thể',
    fingerprint: 'Dấu vân tay SHA-256',
    validity: 'Hiệu lực',
    addedAt: 'Ngày nhập',
    remove: 'Bỏ khỏi danh sách',
    removeConfirm: (name: string) => `Bỏ "${name}" khỏi danh sách chứng thư gốc tin cậy?`,
    added: (n: number) => `Đã nhập ${n} chứng thư gốc.`,
    notCertificate: (file: string) => `${file}: không phải chứng thư số X.509 (.cer/.crt dạng DER hoặc PEM).`,
    notCa: (file: string) => `${file}: không phải chứng thư của tổ chức chứng thực (thiếu BasicConstraints CA).`,
    duplicate: (file: string) => `${file}: chứng thư này đã có trong danh sách.`,
  },
  office: {
    refused: (file: string, problems: string) => `Tệp PDF ký số "${file}" không hợp lệ: ${problems} Không nhận tệp này.`,
    workbook: (problems: string) => `Tệp Excel đính kèm trong PDF không hợp lệ: ${problems}`,
    orgMismatch: (org: string, unit: string) =>
      `Chứng thư số cấp cho tổ chức "${org || '—'}", không phải "${unit}" như trong danh sách đơn vị trực thuộc. Không nhận tệp; hãy kiểm tra đơn vị đã ký bằng đúng chứng thư số của mình.`,
    accepted: (signer: string, org: string) => ` Chữ ký số hợp lệ: ${signer} — ${org}.`,
    auditVouched: (unit: string, fp: string, subject: string, serial: string) =>
      `Khóa ký tệp Excel ${fp} của ${unit} được xác nhận qua chữ ký số (${subject}, số hiệu ${serial})`,
    boardSigned: 'Ký số',
    boardSigner: (signer: string, org: string) => `${signer} — ${org}`,
  },
  cli: {
    signed: (out: string, sha: string) => `Đã ký: ${out}\nSHA-256: ${sha}`,
    verified: (signer: string, org: string, time: string) => `Hợp lệ. Người ký: ${signer}; tổ chức: ${org || '—'}; thời gian ký: ${time}`,
    refused: 'Không hợp lệ:',
    pinEnv: (name: string) => `Biến môi trường ${name} chưa có mã PIN.`,
    help:
      'Ký số:\n' +
      '  attk sign-pdf IN.pdf --out OUT.pdf --pkcs11 THƯ_VIỆN [--slot N] [--key-label NHÃN] --pin-env BIẾN [--attach TỆP.xlsx] [--db TỆP] [--replace]\n' +
      '      ký PDF bằng token (PAdES, SHA-256); mã PIN lấy từ biến môi trường BIẾN, không bao giờ ghi ra;\n' +
      '      không ghi đè tệp OUT.pdf đã có (trừ khi có --replace), không bao giờ ghi lên cơ sở dữ liệu hay khóa ký số\n' +
      '  attk verify-pdf TỆP.pdf [--roots THƯ_MỤC]\n' +
      '      kiểm tra chữ ký số (toàn bộ tệp, chuỗi chứng thư về gốc trong THƯ_MỤC .cer/.crt) và tệp Excel đính kèm\n',
  },
};
