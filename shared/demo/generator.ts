/**
 * The demo ward "Đảng bộ phường Phúc Lợi": a deterministic, seeded data set for first use, screen
 * work, tests and benchmarks. By default it has the ward's July 2025 figures (98 organizations
 * under the root, 3,882 members); larger sizes scale the organizations in proportion.
 *
 * "98 organizations" counts every organization below the root, including the branches inside
 * grassroots committees, so that the dashboard's count of non-root organizations is 98. Every
 * record is marked `isDemo: true`.
 */
import { isFullIsoDate } from '../domain/dates';
import type { IsoDate, Member, MemberEvent, Organization } from '../domain/types';
import { createRng, randomInt, type Rng } from '../util/random';
import { DemoMemberFactory } from './members';
import { buildDemoTree, SETUP_START, type DemoLeaf } from './organizations';

export const DEMO_MEMBER_COUNT = 3882;
export const DEMO_ORGANIZATION_COUNT = 98;
/** Mid-July 2025: the new organizations exist and the ward congress is being prepared. */
export const DEMO_AS_OF: IsoDate = '2025-07-15';

export interface DemoWardOptions {
  seed: number | string;
  /** Active members (probationary, official, exempted); default 3,882. */
  memberCount?: number;
  /** Reference date: everything in the data happened on or before it; default 2025-07-15. */
  asOf?: IsoDate;
  /** Organizations below the root; default round(98 × memberCount / 3,882), at least 1. */
  organizationCount?: number;
}

export interface DemoWard {
  /** The root first, then the organizations below it. */
  organizations: Organization[];
  members: Member[];
  events: MemberEvent[];
  rootId: string;
  asOf: IsoDate;
}

export function demoOrganizationCount(memberCount: number): number {
  return Math.max(1, Math.round((DEMO_ORGANIZATION_COUNT * memberCount) / DEMO_MEMBER_COUNT));
}

/**
 * How many members each organization gets. Non-residential units draw a size in their range (a
 * grassroots branch stays under 30); residential branches share the rest in random proportions.
 * For very small demos the non-residential sizes shrink so residential branches keep half.
 */
function allocateMembers(rng: Rng, leaves: readonly DemoLeaf[], memberCount: number): number[] {
  const sizes = leaves.map((leaf) =>
    leaf.profile === 'residential' ? 0 : randomInt(rng, leaf.size[0], leaf.size[1]),
  );
  const residential = leaves.flatMap((leaf, i) => (leaf.profile === 'residential' ? [i] : []));
  let fixed = sizes.reduce((sum, size) => sum + size, 0);
  if (fixed > memberCount / 2) {
    const factor = memberCount / 2 / fixed;
    for (let i = 0; i < sizes.length; i += 1) sizes[i] = Math.floor(sizes[i]! * factor);
    fixed = sizes.reduce((sum, size) => sum + size, 0);
  }
  const rest = memberCount - fixed;
  const weights = residential.map(() => 0.6 + rng.next() * 0.8);
  const weightSum = weights.reduce((sum, w) => sum + w, 0);
  const exact = weights.map((w) => (rest * w) / weightSum);
  residential.forEach((leafIndex, k) => {
    sizes[leafIndex] = Math.floor(exact[k]!);
  });
  // Largest remainder: the total is exactly memberCount.
  const order = exact
    .map((x, k) => [x - Math.floor(x), k] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let missing = memberCount - sizes.reduce((sum, size) => sum + size, 0);
  for (let k = 0; missing > 0; k = (k + 1) % order.length, missing -= 1)
    sizes[residential[order[k]![1]]!]! += 1;
  return sizes;
}

export function generateDemoWard(options: DemoWardOptions): DemoWard {
  const memberCount = options.memberCount ?? DEMO_MEMBER_COUNT;
  const asOf = options.asOf ?? DEMO_AS_OF;
  if (!Number.isInteger(memberCount) || memberCount < 1)
    throw new RangeError(`memberCount must be a positive integer, got ${memberCount}`);
  if (!isFullIsoDate(asOf) || asOf < SETUP_START) {
    throw new RangeError(
      `asOf must be a full date on or after ${SETUP_START} (the ward was set up then), got '${asOf}'`,
    );
  }
  const organizationCount = options.organizationCount ?? demoOrganizationCount(memberCount);
  if (!Number.isInteger(organizationCount) || organizationCount < 1) {
    throw new RangeError(`organizationCount must be a positive integer, got ${organizationCount}`);
  }

  const rng = createRng(options.seed);
  const tree = buildDemoTree(rng, organizationCount, asOf);
  const sizes = allocateMembers(rng, tree.leaves, memberCount);
  const factory = new DemoMemberFactory(rng, asOf);
  tree.leaves.forEach((leaf, i) => factory.addMembers(leaf, sizes[i]!));

  return {
    organizations: tree.organizations,
    members: factory.members,
    events: factory.events,
    rootId: tree.root.id,
    asOf,
  };
}
