/**
 * Date arithmetic for statistics over 100,000 members: the same answers as shared/domain/dates.ts
 * (`monthsBetween`, `ageInYears`, `dateBandIndex`), on numbers parsed once instead of strings
 * parsed at every comparison. Tests check them against the string versions.
 */
import { completeDate, daysInMonth, parsePartialDate } from '../domain/dates';
import type { DateBand } from '../domain/settings';
import type { IsoDate } from '../domain/types';

/** A full date as one sortable integer: yyyymmdd. */
export type DayKey = number;

export function dayKey(year: number, month: number, day: number): DayKey {
  return year * 10000 + month * 100 + day;
}

/**
 * The earliest ('start') or latest ('end') day a full or partial ISO date can mean, as a key;
 * `undefined` for a missing or malformed date.
 */
export function dayKeyOf(text: IsoDate | undefined, bound: 'start' | 'end' = 'start'): DayKey | undefined {
  if (!text) return undefined;
  const date = parsePartialDate(text);
  if (!date) return undefined;
  const month = date.month ?? (bound === 'start' ? 1 : 12);
  const day = date.day ?? (bound === 'start' ? 1 : daysInMonth(date.year, month));
  return dayKey(date.year, month, day);
}

/** The ISO date of a key. */
export function isoOfDayKey(key: DayKey): IsoDate {
  const year = Math.floor(key / 10000);
  const month = Math.floor(key / 100) % 100;
  const day = key % 100;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Whole months from `from` to `to` (both keys of real dates), as `monthsBetween` counts them:
 * the largest n with addMonths(from, n) ≤ to, with the end-of-month clamp. 0 when `to` < `from`
 * (statistics never need the negative count).
 */
export function wholeMonthsBetween(from: DayKey, to: DayKey): number {
  if (to <= from) return 0;
  const fy = Math.floor(from / 10000);
  const fm = Math.floor(from / 100) % 100;
  const fd = from % 100;
  const ty = Math.floor(to / 10000);
  const tm = Math.floor(to / 100) % 100;
  const td = to % 100;
  let months = (ty - fy) * 12 + (tm - fm);
  if (months > 0 && Math.min(fd, daysInMonth(ty, tm)) > td) months -= 1;
  return months;
}

/** Whole years from `from` to `to` (age, tenure), as `ageInYears` counts them. */
export function wholeYearsBetween(from: DayKey, to: DayKey): number {
  return Math.floor(wholeMonthsBetween(from, to) / 12);
}

/** A date band with its bounds as keys: `from` ≤ day < `to`. */
export interface KeyBand {
  from: DayKey;
  to: DayKey;
}

export function keyBands(bands: readonly DateBand[]): KeyBand[] {
  return bands.map((band) => ({
    from: band.from ? dayKeyOf(completeDate(band.from, 'start'))! : -Infinity,
    to: band.to ? dayKeyOf(completeDate(band.to, 'start'))! : Infinity,
  }));
}

/** Index of the first band containing the day, or -1 (as `dateBandIndex`). */
export function keyBandIndex(bands: readonly KeyBand[], day: DayKey): number {
  for (let i = 0; i < bands.length; i += 1) if (day >= bands[i]!.from && day < bands[i]!.to) return i;
  return -1;
}
