/**
 * The figures of the "Tổng quan" screen, as pure functions over records, so the screen, the
 * printed reports and the tests count the same way.
 */
import {
  ACTIVE_MEMBER_STATUSES,
  ORG_CATEGORIES,
  ORG_ORIGINS,
  ORG_TYPES,
  type ActiveMemberStatus,
  type Organization,
  type OrgCategory,
  type OrgOrigin,
  type OrgType,
} from '../domain/types';

type OrgLike = Pick<Organization, 'type' | 'category' | 'origin' | 'status'>;

export interface OrganizationOverview {
  /** Active organizations under the ward committee (the ward itself is not counted). */
  total: number;
  byType: Record<OrgType, number>;
  byCategory: Record<OrgCategory, number>;
  byOrigin: Record<OrgOrigin, number>;
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function summarizeOrganizations(organizations: Iterable<OrgLike>): OrganizationOverview {
  const overview: OrganizationOverview = {
    total: 0,
    byType: zeroes(ORG_TYPES),
    byCategory: zeroes(ORG_CATEGORIES),
    byOrigin: zeroes(ORG_ORIGINS),
  };
  for (const org of organizations) {
    if (org.type === 'ward' || org.status !== 'active') continue;
    overview.total++;
    overview.byType[org.type]++;
    overview.byCategory[org.category]++;
    overview.byOrigin[org.origin]++;
  }
  return overview;
}

export interface MemberOverview {
  total: number;
  byStatus: Record<ActiveMemberStatus, number>;
}

export function summarizeMemberCounts(byStatus: Record<ActiveMemberStatus, number>): MemberOverview {
  const total = ACTIVE_MEMBER_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
  return { total, byStatus };
}

/** A share as a Vietnamese percentage with one decimal ("12,5%"); "—" when there is no whole. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((part / whole) * 100)}%`;
}

/** A count with Vietnamese digit grouping ("3.882"). */
export function formatCount(value: number): string {
  return new Intl.NumberFormat('vi-VN').format(value);
}
