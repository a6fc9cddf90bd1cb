// Vocabulary of the demo data: Vietnamese names, Hà Nội's wards and communes (2026: two-level local
// government), the offices and public-service units of a ward, schools, the staff of each kind of unit, and the documents that
// created the accounts. Data only; generate.ts draws from it.

import type { StaffType } from '../../../shared/people/schema';

// ---------------------------------------------------------------------------------------------
// Names

/** Family names with approximate shares (%) in the population. */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4.5], ['Phan', 4.5], ['Vũ', 3.5],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Võ', 0.9],
  ['Huỳnh', 0.8], ['Đinh', 0.8], ['Trịnh', 0.6], ['Đào', 0.6], ['Lý', 0.5], ['Mai', 0.4],
  ['Lương', 0.4], ['Cao', 0.4], ['Hà', 0.4], ['Trương', 0.4], ['Đoàn', 0.4], ['Tạ', 0.3],
  ['Lưu', 0.3], ['Chu', 0.3], ['Phùng', 0.3], ['Kiều', 0.2], ['Tô', 0.2], ['Vương', 0.2],
  ['Triệu', 0.2], ['Nghiêm', 0.1], ['Khúc', 0.1], ['Quách', 0.1], ['Lại', 0.1], ['Thái', 0.1],
];

export const MALE_MIDDLE_NAMES: readonly (readonly [string, number])[] = [
  ['Văn', 34], ['Đức', 10], ['Minh', 10], ['Quang', 7], ['Hữu', 7], ['Thanh', 5], ['Xuân', 4],
  ['Công', 4], ['Đình', 4], ['Tuấn', 3], ['Mạnh', 3], ['Trung', 3], ['Ngọc', 3], ['Hoàng', 3],
  ['Duy', 3], ['Tiến', 3], ['Việt', 2], ['Anh', 2], ['Thế', 2], ['Trọng', 2], ['Bá', 1], ['Quốc', 2],
];

export const FEMALE_MIDDLE_NAMES: readonly (readonly [string, number])[] = [
  ['Thị', 60], ['Thu', 6], ['Ngọc', 6], ['Thanh', 6], ['Minh', 4], ['Hồng', 4], ['Phương', 3],
  ['Thúy', 3], ['Kim', 3], ['Thùy', 3], ['Bích', 2], ['Hải', 2], ['Diệu', 2], ['Khánh', 2],
  ['Mai', 2], ['Lan', 2], ['Hoài', 2], ['Quỳnh', 2], ['Hà', 2], ['Bảo', 1],
];

/** Second middle names after "Thị" ("Nguyễn Thị Thu Hương"). */
export const FEMALE_SECOND_MIDDLE: readonly string[] = ['Thu', 'Thanh', 'Ngọc', 'Minh', 'Hồng', 'Kim', 'Bích', 'Thúy', 'Phương', 'Hải'];

export const MALE_GIVEN_NAMES: readonly (readonly [string, number])[] = [
  ['An', 3], ['Anh', 5], ['Bình', 3], ['Cường', 3], ['Chiến', 2], ['Công', 2], ['Dũng', 4], ['Duy', 2],
  ['Đạt', 3], ['Đức', 3], ['Giang', 2], ['Hải', 4], ['Hiếu', 3], ['Hiệp', 2], ['Hòa', 2], ['Hoàng', 3],
  ['Hùng', 4], ['Huy', 3], ['Hưng', 3], ['Khánh', 2], ['Khoa', 2], ['Kiên', 2], ['Lâm', 2], ['Long', 3],
  ['Lực', 1], ['Mạnh', 2], ['Minh', 5], ['Nam', 4], ['Nghĩa', 2], ['Phong', 2], ['Phúc', 2], ['Quân', 3],
  ['Quang', 3], ['Sơn', 3], ['Tài', 2], ['Thắng', 3], ['Thành', 3], ['Thịnh', 2], ['Toàn', 2], ['Trung', 3],
  ['Tú', 2], ['Tuấn', 5], ['Tùng', 3], ['Việt', 3], ['Vinh', 2], ['Vũ', 2],
];

export const FEMALE_GIVEN_NAMES: readonly (readonly [string, number])[] = [
  ['Anh', 4], ['Châu', 1], ['Chi', 2], ['Dung', 3], ['Giang', 2], ['Hà', 4], ['Hạnh', 3], ['Hằng', 4],
  ['Hiền', 3], ['Hoa', 4], ['Hồng', 3], ['Huệ', 2], ['Huyền', 3], ['Hương', 5], ['Hường', 2], ['Lan', 4],
  ['Liên', 2], ['Linh', 5], ['Loan', 2], ['Ly', 2], ['Mai', 4], ['Nga', 3], ['Ngân', 2], ['Ngọc', 3],
  ['Nhung', 3], ['Oanh', 2], ['Phương', 4], ['Quyên', 2], ['Quỳnh', 3], ['Tâm', 2], ['Thảo', 4],
  ['Thanh', 3], ['Thơ', 1], ['Thủy', 4], ['Thúy', 3], ['Trang', 5], ['Trinh', 2], ['Tuyết', 2],
  ['Vân', 3], ['Yến', 3],
];

/** The name the tests and the demo walkthrough search for: present in every size. */
export const KNOWN_PERSON = { family: 'Nguyễn', middle: 'Văn', given: 'An' } as const;

// ---------------------------------------------------------------------------------------------
// Places

/**
 * An area of the city as the demo groups its units since the two-level local government (07/2025):
 * a ward that gives the area its name (its own offices and public-service units carry it), the
 * wards and communes around it, and the schools they run. No district level: every ward and
 * commune reports to the city's Department of Home Affairs (Sở Nội vụ); a ward's own units report
 * to the ward's office (Văn phòng HĐND và UBND), its schools to its Phòng Văn hóa - Xã hội.
 */
export interface District {
  /** The hub ward, "Đống Đa". */
  name: string;
  /** Unit-code prefix, "DD". */
  code: string;
  /** ASCII slug for e-mail addresses and KNTC logins, "dongda". */
  slug: string;
  /** The wards and communes of the area, with their type: "phường Láng", "xã Sóc Sơn". */
  wards: readonly string[];
}

/** "phường Láng" → { type: 'phường', name: 'Láng' }. */
export function splitWard(ward: string): { type: 'phường' | 'xã'; name: string } {
  return ward.startsWith('xã ') ? { type: 'xã', name: ward.slice(3) } : { type: 'phường', name: ward.replace(/^phường /, '') };
}

export const DONG_DA: District = {
  name: 'Đống Đa',
  code: 'DD',
  slug: 'dongda',
  wards: [
    'phường Văn Miếu - Quốc Tử Giám', 'phường Ô Chợ Dừa', 'phường Láng', 'phường Kim Liên', 'phường Ba Đình', 'phường Ngọc Hà',
    'phường Giảng Võ', 'phường Hoàn Kiếm', 'phường Cửa Nam', 'phường Hai Bà Trưng', 'phường Bạch Mai', 'phường Thanh Xuân',
    'phường Khương Đình', 'phường Phương Liệt', 'phường Cầu Giấy', 'phường Yên Hòa', 'phường Tây Hồ', 'xã Sóc Sơn', 'xã Đông Anh',
    'xã Gia Lâm', 'xã Thanh Trì',
  ],
};

/** The city itself, as the area of the province size's home unit. */
export const HANOI: District = { name: 'Hà Nội', code: 'HN', slug: 'hanoi', wards: [] };

/** The ten areas of the province size (Đống Đa among them): wards and communes of Hà Nội since 07/2025. */
export const HANOI_DISTRICTS: readonly District[] = [
  {
    name: 'Ba Đình', code: 'BD', slug: 'badinh',
    wards: ['phường Ngọc Hà', 'phường Giảng Võ', 'phường Tây Hồ', 'phường Phú Thượng', 'phường Hồng Hà', 'phường Nghĩa Đô', 'xã Đan Phượng', 'xã Ô Diên', 'xã Liên Minh', 'xã Phúc Thọ', 'xã Hát Môn', 'xã Phúc Lộc'],
  },
  {
    name: 'Hoàn Kiếm', code: 'HK', slug: 'hoankiem',
    wards: ['phường Cửa Nam', 'phường Hai Bà Trưng', 'phường Vĩnh Tuy', 'phường Bạch Mai', 'phường Lĩnh Nam', 'xã Thường Tín', 'xã Hồng Vân', 'xã Thượng Phúc', 'xã Chương Dương', 'xã Phú Xuyên', 'xã Chuyên Mỹ', 'xã Đại Xuyên'],
  },
  {
    name: 'Tây Hồ', code: 'TH', slug: 'tayho',
    wards: ['phường Xuân Đỉnh', 'phường Đông Ngạc', 'phường Thượng Cát', 'phường Phú Diễn', 'phường Tây Tựu', 'xã Mê Linh', 'xã Yên Lãng', 'xã Tiến Thắng', 'xã Quang Minh', 'xã Thiên Lộc', 'xã Phúc Thịnh'],
  },
  {
    name: 'Long Biên', code: 'LB', slug: 'longbien',
    wards: ['phường Bồ Đề', 'phường Việt Hưng', 'phường Phúc Lợi', 'xã Gia Lâm', 'xã Thuận An', 'xã Bát Tràng', 'xã Phù Đổng', 'xã Đông Anh', 'xã Vĩnh Thanh', 'xã Thư Lâm', 'xã Phúc Thịnh'],
  },
  {
    name: 'Cầu Giấy', code: 'CG', slug: 'caugiay',
    wards: ['phường Yên Hòa', 'phường Nghĩa Đô', 'phường Từ Liêm', 'phường Xuân Phương', 'phường Tây Mỗ', 'phường Đại Mỗ', 'xã Hoài Đức', 'xã Dương Hòa', 'xã Sơn Đồng', 'xã An Khánh'],
  },
  DONG_DA,
  {
    name: 'Hai Bà Trưng', code: 'HBT', slug: 'haibatrung',
    wards: ['phường Tương Mai', 'phường Hoàng Mai', 'phường Vĩnh Hưng', 'phường Định Công', 'phường Hoàng Liệt', 'phường Yên Sở', 'xã Thanh Trì', 'xã Đại Thanh', 'xã Nam Phù', 'xã Ngọc Hồi'],
  },
  {
    name: 'Hoàng Mai', code: 'HM', slug: 'hoangmai',
    wards: ['phường Thanh Liệt', 'phường Hà Đông', 'phường Dương Nội', 'phường Yên Nghĩa', 'phường Phú Lương', 'phường Kiến Hưng', 'xã Thanh Oai', 'xã Bình Minh', 'xã Tam Hưng', 'xã Dân Hòa'],
  },
  {
    name: 'Thanh Xuân', code: 'TX', slug: 'thanhxuan',
    wards: ['phường Khương Đình', 'phường Phương Liệt', 'phường Chương Mỹ', 'xã Quốc Oai', 'xã Kiều Phú', 'xã Phú Cát', 'xã Hưng Đạo', 'xã Thạch Thất', 'xã Hạ Bằng', 'xã Tây Phương'],
  },
  {
    name: 'Từ Liêm', code: 'NTL', slug: 'tuliem',
    wards: ['phường Sơn Tây', 'phường Tùng Thiện', 'xã Ba Vì', 'xã Cổ Đô', 'xã Bất Bạt', 'xã Minh Châu', 'xã Quảng Oai', 'xã Vật Lại', 'xã Suối Hai', 'xã Yên Bài'],
  },
];

/** Schools are named after wards, then after these (primary and lower-secondary) … */
export const SCHOOL_NAMES: readonly string[] = [
  'Lê Quý Đôn', 'Nguyễn Trãi', 'Chu Văn An', 'Trần Phú', 'Lý Thường Kiệt', 'Võ Thị Sáu', 'Kim Đồng', 'Nguyễn Du',
  'Ngô Quyền', 'Trưng Vương', 'Lê Lợi', 'Đoàn Thị Điểm', 'Nguyễn Bỉnh Khiêm', 'Tô Hiến Thành', 'Hoàng Hoa Thám',
  'Bế Văn Đàn', 'Tô Vĩnh Diện', 'Ngô Sĩ Liên', 'Nguyễn Trường Tộ', 'La Thành', 'Thái Thịnh', 'Tam Khương',
  'Huy Văn', 'Lương Thế Vinh', 'Nguyễn Khuyến', 'Đinh Tiên Hoàng', 'Lý Tự Trọng', 'Phan Đình Phùng',
  'Trần Quốc Toản', 'Nguyễn Văn Trỗi', 'Lê Ngọc Hân', 'Hai Bà Trưng', 'Quang Trung', 'Trần Nhân Tông',
];

/** … and kindergartens after these. */
export const KINDERGARTEN_NAMES: readonly string[] = [
  'Hoa Sen', 'Hoa Mai', 'Hoa Hồng', 'Sao Mai', 'Họa Mi', 'Tuổi Thơ', 'Búp Sen Hồng', 'Hoa Sữa', 'Bình Minh',
  'Ánh Dương', 'Măng Non', 'Hoa Ban', 'Sơn Ca', 'Hoa Phượng', 'Thỏ Ngọc', 'Hướng Dương', 'Ban Mai', 'Chim Non',
  'Tuổi Hoa', 'Thủy Tiên', 'Hoa Lan', 'Bông Sen', 'Hoa Thủy Tiên', 'Việt Triều Hữu Nghị', 'Mầm Xanh',
];

// ---------------------------------------------------------------------------------------------
// Staff

export type RoleTag = 'head' | 'deputy' | 'clerk' | 'kntc';

/** One kind of post in a unit. `department` as a list: each holder is placed in one of them. */
export interface Role {
  position: string;
  department: string | readonly string[];
  staffType: StaffType;
  /** Relative frequency among the unit's rank and file (fixed posts ignore it). */
  weight?: number;
  /** Probability the holder is a woman; defaults to the unit's. */
  female?: number;
  tags?: readonly RoleTag[];
}

/** Who works in a unit: posts filled once in this order (the first is the head), then the rest by weight. */
export interface Roster {
  fixed: readonly Role[];
  rest: readonly Role[];
  /** Share of women in the unit. */
  female: number;
  /** Unit-profile fields that depend on the kind of unit. */
  headTitle: string;
  signAuthority: string;
}

const r = (position: string, department: string | readonly string[], staffType: StaffType, extra: Omit<Role, 'position' | 'department' | 'staffType'> = {}): Role => ({
  position, department, staffType, ...extra,
});

/** The People's Committee of a ward or commune (since 07/2025: its office and two specialised offices). */
export function wardRoster(type: 'phường' | 'xã' = 'phường'): Roster {
  const vp = 'Văn phòng HĐND và UBND';
  const dt = 'Mặt trận Tổ quốc và các đoàn thể';
  const qltt = type === 'phường' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế';
  return {
    female: 0.52,
    headTitle: 'CHỦ TỊCH',
    signAuthority: 'TM. ỦY BAN NHÂN DÂN',
    fixed: [
      r(`Chủ tịch UBND ${type}`, 'Lãnh đạo UBND', 'can_bo', { tags: ['head', 'kntc'], female: 0.25 }),
      r(`Phó Chủ tịch UBND ${type}`, 'Lãnh đạo UBND', 'can_bo', { tags: ['deputy', 'kntc'], female: 0.35 }),
      r(`Phó Chủ tịch UBND ${type}`, 'Lãnh đạo UBND', 'can_bo', { tags: ['deputy'], female: 0.35 }),
      r('Văn thư', vp, 'cong_chuc', { tags: ['clerk'], female: 0.8 }),
      r('Công chức Tư pháp - Hộ tịch', vp, 'cong_chuc', { tags: ['kntc'] }),
      r('Công chức Địa chính - Xây dựng', qltt, 'cong_chuc', { female: 0.3 }),
      r('Công chức Văn hóa - Xã hội', 'Phòng Văn hóa - Xã hội', 'cong_chuc'),
      r('Công chức Tài chính - Kế toán', qltt, 'cong_chuc', { female: 0.8 }),
      r('Chỉ huy trưởng Quân sự', 'Ban Chỉ huy Quân sự', 'cong_chuc', { female: 0.03 }),
      r(`Chủ tịch Ủy ban MTTQ ${type}`, dt, 'can_bo', { female: 0.4 }),
      r('Chủ tịch Hội Liên hiệp Phụ nữ', dt, 'can_bo', { female: 1 }),
      r('Bí thư Đoàn Thanh niên', dt, 'can_bo'),
      r('Chủ tịch Hội Cựu chiến binh', dt, 'can_bo', { female: 0.05 }),
      r('Đội viên', qltt, 'cong_chuc', { female: 0.2 }),
    ],
    rest: [
      r('Công chức Văn phòng - Thống kê', vp, 'cong_chuc', { weight: 4 }),
      r('Chuyên viên', vp, 'cong_chuc', { weight: 3 }),
      r('Công chức Địa chính - Xây dựng', qltt, 'cong_chuc', { weight: 4, female: 0.35 }),
      r('Công chức Tư pháp - Hộ tịch', vp, 'cong_chuc', { weight: 3 }),
      r('Công chức Văn hóa - Xã hội', 'Phòng Văn hóa - Xã hội', 'cong_chuc', { weight: 4 }),
      r('Cán bộ Lao động - Xã hội', 'Phòng Văn hóa - Xã hội', 'hop_dong', { weight: 2 }),
      r('Công chức Tài chính - Kế toán', qltt, 'cong_chuc', { weight: 2, female: 0.8 }),
      r('Kế toán', vp, 'cong_chuc', { weight: 1, female: 0.85 }),
      r('Viên chức Trung tâm Phục vụ hành chính công', 'Trung tâm Phục vụ hành chính công', 'vien_chuc', { weight: 3, female: 0.7 }),
      r('Phó Chỉ huy trưởng Quân sự', 'Ban Chỉ huy Quân sự', 'cong_chuc', { weight: 1, female: 0.05 }),
      r('Đội viên', qltt, 'cong_chuc', { weight: 2, female: 0.2 }),
      r('Nhân viên hợp đồng', vp, 'hop_dong', { weight: 2 }),
      r('Bảo vệ', vp, 'hop_dong', { weight: 1, female: 0.05 }),
      r('Phó Chủ tịch Hội Liên hiệp Phụ nữ', dt, 'can_bo', { weight: 0.5, female: 1 }),
      r('Phó Bí thư Đoàn Thanh niên', dt, 'can_bo', { weight: 0.5 }),
    ],
  };
}

/** An office, public-service unit or mass organisation of the area's hub ward (named "… phường Đống Đa"). */
export interface Office {
  /** Name before the ward's: "Văn phòng HĐND và UBND" → "Văn phòng HĐND và UBND phường Đống Đa". */
  name: string;
  code: string;
  head: string;
  deputy: string;
  leadership: string;
  staffType: StaffType;
  departments: readonly string[];
  staff: readonly (readonly [string, number])[];
  /** Everyone works on complaints and denunciations (the citizen reception board). */
  inspectorate?: boolean;
  /** Reports to the ward's People's Committee itself rather than to its office. */
  toCommittee?: boolean;
}

const CIVIL_STAFF: readonly (readonly [string, number])[] = [['Chuyên viên chính', 2], ['Chuyên viên', 7], ['Cán sự', 1]];
const office = (name: string, code: string, head: string, deputy: string, leadership: string, staffType: StaffType, departments: readonly string[], staff: readonly (readonly [string, number])[], extra: Partial<Office> = {}): Office => ({
  name, code, head, deputy, leadership, staffType, departments, staff, ...extra,
});

export const OFFICES: readonly Office[] = [
  office('Văn phòng HĐND và UBND', 'VP', 'Chánh Văn phòng', 'Phó Chánh Văn phòng', 'Lãnh đạo Văn phòng', 'cong_chuc',
    ['Bộ phận Tổng hợp', 'Bộ phận Hành chính - Quản trị', 'Bộ phận Tư pháp - Hộ tịch', 'Bộ phận Nội vụ'], CIVIL_STAFF, { toCommittee: true }),
  office('Phòng Kinh tế, Hạ tầng và Đô thị', 'KT', 'Trưởng phòng', 'Phó Trưởng phòng', 'Lãnh đạo phòng', 'cong_chuc',
    ['Bộ phận Tài chính - Kế hoạch', 'Bộ phận Quy hoạch - Xây dựng', 'Bộ phận Đất đai - Môi trường', 'Bộ phận Hạ tầng đô thị'], CIVIL_STAFF),
  office('Phòng Văn hóa - Xã hội', 'VHXH', 'Trưởng phòng', 'Phó Trưởng phòng', 'Lãnh đạo phòng', 'cong_chuc',
    ['Bộ phận Giáo dục', 'Bộ phận Y tế', 'Bộ phận Văn hóa - Thông tin', 'Bộ phận Lao động - Xã hội'], CIVIL_STAFF),
  office('Trung tâm Phục vụ hành chính công', 'PVHCC', 'Giám đốc', 'Phó Giám đốc', 'Ban Giám đốc', 'vien_chuc',
    ['Bộ phận Tiếp nhận hồ sơ', 'Bộ phận Trả kết quả', 'Bộ phận Hỗ trợ dịch vụ công trực tuyến'], [['Viên chức', 6], ['Nhân viên hỗ trợ', 2]]),
  office('Ban Tiếp công dân', 'TCD', 'Trưởng ban', 'Phó Trưởng ban', 'Lãnh đạo Ban', 'cong_chuc',
    ['Bộ phận Tiếp công dân', 'Bộ phận Xử lý đơn thư', 'Bộ phận Theo dõi giải quyết khiếu nại, tố cáo'], [['Chuyên viên chính', 2], ['Chuyên viên', 6], ['Cán sự', 2]],
    { inspectorate: true, toCommittee: true }),
  office('Ban Chỉ huy Quân sự', 'QS', 'Chỉ huy trưởng', 'Phó Chỉ huy trưởng', 'Ban Chỉ huy', 'cong_chuc',
    ['Bộ phận Tham mưu', 'Bộ phận Chính trị', 'Bộ phận Hậu cần'], [['Trợ lý', 4], ['Nhân viên', 2]]),
  office('Ban Quản lý dự án đầu tư xây dựng', 'BQLDA', 'Giám đốc', 'Phó Giám đốc', 'Ban Giám đốc', 'vien_chuc',
    ['Phòng Kế hoạch - Tổng hợp', 'Phòng Kỹ thuật - Thẩm định', 'Phòng Tài chính - Kế toán'], [['Kỹ sư', 4], ['Cán bộ kỹ thuật', 3], ['Chuyên viên', 2]]),
  office('Trung tâm Văn hóa, Thông tin và Thể thao', 'TTVH', 'Giám đốc', 'Phó Giám đốc', 'Ban Giám đốc', 'vien_chuc',
    ['Phòng Hành chính - Tổng hợp', 'Phòng Văn hóa - Nghệ thuật', 'Phòng Thể dục thể thao', 'Phòng Thông tin - Truyền thanh'],
    [['Viên chức', 4], ['Huấn luyện viên', 2], ['Phóng viên', 1], ['Kỹ thuật viên âm thanh', 1]]),
  office('Đội Quản lý trật tự đô thị', 'QLTTXD', 'Đội trưởng', 'Đội phó', 'Lãnh đạo Đội', 'cong_chuc',
    ['Tổ công tác số 1', 'Tổ công tác số 2', 'Tổ công tác số 3', 'Tổ công tác số 4'], [['Đội viên', 8], ['Cán bộ kỹ thuật', 1]]),
  office('Trạm Y tế', 'YT', 'Trạm trưởng', 'Phó Trạm trưởng', 'Lãnh đạo Trạm', 'vien_chuc',
    ['Bộ phận Khám chữa bệnh', 'Bộ phận Y tế dự phòng', 'Bộ phận Dân số'], [['Bác sĩ', 3], ['Y sĩ', 2], ['Điều dưỡng', 3], ['Dược sĩ', 1]]),
  office('Ban Quản lý chợ', 'QLC', 'Trưởng ban', 'Phó Trưởng ban', 'Lãnh đạo Ban', 'vien_chuc',
    ['Tổ Thu phí', 'Tổ Trật tự - Vệ sinh', 'Tổ Phòng cháy chữa cháy'], [['Viên chức', 5], ['Nhân viên', 3]]),
  office('Trung tâm Phát triển quỹ đất', 'PTQD', 'Giám đốc', 'Phó Giám đốc', 'Ban Giám đốc', 'vien_chuc',
    ['Phòng Bồi thường, hỗ trợ và tái định cư', 'Phòng Hành chính - Tổng hợp', 'Phòng Quản lý quỹ đất'], [['Viên chức', 5], ['Chuyên viên', 2]]),
  office('Ủy ban Mặt trận Tổ quốc Việt Nam', 'MTTQ', 'Chủ tịch', 'Phó Chủ tịch', 'Thường trực', 'can_bo',
    ['Ban Công tác Mặt trận', 'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên', 'Hội Cựu chiến binh'], [['Chuyên viên', 6], ['Cán sự', 2]], { toCommittee: true }),
  office('Hội Chữ thập đỏ', 'CTD', 'Chủ tịch Hội', 'Phó Chủ tịch Hội', 'Thường trực Hội', 'hop_dong',
    ['Ban Công tác xã hội', 'Ban Tuyên truyền'], [['Nhân viên', 5], ['Tình nguyện viên hợp đồng', 2]]),
  office('Thư viện', 'TV', 'Giám đốc', 'Phó Giám đốc', 'Ban Giám đốc', 'vien_chuc',
    ['Phòng Nghiệp vụ', 'Phòng Phục vụ bạn đọc'], [['Thư viện viên', 5], ['Nhân viên', 2]]),
];

export function officeRoster(office: Office): Roster {
  const admin = office.departments[0]!.startsWith('Phòng') ? 'Phòng Hành chính - Tổng hợp' : 'Bộ phận Hành chính - Tổng hợp';
  const kntc: readonly RoleTag[] = office.inspectorate ? ['kntc'] : [];
  return {
    female: office.code === 'QLTTXD' ? 0.2 : 0.55,
    headTitle: office.head.toUpperCase(),
    signAuthority: '',
    fixed: [
      r(office.head, office.leadership, office.staffType, { tags: ['head', 'kntc'], female: 0.3 }),
      r(office.deputy, office.leadership, office.staffType, { tags: ['deputy', ...kntc], female: 0.4 }),
      r(office.deputy, office.leadership, office.staffType, { tags: ['deputy', ...kntc], female: 0.4 }),
      r('Văn thư', admin, office.staffType, { tags: ['clerk'], female: 0.85 }),
      r('Kế toán', admin, office.staffType, { female: 0.85 }),
    ],
    rest: [
      ...office.staff.map(([position, weight]) => r(position, office.departments, office.staffType, { weight, tags: kntc })),
      r('Nhân viên hợp đồng', admin, 'hop_dong', { weight: 0.7 }),
      r('Lái xe', admin, 'hop_dong', { weight: 0.3, female: 0.02 }),
    ],
  };
}

/** The city's Department of Home Affairs: the home unit of the district and province sizes (receives from every ward and commune since 07/2025). */
export function provinceHomeRoster(): Roster {
  const depts = ['Văn phòng Sở', 'Phòng Tổ chức, biên chế', 'Phòng Công chức, viên chức', 'Phòng Xây dựng chính quyền',
    'Phòng Cải cách hành chính', 'Phòng Thi đua - Khen thưởng', 'Phòng Văn thư - Lưu trữ'];
  return {
    female: 0.55,
    headTitle: 'GIÁM ĐỐC',
    signAuthority: '',
    fixed: [
      r('Giám đốc Sở', 'Ban Giám đốc', 'cong_chuc', { tags: ['head', 'kntc'], female: 0.3 }),
      r('Phó Giám đốc Sở', 'Ban Giám đốc', 'cong_chuc', { tags: ['deputy', 'kntc'], female: 0.35 }),
      r('Phó Giám đốc Sở', 'Ban Giám đốc', 'cong_chuc', { tags: ['deputy'], female: 0.35 }),
      r('Phó Giám đốc Sở', 'Ban Giám đốc', 'cong_chuc', { tags: ['deputy'], female: 0.35 }),
      r('Chánh Văn phòng', 'Văn phòng Sở', 'cong_chuc', {}),
      r('Chánh Thanh tra', 'Thanh tra Sở', 'cong_chuc', { tags: ['kntc'] }),
      r('Văn thư', 'Văn phòng Sở', 'cong_chuc', { tags: ['clerk'], female: 0.85 }),
    ],
    rest: [
      r('Trưởng phòng', depts.slice(1), 'cong_chuc', { weight: 0.6, female: 0.4 }),
      r('Phó Trưởng phòng', depts.slice(1), 'cong_chuc', { weight: 1.2, female: 0.45 }),
      r('Chuyên viên chính', depts, 'cong_chuc', { weight: 3 }),
      r('Chuyên viên', depts, 'cong_chuc', { weight: 6 }),
      r('Thanh tra viên', 'Thanh tra Sở', 'cong_chuc', { weight: 1.5, tags: ['kntc'] }),
      r('Nhân viên hợp đồng', 'Văn phòng Sở', 'hop_dong', { weight: 0.7 }),
    ],
  };
}

export type SchoolLevel = 'MN' | 'TH' | 'THCS';

export const SCHOOL_LEVEL_NAMES: Record<SchoolLevel, string> = {
  MN: 'Trường Mầm non',
  TH: 'Trường Tiểu học',
  THCS: 'Trường THCS',
};

export function schoolRoster(level: SchoolLevel): Roster {
  const office = 'Tổ Văn phòng';
  const groups =
    level === 'MN'
      ? ['Tổ Nhà trẻ', 'Tổ Mẫu giáo bé', 'Tổ Mẫu giáo nhỡ', 'Tổ Mẫu giáo lớn']
      : level === 'TH'
        ? ['Tổ khối 1', 'Tổ khối 2', 'Tổ khối 3', 'Tổ khối 4', 'Tổ khối 5', 'Tổ Tiếng Anh - Tin học', 'Tổ Năng khiếu']
        : ['Tổ Toán - Tin', 'Tổ Ngữ văn', 'Tổ Khoa học tự nhiên', 'Tổ Lịch sử và Địa lí', 'Tổ Ngoại ngữ', 'Tổ Năng khiếu'];
  const female = level === 'MN' ? 0.97 : level === 'TH' ? 0.86 : 0.72;
  const fixed: Role[] = [
    r('Hiệu trưởng', 'Ban giám hiệu', 'vien_chuc', { tags: ['head', 'kntc'], female: female - 0.1 }),
    r('Phó Hiệu trưởng', 'Ban giám hiệu', 'vien_chuc', { tags: ['deputy'] }),
    r('Phó Hiệu trưởng', 'Ban giám hiệu', 'vien_chuc', { tags: ['deputy'] }),
    r('Văn thư', office, 'vien_chuc', { tags: ['clerk'], female: 0.9 }),
    r('Kế toán', office, 'vien_chuc', { female: 0.9 }),
    ...(level === 'MN' ? [] : [r('Tổng phụ trách Đội', office, 'vien_chuc', {})]),
    ...groups.map((g) => r('Tổ trưởng', g, 'vien_chuc', {})),
    ...(level === 'MN' ? [r('Tổ trưởng', 'Tổ Nuôi dưỡng', 'hop_dong', { female: 1 })] : []),
  ];
  const rest: Role[] = [
    r('Giáo viên', groups, 'vien_chuc', { weight: 12 }),
    r('Tổ phó', groups, 'vien_chuc', { weight: 0.6 }),
    r('Giáo viên hợp đồng', groups, 'hop_dong', { weight: 0.8 }),
    r('Nhân viên y tế', office, 'vien_chuc', { weight: 0.3, female: 0.9 }),
    r('Bảo vệ', office, 'hop_dong', { weight: 0.5, female: 0.05 }),
    r('Nhân viên phục vụ', office, 'hop_dong', { weight: 0.4, female: 0.9 }),
    ...(level === 'MN'
      ? [r('Nhân viên nuôi dưỡng', 'Tổ Nuôi dưỡng', 'hop_dong', { weight: 3, female: 0.95 })]
      : [
          r('Nhân viên thư viện', office, 'vien_chuc', { weight: 0.3, female: 0.9 }),
          r('Nhân viên thiết bị', office, 'vien_chuc', { weight: 0.3 }),
        ]),
  ];
  return { female, headTitle: 'HIỆU TRƯỞNG', signAuthority: '', fixed, rest };
}

// ---------------------------------------------------------------------------------------------
// Accounts

export type SystemCode = 'KNTC' | 'DGXL' | 'STDV';
export const SYSTEM_CODES: readonly SystemCode[] = ['KNTC', 'DGXL', 'STDV'];

/** Documents that issued accounts, per system (ISO date for ordering; the text keeps the official form). */
export const SOURCE_DOCUMENTS: Record<SystemCode, readonly { text: string; date: string }[]> = {
  KNTC: [
    { text: 'Công văn 498/TTr-VP ngày 15/6/2018', date: '2018-06-15' },
    { text: 'Công văn 1275/TTr-VP ngày 12/10/2020', date: '2020-10-12' },
    { text: 'Công văn 356/TTr-VP ngày 08/3/2023', date: '2023-03-08' },
  ],
  DGXL: [
    { text: 'Công văn 2156/UBND-NV ngày 05/11/2019', date: '2019-11-05' },
    { text: 'Kế hoạch 118/KH-UBND ngày 22/4/2021', date: '2021-04-22' },
    { text: 'Công văn 1718/UBND-NV ngày 14/7/2023', date: '2023-07-14' },
  ],
  STDV: [
    { text: 'Hướng dẫn 12-HD/BTCTU ngày 25/02/2020', date: '2020-02-25' },
    { text: 'Công văn 1540-CV/BTCTU ngày 10/5/2022', date: '2022-05-10' },
    { text: 'Công văn 2213-CV/BTCTU ngày 18/9/2023', date: '2023-09-18' },
  ],
};

/** Why a person holds a second account on the same system (the leftovers a review exists to find). */
export const SECONDARY_ACCOUNT_NOTES: Record<SystemCode, readonly string[]> = {
  KNTC: ['Tài khoản phân hệ tiếp công dân', 'Tài khoản phân hệ xử lý đơn'],
  DGXL: ['Tài khoản cấp lại khi đổi mã đơn vị', 'Tài khoản cũ, chưa hủy khi cấp tài khoản mới', 'Tài khoản dùng thử, chưa hủy'],
  STDV: ['Đăng ký lại bằng số điện thoại mới', 'Tài khoản cũ khi sinh hoạt ở chi bộ trước'],
};
