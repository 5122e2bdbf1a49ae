import { describe, expect, it } from 'vitest';
import { dateLine, documentNumber, documentPlace, issuerHeading } from './documentHeader';

describe('the header of a document', () => {
  it.each([
    ['Đảng bộ phường Phúc Lợi', 'Phúc Lợi', 'ĐẢNG ỦY PHƯỜNG PHÚC LỢI'],
    ['Đảng bộ xã Đông Anh', 'Đông Anh', 'ĐẢNG ỦY XÃ ĐÔNG ANH'],
    ['Chi bộ Tổ dân phố số 5', 'Chi bộ Tổ dân phố số 5', 'CHI BỘ TỔ DÂN PHỐ SỐ 5'],
  ])('%s: place %s, signed by %s', (name, place, issuer) => {
    expect(documentPlace(name)).toBe(place);
    expect(issuerHeading(name)).toBe(issuer);
  });

  it.each([
    ['2026-11-26', 'Phúc Lợi, ngày 26 tháng 11 năm 2026'],
    ['2026-02-05', 'Phúc Lợi, ngày 05 tháng 02 năm 2026'],
    ['2026-01-31', 'Phúc Lợi, ngày 31 tháng 01 năm 2026'],
    ['2026-03-09', 'Phúc Lợi, ngày 09 tháng 3 năm 2026'],
  ])('date line for %s', (date, line) => {
    expect(dateLine('Phúc Lợi', date)).toBe(line);
  });

  it('refuses a partial date in the date line', () => {
    expect(() => dateLine('Phúc Lợi', '2026-03')).toThrow(RangeError);
  });

  it('numbers a report, or leaves room to write the number by hand', () => {
    expect(documentNumber('12', 'BC')).toBe('Số 12-BC/ĐU');
    expect(documentNumber(' ', 'BC')).toMatch(/^Số \s+-BC\/ĐU$/u);
  });
});
