import { describe, expect, it } from 'vitest';
import { autoMapColumns, fieldForHeading, findHeader, headingSignature, mappingProblems } from './headings';

describe('column headings are recognised in full, abbreviated, with or without diacritics', () => {
  it.each([
    ['Họ và tên', 'fullName'],
    ['HỌ TÊN', 'fullName'],
    ['Ho va ten', 'fullName'],
    ['Họ và tên khai sinh', 'birthName'],
    ['Ngày sinh', 'birthDate'],
    ['NS', 'birthDate'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Năm sinh', 'birthDate'],
    ['Giới tính', 'sex'],
    ['Dân tộc', 'ethnicity'],
    ['Tôn giáo', 'religion'],
    ['Quê quán', 'hometown'],
    ['Ngày vào Đảng', 'joinedOn'],
    ['Ngày kết nạp', 'joinedOn'],
    ['Ngày chính thức', 'officialOn'],
    ['Ngày quyết định kết nạp', 'admissionDecisionDate'],
    ['Số thẻ', 'partyCardNumber'],
    ['Số thẻ ĐV', 'partyCardNumber'],
    ['Số thẻ Đảng viên', 'partyCardNumber'],
    ['Số lý lịch', 'dossierNumber'],
    ['Số CCCD', 'citizenId'],
    ['Số định danh cá nhân', 'citizenId'],
    ['Trình độ học vấn', 'generalEducation'],
    ['Chuyên môn', 'professionalQualification'],
    ['LLCT', 'politicalTheory'],
    ['Lý luận chính trị', 'politicalTheory'],
    ['Nghề nghiệp', 'occupation'],
    ['Chi bộ', 'organization'],
    ['Ghi chú', 'notes'],
    ['STT', 'ignore'],
    ['Lỗi cần sửa', 'ignore'],
    ['Sở thích', null],
  ])('%s', (heading, field) => expect(fieldForHeading(heading)).toBe(field));
});

describe('the header row is found below title rows and merged cells', () => {
  const titleRows = [
    ['ĐẢNG BỘ PHƯỜNG PHÚC LỢI', null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
    ['CHI BỘ TỔ DÂN PHỐ SỐ 5', null, null, null],
    [null, null, null, null],
    ['DANH SÁCH ĐẢNG VIÊN', null, null, null],
    ['(Tính đến ngày 26/11/2026)', null, null, null],
  ];

  it('finds a one-row header and skips the row of column numbers', () => {
    const rows = [...titleRows, ['STT', 'Họ và tên', 'NS', 'Ngày vào Đảng'], ['(1)', '(2)', '(3)', '(4)'], [1, 'An', '1980', '2000']];
    const layout = findHeader(rows);
    expect(layout).toEqual({ headerRow: 5, firstDataRow: 7, headings: ['STT', 'Họ và tên', 'NS', 'Ngày vào Đảng'] });
    expect(autoMapColumns(layout!.headings)).toEqual(['ignore', 'fullName', 'birthDate', 'joinedOn']);
  });

  it('joins a merged heading with its sub-headings (“Năm sinh” over “Nam” and “Nữ”)', () => {
    const rows = [
      ...titleRows,
      ['TT', 'Họ tên', 'Năm sinh', null, 'Trình độ', null],
      [null, null, 'Nam', 'Nữ', 'Học vấn', 'LLCT'],
      [1, 'An', 1960, null, '10/10', 'Sơ cấp'],
    ];
    const layout = findHeader(rows)!;
    expect(layout.firstDataRow).toBe(7);
    expect(layout.headings).toEqual(['TT', 'Họ tên', 'Năm sinh – Nam', 'Năm sinh – Nữ', 'Trình độ – Học vấn', 'Trình độ – LLCT']);
    expect(autoMapColumns(layout.headings)).toEqual([
      'ignore',
      'fullName',
      'birthDateMale',
      'birthDateFemale',
      'generalEducation',
      'politicalTheory',
    ]);
  });

  it('finds no header in a sheet without a name column', () => {
    expect(findHeader([['Tên tổ chức', 'Số đảng viên'], ['Chi bộ 1', 12]])).toBeNull();
  });

  it('maps a field once: a second column with the same heading is left unmapped', () => {
    expect(autoMapColumns(['Họ và tên', 'Ngày sinh', 'Ngày sinh'])).toEqual(['fullName', 'birthDate', null]);
  });

  it('gives files laid out alike the same signature', () => {
    expect(headingSignature(['Họ và tên', 'Ngày sinh'])).toBe(headingSignature(['HỌ VÀ TÊN', 'ngay sinh']));
    expect(headingSignature(['Họ và tên', 'Ngày sinh'])).not.toBe(headingSignature(['Ngày sinh', 'Họ và tên']));
  });

  it('says what is wrong with a mapping', () => {
    const label = (field: string) => ({ fullName: 'Họ và tên', birthDate: 'Ngày sinh' })[field] ?? field;
    expect(mappingProblems(['birthDate', 'birthDate'], label)).toEqual([
      'Chưa chọn cột “Họ và tên”: hãy chỉ ra cột chứa họ và tên đảng viên.',
      'Cột “Ngày sinh” được chọn cho 2 cột; mỗi thông tin chỉ lấy từ một cột.',
    ]);
    expect(mappingProblems(['fullName', 'birthDate', 'ignore', 'ignore'], label)).toEqual([]);
  });
});
