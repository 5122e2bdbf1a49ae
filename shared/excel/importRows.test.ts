import { describe, expect, it } from 'vitest';
import { makeMember, makeOrganization } from '../../tests/fixtures/records';
import type { SheetCell } from './cells';
import { autoMapColumns, findHeader } from './headings';
import { parseAddress, planImport, type ExistingMember, type PlanContext } from './importRows';

const ward = makeOrganization({ name: 'Đảng bộ phường Phúc Lợi', type: 'ward', parentId: null });
const branch5 = makeOrganization({ name: 'Chi bộ Tổ dân phố số 5', parentId: ward.id });
const branch6 = makeOrganization({ name: 'Chi bộ Tổ dân phố số 6', parentId: ward.id });
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function context(over: Partial<PlanContext> = {}): PlanContext {
  return {
    today: '2026-11-26',
    settings: {},
    organizations: [ward, branch5, branch6],
    targetOrganizationId: branch5.id,
    existing: [],
    ...over,
  };
}

const HEADER = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Dân tộc', 'Tôn giáo', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ ĐV'];

function plan(rows: SheetCell[][], over: Partial<PlanContext> = {}, header = HEADER) {
  const sheet = [['DANH SÁCH ĐẢNG VIÊN'], header, ...rows];
  const layout = findHeader(sheet)!;
  return planImport(sheet, layout.firstDataRow, autoMapColumns(layout.headings), context(over));
}

const good = (over: Partial<Record<number, SheetCell>> = {}): SheetCell[] => {
  const row: SheetCell[] = [1, 'Nguyễn Văn An', 'Nam', utc(1970, 4, 12), 'Kinh', 'Không', '19/05/1995', '19/05/1996', '12345678'];
  for (const [i, v] of Object.entries(over)) row[Number(i)] = v;
  return row;
};

describe('each row is read and checked by the member form’s rules', () => {
  it('reads a good row into a clean draft', () => {
    const { rows } = plan([good({ 1: '  nguyễn   văn  an ' })]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[0]!.row).toBe(3);
    expect(rows[0]!.draft).toMatchObject({
      fullName: 'nguyễn văn an',
      sex: 'male',
      birthDate: '1970-04-12',
      ethnicity: '01',
      religion: 'none',
      joinedOn: '1995-05-19',
      officialOn: '1996-05-19',
      partyCardNumber: '12345678',
      organizationId: branch5.id,
    });
  });

  it.each([
    ['no name', { 1: null }, 'fullName', 'Hãy nhập họ và tên'],
    ['an unreadable birth date', { 3: '31/02/1970' }, 'birthDate', 'không hợp lệ'],
    ['no date of admission', { 6: null, 7: null }, 'joinedOn', 'Hãy nhập ngày vào Đảng'],
    ['admitted before 18', { 3: '1990', 6: '19/05/1995', 7: '19/05/1996' }, 'joinedOn', 'chưa đủ 18 tuổi'],
    ['official before admission', { 7: '19/05/1990' }, 'officialOn', 'phải sau ngày vào Đảng'],
    ['an unknown ethnic group', { 4: 'Xyz' }, 'ethnicity', 'không có trong danh mục dân tộc'],
    ['a sex it cannot read', { 2: 'X' }, 'sex', 'Giới tính “X”'],
    ['a date in the future', { 7: '19/05/2027' }, 'officialOn', 'chưa đến'],
  ])('%s is an error on its field, in Vietnamese', (_, over, field, part) => {
    const { rows } = plan([good(over)]);
    const issue = rows[0]!.errors.find((e) => e.field === field);
    expect(issue?.message).toContain(part);
  });

  it('warns, without refusing, when the official date is not 12 months after admission', () => {
    const { rows } = plan([good({ 7: '01/09/1996' })]);
    expect(rows[0]!.errors).toEqual([]);
    expect(rows[0]!.warnings.map((w) => w.field)).toContain('officialOn');
  });

  it('asks the lifecycle about the history a new file starts', () => {
    const { rows } = plan([good()], { judgeNew: () => ({ field: 'joinedOn', message: 'Không thể kết nạp.' }) });
    expect(rows[0]!.errors).toEqual([{ field: 'joinedOn', message: 'Không thể kết nạp.' }]);
  });

  it('reads sex and birth date from “Nam” and “Nữ” columns', () => {
    const header = ['TT', 'Họ tên', 'Nam', 'Nữ', 'Ngày vào Đảng'];
    const { rows } = plan(
      [
        [1, 'Trần Văn Bình', 1960, null, '1990'],
        [2, 'Lê Thị Cúc', null, '12/03/1965', '1992'],
      ],
      {},
      header,
    );
    expect(rows.map((r) => [r.draft.sex, r.draft.birthDate])).toEqual([
      ['male', '1960'],
      ['female', '1965-03-12'],
    ]);
  });
});

describe('rows go to an organization', () => {
  const header = ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Ngày vào Đảng', 'Chi bộ'];
  const row = (org: string | null): SheetCell[] => [1, 'Phạm Văn Dũng', 'Nam', '1970', '2000', org];

  it('named in a column, matched without case or diacritics, with or without “Chi bộ”', () => {
    const { rows } = plan([row('chi bo to dan pho so 6'), row('TỔ DÂN PHỐ SỐ 6'), row(null)], {}, header);
    expect(rows.map((r) => r.draft.organizationId)).toEqual([branch6.id, branch6.id, branch5.id]);
  });

  it('refuses a row whose organization is unknown', () => {
    const { rows } = plan([row('Chi bộ số 99')], {}, header);
    expect(rows[0]!.errors[0]!.message).toContain('Không tìm thấy chi bộ “Chi bộ số 99”');
  });

  it('refuses rows when no organization is chosen or named', () => {
    const { rows } = plan([row(null)], { targetOrganizationId: undefined }, header);
    expect(rows[0]!.errors[0]!.field).toBe('organizationId');
  });

  it('follows section rows that name an organization', () => {
    const { rows } = plan([['II. Chi bộ Tổ dân phố số 6'], good()]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.draft.organizationId).toBe(branch6.id);
  });
});

describe('what is not a member row', () => {
  it('passes over empty rows, unfilled numbered lines, the total line and the signature block', () => {
    const { rows, footerRows } = plan([
      good(),
      [null, null, null],
      [2, null, null],
      good({ 0: 3, 1: 'Trần Thị Bình', 2: 'Nữ', 8: '22222222' }),
      [null, 'Tổng cộng: 2 đồng chí'],
      [null, null, null, null, null, 'Phúc Lợi, ngày 20 tháng 11 năm 2026'],
      [null, null, null, null, null, 'T/M CHI BỘ'],
      [null, null, null, null, null, 'BÍ THƯ'],
      [null, null, null, null, null, 'Nguyễn Văn Bí'],
    ]);
    expect(rows.map((r) => r.draft.fullName)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(footerRows).toEqual([7, 8, 9, 10, 11]);
  });
});

describe('duplicates are found among the file’s rows and in the register', () => {
  it('a later row with the same card number as an earlier one', () => {
    const { rows } = plan([good(), good({ 1: 'Nguyễn Văn Ân', 3: '1971' })]);
    expect(rows[1]!.duplicate).toMatchObject({ kind: 'file', row: 3, weak: false, actions: ['skip'] });
    expect(rows[1]!.duplicate!.messages[0]).toContain('số thẻ đảng viên với dòng 3');
  });

  it('same name and birth date only: may be two people, so a new file is offered', () => {
    const { rows } = plan([good(), good({ 8: '87654321' })]);
    expect(rows[1]!.duplicate).toMatchObject({ kind: 'file', weak: true, actions: ['skip', 'create'] });
  });

  it('a member already in the register, by card, can be skipped or updated', () => {
    const stored = makeMember({ fullName: 'Nguyễn Văn Ăn', partyCardNumber: '12345678', organizationId: branch5.id });
    const { rows } = plan([good()], { existing: [stored] });
    expect(rows[0]!.duplicate).toMatchObject({ kind: 'register', memberId: stored.id, weak: false, actions: ['skip', 'update'] });
    expect(rows[0]!.duplicate!.messages[0]).toContain('Số thẻ đảng viên 12345678 trùng với đồng chí Nguyễn Văn Ăn');
  });

  it('by name (folded) and birth date', () => {
    const stored = makeMember({ fullName: 'NGUYỄN VĂN AN', birthDate: '1970-04-12', organizationId: branch5.id });
    const { rows } = plan([good({ 8: null })], { existing: [stored] });
    expect(rows[0]!.duplicate).toMatchObject({ kind: 'register', weak: true, actions: ['skip', 'update', 'create'] });
  });

  it('members in the recycle bin are not duplicates', () => {
    const stored = { ...makeMember({ partyCardNumber: '12345678' }), deleted: 1 as const };
    expect(plan([good()], { existing: [stored] }).rows[0]!.duplicate).toBeUndefined();
  });

  it('10,000 rows against 100,000 members stay fast (Maps, not pairs)', () => {
    const existing: ExistingMember[] = Array.from({ length: 100_000 }, (_, i) =>
      makeMember({ fullName: `Người Số ${i}`, partyCardNumber: String(10_000_000 + i), organizationId: branch5.id }),
    );
    const sheet: SheetCell[][] = Array.from({ length: 10_000 }, (_, i) =>
      good({ 0: i + 1, 1: `Đảng Viên ${i}`, 8: String(20_000_000 + i) }),
    );
    const t0 = performance.now();
    const { rows } = plan(sheet, { existing });
    const ms = performance.now() - t0;
    expect(rows).toHaveLength(10_000);
    expect(rows.filter((r) => r.duplicate)).toHaveLength(0);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('addresses in one cell', () => {
  it.each([
    ['Hà Nội', { province: 'Hà Nội' }],
    ['Phúc Lợi, Hà Nội', { commune: 'Phúc Lợi', province: 'Hà Nội' }],
    ['xã Yên Phụ, huyện Yên Phong, tỉnh Bắc Ninh', { commune: 'xã Yên Phụ', district: 'huyện Yên Phong', province: 'tỉnh Bắc Ninh' }],
    ['Số 5, ngõ 12, Phúc Lợi, Long Biên, Hà Nội', { detail: 'Số 5, ngõ 12', commune: 'Phúc Lợi', district: 'Long Biên', province: 'Hà Nội' }],
  ])('%s', (text, address) => expect(parseAddress(text)).toEqual(address));
});
