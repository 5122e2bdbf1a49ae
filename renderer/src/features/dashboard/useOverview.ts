import { useLiveQuery } from 'dexie-react-hooks';
import { ACTIVE_MEMBER_STATUSES, type ActiveMemberStatus, type Organization } from '@shared/domain/types';
import { summarizeMemberCounts, summarizeOrganizations, type MemberOverview, type OrganizationOverview } from '@shared/reports/overview';
import type { QldvDatabase } from '../../db/database';
import { liveOrganizations } from '../organizations/queries';

export interface Overview {
  wardName: string | undefined;
  organizations: OrganizationOverview;
  members: MemberOverview;
  isDemo: boolean;
}

/**
 * Live figures for the dashboard. Members are counted on the `[deleted+status]` index without
 * loading a single record, so the screen opens as fast at 100,000 members as at 3,882.
 */
export async function loadOverview(db: QldvDatabase): Promise<Overview> {
  const [orgs, ...counts] = await Promise.all([
    liveOrganizations(db),
    ...ACTIVE_MEMBER_STATUSES.map((status) => db.members.where('[deleted+status]').equals([0, status]).count()),
  ]);
  const byStatus = Object.fromEntries(ACTIVE_MEMBER_STATUSES.map((s, i) => [s, counts[i] ?? 0])) as Record<ActiveMemberStatus, number>;
  const organizations = orgs as unknown as Organization[];
  return {
    wardName: organizations.find((o) => o.type === 'ward')?.name,
    organizations: summarizeOrganizations(organizations),
    members: summarizeMemberCounts(byStatus),
    isDemo: organizations.some((o) => o.isDemo === true),
  };
}

export function useOverview(db: QldvDatabase): Overview | undefined {
  return useLiveQuery(() => loadOverview(db), [db]);
}
