import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { todayIso } from '@shared/domain/dates';
import type { Member, MemberEvent, Organization } from '@shared/domain/types';
import { commit, upsert } from '../../db/writePath';
import { draft, makeOrganization } from '../../../../tests/fixtures/records';
import { activeCount, openDemoStore, renderPage, type Demo } from './testing';

let demo: Demo;

beforeEach(async () => {
  demo = await openDemoStore();
});
afterEach(() => demo.store.close());

const byName = (name: string) => demo.organizations.find((o) => o.name === name)!;
const ward = () => demo.organizations.find((o) => o.type === 'ward')!;
const stored = async <T,>(table: 'organizations' | 'members' | 'memberEvents') =>
  (await demo.store.db[table].toArray()) as unknown as T[];

const errorsIn = (dialog: HTMLElement) =>
  [...dialog.querySelectorAll('.ant-alert-error')].map((a) => a.textContent);

async function openAction(user: UserEvent, orgId: string, action: RegExp): Promise<HTMLElement> {
  renderPage(demo.store, `/to-chuc/${orgId}`);
  await waitFor(() => expect(screen.getByTestId('count-own-total')).toBeInTheDocument());
  await user.click(within(screen.getByTestId('org-actions')).getByRole('button', { name: action }));
  return screen.findByRole('dialog');
}

/** Picks an organization in an OrgPicker by typing part of its name without diacritics. */
async function pick(user: UserEvent, dialog: HTMLElement, label: string, typed: string, name: string) {
  await user.click(within(dialog).getByLabelText(label));
  await user.type(within(dialog).getByLabelText(label), typed);
  const option = await waitFor(() => {
    const found = document.querySelector<HTMLElement>(`.ant-select-dropdown [title="${name}"]`);
    if (!found) throw new Error(`Không thấy lựa chọn ${name}`);
    return found;
  });
  await user.click(option);
}

describe('merge', () => {
  it('moves every active member of the source into the target in one write and leaves a pointer', async () => {
    const user = userEvent.setup({ delay: null });
    const source = byName('Chi bộ Tổ dân phố số 1 Cổ Bi');
    const target = byName('Chi bộ Tổ dân phố số 1 Việt Hưng');
    const expected = activeCount(demo.members, source.id) + activeCount(demo.members, target.id);
    const dialog = await openAction(user, source.id, /Hợp nhất/);
    await pick(user, dialog, 'Tổ chức nhận hợp nhất', 'viet hung', target.name);
    expect(await within(dialog).findByTestId('merge-summary')).toHaveTextContent(
      `${activeCount(demo.members, source.id)} đảng viên đang sinh hoạt của ${source.name} sẽ chuyển sang ${target.name}.`,
    );
    const journalBefore = await demo.store.db.journal.count();
    await user.click(within(dialog).getByRole('button', { name: 'Hợp nhất' }));
    await waitFor(() => expect(errorsIn(dialog)).toEqual([]));
    expect(
      await screen.findByText(new RegExp(`^Đã hợp nhất ${source.name}`), {}, { timeout: 8000 }),
    ).toBeInTheDocument();

    const orgs = await stored<Organization>('organizations');
    expect(orgs.find((o) => o.id === source.id)).toMatchObject({
      status: 'merged',
      mergedInto: target.id,
      mergedOn: todayIso(),
    });
    const members = await stored<Member>('members');
    expect(activeCount(members, source.id)).toBe(0);
    expect(activeCount(members, target.id)).toBe(expected);
    const moves = (await stored<MemberEvent>('memberEvents')).filter((e) => e.type === 'transferInternal');
    expect(moves).toHaveLength(activeCount(demo.members, source.id));
    // One user action: every line of the journal it wrote has the same stamp.
    const lines = (await demo.store.db.journal.toArray()).slice(journalBefore);
    expect(new Set(lines.map((l) => l.hlc)).size).toBe(1);

    await waitFor(() => expect(screen.getByTestId('org-card-title')).toHaveTextContent(source.name));
    await waitFor(() => expect(screen.queryByTestId(`org-node-${source.id}`)).not.toBeInTheDocument());
    await waitFor(() =>
      expect(
        within(screen.getByTestId(`org-node-${target.id}`)).getByText(String(expected)),
      ).toBeInTheDocument(),
    );
  });

  it('shows merged organizations greyed with where they went, on request', async () => {
    const user = userEvent.setup({ delay: null });
    const source = byName('Chi bộ Tổ dân phố số 1 Cổ Bi');
    const target = byName('Chi bộ Tổ dân phố số 1 Việt Hưng');
    await commit(demo.store, [
      upsert('organizations', [
        { id: source.id, status: 'merged', mergedInto: target.id, mergedOn: '2025-09-01' },
      ]),
    ]);
    renderPage(demo.store);
    await screen.findByTestId(`org-node-${target.id}`);
    expect(screen.queryByTestId(`org-node-${source.id}`)).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Hiện tổ chức đã hợp nhất, giải thể' }));
    const node = await screen.findByTestId(`org-node-${source.id}`);
    expect(node).toHaveClass('org-node-inactive');
    expect(node).toHaveTextContent(`→ hợp nhất vào ${target.shortName}`);
  });
});

describe('dissolve', () => {
  it('is refused while members remain, and says what to do', async () => {
    const user = userEvent.setup({ delay: null });
    const branch = byName('Chi bộ Trường Mầm non Giang Biên');
    const dialog = await openAction(user, branch.id, /Giải thể/);
    expect(
      await within(dialog).findByText(
        `“${branch.name}” còn ${activeCount(demo.members, branch.id)} đảng viên đang sinh hoạt; hãy chuyển sinh hoạt các đảng viên này hoặc hợp nhất tổ chức vào tổ chức khác trước khi giải thể.`,
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Giải thể' })).toBeDisabled();
    expect((await demo.store.db.organizations.get(branch.id))?.status).toBe('active');
  });

  it('dissolves an empty organization', async () => {
    const user = userEvent.setup({ delay: null });
    const empty = makeOrganization({ parentId: ward().id, name: 'Chi bộ Tổ dân phố số 50 Cổ Bi' });
    await commit(demo.store, [upsert('organizations', [draft(empty)])]);
    const dialog = await openAction(user, empty.id, /Giải thể/);
    await user.click(await within(dialog).findByRole('button', { name: 'Giải thể' }));
    expect(await screen.findByText(`Đã giải thể ${empty.name}.`)).toBeInTheDocument();
    expect(await demo.store.db.organizations.get(empty.id)).toMatchObject({
      status: 'dissolved',
      dissolvedOn: todayIso(),
    });
  });
});

describe('move', () => {
  it('moves a branch under a grassroots committee, offering only allowed parents', async () => {
    const user = userEvent.setup({ delay: null });
    const committee = makeOrganization({
      parentId: ward().id,
      type: 'grassrootsCommittee',
      name: 'Đảng bộ Công ty Điện lực Long Biên',
      isGrassroots: true,
    });
    await commit(demo.store, [upsert('organizations', [draft(committee)])]);
    const branch = byName('Chi bộ Tổ dân phố số 1 Cổ Bi');
    const dialog = await openAction(user, branch.id, /Chuyển/);
    await pick(user, dialog, 'Tổ chức cấp trên mới', 'dien luc', committee.name);
    await user.click(within(dialog).getByRole('button', { name: 'Chuyển' }));
    expect(
      await screen.findByText(`Đã chuyển ${branch.name} sang trực thuộc ${committee.name}.`),
    ).toBeInTheDocument();
    expect((await demo.store.db.organizations.get(branch.id))?.parentId).toBe(committee.id);
    await waitFor(() =>
      expect(screen.getByTestId('count-own-total')).toHaveTextContent(
        String(activeCount(demo.members, branch.id)),
      ),
    );
  });
});

describe('receive an organization', () => {
  async function fillOrganization(user: UserEvent, dialog: HTMLElement) {
    await user.type(within(dialog).getByLabelText('Cấp ủy chuyển giao'), 'Quận ủy Long Biên');
    await user.type(within(dialog).getByLabelText('Tên tổ chức'), 'Chi bộ Công ty Cổ phần Sông Đà 12');
    await user.type(within(dialog).getByLabelText('Số quyết định tiếp nhận'), '45-QĐ/ĐU');
  }
  async function fillRow(user: UserEvent, dialog: HTMLElement, row: number, values: string[]) {
    const [name, sex, birth, joined, official] = values;
    const paste = async (label: string, text: string) => {
      await user.click(within(dialog).getByLabelText(label));
      await user.paste(text);
    };
    await paste(`Họ và tên dòng ${row}`, name!);
    if (sex) {
      await user.click(within(dialog).getByLabelText(`Giới tính dòng ${row}`));
      await user.click((await screen.findAllByTitle(sex)).at(-1)!);
    }
    if (birth) await paste(`Ngày sinh dòng ${row}`, birth);
    if (joined) await paste(`Ngày vào Đảng dòng ${row}`, joined);
    if (official) await paste(`Ngày chính thức dòng ${row}`, official);
  }

  it('creates the organization, its members and a transfer-in event each, in one write', async () => {
    const user = userEvent.setup({ delay: null });
    const dialog = await openAction(user, ward().id, /Tiếp nhận tổ chức/);
    await fillOrganization(user, dialog);
    await fillRow(user, dialog, 1, ['Nguyễn Văn Hùng', 'Nam', '12/04/1960', '19/05/1990', '19/05/1991']);
    await fillRow(user, dialog, 2, ['Lê Thị Hoa', 'Nữ', '02/09/1999', '03/02/2025', '']);
    const journalBefore = await demo.store.db.journal.count();
    await user.click(within(dialog).getByRole('button', { name: 'Tiếp nhận' }));
    await waitFor(() => expect(errorsIn(dialog)).toEqual([]));
    expect(
      await screen.findByText('Đã tiếp nhận Chi bộ Công ty Cổ phần Sông Đà 12 cùng 2 đảng viên.'),
    ).toBeInTheDocument();

    const org = (await stored<Organization>('organizations')).find(
      (o) => o.name === 'Chi bộ Công ty Cổ phần Sông Đà 12',
    )!;
    expect(org).toMatchObject({
      parentId: ward().id,
      origin: 'receivedFromOtherCommittee',
      originNote: 'Tiếp nhận từ Quận ủy Long Biên',
      type: 'grassrootsBranch',
      isGrassroots: true,
    });
    const members = (await stored<Member>('members')).filter((m) => m.organizationId === org.id);
    expect(members.map((m) => [m.fullName, m.sex, m.status, m.birthDate, m.joinedOn]).sort()).toEqual([
      ['Lê Thị Hoa', 'female', 'probationary', '1999-09-02', '2025-02-03'],
      ['Nguyễn Văn Hùng', 'male', 'official', '1960-04-12', '1990-05-19'],
    ]);
    const events = (await stored<MemberEvent>('memberEvents')).filter((e) =>
      members.some((m) => m.id === e.memberId),
    );
    expect(events).toHaveLength(2);
    for (const e of events)
      expect(e).toMatchObject({
        type: 'transferIn',
        transferKind: 'official',
        fromExternal: 'Quận ủy Long Biên',
        toOrganizationId: org.id,
        decisionNumber: '45-QĐ/ĐU',
      });
    const lines = (await demo.store.db.journal.toArray()).slice(journalBefore);
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((l) => l.hlc)).size).toBe(1);
    await waitFor(() => expect(screen.getByTestId('org-card-title')).toHaveTextContent(org.name));
    await waitFor(() => expect(screen.getByTestId('count-own-total')).toHaveTextContent('2'));
  });

  it('names the wrong rows and saves nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const dialog = await openAction(user, ward().id, /Tiếp nhận tổ chức/);
    await fillOrganization(user, dialog);
    await fillRow(user, dialog, 1, ['Nguyễn Văn Hùng', 'Nam', '12/04/1960', '19/05/1990', '19/05/1991']);
    await fillRow(user, dialog, 2, ['Lê Thị Hoa', '', '31/02/1999', '03/02/2025', '']);
    const counts = [await demo.store.db.organizations.count(), await demo.store.db.members.count()];
    await user.click(within(dialog).getByRole('button', { name: 'Tiếp nhận' }));
    expect(
      await within(dialog).findByText(
        'Dòng 2: chưa chọn giới tính; ngày sinh “31/02/1999” không đúng dạng ngày/tháng/năm (dd/mm/yyyy).',
      ),
    ).toBeInTheDocument();
    expect([await demo.store.db.organizations.count(), await demo.store.db.members.count()]).toEqual(counts);
  });
});

describe('leadership', () => {
  it('chooses the secretary among the organization’s members and links the name to the member’s file', async () => {
    const user = userEvent.setup({ delay: null });
    const branch = byName('Chi bộ Trường Mầm non Giang Biên');
    const member = demo.members.find((m) => m.organizationId === branch.id && m.status === 'official')!;
    const dialog = await openAction(user, branch.id, /Bí thư, cấp ủy/);
    const secretary = await within(dialog).findByLabelText('Bí thư');
    await user.click(secretary);
    await user.type(secretary, member.fullName);
    await user.click((await screen.findAllByTitle(member.fullName)).at(-1)!);
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu bí thư, cấp ủy.')).toBeInTheDocument();
    expect((await demo.store.db.organizations.get(branch.id))?.secretaryId).toBe(member.id);
    const link = await within(screen.getByTestId('org-details')).findByRole('link', {
      name: member.fullName,
    });
    expect(link).toHaveAttribute('href', `#/dang-vien/${member.id}`);
    expect(
      screen.queryByText('Chưa ghi bí thư của tổ chức; hãy cập nhật ở mục “Bí thư, cấp ủy”.'),
    ).not.toBeInTheDocument();
  });
});

describe('the ward committee', () => {
  it('records a standing committee and warns, as it is chosen, that it is below the size the rules set', async () => {
    const user = userEvent.setup({ delay: null });
    const root = ward();
    const member = demo.members.find((m) => m.status === 'official')!;
    const dialog = await openAction(user, root.id, /Bí thư, cấp ủy/);
    const standing = await within(dialog).findByLabelText('Ủy viên Ban Thường vụ (ngoài bí thư, phó bí thư)');
    expect(within(dialog).getByLabelText('Ủy viên Ban Chấp hành khác')).toBeInTheDocument();
    await user.click(standing);
    await user.type(standing, member.fullName);
    await user.click((await screen.findAllByTitle(member.fullName)).at(-1)!);
    expect(
      await within(dialog).findByText(
        'Ban Thường vụ có 1 ủy viên (kể cả bí thư, phó bí thư); quy định là từ 9 đến 11 ủy viên.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Ban Chấp hành Đảng bộ có 1 ủy viên; quy định nhiệm kỳ 2025–2030 là từ 27 đến 33 ủy viên.'),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu bí thư, cấp ủy.')).toBeInTheDocument();
    expect((await demo.store.db.organizations.get(root.id))?.standingCommitteeIds).toEqual([member.id]);
    const details = screen.getByTestId('org-details');
    expect(await within(details).findByRole('link', { name: member.fullName })).toBeInTheDocument();
    expect(within(details).getByText('Ủy viên Ban Thường vụ')).toBeInTheDocument();
  });

  it('does not offer a standing committee to a branch', async () => {
    const user = userEvent.setup({ delay: null });
    const dialog = await openAction(user, byName('Chi bộ Trường Mầm non Giang Biên').id, /Bí thư, cấp ủy/);
    await within(dialog).findByLabelText('Bí thư');
    expect(within(dialog).queryByLabelText('Ủy viên Ban Thường vụ (ngoài bí thư, phó bí thư)')).not.toBeInTheDocument();
  });
});
