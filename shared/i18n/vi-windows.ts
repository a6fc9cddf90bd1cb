// Vietnamese text of the Windows shell: where the data lives, network drives, the one-time move
// out of the roaming profile, desktop reminders. Joined into `vi` as `vi.windows`. Self-contained:
// shared/i18n/vi.ts imports this file, so it must not import vi.ts.

export const viWindows = {
  location: {
    /** A database on a drive letter that Windows maps to a network share (net use Z: \\server\share). */
    mappedDrive: (drive: string, target: string) =>
      `Ổ ${drive} là ổ mạng (${target}). ATTK chỉ mở cơ sở dữ liệu trên ổ đĩa của chính máy này, vì ghi qua mạng có thể làm hỏng tệp. ` +
      'Hãy chép tệp về một thư mục trên ổ đĩa của máy (ví dụ ổ C:) rồi mở lại; muốn lưu thêm một bản trên máy chủ, hãy dùng chức năng Sao lưu.',
    /** The folder is itself on a share (a link/junction to \\server\share, or a network file system). */
    remoteFolder: (folder: string) =>
      `Thư mục ${folder} nằm trên máy khác qua mạng. ATTK chỉ mở cơ sở dữ liệu trên ổ đĩa của chính máy này, vì ghi qua mạng có thể làm hỏng tệp. ` +
      'Hãy chép tệp về một thư mục trên ổ đĩa của máy rồi mở lại.',
  },
  move: {
    /** Shown after a failed move: the app goes on with the data where it was. */
    failedTitle: 'Chưa chuyển được dữ liệu sang thư mục mới',
    failed: (from: string, to: string, detail: string) =>
      `ATTK lưu dữ liệu trong thư mục riêng của máy (${to}) thay cho thư mục hồ sơ chuyển vùng (${from}), nhưng lần này chưa chuyển được: ${detail}\n\n` +
      'Dữ liệu cũ được giữ nguyên và ATTK tiếp tục dùng nó. Lần mở sau ATTK sẽ thử chuyển lại; nếu vẫn lỗi, hãy báo cán bộ phụ trách CNTT (xem mục Windows trong tài liệu hướng dẫn).',
    keyConflict: (file: string) => `đã có một khóa ký khác tại ${file}; không ghi đè khóa ký của đơn vị`,
    damaged: (result: string) => `tệp dữ liệu cũ bị hỏng (${result})`,
    integrity: (result: string) => `bản chép không qua được kiểm tra toàn vẹn (${result})`,
    counts: (table: string, source: number, copy: number) => `bảng ${table} có ${source} dòng nhưng bản chép có ${copy} dòng`,
    /** Left beside the old file so that whoever opens the old folder knows where the data went. */
    note: (to: string, at: string) =>
      `Dữ liệu ATTK trong thư mục này đã được chuyển sang ${to} lúc ${at} và đã được kiểm tra (toàn vẹn, số dòng từng bảng).\r\n` +
      'Tệp attk.sqlite ở đây là bản cũ, ATTK không dùng nữa. Có thể xóa thư mục này sau khi đã kiểm tra ATTK mở đúng dữ liệu.\r\n',
  },
  reminders: {
    /** Start-menu shortcut the portable build creates so that Windows shows its reminders. */
    portableShortcutName: 'ATTK - An toàn Tài khoản (bản chạy trực tiếp)',
  },
  print: {
    /** Tệp → In… (Ctrl+P): prints the print view on screen with its own paper and orientation. */
    menu: 'In tài liệu…',
  },
};
