import { describe, expect, it } from 'vitest';
import { bestField, headerScore } from './headers';
import { isFooterLabel, isTotalLabel, parsePartyMember, parseRole, parseStaffType, sectionTitle } from './values';

describe('header names', () => {
  it('match with or without diacritics, in any case, decomposed or not', () => {
    for (const h of ['Họ và tên', 'HỌ VÀ TÊN', 'Ho va ten', 'Họ và tên'.normalize('NFD'), 'Họ tên', 'Họ và tên cán bộ']) {
      expect(bestField(h, ['fullName', 'position'])?.field, h).toBe('fullName');
    }
  });
  it('the more specific name wins: "Loại tài khoản" is the role, "Tài khoản" the login', () => {
    expect(bestField('Loại tài khoản', ['loginName', 'role'])?.field).toBe('role');
    expect(bestField('Tài khoản', ['loginName', 'role'])?.field).toBe('loginName');
    expect(bestField('Ngày đổi mật khẩu (dd/mm/yyyy)', ['changedOn', 'createdOn'])?.field).toBe('changedOn');
    expect(bestField('Phần mềm', ['system', 'loginName'])?.field).toBe('system');
  });
  it('unrelated headers score nothing', () => {
    expect(headerScore('Số điện thoại', 'fullName')).toBe(0);
    expect(bestField('Email', ['fullName', 'loginName', 'system'])).toBeNull();
  });
});

describe('cell values', () => {
  it('staff types and roles as clerks write them', () => {
    expect(parseStaffType('Công chức')).toBe('cong_chuc');
    expect(parseStaffType('HĐ 68')).toBe('hop_dong');
    expect(parseStaffType('VIÊN CHỨC')).toBe('vien_chuc');
    expect(parseStaffType('')).toBeUndefined();
    expect(parseStaffType('tạm tuyển')).toBeNull();
    expect(parseRole('QTHT')).toBe('admin');
    expect(parseRole('Người sử dụng')).toBe('user');
  });
  it('"Đảng viên": a mark, or the date of joining', () => {
    expect(parsePartyMember('x')).toBe(true);
    expect(parsePartyMember('Có')).toBe(true);
    expect(parsePartyMember('19/05/2005')).toBe(true);
    expect(parsePartyMember('không')).toBe(false);
    expect(parsePartyMember('')).toBeUndefined();
    expect(parsePartyMember('???')).toBeNull();
  });
  it('total, footer and section rows', () => {
    expect(isTotalLabel('Tổng cộng')).toBe(true);
    expect(isTotalLabel('Cộng:')).toBe(true);
    expect(isTotalLabel('Công chức')).toBe(false);
    expect(isTotalLabel('Tổng hợp')).toBe(false);
    expect(isTotalLabel('Tổng: 25 người')).toBe(true);
    expect(isTotalLabel('TONG CONG')).toBe(true);
    expect(isFooterLabel('Người lập biểu')).toBe(true);
    expect(isFooterLabel('Văn Miếu, ngày 20 tháng 01 năm 2024')).toBe(true);
    expect(isFooterLabel('Nguyễn Văn An')).toBe(false);
    expect(sectionTitle('I. Văn phòng HĐND-UBND')).toBe('Văn phòng HĐND-UBND');
    expect(sectionTitle('II - Địa chính')).toBe('Địa chính');
    expect(sectionTitle('Nguyễn Văn An')).toBeNull();
  });
});
