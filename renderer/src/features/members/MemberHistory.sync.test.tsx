/**
 * A member that arrived by a sync file: its history shows its creation on the laptop that made it
 * (the import journals creations in one line per table and laptop naming them in `recordIds`, found
 * through the records' creation stamp, `createdStamps`), then each later
 * change that arrived, old → new, per record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { commit, upsert } from '../../db/writePath';
import { applyBundle } from '../../db/sync';
import { creationLines } from '../../db/journalLookup';
import { exportFile, openSyncTestStore } from '../../db/sync.testing';
import type { DataStore } from '../../db/store';
import { MemberFilePage } from './MemberFilePage';
import { addMember, openWard, renderRoutes, type Ward } from './testing';

let w: Ward;
let source: DataStore;
let wall = Date.UTC(2026, 10, 26, 8);
const clock = () => wall;

beforeEach(async () => {
  w = await openWard();
  await w.store.setNames({ userName: 'Lê Thị Hằng', deviceName: 'Máy Văn phòng 1' });
  source = await openSyncTestStore('cccccccccccccccc', clock, w.store.identity.datasetId);
  await source.setNames({ userName: 'Phạm Văn Đức', deviceName: 'Máy Văn phòng 2' });
  // The source laptop holds the same organizations (as after a first exchange).
  await commit(source, [
    upsert('organizations', await w.store.db.organizations.toArray()),
  ]);
});
afterEach(() => {
  w.store.close();
  source.close();
});

describe('the history of a member that came by a sync file', () => {
  it('shows its creation on the laptop that made it, and a later change old → new', async () => {
    const user = userEvent.setup({ delay: null });
    const { member } = await addMember(source, {
      organizationId: w.branchA.id,
      fullName: 'Hoàng Thị Lan',
      occupation: 'Giáo viên',
    });
    // Another member in the same file, so the creation line names several records. Its id comes
    // first (the file is in id order): the line's `recordId` is its, and Lan's history can only
    // find the line through the lookup by creation stamp.
    const { member: other } = await addMember(source, {
      id: '00000000-0000-4000-8000-000000000001',
      organizationId: w.branchB.id,
      fullName: 'Vũ Văn Minh',
    });
    wall += 60_000;
    const first = await exportFile(source, 'bundle-1', clock);
    await applyBundle(w.store, first.manifest, first.records, { now: wall });
    const stored = (await w.store.db.members.get(member.id))!;
    const creation = await creationLines(w.store.db, member.id, stored._h).toArray();
    expect(creation).toHaveLength(1);
    expect(creation[0]!.recordIds).toHaveLength(2);
    expect(creation[0]!.recordId).toBe(other.id);

    wall += 60_000;
    await commit(source, [upsert('members', [{ id: member.id, occupation: 'Hưu trí' }])]);
    const second = await exportFile(source, 'bundle-2', clock);
    await applyBundle(w.store, second.manifest, second.records, { now: wall });

    renderRoutes(w.store, [{ path: '/dang-vien/:id', element: <MemberFilePage /> }], `/dang-vien/${member.id}`);
    await screen.findByTestId('member-header');
    await user.click(screen.getByRole('tab', { name: 'Lịch sử' }));
    const journal = await screen.findByTestId('journal');
    await waitFor(() => expect(within(journal).getAllByRole('row').slice(1)).toHaveLength(2));
    const rows = within(journal).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Nghề nghiệp hiện nay: Giáo viên → Hưu trí');
    expect(rows[0]).toHaveTextContent('Máy Văn phòng 2');
    expect(rows[1]).toHaveTextContent('Tạo hồ sơ');
    expect(rows[1]).toHaveTextContent('Máy Văn phòng 2');
    // The person who imported (the file does not say who edited), and the mark of a sync.
    expect(rows[1]).toHaveTextContent('Lê Thị Hằng');
    expect(rows[1]).toHaveTextContent('qua đồng bộ');
  });
});
