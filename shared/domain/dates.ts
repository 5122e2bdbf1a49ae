/**
 * Calendar dates as ISO strings, computed on year/month/day integers. `Date` is avoided on purpose:
 * parsing 'YYYY-MM-DD' with it gives UTC midnight, which is the previous day in some time zones,
 * and month arithmetic on it rolls over (31/1 + 1 month = 3/3) instead of clamping.
 *
 * A date may be partial ('1965', '1965-04') where the paper record is (architecture.md, data rules).
 * Arithmetic needs full dates: turn a partial one into a bound first with `completeDate`.
 */
import type { IsoDate } from './types';

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export interface FullDate {
  year: number;
  month: number;
  day: number;
}

const ISO_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DASH = 45;

/** The number written by the ASCII digits of text[from, to); -1 when any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; `undefined` when malformed or not a real date. */
export function parsePartialDate(text: string): PartialDate | undefined {
  // The common case, a full 'YYYY-MM-DD', read from its character codes: the rules and the import
  // parse dates hundreds of thousands of times, and the pattern is several times slower.
  if (text.length === 10 && text.charCodeAt(4) === DASH && text.charCodeAt(7) === DASH) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
    return { year, month, day };
  }
  const match = ISO_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1) return undefined;
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** A valid ISO date, full or partial. */
export function isValidIsoDate(text: string): boolean {
  return parsePartialDate(text) !== undefined;
}

/** A valid full 'YYYY-MM-DD' date. */
export function isFullIsoDate(text: string): boolean {
  return parsePartialDate(text)?.day !== undefined;
}

/** `n` with leading zeros to `width` digits (2 unless told); a month or day below 10 without padStart. */
const pad = (n: number, width = 2) => (width === 2 && n >= 0 && n < 10 ? `0${n}` : String(n).padStart(width, '0'));

export function formatIsoDate(date: PartialDate): IsoDate {
  let text = pad(date.year, 4);
  if (date.month !== undefined) text += `-${pad(date.month)}`;
  if (date.month !== undefined && date.day !== undefined) text += `-${pad(date.day)}`;
  return text;
}

/** Parses a full date or throws: for arithmetic, where a partial date is a caller's bug. */
export function parseFullDate(text: IsoDate): FullDate {
  const date = parsePartialDate(text);
  if (date?.month === undefined || date.day === undefined) {
    throw new RangeError(`Expected a full YYYY-MM-DD date, got '${text}'`);
  }
  return { year: date.year, month: date.month, day: date.day };
}

/**
 * The earliest ('start') or latest ('end') full date a partial date can mean: '1965' → '1965-01-01'
 * or '1965-12-31'. Rules pick the bound that gives the member the benefit of the doubt.
 */
export function completeDate(text: IsoDate, bound: 'start' | 'end'): IsoDate {
  const date = parsePartialDate(text);
  if (!date) throw new RangeError(`Not an ISO date: '${text}'`);
  // A full date is its own bound (its text is already 'YYYY-MM-DD').
  if (date.day !== undefined) return text;
  const month = date.month ?? (bound === 'start' ? 1 : 12);
  const day = date.day ?? (bound === 'start' ? 1 : daysInMonth(date.year, month));
  return formatIsoDate({ year: date.year, month, day });
}

/** 'dd/mm/yyyy', or 'mm/yyyy' / 'yyyy' for partial dates; '' for empty; malformed text unchanged. */
export function formatDateVi(text: IsoDate | null | undefined): string {
  if (!text) return '';
  const date = parsePartialDate(text);
  if (!date) return text;
  if (date.month === undefined) return pad(date.year, 4);
  if (date.day === undefined) return `${pad(date.month)}/${pad(date.year, 4)}`;
  return `${pad(date.day)}/${pad(date.month)}/${pad(date.year, 4)}`;
}

/** Reads 'd/m/yyyy', 'm/yyyy' or 'yyyy' (as typed or found in Excel files) into an ISO date. */
export function parseDateVi(text: string): IsoDate | undefined {
  const parts = text.trim().split(/[/.-]/);
  if (parts.some((part) => !/^\d+$/.test(part))) return undefined;
  const [a, b, c] = parts.map(Number);
  let date: PartialDate | undefined;
  if (parts.length === 1 && parts[0]?.length === 4) date = { year: a! };
  else if (parts.length === 2 && parts[1]?.length === 4) date = { year: b!, month: a! };
  else if (parts.length === 3 && parts[2]?.length === 4) date = { year: c!, month: b!, day: a! };
  if (!date) return undefined;
  const iso = formatIsoDate(date);
  return isValidIsoDate(iso) ? iso : undefined;
}

/**
 * Orders dates; a partial date sorts before the full dates it contains ('1965' < '1965-04' <
 * '1965-04-01'), which keeps a sort stable without pretending to know the missing part.
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  const x = parsePartialDate(a);
  const y = parsePartialDate(b);
  if (!x || !y) throw new RangeError(`Not an ISO date: '${x ? b : a}'`);
  return x.year - y.year || (x.month ?? 0) - (y.month ?? 0) || (x.day ?? 0) - (y.day ?? 0);
}

/**
 * Adds calendar months, clamping to the end of the month (31/1 + 1 month = 28/2 or 29/2), the
 * reading used for "12 months of probation" and ages counted in months.
 */
export function addMonths(text: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be an integer, got ${months}`);
  const date = parseFullDate(text);
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatIsoDate({ year, month, day: Math.min(date.day, daysInMonth(year, month)) });
}

export function addYears(text: IsoDate, years: number): IsoDate {
  return addMonths(text, years * 12);
}

/**
 * Whole months from `from` to `to`: the largest n with addMonths(from, n) ≤ to, consistent with the
 * end-of-month clamp (31/1 → 28/2 is one month; someone born on 29/2/2000 is 18 on 28/2/2018).
 * Negative when `to` is before `from`: minus the months from `to` to `from`.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (compareIsoDates(to, from) < 0) return -monthsBetween(to, from);
  const a = parseFullDate(from);
  const b = parseFullDate(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && compareIsoDates(addMonths(from, months), to) > 0) months -= 1;
  return months;
}

/**
 * Age in whole months on a date (the admission rule counts 18–60 years in months). A partial birth
 * date is completed with `assume` ('start' = oldest possible, 'end' = youngest possible).
 */
export function ageInMonths(birthDate: IsoDate, on: IsoDate, assume: 'start' | 'end' = 'start'): number {
  return monthsBetween(completeDate(birthDate, assume), on);
}

export function ageInYears(birthDate: IsoDate, on: IsoDate, assume: 'start' | 'end' = 'start'): number {
  return Math.floor(ageInMonths(birthDate, on, assume) / 12);
}

/**
 * Days since 1970-01-01 of a full date (proleptic Gregorian; H. Hinnant's days_from_civil), the
 * basis of day arithmetic and weekdays without a time zone.
 */
export function toDayNumber(text: IsoDate): number {
  const { year, month, day } = parseFullDate(text);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatIsoDate({ year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

export function addDays(text: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(text) + days);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday, as `Date.getDay`. */
export function dayOfWeek(text: IsoDate): number {
  return (((toDayNumber(text) + 4) % 7) + 7) % 7;
}

export function isWeekend(text: IsoDate): boolean {
  const day = dayOfWeek(text);
  return day === 0 || day === 6;
}

/**
 * Adds Monday–Friday days. Public holidays are not known here; the working-day calendar of a later
 * feature refines this. Counting weekdays overestimates working days, so a deadline check that
 * passes on weekdays also passes on the real calendar.
 */
export function addWeekdays(text: IsoDate, weekdays: number): IsoDate {
  let date = text;
  let remaining = Math.abs(weekdays);
  const step = weekdays < 0 ? -1 : 1;
  while (remaining > 0) {
    date = addDays(date, step);
    if (!isWeekend(date)) remaining -= 1;
  }
  return date;
}

/** Weekdays after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function weekdaysBetween(from: IsoDate, to: IsoDate): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    const weekday = (((day + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
}

/** Today's date on this computer's calendar (local time: the office works in Vietnam time). */
export function todayIso(now: Date = new Date()): IsoDate {
  return formatIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}
