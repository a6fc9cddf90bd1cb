import { describe, expect, it } from 'vitest';
import { cellLookProblem, decodeXmlText, displayedText, sheetProblems, workbookProblems } from './presentation';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('displayedText: what a spreadsheet program shows for a value and its number format', () => {
  it('renders the forms ATTK writes and LibreOffice/Excel keep: General, dd/mm/yyyy (any case), 0, @', () => {
    expect(displayedText(12, 'General')).toBe('12');
    expect(displayedText(12, undefined)).toBe('12');
    expect(displayedText(d('2024-01-05'), 'dd/mm/yyyy')).toBe('05/01/2024');
    expect(displayedText(d('2024-01-05'), 'DD/MM/YYYY')).toBe('05/01/2024');
    expect(displayedText(d('2024-01-05'), '[$-42A]dd/mm/yyyy;@')).toBe('05/01/2024');
    expect(displayedText(7, '0')).toBe('7');
    expect(displayedText(19366, '#,##0')).toBe('19,366');
    expect(displayedText(366, '#,##0')).toBe('366');
    expect(displayedText('Chưa đổi', '@')).toBe('Chưa đổi');
  });

  it('shows what a literal, a colour, a condition or several sections make a cell show, or refuses to guess', () => {
    expect(displayedText(2, '"5"')).toBe('5');
    expect(displayedText(2, '\\5')).toBe('5');
    expect(displayedText(2, '[White]0')).toBeNull();
    expect(displayedText(2, '[>1]"0";0')).toBeNull();
    expect(displayedText(2, '0;0;0')).toBeNull();
    expect(displayedText(2, '#,##0.00')).toBeNull();
    expect(displayedText('Chưa đổi', ';;;')).toBeNull();
    expect(displayedText('Chưa đổi', '"Đã đổi"')).toBeNull();
    expect(displayedText(d('2024-01-05'), 'mm/dd/yyyy')).toBe('01/05/2024');
    expect(displayedText(d('2024-01-05'), 'General')).toBe('45296');
  });
});

describe('cellLookProblem', () => {
  it('accepts black on white, dark theme text, the default font', () => {
    expect(cellLookProblem(3, { numFmt: 'General', font: { size: 12 } })).toBeNull();
    expect(cellLookProblem(19366, { numFmt: '#,##0' })).toBeNull();
    expect(cellLookProblem(new Date('2024-01-05T00:00:00Z'), { numFmt: 'dd/mm/yyyy' })).toBeNull();
    expect(cellLookProblem('x', { font: { color: { theme: 1 } } })).toBeNull();
    expect(cellLookProblem('x', { font: { color: { argb: 'FF000000' } }, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } } })).toBeNull();
  });
  it('refuses a changed display, light text, text on a fill of its own colour, and tiny text', () => {
    expect(cellLookProblem(2, { numFmt: '"5"' })).toEqual({ problem: 'format', shown: '5' });
    expect(cellLookProblem(2, { numFmt: '[Red]0' })).toEqual({ problem: 'format' });
    expect(cellLookProblem(2.6, { numFmt: '0' })).toEqual({ problem: 'format', shown: '3' });
    expect(cellLookProblem(new Date('2024-01-05T00:00:00Z'), { numFmt: 'mm/dd/yyyy' })).toEqual({ problem: 'format', shown: '01/05/2024' });
    expect(cellLookProblem('x', { font: { color: { argb: 'FFFFFFFF' } } })).toEqual({ problem: 'contrast' });
    expect(cellLookProblem('x', { font: { color: { argb: 'FFF2F2F2' } } })).toEqual({ problem: 'contrast' });
    expect(cellLookProblem('x', { font: { color: { theme: 0 } } })).toEqual({ problem: 'contrast' });
    expect(cellLookProblem('x', { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF000000' } } })).toEqual({ problem: 'contrast' });
    expect(cellLookProblem('x', { font: { size: 1 } })).toEqual({ problem: 'tiny' });
    expect(cellLookProblem({ richText: [{ text: 'a' }, { text: 'b', font: { color: { argb: 'FFFFFFFF' } } }] }, {})).toEqual({ problem: 'contrast' });
  });
});

describe('sheetProblems and workbookProblems', () => {
  const none = () => null;
  it('finds hidden rows with values, hidden columns within the used range, header text, conditional formats, shapes', () => {
    const xml =
      '<cols><col min="2" max="2" hidden="1"/><col min="30" max="1024" hidden="true"/></cols><sheetData><row r="3" hidden="1"><c r="A3"><v>1</v></c></row><row r="4" hidden="1"/>' +
      '<row r="5" ht="0.5" customHeight="1"><c r="A5" t="inlineStr"><is><t>x</t></is></c></row></sheetData>' +
      '<conditionalFormatting sqref="A1"/><headerFooter><oddHeader>&amp;C&#272;&#195; DUY&#7878;T</oddHeader><oddFooter></oddFooter></headerFooter><drawing r:id="rId1"/>';
    const shapes = () => '<xdr:wsDr><xdr:twoCellAnchor/></xdr:wsDr>';
    expect(sheetProblems(xml, 12, shapes)).toEqual([
      { kind: 'hiddenColumn', col: 2 }, { kind: 'hiddenRow', row: 3 }, { kind: 'lowRow', row: 5 }, { kind: 'headerFooter', text: 'ĐÃ DUYỆT' },
      { kind: 'conditional' }, { kind: 'drawing' },
    ]);
    // LibreOffice's empty drawing and ATTK's own page number (&P from page 2) are nothing.
    const own = '<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;13&amp;P</oddHeader><firstHeader></firstHeader></headerFooter>';
    expect(sheetProblems(`${own}<drawing r:id="rId1"/>`, 12, () => '<xdr:wsDr></xdr:wsDr>')).toEqual([]);
    expect(sheetProblems('<drawing r:id="rId9"/>', 12, none)).toEqual([{ kind: 'drawing' }]);
  });
  it('lists hidden sheets but the payload sheet, and print areas', () => {
    const wb = '<sheets><sheet name="T&#7893;ng h&#7907;p" sheetId="1"/><sheet name="_attk" state="veryHidden"/><sheet name="Ghi ch&#250;" state="hidden"/></sheets>' +
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'Tài khoản\'!$A$1:$L$6</definedName></definedNames>';
    expect(workbookProblems(wb, '_attk', decodeXmlText)).toEqual({ hiddenSheets: ['Ghi chú'], printAreas: ["'Tài khoản'!$A$1:$L$6"] });
  });
});
