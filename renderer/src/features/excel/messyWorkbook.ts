/**
 * For tests: a member list the way an office keeps it, written with write-excel-file: the
 * committee's name and the title in merged cells above the header, a merged “Ngày sinh” over
 * “Nam | Nữ”, a row of column numbers, mixed date forms (real dates, dd/mm/yyyy, d-m-yyyy, years),
 * bad rows, a duplicate, a total line and a signature block.
 */
import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import { foldForSearch } from '@shared/text/vi';

const date = (y: number, m: number, d: number) => ({
  value: new Date(Date.UTC(y, m - 1, d)),
  type: Date,
  format: 'dd/mm/yyyy',
});

export interface MessyOptions {
  /** Branch names for the “Chi bộ” column (the first two rows name the second one). */
  branches: [string, string];
}

/** Rows 9–16 of the sheet are members; which are good and which bad is listed in `MESSY_EXPECT`. */
export function messyRows({ branches }: MessyOptions): Row[] {
  return [
    [{ value: 'ĐẢNG BỘ PHƯỜNG PHÚC LỢI', columnSpan: 4 }, null, null, null, null, { value: 'ĐẢNG CỘNG SẢN VIỆT NAM', columnSpan: 4 }, null, null, null, null],
    [{ value: 'DANH SÁCH ĐẢNG VIÊN', columnSpan: 10, fontWeight: 'bold' }, null, null, null, null, null, null, null, null, null],
    [{ value: '(Kèm theo báo cáo tháng 11/2026)', columnSpan: 10 }, null, null, null, null, null, null, null, null, null],
    [],
    [
      { value: 'STT', rowSpan: 2 },
      { value: 'Họ và tên', rowSpan: 2 },
      { value: 'Ngày sinh', columnSpan: 2 },
      null,
      { value: 'Dân tộc', rowSpan: 2 },
      { value: 'Tôn giáo', rowSpan: 2 },
      { value: 'Ngày vào Đảng', rowSpan: 2 },
      { value: 'Ngày chính thức', rowSpan: 2 },
      { value: 'Số thẻ ĐV', rowSpan: 2 },
      { value: 'Chi bộ', rowSpan: 2 },
    ],
    [null, null, 'Nam', 'Nữ', null, null, null, null, null, null],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)'],
    // 8: good, real dates, named branch
    [1, 'Nguyễn Văn Hùng', date(1968, 3, 12), null, 'Kinh', 'Không', date(1995, 5, 19), date(1996, 5, 19), '10000001', branches[1]],
    // 9: good, text dates dd/mm/yyyy and d-m-yyyy, NFD name with double spaces, branch without diacritics
    [2, 'Tra\u0302\u0300n  Thi\u0323 Lan', null, '05/09/1975', 'Kinh', 'Phật giáo', '3-2-2000', '3-2-2001', '10000002', foldForSearch(branches[1])],
    // 10: good, year only birth, no branch: goes to the chosen one
    [3, 'Lê Văn Nam', 1955, null, 'Tày', 'Không', '1985', null, '10000003', null],
    // 11: bad — birth date that does not exist
    [4, 'Phạm Thị Hoa', null, '31/02/1980', 'Kinh', 'Không', '12/06/2005', null, '10000004', null],
    // 12: bad — admitted before 18
    [5, 'Hoàng Văn Minh', 2000, null, 'Kinh', 'Không', '15/01/2015', null, '10000005', null],
    // 13: bad — unknown branch
    [6, 'Vũ Thị Mai', null, date(1980, 1, 1), 'Kinh', 'Không', date(2010, 1, 1), date(2011, 1, 1), '10000006', 'Chi bộ số 99'],
    // 14: duplicate of row 8 (same card)
    [7, 'Nguyễn Văn Hùng', date(1968, 3, 12), null, 'Kinh', 'Không', date(1995, 5, 19), date(1996, 5, 19), '10000001', branches[1]],
    // 15: good, probationary (official date still empty)
    [8, 'Đỗ Thị Thu', null, '20/10/1990', 'Kinh', 'Công giáo', '01/06/2026', null, null, null],
    [{ value: 'Tổng cộng: 8 đồng chí', columnSpan: 3 }, null, null],
    [],
    [null, null, null, null, null, null, { value: 'Phúc Lợi, ngày 20 tháng 11 năm 2026', columnSpan: 4 }],
    [null, null, null, null, null, null, { value: 'T/M CHI ỦY', columnSpan: 4 }],
    [null, null, null, null, null, null, { value: 'BÍ THƯ', columnSpan: 4 }],
  ];
}

export const MESSY_EXPECT = {
  headerRow: 5,
  good: ['Nguyễn Văn Hùng', 'Trần Thị Lan', 'Lê Văn Nam', 'Đỗ Thị Thu'],
  badRows: [11, 12, 13],
  duplicateRow: 14,
  footerRows: [16, 18, 19, 20],
};

export async function messyWorkbook(options: MessyOptions): Promise<Uint8Array> {
  const blob = await writeXlsxFile(messyRows(options), { sheet: 'DS đảng viên', columns: [{ width: 5 }, { width: 24 }] }).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
