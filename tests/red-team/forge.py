"""Forgeries of an ATTK unit file, made the way an attacker would: with another program (openpyxl).
Each keeps every signed value unchanged and alters only what a reader sees or what is hidden.
usage: forge.py SRC DST MODE"""
import sys
import openpyxl
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font

src, dst, mode = sys.argv[1:4]
wb = openpyxl.load_workbook(src)
summary = wb['Tổng hợp']
accounts = wb['Tài khoản']


def first_figures_row(ws):
    for row in ws.iter_rows():
        if isinstance(row[0].value, int):
            return row
    raise SystemExit('no figures row')


if mode == 'numfmt':
    # "Chưa đổi" of the first system: the value stays, a literal format shows another number.
    cell = first_figures_row(summary)[7]
    cell.number_format = '"%d"' % (cell.value + 3)
elif mode == 'hidden-rows':
    hidden = 0
    for row in accounts.iter_rows():
        if any(c.value == 'Chưa đổi' for c in row):
            accounts.row_dimensions[row[0].row].hidden = True
            hidden += 1
    assert hidden > 0
elif mode == 'hidden-columns':
    accounts.column_dimensions['K'].hidden = True
elif mode == 'white-font':
    first_figures_row(summary)[7].font = Font(name='Times New Roman', size=12, color='FFFFFFFF')
elif mode == 'header':
    summary.oddHeader.center.text = 'BẢN ĐÃ ĐƯỢC PHÊ DUYỆT'
elif mode == 'hidden-sheet':
    extra = wb.create_sheet('Ghi chú')
    extra['A1'] = 'Số liệu thật: 57 tài khoản chưa đổi'
    extra.sheet_state = 'hidden'
elif mode == 'conditional':
    summary.conditional_formatting.add('A1:N40', CellIsRule(operator='greaterThan', formula=['0'], font=Font(color='FFFFFFFF')))
elif mode == 'print-area':
    accounts.print_area = 'A1:L6'
elif mode == 'value':
    # A signed figure changed: the cells' hash no longer matches the signature.
    cell = first_figures_row(summary)[5]
    cell.value = cell.value + 1
elif mode == 'resave':
    pass
else:
    raise SystemExit('unknown mode ' + mode)
wb.save(dst)
