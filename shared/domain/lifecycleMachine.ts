/**
 * The member's lifecycle as a state machine over dated events (domain.md §3, §7.8–7.10).
 *
 * State: the status, the organization of official attendance, and a temporary attendance elsewhere
 * (inside the ward: `temporaryOrganizationId`, not counted there; outside: `temporaryExternal`).
 * `null` is "not (yet) a member of this register".
 *
 * Decisions (see also the report of the "registers" issue):
 * - A move between two organizations of the ward is ONE event, `transferInternal`, with both ids
 *   (kind official: the member's organization changes; kind temporary: only the temporary attendance).
 *   `transferIn` / `transferOut` are kept for crossings of the ward's boundary, so period statistics
 *   of the ward count only real arrivals and departures, and a branch counts both.
 * - Exemption (miễn công tác và sinh hoạt đảng) is for official members only: probation exists to
 *   prove the member in activity, and §3.4 turns a probationary member unfit to continue into a
 *   removal. An exempted member is still a full member, so `cách chức` and `khai trừ` apply to them.
 * - A temporary attendance ends with `temporaryReturn`; a new temporary transfer replaces the old one.
 * - A transfer in from outside starts as official unless `arrivalStatus` says probationary; a
 *   temporary transfer in from outside (a visitor) has no organization of its own, so it is never
 *   counted; their `temporaryReturn` ends as `transferredOut`.
 * - `madeOfficial` takes effect on the day the probation ends (§3.1), never before it.
 */
import { addMonths, formatDateVi, isFullIsoDate } from './dates';
import { DISCIPLINE_FORM_LABELS } from './labels';
import { surelyAfter } from './ruleIssues';
import {
  isActiveMemberStatus,
  type ActiveMemberStatus,
  type Id,
  type IsoDate,
  type Member,
  type MemberEvent,
  type MemberEventType,
  type MemberStatus,
} from './types';

export interface LifecycleState {
  status: MemberStatus;
  organizationId?: Id;
  temporaryOrganizationId?: Id;
  temporaryExternal?: string;
  /** Start of the current probation: the admission or readmission ceremony. */
  probationStartedOn?: IsoDate;
}

/** An event as the machine reads it: ids are not needed to judge it. */
export type LifecycleEvent = Omit<MemberEvent, 'id' | 'memberId'> &
  Partial<Pick<MemberEvent, 'id' | 'memberId'>>;

export type Verdict = { ok: true } | { ok: false; reason: string };

export interface LifecycleRules {
  /** Probation length in months (setting probation.months, in force on the ceremony day). */
  probationMonths: number;
}

export const DEFAULT_LIFECYCLE_RULES: LifecycleRules = { probationMonths: 12 };

const ENDED_VERB: Partial<Record<MemberStatus, string>> = {
  removedFromRolls: 'bị xóa tên',
  expelled: 'bị khai trừ',
  resigned: 'ra khỏi Đảng',
};

const refuse = (reason: string): Verdict => ({ ok: false, reason });
const OK: Verdict = { ok: true };

/** Why nothing but the way back is possible from a state that is not active. */
function inactiveReason(state: LifecycleState | null): string {
  if (!state) return 'Chưa có sự kiện kết nạp hoặc chuyển sinh hoạt đến; hãy ghi sự kiện đó trước.';
  if (state.status === 'deceased')
    return 'Đảng viên đã từ trần; sau khi từ trần chỉ ghi được khen thưởng truy tặng.';
  if (state.status === 'transferredOut')
    return 'Đảng viên đã chuyển sinh hoạt ra khỏi Đảng bộ; chỉ ghi được việc chuyển sinh hoạt đến khi đồng chí trở lại.';
  return `Đảng viên đã ${ENDED_VERB[state.status] ?? 'thôi sinh hoạt'}; chỉ có thể kết nạp lại.`;
}

type ActiveState = LifecycleState & { status: ActiveMemberStatus };

function isActive(state: LifecycleState | null): state is ActiveState {
  return state !== null && isActiveMemberStatus(state.status);
}

function canStart(state: LifecycleState | null, event: LifecycleEvent): Verdict {
  const org = event.toOrganizationId ?? event.organizationId;
  if (event.type === 'admission') {
    if (state)
      return refuse('Đồng chí này đã có sự kiện kết nạp; người đã ra khỏi Đảng thì dùng “Kết nạp lại”.');
    return org ? OK : refuse('Chưa chọn tổ chức đảng nơi kết nạp.');
  }
  // transferIn: a visitor (temporary, no organization of its own) may later arrive officially.
  const visitor = isActive(state) && state.organizationId === undefined;
  if (state && state.status !== 'transferredOut' && !visitor) {
    if (isActive(state))
      return refuse(
        'Đảng viên đang sinh hoạt trong Đảng bộ; chuyển giữa hai tổ chức của Đảng bộ hãy dùng “Chuyển sinh hoạt trong Đảng bộ”.',
      );
    return refuse(inactiveReason(state));
  }
  return org ? OK : refuse('Chưa chọn tổ chức đảng tiếp nhận.');
}

function canTransferInternal(state: LifecycleState, event: LifecycleEvent): Verdict {
  const to = event.toOrganizationId;
  if (!to) return refuse('Chưa chọn tổ chức đảng chuyển đến.');
  if (to === state.organizationId)
    return refuse('Tổ chức chuyển đến trùng với tổ chức đảng viên đang sinh hoạt; hãy chọn tổ chức khác.');
  if (event.fromOrganizationId && state.organizationId && event.fromOrganizationId !== state.organizationId)
    return refuse('Tổ chức chuyển đi không phải là tổ chức đảng viên đang sinh hoạt.');
  return OK;
}

function canDiscipline(state: LifecycleState, event: LifecycleEvent): Verdict {
  const form = event.disciplineForm;
  if (!form) return refuse('Chưa chọn hình thức kỷ luật.');
  if (state.status === 'probationary' && (form === 'dismissal' || form === 'expulsion'))
    return refuse(
      `Đảng viên dự bị chỉ bị kỷ luật khiển trách hoặc cảnh cáo; hình thức ${DISCIPLINE_FORM_LABELS[form].toLocaleLowerCase('vi')} chỉ áp dụng với đảng viên chính thức.`,
    );
  return OK;
}

function canMakeOfficial(
  state: LifecycleState,
  event: LifecycleEvent,
  member: Partial<Pick<Member, 'joinedOn'>> | undefined,
  rules: LifecycleRules,
): Verdict {
  if (state.status !== 'probationary')
    return refuse(
      state.status === 'official' || state.status === 'exempted'
        ? 'Đồng chí này đã là đảng viên chính thức.'
        : 'Chỉ đảng viên dự bị mới được công nhận chính thức.',
    );
  const start = state.probationStartedOn ?? member?.joinedOn;
  if (start && isFullIsoDate(start) && isFullIsoDate(event.date)) {
    const due = addMonths(start, rules.probationMonths);
    if (event.date < due)
      return refuse(
        `Chưa đủ ${rules.probationMonths} tháng dự bị: đồng chí vào Đảng ngày ${formatDateVi(start)}, sớm nhất được công nhận chính thức từ ngày ${formatDateVi(due)}.`,
      );
  }
  return OK;
}

/** Whether the event may happen to a member in this state; the refusal says why, in Vietnamese. */
export function canApply(
  state: LifecycleState | null,
  event: LifecycleEvent,
  member?: Partial<Pick<Member, 'joinedOn'>>,
  rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES,
): Verdict {
  if (event.type === 'admission' || event.type === 'transferIn') return canStart(state, event);
  const joined = state?.probationStartedOn ?? member?.joinedOn;
  if (event.type !== 'readmission' && joined && surelyAfter(joined, event.date))
    return refuse(
      `Ngày của sự kiện (${formatDateVi(event.date)}) trước ngày vào Đảng (${formatDateVi(joined)}).`,
    );
  if (event.type === 'award') {
    if (state?.status === 'deceased')
      return event.posthumous
        ? OK
        : refuse('Sau khi từ trần chỉ ghi được khen thưởng truy tặng; hãy đánh dấu “Truy tặng”.');
    if (!isActive(state)) return refuse(inactiveReason(state));
    return event.posthumous ? refuse('Chỉ truy tặng cho đảng viên đã từ trần.') : OK;
  }
  if (event.type === 'readmission') {
    if (state && ENDED_VERB[state.status]) return OK;
    if (isActive(state)) return refuse('Đồng chí này đang là đảng viên; không cần kết nạp lại.');
    return refuse(
      state?.status === 'deceased' || state?.status === 'transferredOut'
        ? inactiveReason(state)
        : 'Chỉ kết nạp lại người đã bị xóa tên, bị khai trừ hoặc đã ra khỏi Đảng.',
    );
  }
  if (!isActive(state)) return refuse(inactiveReason(state));
  switch (event.type) {
    case 'madeOfficial':
      return canMakeOfficial(state, event, member, rules);
    case 'exemption':
      if (state.status === 'exempted') return refuse('Đảng viên đang được miễn công tác và sinh hoạt đảng.');
      return state.status === 'official'
        ? OK
        : refuse(
            'Chỉ đảng viên chính thức mới được miễn công tác và sinh hoạt đảng; đảng viên dự bị cần sinh hoạt đầy đủ để được xét công nhận chính thức.',
          );
    case 'exemptionEnded':
      return state.status === 'exempted'
        ? OK
        : refuse('Đảng viên không ở diện miễn công tác và sinh hoạt đảng.');
    case 'transferInternal':
      return canTransferInternal(state, event);
    case 'transferOut':
      return event.transferKind === 'temporary' && !event.toExternal && !event.toOrganizationId
        ? refuse('Chưa ghi nơi đảng viên đến sinh hoạt tạm thời.')
        : OK;
    case 'temporaryReturn':
      return state.temporaryOrganizationId || state.temporaryExternal
        ? OK
        : refuse('Đảng viên không đang sinh hoạt tạm thời ở nơi khác.');
    case 'expelled':
      return state.status === 'probationary'
        ? refuse('Đảng viên dự bị không bị khai trừ; nếu không đủ tư cách đảng viên thì đề nghị xóa tên.')
        : OK;
    case 'discipline':
      return canDiscipline(state, event);
    case 'removedFromRolls':
    case 'resigned':
    case 'deceased':
      return OK;
  }
}

export class LifecycleError extends Error {
  override name = 'LifecycleError';
}

function withoutTemporary(state: LifecycleState): LifecycleState {
  const { temporaryOrganizationId: _a, temporaryExternal: _b, ...rest } = state;
  return rest;
}

const ENDING: Partial<Record<MemberEventType, MemberStatus>> = {
  removedFromRolls: 'removedFromRolls',
  expelled: 'expelled',
  resigned: 'resigned',
  deceased: 'deceased',
};

/** The state after the event; throws LifecycleError with the refusal when it may not happen. */
export function applyEvent(
  state: LifecycleState | null,
  event: LifecycleEvent,
  member?: Partial<Pick<Member, 'joinedOn'>>,
  rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES,
): LifecycleState | null {
  const verdict = canApply(state, event, member, rules);
  if (!verdict.ok) throw new LifecycleError(verdict.reason);
  const org = event.toOrganizationId ?? event.organizationId;
  const ending = ENDING[event.type];
  if (ending) return { ...withoutTemporary(state!), status: ending };
  switch (event.type) {
    case 'admission':
      return { status: 'probationary', organizationId: org, probationStartedOn: event.date };
    case 'readmission':
      return {
        status: 'probationary',
        organizationId: org ?? state!.organizationId,
        probationStartedOn: event.date,
      };
    case 'transferIn': {
      const status = event.arrivalStatus ?? 'official';
      const start =
        status === 'probationary'
          ? { probationStartedOn: state?.probationStartedOn ?? member?.joinedOn }
          : {};
      if (event.transferKind === 'temporary') return { status, temporaryOrganizationId: org, ...start };
      return { status, organizationId: org, ...start };
    }
    case 'madeOfficial':
      return { ...state!, status: 'official' };
    case 'exemption':
      return { ...state!, status: 'exempted' };
    case 'exemptionEnded':
      return { ...state!, status: 'official' };
    case 'transferInternal':
      return event.transferKind === 'temporary'
        ? { ...withoutTemporary(state!), temporaryOrganizationId: event.toOrganizationId }
        : { ...withoutTemporary(state!), organizationId: event.toOrganizationId };
    case 'transferOut':
      if (event.transferKind !== 'temporary')
        return { ...withoutTemporary(state!), status: 'transferredOut' };
      return event.toExternal
        ? { ...withoutTemporary(state!), temporaryExternal: event.toExternal }
        : { ...withoutTemporary(state!), temporaryOrganizationId: event.toOrganizationId };
    case 'temporaryReturn':
      return state!.organizationId === undefined
        ? { ...withoutTemporary(state!), status: 'transferredOut' }
        : withoutTemporary(state!);
    case 'discipline':
      return event.disciplineForm === 'expulsion'
        ? { ...withoutTemporary(state!), status: 'expelled' }
        : state;
    default:
      return state;
  }
}
