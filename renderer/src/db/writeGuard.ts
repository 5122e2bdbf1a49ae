/**
 * The clock guard at the one write path (sync.md "Identity and clocks"; the rule is
 * shared/sync/clockGuard.ts). The app installs it at boot (`installClockGuard`); `commit()` then asks
 * it before every save and refuses with `ClockGuardError` (nothing written) while the computer's
 * clock is wrong. Tests, simulations and benchmarks open stores without it: their virtual clocks
 * jump on purpose.
 *
 * The guard remembers the computer's clock at the newest local save in `meta.clockGuardLastSave`,
 * written by `commit()` in the save's own transaction. Sync imports do not move it: it judges this
 * computer's clock, not the clocks of the laptops whose files came in.
 */
import { checkClock, nextLastLocalSave, type ClockGuardRefusal, type ClockGuardVerdict } from '@shared/sync/clockGuard';
import { resolveSetting } from '@shared/domain/settings';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { todayIso } from '@shared/domain/dates';
import type { IsoDate } from '@shared/domain/types';
import { clockGuardText } from '../i18n/clockGuard';
import type { MetaEntry, QldvDatabase } from './database';
import type { DataStore } from './store';
import { WriteError } from './writePath';

const LAST_SAVE_KEY = 'clockGuardLastSave';

/** `dd/mm/yyyy HH:mm` in this computer's time zone (what its clock shows). */
export function formatClock(millis: number): string {
  const d = new Date(millis);
  if (Number.isNaN(d.getTime())) return '—';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A save refused because the computer's clock is wrong. Nothing was written. */
export class ClockGuardError extends WriteError {
  override name = 'ClockGuardError';
  constructor(readonly verdict: ClockGuardRefusal) {
    super(clockGuardText.refused(formatClock(verdict.now)));
  }
}

export interface ClockCheck {
  verdict: ClockGuardVerdict;
  /** The computer's clock at the newest local save, or null before the first one. */
  lastLocalSaveAt: number | null;
}

export interface ClockGuardOptions {
  /** The day the app was built (`__BUILD_DATE__`). */
  buildDate: IsoDate;
  /** The computer's clock; injectable for tests. */
  now?: () => number;
}

export class ClockGuard {
  readonly buildDate: IsoDate;
  private readonly now: () => number;

  constructor(
    private readonly db: QldvDatabase,
    options: ClockGuardOptions,
  ) {
    this.buildDate = options.buildDate;
    this.now = options.now ?? Date.now;
  }

  private async lastLocalSave(): Promise<number | null> {
    const value = (await this.db.meta.get(LAST_SAVE_KEY))?.value;
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }

  /** Judges the computer's clock now, with the allowed lag in force (setting `clockGuard.maxBehindHours`). */
  async check(): Promise<ClockCheck> {
    const now = this.now();
    const [lastLocalSaveAt, stored] = await Promise.all([
      this.lastLocalSave(),
      this.db.settings.get(SETTINGS.clockMaxBehindHours.key),
    ]);
    // The lag in force on the latest day we can trust: the clock's, or the last save's if later.
    const asOf = todayIso(new Date(Math.max(Number.isFinite(now) ? now : 0, lastLocalSaveAt ?? 0)));
    const versions = stored && stored.deleted === 0 ? (stored.versions as unknown[]) : undefined;
    const maxBehindHours = resolveSetting(SETTINGS.clockMaxBehindHours, versions, asOf);
    return { verdict: checkClock({ now, buildDate: this.buildDate, lastLocalSaveAt, maxBehindHours }), lastLocalSaveAt };
  }

  /**
   * Called by `commit()` before its transaction: throws `ClockGuardError` when the clock is wrong,
   * otherwise gives the meta entry the save writes in its transaction.
   */
  async beforeCommit(): Promise<MetaEntry> {
    const { verdict, lastLocalSaveAt } = await this.check();
    if (!verdict.ok) throw new ClockGuardError(verdict);
    return { key: LAST_SAVE_KEY, value: nextLastLocalSave(lastLocalSaveAt, verdict.now) };
  }

  /**
   * The office confirms that the clock shows the right time and that the last save was made while
   * the clock ran fast: the mark moves back to now. Only for `behindLastSave`; a clock before the
   * build date is wrong whatever anyone says. Returns the new verdict.
   */
  async acceptCurrentClock(): Promise<ClockCheck> {
    const checked = await this.check();
    const { verdict } = checked;
    if (verdict.ok || verdict.reason !== 'behindLastSave') return checked;
    await this.db.meta.put({ key: LAST_SAVE_KEY, value: verdict.now });
    return this.check();
  }
}

/** Turns the clock guard on for this store (the app's boot). */
export function installClockGuard(store: DataStore, options: ClockGuardOptions): ClockGuard {
  const guard = new ClockGuard(store.db, options);
  store.clockGuard = guard;
  return guard;
}
