import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { countByOrganization } from '@shared/domain/orgCounts';
import { draft, makeEvent, makeMember, makeOrganization } from '../../../../tests/fixtures/records';
import { commit, upsert } from '../../db/writePath';
import { openDataStore, type DataStore } from '../../db/store';
import { eventsIndexFor } from './eventsIndex';
import { loadMemberStates } from './useOrgCounts';

let store: DataStore;
const ward = makeOrganization({ type: 'ward', parentId: null, name: 'Đảng bộ phường Phúc Lợi' });
const home = makeOrganization({ parentId: ward.id, name: 'Chi bộ Tổ dân phố số 1' });
const host = makeOrganization({ parentId: ward.id, name: 'Chi bộ Tổ dân phố số 2' });

beforeEach(async () => {
  store = await openDataStore({ name: `counts-${crypto.randomUUID()}` });
  await commit(store, [upsert('organizations', [ward, home, host].map(draft))]);
});
afterEach(() => store.close());

describe('member states for the counts', () => {
  it('today: status and organization from the indexes, temporary attendance from the record', async () => {
    const visitor = makeMember({ organizationId: home.id, temporaryOrganizationId: host.id });
    const members = [
      visitor,
      makeMember({ organizationId: home.id, status: 'probationary' }),
      makeMember({ organizationId: home.id, status: 'deceased' }),
    ];
    await commit(store, [
      upsert('members', members.map(draft)),
      upsert('memberEvents', [
        draft(
          makeEvent({
            memberId: visitor.id,
            type: 'transferInternal',
            transferKind: 'temporary',
            date: '2025-09-01',
            fromOrganizationId: home.id,
            toOrganizationId: host.id,
          }),
        ),
      ]),
    ]);
    const { states } = await loadMemberStates(store.db, '2999-01-01');
    const counts = countByOrganization(states.values(), [ward, home, host]);
    expect(counts.get(home.id)).toMatchObject({ official: 1, probationary: 1, total: 2, temporary: 0 });
    expect(counts.get(host.id)).toMatchObject({ total: 0, temporary: 1 });
  });

  it('a past date: the history replayed, and a later write followed without reading everything again', async () => {
    const member = makeMember({ organizationId: home.id, joinedOn: '2010-05-19', officialOn: '2011-05-19' });
    await commit(store, [
      upsert('members', [draft(member)]),
      upsert('memberEvents', [
        draft(
          makeEvent({ memberId: member.id, type: 'admission', date: '2010-05-19', organizationId: home.id }),
        ),
      ]),
    ]);
    const before2010 = await loadMemberStates(store.db, '2009-12-31');
    expect(before2010.states.get(member.id)).toBeNull();
    expect((await loadMemberStates(store.db, '2010-06-01')).states.get(member.id)).toMatchObject({
      status: 'probationary',
      organizationId: home.id,
    });

    await commit(store, [
      upsert('memberEvents', [
        draft(makeEvent({ memberId: member.id, type: 'madeOfficial', date: '2011-05-19' })),
      ]),
    ]);
    await waitFor(() => expect(eventsIndexFor(store.db).byMember.get(member.id)).toHaveLength(2));
    expect((await loadMemberStates(store.db, '2012-01-01')).states.get(member.id)).toMatchObject({
      status: 'official',
    });
  });
});
