import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayIso } from '@shared/domain/dates';
import { addMember, findTreeOption, openWard, renderRoutes, type Ward } from '../members/testing';
import { StatisticsPage } from './StatisticsPage';
import { commit, upsert, type Draft } from '../../db/writePath';
import { makeEvent } from '../../../../tests/fixtures/records';

let ward: Ward;
beforeEach(async () => {
  ward = await openWard();
  const year = Number(todayIso().slice(0, 4));
  await addMember(ward.store, {
    fullName: 'Nguyễn Thị Hoa',
    sex: 'female',
    organizationId: ward.branchA.id,
    ethnicity: '01',
  });
  await addMember(ward.store, {
    fullName: 'Trần Văn Bình',
    organizationId: ward.branchA.id,
    ethnicity: '02',
  });
  await addMember(ward.store, {
    fullName: 'Lê Minh Châu',
    organizationId: ward.branchB.id,
    status: 'probationary',
    joinedOn: `${year}-01-05`,
    officialOn: undefined,
    birthDate: `${year - 25}-01-01`,
  });
});
afterEach(() => ward.store.close());

const page = () =>
  renderRoutes(ward.store, [{ path: '/thong-ke', element: <StatisticsPage /> }], '/thong-ke');

describe('the statistics page', () => {
  it('shows the ward’s totals by status and sex as of today, and this year’s admission', async () => {
    page();
    const total = await screen.findByTestId('stats-total');
    await waitFor(() =>
      expect(within(total).getByRole('button', { name: /Tổng số/ })).toHaveTextContent('3'),
    );
    const sex = screen.getByTestId('stats-sex');
    expect(within(sex).getByRole('row', { name: /Nữ/ })).toHaveTextContent('1');
    expect(within(sex).getByRole('row', { name: /Nam/ })).toHaveTextContent('2');
    expect(within(sex).getByRole('row', { name: /Nam/ })).toHaveTextContent('66,7%');
    const status = screen.getByTestId('stats-status');
    expect(within(status).getByRole('row', { name: /Dự bị/ })).toHaveTextContent('1');
    const changes = screen.getByTestId('stats-changes');
    expect(within(changes).getByRole('row', { name: /^Kết nạp \d/ })).toHaveTextContent('1');
    const ethnicity = screen.getByTestId('stats-ethnicity');
    expect(within(ethnicity).getByRole('row', { name: /Tày/ })).toHaveTextContent('1');
  });

  it('drills down from a figure to the members behind it, each a link to the file', async () => {
    const user = userEvent.setup();
    page();
    const sex = await screen.findByTestId('stats-sex');
    await user.click(within(sex).getByRole('button', { name: 'Xem danh sách: Nữ' }));
    const list = await screen.findByTestId('figure-members');
    expect(within(list).getByRole('link', { name: 'Nguyễn Thị Hoa' })).toHaveAttribute(
      'href',
      expect.stringContaining('/dang-vien/'),
    );
    expect(within(list).queryByText('Trần Văn Bình')).toBeNull();
    expect(screen.getByText('Nữ: 1')).toBeInTheDocument();
  });

  it('counts one organization’s sub-tree when it is chosen', async () => {
    const user = userEvent.setup();
    page();
    await screen.findByTestId('stats-total');
    await user.click(screen.getByLabelText('Tổ chức đảng'));
    await user.click(await findTreeOption('Chi bộ Tổ dân phố số 2'));
    await waitFor(() =>
      expect(within(screen.getByTestId('stats-total')).getByRole('button')).toHaveTextContent('1'),
    );
    expect(screen.getByTestId('stats-scope')).toHaveTextContent('Chi bộ Tổ dân phố số 2');
  });

  it('lists a member under the organization of the date, before a later move', async () => {
    const { member } = await addMember(ward.store, {
      fullName: 'Phạm Văn Dũng',
      organizationId: ward.branchA.id,
      joinedOn: '2000-05-19',
      officialOn: '2001-05-19',
    });
    // The move as the lifecycle dialog records it: the event, and the member's new organization.
    await commit(ward.store, [
      upsert('members', [{ id: member.id, organizationId: ward.branchB.id }]),
      upsert('memberEvents', [
        makeEvent({
          memberId: member.id,
          type: 'transferInternal',
          transferKind: 'official',
          date: '2024-03-01',
          fromOrganizationId: ward.branchA.id,
          toOrganizationId: ward.branchB.id,
          decisionNumber: '05-GGT/ĐU',
        }),
      ] as unknown as Draft[]),
    ]);
    const user = userEvent.setup();
    page();
    await screen.findByTestId('stats-total');
    const input = screen.getByLabelText('Tính đến ngày');
    await user.click(input);
    await user.clear(input);
    await user.type(input, '31/12/2023{Enter}');
    await waitFor(() => expect(screen.getByTestId('stats-scope')).toHaveTextContent('31/12/2023'));
    await user.click(within(screen.getByTestId('stats-total')).getByRole('button'));
    const list = await screen.findByTestId('figure-members');
    expect(within(list).getByRole('row', { name: /Phạm Văn Dũng/ })).toHaveTextContent(
      'Chi bộ Tổ dân phố số 1',
    );
  });

  it('counts as of a past date: nobody was a member before they joined', async () => {
    const user = userEvent.setup();
    page();
    await screen.findByTestId('stats-total');
    const input = screen.getByLabelText('Tính đến ngày');
    await user.click(input);
    await user.clear(input);
    await user.type(input, '01/01/1980{Enter}');
    await waitFor(() => expect(screen.getByTestId('stats-scope')).toHaveTextContent('01/01/1980'));
    expect(within(screen.getByTestId('stats-total')).getByText('0')).toBeInTheDocument();
  });
});
