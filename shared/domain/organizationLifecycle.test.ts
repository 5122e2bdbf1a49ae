/**
 * The organization operations write events the lifecycle reads back: counts as of a date before a
 * merge or a receipt must show the tree as it was on that date.
 */
import { describe, expect, it } from 'vitest';
import { makeEvent, makeMember, makeOrganization } from '../../tests/fixtures/records';
import { memberStateOn } from './lifecycle';
import { countByOrganization } from './orgCounts';
import { indexOrganizations, planMerge } from './organizationChanges';
import { planReceipt } from './orgReceipt';
import type { Member, MemberEvent, Organization } from './types';

const ward = makeOrganization({ id: 'ward', type: 'ward', parentId: null });
const tdp1 = makeOrganization({ id: 'tdp1', name: 'Chi bộ 1', parentId: 'ward' });
const tdp2 = makeOrganization({ id: 'tdp2', name: 'Chi bộ 2', parentId: 'ward' });

function countsOn(date: string, orgs: Organization[], members: Member[], events: MemberEvent[]) {
  const states = members.map((m) =>
    memberStateOn(
      m,
      events.filter((e) => e.memberId === m.id),
      date,
    ),
  );
  return countByOrganization(states, orgs, { asOf: date });
}

describe('counts as of a date around organization operations', () => {
  it('a merge: before its date the source counts its members, from its date the target does', () => {
    const member = makeMember({
      id: 'm',
      organizationId: 'tdp2',
      joinedOn: '1990-05-19',
      officialOn: '1991-05-19',
    });
    const history = [
      makeEvent({ memberId: 'm', type: 'admission', date: '1990-05-19', organizationId: 'tdp2' }),
      makeEvent({ memberId: 'm', type: 'madeOfficial', date: '1991-05-19', organizationId: 'tdp2' }),
    ];
    let n = 0;
    const result = planMerge(tdp2, tdp1, [member], {
      organizations: indexOrganizations([ward, tdp1, tdp2]),
      on: '2026-03-01',
      newId: () => `e${++n}`,
    });
    if (!result.ok) throw new Error(result.reason);
    const orgs = [ward, tdp1, { ...tdp2, ...result.plan.source }];
    const moved = { ...member, organizationId: 'tdp1' };
    const events = [...history, ...result.plan.memberEvents];

    const before = countsOn('2026-02-28', orgs, [moved], events);
    expect([before.get('tdp2')!.total, before.get('tdp1')!.total]).toEqual([1, 0]);
    const after = countsOn('2026-03-01', orgs, [moved], events);
    expect([after.get('tdp2')!.total, after.get('tdp1')!.total]).toEqual([0, 1]);
  });

  it('a receipt: its members count from the receipt date, with the status they arrived with', () => {
    let n = 0;
    const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    const received = makeOrganization({ id: 'rcv', parentId: 'ward', type: 'grassrootsBranch' });
    const result = planReceipt({
      organization: received,
      sendingCommittee: 'Quận ủy Long Biên',
      receivedOn: '2025-07-10',
      rows: [
        {
          fullName: 'Nguyễn Văn Hùng',
          sex: 'male',
          birthDate: '12/04/1960',
          joinedOn: '19/05/1990',
          officialOn: '19/05/1991',
        },
        { fullName: 'Lê Thị Hoa', sex: 'female', birthDate: '02/09/1999', joinedOn: '03/02/2025' },
      ],
      newId,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { members, events } = result.plan;
    const orgs = [ward, result.plan.organization];

    expect(countsOn('2025-07-09', orgs, members, events).get('rcv')!.total).toBe(0);
    const on = countsOn('2025-07-10', orgs, members, events).get('rcv')!;
    expect([on.official, on.probationary, on.total]).toEqual([1, 1, 2]);
  });
});
