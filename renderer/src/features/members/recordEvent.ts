/**
 * Recording a lifecycle event from a dialog: the event built from the form, judged by the shared
 * rules (eventRules: what it must carry; lifecycle: whether it may happen now), then ONE commit with
 * the event and the member's new status, organization and temporary attendance.
 */
import { parseDateVi } from '@shared/domain/dates';
import { checkEvent } from '@shared/domain/eventRules';
import {
  judgeNewEvent,
  memberChangesFor,
  type LifecycleAction,
  type LifecycleRules,
} from '@shared/domain/lifecycle';
import type { RuleResult } from '@shared/domain/ruleIssues';
import type { ArrivalStatus, DisciplineForm, IsoDate, MemberEvent, TransferKind } from '@shared/domain/types';
import { normalizeText } from '@shared/text/vi';
import { commit, upsert, type Draft } from '../../db/writePath';
import type { DataStore } from '../../db/store';
import { dateFromText } from './DateTextInput';
import type { StoredEvent, StoredMember } from './memberQueries';

/** One dialog per kind; a transfer is one dialog whose destination decides inside or outside the ward. */
export type DialogKind = Exclude<LifecycleAction, 'transferInternal' | 'transferOut'> | 'transfer';

export function dialogKindOf(action: LifecycleAction): DialogKind {
  return action === 'transferInternal' || action === 'transferOut' ? 'transfer' : action;
}

export interface EventFormValues {
  date?: string;
  decisionNumber?: string;
  issuedBy?: string;
  note?: string;
  destination?: 'inside' | 'outside';
  transferKind?: TransferKind;
  toOrganizationId?: string;
  toExternal?: string;
  fromExternal?: string;
  /** 'mm/yyyy' as typed. */
  duesPaidThrough?: string;
  temporaryUntil?: string;
  arrivalStatus?: ArrivalStatus;
  reason?: string;
  requestedOn?: string;
  medicalEvidence?: string;
  causeOfDeath?: string;
  awardName?: string;
  badgeYears?: number;
  posthumous?: boolean;
  disciplineForm?: DisciplineForm;
}

const TEXT_FIELDS = [
  'decisionNumber',
  'issuedBy',
  'note',
  'toExternal',
  'fromExternal',
  'reason',
  'medicalEvidence',
  'causeOfDeath',
  'awardName',
] as const;

/** 'mm/yyyy' (or a full date) → 'YYYY-MM'; unreadable text is kept for the rule to report. */
function yearMonth(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const iso = parseDateVi(trimmed);
  return iso && iso.length >= 7 ? iso.slice(0, 7) : trimmed;
}

export function eventFromForm(
  kind: DialogKind,
  values: EventFormValues,
  member: StoredMember,
  newId: () => string = () => crypto.randomUUID(),
): MemberEvent {
  const type: MemberEvent['type'] =
    kind === 'transfer' ? (values.destination === 'outside' ? 'transferOut' : 'transferInternal') : kind;
  const event: Record<string, unknown> = {
    id: newId(),
    memberId: member.id,
    type,
    date: dateFromText(values.date) ?? '',
    organizationId: member.organizationId,
  };
  for (const field of TEXT_FIELDS) {
    const text = normalizeText(values[field] ?? '');
    if (text) event[field] = text;
  }
  const requested = dateFromText(values.requestedOn);
  if (requested) event.requestedOn = requested;
  if (type === 'transferInternal' || type === 'transferOut' || type === 'transferIn') {
    event.transferKind = values.transferKind;
    event.duesPaidThrough = yearMonth(values.duesPaidThrough);
    if (values.transferKind === 'temporary') event.temporaryUntil = dateFromText(values.temporaryUntil);
  }
  if (type === 'transferInternal' || type === 'transferOut') event.fromOrganizationId = member.organizationId;
  if (type === 'transferOut') delete event.toOrganizationId;
  else if (type !== 'transferIn' || values.toOrganizationId) event.toOrganizationId = values.toOrganizationId;
  if (type !== 'transferOut') delete event.toExternal;
  if (type === 'transferIn') event.arrivalStatus = values.arrivalStatus;
  if (type === 'award') {
    if (values.badgeYears) event.badgeYears = values.badgeYears;
    if (values.posthumous) event.posthumous = true;
  }
  if (type === 'discipline') event.disciplineForm = values.disciplineForm;
  for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
  return event as unknown as MemberEvent;
}

export type EventJudgement =
  | { ok: true; warnings: RuleResult['warnings']; ops: () => Promise<void> }
  | { ok: false; errors: RuleResult['errors']; refusal?: string };

export interface JudgeContext {
  today: IsoDate;
  rules: LifecycleRules;
  badgeMilestones: readonly number[];
}

/** Everything the rules say about the event, and the commit to run when it may be recorded. */
export function judgeEvent(
  store: DataStore,
  event: MemberEvent,
  member: StoredMember,
  events: readonly StoredEvent[],
  context: JudgeContext,
): EventJudgement {
  const { errors, warnings } = checkEvent(event, {
    today: context.today,
    badgeMilestones: context.badgeMilestones,
  });
  if (errors.length > 0) return { ok: false, errors };
  const verdict = judgeNewEvent(member, events, event, context.rules);
  if (!verdict.ok) return { ok: false, errors: [], refusal: verdict.reason };
  const changes = memberChangesFor(verdict.state, event);
  return {
    ok: true,
    warnings,
    ops: async () => {
      await commit(store, [
        upsert('memberEvents', [event as unknown as Draft]),
        upsert('members', [{ ...changes, id: member.id }]),
      ]);
    },
  };
}
