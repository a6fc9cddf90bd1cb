import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../shared/reports/schema';
import { generateDemo } from '../../electron/core/demo/generate';
import { main } from '../../electron/cli/main';
import { makeTestCore, type TestCore } from './harness-core';

// The Word documents (issue 19), read back three ways: the .docx XML (page setup, fonts, margins),
// LibreOffice Writer's PDF of it (pdftotext: figures, the edited narrative, page numbers, the
// signature block with the last paragraph), and the Excel report's summary for the same campaign.

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
let t: TestCore;
let campaignId: number;
const dir = process.env.ATTK_DOCS_OUT ?? mkdtempSync(join(tmpdir(), 'attk-docx-'));
mkdirSync(dir, { recursive: true });

const SECTION5 = 'Đề nghị Sở Nội vụ tổ chức tập huấn về an toàn thông tin cho văn thư các phường trong quý I năm 2024.';
const KINH_GUI = 'Sở Nội vụ thành phố Hà Nội';

async function docx(kind: 'report' | 'cancellations' | 'sign-sheet'): Promise<{ file: string; pdf: string; pages: string[]; xml: Map<string, string> }> {
  const r = await t.call('reports.docx', { campaignId, kind });
  const file = join(dir, r.fileName.replace(/_\d+\.docx$/, '.docx'));
  writeFileSync(file, Buffer.from(r.dataBase64, 'base64'));
  // Python's zipfile: an independent reader of the package.
  const parts = execFileSync('/usr/bin/python3', ['-c', 'import zipfile, sys, json; z = zipfile.ZipFile(sys.argv[1]); print(json.dumps({n: z.read(n).decode() for n in z.namelist() if n.endswith(".xml")}))', file], { maxBuffer: 1 << 28 });
  const xml = new Map(Object.entries(JSON.parse(parts.toString()) as Record<string, string>));
  if (!soffice) return { file, pdf: '', pages: [], xml };
  execFileSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
  const pdf = file.replace(/\.docx$/, '.pdf');
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());
  return { file, pdf, pages, xml };
}

beforeAll(async () => {
  t = makeTestCore('2024-01-20');
  generateDemo(t.core.db, 'unit', { today: '2024-01-20' });
  campaignId = (await t.call('campaigns.list', {})).find((c) => c.status === 'in_progress')!.id;
});
afterAll(() => t.close());

describe('the editable narrative', () => {
  it('starts from the generated text, saves only what changed, and is audited', async () => {
    const before = await t.call('reports.data', { campaignId });
    expect(Object.values(before.narrative).every((v) => v === null)).toBe(true);
    await t.call('reports.saveNarrative', { campaignId, kinhGui: KINH_GUI, basis: null, section1: null, section5: `${SECTION5}\n\n  Đơn vị   tiếp tục đôn đốc.  `, recipients: null, signerTitle: null, signerName: null });
    const after = await t.call('reports.data', { campaignId });
    expect(after.narrative.section5).toBe(`${SECTION5}\nĐơn vị tiếp tục đôn đốc.`);
    expect(after.narrative.kinhGui).toBe(KINH_GUI);
    expect(after.narrative.section1).toBeNull();
    const audit = await t.call('audit.list', { entity: 'campaign', offset: 0, limit: 5 });
    expect(audit.rows[0]!.summary).toContain('Mục V. Đề xuất, kiến nghị');
  });

  it('refuses a value that is not text and changes nothing', async () => {
    const r = await t.raw('reports.saveNarrative', { campaignId, kinhGui: 5, basis: null, section1: null, section5: null, recipients: null, signerTitle: null, signerName: null });
    expect(r.ok).toBe(false);
    expect((await t.call('reports.data', { campaignId })).narrative.kinhGui).toBe(KINH_GUI);
  });
});

describe('the Word report', () => {
  it('has the Decree 30 page setup, fonts and margins in its XML', async () => {
    const { xml } = await docx('report');
    const doc = xml.get('word/document.xml')!;
    const sect = doc.slice(doc.lastIndexOf('<w:sectPr'));
    expect(/<w:pgSz [^>]*>/.exec(sect)![0]).toBe('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>'); // A4 portrait, twips
    const margin = (side: string) => Number(new RegExp(`w:${side}="(\\d+)"`).exec(sect.slice(sect.indexOf('<w:pgMar')))![1]) / 56.7;
    expect(margin('top')).toBeGreaterThanOrEqual(20);
    expect(margin('top')).toBeLessThanOrEqual(25);
    expect(margin('bottom')).toBeGreaterThanOrEqual(20);
    expect(margin('bottom')).toBeLessThanOrEqual(25);
    expect(margin('left')).toBeGreaterThanOrEqual(30);
    expect(margin('left')).toBeLessThanOrEqual(35);
    expect(margin('right')).toBeGreaterThanOrEqual(15);
    expect(margin('right')).toBeLessThanOrEqual(20);
    expect(sect).toContain('<w:titlePg/>'); // a different first page: no number on page 1
    const styles = xml.get('word/styles.xml')!;
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    // Every run with text: Times New Roman, 11 pt (tables, Nơi nhận) to 14 pt (body); body text 14 pt.
    const runs = [...doc.matchAll(/<w:r><w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t[^>]*>([^<]+)<\/w:t><\/w:r>/g)].map((m) => ({ props: m[1]!, text: m[2]!, size: Number(/<w:sz w:val="(\d+)"/.exec(m[1]!)![1]) / 2 }));
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) {
      expect(r.props, r.text).toContain('<w:rFonts w:ascii="Times New Roman"');
      expect(r.size, r.text).toBeGreaterThanOrEqual(11);
      expect(r.size, r.text).toBeLessThanOrEqual(14);
    }
    expect(runs.find((r) => r.text.startsWith('Thực hiện Công văn'))!.size).toBe(14);
    expect(doc.includes('<w:tblHeader/>'), 'table header rows repeat').toBe(true);
    expect(doc.includes('<w:cantSplit/>'), 'rows do not split').toBe(true);
  });

  it('converts to a PDF whose figures equal the Excel summary, with the edited narrative and page numbers from page 2', async () => {
    if (!soffice) return;
    const { pages } = await docx('report');
    const text = pages.join('\n');
    expect(text).toContain(`Kính gửi: ${KINH_GUI}`);
    expect(text.replace(/\s+/g, ' ')).toContain(SECTION5);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.split('\n').slice(0, 3).join('\n')).not.toMatch(/^\s*1\s*$/m);
    for (let i = 1; i < pages.length; i++) expect(pages[i]!.split('\n').find((l) => l.trim())!.trim()).toBe(String(i + 1));

    // The Excel summary of the same campaign, as exported.
    const { jobId } = await t.call('reports.export', { campaignId, kind: 'report', showLogins: false });
    let status;
    do {
      await new Promise((r) => setTimeout(r, 20));
      status = await t.call('jobs.status', { id: jobId });
    } while (status.state === 'running');
    const xlsxFile = (status.result as ExportResult).filePath;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxFile);
    const sheet = wb.getWorksheet('Tổng hợp')!;
    const systems: { name: string; figures: number[] }[] = [];
    // The accounts table (section I of the sheet): each system's row and the total row, six figures each.
    let inAccounts = false;
    sheet.eachRow((row) => {
      const stt = row.getCell(1).value;
      const name = String(row.getCell(2).value ?? '');
      if (row.getCell(3).value === 'Tổng số tài khoản') inAccounts = true;
      else if (inAccounts && (typeof stt === 'number' || name === 'Tổng cộng') && typeof row.getCell(3).value === 'number') {
        systems.push({ name, figures: [3, 4, 5, 6, 7, 8].map((c) => Number(row.getCell(c).value)) });
        if (name === 'Tổng cộng') inAccounts = false;
      }
    });
    expect(systems.length).toBeGreaterThan(1);
    for (const s of systems) {
      // The PDF's table row (one line of pdftotext's layout): the row's six figures in the same order.
      const figures = s.figures.map((v) => v.toLocaleString('vi-VN')).join('\\s+');
      expect(pages.some((p) => new RegExp(`(^|\\s)${figures}(\\s|$)`, 'm').test(p)), `${s.name}: ${s.figures.join(' ')}`).toBe(true);
    }

    // The Excel file printed by LibreOffice Calc: page numbers at the top from page 2, none on page 1.
    const calcDir = join(dir, 'calc');
    execFileSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', calcDir, xlsxFile], { stdio: 'pipe', timeout: 120_000 });
    const calcPages = execFileSync('pdftotext', ['-layout', join(calcDir, xlsxFile.split('/').pop()!.replace(/\.xlsx$/, '.pdf')), '-']).toString().split('\f').filter((p) => p.trim());
    expect(calcPages.length).toBeGreaterThan(2);
    expect(calcPages[0]!.split('\n').find((l) => l.trim())!.trim()).not.toMatch(/^\d+$/);
    for (let i = 1; i < calcPages.length; i++) expect(calcPages[i]!.split('\n').find((l) => l.trim())!.trim(), `Calc page ${i + 1}`).toBe(String(i + 1));

    // The account, device and cancellation lists print legibly: their 11-pt text at ≥ 10 pt on the page.
    // A word's box in pdftotext is 1.30 × the printed font size (Liberation Serif; calibrated on the
    // .docx above, whose 14-pt body gives 18.2-pt boxes).
    const bbox = execFileSync('pdftotext', ['-bbox', join(calcDir, xlsxFile.split('/').pop()!.replace(/\.xlsx$/, '.pdf')), '-']).toString();
    const listPages = bbox.split('<page ').slice(1).filter((pg) => />Tên<\/word>\s*<word[^>]*>đăng<\/word>|>Người<\/word>\s*<word[^>]*>sử<\/word>/.test(pg));
    expect(listPages.length).toBeGreaterThan(1);
    for (const pg of listPages) {
      const heights = [...pg.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1])).sort((a, b) => a - b);
      const median = heights[Math.floor(heights.length / 2)]!;
      expect(median / 1.3, 'printed size of the list text (pt)').toBeGreaterThanOrEqual(10);
    }
  });

  it('keeps Nơi nhận and the signature on the page of the last paragraph', async () => {
    if (!soffice) return;
    const { pages } = await docx('report');
    const page = pages.find((p) => p.includes('Trên đây là báo cáo'))!;
    expect(page).toContain('Nơi nhận:');
    expect(page).toMatch(/TM\. ỦY BAN NHÂN DÂN/);
  });
});

describe('the Word cancellation letter and sign sheet', () => {
  it('the letter: V/v, Kính gửi the managing agencies, the accounts, signature with the last paragraph', async () => {
    const data = await t.call('reports.data', { campaignId });
    const { xml, pages } = await docx('cancellations');
    expect(xml.get('word/document.xml')).toContain('V/v đề nghị hủy');
    if (!soffice) return;
    const text = pages.join('\n');
    for (const r of data.toCancel) expect(text).toContain(r.loginName);
    const last = pages.find((p) => p.includes('trân trọng đề nghị'))!;
    expect(last).toContain('Nơi nhận:');
    expect(last).toMatch(/TM\. ỦY BAN NHÂN DÂN/);
  });

  it('the sign sheet: A4 landscape, every in-scope account once, page numbers from page 2', async () => {
    const sheet = await t.call('reports.signSheet', { campaignId });
    const { xml, pages } = await docx('sign-sheet');
    expect(/<w:pgSz [^>]*>/.exec(xml.get('word/document.xml')!)![0]).toBe('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    if (!soffice) return;
    const text = pages.join('\n');
    for (const r of sheet.rows) expect(text).toContain(r.loginName);
    for (let i = 1; i < pages.length; i++) expect(pages[i]!.split('\n').find((l) => l.trim())!.trim()).toBe(String(i + 1));
    expect(pages.at(-1)).toContain('NGƯỜI LẬP PHIẾU');
  });
});

describe('attk export … --format docx', () => {
  it('writes each document to --out: the same .docx the app downloads', async () => {
    for (const kind of ['report', 'cancellations', 'sign-sheet'] as const) {
      const out = join(dir, `cli-${kind}.docx`);
      const lines: string[] = [];
      const code = await main(['export', kind, '--format', 'docx', '--db', t.file, '--campaign', String(campaignId), '--out', out, '--today', '2024-01-20', '--json'], { out: (s) => lines.push(s), err: (s) => lines.push(s) });
      expect(code, lines.join('\n')).toBe(0);
      expect(JSON.parse(lines[0]!)).toMatchObject({ ok: true, kind, out });
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
      expect(existsSync(`${out}.part`)).toBe(false);
    }
    const words = execFileSync('/usr/bin/python3', ['-c', 'import zipfile, sys; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', join(dir, 'cli-report.docx')]).toString();
    expect(words).toContain(SECTION5);
  });

  it('refuses an unknown format and an Excel sign sheet with a Vietnamese message', async () => {
    const err: string[] = [];
    const io = { out: (s: string) => err.push(s), err: (s: string) => err.push(s) };
    expect(await main(['export', 'report', '--format', 'pdf', '--db', t.file, '--campaign', String(campaignId), '--out', join(dir, 'x.pdf')], io)).toBe(2);
    expect(err.join('\n')).toContain('Định dạng không hợp lệ');
    expect(await main(['export', 'sign-sheet', '--db', t.file, '--campaign', String(campaignId), '--out', join(dir, 'x.xlsx')], io)).toBe(2);
    expect(err.join('\n')).toContain('Phiếu xác nhận chỉ xuất được bản Word');
  });
});
