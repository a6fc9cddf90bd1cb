// Vocabulary of the demo data: Vietnamese names, Hà Nội districts and wards, the offices of a
// district People's Committee, schools, the staff of each kind of unit, and the documents that
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

export interface District {
  /** "Đống Đa" */
  name: string;
  /** Unit-code prefix, "DD". */
  code: string;
  /** ASCII slug for e-mail addresses and KNTC logins, "dongda". */
  slug: string;
  /** Wards (phường) before the 2025 reorganisation. */
  wards: readonly string[];
}

export const DONG_DA: District = {
  name: 'Đống Đa',
  code: 'DD',
  slug: 'dongda',
  wards: [
    'Cát Linh', 'Văn Miếu', 'Quốc Tử Giám', 'Hàng Bột', 'Láng Thượng', 'Khâm Thiên', 'Thổ Quan',
    'Nam Đồng', 'Trung Phụng', 'Quang Trung', 'Trung Liệt', 'Phương Liên', 'Thịnh Quang', 'Trung Tự',
    'Kim Liên', 'Phương Mai', 'Ngã Tư Sở', 'Khương Thượng', 'Văn Chương', 'Ô Chợ Dừa', 'Láng Hạ',
  ],
};

/** The city itself, as the "district" of the province size's home unit. */
export const HANOI: District = { name: 'Hà Nội', code: 'HN', slug: 'hanoi', wards: [] };

/** The ten inner districts of the province size (Đống Đa among them). */
export const HANOI_DISTRICTS: readonly District[] = [
  {
    name: 'Ba Đình', code: 'BD', slug: 'badinh',
    wards: ['Cống Vị', 'Điện Biên', 'Đội Cấn', 'Giảng Võ', 'Kim Mã', 'Liễu Giai', 'Ngọc Hà', 'Ngọc Khánh',
      'Nguyễn Trung Trực', 'Phúc Xá', 'Quán Thánh', 'Thành Công', 'Trúc Bạch', 'Vĩnh Phúc'],
  },
  {
    name: 'Hoàn Kiếm', code: 'HK', slug: 'hoankiem',
    wards: ['Chương Dương', 'Cửa Đông', 'Cửa Nam', 'Đồng Xuân', 'Hàng Bạc', 'Hàng Bài', 'Hàng Bồ', 'Hàng Bông',
      'Hàng Buồm', 'Hàng Đào', 'Hàng Gai', 'Hàng Mã', 'Hàng Trống', 'Lý Thái Tổ', 'Phan Chu Trinh', 'Phúc Tân',
      'Trần Hưng Đạo', 'Tràng Tiền'],
  },
  {
    name: 'Tây Hồ', code: 'TH', slug: 'tayho',
    wards: ['Bưởi', 'Nhật Tân', 'Phú Thượng', 'Quảng An', 'Thụy Khuê', 'Tứ Liên', 'Xuân La', 'Yên Phụ'],
  },
  {
    name: 'Long Biên', code: 'LB', slug: 'longbien',
    wards: ['Bồ Đề', 'Cự Khối', 'Đức Giang', 'Gia Thụy', 'Giang Biên', 'Long Biên', 'Ngọc Lâm', 'Ngọc Thụy',
      'Phúc Đồng', 'Phúc Lợi', 'Sài Đồng', 'Thạch Bàn', 'Thượng Thanh', 'Việt Hưng'],
  },
  {
    name: 'Cầu Giấy', code: 'CG', slug: 'caugiay',
    wards: ['Dịch Vọng', 'Dịch Vọng Hậu', 'Mai Dịch', 'Nghĩa Đô', 'Nghĩa Tân', 'Quan Hoa', 'Trung Hòa', 'Yên Hòa'],
  },
  DONG_DA,
  {
    name: 'Hai Bà Trưng', code: 'HBT', slug: 'haibatrung',
    wards: ['Bạch Đằng', 'Bách Khoa', 'Bạch Mai', 'Cầu Dền', 'Đống Mác', 'Đồng Nhân', 'Đồng Tâm', 'Lê Đại Hành',
      'Minh Khai', 'Nguyễn Du', 'Phạm Đình Hổ', 'Phố Huế', 'Quỳnh Lôi', 'Quỳnh Mai', 'Thanh Lương', 'Thanh Nhàn',
      'Trương Định', 'Vĩnh Tuy'],
  },
  {
    name: 'Hoàng Mai', code: 'HM', slug: 'hoangmai',
    wards: ['Đại Kim', 'Định Công', 'Giáp Bát', 'Hoàng Liệt', 'Hoàng Văn Thụ', 'Lĩnh Nam', 'Mai Động', 'Tân Mai',
      'Thanh Trì', 'Thịnh Liệt', 'Trần Phú', 'Tương Mai', 'Vĩnh Hưng', 'Yên Sở'],
  },
  {
    name: 'Thanh Xuân', code: 'TX', slug: 'thanhxuan',
    wards: ['Hạ Đình', 'Khương Đình', 'Khương Mai', 'Khương Trung', 'Kim Giang', 'Nhân Chính', 'Phương Liệt',
      'Thanh Xuân Bắc', 'Thanh Xuân Nam', 'Thanh Xuân Trung', 'Thượng Đình'],
  },
  {
    name: 'Nam Từ Liêm', code: 'NTL', slug: 'namtuliem',
    wards: ['Cầu Diễn', 'Đại Mỗ', 'Mễ Trì', 'Mỹ Đình 1', 'Mỹ Đình 2', 'Phú Đô', 'Phương Canh', 'Tây Mỗ',
      'Trung Văn', 'Xuân Phương'],
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

export function wardRoster(district: District): Roster {
  const vp = 'Văn phòng HĐND-UBND';
  const dt = 'Mặt trận Tổ quốc và các đoàn thể';
  const qltt = `Đội QLTTXD đô thị quận ${district.name}`;
  return {
    female: 0.52,
    headTitle: 'CHỦ TỊCH',
    signAuthority: 'TM. ỦY BAN NHÂN DÂN',
    fixed: [
      r('Chủ tịch UBND phường', 'Lãnh đạo UBND', 'can_bo', { tags: ['head', 'kntc'], female: 0.25 }),
      r('Phó Chủ tịch UBND phường', 'Lãnh đạo UBND', 'can_bo', { tags: ['deputy', 'kntc'], female: 0.35 }),
      r('Phó Chủ tịch UBND phường', 'Lãnh đạo UBND', 'can_bo', { tags: ['deputy'], female: 0.35 }),
      r('Văn thư', vp, 'cong_chuc', { tags: ['clerk'], female: 0.8 }),
      r('Công chức Tư pháp - Hộ tịch', 'Tư pháp - Hộ tịch', 'cong_chuc', { tags: ['kntc'] }),
      r('Công chức Địa chính - Xây dựng', 'Địa chính - Xây dựng', 'cong_chuc', { female: 0.3 }),
      r('Công chức Văn hóa - Xã hội', 'Văn hóa - Xã hội', 'cong_chuc'),
      r('Công chức Tài chính - Kế toán', 'Tài chính - Kế toán', 'cong_chuc', { female: 0.8 }),
      r('Chỉ huy trưởng Quân sự', 'Ban Chỉ huy Quân sự', 'cong_chuc', { female: 0.03 }),
      r('Chủ tịch Ủy ban MTTQ phường', dt, 'can_bo', { female: 0.4 }),
      r('Chủ tịch Hội Liên hiệp Phụ nữ', dt, 'can_bo', { female: 1 }),
      r('Bí thư Đoàn Thanh niên', dt, 'can_bo'),
      r('Chủ tịch Hội Cựu chiến binh', dt, 'can_bo', { female: 0.05 }),
      r('Đội viên', qltt, 'cong_chuc', { female: 0.2 }),
    ],
    rest: [
      r('Công chức Văn phòng - Thống kê', vp, 'cong_chuc', { weight: 4 }),
      r('Chuyên viên', vp, 'cong_chuc', { weight: 3 }),
      r('Công chức Địa chính - Xây dựng', 'Địa chính - Xây dựng', 'cong_chuc', { weight: 4, female: 0.35 }),
      r('Công chức Tư pháp - Hộ tịch', 'Tư pháp - Hộ tịch', 'cong_chuc', { weight: 3 }),
      r('Công chức Văn hóa - Xã hội', 'Văn hóa - Xã hội', 'cong_chuc', { weight: 4 }),
      r('Cán bộ Lao động - Thương binh và Xã hội', 'Văn hóa - Xã hội', 'hop_dong', { weight: 2 }),
      r('Công chức Tài chính - Kế toán', 'Tài chính - Kế toán', 'cong_chuc', { weight: 2, female: 0.8 }),
      r('Kế toán', 'Tài chính - Kế toán', 'cong_chuc', { weight: 1, female: 0.85 }),
      r('Công chức Bộ phận Một cửa', 'Bộ phận Tiếp nhận và Trả kết quả', 'cong_chuc', { weight: 3, female: 0.7 }),
      r('Phó Chỉ huy trưởng Quân sự', 'Ban Chỉ huy Quân sự', 'cong_chuc', { weight: 1, female: 0.05 }),
      r('Đội viên', qltt, 'cong_chuc', { weight: 2, female: 0.2 }),
      r('Nhân viên hợp đồng', vp, 'hop_dong', { weight: 2 }),
      r('Bảo vệ', vp, 'hop_dong', { weight: 1, female: 0.05 }),
      r('Phó Chủ tịch Hội Liên hiệp Phụ nữ', dt, 'can_bo', { weight: 0.5, female: 1 }),
      r('Phó Bí thư Đoàn Thanh niên', dt, 'can_bo', { weight: 0.5 }),
    ],
  };
}

/** A specialised office (phòng chuyên môn) or public-service body of a district. */
export interface Office {
  /** Name within its district; names ending in "quận" take the district's name after them. */
  name: string;
  code: string;
  head: string;
  deputy: string;
  leadership: string;
  staffType: StaffType;
  departments: readonly string[];
  staff: readonly (readonly [string, number])[];
  /** Everyone works on complaints and denunciations (the inspectorate). */
  inspectorate?: boolean;
}

const CIVIL_STAFF: readonly (readonly [string, number])[] = [['Chuyên viên chính', 2], ['Chuyên viên', 7], ['Cán sự', 1]];

export const OFFICES: readonly Office[] = [
  {
    name: 'Phòng Nội vụ', code: 'NV', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Tổ chức - Biên chế', 'Bộ phận Cải cách hành chính', 'Bộ phận Thi đua - Khen thưởng', 'Bộ phận Tôn giáo'],
    staff: CIVIL_STAFF,
  },
  {
    name: 'Phòng Tư pháp', code: 'TP', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Phổ biến, giáo dục pháp luật', 'Bộ phận Hộ tịch - Chứng thực', 'Bộ phận Kiểm tra văn bản'],
    staff: CIVIL_STAFF,
  },
  {
    name: 'Phòng Tài chính - Kế hoạch', code: 'TCKH', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Ngân sách', 'Bộ phận Kế hoạch - Đầu tư', 'Bộ phận Đăng ký kinh doanh', 'Bộ phận Quản lý giá - Công sản'],
    staff: CIVIL_STAFF,
  },
  {
    name: 'Phòng Kinh tế', code: 'KT', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Thương mại - Dịch vụ', 'Bộ phận Công nghiệp - Khoa học công nghệ', 'Bộ phận Quản lý chợ'],
    staff: CIVIL_STAFF,
  },
  {
    name: 'Phòng Quản lý đô thị', code: 'QLDT', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Quy hoạch - Kiến trúc', 'Bộ phận Hạ tầng kỹ thuật', 'Bộ phận Cấp phép xây dựng', 'Bộ phận Giao thông'],
    staff: CIVIL_STAFF,
  },
  {
    name: 'Phòng Tài nguyên và Môi trường', code: 'TNMT', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Đất đai', 'Bộ phận Môi trường', 'Bộ phận Đăng ký, cấp giấy chứng nhận'],
    staff: CIVIL_STAFF,
  },
  {
    name: 'Phòng Lao động - Thương binh và Xã hội', code: 'LDTBXH', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Lao động - Việc làm', 'Bộ phận Người có công', 'Bộ phận Bảo trợ xã hội', 'Bộ phận Trẻ em - Bình đẳng giới'],
    staff: CIVIL_STAFF,
  },
  {
    name: 'Phòng Văn hóa và Thông tin', code: 'VHTT', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Văn hóa - Gia đình', 'Bộ phận Thông tin - Truyền thông', 'Bộ phận Thể thao - Du lịch'],
    staff: CIVIL_STAFF,
  },
  {
    name: 'Phòng Giáo dục và Đào tạo', code: 'GDDT', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Giáo dục Mầm non', 'Bộ phận Giáo dục Tiểu học', 'Bộ phận Giáo dục THCS', 'Bộ phận Tổ chức cán bộ'],
    staff: [['Chuyên viên chính', 2], ['Chuyên viên', 6], ['Chuyên viên (biệt phái từ trường)', 2]],
  },
  {
    name: 'Phòng Y tế', code: 'YT', head: 'Trưởng phòng', deputy: 'Phó Trưởng phòng', leadership: 'Lãnh đạo phòng', staffType: 'cong_chuc',
    departments: ['Bộ phận Quản lý y tế', 'Bộ phận An toàn thực phẩm'],
    staff: CIVIL_STAFF,
  },
  {
    name: 'Thanh tra quận', code: 'TTR', head: 'Chánh Thanh tra', deputy: 'Phó Chánh Thanh tra', leadership: 'Lãnh đạo Thanh tra', staffType: 'cong_chuc',
    departments: ['Bộ phận Tiếp công dân', 'Bộ phận Giải quyết khiếu nại, tố cáo', 'Bộ phận Thanh tra kinh tế - xã hội', 'Bộ phận Phòng, chống tham nhũng'],
    staff: [['Thanh tra viên chính', 2], ['Thanh tra viên', 6], ['Chuyên viên', 2]],
    inspectorate: true,
  },
  {
    name: 'Ban Quản lý dự án đầu tư xây dựng quận', code: 'BQLDA', head: 'Giám đốc', deputy: 'Phó Giám đốc', leadership: 'Ban Giám đốc', staffType: 'vien_chuc',
    departments: ['Phòng Kế hoạch - Tổng hợp', 'Phòng Kỹ thuật - Thẩm định', 'Phòng Tài chính - Kế toán'],
    staff: [['Kỹ sư', 4], ['Cán bộ kỹ thuật', 3], ['Chuyên viên', 2]],
  },
  {
    name: 'Trung tâm Văn hóa - Thông tin và Thể thao quận', code: 'TTVH', head: 'Giám đốc', deputy: 'Phó Giám đốc', leadership: 'Ban Giám đốc', staffType: 'vien_chuc',
    departments: ['Phòng Hành chính - Tổng hợp', 'Phòng Văn hóa - Nghệ thuật', 'Phòng Thể dục thể thao', 'Phòng Thông tin - Truyền thanh'],
    staff: [['Viên chức', 4], ['Huấn luyện viên', 2], ['Phóng viên', 1], ['Kỹ thuật viên âm thanh', 1]],
  },
  {
    name: 'Đội Quản lý trật tự xây dựng đô thị quận', code: 'QLTTXD', head: 'Đội trưởng', deputy: 'Đội phó', leadership: 'Lãnh đạo Đội', staffType: 'cong_chuc',
    departments: ['Tổ công tác số 1', 'Tổ công tác số 2', 'Tổ công tác số 3', 'Tổ công tác số 4'],
    staff: [['Đội viên', 8], ['Cán bộ kỹ thuật', 1]],
  },
  {
    name: 'Trung tâm Phát triển quỹ đất quận', code: 'PTQD', head: 'Giám đốc', deputy: 'Phó Giám đốc', leadership: 'Ban Giám đốc', staffType: 'vien_chuc',
    departments: ['Phòng Bồi thường, hỗ trợ và tái định cư', 'Phòng Hành chính - Tổng hợp', 'Phòng Quản lý quỹ đất'],
    staff: [['Viên chức', 5], ['Chuyên viên', 2]],
  },
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

/** The district People's Committee itself: the home unit of the district size. */
export function districtHomeRoster(district: District): Roster {
  const vp = 'Văn phòng HĐND và UBND quận';
  const staffDepts = [vp, 'Tổ Tổng hợp', 'Tổ Hành chính - Quản trị', 'Tổ Kiểm soát thủ tục hành chính', 'Bộ phận Một cửa quận'];
  return {
    female: 0.5,
    headTitle: 'CHỦ TỊCH',
    signAuthority: 'TM. ỦY BAN NHÂN DÂN',
    fixed: [
      r('Chủ tịch UBND quận', 'Lãnh đạo UBND quận', 'can_bo', { tags: ['head', 'kntc'], female: 0.2 }),
      r('Phó Chủ tịch UBND quận', 'Lãnh đạo UBND quận', 'can_bo', { tags: ['deputy', 'kntc'], female: 0.3 }),
      r('Phó Chủ tịch UBND quận', 'Lãnh đạo UBND quận', 'can_bo', { tags: ['deputy'], female: 0.3 }),
      r('Phó Chủ tịch UBND quận', 'Lãnh đạo UBND quận', 'can_bo', { tags: ['deputy'], female: 0.3 }),
      r('Chánh Văn phòng', vp, 'cong_chuc', { tags: ['kntc'], female: 0.4 }),
      r('Phó Chánh Văn phòng', vp, 'cong_chuc', {}),
      r('Phó Chánh Văn phòng', vp, 'cong_chuc', {}),
      r('Văn thư', 'Tổ Hành chính - Quản trị', 'cong_chuc', { tags: ['clerk'], female: 0.85 }),
      r('Trưởng Ban Tiếp công dân', `Ban Tiếp công dân quận ${district.name}`, 'cong_chuc', { tags: ['kntc'] }),
    ],
    rest: [
      r('Chuyên viên', staffDepts, 'cong_chuc', { weight: 6 }),
      r('Chuyên viên chính', staffDepts, 'cong_chuc', { weight: 2 }),
      r('Chuyên viên tiếp công dân', `Ban Tiếp công dân quận ${district.name}`, 'cong_chuc', { weight: 2, tags: ['kntc'] }),
      r('Kế toán', 'Tổ Hành chính - Quản trị', 'cong_chuc', { weight: 1, female: 0.85 }),
      r('Nhân viên hợp đồng', 'Tổ Hành chính - Quản trị', 'hop_dong', { weight: 1 }),
      r('Lái xe', 'Tổ Hành chính - Quản trị', 'hop_dong', { weight: 1, female: 0.02 }),
    ],
  };
}

/** The city's Department of Home Affairs: the home unit of the province size (receives from every ward since 07/2025). */
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
