/**
 * Each member's states over time, replayed once: the state after every event, by day. A state on
 * any date is then a lookup, so statistics for a second date (or for the changes of a period,
 * which need the state on each event's date) cost no replay at all.
 *
 * The replay is `memberStateOn` (shared/domain/lifecycle.ts) done once for all dates: the same
 * history completion (a file without events gets its admission and official dates; a start event
 * without an organization gets the one the member attended next), the same order of events, the
 * same machine (`applyEvent`), and refused events skipped. Dates are parsed once into integer
 * keys instead of at every comparison. A test checks it against `memberStateOn` on the demo ward
 * for many dates, and on random histories.
 */
import {
  applyEvent,
  LifecycleError,
  type LifecycleEvent,
  type LifecycleRules,
  type LifecycleState,
} from '../domain/lifecycleMachine';
import { parsePartialDate } from '../domain/dates';
import { sameDayRank } from '../domain/lifecycle';
import type { Id, Member, MemberEvent, MemberEventType } from '../domain/types';
import { dayKeyOf, type DayKey } from './statisticsDates';

const STARTS = new Set<MemberEventType>(['admission', 'transferIn', 'readmission']);

/** Days after which the state holds (first possible day of the event), and the states, in step. */
export interface StateTimeline {
  days: DayKey[];
  states: (LifecycleState | null)[];
}

export type TimelineMember = Pick<Member, 'id' | 'organizationId' | 'joinedOn'> &
  Partial<Pick<Member, 'officialOn'>>;

interface Keyed {
  event: LifecycleEvent;
  /** compareIsoDates order: a partial date before the full dates it contains. */
  order: number;
  rank: number;
  start: DayKey;
}

function keyed(event: LifecycleEvent): Keyed | undefined {
  const date = parsePartialDate(event.date);
  if (!date) return undefined;
  return {
    event,
    order: date.year * 10000 + (date.month ?? 0) * 100 + (date.day ?? 0),
    rank: sameDayRank(event),
    start: dayKeyOf(event.date, 'start')!,
  };
}

const byOrder = (a: Keyed, b: Keyed) =>
  a.order - b.order || a.rank - b.rank || (a.event.id ?? '').localeCompare(b.event.id ?? '');

/** The member's history as memberStateOn completes it, in order. */
function completeHistory(member: TimelineMember, events: readonly MemberEvent[]): Keyed[] {
  const history: Keyed[] = [];
  let hasStart = false;
  let hasOfficial = false;
  for (const event of events) {
    if (event.memberId !== member.id) continue;
    const k = keyed(event);
    if (!k) continue;
    history.push(k);
    hasStart ||= STARTS.has(event.type);
    hasOfficial ||= event.type === 'madeOfficial';
  }
  if (!hasStart) {
    const admission = keyed({ type: 'admission', date: member.joinedOn });
    if (admission) {
      history.push(admission);
      const official =
        member.officialOn && !hasOfficial
          ? keyed({ type: 'madeOfficial', date: member.officialOn })
          : undefined;
      if (official) history.push(official);
    }
  }
  history.sort(byOrder);
  let next: Id | undefined = member.organizationId;
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const { event } = history[i]!;
    if (event.type === 'transferInternal' && event.transferKind !== 'temporary' && event.fromOrganizationId)
      next = event.fromOrganizationId;
    else if (STARTS.has(event.type) && !event.toOrganizationId && !event.organizationId && next)
      history[i] = { ...history[i]!, event: { ...event, toOrganizationId: next } };
  }
  return history;
}

export function buildTimeline(
  member: TimelineMember,
  events: readonly MemberEvent[],
  rules: LifecycleRules,
): StateTimeline {
  const days: DayKey[] = [];
  const states: (LifecycleState | null)[] = [];
  let state: LifecycleState | null = null;
  for (const { event, start } of completeHistory(member, events)) {
    try {
      state = applyEvent(state, event, member, rules);
    } catch (error) {
      // A refused event (a history damaged elsewhere) is skipped, as memberStateOn skips it.
      if (!(error instanceof LifecycleError)) throw error;
      continue;
    }
    days.push(start);
    states.push(state);
  }
  return { days, states };
}

/** The state at the end of the day `day` (a key): null before the first event. */
export function stateAt(timeline: StateTimeline, day: DayKey): LifecycleState | null {
  const { days, states } = timeline;
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (days[mid]! <= day) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? null : states[low - 1]!;
}

export type Timelines = ReadonlyMap<Id, StateTimeline>;

/** Every member's timeline; build once per data version and reuse for every date. */
export function buildTimelines(
  members: readonly TimelineMember[],
  eventsOf: ReadonlyMap<Id, readonly MemberEvent[]>,
  rules: LifecycleRules,
): Map<Id, StateTimeline> {
  const timelines = new Map<Id, StateTimeline>();
  for (const member of members)
    timelines.set(member.id, buildTimeline(member, eventsOf.get(member.id) ?? [], rules));
  return timelines;
}
