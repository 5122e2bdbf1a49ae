import { describe, expect, it } from 'vitest';
import { DEFAULT_POLITICAL_THEORY_LEVELS, DEFAULT_RELIGIONS } from '../domain/codeLists';
import fc from 'fast-check';
import {
  CODE_ALIASES,
  cellText,
  codeReader,
  excelSerialToIso,
  isFilledCell,
  readDateCell,
  readGeneralEducation,
  readNumberText,
  readSexCell,
  type SheetCell,
} from './cells';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('a date cell is read in every form offices write it', () => {
  it.each([
    ['a real Excel date', utc(1980, 5, 3), '1980-05-03'],
    ['dd/mm/yyyy', '03/05/1980', '1980-05-03'],
    ['d/m/yyyy', '3/5/1980', '1980-05-03'],
    ['dd-mm-yyyy', '03-05-1980', '1980-05-03'],
    ['dd.mm.yyyy', '03.05.1980', '1980-05-03'],
    ['spaces around the separators', ' 3 / 5 / 1980 ', '1980-05-03'],
    ['month and year', '05/1980', '1980-05'],
    ['a year as text', '1980', '1980'],
    ['a year as a number', 1980, '1980'],
    ['an ISO date', '1980-05-03', '1980-05-03'],
    ['a date serial whose format Excel did not mark', 29344, '1980-05-03'],
    ['29 February of a leap year', '29/02/1984', '1984-02-29'],
  ])('%s', (_, cell, iso) => {
    expect(readDateCell(cell, 'Ngày sinh')).toEqual({ value: iso });
  });

  it.each([
    ['an empty cell', null],
    ['an empty text', ''],
  ])('%s is empty, not an error', (_, cell) => {
    expect(readDateCell(cell, 'Ngày sinh')).toEqual({ empty: true });
  });

  it.each([
    ['a day that does not exist', '31/02/1980', 'Ngày sinh 31/02/1980 không hợp lệ'],
    ['a month past 12', '03/13/1980', 'tháng phải từ 1 đến 12'],
    ['a two-digit year', '3/5/80', 'ghi năm bằng 2 chữ số'],
    ['words', 'không rõ', 'không đọc được'],
    ['a number that is no date', 12.5, 'không phải là ngày'],
  ])('%s is refused with a Vietnamese sentence', (_, cell, part) => {
    const result = readDateCell(cell, 'Ngày sinh');
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(part);
  });

  it('counts Excel serials in the 1900 system', () => {
    expect(excelSerialToIso(1)).toBe('1899-12-31'); // Excel shows 1/1/1900: its fictional 29/2/1900 shifts early days
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
  });
});

describe('a filled cell is one whose text is not empty', () => {
  it.each<[string, SheetCell, boolean]>([
    ['nothing', null, false],
    ['undefined', undefined, false],
    ['empty text', '', false],
    ['spaces, tabs and line breaks', ' \t\r\n\u00a0\u3000', false],
    ['invisible characters', '\u200b\ufeff\u00ad', false],
    ['a name', 'Nguyễn Văn Hùng', true],
    ['a name between spaces', '  Lan ', true],
    ['zero', 0, true],
    ['false', false, true],
    ['a date', new Date(Date.UTC(1990, 0, 2)), true],
    ['an invalid date', new Date(NaN), false],
  ])('%s', (_label, cell, filled) => {
    expect(isFilledCell(cell)).toBe(filled);
    expect(isFilledCell(cell)).toBe(cellText(cell) !== '');
  });

  it('agrees with cellText on any text', () => {
    const pieces = fc.constantFrom(' ', '\t', '\u00a0', '\u200b', '\ufeff', '\u2060', '\u180e', 'a', 'ễ', '\u0301', '\n');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => isFilledCell(parts.join('')) === (cellText(parts.join('')) !== '')),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (text) => isFilledCell(text) === (cellText(text) !== '')),
      { numRuns: 2000 },
    );
  });
});

describe('other cells', () => {
  it.each([
    ['Nam', 'male'],
    ['NỮ', 'female'],
    ['nu', 'female'],
    [' nam ', 'male'],
  ])('sex %s', (cell, sex) => expect(readSexCell(cell)).toEqual({ value: sex }));

  it('refuses a sex it cannot read', () => {
    expect(readSexCell('X')).toEqual({ error: 'Giới tính “X” không đọc được; hãy ghi “Nam” hoặc “Nữ”.' });
  });

  it.each([
    ['Không', 'none'],
    ['Thiên chúa giáo', 'catholicism'],
    ['phật giáo', 'buddhism'],
    ['PHẬT GIÁO HÒA HẢO', 'hoaHao'],
  ])('religion %s', (cell, code) => {
    expect(codeReader(DEFAULT_RELIGIONS, CODE_ALIASES.religion)(cell)).toEqual({ code });
  });

  it.each([
    ['Sơ cấp', 'elementary'],
    ['TC', 'intermediate'],
    ['Cao cấp', 'advanced'],
    ['cử nhân', 'bachelor'],
  ])('political theory %s', (cell, code) => {
    expect(codeReader(DEFAULT_POLITICAL_THEORY_LEVELS, CODE_ALIASES.politicalTheory)(cell)).toEqual({ code });
  });

  it('returns unknown code-list text as typed', () => {
    expect(codeReader(DEFAULT_RELIGIONS)('Đạo Mẫu')).toEqual({ unknown: 'Đạo Mẫu' });
  });

  it('reads back “12/12” that Excel turned into 12 December', () => {
    expect(readGeneralEducation(utc(2026, 12, 12))).toBe('12/12');
    expect(readGeneralEducation(utc(2026, 10, 9))).toBe('9/10');
    expect(readGeneralEducation('10/10')).toBe('10/10');
  });

  it('puts back the leading zeros Excel drops from numbers', () => {
    expect(readNumberText(1060012345, 12)).toBe('001060012345');
    expect(readNumberText(1234567, 8)).toBe('01234567');
    expect(readNumberText('001060012345', 12)).toBe('001060012345');
  });
});
