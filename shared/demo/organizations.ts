/**
 * The organization tree of the demo ward: the root, grassroots committees with their branches,
 * grassroots branches and residential branches, with origins in the proportions of July 2025.
 */
import { addDays, compareIsoDates, fromDayNumber, toDayNumber } from '../domain/dates';
import type { IsoDate, OrgOrigin, Organization } from '../domain/types';
import { randomInt, uuidFromRandom, type Rng } from '../util/random';
import {
  CATEGORY_ORDER,
  FOUNDED_BRANCHES,
  FOUNDED_COMMITTEES,
  RECEIVED_BRANCHES,
  RECEIVED_COMMITTEES,
  RECEIVED_NOTE,
  RESIDENTIAL_SIZE,
  type CommitteeTemplate,
  type LeafTemplate,
  type Profile,
} from './orgTemplates';
import { RESIDENTIAL_AREAS, type ResidentialArea } from './places';

export const WARD_COMMITTEE_NAME = 'Đảng bộ phường Phúc Lợi';
export const DEMO_TERM = '2025–2030';
/** The ward and the July 2025 organizations were set up from this day. */
export const SETUP_START: IsoDate = '2025-07-01';

/** An organization where members attend, with what the member generator needs to know about it. */
export interface DemoLeaf {
  organization: Organization;
  profile: Profile;
  size: readonly [number, number];
  /** Residential branches: the area and group number, for members' addresses. */
  area?: ResidentialArea;
  groupNumber?: number;
  /** Where its members work (the unit's name without "Chi bộ"/"Đảng bộ"). */
  workplace?: string;
}

export interface DemoTree {
  root: Organization;
  organizations: Organization[];
  leaves: DemoLeaf[];
}

/** Origin counts among `organizationCount` organizations, in the 98 / 11 / 41 proportions. */
export function originCounts(organizationCount: number): Record<OrgOrigin, number> {
  let received = Math.round((11 * organizationCount) / 98);
  let founded = Math.round((41 * organizationCount) / 98);
  // At least one residential branch, so members always have somewhere to go.
  while (received + founded > organizationCount - 1 && founded + received > 0) {
    if (founded > 0) founded -= 1;
    else received -= 1;
  }
  return {
    receivedFromOtherCommittee: received,
    founded,
    fromMergedWard: organizationCount - received - founded,
  };
}

type Planned =
  | { kind: 'committee'; template: CommitteeTemplate; copy: number }
  | { kind: 'leaf'; template: LeafTemplate; copy: number };

/** Fills `slots` with committees (each with its branches) repeated `repeat` times, then with leaves. */
function planGroup(
  slots: number,
  committees: readonly CommitteeTemplate[],
  leaves: readonly LeafTemplate[],
  repeat: number,
): Planned[] {
  const plan: Planned[] = [];
  let remaining = slots;
  for (let copy = 0; copy < repeat; copy += 1) {
    for (const template of committees) {
      const size = 1 + template.branches.length;
      if (size > remaining) continue;
      plan.push({ kind: 'committee', template, copy });
      remaining -= size;
    }
  }
  for (let i = 0; remaining > 0; i += 1, remaining -= 1) {
    plan.push({ kind: 'leaf', template: leaves[i % leaves.length]!, copy: Math.floor(i / leaves.length) });
  }
  return plan;
}

/** Second and later copies of a template (only in scaled-up demos) are numbered: '… số 2'. */
const numbered = (name: string, copy: number) => (copy === 0 ? name : `${name} số ${copy + 1}`);

const unitName = (name: string) => name.replace(/^(Chi bộ|Đảng bộ)( các)? /, '');

/** Residential branches per area, by the areas' weights (largest remainder). */
function areaCounts(total: number): number[] {
  const weightSum = RESIDENTIAL_AREAS.reduce((sum, area) => sum + area.weight, 0);
  const exact = RESIDENTIAL_AREAS.map((area) => (total * area.weight) / weightSum);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < missing; k += 1) counts[order[k]![1]]! += 1;
  return counts;
}

export function buildDemoTree(rng: Rng, organizationCount: number, asOf: IsoDate): DemoTree {
  const setupEnd = compareIsoDates(asOf, '2025-07-31') < 0 ? asOf : '2025-07-31';
  const setupSpan = toDayNumber(setupEnd) - toDayNumber(SETUP_START);
  const repeat = Math.max(1, Math.round(organizationCount / 98));
  const counts = originCounts(organizationCount);
  let decisionNumber = 100;

  const root: Organization = {
    id: uuidFromRandom(rng),
    name: WARD_COMMITTEE_NAME,
    shortName: 'Đảng bộ phường',
    type: 'ward',
    category: 'partyAgency',
    isGrassroots: false,
    parentId: null,
    foundedOn: SETUP_START,
    foundingDecisionNumber: '1234-QĐ/TU',
    origin: 'founded',
    originNote: 'Thành lập theo Nghị quyết 1656/NQ-UBTVQH15 về sắp xếp đơn vị hành chính',
    status: 'active',
    term: DEMO_TERM,
    sortOrder: 0,
    isDemo: true,
  };

  const organizations: Organization[] = [];
  const leaves: DemoLeaf[] = [];

  const historicDate = (fromYear: number, toYear: number) =>
    fromDayNumber(randomInt(rng, toDayNumber(`${fromYear}-01-01`), toDayNumber(`${toYear}-12-31`)));
  const julyDate = () => addDays(SETUP_START, randomInt(rng, 0, Math.max(0, setupSpan)));

  function makeOrg(
    fields: Omit<Organization, 'id' | 'status' | 'term' | 'sortOrder' | 'isDemo'>,
  ): Organization {
    const organization: Organization = {
      id: uuidFromRandom(rng),
      ...fields,
      status: 'active',
      term: DEMO_TERM,
      sortOrder: 0,
      isDemo: true,
    };
    organizations.push(organization);
    return organization;
  }

  function originFields(
    origin: OrgOrigin,
    foundedOn?: IsoDate,
  ): Pick<Organization, 'origin' | 'originNote' | 'foundedOn' | 'foundingDecisionNumber'> {
    if (origin === 'founded') {
      decisionNumber += 1;
      return {
        origin,
        foundedOn: foundedOn ?? julyDate(),
        foundingDecisionNumber: `${decisionNumber}-QĐ/ĐU`,
      };
    }
    return { origin, originNote: RECEIVED_NOTE, foundedOn: foundedOn ?? historicDate(1985, 2020) };
  }

  for (const [origin, committees, branchTemplates] of [
    ['receivedFromOtherCommittee', RECEIVED_COMMITTEES, RECEIVED_BRANCHES],
    ['founded', FOUNDED_COMMITTEES, FOUNDED_BRANCHES],
  ] as const) {
    for (const planned of planGroup(counts[origin], committees, branchTemplates, repeat)) {
      const { template, copy } = planned;
      const name = numbered(template.name, copy);
      const shortName = numbered(template.shortName, copy);
      if (planned.kind === 'leaf') {
        const leaf = planned.template;
        const organization = makeOrg({
          name,
          shortName,
          type: 'grassrootsBranch',
          category: leaf.category,
          isGrassroots: true,
          parentId: root.id,
          ...originFields(origin),
        });
        leaves.push({ organization, profile: leaf.profile, size: leaf.size, workplace: unitName(name) });
        continue;
      }
      const committee = planned.template;
      const parent = makeOrg({
        name,
        shortName,
        type: 'grassrootsCommittee',
        category: committee.category,
        isGrassroots: true,
        parentId: root.id,
        ...originFields(origin),
      });
      committee.branches.forEach((branchName, index) => {
        const organization = makeOrg({
          name: branchName,
          type: 'branch',
          category: committee.category,
          isGrassroots: false,
          parentId: parent.id,
          ...originFields(origin, parent.foundedOn),
        });
        organization.sortOrder = index + 1;
        leaves.push({
          organization,
          profile: committee.profile,
          size: committee.branchSize,
          workplace: unitName(name),
        });
      });
    }
  }

  const perArea = areaCounts(counts.fromMergedWard);
  RESIDENTIAL_AREAS.forEach((area, areaIndex) => {
    for (let groupNumber = 1; groupNumber <= perArea[areaIndex]!; groupNumber += 1) {
      const organization = makeOrg({
        name: `Chi bộ Tổ dân phố số ${groupNumber} ${area.name}`,
        shortName: `TDP ${groupNumber} ${area.name}`,
        type: 'branch',
        category: 'residentialGroup',
        isGrassroots: false,
        parentId: root.id,
        origin: 'fromMergedWard',
        originNote: `Từ ${area.formerUnit}`,
        foundedOn: historicDate(1960, 2015),
      });
      leaves.push({ organization, profile: 'residential', size: RESIDENTIAL_SIZE, area, groupNumber });
    }
  });

  // Children of the ward are numbered in register order: by category, then as created.
  organizations
    .filter((org) => org.parentId === root.id)
    .sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category))
    .forEach((org, index) => {
      org.sortOrder = index + 1;
    });

  return { root, organizations: [root, ...organizations], leaves };
}
