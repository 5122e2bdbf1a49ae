import { describe, expect, it } from 'vitest';
import { formatCount, formatShare, summarizeMemberCounts, summarizeOrganizations } from './overview';
import type { Organization } from '../domain/types';

type OrgLike = Pick<Organization, 'type' | 'category' | 'origin' | 'status'>;
const org = (over: Partial<OrgLike>): OrgLike => ({ type: 'branch', category: 'residentialGroup', origin: 'fromMergedWard', status: 'active', ...over });

describe('summarizeOrganizations', () => {
  it('counts active organizations under the ward by type, category and origin', () => {
    const overview = summarizeOrganizations([
      org({ type: 'ward', category: 'partyAgency' }),
      org({}),
      org({ type: 'grassrootsCommittee', category: 'police', origin: 'founded' }),
      org({ type: 'grassrootsBranch', category: 'school', origin: 'receivedFromOtherCommittee' }),
      org({ status: 'merged' }),
      org({ status: 'dissolved' }),
    ]);
    expect(overview.total).toBe(3);
    expect(overview.byType).toMatchObject({ ward: 0, branch: 1, grassrootsCommittee: 1, grassrootsBranch: 1 });
    expect(overview.byCategory).toMatchObject({ residentialGroup: 1, police: 1, school: 1, partyAgency: 0 });
    expect(overview.byOrigin).toEqual({ fromMergedWard: 1, founded: 1, receivedFromOtherCommittee: 1 });
  });

  it('is all zeroes for an empty register', () => {
    const overview = summarizeOrganizations([]);
    expect(overview.total).toBe(0);
    expect(Object.values(overview.byType).every((n) => n === 0)).toBe(true);
  });
});

describe('summarizeMemberCounts', () => {
  it('adds official, probationary and exempted members', () => {
    expect(summarizeMemberCounts({ official: 3000, probationary: 120, exempted: 762 }).total).toBe(3882);
  });
});

describe('Vietnamese number formats', () => {
  it.each([
    [3882, '3.882'],
    [100000, '100.000'],
    [0, '0'],
  ])('formatCount(%d) = %s', (n, text) => expect(formatCount(n)).toBe(text));

  it.each([
    [1, 8, '12,5%'],
    [1, 3, '33,3%'],
    [0, 5, '0%'],
    [3, 0, '—'],
  ])('formatShare(%d, %d) = %s', (part, whole, text) => expect(formatShare(part, whole)).toBe(text));
});
