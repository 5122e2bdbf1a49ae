/** The member screens in tests: a real DataStore over fake-indexeddb, a small ward and a router. */
import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useParams, type RouteObject } from 'react-router';
import type { Member, MemberEvent, Organization } from '@shared/domain/types';
import { AntProviders } from '../../app/App';
import { StoreProvider } from '../../app/StoreContext';
import { openDataStore, type DataStore } from '../../db/store';
import { commit, upsert, type Draft } from '../../db/writePath';
import { makeEvent, makeMember, makeOrganization } from '../../../../tests/fixtures/records';

export interface Ward {
  store: DataStore;
  ward: Organization;
  branchA: Organization;
  branchB: Organization;
}

/** The ward committee with two residential branches under it. */
export async function openWard(): Promise<Ward> {
  const store = await openDataStore({ name: `members-${crypto.randomUUID()}` });
  const ward = makeOrganization({
    name: 'Đảng bộ phường Phúc Lợi',
    type: 'ward',
    category: 'partyAgency',
    origin: 'founded',
    sortOrder: 0,
  });
  const branchA = makeOrganization({ name: 'Chi bộ Tổ dân phố số 1', parentId: ward.id, sortOrder: 1 });
  const branchB = makeOrganization({ name: 'Chi bộ Tổ dân phố số 2', parentId: ward.id, sortOrder: 2 });
  await commit(store, [upsert('organizations', [ward, branchA, branchB] as unknown as Draft[])]);
  return { store, ward, branchA, branchB };
}

/** Adds a member with its admission (and official) events, as a file entered earlier. */
export async function addMember(
  store: DataStore,
  over: Partial<Member>,
): Promise<{ member: Member; events: MemberEvent[] }> {
  const member = makeMember(over);
  const events: MemberEvent[] = [
    makeEvent({
      memberId: member.id,
      type: 'admission',
      date: member.joinedOn,
      organizationId: member.organizationId,
    }),
  ];
  if (member.officialOn)
    events.push(
      makeEvent({
        memberId: member.id,
        type: 'madeOfficial',
        date: member.officialOn,
        organizationId: member.organizationId,
      }),
    );
  await commit(store, [
    upsert('members', [member as unknown as Draft]),
    upsert('memberEvents', events as unknown as Draft[]),
  ]);
  return { member, events };
}

function Landing({ what }: { what: string }) {
  const { id } = useParams();
  return <p data-testid="landing">{`${what} ${id ?? ''}`}</p>;
}

export function renderRoutes(store: DataStore, routes: RouteObject[], path: string) {
  const router = createMemoryRouter(
    [
      ...routes,
      { path: '/dang-vien', element: <Landing what="sổ" /> },
      { path: '*', element: <Landing what="khác" /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <AntProviders>
      <StoreProvider value={store}>
        <RouterProvider router={router} />
      </StoreProvider>
    </AntProviders>,
  );
  return router;
}

export { Landing };

/** The option of an organization in an open OrgPicker (a TreeSelect), found by its name. */
export async function findTreeOption(name: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  await waitFor(() => {
    found = screen
      .queryAllByTitle(name)
      .find((el) => el.classList.contains('ant-select-tree-node-content-wrapper'));
    if (!found) throw new Error(`Không thấy tổ chức ${name} trong danh sách.`);
  });
  return found!;
}
