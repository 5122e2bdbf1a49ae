/**
 * The statistics of the screen and of the printed report, from the in-memory register and events
 * indexes (shared with the register and the organization tree, loaded once, following the
 * journal). The members are prepared once per version of the data (statisticsPrepared.ts: each
 * member's events replayed into a timeline), so choosing another date or organization only counts.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { todayIso } from '@shared/domain/dates';
import { DEFAULT_LIFECYCLE_RULES } from '@shared/domain/lifecycleMachine';
import type { Id, IsoDate, MemberEvent, Organization } from '@shared/domain/types';
import type { RegisterRow } from '@shared/reports/register';
import { computeStatistics, type Statistics } from '@shared/reports/statistics';
import {
  collectPrepared,
  prepareMember,
  type PreparedMember,
  type PreparedMembers,
} from '@shared/reports/statisticsPrepared';
import { statisticsSettings, type StatisticsSettings } from '@shared/reports/statisticsSettings';
import { useStore } from '../../app/StoreContext';
import { registerIndexFor } from '../members/register/registerIndex';
import { eventsIndexFor } from '../organizations/eventsIndex';

export interface StatisticsData {
  rows: readonly RegisterRow[];
  byMember: ReadonlyMap<Id, readonly MemberEvent[]>;
  prepared: PreparedMembers<RegisterRow>;
}

/** Members prepared per slice before the page gets the main thread back (a frame at 100,000). */
const PREPARE_SLICE = 5000;
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Every member prepared, a slice at a time so the screen stays responsive at 100,000 members. */
async function prepareInSlices(
  rows: readonly RegisterRow[],
  byMember: ReadonlyMap<Id, readonly MemberEvent[]>,
  isCurrent: () => boolean,
): Promise<PreparedMembers<RegisterRow> | undefined> {
  const prepared: PreparedMember<RegisterRow>[] = [];
  for (let start = 0; start < rows.length; start += PREPARE_SLICE) {
    for (const row of rows.slice(start, start + PREPARE_SLICE))
      prepared.push(prepareMember(row, byMember.get(row.id) ?? [], DEFAULT_LIFECYCLE_RULES));
    await yieldToBrowser();
    if (!isCurrent()) return undefined;
  }
  return collectPrepared(prepared);
}

/** The register and its events in memory, prepared; undefined while they load. */
export function useStatisticsData(): StatisticsData | undefined {
  const { db } = useStore();
  const [version, setVersion] = useState(0);
  const [data, setData] = useState<StatisticsData | undefined>();
  useEffect(() => {
    const members = registerIndexFor(db);
    const events = eventsIndexFor(db);
    const bump = () => setVersion((v) => v + 1);
    const stops = [members.subscribe(bump), events.subscribe(bump)];
    return () => stops.forEach((stop) => stop());
  }, [db]);
  // Load (once per database) and prepare again whenever either index replaced its arrays; the
  // previous figures stay on screen meanwhile.
  useEffect(() => {
    let current = true;
    const members = registerIndexFor(db);
    const events = eventsIndexFor(db);
    void Promise.all([members.load(), events.load()]).then(async () => {
      const rows = members.rows;
      const byMember = events.byMember;
      const prepared = await prepareInSlices(rows, byMember, () => current);
      if (current && prepared) setData({ rows, byMember, prepared });
    });
    return () => {
      current = false;
    };
  }, [db, version]);
  return data;
}

/** The statistics settings in force on `asOf`, following the office's stored versions live. */
export function useStatisticsSettings(asOf: IsoDate): StatisticsSettings {
  const { db } = useStore();
  const records = useLiveQuery(() => db.settings.toArray(), [db]);
  return useMemo(() => {
    const versions = new Map<string, unknown[]>();
    for (const record of records ?? [])
      if (record.deleted === 0 && Array.isArray(record.versions))
        versions.set(record.id, record.versions as unknown[]);
    return statisticsSettings((key) => versions.get(key), asOf);
  }, [records, asOf]);
}

export interface StatisticsQuery {
  asOf: IsoDate;
  rootOrgId: Id | undefined;
  period: { from: IsoDate; to: IsoDate };
}

export function useStatistics(
  data: StatisticsData | undefined,
  organizations: readonly Organization[] | undefined,
  query: StatisticsQuery,
): Statistics | undefined {
  const settings = useStatisticsSettings(query.asOf);
  const { asOf, rootOrgId, period } = query;
  const { from, to } = period;
  return useMemo(() => {
    if (!data || !organizations || !rootOrgId) return undefined;
    return computeStatistics(data.rows, data.byMember, organizations, {
      asOf,
      rootOrgId,
      today: todayIso(),
      period: { from, to },
      prepared: data.prepared,
      ...settings,
    });
  }, [data, organizations, rootOrgId, asOf, from, to, settings]);
}
