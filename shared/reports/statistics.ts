/**
 * The statistics ("Thống kê") of the ward or of one organization with its sub-tree, as of a date
 * (domain.md §5): members by status, sex, age, ethnicity, religion, education, qualification,
 * political theory, party tenure and admission period; organizations by type and category; and the
 * changes over a period. Pure: the screen, the printed report and the tests count the same way.
 *
 * Which members count, and where, is exactly what the organization tree counts on the same date
 * (shared/domain/orgCounts.ts): a member's state on the date comes from the lifecycle rules
 * (`memberStateOn`'s replay, done once per member into a timeline: statisticsTimeline.ts), or from
 * the member's fields when the date is today or later (as useOrgCounts reads them); merged
 * organizations count in their target; temporary attendance is shown but never counted. A test
 * checks the totals against `rollUp(countByOrganization(…))` on the demo ward.
 *
 * Cost: preparing the members (statisticsPrepared.ts: the replay, dates parsed once) is
 * O(members + events) and is kept by the caller between dates; a run for one date is then one
 * pass over the members, plus the period's events found by bisection.
 */
import { DEFAULT_LIFECYCLE_RULES, type LifecycleRules } from '../domain/lifecycleMachine';
import { MEMBER_STATUS_SHORT_LABELS, ORG_TYPE_LABELS, SEX_LABELS } from '../domain/labels';
import type { CodeList } from '../domain/codeLists';
import { mergeTargets, type MemberState } from '../domain/orgCounts';
import { stateAt } from './statisticsTimeline';
import { numberBandIndex, type DateBand, type NumberBand } from '../domain/settings';
import {
  ACTIVE_MEMBER_STATUSES,
  FULL_MEMBER_STATUSES,
  ORG_TYPES,
  SEXES,
  type Id,
  type IsoDate,
  type Organization,
} from '../domain/types';
import {
  codeListGroups,
  GENERAL_EDUCATION_ENTRIES,
  NO_ACADEMIC_TITLE_LABEL,
  Tally,
  UNKNOWN_KEY,
  UNKNOWN_LABEL,
  type Figure,
} from './statisticsFigures';
import { dayKeyOf, keyBandIndex, keyBands, wholeYearsBetween, type DayKey } from './statisticsDates';
import { countChanges, type ChangesResult } from './statisticsChanges';
import {
  prepareMembers,
  tenureMonthsAt,
  type PreparedMemberFields,
  type PreparedMembers,
} from './statisticsPrepared';
import { groupEventsByMember, resolvedParents, subtreeOf, type EventsInput } from './statisticsTree';

export type { Figure } from './statisticsFigures';

/** What the statistics read of a member. */
export type StatisticsMember = PreparedMemberFields;

export type StatisticsOrganization = Pick<
  Organization,
  'id' | 'name' | 'parentId' | 'type' | 'category' | 'status'
> &
  Partial<Pick<Organization, 'mergedInto' | 'mergedOn' | 'foundedOn' | 'dissolvedOn'>>;

/** The code lists in force on the date (settings), for labels and groups. */
export interface StatisticsCodeLists {
  ethnicGroups: CodeList;
  religions: CodeList;
  professionalQualifications: CodeList;
  academicTitles: CodeList;
  politicalTheoryLevels: CodeList;
  orgCategories: CodeList;
}

export interface StatisticsOptions {
  asOf: IsoDate;
  /** The ward or an organization: its whole sub-tree is counted. */
  rootOrgId: Id;
  /**
   * Today's date. When `asOf` is today or later, states are the members' current fields (the
   * record is the truth, as the organization tree reads it); before, their events are replayed.
   */
  today?: IsoDate;
  /** The period of the changes; default from 1 January of `asOf`'s year to `asOf`. */
  period?: { from: IsoDate; to: IsoDate };
  ageBands: readonly NumberBand[];
  tenureBands: readonly NumberBand[];
  admissionPeriodBands: readonly DateBand[];
  codeLists: StatisticsCodeLists;
  /** Setting branch.minOfficialMembers: branches with fewer full members are listed. */
  branchMinFullMembers?: number;
  rules?: LifecycleRules;
  /**
   * The members prepared once (statisticsPrepared.ts), when the caller keeps them between dates;
   * otherwise they are prepared here (the replay of the events is most of the cost).
   */
  prepared?: PreparedMembers;
}

export const MEMBER_BREAKDOWNS = [
  'status',
  'sex',
  'age',
  'ethnicity',
  'religion',
  'generalEducation',
  'professionalQualification',
  'academicTitle',
  'politicalTheory',
  'tenure',
  'admissionPeriod',
] as const;
export type MemberBreakdown = (typeof MEMBER_BREAKDOWNS)[number];

export interface OrganizationStatistics {
  /** Organizations in the sub-tree on the date, the root itself not counted. */
  total: Figure;
  byType: Figure[];
  byCategory: Figure[];
  /** Branches (chi bộ) with fewer full members than the setting requires. */
  smallBranches: Figure;
}

export interface Statistics {
  asOf: IsoDate;
  rootOrgId: Id;
  /** Members counted: official + probationary + exempted, in the sub-tree on the date. */
  total: Figure;
  members: Record<MemberBreakdown, Figure[]>;
  /** Members from elsewhere attending temporarily in the sub-tree: shown, never counted. */
  temporary: Figure;
  organizations: OrganizationStatistics;
  changes: ChangesResult;
}

const ACTIVE = new Set<string>(ACTIVE_MEMBER_STATUSES);
const FULL = new Set<string>(FULL_MEMBER_STATUSES);

function numberBandTally(bands: readonly NumberBand[]): Tally {
  return new Tally([
    ...bands.map((band, i) => ({ key: String(i), label: band.label })),
    { key: UNKNOWN_KEY, label: UNKNOWN_LABEL },
  ]);
}

/** Full members of each organization with its sub-tree (a branch counts its cells' members). */
function rollFullMembers(own: ReadonlyMap<Id, number>, parents: ReadonlyMap<Id, Id>): Map<Id, number> {
  const rolled = new Map(own);
  for (const [id, count] of own) {
    const seen = new Set([id]);
    for (
      let parent = parents.get(id);
      parent !== undefined && !seen.has(parent);
      parent = parents.get(parent)
    ) {
      seen.add(parent);
      rolled.set(parent, (rolled.get(parent) ?? 0) + count);
    }
  }
  return rolled;
}

function organizationStatistics(
  organizations: readonly StatisticsOrganization[],
  inTree: ReadonlySet<Id>,
  options: StatisticsOptions,
  asOf: DayKey,
  fullMembersOf: ReadonlyMap<Id, number>,
): OrganizationStatistics {
  const total = new Tally([{ key: 'total', label: 'Tổng số tổ chức đảng' }]);
  const byType = new Tally(
    ORG_TYPES.filter((t) => t !== 'ward').map((t) => ({ key: t, label: ORG_TYPE_LABELS[t] })),
  );
  const byCategory = new Tally(options.codeLists.orgCategories.map((c) => ({ key: c.code, label: c.label })));
  const small = new Tally([{ key: 'smallBranches', label: 'Chi bộ có dưới mức đảng viên chính thức' }]);
  const minimum = options.branchMinFullMembers;
  for (const org of organizations) {
    if (org.id === options.rootOrgId || !inTree.has(org.id) || org.type === 'ward') continue;
    const founded = dayKeyOf(org.foundedOn);
    if (founded !== undefined && founded > asOf) continue;
    if (org.status === 'dissolved' && (dayKeyOf(org.dissolvedOn) ?? -Infinity) <= asOf) continue;
    if (org.status === 'merged' && (dayKeyOf(org.mergedOn) ?? -Infinity) <= asOf) continue;
    total.add('total', org.id);
    byType.add(org.type, org.id);
    byCategory.add(org.category, org.id);
    const isBranch = org.type === 'branch' || org.type === 'grassrootsBranch';
    if (isBranch && minimum !== undefined && (fullMembersOf.get(org.id) ?? 0) < minimum)
      small.add('smallBranches', org.id);
  }
  return {
    total: total.figures()[0]!,
    byType: byType.figures(),
    byCategory: byCategory.figures(),
    smallBranches: small.figures()[0]!,
  };
}

export function computeStatistics(
  members: readonly StatisticsMember[],
  events: EventsInput,
  organizations: readonly StatisticsOrganization[],
  options: StatisticsOptions,
): Statistics {
  const { asOf, codeLists } = options;
  const rules = options.rules ?? DEFAULT_LIFECYCLE_RULES;
  const asOfKey = dayKeyOf(asOf, 'end');
  if (asOfKey === undefined) throw new RangeError(`Not an ISO date: '${asOf}'`);
  const current = options.today !== undefined && asOf >= options.today;
  const eventsOf = groupEventsByMember(events);
  const targets = mergeTargets(organizations, { asOf });
  const inTree = subtreeOf(options.rootOrgId, organizations, targets);
  const prepared = options.prepared ?? prepareMembers(members, eventsOf, rules);
  const where = (id: Id | undefined) => (id === undefined ? undefined : (targets.get(id) ?? id));

  const total = new Tally([{ key: 'total', label: 'Tổng số đảng viên' }]);
  const temporary = new Tally([{ key: 'temporary', label: 'Sinh hoạt tạm thời (không tính vào tổng số)' }]);
  const status = new Tally(
    ACTIVE_MEMBER_STATUSES.map((s) => ({ key: s, label: MEMBER_STATUS_SHORT_LABELS[s] })),
  );
  const sex = new Tally([...SEXES.map((s) => ({ key: s, label: SEX_LABELS[s] }))]);
  const age = numberBandTally(options.ageBands);
  const tenure = numberBandTally(options.tenureBands);
  const admissionPeriod = new Tally([
    ...options.admissionPeriodBands.map((band, i) => ({ key: String(i), label: band.label })),
    { key: UNKNOWN_KEY, label: UNKNOWN_LABEL },
  ]);
  const periodBands = keyBands(options.admissionPeriodBands);
  const ethnicity = new Tally(codeLists.ethnicGroups.map((e) => ({ key: e.code, label: e.label })));
  const religion = new Tally(codeLists.religions.map((e) => ({ key: e.code, label: e.label })));
  const generalEducation = new Tally(GENERAL_EDUCATION_ENTRIES);
  const qualifications = codeListGroups(codeLists.professionalQualifications);
  const professionalQualification = new Tally(qualifications.entries);
  const academicTitle = new Tally([
    ...codeLists.academicTitles.map((e) => ({ key: e.code, label: e.label })),
    { key: 'none', label: NO_ACADEMIC_TITLE_LABEL },
  ]);
  const theory = codeListGroups(codeLists.politicalTheoryLevels);
  const politicalTheory = new Tally(theory.entries);
  const fullMembersOf = new Map<Id, number>();
  const unknown = (tally: Tally, id: Id) => tally.add(UNKNOWN_KEY, id, UNKNOWN_LABEL);
  const bump = (figure: Figure, id: Id) => {
    figure.count += 1;
    figure.ids.push(id);
  };
  // Band figures by index: counted without building a key for every member.
  const ageSlots = age.slots(options.ageBands.map((_, i) => String(i)));
  const tenureSlots = tenure.slots(options.tenureBands.map((_, i) => String(i)));
  const periodSlots = admissionPeriod.slots(options.admissionPeriodBands.map((_, i) => String(i)));

  for (const p of prepared.members) {
    const { member } = p;
    const state: MemberState | null = current ? member : stateAt(p.timeline, asOfKey);
    if (!state || !ACTIVE.has(state.status)) continue;
    const id = member.id;
    const home = where(state.organizationId);
    const visiting = where(state.temporaryOrganizationId);
    if (visiting !== undefined && inTree.has(visiting) && !(home !== undefined && inTree.has(home)))
      temporary.add('temporary', id);
    if (home === undefined || !inTree.has(home)) continue;

    total.add('total', id);
    status.add(state.status, id);
    if (FULL.has(state.status)) fullMembersOf.set(home, (fullMembersOf.get(home) ?? 0) + 1);
    sex.add(member.sex, id);
    const ageBand =
      p.born === undefined ? -1 : numberBandIndex(options.ageBands, wholeYearsBetween(p.born, asOfKey));
    if (ageBand < 0) unknown(age, id);
    else bump(ageSlots[ageBand]!, id);
    if (member.ethnicity) ethnicity.add(member.ethnicity, id);
    else unknown(ethnicity, id);
    if (member.religion) religion.add(member.religion, id);
    else unknown(religion, id);
    if (p.education) generalEducation.add(p.education, id);
    else unknown(generalEducation, id);
    if (member.professionalQualification)
      professionalQualification.add(
        qualifications.groupOf.get(member.professionalQualification) ?? member.professionalQualification,
        id,
      );
    else unknown(professionalQualification, id);
    academicTitle.add(member.academicTitle ?? 'none', id);
    if (member.politicalTheory)
      politicalTheory.add(theory.groupOf.get(member.politicalTheory) ?? member.politicalTheory, id);
    else unknown(politicalTheory, id);
    const months = tenureMonthsAt(p.tenureStart, p.tenureGaps, asOfKey);
    const tenureBand =
      months === undefined ? -1 : numberBandIndex(options.tenureBands, Math.floor(months / 12));
    if (tenureBand < 0) unknown(tenure, id);
    else bump(tenureSlots[tenureBand]!, id);
    const period = p.joined === undefined ? -1 : keyBandIndex(periodBands, p.joined);
    if (period < 0) unknown(admissionPeriod, id);
    else bump(periodSlots[period]!, id);
  }

  // The figures of a "Chưa rõ" row stay out of the tables when nobody is in them.
  const known = (figures: Figure[]) => figures.filter((f) => f.key !== UNKNOWN_KEY || f.count > 0);
  return {
    asOf,
    rootOrgId: options.rootOrgId,
    total: total.figures()[0]!,
    temporary: temporary.figures()[0]!,
    members: {
      status: status.figures(),
      sex: sex.figures(),
      age: known(age.figures()),
      ethnicity: ethnicity.figures(false),
      religion: known(religion.figures()),
      generalEducation: known(generalEducation.figures()),
      professionalQualification: known(professionalQualification.figures()),
      academicTitle: academicTitle.figures(),
      politicalTheory: known(politicalTheory.figures()),
      tenure: known(tenure.figures()),
      admissionPeriod: known(admissionPeriod.figures()),
    },
    organizations: organizationStatistics(
      organizations,
      inTree,
      options,
      asOfKey,
      rollFullMembers(fullMembersOf, resolvedParents(organizations, targets)),
    ),
    changes: countChanges(prepared.changes, {
      period: options.period ?? { from: `${asOf.slice(0, 4)}-01-01`, to: asOf },
      inTree: (id) => id !== undefined && inTree.has(where(id)!),
    }),
  };
}
