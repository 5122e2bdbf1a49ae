/**
 * The clock guard for local edits (sync.md "Identity and clocks"): editing is blocked when the
 * computer's clock is before the app's build date, or far behind the last change saved on this
 * laptop.
 *
 * "The last change saved on this laptop" is the computer's own clock reading at its newest local
 * save, not the HLC's last stamp. The clock also observes the stamps of imported files, and a
 * laptop whose clock ran ahead (by up to 30 days, which the import only warns about) would
 * otherwise block every laptop that imported its file although their clocks are right; and after
 * such an import this laptop's own stamps carry the fast laptop's time too. The wall-clock reading
 * only moves when this computer saves, so it judges this computer's clock alone.
 *
 * The HLC keeps stamps increasing whatever the wall clock does; the guard exists because a wrong
 * date also makes "today" wrong (default dates, ages, figures "as of today", journal times) and
 * makes this laptop's edits lose to older edits of other laptops.
 */
import type { IsoDate } from '../domain/types';

export const HOUR_MS = 3_600_000;

export interface ClockGuardInput {
  /** The computer's clock now (epoch milliseconds). */
  now: number;
  /** The day the app was built ('YYYY-MM-DD'); no correct clock can show an earlier day. */
  buildDate: IsoDate;
  /** The computer's clock at this laptop's newest local save (epoch ms), or null before the first one. */
  lastLocalSaveAt: number | null;
  /** How far behind `lastLocalSaveAt` the clock may be (the setting `clockGuard.maxBehindHours`). */
  maxBehindHours: number;
}

export type ClockGuardVerdict =
  | { ok: true; now: number }
  | {
      ok: false;
      reason: 'beforeBuildDate';
      /** What the computer shows. */
      now: number;
      /** The earliest moment a correct clock can show: the start of the build day (UTC). */
      earliest: number;
      buildDate: IsoDate;
    }
  | {
      ok: false;
      reason: 'behindLastSave';
      now: number;
      /** The computer's clock at the last local save: a correct clock shows a later time. */
      lastLocalSaveAt: number;
      /** The earliest time the guard accepts: `lastLocalSaveAt` minus the allowed lag. */
      earliest: number;
      /** By how many milliseconds the clock is behind the last save. */
      behindBy: number;
      maxBehindHours: number;
    };

export type ClockGuardRefusal = Extract<ClockGuardVerdict, { ok: false }>;

/**
 * The start of the build day in UTC. The build stamps the UTC day it ran, so the real time is
 * always after this moment, wherever the laptop is: a correct clock is never blocked by it.
 */
export function buildDateStart(buildDate: IsoDate): number {
  const start = Date.parse(`${buildDate}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(buildDate) || Number.isNaN(start))
    throw new Error(`Ngày phát hành phần mềm không hợp lệ: ${buildDate}`);
  return start;
}

export function checkClock({ now, buildDate, lastLocalSaveAt, maxBehindHours }: ClockGuardInput): ClockGuardVerdict {
  const buildStart = buildDateStart(buildDate);
  if (!Number.isFinite(now) || now < buildStart)
    return { ok: false, reason: 'beforeBuildDate', now, earliest: buildStart, buildDate };
  if (lastLocalSaveAt !== null) {
    const allowed = maxBehindHours * HOUR_MS;
    const behindBy = lastLocalSaveAt - now;
    if (behindBy > allowed)
      return {
        ok: false,
        reason: 'behindLastSave',
        now,
        lastLocalSaveAt,
        earliest: lastLocalSaveAt - allowed,
        behindBy,
        maxBehindHours,
      };
  }
  return { ok: true, now };
}

/**
 * What a save records as "the newest local save": never lower than before, so a clock a little
 * slow (within the allowed lag) does not pull the mark back.
 */
export function nextLastLocalSave(previous: number | null, now: number): number {
  return previous === null ? now : Math.max(previous, now);
}
