/**
 * Rules of the organization tree (domain.md §1.2, §1.3, §7 rule 11): warnings an organization shows
 * for a date, and who may lead it. The thresholds are dated settings, resolved by the caller for
 * the date the figures are for, so last year's figures are judged by last year's rules.
 * Edits of the tree (placement, move, merge, dissolve) are in organizationChanges.ts.
 */
import { ORG_TYPE_LABELS } from './labels';
import { fullMembers, type OrgCounts } from './orgCounts';
import { resolveSetting, type SettingDefinition } from './settings';
import { SETTINGS } from './settingDefinitions';
import type { Id, IsoDate, Organization, OrgType } from './types';

export interface OrgRuleThresholds {
  /** A chi bộ with fewer full members is warned (Charter Art. 21: 3). */
  branchMinFullMembers: number;
  /** A chi bộ cơ sở with this many members or more is warned (30). */
  grassrootsBranchMaxMembers: number;
  /** A đảng bộ cơ sở with fewer members is warned (30). */
  grassrootsCommitteeMinMembers: number;
  /** A chi bộ elects a chi ủy only from this many full members (294-QĐ/TW: 9). */
  committeeMinFullMembers: number;
  /** Largest chi ủy (294-QĐ/TW: 7). */
  committeeMaxSize: number;
  /** Ward executive committee (BCH) size, 2025–2030 (Chỉ thị 45-CT/TW: 27–33). */
  wardCommitteeMinSize: number;
  wardCommitteeMaxSize: number;
  /** Ward standing committee (BTV) size, secretary and deputies included (9–11). */
  wardStandingCommitteeMinSize: number;
  wardStandingCommitteeMaxSize: number;
  /** Deputy secretaries of the ward committee (2). */
  wardDeputySecretariesMax: number;
  /** A grassroots committee elects a standing committee only from this many committee members (Charter Art. 22: 9). */
  standingCommitteeMinCommitteeSize: number;
}

/**
 * The thresholds in force on `asOf`. The grassroots committee's lower bound is the same figure as
 * the grassroots branch's upper bound (30: "under 30 a chi bộ cơ sở, from 30 a đảng bộ cơ sở"), so
 * it follows that one setting rather than a second one the office could set apart from it.
 */
export function orgRuleThresholds(
  storedVersions: (key: string) => readonly unknown[] | undefined,
  asOf: IsoDate,
): OrgRuleThresholds {
  const value = (definition: SettingDefinition<number>) =>
    resolveSetting(definition, storedVersions(definition.key), asOf);
  const grassrootsLimit = value(SETTINGS.grassrootsBranchMaxMembers);
  return {
    branchMinFullMembers: value(SETTINGS.branchMinOfficialMembers),
    grassrootsBranchMaxMembers: grassrootsLimit,
    grassrootsCommitteeMinMembers: grassrootsLimit,
    committeeMinFullMembers: value(SETTINGS.branchCommitteeMinOfficialMembers),
    committeeMaxSize: value(SETTINGS.branchCommitteeMaxSize),
    wardCommitteeMinSize: value(SETTINGS.wardCommitteeMinSize),
    wardCommitteeMaxSize: value(SETTINGS.wardCommitteeMaxSize),
    wardStandingCommitteeMinSize: value(SETTINGS.wardStandingCommitteeMinSize),
    wardStandingCommitteeMaxSize: value(SETTINGS.wardStandingCommitteeMaxSize),
    wardDeputySecretariesMax: value(SETTINGS.wardDeputySecretariesMax),
    standingCommitteeMinCommitteeSize: value(SETTINGS.standingCommitteeMinCommitteeSize),
  };
}

/** A chi bộ of either kind: the level where members attend and a chi ủy is elected. */
export const BRANCH_TYPES = ['branch', 'grassrootsBranch'] as const satisfies readonly OrgType[];

export function isBranchType(type: OrgType): boolean {
  return (BRANCH_TYPES as readonly OrgType[]).includes(type);
}

// ---------------------------------------------------------------- leadership

/** Bí thư, Phó Bí thư, the standing committee (ward and grassroots committees) and the other chi ủy / cấp ủy members. */
export type Leadership = Pick<
  Organization,
  'secretaryId' | 'deputySecretaryIds' | 'committeeMemberIds' | 'standingCommitteeIds'
>;

/** Everyone in the leadership once, secretary first. */
export function leadershipIds(leadership: Leadership): Id[] {
  const ids = [
    ...(leadership.secretaryId ? [leadership.secretaryId] : []),
    ...(leadership.deputySecretaryIds ?? []),
    ...(leadership.standingCommitteeIds ?? []),
    ...(leadership.committeeMemberIds ?? []),
  ];
  return [...new Set(ids)];
}

/** Size of the chi ủy / cấp ủy: the secretary and deputies are elected from it and count in it. */
export function committeeSize(leadership: Leadership): number {
  return leadershipIds(leadership).length;
}

/** Size of the ban thường vụ: the secretary and deputies sit on it by office. */
export function standingCommitteeSize(leadership: Leadership): number {
  return new Set([
    ...(leadership.secretaryId ? [leadership.secretaryId] : []),
    ...(leadership.deputySecretaryIds ?? []),
    ...(leadership.standingCommitteeIds ?? []),
  ]).size;
}

/** Organizations that elect a ban thường vụ: the ward committee and grassroots committees. */
export function electsStandingCommittee(type: OrgType): boolean {
  return type === 'ward' || type === 'grassrootsCommittee';
}

/**
 * Why a leadership cannot be saved, or null. Leaders must be active members of the organization
 * (for a committee: of its sub-tree, since its members attend its branches); `isEligible` says who
 * is. One person holds one post. The size rules are warnings, not refusals: the office records the
 * committee that was elected, and the warning says it breaks the rule.
 */
export function leadershipProblem(
  leadership: Leadership,
  isEligible: (memberId: Id) => boolean,
  nameOf: (memberId: Id) => string = () => 'Một người được chọn',
): string | null {
  const posts = [
    ...(leadership.secretaryId ? [leadership.secretaryId] : []),
    ...(leadership.deputySecretaryIds ?? []),
    ...(leadership.standingCommitteeIds ?? []),
    ...(leadership.committeeMemberIds ?? []),
  ];
  const seen = new Set<Id>();
  for (const id of posts) {
    if (seen.has(id))
      return `${nameOf(id)} được chọn vào hai chức vụ; mỗi người chỉ giữ một chức vụ trong danh sách này.`;
    seen.add(id);
  }
  for (const id of posts) {
    if (!isEligible(id))
      return `${nameOf(id)} không phải đảng viên đang sinh hoạt trong tổ chức này; chỉ chọn được bí thư, cấp ủy viên trong số đảng viên của tổ chức.`;
  }
  return null;
}

// ---------------------------------------------------------------- warnings

export type OrgWarningKind =
  | 'tooFewFullMembers'
  | 'grassrootsBranchTooLarge'
  | 'grassrootsCommitteeTooSmall'
  | 'committeeTooLarge'
  | 'committeeNotAllowed'
  | 'wardCommitteeSize'
  | 'wardStandingCommitteeSize'
  | 'tooManyDeputies'
  | 'standingCommitteeNotAllowed'
  | 'vacantSecretary'
  | 'leaderNotMember';

export interface OrgWarning {
  kind: OrgWarningKind;
  /** A Vietnamese sentence: what is wrong and what the rule says. */
  message: string;
}

export interface OrgWarningInput {
  organization: Pick<
    Organization,
    'type' | 'status' | 'secretaryId' | 'deputySecretaryIds' | 'committeeMemberIds' | 'standingCommitteeIds'
  >;
  /** Counts of the organization with its whole sub-tree (a branch's cells count in the branch). */
  counts: OrgCounts;
  thresholds: OrgRuleThresholds;
  /** Whether a member is an active member of the organization's sub-tree on the date; omit to skip. */
  isEligibleLeader?: (memberId: Id) => boolean;
  nameOf?: (memberId: Id) => string;
}

/** Warnings of domain.md §7 rule 11 for one active organization; none for merged or dissolved ones. */
export function organizationWarnings(input: OrgWarningInput): OrgWarning[] {
  const { organization: org, counts, thresholds: t } = input;
  if (org.status !== 'active') return [];
  const warnings: OrgWarning[] = [];
  const warn = (kind: OrgWarningKind, message: string) => warnings.push({ kind, message });
  const full = fullMembers(counts);

  if (isBranchType(org.type) && full < t.branchMinFullMembers)
    warn(
      'tooFewFullMembers',
      `Chi bộ chỉ có ${full} đảng viên chính thức, dưới mức tối thiểu ${t.branchMinFullMembers} theo Điều lệ Đảng; cần bổ sung đảng viên hoặc ghép sinh hoạt với tổ chức đảng gần nhất.`,
    );
  if (org.type === 'grassrootsBranch' && counts.total >= t.grassrootsBranchMaxMembers)
    warn(
      'grassrootsBranchTooLarge',
      `Chi bộ cơ sở có ${counts.total} đảng viên, từ ${t.grassrootsBranchMaxMembers} trở lên; nên đề nghị thành lập đảng bộ cơ sở.`,
    );
  if (org.type === 'grassrootsCommittee' && counts.total < t.grassrootsCommitteeMinMembers)
    warn(
      'grassrootsCommitteeTooSmall',
      `Đảng bộ cơ sở chỉ có ${counts.total} đảng viên, dưới ${t.grassrootsCommitteeMinMembers}; duy trì đảng bộ cơ sở cần cấp ủy cấp trên đồng ý bằng văn bản.`,
    );

  if (isBranchType(org.type)) {
    const size = committeeSize(org);
    const others = (org.committeeMemberIds ?? []).filter(
      (id) => id !== org.secretaryId && !(org.deputySecretaryIds ?? []).includes(id),
    );
    if (full < t.committeeMinFullMembers && (others.length > 0 || (org.deputySecretaryIds ?? []).length > 1))
      warn(
        'committeeNotAllowed',
        `Chi bộ có ${full} đảng viên chính thức, dưới ${t.committeeMinFullMembers}, nên không bầu chi ủy; chỉ bầu bí thư và, nếu cần, một phó bí thư.`,
      );
    else if (size > t.committeeMaxSize)
      warn(
        'committeeTooLarge',
        `Chi ủy có ${size} người, vượt quá ${t.committeeMaxSize} chi ủy viên theo quy định.`,
      );
  }

  if (org.type === 'ward') {
    // Judged once the office has recorded a committee: an empty one is the vacant-secretary warning.
    const size = committeeSize(org);
    if (size > 0 && (size < t.wardCommitteeMinSize || size > t.wardCommitteeMaxSize))
      warn(
        'wardCommitteeSize',
        `Ban Chấp hành Đảng bộ có ${size} ủy viên; quy định nhiệm kỳ 2025–2030 là từ ${t.wardCommitteeMinSize} đến ${t.wardCommitteeMaxSize} ủy viên.`,
      );
    const standing = standingCommitteeSize(org);
    if (
      (org.standingCommitteeIds ?? []).length > 0 &&
      (standing < t.wardStandingCommitteeMinSize || standing > t.wardStandingCommitteeMaxSize)
    )
      warn(
        'wardStandingCommitteeSize',
        `Ban Thường vụ có ${standing} ủy viên (kể cả bí thư, phó bí thư); quy định là từ ${t.wardStandingCommitteeMinSize} đến ${t.wardStandingCommitteeMaxSize} ủy viên.`,
      );
    const deputies = (org.deputySecretaryIds ?? []).length;
    if (deputies > t.wardDeputySecretariesMax)
      warn(
        'tooManyDeputies',
        `Đảng ủy có ${deputies} phó bí thư, nhiều hơn ${t.wardDeputySecretariesMax} theo quy định.`,
      );
  }

  if (org.type === 'grassrootsCommittee' && (org.standingCommitteeIds ?? []).length > 0) {
    const size = committeeSize(org);
    if (size < t.standingCommitteeMinCommitteeSize)
      warn(
        'standingCommitteeNotAllowed',
        `Đảng ủy có ${size} ủy viên, dưới ${t.standingCommitteeMinCommitteeSize}, nên không bầu ban thường vụ theo Điều lệ Đảng.`,
      );
  }

  if (org.type !== 'cell' && !org.secretaryId)
    warn('vacantSecretary', 'Chưa ghi bí thư của tổ chức; hãy cập nhật ở mục “Bí thư, cấp ủy”.');

  if (input.isEligibleLeader) {
    const nameOf = input.nameOf ?? (() => 'Một người');
    for (const id of leadershipIds(org)) {
      if (!input.isEligibleLeader(id))
        warn(
          'leaderNotMember',
          `${nameOf(id)} có tên trong cấp ủy nhưng không còn là đảng viên đang sinh hoạt trong tổ chức; hãy cập nhật bí thư, cấp ủy.`,
        );
    }
  }
  return warnings;
}

/** "chi bộ trực thuộc", for use inside a sentence. */
export function typeInSentence(type: OrgType): string {
  return ORG_TYPE_LABELS[type].toLocaleLowerCase('vi');
}
