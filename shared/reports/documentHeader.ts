/**
 * The parts of an administrative document's header (Nghị định 30/2020/NĐ-CP, phụ lục I, as the
 * Party's offices apply it): the issuing committee, the number, the place and date line.
 */
import { parsePartialDate } from '../domain/dates';
import { issuingBodyName } from '../domain/lifecycle';
import type { IsoDate } from '../domain/types';
import { upperVietnamese } from './documentText';

/** 'Đảng bộ phường Phúc Lợi' → 'Phúc Lợi': the place in the date line. */
export function documentPlace(committeeName: string): string {
  return committeeName
    .replace(/^(Đảng bộ|Đảng ủy)\s+(phường|xã|thị trấn|đặc khu|thành phố|tỉnh)\s+/iu, '')
    .trim();
}

/** 'Đảng bộ phường Phúc Lợi' → 'ĐẢNG ỦY PHƯỜNG PHÚC LỢI': the body that signs. */
export function issuerHeading(committeeName: string): string {
  return upperVietnamese(issuingBodyName(committeeName));
}

/**
 * 'Phúc Lợi, ngày 05 tháng 02 năm 2026': days below 10 and the months 1 and 2 take a leading
 * zero (Nghị định 30/2020, phụ lục I, mục II.5).
 */
export function dateLine(place: string, date: IsoDate): string {
  const parsed = parsePartialDate(date);
  if (!parsed?.month || !parsed.day) throw new RangeError(`Expected a full date, got '${date}'`);
  const day = String(parsed.day).padStart(2, '0');
  const month = parsed.month <= 2 ? `0${parsed.month}` : String(parsed.month);
  return `${place}, ngày ${day} tháng ${month} năm ${parsed.year}`;
}

/** 'Số 12-BC/ĐU'; the number left blank ('Số    -BC/ĐU') for the office to write in by hand. */
export function documentNumber(number: string, kind: string, issuerCode = 'ĐU'): string {
  const n = number.trim();
  return `Số ${n || '\u00a0\u00a0\u00a0\u00a0\u00a0'}-${kind}/${issuerCode}`;
}
