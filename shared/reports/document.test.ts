import { describe, expect, it } from 'vitest';
import { emptyFigures } from '../campaigns/rules';
import type { Campaign } from '../campaigns/schema';
import type { UnitProfile } from '../unit/schema';
import { cancellationDocument, generatedNarrative, reportDocument, signSheetDocument, type DocBlock } from './document';
import { emptyNarrative, narrativeOverrides, resolveNarrative } from './narrative';
import type { ReportData } from './schema';

const unit = {
  id: 1, parentBody: 'UBND Quận Đống Đa', name: 'UBND Phường Văn Miếu', code: 'VM', headName: 'Ngô Phương Nga', headTitle: 'Chủ tịch', signAuthority: 'TM. Ủy ban nhân dân',
  clerkName: 'Lê Văn Thư', placeName: 'Đống Đa', reportSymbol: 'BC-UBND', recipientName: 'Phòng Nội vụ quận Đống Đa', recipientAddress: '', email: '', phone: '', updatedAt: '',
} satisfies UnitProfile;
const campaign = {
  id: 7, directiveNumber: '123/UBND-NV', directiveDate: '2024-01-06', issuer: 'UBND quận Đống Đa', subject: 'Rà soát mật khẩu', systemIds: [1], legalIds: [], startDate: '2024-01-08',
  deadline: '2024-01-25', recipient: '', note: '', status: 'in_progress', startedOn: '2024-01-08', reportNumber: '5/BC-UBND', reportedOn: null, signer: null, sentOn: null,
  reference: null, createdAt: '', updatedAt: '',
} satisfies Campaign;
const figures = {
  ...emptyFigures(), total: 19368, admin: 366, user: 19002, done: 19000, missing: 366, toCancel: 2,
  byRole: { admin: { total: 366, toCancel: 0, mustChange: 0, done: 0, late: 0, missing: 366 }, user: { total: 19002, toCancel: 2, mustChange: 0, done: 19000, late: 0, missing: 0 } },
};
const data: ReportData = {
  unit, campaign, legal: [], toCancel: [], fingerprint: 'AAAA-BBBB-CCCC-DDDD', previousFingerprint: null, devices: { devices: 0, checked: 0, licensedAv: 0, infected: 0, remediated: 0 }, devicesBySystem: [], documentDate: '2024-01-20', deviceCheckMonths: 3, amendments: [], lastExport: null, today: '2024-01-20',
  progress: { campaign, overall: figures, bySystem: [{ ...figures, systemId: 1, systemName: 'Sổ tay đảng viên' }], percent: 98, daysLeft: 5 },
  narrative: emptyNarrative(),
  connections: { checkMonths: 12, bySystem: [], required: { connections: 0, siteToSite: 0, nonCompliant: 0, notChecked: 0 } },
  connectionRows: [],
  security: { checkMonths: 3, systems: [], counts: { systems: 0, ok: 0, overdue: 0, unused: 0 } },
  noticeBasis: { connections: '', security: '' },
};
const texts = (blocks: DocBlock[]) => blocks.map((b) => (b.kind === 'table' ? b.table.rows.flat().map((c) => c?.text ?? '').join(' ') : b.text)).join('\n');

describe('the report document', () => {
  it('prints the generated narrative until the unit changes it, and the figures from the data with thousands separators', () => {
    const doc = reportDocument(data);
    expect(doc.kinhGui).toEqual(['Phòng Nội vụ quận Đống Đa']);
    expect(doc.header.number).toBe('Số: 05/BC-UBND');
    expect(doc.signatures).toEqual([{ titles: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Ngô Phương Nga' }]);
    expect(texts(doc.body)).toContain('Tổng số 19.368 tài khoản');
    expect(texts(doc.body)).toContain('19.368 2 0 19.000 0 366');
    expect(texts(doc.body)).toContain('– Tài khoản quản trị 366 0 0 0 0 366');
    expect(doc.recipients).toEqual(['- Phòng Nội vụ quận Đống Đa;', '- Lưu: VT.']);
  });

  it('uses the saved narrative: several paragraphs, no Căn cứ when emptied, the signer changed — the figures stay', () => {
    const doc = reportDocument({
      ...data,
      narrative: { ...emptyNarrative(), section5: 'Đề xuất một.\nĐề xuất hai.', basis: '', signerTitle: 'KT. Chủ tịch\nPhó Chủ tịch', signerName: 'Trần Văn Bình', kinhGui: 'Sở Nội vụ' },
    });
    const body = texts(doc.body);
    expect(body).toMatch(/V\. ĐỀ XUẤT, KIẾN NGHỊ\nĐề xuất một\.\nĐề xuất hai\./);
    expect(body).not.toContain('Căn cứ:');
    expect(body).toContain('Tổng số 19.368 tài khoản');
    expect(doc.kinhGui).toEqual(['Sở Nội vụ']);
    expect(doc.signatures[0]).toEqual({ titles: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Trần Văn Bình' });
  });

  it('the cancellation letter and the sign sheet are signed by the same signer', () => {
    const narrative = { ...emptyNarrative(), signerName: 'Trần Văn Bình' };
    expect(cancellationDocument({ ...data, narrative }).signatures[0]!.name).toBe('Trần Văn Bình');
    const sheet = signSheetDocument({
      unit, campaign, narrative, legal: [], toCancel: [],
      rows: [
        { accountId: 1, personId: 3, personName: 'An', position: 'Văn thư', department: '', systemName: 'A', loginName: 'an1', role: 'user' },
        { accountId: 2, personId: 3, personName: 'An', position: 'Văn thư', department: '', systemName: 'B', loginName: 'an2', role: 'admin' },
        { accountId: 3, personId: 4, personName: 'Bình', position: '', department: '', systemName: 'A', loginName: 'binh', role: 'user' },
      ],
    });
    expect(sheet.signatures.map((s) => s.name)).toEqual(['Lê Văn Thư', 'Trần Văn Bình']);
    const table = sheet.body.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error();
    expect(table.table.groupStarts).toEqual([0, 2]);
    expect(table.table.rows[0]![0]).toMatchObject({ text: '1', rowSpan: 2 });
    expect(table.table.rows[1]!.slice(0, 3)).toEqual([null, null, null]);
  });
});

describe('narrative overrides', () => {
  it('stores null for a field left as generated (it keeps following the data) and the text of a changed one', () => {
    const generated = generatedNarrative(data);
    const edited = { ...generated, section5: 'Khác.', section1: `${generated.section1}\n` };
    const saved = narrativeOverrides(edited, generated);
    expect(saved.section5).toBe('Khác.');
    expect(saved.section1).toBeNull();
    expect(resolveNarrative(saved, generated).section5).toBe('Khác.');
    expect(resolveNarrative(saved, generated).kinhGui).toBe(generated.kinhGui);
  });
});

describe('the report states Rules 7 and 8 (issue 21)', () => {
  const kntc = { systemId: 1, systemName: 'CSDL quốc gia về khiếu nại, tố cáo', systemCode: 'KNTC', requiresSiteToSite: true };
  const link = {
    ...kntc, id: 1, localSystem: 'CSDL tiếp công dân', direction: 'both' as const, protocol: 'vpn_other' as const, gateway: '', checkedBy: 'A', checkedOn: '2024-01-10',
    connectionStatus: 'active' as const, note: '', state: 'not_site_to_site' as const, nextCheckDue: '2025-01-10', createdAt: '', updatedAt: '',
  };

  it('every connection to the complaints database over site-to-site VPN: the figures, the documents cited, no list of failures', () => {
    const body = texts(reportDocument({
      ...data,
      connections: { checkMonths: 12, bySystem: [{ ...kntc, connections: 2, siteToSite: 2, nonCompliant: 0, notChecked: 0 }], required: { connections: 2, siteToSite: 2, nonCompliant: 0, notChecked: 0 } },
      connectionRows: [{ ...link, protocol: 'vpn_site_to_site', state: 'ok' }],
      noticeBasis: { connections: 'Thông báo số …/TB-SKHCN của Sở Khoa học và Công nghệ; Nghị định số 55/2022/NĐ-CP ngày 23/08/2022 của Chính phủ', security: '' },
    }).body);
    expect(body).toContain('Đơn vị có 2 kết nối, chia sẻ dữ liệu đang hoạt động với các hệ thống bắt buộc kết nối qua giao thức VPN Site to Site; 2 kết nối qua VPN site-to-site; 0 kết nối chưa đạt yêu cầu');
    expect(body).toContain('(Thực hiện Thông báo số …/TB-SKHCN của Sở Khoa học và Công nghệ; Nghị định số 55/2022/NĐ-CP');
    expect(body).toContain('1 CSDL quốc gia về khiếu nại, tố cáo Có 2 2 0 0');
    expect(body).toContain('Toàn bộ các kết nối nêu trên đều thực hiện trên giao thức VPN Site to Site và đã được kiểm tra.');
    expect(body).not.toContain('Các kết nối chưa đạt');
  });

  it('names each connection that does not comply, and each system whose check is late or found a feature unused', () => {
    const body = texts(reportDocument({
      ...data,
      connections: { checkMonths: 12, bySystem: [{ ...kntc, connections: 1, siteToSite: 0, nonCompliant: 1, notChecked: 0 }], required: { connections: 1, siteToSite: 0, nonCompliant: 1, notChecked: 0 } },
      connectionRows: [link],
      security: {
        checkMonths: 3,
        counts: { systems: 2, ok: 0, overdue: 1, unused: 1 },
        systems: [
          { systemId: 2, systemCode: 'DGXL', systemName: 'Đánh giá', features: 4, lastCheckedOn: '2024-01-02', checker: 'B', used: 3, notUsed: 1, na: 0, nextDue: '2024-04-02', state: 'unused', unusedFeatures: ['OTP'], accountsChecked: 0, accountsUnused: 0 },
          { systemId: 3, systemCode: 'STDV', systemName: 'Sổ tay', features: 4, lastCheckedOn: null, checker: null, used: 0, notUsed: 0, na: 0, nextDue: null, state: 'never', unusedFeatures: [], accountsChecked: 0, accountsUnused: 0 },
        ],
      },
    }).body);
    expect(body).toContain('- CSDL tiếp công dân ↔ CSDL quốc gia về khiếu nại, tố cáo: VPN khác (client-to-site…), kiểm tra ngày 10/01/2024 — Không qua VPN site-to-site;');
    expect(body).toContain('Đơn vị theo dõi 2 hệ thống có danh sách tính năng bảo mật; 0 hệ thống đã được kiểm tra trong 3 tháng gần nhất và mọi tính năng đều được sử dụng; 1 hệ thống chưa kiểm tra hoặc quá hạn kiểm tra; 1 hệ thống có tính năng chưa được sử dụng.');
    expect(body).toContain('1 Đánh giá 4 02/01/2024 3 1 0 02/04/2024 Có tính năng chưa dùng');
    expect(body).toContain('2 Sổ tay 4 Chưa kiểm tra');
    expect(body).toContain('- Đánh giá: Chưa sử dụng: OTP');
    // The sections keep their numbers: III holds devices, connections and security features.
    expect(body).toMatch(/III\. KIỂM TRA THIẾT BỊ, KẾT NỐI DỮ LIỆU VÀ TÍNH NĂNG BẢO MẬT\n1\. Thiết bị[^]*2\. Kết nối, chia sẻ dữ liệu[^]*3\. Kiểm tra việc sử dụng các tính năng bảo mật[^]*IV\. TÀI KHOẢN/);
  });
});
