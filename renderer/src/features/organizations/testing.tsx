/** Rendering the organizations screen in tests: a real DataStore over fake-indexeddb and a router. */
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { generateDemoWard } from '@shared/demo/generator';
import { todayIso } from '@shared/domain/dates';
import type { Member, MemberEvent, Organization } from '@shared/domain/types';
import { AntProviders } from '../../app/App';
import { StoreProvider } from '../../app/StoreContext';
import { openDataStore, type DataStore } from '../../db/store';
import { commit, upsert, type Draft } from '../../db/writePath';
import { OrganizationsPage } from './OrganizationsPage';

export interface Demo {
  store: DataStore;
  organizations: Organization[];
  members: Member[];
  events: MemberEvent[];
}

/** A fresh store holding a small demo ward (about 8 organizations for 300 members). */
export async function openDemoStore(memberCount = 300): Promise<Demo> {
  const store = await openDataStore({ name: `orgs-${crypto.randomUUID()}` });
  const demo = generateDemoWard({ seed: 7, memberCount, asOf: todayIso() });
  await commit(store, [
    upsert('organizations', demo.organizations as unknown as Draft[]),
    upsert('members', demo.members as unknown as Draft[]),
    upsert('memberEvents', demo.events as unknown as Draft[]),
  ]);
  return { store, organizations: demo.organizations, members: demo.members, events: demo.events };
}

export function renderPage(store: DataStore, path = '/to-chuc') {
  const router = createMemoryRouter([{ path: '/to-chuc/:id?', element: <OrganizationsPage /> }], {
    initialEntries: [path],
  });
  render(
    <AntProviders>
      <StoreProvider value={store}>
        <RouterProvider router={router} />
      </StoreProvider>
    </AntProviders>,
  );
  return router;
}

/** Active members of each organization, counted from the generated records. */
export function activeCount(members: readonly Member[], organizationId: string): number {
  return members.filter(
    (m) => m.organizationId === organizationId && ['official', 'probationary', 'exempted'].includes(m.status),
  ).length;
}
