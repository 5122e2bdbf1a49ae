/**
 * Statistics figures for the benchmark page (renderer/src/bench/bench.ts): the members and events
 * read into the in-memory indexes, prepared once, then the full statistics of the ward computed as
 * of a past date and as of today, the way the statistics screen does it.
 */
import { todayIso } from '@shared/domain/dates';
import { DEFAULT_LIFECYCLE_RULES } from '@shared/domain/lifecycleMachine';
import type { Organization } from '@shared/domain/types';
import { computeStatistics } from '@shared/reports/statistics';
import { prepareMembers } from '@shared/reports/statisticsPrepared';
import { statisticsSettings } from '@shared/reports/statisticsSettings';
import { openDataStore, type DataStore } from '../../db/store';
import { registerIndexFor } from '../members/register/registerIndex';
import { eventsIndexFor } from '../organizations/eventsIndex';
import { liveOrganizations } from '../organizations/queries';

export interface StatisticsBenchFigures {
  /** Reading the register and events into memory (shared with the other screens). */
  loadMs: number;
  /** Replaying every member's events into timelines, once per version of the data. */
  prepareMs: number;
  /** The full statistics of the ward as of a past date (median of 3). */
  computeMs: number;
  /** The same as of today (median of 3). */
  computeTodayMs: number;
  total: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One store for the page, as the app keeps one: its indexes follow the journal while it is open. */
let opened: Promise<DataStore> | undefined;

export async function statisticsCompute(asOf: string): Promise<StatisticsBenchFigures> {
  opened ??= openDataStore();
  const store = await opened;
  const organizations = (await liveOrganizations(store.db)) as unknown as Organization[];
  const root = organizations.find((org) => org.type === 'ward');
  if (!root) throw new Error('no ward in the bench database');
  let start = performance.now();
  await Promise.all([registerIndexFor(store.db).load(), eventsIndexFor(store.db).load()]);
  const loadMs = performance.now() - start;
  const rows = registerIndexFor(store.db).rows;
  const byMember = eventsIndexFor(store.db).byMember;
  start = performance.now();
  const prepared = prepareMembers(rows, byMember, DEFAULT_LIFECYCLE_RULES);
  const prepareMs = performance.now() - start;
  const run = (date: string) => {
    const t0 = performance.now();
    const stats = computeStatistics(rows, byMember, organizations, {
      asOf: date,
      rootOrgId: root.id,
      today: todayIso(),
      prepared,
      ...statisticsSettings(() => undefined, date),
    });
    return { ms: performance.now() - t0, total: stats.total.count };
  };
  const past = [run(asOf), run(asOf), run(asOf)];
  const today = [run(todayIso()), run(todayIso()), run(todayIso())];
  return {
    loadMs,
    prepareMs,
    computeMs: median(past.map((r) => r.ms)),
    computeTodayMs: median(today.map((r) => r.ms)),
    total: today[0]!.total,
  };
}
