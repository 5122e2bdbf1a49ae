/**
 * Member counts per organization as of a date, for the tree and the card. The one place that turns
 * stored members (and, for a past date, their events) into member states; counting itself is the
 * pure shared/domain/orgCounts.ts, which does not care how a state was found.
 *
 * - Today (or later): the member's current fields are the truth. They are read from the indexes
 *   alone ([deleted+status] and [deleted+organizationId]), never the records: 0.7 s instead of 3 s
 *   at 100,000 members. Only the few members attending somewhere temporarily are read whole.
 * - A past date: every member's events are replayed once into a timeline (lifecycle.ts
 *   `memberTimeline`) and the state on the date is looked up in it. Members come from the
 *   register's in-memory index and events from the events index; both are read once and then follow
 *   the journal, and timelines are kept until their member or events change, so after the first
 *   date (or the background preparation) a date costs a look-up per member.
 */
import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { compareIsoDates, completeDate, todayIso } from '@shared/domain/dates';
import { memberTimeline, stateAtDayEnd, type MemberTimeline } from '@shared/domain/lifecycle';
import { countByOrganization, rollUp, type MemberState, type OrgCounts } from '@shared/domain/orgCounts';
import {
  ACTIVE_MEMBER_STATUSES,
  type ActiveMemberStatus,
  type Id,
  type IsoDate,
  type Member,
  type MemberEvent,
  type Organization,
} from '@shared/domain/types';
import type { QldvDatabase } from '../../db/database';
import { useStore } from '../../app/StoreContext';
import { registerIndexFor } from '../members/register/registerIndex';
import { eventsIndexFor } from './eventsIndex';

export interface LoadedStates {
  asOf: IsoDate;
  /** Each member's state on `asOf`; null (or missing) for members not in the ward on that date. */
  states: Map<Id, MemberState | null>;
}

const isPast = (asOf: IsoDate) => compareIsoDates(asOf, todayIso()) < 0;
/** Long enough for the first paint and a first click; short enough to be ready for a date change. */
const PRELOAD_DELAY_MS = 1500;
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Today's states of the active members, from the indexes (see the module comment). */
async function currentStates(db: QldvDatabase): Promise<Map<Id, MemberState>> {
  return db.transaction('r', db.members, db.organizations, db.memberEvents, async () => {
    const [orgIds, byStatus, temporaryEvents] = await Promise.all([
      db.organizations.toCollection().primaryKeys(),
      Promise.all(
        ACTIVE_MEMBER_STATUSES.map((s) => db.members.where('[deleted+status]').equals([0, s]).primaryKeys()),
      ),
      // Temporary transfers only (a sparse index: derived.ts `_temporaryTransfer`).
      db.memberEvents
        .where('_temporaryTransfer')
        .equals(1)
        .filter((e) => e.deleted === 0)
        .toArray(),
    ]);
    const statusOf = new Map<Id, ActiveMemberStatus>();
    ACTIVE_MEMBER_STATUSES.forEach((status, i) => {
      for (const id of byStatus[i]!) statusOf.set(id, status);
    });
    const perOrg = await Promise.all(
      orgIds.map((orgId) => db.members.where('[deleted+organizationId]').equals([0, orgId]).primaryKeys()),
    );
    const states = new Map<Id, MemberState>();
    orgIds.forEach((organizationId, i) => {
      for (const id of perOrg[i]!) {
        const status = statusOf.get(id);
        if (status) states.set(id, { status, organizationId });
      }
    });
    // Temporary attendance is on the member record (lifecycle.ts keeps it current); only members
    // who ever had a temporary transfer can have one.
    const candidates = [...new Set(temporaryEvents.map((e) => e.memberId as string))];
    for (const record of await db.members.bulkGet(candidates)) {
      const member = record as unknown as Member | undefined;
      const state = member && states.get(member.id);
      if (state && member.temporaryOrganizationId)
        state.temporaryOrganizationId = member.temporaryOrganizationId;
    }
    return states;
  });
}

/**
 * Each member's timeline (lifecycle.ts `memberTimeline`), kept while the member's row and events
 * are the same objects: the in-memory indexes replace both when they change, so a changed member
 * is replayed again and the others are not.
 */
const timelines = new WeakMap<object, { events: readonly MemberEvent[] | undefined; timeline: MemberTimeline }>();

function timelineOf(member: Member, events: readonly MemberEvent[] | undefined): MemberTimeline {
  const cached = timelines.get(member);
  if (cached && cached.events === events) return cached.timeline;
  const timeline = memberTimeline(member, events ?? []);
  timelines.set(member, { events, timeline });
  return timeline;
}

/**
 * Replays every member whose timeline is not kept yet, a few thousand at a time. Done in the
 * background once today's counts are on screen, so that choosing a past date is a look-up.
 */
export async function prepareTimelines(db: QldvDatabase): Promise<void> {
  const members = registerIndexFor(db);
  const events = eventsIndexFor(db);
  await Promise.all([members.load(), events.load()]);
  const rows = members.rows;
  const byMember = events.byMember;
  for (let i = 0; i < rows.length; i += 1) {
    timelineOf(rows[i]!, byMember.get(rows[i]!.id));
    if (i % 2000 === 1999) await yieldToBrowser();
  }
}

/** Past states: every member's timeline read at the end of `asOf`. */
async function pastStates(db: QldvDatabase, asOf: IsoDate): Promise<Map<Id, MemberState | null>> {
  const members = registerIndexFor(db);
  const events = eventsIndexFor(db);
  await Promise.all([members.load(), events.load()]);
  const until = completeDate(asOf, 'end');
  const states = new Map<Id, MemberState | null>();
  const rows = members.rows;
  const byMember = events.byMember;
  for (let i = 0; i < rows.length; i += 1) {
    const m = rows[i]!;
    const state = stateAtDayEnd(timelineOf(m, byMember.get(m.id)), until);
    states.set(
      m.id,
      state && {
        status: state.status,
        ...(state.organizationId && { organizationId: state.organizationId }),
        ...(state.temporaryOrganizationId && { temporaryOrganizationId: state.temporaryOrganizationId }),
      },
    );
    if (i % 5000 === 4999) await yieldToBrowser();
  }
  return states;
}

/** Every member's state on `asOf`, from the records (see the module comment). */
export async function loadMemberStates(db: QldvDatabase, asOf: IsoDate): Promise<LoadedStates> {
  return { asOf, states: isPast(asOf) ? await pastStates(db, asOf) : await currentStates(db) };
}

/** Bumps when the in-memory members or events change, while a past date is shown. */
function useHistoryVersion(db: QldvDatabase, active: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!active) return;
    const bump = () => setVersion((v) => v + 1);
    const unsubscribe = [registerIndexFor(db).subscribe(bump), eventsIndexFor(db).subscribe(bump)];
    return () => unsubscribe.forEach((stop) => stop());
  }, [db, active]);
  return version;
}

export interface OrgCountsResult extends LoadedStates {
  /** Members attending each organization itself. */
  own: Map<Id, OrgCounts>;
  /** Each organization with its whole sub-tree. */
  rolled: Map<Id, OrgCounts>;
}

export function useOrgCounts(
  organizations: readonly Organization[] | undefined,
  asOf: IsoDate,
): OrgCountsResult | undefined {
  const { db } = useStore();
  const past = isPast(asOf);
  const version = useHistoryVersion(db, past);
  // Today: a live query, re-run by Dexie when a member changes.
  const today = useLiveQuery(() => (past ? undefined : loadMemberStates(db, asOf)), [db, asOf, past]);
  // A past date: the in-memory indexes say when to replay (they follow the journal themselves).
  const [history, setHistory] = useState<LoadedStates | undefined>();
  useEffect(() => {
    if (!past) return;
    let current = true;
    void loadMemberStates(db, asOf).then((result) => {
      if (current) setHistory(result);
    });
    return () => {
      current = false;
    };
  }, [db, asOf, past, version]);
  // Once today's figures are on screen, read the history and replay it into timelines in the
  // background, so that choosing a past date costs a look-up (the indexes are shared with the
  // register and kept current; timelines are kept until their member changes).
  const idle = today !== undefined;
  useEffect(() => {
    if (!idle) return;
    const timer = setTimeout(() => void prepareTimelines(db), PRELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [db, idle]);
  // While a new date is counted, the last figures stay on screen (marked as being recounted).
  const [shown, setShown] = useState<LoadedStates | undefined>();
  const latest = past ? (history?.asOf === asOf ? history : undefined) : today;
  if (latest && latest !== shown) setShown(latest);
  const loaded = latest ?? shown;
  return useMemo(() => {
    if (!loaded || !organizations) return undefined;
    const options = { asOf: loaded.asOf };
    const own = countByOrganization(loaded.states.values(), organizations, options);
    return { ...loaded, own, rolled: rollUp(own, organizations, options) };
  }, [loaded, organizations]);
}

/** Names of a few members (leaders), live. */
export function useMemberNames(ids: readonly Id[]): Map<Id, string> {
  const { db } = useStore();
  const key = ids.join(',');
  const records = useLiveQuery(() => db.members.bulkGet(key ? key.split(',') : []), [db, key]);
  return useMemo(() => {
    const names = new Map<Id, string>();
    for (const record of records ?? []) if (record) names.set(record.id, String(record.fullName));
    return names;
  }, [records]);
}
