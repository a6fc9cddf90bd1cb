import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult, ReportPayload } from '../../shared/reports/schema';
import { prescanXlsx } from '../../electron/core/import/zip-prescan';
import { storedZip } from '../../electron/core/import/package-parts';
import { verifyReportFile, verifyReportParts } from '../../electron/core/reports/verify';
import { buildHandUnit, type HandUnit } from '../oracle/hand-unit';

// Issue 22: the trust boundary (electron/core/reports/verify.ts), forgery by forgery. Each test
// takes the hand-built unit's real signed export, forges or tampers one thing — the signed payload
// sheet, the key, the stated row counts, the cells, what a reader sees — and asserts the EXACT list
// of refusal reasons (literal Vietnamese, never the production message functions), so that a
// check that is skipped, reordered, or given the wrong argument fails here.
//
// The export is made once (beforeAll: it does not touch verify.ts); every verification runs inside
// its test, so mutation testing exercises it. Forgeries edit the zip's parts in memory (what an
// attacker with a zip tool does); cell styles are forged with openpyxl (another program).

let u: HandUnit;
let exported: ExportResult;
const dir = mkdtempSync(join(tmpdir(), 'attk-verify-forge-'));

beforeAll(async () => {
  u = await buildHandUnit();
  exported = await u.exportReport();
}, 120_000);
afterAll(() => {
  u?.close();
  rmSync(dir, { recursive: true, force: true });
});

const META_PART = 'xl/worksheets/sheet7.xml'; // "_attk", the 7th sheet (checked in the first test)
const parts = () => prescanXlsx(readFileSync(exported.filePath));
const text = (p: Map<string, Buffer>, name: string) => p.get(name)!.toString('utf8');
const unxml = (s: string) =>
  s.replace(/&(?:#(\d+)|(amp|lt|gt|quot|apos));/g, (_, d: string | undefined, e: string | undefined) =>
    d ? String.fromCodePoint(Number(d)) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e!]!,
  );
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The payload sheet's rows, key → value (numbers as numbers), in order. */
type Meta = [string, string | number | undefined][];
function readMeta(p: Map<string, Buffer>): Meta {
  const rows: Meta = [];
  for (const r of text(p, META_PART).matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [...r[1]!.matchAll(/<c\b[^>]*>(?:<is><t[^>]*>([\s\S]*?)<\/t><\/is>|<v>([^<]*)<\/v>)<\/c>/g)];
    const value = (m: RegExpMatchArray | undefined) => (m === undefined ? undefined : m[1] !== undefined ? unxml(m[1]) : Number(m[2]));
    rows.push([String(value(cells[0])), value(cells[1])]);
  }
  return rows;
}
function writeMeta(p: Map<string, Buffer>, meta: Meta): Map<string, Buffer> {
  const rows = meta.map(([k, v], i) => {
    const n = i + 1;
    const b = v === undefined ? '' : typeof v === 'number' ? `<c r="B${n}"><v>${v}</v></c>` : `<c r="B${n}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`;
    return `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>${xml(k)}</t></is></c>${b}</row>`;
  });
  const out = new Map(p);
  out.set(META_PART, Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`));
  return out;
}
const get = (m: Meta, k: string) => m.find(([key]) => key === k)?.[1];
const set = (m: Meta, k: string, v: string | number | undefined): Meta => (m.some(([key]) => key === k) ? m.map(([key, old]) => [key, key === k ? v : old]) : [...m, [k, v]]);
const without = (m: Meta, k: string): Meta => m.filter(([key]) => key !== k);
const payloadText = (m: Meta) => m.filter(([k]) => k.startsWith('payload.')).map(([, v]) => String(v)).join('');
/** The payload as `chunks` rows of roughly equal length (the signature is over their concatenation). */
function chunked(m: Meta, json: string, chunks: number): Meta {
  const base = m.filter(([k]) => !k.startsWith('payload.') && k !== 'payloadChunks');
  const size = Math.ceil(json.length / chunks);
  const rows: Meta = Array.from({ length: chunks }, (_, i) => [`payload.${i}`, json.slice(i * size, (i + 1) * size)]);
  return [...base, ['payloadChunks', chunks], ...rows];
}

/** Independent fingerprint (first 16 hex of SHA-256 of the DER public key, in groups of 4). */
const fp = (der: Buffer) => createHash('sha256').update(der).digest('hex').slice(0, 16).toUpperCase().replace(/(.{4})(?!$)/g, '$1-');

/** An attacker's re-signed file: the payload edited, signed with the attacker's own fresh key. */
function resign(p: Map<string, Buffer>, edit: (payload: ReportPayload, newFp: string) => void, opts: { metaFingerprint?: 'new' | 'old' } = {}) {
  const meta = readMeta(p);
  const payload = JSON.parse(payloadText(meta)) as ReportPayload;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const newFp = fp(der);
  payload.fingerprint = newFp;
  edit(payload, newFp);
  const json = JSON.stringify(payload);
  let m = chunked(meta, json, 1);
  m = set(m, 'publicKey', der.toString('base64'));
  m = set(m, 'signature', sign(null, Buffer.from(json, 'utf8'), privateKey).toString('base64'));
  m = set(m, 'fingerprint', (opts.metaFingerprint ?? 'new') === 'new' ? newFp : String(get(meta, 'fingerprint')));
  return { parts: writeMeta(p, m), fingerprint: newFp, publicKey: der.toString('base64'), payload };
}

const NOT_ATTK = 'Tệp không phải báo cáo xuất từ ATTK (không có phần dữ liệu đã ký).';
const PAYLOAD = 'Phần dữ liệu đã ký bị hỏng hoặc không đầy đủ.';
const SIGNATURE = 'Chữ ký số không hợp lệ: tệp đã bị sửa sau khi xuất hoặc không do ATTK của đơn vị tạo ra.';
const CELLS = 'Nội dung các trang tính đã bị thay đổi sau khi xuất (mã băm không khớp).';
const FINGERPRINT = 'Mã xác thực trong tệp không khớp với khóa ký.';

describe('the signed payload sheet', () => {
  it('verifies the untouched export: no problem, its payload, key and fingerprint', async () => {
    const p = parts();
    expect(text(p, 'xl/workbook.xml')).toMatch(/<sheet name="_attk" sheetId="7" state="veryHidden" r:id="rId7"\/>/);
    const meta = readMeta(p);
    expect(get(meta, 'format')).toBe('ATTK');
    const v = await verifyReportParts(p);
    expect(v).toEqual({ ok: true, problems: [], payload: JSON.parse(payloadText(meta)), publicKey: get(meta, 'publicKey'), fingerprint: exported.fingerprint });
    expect(v.fingerprint).toBe(fp(Buffer.from(String(get(meta, 'publicKey')), 'base64')));
    // The file on disk, through the same path the CLI uses.
    expect(await verifyReportFile(exported.filePath)).toEqual(v);
    // Rewriting the payload sheet unchanged (as this test's forger does) keeps it valid.
    expect(await verifyReportParts(writeMeta(p, meta))).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a file without the ATTK marker, and says nothing else about it', async () => {
    const p = parts();
    for (const meta of [without(readMeta(p), 'format'), set(readMeta(p), 'format', 'ATTK2'), set(readMeta(p), 'format', 'attk')]) {
      expect(await verifyReportParts(writeMeta(p, meta))).toEqual({ ok: false, problems: [NOT_ATTK], payload: null, publicKey: null, fingerprint: null });
    }
  });

  it('refuses a schema version it cannot read, naming the version found and the one expected', async () => {
    const p = parts();
    expect(await verifyReportParts(writeMeta(p, set(readMeta(p), 'schemaVersion', 2)))).toMatchObject({
      ok: false,
      problems: ['Phiên bản dữ liệu của tệp (2) không được hỗ trợ (cần 4).'],
    });
    expect((await verifyReportParts(writeMeta(p, set(readMeta(p), 'schemaVersion', 'năm')))).problems).toEqual(['Phiên bản dữ liệu của tệp (năm) không được hỗ trợ (cần 4).']);
    expect((await verifyReportParts(writeMeta(p, without(readMeta(p), 'schemaVersion')))).problems).toEqual(['Phiên bản dữ liệu của tệp (undefined) không được hỗ trợ (cần 4).']);
    // Schema 3 (before the report number) is still read.
    expect(await verifyReportParts(writeMeta(p, set(readMeta(p), 'schemaVersion', 3)))).toMatchObject({ ok: true, problems: [] });
  });

  it('reads a payload split into several chunks, in order', async () => {
    const p = parts();
    const meta = readMeta(p);
    const json = payloadText(meta);
    const v = await verifyReportParts(writeMeta(p, chunked(meta, json, 3)));
    expect(v).toMatchObject({ ok: true, problems: [], fingerprint: exported.fingerprint });
    expect(v.payload).toEqual(JSON.parse(json));
  });

  it('refuses a payload cut short or missing: broken payload and signature, the key still read', async () => {
    const p = parts();
    const meta = readMeta(p);
    const json = payloadText(meta);
    const three = chunked(meta, json, 3);
    for (const m of [set(three, 'payloadChunks', 2), without(three, 'payload.2'), without(meta, 'payloadChunks'), set(meta, 'payloadChunks', 0)]) {
      expect(await verifyReportParts(writeMeta(p, m))).toEqual({ ok: false, problems: [PAYLOAD, SIGNATURE], payload: null, publicKey: get(meta, 'publicKey'), fingerprint: exported.fingerprint });
    }
  });

  it('refuses a signature over something else, or none, and still returns the payload it read', async () => {
    const p = parts();
    const meta = readMeta(p);
    const { privateKey } = generateKeyPairSync('ed25519');
    const other = sign(null, Buffer.from('{}', 'utf8'), privateKey).toString('base64');
    for (const m of [set(meta, 'signature', other), without(meta, 'signature'), set(meta, 'signature', undefined)]) {
      const v = await verifyReportParts(writeMeta(p, m));
      expect(v).toMatchObject({ ok: false, problems: [SIGNATURE], fingerprint: exported.fingerprint });
      expect(v.payload).toEqual(JSON.parse(payloadText(meta)));
    }
  });

  it('refuses a file without its public key: no key, no fingerprint', async () => {
    const p = parts();
    const meta = readMeta(p);
    expect(await verifyReportParts(writeMeta(p, without(meta, 'publicKey')))).toMatchObject({ ok: false, problems: [SIGNATURE, FINGERPRINT], publicKey: null, fingerprint: null });
    // The key's row present, its value empty.
    expect(await verifyReportParts(writeMeta(p, set(meta, 'publicKey', undefined)))).toMatchObject({ ok: false, problems: [SIGNATURE, FINGERPRINT], publicKey: '', fingerprint: null });
  });
});

describe('a payload re-signed with another key', () => {
  it('verifies as itself (pinning the unit\'s key is the receiving office\'s check), under the new fingerprint', async () => {
    const forged = resign(parts(), () => {});
    const v = await verifyReportParts(forged.parts);
    expect(v).toMatchObject({ ok: true, problems: [], publicKey: forged.publicKey, fingerprint: forged.fingerprint });
    expect(forged.fingerprint).not.toBe(exported.fingerprint);
  });

  it('refuses a fingerprint that is not the signing key\'s, in the payload or on the sheet', async () => {
    const old = exported.fingerprint;
    const both = resign(parts(), (pl) => (pl.fingerprint = old), { metaFingerprint: 'old' });
    expect(await verifyReportParts(both.parts)).toMatchObject({ ok: false, problems: [FINGERPRINT], fingerprint: both.fingerprint });
    const payloadOnly = resign(parts(), (pl) => (pl.fingerprint = old));
    expect(await verifyReportParts(payloadOnly.parts)).toMatchObject({ ok: false, problems: [FINGERPRINT] });
    const sheetOnly = resign(parts(), () => {}, { metaFingerprint: 'old' });
    expect(await verifyReportParts(sheetOnly.parts)).toMatchObject({ ok: false, problems: [FINGERPRINT] });
  });

  it('refuses a cell hash or a cell count that is not the cells\' own', async () => {
    const hash = resign(parts(), (pl) => (pl.cellsSha256 = String(pl.cellsSha256).replace(/^./, (c) => (c === '0' ? '1' : '0'))));
    expect((await verifyReportParts(hash.parts)).problems).toEqual([CELLS]);
    const count = resign(parts(), (pl) => (pl.counts.cells = pl.counts.cells + 1));
    expect((await verifyReportParts(count.parts)).problems).toEqual([CELLS]);
    const fewer = resign(parts(), (pl) => (pl.counts.cells = pl.counts.cells - 1));
    expect((await verifyReportParts(fewer.parts)).problems).toEqual([CELLS]);
  });

  it('refuses a cancellation count that is not the number of listed accounts', async () => {
    const p = parts();
    expect(readMeta(p).length).toBeGreaterThan(8);
    const more = resign(p, (pl) => {
      expect(pl.toCancel).toHaveLength(1);
      pl.counts.toCancel = 2;
    });
    expect((await verifyReportParts(more.parts)).problems).toEqual(['Số dòng "Đề nghị hủy TK" không khớp: tệp ghi 2, thực có 1.']);
    const none = resign(p, (pl) => (pl.counts.toCancel = 0));
    expect((await verifyReportParts(none.parts)).problems).toEqual(['Số dòng "Đề nghị hủy TK" không khớp: tệp ghi 0, thực có 1.']);
  });

  it('refuses a "Kết nối" row count that is not the sum of the connections per system', async () => {
    const p = parts();
    const sys = (id: number, connections: number) => ({ systemId: id, systemName: `HT${id}`, systemCode: `S${id}`, requiresSiteToSite: true, connections, siteToSite: 0, nonCompliant: 0, notChecked: 0 });
    const edit = (rows: number) => (pl: ReportPayload) => {
      pl.figures.connections!.bySystem = [sys(1, 2), sys(2, 3)];
      pl.counts.connectionRows = rows;
    };
    expect((await verifyReportParts(resign(p, edit(4)).parts)).problems).toEqual(['Số dòng "Kết nối" không khớp: tệp ghi 5, thực có 4.']);
    expect((await verifyReportParts(resign(p, edit(6)).parts)).problems).toEqual(['Số dòng "Kết nối" không khớp: tệp ghi 5, thực có 6.']);
    expect(await verifyReportParts(resign(p, edit(5)).parts)).toMatchObject({ ok: true, problems: [] });
    // A schema-3-like payload without the figure: nothing to compare.
    const none = resign(p, (pl) => {
      pl.figures.connections = null;
      pl.counts.connectionRows = 7;
    });
    expect(await verifyReportParts(none.parts)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses a "Tính năng bảo mật" row count that is not the listed results (a checked system) or features (never checked)', async () => {
    const p = parts();
    // System 1 checked: 2 used + 1 not used + 1 not applicable = 4 rows; systems 2 and 3 never checked: 5 and 3 features.
    const edit = (rows: number) => (pl: ReportPayload) => {
      const [a, b, c] = pl.figures.security!.systems;
      Object.assign(a!, { lastCheckedOn: '2024-02-20', used: 2, notUsed: 1, na: 1, features: 7 });
      Object.assign(b!, { features: 5 });
      Object.assign(c!, { features: 3 });
      pl.counts.securityRows = rows;
    };
    expect((await verifyReportParts(resign(p, edit(13)).parts)).problems).toEqual(['Số dòng "Tính năng bảo mật" không khớp: tệp ghi 12, thực có 13.']);
    expect(await verifyReportParts(resign(p, edit(12)).parts)).toMatchObject({ ok: true, problems: [] });
    const none = resign(p, (pl) => {
      pl.figures.security = null;
      pl.counts.securityRows = 3;
    });
    expect(await verifyReportParts(none.parts)).toMatchObject({ ok: true, problems: [] });
  });

  it('lists every problem of a file with several, in a fixed order', async () => {
    const p = parts();
    const forged = resign(
      p,
      (pl) => {
        pl.fingerprint = exported.fingerprint;
        pl.cellsSha256 = '0'.repeat(64);
        pl.counts.toCancel = 3;
      },
      { metaFingerprint: 'old' },
    );
    const m = set(readMeta(forged.parts), 'schemaVersion', 9);
    expect((await verifyReportParts(writeMeta(forged.parts, m))).problems).toEqual([
      'Phiên bản dữ liệu của tệp (9) không được hỗ trợ (cần 4).',
      FINGERPRINT,
      CELLS,
      'Số dòng "Đề nghị hủy TK" không khớp: tệp ghi 3, thực có 1.',
    ]);
  });
});

// ---- What a reader sees -------------------------------------------------------------------

const STYLE_PY = `
import sys, json, openpyxl
from openpyxl.styles import Font
wb = openpyxl.load_workbook(sys.argv[1])
for e in json.loads(sys.argv[3]):
    ws = wb[e['sheet']]
    c = ws[e['cell']]
    if 'value' in e:
        c.value = e['value']
    if 'font' in e:
        c.font = Font(name='Times New Roman', size=e['font'].get('size', 12), color=e['font'].get('color'))
    if 'numFmt' in e:
        c.number_format = e['numFmt']
    print(json.dumps(c.value, ensure_ascii=False, default=str))
wb.save(sys.argv[2])
`;
type StyleEdit = { sheet: string; cell: string; value?: string | number; font?: { size?: number; color?: string }; numFmt?: string };
let styled = 0;
/** Cell styles forged with openpyxl; returns the parts and the values of the edited cells. */
function restyle(edits: StyleEdit[]): { parts: Map<string, Buffer>; values: unknown[] } {
  const out = join(dir, `styled-${styled++}.xlsx`);
  const printed = execFileSync('/usr/bin/python3', ['-c', STYLE_PY, exported.filePath, out, JSON.stringify(edits)]).toString().trim().split('\n');
  return { parts: prescanXlsx(readFileSync(out)), values: printed.map((l) => JSON.parse(l) as unknown) };
}
const WHITE = 'FFFFFFFF';

describe('what a reader sees', () => {
  it('names each low-contrast cell, three at most, then how many more', async () => {
    const cells = ['A5', 'G5', 'A6', 'A7', 'A8'];
    const { parts: p } = restyle(cells.map((cell) => ({ sheet: 'Tài khoản', cell, font: { color: WHITE } })));
    const msg = (c: string) => `Ô Tài khoản!${c} có chữ cùng màu hoặc gần màu nền (ví dụ chữ trắng): người đọc không thấy nội dung.`;
    expect(await verifyReportParts(p)).toMatchObject({
      ok: false,
      problems: [msg('A5'), msg('G5'), msg('A6'), '… và 2 vấn đề khác cùng loại.'],
    });
    // Exactly three: no "more" line.
    const three = restyle(cells.slice(0, 3).map((cell) => ({ sheet: 'Tài khoản', cell, font: { color: WHITE } })));
    expect((await verifyReportParts(three.parts)).problems).toEqual([msg('A5'), msg('G5'), msg('A6')]);
  });

  it('names a tiny font, and a number format that shows another value or one it cannot read', async () => {
    const tiny = restyle([{ sheet: 'Thiết bị', cell: 'B5', font: { size: 3 } }]);
    expect((await verifyReportParts(tiny.parts)).problems).toEqual(['Ô Thiết bị!B5 có cỡ chữ quá nhỏ để đọc.']);
    // "Tổng hợp"'s first figures row: a literal format shows 99 over the signed number.
    const p0 = parts();
    const row = /<row r="(\d+)"[^>]*>(?:(?!<\/row>)[\s\S])*?<c r="A\1"[^>]*><v>1<\/v><\/c>/.exec(text(p0, 'xl/worksheets/sheet1.xml'))?.[1];
    expect(row).toBeDefined();
    const shown = restyle([{ sheet: 'Tổng hợp', cell: `H${row}`, numFmt: '"99"' }]);
    const own = shown.values[0];
    expect(typeof own).toBe('number');
    expect((await verifyReportParts(shown.parts)).problems).toEqual([`Ô Tổng hợp!H${row} hiển thị "99" trong khi giá trị đã ký là "${own}" (định dạng số đã bị sửa).`]);
    const odd = restyle([{ sheet: 'Tổng hợp', cell: `H${row}`, numFmt: '[Red]0' }]);
    expect((await verifyReportParts(odd.parts)).problems).toEqual([`Ô Tổng hợp!H${row} có định dạng số "[Red]0" làm nội dung hiển thị khác giá trị đã ký ("${own}").`]);
  });

  it('names a cell beyond column Z by its two-letter column (and the added cell breaks the hash)', async () => {
    const { parts: p } = restyle([
      { sheet: 'Tổng hợp', cell: 'AB7', value: 'ghi chú', font: { color: WHITE } },
      { sheet: 'Tổng hợp', cell: 'Z8', value: 'x', font: { color: WHITE } },
      { sheet: 'Tổng hợp', cell: 'BA9', value: 'y', font: { color: WHITE } },
    ]);
    const msg = (c: string) => `Ô Tổng hợp!${c} có chữ cùng màu hoặc gần màu nền (ví dụ chữ trắng): người đọc không thấy nội dung.`;
    expect((await verifyReportParts(p)).problems).toEqual([CELLS, msg('AB7'), msg('Z8'), msg('BA9')]);
  });
});

/** One sheet's XML edited in place (the parts otherwise unchanged). */
function editSheet(p: Map<string, Buffer>, n: number, edit: (xml: string) => string): Map<string, Buffer> {
  const name = `xl/worksheets/sheet${n}.xml`;
  const out = new Map(p);
  const after = edit(text(p, name));
  expect(after).not.toBe(text(p, name));
  out.set(name, Buffer.from(after));
  return out;
}
/** Column widths: a <cols> element right before <sheetData>. */
const withCols = (cols: string) => (x: string) => (x.includes('<cols>') ? x.replace('<cols>', `<cols>${cols}`) : x.replace('<sheetData', `<cols>${cols}</cols><sheetData`));

describe('what a reader sees: sheets, rows, columns, drawings', () => {
  it('names a hidden or zero-width column among the written ones, not one past the last written column', async () => {
    // "Tài khoản" (sheet 2) writes columns A–K.
    const hidden = editSheet(parts(), 2, withCols('<col min="11" max="11" width="12" hidden="1" customWidth="1"/>'));
    expect((await verifyReportParts(hidden)).problems).toEqual(['Trang "Tài khoản" có cột K bị ẩn hoặc thu hẹp đến mức không đọc được.']);
    const narrow = editSheet(parts(), 2, withCols('<col min="1" max="1" width="0.5" customWidth="1"/>'));
    expect((await verifyReportParts(narrow)).problems).toEqual(['Trang "Tài khoản" có cột A bị ẩn hoặc thu hẹp đến mức không đọc được.']);
    const past = editSheet(parts(), 2, withCols('<col min="12" max="12" width="12" hidden="1" customWidth="1"/>'));
    expect(await verifyReportParts(past)).toMatchObject({ ok: true, problems: [] });
  });

  it('names a hidden row and a row too low to read, by sheet and row number', async () => {
    const hidden = editSheet(parts(), 3, (x) => x.replace(/<row r="5"/, '<row r="5" hidden="1"'));
    expect((await verifyReportParts(hidden)).problems).toEqual(['Trang "Thiết bị" có hàng 5 bị ẩn.']);
    const low = editSheet(parts(), 3, (x) => x.replace(/<row r="6"[^>]*>/, '<row r="6" ht="2" customHeight="1">'));
    expect((await verifyReportParts(low)).problems).toEqual(['Trang "Thiết bị" có hàng 6 bị thu nhỏ đến mức không đọc được.']);
  });

  it('names a foreign header, conditional formatting, pictures, comments and hidden zeros, each on its sheet', async () => {
    // ATTK's own header (the page number from page 2) is not text; a footer someone added is.
    let p = editSheet(parts(), 5, (x) => x.replace('</oddHeader>', '</oddHeader><oddFooter>&amp;C&amp;"Times New Roman,Bold"BẢN CHÍNH THỨC &amp;P</oddFooter>'));
    p = editSheet(p, 4, (x) => x.replace('</sheetData>', '</sheetData><conditionalFormatting sqref="A1:K40"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>'));
    p = editSheet(p, 6, (x) => x.replace('</worksheet>', '<legacyDrawing r:id="rIdC"/><picture r:id="rIdP"/></worksheet>'));
    p = editSheet(p, 1, (x) => x.replace('<sheetView ', '<sheetView showZeros="0" '));
    expect((await verifyReportParts(p)).problems).toEqual([
      'Trang "Tổng hợp" được đặt để không hiện số 0.',
      'Trang "Kết nối" có định dạng có điều kiện (làm thay đổi cách hiển thị ô).',
      'Trang "Tính năng bảo mật" có đầu trang/chân trang "BẢN CHÍNH THỨC" không do ATTK tạo (nội dung in ra đã bị thay đổi).',
      'Trang "Đề nghị hủy TK" có hình vẽ, hộp chữ hoặc hình nền che lên nội dung.',
      'Trang "Đề nghị hủy TK" có chú thích ẩn trong ô.',
    ]);
  });

  const DRAWING_NS = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
  const EMPTY_DRAWING = `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr ${DRAWING_NS}/>`;
  const SHAPE_DRAWING = `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr ${DRAWING_NS}><xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>9</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp><xdr:nvSpPr><xdr:cNvPr id="2" name="Hộp"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr/></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  /** Sheet `n` given a drawing part through its relationships, the way Excel and LibreOffice write it. */
  function withDrawing(n: number, drawing: string | null, target: string, rid = 'rId1'): Map<string, Buffer> {
    const p = editSheet(parts(), n, (x) => x.replace('</worksheet>', `<drawing r:id="${rid}"/></worksheet>`));
    p.set(
      `xl/worksheets/_rels/sheet${n}.xml.rels`,
      Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/"/><Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="${target}"/></Relationships>`),
    );
    if (drawing !== null) p.set('xl/drawings/drawing1.xml', Buffer.from(drawing));
    return p;
  }

  it('names a sheet with a shape drawn over it, found through the sheet\'s relationships', async () => {
    const shape = 'Trang "Tài khoản" có hình vẽ, hộp chữ hoặc hình nền che lên nội dung.';
    expect((await verifyReportParts(withDrawing(2, SHAPE_DRAWING, '../drawings/drawing1.xml'))).problems).toEqual([shape]);
    expect((await verifyReportParts(withDrawing(2, SHAPE_DRAWING, '/xl/drawings/drawing1.xml'))).problems).toEqual([shape]);
    // A drawing that cannot be found is refused as a drawing too.
    expect((await verifyReportParts(withDrawing(2, null, '../drawings/drawing1.xml'))).problems).toEqual([shape]);
  });

  it('accepts an empty drawing (what LibreOffice writes beside a filter), by relative or absolute target', async () => {
    expect(await verifyReportParts(withDrawing(2, EMPTY_DRAWING, '../drawings/drawing1.xml'))).toMatchObject({ ok: true, problems: [] });
    expect(await verifyReportParts(withDrawing(2, EMPTY_DRAWING, '/xl/drawings/drawing1.xml'))).toMatchObject({ ok: true, problems: [] });
    expect(await verifyReportParts(withDrawing(2, EMPTY_DRAWING, '../drawings/drawing1.xml', 'rId12'))).toMatchObject({ ok: true, problems: [] });
  });

  it('names a hidden sheet (its name decoded) and a print area that cuts a sheet', async () => {
    let p = parts();
    const wb = text(p, 'xl/workbook.xml')
      .replace('</sheets>', '<sheet name="Ghi chú &amp; &lt;số thật&gt; &quot;57&quot; &apos;TK&apos;" sheetId="8" state="hidden" r:id="rId9"/></sheets>')
      .replace('</definedNames>', '<definedName name="_xlnm.Print_Area" localSheetId="1">\'Tài khoản\'!$A$1:$K$6</definedName></definedNames>');
    p = new Map(p);
    p.set('xl/workbook.xml', Buffer.from(wb));
    p.set('xl/_rels/workbook.xml.rels', Buffer.from(text(p, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet8.xml"/></Relationships>')));
    p.set('xl/worksheets/sheet8.xml', Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>57 tài khoản chưa đổi</t></is></c></row></sheetData></worksheet>'));
    expect((await verifyReportParts(p)).problems).toEqual([
      CELLS,
      'Tệp có trang tính bị ẩn "Ghi chú & <số thật> "57" \'TK\'" (ngoài phần dữ liệu đã ký).',
      "Tệp đặt vùng in ('Tài khoản'!$A$1:$K$6) làm một phần nội dung không được in ra.",
    ]);
  });
});

/** The sheets' inline strings moved to a shared-string table (as Excel and LibreOffice write them). */
function sharedStrings(p: Map<string, Buffer>): Map<string, Buffer> {
  const out = new Map(p);
  const table: string[] = [];
  for (let n = 1; n <= 6; n++) {
    const name = `xl/worksheets/sheet${n}.xml`;
    out.set(name, Buffer.from(text(p, name).replace(/ t="inlineStr"><is><t([^>]*)>([\s\S]*?)<\/t><\/is>/g, (_, attrs: string, s: string) => {
      table.push(`<si><t${attrs}>${s}</t></si>`);
      return ` t="s"><v>${table.length - 1}</v>`;
    })));
  }
  out.set('xl/sharedStrings.xml', Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${table.length}" uniqueCount="${table.length}">${table.join('')}</sst>`));
  return out;
}

describe('a file another program wrote', () => {
  it('verifies a copy with a shared-string table, its parts stored in any order', async () => {
    const p = sharedStrings(parts());
    expect(text(p, 'xl/sharedStrings.xml')).toContain('<t>Chưa đổi</t>');
    expect(await verifyReportParts(p)).toMatchObject({ ok: true, problems: [], fingerprint: exported.fingerprint });
    // The same parts zipped in reverse order (shared strings after the sheets) still verify: the verifier orders them for the reader.
    const reversed = join(dir, 'reversed.xlsx');
    writeFileSync(reversed, storedZip([...p].reverse().map(([name, data]) => ({ name, data }))));
    expect(await verifyReportFile(reversed)).toMatchObject({ ok: true, problems: [] });
    // One shared string changed: the hash sees it.
    const q = new Map(p);
    q.set('xl/sharedStrings.xml', Buffer.from(text(p, 'xl/sharedStrings.xml').replace('<t>Chưa đổi</t>', '<t>Đã đổi</t>')));
    expect((await verifyReportParts(q)).problems).toEqual([CELLS]);
  });

  it('verifies a file whose sheets were re-saved by openpyxl (its own part order and styles)', async () => {
    const out = join(dir, 'resaved.xlsx');
    execFileSync('/usr/bin/python3', ['-c', 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])', exported.filePath, out]);
    expect(await verifyReportFile(out)).toMatchObject({ ok: true, problems: [], fingerprint: exported.fingerprint });
  });

  it('verifies a file whose sheet parts are numbered otherwise (each sheet found through the workbook\'s relationships)', async () => {
    const p = parts();
    const renumber: Record<string, string> = { '1': '12', '2': '3', '3': '2', '4': '40', '7': '17' };
    const to = (n: string) => renumber[n] ?? n;
    const q = new Map<string, Buffer>();
    for (const [name, data] of p) {
      const m = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name);
      q.set(m ? `xl/worksheets/sheet${to(m[1]!)}.xml` : name, data);
    }
    const retarget = (x: string) => x.replace(/worksheets\/sheet(\d+)\.xml/g, (_, n: string) => `worksheets/sheet${to(n)}.xml`);
    q.set('xl/_rels/workbook.xml.rels', Buffer.from(retarget(text(p, 'xl/_rels/workbook.xml.rels'))));
    q.set('[Content_Types].xml', Buffer.from(retarget(text(p, '[Content_Types].xml'))));
    expect(await verifyReportParts(q)).toMatchObject({ ok: true, problems: [], fingerprint: exported.fingerprint });
    // A changed cell on "Thiết bị" (now part 2) is still seen, and named on its own sheet.
    const r = new Map(q);
    r.set('xl/worksheets/sheet2.xml', Buffer.from(text(q, 'xl/worksheets/sheet2.xml').replace(/<row r="5"[^>]*>/, (m) => m.replace('>', ' hidden="1">'))));
    expect((await verifyReportParts(r)).problems).toEqual(['Trang "Thiết bị" có hàng 5 bị ẩn.']);
  });

  it('verifies a workbook whose relationship attribute has another namespace prefix', async () => {
    const p = new Map(parts());
    p.set('xl/workbook.xml', Buffer.from(text(p, 'xl/workbook.xml').replace('xmlns:r=', 'xmlns:rel=').replace(/ r:id=/g, ' rel:id=')));
    expect(text(p, 'xl/workbook.xml')).toContain('<sheet name="_attk" sheetId="7" state="veryHidden" rel:id="rId7"/>');
    expect(await verifyReportParts(p)).toMatchObject({ ok: true, problems: [], fingerprint: exported.fingerprint });
  });

  it('refuses a workbook whose sheet numbers point the payload at the sheet a reader sees as "Tổng hợp"', async () => {
    // The forger keeps every signed part but swaps the contents of parts 1 and 7 and the two sheets'
    // sheetId: a reader opening the file sees a "Tổng hợp" tab holding the payload rows plus figures
    // of the forger's choosing, the real summary hidden as "_attk". The reader library names a sheet
    // by its sheetId; the verifier must not read the parts under other names than a reader does.
    const p = new Map(parts());
    const summary = text(p, 'xl/worksheets/sheet1.xml');
    const payload = text(p, META_PART).replace('</row>', '<c r="D1" t="inlineStr"><is><t>100% TÀI KHOẢN ĐÃ ĐỔI MẬT KHẨU</t></is></c></row>');
    p.set('xl/worksheets/sheet1.xml', Buffer.from(payload));
    p.set(META_PART, Buffer.from(summary));
    p.set('xl/workbook.xml', Buffer.from(text(p, 'xl/workbook.xml').replace('sheetId="1" r:id="rId1"', 'sheetId="7" r:id="rId1"').replace('sheetId="7" state="veryHidden" r:id="rId7"', 'sheetId="1" state="veryHidden" r:id="rId7"')));
    expect(text(p, 'xl/workbook.xml')).toContain('<sheet name="Tổng hợp" sheetId="7" r:id="rId1"/>');
    expect(await verifyReportParts(p)).toMatchObject({ ok: false, problems: [NOT_ATTK] });
    // The same forgery zipped with the relationships before the sheets (as most programs write a
    // package): the real relationships must not reach the reader either.
    const relsFirst = new Map([...p].sort(([a], [b]) => Number(a.startsWith('xl/worksheets/')) - Number(b.startsWith('xl/worksheets/'))));
    expect([...relsFirst.keys()].indexOf('xl/_rels/workbook.xml.rels')).toBeLessThan([...relsFirst.keys()].indexOf('xl/worksheets/sheet1.xml'));
    expect(await verifyReportParts(relsFirst)).toMatchObject({ ok: false, problems: [NOT_ATTK] });
  });

  it('ignores what only the payload sheet carries (it is never shown), and an empty cell past the last column', async () => {
    const header = editSheet(parts(), 7, (x) => x.replace('</sheetData>', '</sheetData><headerFooter><oddHeader>&amp;CBẢN NHÁP</oddHeader></headerFooter>'));
    expect(await verifyReportParts(header)).toMatchObject({ ok: true, problems: [] });
    // "Tài khoản" writes A–K: an empty text cell in P (nothing shows) and column P hidden hide nothing.
    const empty = editSheet(parts(), 2, (x) => withCols('<col min="16" max="16" width="12" hidden="1" customWidth="1"/>')(x.replace(/(<row r="5"[^>]*>[\s\S]*?)<\/row>/, '$1<c r="P5" t="inlineStr"><is><t></t></is></c></row>')));
    expect(await verifyReportParts(empty)).toMatchObject({ ok: true, problems: [] });
  });

  it('counts the cells of a sheet part the workbook does not list (the cell count no longer matches)', async () => {
    const p = new Map(parts());
    p.set('xl/worksheets/sheet9.xml', Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>thêm</t></is></c></row></sheetData></worksheet>'));
    expect((await verifyReportParts(p)).problems).toEqual([CELLS]);
  });

  it('reads workbook relationships that lack an id or a target without failing', async () => {
    const p = new Map(parts());
    p.set('xl/_rels/workbook.xml.rels', Buffer.from(text(p, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rIdE" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" TargetMode="External"/><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>')));
    expect(await verifyReportParts(p)).toMatchObject({ ok: true, problems: [], fingerprint: exported.fingerprint });
  });

  it('names a drawing it cannot resolve as a drawing: no relationship of that id, or one without a target', async () => {
    const shape = 'Trang "Tài khoản" có hình vẽ, hộp chữ hoặc hình nền che lên nội dung.';
    const noRel = editSheet(parts(), 2, (x) => x.replace('</worksheet>', '<drawing r:id="rId5"/></worksheet>'));
    expect((await verifyReportParts(noRel)).problems).toEqual([shape]);
    const noTarget = editSheet(parts(), 2, (x) => x.replace('</worksheet>', '<drawing r:id="rId5"/></worksheet>'));
    noTarget.set('xl/worksheets/_rels/sheet2.xml.rels', Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"/></Relationships>'));
    expect((await verifyReportParts(noTarget)).problems).toEqual([shape]);
  });

  it('leaves no temporary file behind', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'attk-verify-tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect(tmpdir()).toBe(tmp);
      expect(await verifyReportParts(parts())).toMatchObject({ ok: true });
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('verifies a workbook written with a namespace prefix on every element', async () => {
    const p = new Map(parts());
    const prefixed = text(p, 'xl/workbook.xml')
      .replace(/<(\/?)([a-zA-Z]+)([\s>/])/g, (m, slash: string, name: string, end: string) => (name === 'xml' ? m : `<${slash}main:${name}${end}`))
      .replace('<main:workbook xmlns=', '<main:workbook xmlns:main=');
    expect(prefixed).toContain('<main:sheet name="_attk" sheetId="7" state="veryHidden" r:id="rId7"/>');
    p.set('xl/workbook.xml', Buffer.from(prefixed));
    expect(await verifyReportParts(p)).toMatchObject({ ok: true, problems: [], fingerprint: exported.fingerprint });
  });

  it('skips a sheet entry with no relationship, or no relationship id, without failing', async () => {
    const p = new Map(parts());
    p.set('xl/workbook.xml', Buffer.from(text(p, 'xl/workbook.xml').replace('</sheets>', '<sheet name="Trống" sheetId="9" r:id="rId99"/><sheet name="Trống 2" sheetId="10"/></sheets>')));
    expect(await verifyReportParts(p)).toMatchObject({ ok: true, problems: [], fingerprint: exported.fingerprint });
  });
});
