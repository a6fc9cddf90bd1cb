import { describe, expect, it } from 'vitest';
import { CellTextScanner, findSharedStringCell, MAX_CELL_CHARS, scanCellText } from './cell-scan';

const sheet = (cells: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="x"><sheetData>${cells}</sheetData></worksheet>`;
const b = (s: string) => Buffer.from(s, 'utf8');

describe('the cell-length scan (Excel: at most 32,767 characters a cell)', () => {
  it('a cell of exactly the limit passes; one character more is refused at its row and column', () => {
    const at = (n: number) => sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row><row r="7"><c r="C7" t="inlineStr"><is><t>${'ă'.repeat(n)}</t></is></c></row>`);
    expect(scanCellText('sheet', b(at(MAX_CELL_CHARS)))).toBeNull();
    expect(scanCellText('sheet', b(at(MAX_CELL_CHARS + 1)))).toEqual({ kind: 'cell', row: 7, col: 3 });
  });

  it('counts characters, not bytes: entities and references are one each, a 4-byte emoji two (UTF-16, as Excel)', () => {
    expect(scanCellText('sheet', b(sheet(`<row r="1"><c r="A1" t="str"><v>${'&amp;'.repeat(10)}</v></c></row>`)), 10)).toBeNull();
    expect(scanCellText('sheet', b(sheet(`<row r="1"><c r="A1" t="str"><v>${'&#7879;'.repeat(11)}</v></c></row>`)), 10)).toEqual({ kind: 'cell', row: 1, col: 1 });
    expect(scanCellText('sheet', b(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'😀'.repeat(5)}</t></is></c></row>`)), 10)).toBeNull();
    expect(scanCellText('sheet', b(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'😀'.repeat(5)}x</t></is></c></row>`)), 10)).not.toBeNull();
  });

  it('rich-text runs of one cell add up; a pronunciation guide (rPh) does not count', () => {
    const sst = (runs: string) => `<sst><si><t>ok</t></si><si>${runs}</si></sst>`;
    expect(scanCellText('sharedStrings', b(sst('<r><t>123456</t></r><r><rPr/><t>7890</t></r><rPh><t>ABCDEFGH</t></rPh>')), 10)).toBeNull();
    expect(scanCellText('sharedStrings', b(sst('<r><t>123456</t></r><r><t>78901</t></r>')), 10)).toEqual({ kind: 'shared', index: 1 });
  });

  it('CDATA text counts; comments and processing instructions do not', () => {
    const xml = sheet(`<!-- ${'c'.repeat(50)} --><?pi ${'p'.repeat(50)}?><row r="2"><c r="B2" t="inlineStr"><is><t><![CDATA[${'<'.repeat(11)}]]></t></is></c></row>`);
    expect(scanCellText('sheet', b(xml), 10)).toEqual({ kind: 'cell', row: 2, col: 2 });
    expect(scanCellText('sheet', b(sheet(`<!-- ${'c'.repeat(50)} --><row r="2"><c r="B2"><v>1</v></c></row>`)), 10)).toBeNull();
  });

  it('cells without r attributes are placed by counting; any overlong text node (a formula) is refused too', () => {
    expect(scanCellText('sheet', b(sheet(`<row><c><v>1</v></c></row><row><c><v>1</v></c><c><f>${'A'.repeat(11)}</f></c></row>`)), 10)).toEqual({ kind: 'cell', row: 2, col: 2 });
  });

  it('a giant attribute value is refused rather than handed to a parser that would build it as a string', () => {
    const xml = sheet(`<row r="1"><c r="A1" x="${'a'.repeat(40_000)}"><v>1</v></c></row>`);
    expect(scanCellText('sheet', b(xml))).toEqual({ kind: 'cell', row: 1, col: 0 });
  });

  it('an "&" never closed by ";" is counted as text, not skipped', () => {
    expect(scanCellText('sheet', b(sheet(`<row r="1"><c r="A1" t="str"><v>&${'x'.repeat(30)}</v></c></row>`)), 20)).toEqual({ kind: 'cell', row: 1, col: 1 });
  });

  it('fed in chunks of any size, it finds the same cell (elements and characters split across chunks)', () => {
    const xml = b(sheet(`<row r="3"><c r="D3" t="inlineStr"><is><t>${'ệ&amp;'.repeat(8)}</t></is></c></row>`));
    for (const size of [1, 2, 3, 7, 64]) {
      const scanner = new CellTextScanner('sheet', 15);
      let result = null;
      for (let i = 0; i < xml.length && !result; i += size) result = scanner.feed(xml.subarray(i, i + size));
      expect(result).toEqual({ kind: 'cell', row: 3, col: 4 });
    }
  });

  it('finds the first cell that shows a shared string', () => {
    const xml = b(sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c></row><row r="5"><c r="E5" t="s"><v>12</v></c></row>'));
    expect(findSharedStringCell(xml, 12)).toEqual({ row: 5, col: 5 });
    expect(findSharedStringCell(xml, 3)).toBeNull();
  });

  it('stops at the overflow: a 25-million-character cell costs a scan of its first 32,768 characters', () => {
    const big = Buffer.alloc(25_000_000, 0x41);
    const xml = Buffer.concat([b('<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>'), big, b('</t></is></c></row></sheetData></worksheet>')]);
    const t0 = performance.now();
    expect(scanCellText('sheet', xml)).toEqual({ kind: 'cell', row: 2, col: 2 });
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
