/**
 * What the statistics need of each member, worked out once per version of the data rather than
 * for every date: the states over time (statisticsTimeline.ts), the dates as integer keys, the
 * education level, the gaps in party tenure and the events a period may count. A statistics run
 * for a date is then lookups and counting.
 */
import { generalEducationGroup, type GeneralEducationGroup } from '../domain/codeLists';
import type { LifecycleRules } from '../domain/lifecycleMachine';
import type { Id, Member, MemberEvent, MemberEventType } from '../domain/types';
import { dayKeyOf, wholeMonthsBetween, type DayKey } from './statisticsDates';
import { buildTimeline, type StateTimeline } from './statisticsTimeline';

export type PreparedMemberFields = Pick<
  Member,
  'id' | 'organizationId' | 'status' | 'joinedOn' | 'sex' | 'birthDate'
> &
  Partial<
    Pick<
      Member,
      | 'fullName'
      | 'officialOn'
      | 'admissionDecisionDate'
      | 'ethnicity'
      | 'religion'
      | 'generalEducation'
      | 'professionalQualification'
      | 'academicTitle'
      | 'politicalTheory'
      | 'temporaryOrganizationId'
    >
  >;

/** An event a period may count, with its first possible day. */
export interface DatedEvent {
  event: MemberEvent;
  day: DayKey;
}

export interface PreparedMember<M extends PreparedMemberFields = PreparedMemberFields> {
  member: M;
  timeline: StateTimeline;
  born?: DayKey;
  joined?: DayKey;
  /** Start of party tenure: the admission decision, else the ceremony (domain.md §3.5). */
  tenureStart?: DayKey;
  /** Times out of the Party that ended in a readmission: [left on, readmitted on]. */
  tenureGaps: [DayKey, DayKey][];
  education?: GeneralEducationGroup;
  changes: DatedEvent[];
}

const COUNTED_EVENTS = new Set<MemberEventType>([
  'admission',
  'readmission',
  'madeOfficial',
  'transferIn',
  'transferOut',
  'transferInternal',
  'deceased',
  'removedFromRolls',
  'expelled',
  'resigned',
  'discipline',
]);
const EXITS = new Set<MemberEventType>(['removedFromRolls', 'expelled', 'resigned']);

function isExit(event: Pick<MemberEvent, 'type' | 'disciplineForm'>): boolean {
  return EXITS.has(event.type) || (event.type === 'discipline' && event.disciplineForm === 'expulsion');
}

/** The gaps between leaving the Party and being readmitted, in date order. */
export function tenureGaps(
  events: readonly Pick<MemberEvent, 'type' | 'date' | 'disciplineForm'>[],
): [DayKey, DayKey][] {
  if (!events.some((e) => e.type === 'readmission')) return [];
  const dated = events
    .map((event) => ({ event, day: dayKeyOf(event.date) }))
    .filter((x): x is { event: (typeof events)[number]; day: DayKey } => x.day !== undefined)
    .sort((a, b) => a.day - b.day);
  const gaps: [DayKey, DayKey][] = [];
  let leftOn: DayKey | undefined;
  for (const { event, day } of dated) {
    if (isExit(event)) leftOn ??= day;
    else if (event.type === 'readmission' && leftOn !== undefined) {
      gaps.push([leftOn, day]);
      leftOn = undefined;
    }
  }
  return gaps;
}

/**
 * Whole months of party tenure on `asOf`, less the gaps closed by then; undefined before it starts.
 * A partial date counts from its first day, the reading that gives the member the benefit of the doubt.
 */
export function tenureMonthsAt(
  start: DayKey | undefined,
  gaps: readonly [DayKey, DayKey][],
  asOf: DayKey,
): number | undefined {
  if (start === undefined || start > asOf) return undefined;
  let months = wholeMonthsBetween(start, asOf);
  for (const [left, back] of gaps) if (back <= asOf) months -= wholeMonthsBetween(left, back);
  return Math.max(0, months);
}

export function prepareMember<M extends PreparedMemberFields>(
  member: M,
  events: readonly MemberEvent[],
  rules: LifecycleRules,
): PreparedMember<M> {
  const changes: DatedEvent[] = [];
  for (const event of events) {
    if (!COUNTED_EVENTS.has(event.type)) continue;
    const day = dayKeyOf(event.date, 'start');
    if (day !== undefined) changes.push({ event, day });
  }
  const joined = dayKeyOf(member.joinedOn);
  const prepared: PreparedMember<M> = {
    member,
    timeline: buildTimeline(member, events, rules),
    tenureGaps: tenureGaps(events),
    changes,
  };
  const born = dayKeyOf(member.birthDate);
  if (born !== undefined) prepared.born = born;
  if (joined !== undefined) prepared.joined = joined;
  const tenureStart = dayKeyOf(member.admissionDecisionDate) ?? joined;
  if (tenureStart !== undefined) prepared.tenureStart = tenureStart;
  const education = generalEducationGroup(member.generalEducation);
  if (education) prepared.education = education;
  return prepared;
}

/** An event a period may count, with the member it belongs to. */
export interface MemberChange<M extends PreparedMemberFields = PreparedMemberFields> extends DatedEvent {
  prepared: PreparedMember<M>;
}

/** Every member prepared, in the order given; build once per data version and reuse for every date. */
export interface PreparedMembers<M extends PreparedMemberFields = PreparedMemberFields> {
  members: PreparedMember<M>[];
  byId: Map<Id, PreparedMember<M>>;
  /** Every countable event of every member, by day: a period is a range of it, found by bisection. */
  changes: MemberChange<M>[];
}

export function prepareMembers<M extends PreparedMemberFields>(
  members: readonly M[],
  eventsOf: ReadonlyMap<Id, readonly MemberEvent[]>,
  rules: LifecycleRules,
): PreparedMembers<M> {
  return collectPrepared(
    members.map((member) => prepareMember(member, eventsOf.get(member.id) ?? [], rules)),
  );
}

/** The prepared members as one structure (a caller may prepare them a slice at a time). */
export function collectPrepared<M extends PreparedMemberFields>(
  prepared: PreparedMember<M>[],
): PreparedMembers<M> {
  const changes = prepared.flatMap((p) => p.changes.map((change) => ({ ...change, prepared: p })));
  changes.sort((a, b) => a.day - b.day);
  return { members: prepared, byId: new Map(prepared.map((p) => [p.member.id, p])), changes };
}
