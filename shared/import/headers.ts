import { foldForSearch } from '../text/vietnamese';
import type { ImportField } from './schema';

// Header names as units actually write them, folded (no diacritics, đ→d, lower case), so
// "HỌ VÀ TÊN", "Họ và tên", "Ho va ten" and a decomposed "Họ và tên" all compare equal.
// More specific names win over shorter ones ("Loại tài khoản" is the role, not the login).
export const HEADER_VARIANTS: Record<ImportField, readonly string[]> = {
  seq: ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'],
  fullName: [
    'ho va ten', 'ho ten', 'ho va ten can bo', 'ho ten can bo', 'ten can bo', 'can bo', 'ho va ten cbccvc',
    'chu tai khoan', 'nguoi su dung', 'ho ten nguoi su dung', 'ho va ten nguoi su dung', 'nguoi duoc cap',
    'ho dem', 'ho va ten dem', 'ho va dem', 'ho',
  ],
  givenName: ['ten'],
  position: ['chuc vu', 'chuc danh', 'chuc vu chuc danh', 'chuc vu hien nay'],
  department: ['bo phan', 'phong ban', 'phong', 'bo phan cong tac', 'phong ban chuyen mon', 'to chuyen mon', 'khoa phong', 'to'],
  unit: ['don vi', 'co quan', 'co quan don vi', 'don vi cong tac', 'ten don vi'],
  staffType: ['loai can bo', 'doi tuong', 'phan loai', 'loai cbccvc', 'ngach', 'loai nhan su', 'loai hinh'],
  partyMember: ['dang vien', 'la dang vien', 'dv', 'ngay vao dang'],
  system: ['he thong', 'phan mem', 'ten phan mem', 'ten he thong', 'ung dung', 'he thong phan mem', 'phan mem ung dung'],
  loginName: ['ten dang nhap', 'tai khoan', 'ten tai khoan', 'tai khoan dang nhap', 'username', 'user name', 'login', 'ten truy cap', 'user'],
  role: ['loai tai khoan', 'quyen', 'vai tro', 'nhom quyen', 'phan quyen', 'quyen han', 'loai tk', 'quyen su dung'],
  createdOn: ['ngay cap', 'ngay tao', 'ngay cap tai khoan', 'ngay tao tai khoan', 'ngay cap tk'],
  sourceDocument: ['van ban', 'can cu', 'cong van', 'van ban cap', 'so van ban', 'van ban nguon', 'can cu cap'],
  changedOn: ['ngay doi mat khau', 'ngay doi mk', 'ngay thay doi mat khau', 'ngay doi', 'ngay xac nhan doi mat khau', 'ngay'],
  confirmedBy: ['nguoi xac nhan', 'xac nhan boi', 'ben xac nhan'],
  method: ['hinh thuc xac nhan', 'hinh thuc', 'cach xac nhan', 'phuong thuc'],
  note: ['ghi chu', 'chu thich'],
};

/** Folded header text with punctuation turned into spaces: "Ngày đổi mật khẩu (dd/mm/yyyy)" → "ngay doi mat khau dd mm yyyy". */
export function normaliseHeader(text: string): string {
  return foldForSearch(text.replace(/[()[\]{}:;.,/\\\-_*#"'“”?!|+]/g, ' '));
}

/**
 * How well a header names a field: 0 for not at all. Exact names score highest, then names that
 * start the header ("Họ và tên cán bộ"), then names found as whole words inside it; within a kind,
 * longer (more specific) names beat shorter ones.
 */
export function headerScore(header: string, field: ImportField): number {
  const text = normaliseHeader(header);
  if (!text) return 0;
  let best = 0;
  for (const variant of HEADER_VARIANTS[field]) {
    let score = 0;
    if (text === variant) score = 1000 + variant.length;
    else if (text.startsWith(`${variant} `)) score = 500 + variant.length;
    else if (variant.length >= 4 && ` ${text} `.includes(` ${variant} `)) score = 100 + variant.length;
    if (score > best) best = score;
  }
  return best;
}

/** The field a header names best among `fields`, or null. */
export function bestField(header: string, fields: readonly ImportField[]): { field: ImportField; score: number } | null {
  let best: { field: ImportField; score: number } | null = null;
  for (const field of fields) {
    const score = headerScore(header, field);
    if (score > 0 && (!best || score > best.score)) best = { field, score };
  }
  return best;
}
