# One 25,000,000-character cell in a ~19 MB .xlsx (issue 16), written as a stream: the text is made
# 1 MB at a time (64 letters of random text deflate to ~6 bits each), never held whole.
# usage: huge-cell.py OUT.xlsx CHARS inline|shared
import os, sys, zipfile

out, n, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
letters = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
table = bytes.maketrans(bytes(range(256)), letters * 4)
X = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
NS = 'http://schemas.openxmlformats.org'
shared = mode == 'shared'
CT = (X + f'<Types xmlns="{NS}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' if shared else '')
      + '</Types>')
RELS = X + f'<Relationships xmlns="{NS}/package/2006/relationships"><Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
WB = X + f'<workbook xmlns="{NS}/spreadsheetml/2006/main" xmlns:r="{NS}/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'
WBRELS = (X + f'<Relationships xmlns="{NS}/package/2006/relationships"><Relationship Id="rId1" Type="{NS}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
          + (f'<Relationship Id="rId2" Type="{NS}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' if shared else '')
          + '</Relationships>')
HEAD = (X + f'<worksheet xmlns="{NS}/spreadsheetml/2006/main"><dimension ref="A1:B2"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c><c r="B1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>'
        '<row r="2"><c r="A2"><v>1</v></c>')

def text(w):
    left = n
    while left:
        k = min(left, 1 << 20)
        w.write(os.urandom(k).translate(table))
        left -= k

with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', CT)
    z.writestr('_rels/.rels', RELS)
    z.writestr('xl/workbook.xml', WB)
    z.writestr('xl/_rels/workbook.xml.rels', WBRELS)
    if shared:
        z.writestr('xl/worksheets/sheet1.xml', HEAD + '<c r="B2" t="s"><v>0</v></c></row></sheetData></worksheet>')
        with z.open('xl/sharedStrings.xml', 'w') as w:
            w.write((X + f'<sst xmlns="{NS}/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>').encode())
            text(w)
            w.write(b'</t></si></sst>')
    else:
        with z.open('xl/worksheets/sheet1.xml', 'w') as w:
            w.write(HEAD.encode())
            w.write(b'<c r="B2" t="inlineStr"><is><t>')
            text(w)
            w.write(b'</t></is></c></row></sheetData></worksheet>')
