import { describe, expect, it } from 'vitest';
import { buildDateStart, checkClock, HOUR_MS, nextLastLocalSave, type ClockGuardInput } from './clockGuard';
import { resolveSetting } from '../domain/settings';
import { SETTINGS } from '../domain/settingDefinitions';

const BUILD = '2026-11-01';
const BUILD_START = Date.UTC(2026, 10, 1);
const LAST_SAVE = Date.UTC(2026, 10, 25, 7, 3); // 25/11/2026 14:03 in Hà Nội
const MIN = 60_000;

const base: ClockGuardInput = { now: LAST_SAVE + HOUR_MS, buildDate: BUILD, lastLocalSaveAt: LAST_SAVE, maxBehindHours: 24 };

describe('checkClock: when editing is allowed', () => {
  it.each([
    ['a clock after the last save', {}],
    ['a clock exactly at the last save', { now: LAST_SAVE }],
    ['a clock 5 minutes slow (the HLC copes with small skew)', { now: LAST_SAVE - 5 * MIN }],
    ['a clock 7 hours behind (time zone set to UTC, then corrected)', { now: LAST_SAVE - 7 * HOUR_MS }],
    ['a clock exactly the allowed 24 hours behind', { now: LAST_SAVE - 24 * HOUR_MS }],
    ['no local save yet, a clock on the build day', { lastLocalSaveAt: null, now: BUILD_START }],
    ['no local save yet, a clock long after the build', { lastLocalSaveAt: null, now: Date.UTC(2030, 0, 1) }],
    ['a larger allowed lag set by the office', { now: LAST_SAVE - 47 * HOUR_MS, maxBehindHours: 48 }],
  ] as [string, Partial<ClockGuardInput>][])('%s', (_, over) => {
    const input = { ...base, ...over };
    expect(checkClock(input)).toEqual({ ok: true, now: input.now });
  });
});

describe('checkClock: blocked because the clock is before the build date', () => {
  it.each([
    ['a clock reset to 2000 (flat clock battery)', Date.UTC(2000, 0, 1)],
    ['a clock one minute before the build day (UTC)', BUILD_START - MIN],
    ['a clock set a year back', Date.UTC(2025, 10, 26, 8)],
    ['a clock that is not a number', Number.NaN],
  ])('%s: says what the computer shows and the earliest day it must show', (_, now) => {
    expect(checkClock({ ...base, now, lastLocalSaveAt: null })).toEqual({
      ok: false,
      reason: 'beforeBuildDate',
      now,
      earliest: BUILD_START,
      buildDate: BUILD,
    });
  });

  it('the build date wins over the last save: the user fixes the date first', () => {
    const verdict = checkClock({ ...base, now: Date.UTC(2001, 0, 1) });
    expect(verdict.ok === false && verdict.reason).toBe('beforeBuildDate');
  });

  it('refuses a malformed build date instead of guessing', () => {
    expect(() => checkClock({ ...base, buildDate: '2026-11' })).toThrow(/không hợp lệ/);
    expect(() => buildDateStart('26/11/2026')).toThrow(/không hợp lệ/);
  });
});

describe('checkClock: blocked because the clock is behind the last local save', () => {
  it.each([
    ['24 hours and a minute behind', 24 * HOUR_MS + MIN, 24],
    ['three days behind (date set wrong by hand)', 72 * HOUR_MS, 24],
    ['two hours behind with a 1-hour setting', 2 * HOUR_MS, 1],
    ['ten days behind (wrong day picked)', 10 * 24 * HOUR_MS, 24],
  ])('%s: says the time shown, the last save and the earliest time accepted', (_, lag, hours) => {
    const now = LAST_SAVE - lag;
    expect(checkClock({ ...base, now, maxBehindHours: hours })).toEqual({
      ok: false,
      reason: 'behindLastSave',
      now,
      lastLocalSaveAt: LAST_SAVE,
      earliest: LAST_SAVE - hours * HOUR_MS,
      behindBy: lag,
      maxBehindHours: hours,
    });
  });
});

describe('nextLastLocalSave: the mark a save leaves', () => {
  it.each([
    ['first save', null, LAST_SAVE, LAST_SAVE],
    ['a later save moves it forward', LAST_SAVE, LAST_SAVE + MIN, LAST_SAVE + MIN],
    ['a save on a slightly slow clock keeps it', LAST_SAVE, LAST_SAVE - 5 * MIN, LAST_SAVE],
  ])('%s', (_, previous, now, expected) => {
    expect(nextLastLocalSave(previous, now)).toBe(expected);
  });
});

describe('the setting clockGuard.maxBehindHours', () => {
  it('defaults to 24 hours on any date, and accepts 1 to 720 hours', () => {
    expect(resolveSetting(SETTINGS.clockMaxBehindHours, undefined, '2000-01-01')).toBe(24);
    expect(resolveSetting(SETTINGS.clockMaxBehindHours, undefined, '2026-11-26')).toBe(24);
    const schema = SETTINGS.clockMaxBehindHours.schema;
    expect(schema.safeParse(1).success).toBe(true);
    expect(schema.safeParse(720).success).toBe(true);
    expect(schema.safeParse(0).success).toBe(false);
    expect(schema.safeParse(721).success).toBe(false);
    expect(schema.safeParse(1.5).success).toBe(false);
  });

  it('an office version saved for a later date applies from that date', () => {
    const stored = [{ effectiveFrom: '2027-01-01', value: 48 }];
    expect(resolveSetting(SETTINGS.clockMaxBehindHours, stored, '2026-12-31')).toBe(24);
    expect(resolveSetting(SETTINGS.clockMaxBehindHours, stored, '2027-01-01')).toBe(48);
  });
});
