import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addWeekdays,
  ageInMonths,
  ageInYears,
  compareIsoDates,
  completeDate,
  dayOfWeek,
  formatDateVi,
  fromDayNumber,
  isFullIsoDate,
  isValidIsoDate,
  monthsBetween,
  parseDateVi,
  parsePartialDate,
  toDayNumber,
  todayIso,
  weekdaysBetween,
} from './dates';

describe('ISO dates, full and partial', () => {
  it.each([
    ['1965', true, false],
    ['1965-04', true, false],
    ['1965-04-12', true, true],
    ['2024-02-29', true, true],
    ['2023-02-29', false, false],
    ['1900-02-29', false, false],
    ['2000-02-29', true, true],
    ['1965-13', false, false],
    ['1965-00', false, false],
    ['1965-04-31', false, false],
    ['1965-4-12', false, false],
    ['65', false, false],
    ['', false, false],
    ['1965-04-12T00:00', false, false],
    // Ten characters with dashes in place, read by the fast path: every one must still be a real date.
    ['0000-01-01', false, false],
    ['1965-04-00', false, false],
    ['1965-00-12', false, false],
    ['1965-04-1a', false, false],
    ['19a5-04-12', false, false],
    ['1965-0/-12', false, false],
    ['+965-04-12', false, false],
    ['1965-04-3:', false, false],
    ['1965 04-12', false, false],
    ['2400-02-29', true, true],
    ['2100-02-29', false, false],
    ['0001-01-01', true, true],
  ])('%s: valid=%s, full=%s', (text, valid, full) => {
    expect(isValidIsoDate(text)).toBe(valid);
    expect(isFullIsoDate(text)).toBe(full);
  });

  it('parses partial dates into their parts', () => {
    expect(parsePartialDate('1965')).toEqual({ year: 1965 });
    expect(parsePartialDate('1965-04')).toEqual({ year: 1965, month: 4 });
    expect(parsePartialDate('1965-04-12')).toEqual({ year: 1965, month: 4, day: 12 });
    expect(parsePartialDate('abc')).toBeUndefined();
  });

  it.each([
    ['1965-04-12', '12/04/1965'],
    ['1965-04', '04/1965'],
    ['1965', '1965'],
    ['', ''],
    [undefined, ''],
    [null, ''],
    ['12/04/1965', '12/04/1965'],
  ])('formats %s as %s', (text, expected) => {
    expect(formatDateVi(text)).toBe(expected);
  });

  it.each([
    ['12/04/1965', '1965-04-12'],
    ['2/9/1945', '1945-09-02'],
    ['04/1965', '1965-04'],
    ['1965', '1965'],
    ['31/02/2020', undefined],
    ['12/04/65', undefined],
    ['x', undefined],
  ])('reads Vietnamese %s as %s', (text, expected) => {
    expect(parseDateVi(text)).toBe(expected);
  });

  it.each([
    ['1965', 'start', '1965-01-01'],
    ['1965', 'end', '1965-12-31'],
    ['2024-02', 'end', '2024-02-29'],
    ['2024-02', 'start', '2024-02-01'],
    ['2024-02-10', 'end', '2024-02-10'],
  ] as const)('completes %s at the %s as %s', (text, bound, expected) => {
    expect(completeDate(text, bound)).toBe(expected);
  });

  it('orders partial dates before the full dates they contain', () => {
    const sorted = ['1965-04-01', '1964-12-31', '1965', '1965-04'].sort(compareIsoDates);
    expect(sorted).toEqual(['1964-12-31', '1965', '1965-04', '1965-04-01']);
  });
});

describe('month arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-07-15', 12, '2026-07-15'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2000-02-29', 216, '2018-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses partial dates in arithmetic', () => {
    expect(() => addMonths('1965', 1)).toThrow(RangeError);
  });

  it.each([
    ['2025-01-31', '2025-02-27', 0],
    ['2025-01-31', '2025-02-28', 1],
    ['2024-07-15', '2025-07-14', 11],
    ['2024-07-15', '2025-07-15', 12],
    ['2000-02-29', '2018-02-28', 216],
    ['2000-02-29', '2018-02-27', 215],
    ['2025-07-15', '2024-07-15', -12],
    ['2025-07-15', '2025-07-15', 0],
  ])('months from %s to %s = %i', (from, to, expected) => {
    expect(monthsBetween(from, to)).toBe(expected);
  });

  it.each([
    // The admission rule: 18 to 60 years, counted in months, on the day of the branch vote.
    ['2007-07-16', '2025-07-15', 215, 17],
    ['2007-07-15', '2025-07-15', 216, 18],
    ['1965-07-15', '2025-07-15', 720, 60],
    ['1965-07-16', '2025-07-15', 719, 59],
  ])('born %s, on %s: %i months, %i years', (birth, on, months, years) => {
    expect(ageInMonths(birth, on)).toBe(months);
    expect(ageInYears(birth, on)).toBe(years);
  });

  it('treats a partial birth date as the oldest or youngest possibility', () => {
    expect(ageInMonths('1965', '2025-07-15')).toBe(726);
    expect(ageInMonths('1965', '2025-07-15', 'end')).toBe(714);
  });

  it('agrees with its definition: addMonths(from, n) ≤ to < addMonths(from, n + 1)', () => {
    const day = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), (start, span) => {
        const from = fromDayNumber(start);
        const to = fromDayNumber(start + span);
        const n = monthsBetween(from, to);
        expect(compareIsoDates(addMonths(from, n), to)).toBeLessThanOrEqual(0);
        expect(compareIsoDates(addMonths(from, n + 1), to)).toBeGreaterThan(0);
      }),
    );
  });
});

describe('days and weekdays', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2025-07-15', 20284],
  ])('%s is day %i', (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  it('round-trips every day number and agrees with the UTC calendar of Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const iso = fromDayNumber(n);
        expect(toDayNumber(iso)).toBe(n);
        expect(new Date(n * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
        expect(dayOfWeek(iso)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });

  it.each([
    ['2025-07-15', 2],
    ['2025-09-02', 2],
    ['1945-09-02', 0],
    ['2025-07-19', 6],
  ])('%s falls on weekday %i', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it.each([
    ['2025-07-18', 1, '2025-07-21'],
    ['2025-07-14', 5, '2025-07-21'],
    ['2025-07-14', 30, '2025-08-25'],
    ['2025-07-21', -1, '2025-07-18'],
    ['2025-07-19', 0, '2025-07-19'],
  ])('%s + %i weekdays = %s', (date, n, expected) => {
    expect(addWeekdays(date, n)).toBe(expected);
    if (n > 0) expect(weekdaysBetween(date, expected)).toBe(n);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('takes today from the local calendar, not UTC', () => {
    expect(todayIso(new Date(2025, 6, 15, 23, 59))).toBe('2025-07-15');
    expect(todayIso(new Date(2025, 0, 1, 0, 0))).toBe('2025-01-01');
  });
});
