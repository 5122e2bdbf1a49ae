/**
 * What a lifecycle event must carry (domain.md §7.15–7.16 and the forms of §2.1): the fields each
 * kind needs, real dates not in the future, and the warnings of the rules (no medical evidence for an
 * exemption, a temporary transfer outside 3 months – 1 year). Whether the event may happen at all is
 * the state machine's question (lifecycle.ts).
 */
import { completeDate, isFullIsoDate, monthsBetween } from './dates';
import type { LifecycleEvent } from './lifecycleMachine';
import {
  IssueList,
  invalidDateMessage,
  shownDate,
  surelyAfter,
  validDate,
  type RuleResult,
} from './ruleIssues';
import type { IsoDate } from './types';

export type EventDraft = Partial<LifecycleEvent> & Pick<LifecycleEvent, 'type'>;

export interface EventRuleContext {
  today: IsoDate;
  /** Party badge milestones in force (setting badge.milestones). */
  badgeMilestones?: readonly number[];
}

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const TRANSFERS = new Set(['transferIn', 'transferOut', 'transferInternal']);
const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && !value.trim());

function checkDates(event: EventDraft, context: EventRuleContext, issues: IssueList): IsoDate | undefined {
  if (blank(event.date)) {
    issues.error('date', 'Hãy nhập ngày của sự kiện (ngày/tháng/năm).');
    return undefined;
  }
  const date = validDate(event.date);
  if (!date) {
    issues.error('date', invalidDateMessage('Ngày', String(event.date)));
    return undefined;
  }
  if (surelyAfter(date, context.today)) {
    issues.error('date', `Ngày ${shownDate(date)} ở sau ngày hôm nay; chỉ ghi những sự kiện đã diễn ra.`);
    return undefined;
  }
  if (!blank(event.requestedOn)) {
    const requested = validDate(event.requestedOn);
    if (!requested)
      issues.error('requestedOn', invalidDateMessage('Ngày làm đơn', String(event.requestedOn)));
    else if (surelyAfter(requested, date))
      issues.error(
        'requestedOn',
        `Ngày làm đơn (${shownDate(requested)}) phải trước hoặc cùng ngày ${shownDate(date)} của sự kiện.`,
      );
  }
  return date;
}

function checkTransfer(event: EventDraft, date: IsoDate | undefined, issues: IssueList): void {
  if (!event.transferKind)
    issues.error('transferKind', 'Hãy chọn hình thức chuyển sinh hoạt: chính thức hoặc tạm thời.');
  if (blank(event.decisionNumber))
    issues.error('decisionNumber', 'Hãy ghi số giấy giới thiệu sinh hoạt đảng.');
  if (event.type === 'transferInternal' && !event.toOrganizationId)
    issues.error('toOrganizationId', 'Hãy chọn tổ chức đảng chuyển đến.');
  if (event.type === 'transferOut' && blank(event.toExternal))
    issues.error('toExternal', 'Hãy ghi tên tổ chức đảng nơi chuyển đến.');
  if (event.type === 'transferIn' && !event.toOrganizationId)
    issues.error('toOrganizationId', 'Hãy chọn tổ chức đảng tiếp nhận.');
  if (event.type === 'transferIn' && blank(event.fromExternal))
    issues.warn('fromExternal', 'Chưa ghi tổ chức đảng nơi chuyển đi; hãy ghi theo giấy giới thiệu.');
  const dues = event.duesPaidThrough;
  if (!blank(dues) && !YEAR_MONTH.test(String(dues)))
    issues.error(
      'duesPaidThrough',
      'Tháng đã đóng đảng phí không hợp lệ; hãy nhập theo dạng tháng/năm, ví dụ 06/2025.',
    );
  else if (blank(dues) && event.type !== 'transferIn')
    issues.error('duesPaidThrough', 'Hãy ghi tháng đã đóng đảng phí đến hết (theo giấy giới thiệu).');
  if (event.transferKind === 'temporary') checkTemporaryLength(event, date, issues);
}

/** §3.2: a temporary transfer lasts 3 months to under 1 year (up to 2 years for full-time study). */
function checkTemporaryLength(event: EventDraft, date: IsoDate | undefined, issues: IssueList): void {
  if (blank(event.temporaryUntil)) {
    issues.warn(
      'temporaryUntil',
      'Chưa ghi thời hạn sinh hoạt tạm thời; hãy ghi ngày hết hạn theo giấy giới thiệu.',
    );
    return;
  }
  const until = validDate(event.temporaryUntil);
  if (!until) {
    issues.error('temporaryUntil', invalidDateMessage('Ngày hết hạn', String(event.temporaryUntil)));
    return;
  }
  if (!date) return;
  if (!surelyAfter(until, date)) {
    issues.error(
      'temporaryUntil',
      `Ngày hết hạn sinh hoạt tạm thời (${shownDate(until)}) phải sau ngày chuyển (${shownDate(date)}).`,
    );
    return;
  }
  const months = monthsBetween(
    completeDate(date, 'start'),
    isFullIsoDate(until) ? until : completeDate(until, 'end'),
  );
  if (months < 3)
    issues.warn(
      'temporaryUntil',
      `Thời hạn sinh hoạt tạm thời chỉ ${months} tháng; quy định là từ 3 tháng đến dưới 1 năm.`,
    );
  else if (months > 24)
    issues.warn(
      'temporaryUntil',
      `Thời hạn sinh hoạt tạm thời là ${months} tháng, quá 2 năm (mức tối đa cho người đi học tập trung).`,
    );
  else if (months >= 12)
    issues.warn(
      'temporaryUntil',
      `Thời hạn sinh hoạt tạm thời là ${months} tháng; quá 1 năm chỉ áp dụng cho người đi học tập trung (tối đa 2 năm).`,
    );
}

function checkDetails(event: EventDraft, context: EventRuleContext, issues: IssueList): void {
  switch (event.type) {
    case 'exemption':
      if (blank(event.reason)) issues.error('reason', 'Hãy ghi lý do miễn công tác và sinh hoạt đảng.');
      if (blank(event.requestedOn)) issues.error('requestedOn', 'Hãy ghi ngày đảng viên làm đơn đề nghị.');
      if (blank(event.medicalEvidence))
        issues.warn(
          'medicalEvidence',
          'Chưa ghi giấy tờ y tế kèm theo; đơn xin miễn sinh hoạt thường có xác nhận của cơ sở y tế.',
        );
      break;
    case 'removedFromRolls':
    case 'expelled':
    case 'resigned':
      if (blank(event.reason)) issues.error('reason', 'Hãy ghi lý do theo quyết định.');
      break;
    case 'deceased':
      if (blank(event.causeOfDeath))
        issues.warn('causeOfDeath', 'Chưa ghi nguyên nhân từ trần (sổ 7-HSĐV có cột này).');
      break;
    case 'award':
      if (blank(event.awardName) && !event.badgeYears)
        issues.error('awardName', 'Hãy ghi hình thức khen thưởng hoặc chọn mốc Huy hiệu Đảng.');
      if (event.badgeYears && context.badgeMilestones && !context.badgeMilestones.includes(event.badgeYears))
        issues.warn('badgeYears', `${event.badgeYears} năm không phải là một mốc Huy hiệu Đảng.`);
      break;
    case 'discipline':
      if (!event.disciplineForm) issues.error('disciplineForm', 'Hãy chọn hình thức kỷ luật.');
      if (blank(event.reason)) issues.error('reason', 'Hãy ghi lý do kỷ luật.');
      break;
    case 'readmission':
      if (!event.toOrganizationId) issues.error('toOrganizationId', 'Hãy chọn tổ chức đảng nơi kết nạp lại.');
      break;
    default:
      break;
  }
}

export function checkEvent(event: EventDraft, context: EventRuleContext): RuleResult {
  const issues = new IssueList();
  const date = checkDates(event, context, issues);
  if (TRANSFERS.has(event.type)) checkTransfer(event, date, issues);
  checkDetails(event, context, issues);
  return issues.result();
}
