import type { AccountRole } from '../accounts/schema';
import type { ConfirmationMethod, ConfirmedBy } from '../confirmations/schema';
import type { StaffType } from '../people/schema';
import { foldForSearch } from '../text/vietnamese';

// Cell values as clerks write them → the app's codes. Each returns null for "not recognised"
// (the caller turns that into a per-row warning or error) and undefined for "empty".

const lookup = <T>(table: Record<string, T>) => (text: string): T | null | undefined => {
  const key = foldForSearch(text).replace(/[.]/g, '').trim();
  if (!key) return undefined;
  return key in table ? table[key]! : null;
};

export const parseStaffType = lookup<StaffType>({
  'can bo': 'can_bo', cb: 'can_bo',
  'cong chuc': 'cong_chuc', cc: 'cong_chuc', ccvc: 'cong_chuc',
  'vien chuc': 'vien_chuc', vc: 'vien_chuc',
  'hop dong': 'hop_dong', hd: 'hop_dong', 'hd68': 'hop_dong', 'hd 68': 'hop_dong', 'hop dong 68': 'hop_dong', nld: 'hop_dong',
  'nguoi lao dong': 'hop_dong', 'lao dong hop dong': 'hop_dong', 'nguoi lao dong hop dong': 'hop_dong', 'hop dong lao dong': 'hop_dong',
});

export const parseRole = lookup<AccountRole>({
  'quan tri': 'admin', admin: 'admin', administrator: 'admin', qtht: 'admin', qt: 'admin', 'quan tri he thong': 'admin',
  'quan tri vien': 'admin', 'tai khoan quan tri': 'admin', 'tk quan tri': 'admin',
  'nguoi dung': 'user', user: 'user', nsd: 'user', nd: 'user', 'nguoi su dung': 'user', 'tai khoan nguoi dung': 'user',
  'tk nguoi dung': 'user', 'ca nhan': 'user', 'chuyen vien': 'user', 'su dung': 'user',
});

export const parseConfirmedBy = lookup<ConfirmedBy>({
  'chu tai khoan': 'owner', 'chinh chu': 'owner', owner: 'owner', 'ca nhan': 'owner', 'ban than': 'owner', 'nguoi su dung': 'owner',
  'can bo phu trach': 'clerk', 'van thu': 'clerk', clerk: 'clerk', 'phu trach': 'clerk', 'nguoi phu trach': 'clerk',
});

export const parseMethod = lookup<ConfirmationMethod>({
  ky: 'sign_sheet', 'ky ten': 'sign_sheet', 'ky phieu': 'sign_sheet', phieu: 'sign_sheet', 'phieu xac nhan': 'sign_sheet', 'ky xac nhan': 'sign_sheet',
  'tu khai': 'self_declared', 'tu ke khai': 'self_declared', 'tu xac nhan': 'self_declared', 'tu bao cao': 'self_declared',
  'xem tren man hinh': 'seen_on_screen', 'man hinh': 'seen_on_screen', 'kiem tra truc tiep': 'seen_on_screen', 'xem truc tiep': 'seen_on_screen',
});

const YES = new Set(['x', 'co', 'dang vien', 'dv', '1', 'true', 'yes', 'v', 'y', '✓', '√', '✔', 'phai', 'la dang vien']);
const NO = new Set(['0', 'khong', 'false', 'no', 'n', '-', 'chua', 'k', 'ko']);

/**
 * The "Đảng viên" column: a mark (x, có, ✓), or — often — the date the person joined the Party,
 * which means yes as well.
 */
export function parsePartyMember(text: string): boolean | null | undefined {
  const key = foldForSearch(text).replace(/[.]/g, '').trim();
  if (!key) return undefined;
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$|^\d{4}(-\d{2}-\d{2})?$/.test(key)) return true;
  return null;
}

// "Tổng cộng", "Cộng", "Tổng số: 25 người" — the last row of a hand-made list, never data.
// Compared with diacritics where folding would confuse: "Cộng" is a total, "Công chức" is not.
const TOTAL_WORDS = /^(tổng cộng|tổng số|cộng số)/;
const TOTAL_SHORT = /^(cộng|tổng)(?=$|\s*[:.,(]|\s+\d)/;
const TOTAL_FOLDED = /^(tong cong|tong so)\b/;
export function isTotalLabel(text: string): boolean {
  const lower = text.normalize('NFC').toLowerCase().trim();
  return TOTAL_WORDS.test(lower) || TOTAL_SHORT.test(lower) || TOTAL_FOLDED.test(foldForSearch(text));
}

// The signature block under a list ("Người lập biểu", "Thủ trưởng đơn vị", "Hà Nội, ngày … tháng … năm …").
const FOOTER = /^(nguoi lap|nguoi lap bieu|thu truong|thu truong don vi|xac nhan cua|ky ten|ky ghi ro|lanh dao|chu tich|giam doc|hieu truong|tm |kt |noi nhan)|ngay \S* ?thang \S* ?nam/;
export function isFooterLabel(text: string): boolean {
  return FOOTER.test(foldForSearch(text).replace(/[,.:]/g, ' ').replace(/\s+/g, ' ').trim());
}

// A group heading inside a list: "I. Văn phòng", "II - PHÒNG TÀI CHÍNH", "A. Khối Đảng".
const SECTION = /^([IVX]{1,5}|[A-Z])\s*[.)\-–:]\s*\S/;
export function sectionTitle(text: string): string | null {
  const t = text.trim();
  return SECTION.test(t) ? t.replace(/^([IVX]{1,5}|[A-Z])\s*[.)\-–:]\s*/, '').trim() : null;
}
