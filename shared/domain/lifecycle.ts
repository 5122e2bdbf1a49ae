/**
 * The member's lifecycle: the state machine (lifecycleMachine.ts: what may happen in which state,
 * and what it changes), replaying a member's events in date order, the state on any date, and the
 * member fields an event changes. Everything here is pure.
 */
import { completeDate, compareIsoDates, isValidIsoDate } from './dates';
import {
  DEFAULT_LIFECYCLE_RULES,
  applyEvent,
  canApply,
  type LifecycleEvent,
  type LifecycleRules,
  type LifecycleState,
  type Verdict,
} from './lifecycleMachine';
import { formatDateVi } from './dates';
import { MEMBER_EVENT_TYPE_LABELS } from './labels';
import type { IsoDate, Member, MemberEventType } from './types';

export * from './lifecycleMachine';

/** Same-day order: a start, then changes, then an end; a posthumous award after the death. */
const SAME_DAY_RANK: Record<MemberEventType, number> = {
  admission: 0,
  transferIn: 1,
  readmission: 2,
  madeOfficial: 3,
  transferInternal: 4,
  temporaryReturn: 5,
  exemptionEnded: 6,
  exemption: 7,
  award: 8,
  discipline: 9,
  transferOut: 10,
  removedFromRolls: 11,
  resigned: 12,
  expelled: 13,
  deceased: 14,
};

/** An event's place among the events of its day (see SAME_DAY_RANK). */
export const sameDayRank = (event: LifecycleEvent): number =>
  event.posthumous ? 15 : SAME_DAY_RANK[event.type];

/** Date order ('1965' before '1965-04-01'), then the same-day rank, then the id: a total order. */
export function compareEvents(a: LifecycleEvent, b: LifecycleEvent): number {
  return compareIsoDates(a.date, b.date) || sameDayRank(a) - sameDayRank(b) || (a.id ?? '').localeCompare(b.id ?? '');
}

export function sortEvents<T extends LifecycleEvent>(events: readonly T[]): T[] {
  return [...events].sort(compareEvents);
}

export type ReplayResult<T extends LifecycleEvent = LifecycleEvent> =
  | { ok: true; state: LifecycleState | null }
  | { ok: false; state: LifecycleState | null; event: T; reason: string };

/** The state after every event in date order, or the first refusal with the state before it. */
export function replayEvents<T extends LifecycleEvent>(
  events: readonly T[],
  member?: Partial<Pick<Member, 'joinedOn'>>,
  rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES,
): ReplayResult<T> {
  let state: LifecycleState | null = null;
  for (const event of sortEvents(events)) {
    const verdict = canApply(state, event, member, rules);
    if (!verdict.ok) return { ok: false, state, event, reason: verdict.reason };
    state = applyEvent(state, event, member, rules);
  }
  return { ok: true, state };
}

export type MemberFacts = Pick<Member, 'id' | 'organizationId' | 'joinedOn'> & Partial<Pick<Member, 'officialOn'>>;

const STARTS = new Set<MemberEventType>(['admission', 'transferIn', 'readmission']);

/**
 * A history that can be replayed: a file entered without events gets its admission (joinedOn) and
 * official date; a start event without an organization (old events predate the organization) gets
 * the one the member attended next — the origin of the next move inside the ward, or the current one.
 */
export function completeHistory(member: MemberFacts, events: readonly LifecycleEvent[]): LifecycleEvent[] {
  const history = sortEvents(
    events.filter((e) => (e.memberId ?? member.id) === member.id && isValidIsoDate(e.date)),
  );
  if (!history.some((e) => STARTS.has(e.type)) && isValidIsoDate(member.joinedOn)) {
    history.unshift({ type: 'admission', date: member.joinedOn });
    if (
      member.officialOn &&
      isValidIsoDate(member.officialOn) &&
      !history.some((e) => e.type === 'madeOfficial')
    )
      history.push({ type: 'madeOfficial', date: member.officialOn });
  }
  let next: string | undefined = member.organizationId;
  const sorted = sortEvents(history);
  for (let i = sorted.length - 1; i >= 0; i -= 1) {
    const event = sorted[i]!;
    if (event.type === 'transferInternal' && event.transferKind !== 'temporary' && event.fromOrganizationId)
      next = event.fromOrganizationId;
    else if (STARTS.has(event.type) && !event.toOrganizationId && !event.organizationId && next)
      sorted[i] = { ...event, toOrganizationId: next };
  }
  return sorted;
}

/**
 * The member's state on a date (end of that day): null before the admission or the arrival. Events
 * the machine refuses (a history damaged elsewhere) are skipped rather than stopping the count, so
 * one bad record never hides a member from a report.
 */
export function memberStateOn(
  member: MemberFacts,
  events: readonly LifecycleEvent[],
  date: IsoDate,
  rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES,
): LifecycleState | null {
  return stateOnTimeline(memberTimeline(member, events, rules), date);
}

/**
 * A member's states after each event of the completed history, replayed once: the state on any
 * date is then a look-up, not a replay. Counts as of a date need 100,000 of these; replaying is
 * nearly all the cost, so callers keep timelines while the member and its events are unchanged.
 */
export interface MemberTimeline {
  /** `completeDate(event.date, 'start')` of each event of the history, in replay order. */
  readonly starts: readonly IsoDate[];
  /** The state after each event (an event the machine refuses leaves the state as it was). */
  readonly states: readonly (LifecycleState | null)[];
}

export function memberTimeline(
  member: MemberFacts,
  events: readonly LifecycleEvent[],
  rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES,
): MemberTimeline {
  const history = completeHistory(member, events);
  const starts: IsoDate[] = [];
  const states: (LifecycleState | null)[] = [];
  let state: LifecycleState | null = null;
  for (const event of history) {
    if (canApply(state, event, member, rules).ok) state = applyEvent(state, event, member, rules);
    starts.push(completeDate(event.date, 'start'));
    states.push(state);
  }
  return { starts, states };
}

/** The state on `date` (end of that day): after the events up to the first one that starts later. */
export function stateOnTimeline(timeline: MemberTimeline, date: IsoDate): LifecycleState | null {
  return stateAtDayEnd(timeline, completeDate(date, 'end'));
}

/** `stateOnTimeline` for a full date already completed with `completeDate(date, 'end')`. */
export function stateAtDayEnd(timeline: MemberTimeline, until: IsoDate): LifecycleState | null {
  const { starts, states } = timeline;
  let state: LifecycleState | null = null;
  for (let i = 0; i < starts.length; i += 1) {
    if (starts[i]! > until) break;
    state = states[i]!;
  }
  return state;
}

/** The state the member's record holds now (the record is the truth; events are its history). */
export function currentState(
  member: Pick<Member, 'status' | 'organizationId' | 'joinedOn'> &
    Partial<Pick<Member, 'temporaryOrganizationId' | 'temporaryExternal'>>,
  events: readonly LifecycleEvent[] = [],
): LifecycleState {
  const readmissions = sortEvents(events.filter((e) => e.type === 'readmission'));
  return {
    status: member.status,
    organizationId: member.organizationId,
    ...(member.temporaryOrganizationId && { temporaryOrganizationId: member.temporaryOrganizationId }),
    ...(member.temporaryExternal && { temporaryExternal: member.temporaryExternal }),
    probationStartedOn: readmissions.at(-1)?.date ?? member.joinedOn,
  };
}

/** The member fields an applied event changes (a key with `undefined` clears the field). */
export function memberChangesFor(state: LifecycleState, event: LifecycleEvent): Partial<Member> {
  return {
    status: state.status,
    ...(state.organizationId && { organizationId: state.organizationId }),
    temporaryOrganizationId: state.temporaryOrganizationId,
    temporaryExternal: state.temporaryExternal,
    ...(event.type === 'madeOfficial' && {
      officialOn: event.date,
      ...(event.decisionNumber && { officialDecisionNumber: event.decisionNumber }),
    }),
  };
}

/** Order of the action buttons on a member's file. */
export const ACTION_ORDER = [
  'madeOfficial',
  'transferInternal',
  'transferOut',
  'temporaryReturn',
  'exemption',
  'exemptionEnded',
  'award',
  'discipline',
  'removedFromRolls',
  'resigned',
  'expelled',
  'deceased',
  'transferIn',
  'readmission',
] as const satisfies readonly MemberEventType[];
export type LifecycleAction = (typeof ACTION_ORDER)[number];

const PROBE_ORG = 'probe-organization';

export interface ActionAvailability {
  type: LifecycleAction;
  verdict: Verdict;
}

/**
 * The actions to offer on a file today, judged by the machine itself on a probe event with typical
 * details. Refused actions are left out, except making a probationary member official before the
 * probation ends: it is shown with the reason, so the user learns the date it becomes possible.
 */
export function availableActions(
  state: LifecycleState | null,
  member: Partial<Pick<Member, 'joinedOn'>>,
  today: IsoDate,
  rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES,
): ActionAvailability[] {
  const out: ActionAvailability[] = [];
  for (const type of ACTION_ORDER) {
    const probe: LifecycleEvent = {
      type,
      date: today,
      toOrganizationId: PROBE_ORG,
      toExternal: 'probe',
      transferKind: 'official',
      disciplineForm: 'reprimand',
      posthumous: state?.status === 'deceased',
    };
    const verdict = canApply(state, probe, member, rules);
    if (verdict.ok || (type === 'madeOfficial' && state?.status === 'probationary'))
      out.push({ type, verdict });
  }
  return out;
}

/** Events that leave the status and organizations as they were (expulsion by discipline does not). */
function keepsState(event: LifecycleEvent): boolean {
  return event.type === 'award' || (event.type === 'discipline' && event.disciplineForm !== 'expulsion');
}

export type NewEventVerdict = { ok: true; state: LifecycleState } | { ok: false; reason: string };

/**
 * Judges an event a user records on a member's file and returns the member's state after it. An
 * event that changes the state must come after the latest such event (the history stays in order);
 * an award or a discipline entered from an old paper file is judged by the state on its own date.
 */
export function judgeNewEvent(
  member: MemberFacts &
    Pick<Member, 'status'> &
    Partial<Pick<Member, 'temporaryOrganizationId' | 'temporaryExternal'>>,
  events: readonly LifecycleEvent[],
  event: LifecycleEvent,
  rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES,
): NewEventVerdict {
  const now = currentState(member, events);
  const latest = sortEvents(events.filter((e) => !keepsState(e) && isValidIsoDate(e.date))).at(-1);
  if (latest && compareIsoDates(event.date, latest.date) < 0) {
    if (!keepsState(event))
      return {
        ok: false,
        reason: `Ngày ${formatDateVi(event.date)} trước sự kiện gần nhất (${MEMBER_EVENT_TYPE_LABELS[latest.type]} ngày ${formatDateVi(latest.date)}); các sự kiện làm thay đổi tình trạng phải ghi theo đúng thứ tự thời gian.`,
      };
    const verdict = canApply(memberStateOn(member, events, event.date, rules), event, member, rules);
    return verdict.ok ? { ok: true, state: now } : verdict;
  }
  const verdict = canApply(now, event, member, rules);
  if (!verdict.ok) return verdict;
  return { ok: true, state: applyEvent(now, event, member, rules) ?? now };
}

/**
 * The body that signs for an organization: a committee (đảng bộ) decides through its executive
 * committee (đảng ủy), so 'Đảng bộ phường Phúc Lợi' signs as 'Đảng ủy phường Phúc Lợi'; a branch
 * (chi bộ) decides by its own resolution under its own name.
 */
export function issuingBodyName(organizationName: string): string {
  return organizationName.replace(/^Đảng bộ(?= )/u, 'Đảng ủy');
}

// ---------------------------------------------------------------- corrections of the history

export type HistoryChangeVerdict =
  | { ok: true; changes: Partial<Member> }
  | { ok: false; reason: string };

const STATE_FIELDS = ['status', 'organizationId', 'temporaryOrganizationId', 'temporaryExternal'] as const;

/**
 * Whether the member's history may become `after` (an event deleted as a data-entry mistake,
 * corrected, or restored from the recycle bin), and what that changes on the member's record.
 * Every event of the new history must still be allowed where it falls; the record's state fields
 * change only where the state at the end of the new history differs from that of the old one, so a
 * record that holds more than its events (an old file entered without them) is not overwritten.
 */
export function judgeHistoryChange(
  member: MemberFacts,
  before: readonly LifecycleEvent[],
  after: readonly LifecycleEvent[],
  rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES,
): HistoryChangeVerdict {
  if (!after.some((e) => STARTS.has(e.type)))
    return {
      ok: false,
      reason:
        'Hồ sơ phải còn sự kiện kết nạp, kết nạp lại hoặc chuyển sinh hoạt đến. Nếu cả hồ sơ bị nhập nhầm, hãy đưa hồ sơ vào Thùng rác.',
    };
  let state: LifecycleState | null = null;
  for (const event of completeHistory(member, after)) {
    const verdict = canApply(state, event, member, rules);
    if (!verdict.ok)
      return {
        ok: false,
        reason: `Sự kiện “${MEMBER_EVENT_TYPE_LABELS[event.type]}” ngày ${formatDateVi(event.date)} sẽ không còn hợp lệ: ${verdict.reason}`,
      };
    state = applyEvent(state, event, member, rules);
  }
  const old = memberTimeline(member, before, rules).states.at(-1) ?? null;
  const changes: Partial<Member> = {};
  const record = changes as Record<string, unknown>;
  for (const field of STATE_FIELDS) {
    const next = state?.[field];
    if (old?.[field] !== next && (next !== undefined || field !== 'organizationId')) record[field] = next;
  }
  const officialBefore = sortEvents(before.filter((e) => e.type === 'madeOfficial')).at(-1);
  const officialAfter = sortEvents(after.filter((e) => e.type === 'madeOfficial')).at(-1);
  if (officialBefore?.date !== officialAfter?.date || officialBefore?.decisionNumber !== officialAfter?.decisionNumber) {
    record.officialOn = officialAfter?.date;
    record.officialDecisionNumber = officialAfter?.decisionNumber;
  }
  return { ok: true, changes };
}
