/**
 * The data rules of a member's file (domain.md §7.1–7.7): required fields, real dates in the right
 * order, the admission age counted in months, the probation period, the formats of the identifying
 * numbers and the code lists. Pure: thresholds come from the dated settings, resolved by the caller
 * (or by `memberRuleContext`) for the dates of the draft, so a file admitted under an old rule is
 * judged by that rule.
 *
 * Partial dates ('1965', '04/1965') are accepted where the paper file has no more; a date-order rule
 * then fires only when the order is wrong whatever the missing parts are.
 */
import type { CodeList } from './codeLists';
import {
  addMonths,
  addWeekdays,
  ageInMonths,
  completeDate,
  isFullIsoDate,
  parsePartialDate,
  weekdaysBetween,
} from './dates';
import { decodeCitizenId, isCitizenId, isDossierNumber, isLegacyPartyCardNumber } from './formats';
import { MEMBER_FIELD_LABELS, SEX_LABELS } from './labels';
import type { MemberDraft } from './memberDraft';
import {
  IssueList,
  ageText,
  invalidDateMessage,
  shownDate,
  surelyAfter,
  surelyNotBefore,
  validDate,
  type RuleResult,
} from './ruleIssues';
import type { MemberRuleContext } from './memberRuleInputs';
import type { IsoDate } from './types';

export type { Issue, RuleResult } from './ruleIssues';
export * from './memberRuleInputs';
export { findDuplicates, type DuplicateCandidate } from './memberDuplicates';
export { normalizeMemberDraft, type MemberDraft } from './memberDraft';

const label = (field: keyof typeof MEMBER_FIELD_LABELS) => MEMBER_FIELD_LABELS[field];

const DATE_FIELDS = [
  'birthDate',
  'admissionVoteDate',
  'admissionDecisionDate',
  'joinedOn',
  'officialOn',
] as const;
type DateField = (typeof DATE_FIELDS)[number];
type Dates = Partial<Record<DateField, IsoDate>>;

const NAME_FORBIDDEN = /[\d!@#$%^&*_=+<>?{}[\]\\|~"“”;:/]/u;

function checkRequired(draft: MemberDraft, issues: IssueList): void {
  const name = draft.fullName?.trim() ?? '';
  if (!name) issues.error('fullName', 'Hãy nhập họ và tên đang dùng như trên căn cước.');
  else if (NAME_FORBIDDEN.test(name))
    issues.error('fullName', 'Họ và tên chỉ gồm chữ cái và dấu cách; hãy bỏ các chữ số và ký hiệu.');
  else if (!name.includes(' '))
    issues.warn('fullName', 'Họ và tên chỉ có một chữ; hãy kiểm tra đã nhập đủ họ, tên đệm và tên.');
  if (!draft.sex) issues.error('sex', 'Hãy chọn giới tính.');
  if (!draft.organizationId) issues.error('organizationId', 'Hãy chọn tổ chức đảng nơi đảng viên sinh hoạt.');
  if (!draft.birthDate)
    issues.error('birthDate', 'Hãy nhập ngày sinh (ngày/tháng/năm; chỉ năm nếu hồ sơ chỉ ghi năm).');
  if (!draft.joinedOn) issues.error('joinedOn', 'Hãy nhập ngày vào Đảng (ngày tổ chức lễ kết nạp).');
}

/** Reads each date; an unreadable one is an error on its field and is left out of later rules. */
function readDates(draft: MemberDraft, issues: IssueList): Dates {
  const dates: Dates = {};
  for (const field of DATE_FIELDS) {
    const value = draft[field];
    if (value === undefined || value === '') continue;
    const valid = validDate(value);
    if (valid) dates[field] = valid;
    else issues.error(field, invalidDateMessage(label(field), String(value)));
  }
  return dates;
}

function checkNotFuture(dates: Dates, today: IsoDate, issues: IssueList): void {
  for (const field of DATE_FIELDS) {
    const date = dates[field];
    if (!date || !surelyAfter(date, today)) continue;
    delete dates[field];
    issues.error(
      field,
      field === 'officialOn'
        ? `Ngày chính thức ${shownDate(date)} chưa đến; đảng viên còn dự bị thì để trống ô này.`
        : `${label(field)} ${shownDate(date)} ở sau ngày hôm nay; hãy kiểm tra lại.`,
    );
  }
}

/** Birth < vote ≤ decision ≤ ceremony (joinedOn) < official date (§7.6). */
function checkOrder(dates: Dates, issues: IssueList): void {
  const {
    birthDate: birth,
    admissionVoteDate: vote,
    admissionDecisionDate: decision,
    joinedOn,
    officialOn,
  } = dates;
  const afterBirth = (field: DateField, date: IsoDate | undefined) => {
    if (birth && date && surelyNotBefore(birth, date) && !issues.hasError(field))
      issues.error(field, `${label(field)} (${shownDate(date)}) phải sau ngày sinh (${shownDate(birth)}).`);
  };
  afterBirth('admissionVoteDate', vote);
  afterBirth('admissionDecisionDate', decision);
  afterBirth('joinedOn', joinedOn);
  if (vote && decision && surelyAfter(vote, decision) && !issues.hasError('admissionDecisionDate'))
    issues.error(
      'admissionDecisionDate',
      `Ngày quyết định kết nạp (${shownDate(decision)}) không được trước ngày chi bộ xét kết nạp (${shownDate(vote)}).`,
    );
  if (decision && joinedOn && surelyAfter(decision, joinedOn) && !issues.hasError('joinedOn'))
    issues.error(
      'joinedOn',
      `Ngày vào Đảng (lễ kết nạp, ${shownDate(joinedOn)}) không được trước ngày quyết định kết nạp (${shownDate(decision)}).`,
    );
  if (joinedOn && officialOn && surelyNotBefore(joinedOn, officialOn))
    issues.error(
      'officialOn',
      `Ngày chính thức (${shownDate(officialOn)}) phải sau ngày vào Đảng (${shownDate(joinedOn)}).`,
    );
}

function checkCeremonyDelay(dates: Dates, context: MemberRuleContext, issues: IssueList): void {
  const { admissionDecisionDate: decision, joinedOn } = dates;
  if (!decision || !joinedOn || !isFullIsoDate(decision) || !isFullIsoDate(joinedOn)) return;
  if (issues.hasError('joinedOn')) return;
  const days = weekdaysBetween(decision, joinedOn);
  if (days > context.ceremonyWorkingDays)
    issues.warn(
      'joinedOn',
      `Lễ kết nạp tổ chức sau ngày quyết định ${days} ngày làm việc, quá thời hạn ${context.ceremonyWorkingDays} ngày làm việc; cần có ý kiến đồng ý của cấp ủy cấp trên.`,
    );
}

/** Age 18–60 counted in months on the day of the branch vote, or of the ceremony (§3.1, §7.5). */
function checkAdmissionAge(
  draft: MemberDraft,
  dates: Dates,
  context: MemberRuleContext,
  issues: IssueList,
): void {
  const { birthDate: birth } = dates;
  const field: DateField = dates.admissionVoteDate ? 'admissionVoteDate' : 'joinedOn';
  const on = dates[field];
  if (!birth || !on || issues.hasError(field) || draft.admissionExceptionNote?.trim()) return;
  const when = field === 'admissionVoteDate' ? 'chi bộ xét kết nạp' : 'lễ kết nạp';
  const hint = 'Nếu đã được cấp có thẩm quyền đồng ý, hãy ghi căn cứ vào ô “Căn cứ kết nạp ngoài độ tuổi”.';
  // Partial dates: refuse only when every reading of them is out of bounds.
  const oldest = ageInMonths(birth, completeDate(on, 'end'), 'start');
  const youngest = ageInMonths(birth, completeDate(on, 'start'), 'end');
  const { admissionMinAgeYears: min, admissionMaxAgeYears: max } = context;
  if (oldest < min * 12)
    issues.error(
      field,
      `Ngày ${when} (${shownDate(on)}) người được kết nạp mới ${ageText(Math.max(oldest, 0))}, chưa đủ ${min} tuổi tính theo tháng. ${hint}`,
    );
  else if (youngest > max * 12)
    issues.error(
      field,
      `Ngày ${when} (${shownDate(on)}) người được kết nạp đã ${ageText(youngest)}, quá ${max} tuổi tính theo tháng; kết nạp người trên ${max} tuổi cần cấp ủy cấp tỉnh đồng ý. ${hint}`,
    );
}

/** Official date = ceremony + probation months (suggested), and no probation left overdue (§7.7). */
function checkProbation(
  draft: MemberDraft,
  dates: Dates,
  context: MemberRuleContext,
  issues: IssueList,
): void {
  const { joinedOn, officialOn } = dates;
  const months = context.probationMonths;
  if (
    joinedOn &&
    officialOn &&
    isFullIsoDate(joinedOn) &&
    isFullIsoDate(officialOn) &&
    !issues.hasError('officialOn')
  ) {
    const expected = addMonths(joinedOn, months);
    if (expected !== officialOn)
      issues.warn(
        'officialOn',
        `Ngày chính thức thường là ${shownDate(expected)}, đủ ${months} tháng dự bị kể từ ngày vào Đảng ${shownDate(joinedOn)}; ngày đã nhập là ${shownDate(officialOn)}.`,
      );
  }
  const start = validDate(context.probationStartedOn) ?? joinedOn;
  if (draft.status !== 'probationary' || officialOn || !start || issues.hasError('joinedOn')) return;
  const deadline = addWeekdays(
    addMonths(completeDate(start, 'end'), months),
    context.probationReviewWorkingDays,
  );
  if (context.today > deadline)
    issues.warn(
      'officialOn',
      `Đã quá ${months} tháng dự bị và ${context.probationReviewWorkingDays} ngày làm việc kể từ ngày vào Đảng (${shownDate(start)}) mà chưa có ngày chính thức; hãy xét công nhận đảng viên chính thức hoặc đề nghị xóa tên.`,
    );
}

function checkNumbers(draft: MemberDraft, issues: IssueList): void {
  const card = draft.partyCardNumber;
  if (card && !isLegacyPartyCardNumber(card))
    issues.warn(
      'partyCardNumber',
      `Số thẻ đảng viên “${card}” không gồm 8 chữ số như thẻ cấp từ năm 2003; nếu là thẻ gắn chip cấp từ năm 2025 (số ghi tự do) thì vẫn lưu được.`,
    );
  const dossier = draft.dossierNumber;
  if (dossier && !isDossierNumber(dossier))
    issues.error(
      'dossierNumber',
      `Số lý lịch “${dossier}” không đúng dạng: cần 6 chữ số và 1 đến 3 chữ cái viết hoa của mã tỉnh, ví dụ 012345HN.`,
    );
  const citizenId = draft.citizenId;
  if (!citizenId) return;
  if (!isCitizenId(citizenId)) {
    issues.error('citizenId', `Số định danh cá nhân phải gồm đúng 12 chữ số; số đã nhập là “${citizenId}”.`);
    return;
  }
  const facts = decodeCitizenId(citizenId)!;
  const birth = validDate(draft.birthDate);
  const birthYear = birth ? parsePartialDate(birth)!.year : undefined;
  const sexWrong = draft.sex !== undefined && facts.sex !== draft.sex;
  const yearWrong = birthYear !== undefined && facts.birthYear !== birthYear;
  if (!sexWrong && !yearWrong) return;
  const entered = [
    draft.sex ? `giới tính ${SEX_LABELS[draft.sex]}` : '',
    birthYear !== undefined ? `năm sinh ${birthYear}` : '',
  ].filter(Boolean);
  issues.warn(
    'citizenId',
    `Số định danh cá nhân có chữ số thứ 4 đến 6 là “${citizenId.slice(3, 6)}” (${SEX_LABELS[facts.sex]}, sinh năm ${facts.birthYear}), không khớp với ${entered.join(', ')} đã nhập; hãy kiểm tra lại.`,
  );
}

function checkCodes(draft: MemberDraft, context: MemberRuleContext, issues: IssueList): void {
  const known = (list: CodeList, code: string) => list.some((entry) => entry.code === code);
  if (draft.ethnicity && !known(context.ethnicGroups, draft.ethnicity))
    issues.error(
      'ethnicity',
      `Dân tộc “${draft.ethnicity}” không có trong danh mục dân tộc; hãy chọn trong danh sách.`,
    );
  if (draft.religion && !known(context.religions, draft.religion))
    issues.error(
      'religion',
      `Tôn giáo “${draft.religion}” không có trong danh mục tôn giáo; hãy chọn trong danh sách.`,
    );
}

/**
 * Checks a member's draft (cleaned with `normalizeMemberDraft` first). Errors block saving;
 * warnings are shown and may be accepted.
 */
export function checkMember(draft: MemberDraft, context: MemberRuleContext): RuleResult {
  const issues = new IssueList();
  checkRequired(draft, issues);
  const dates = readDates(draft, issues);
  checkNotFuture(dates, context.today, issues);
  checkOrder(dates, issues);
  checkCeremonyDelay(dates, context, issues);
  checkAdmissionAge(draft, dates, context, issues);
  checkProbation(draft, dates, context, issues);
  checkNumbers(draft, issues);
  checkCodes(draft, context, issues);
  return issues.result();
}
