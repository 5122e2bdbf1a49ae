import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { activeCount, openDemoStore, renderPage, type Demo } from './testing';

let demo: Demo;

beforeEach(async () => {
  demo = await openDemoStore();
});
afterEach(() => demo.store.close());

const ward = () => demo.organizations.find((o) => o.type === 'ward')!;
const leaves = () =>
  demo.organizations.filter((o) => o.type !== 'ward' && activeCount(demo.members, o.id) > 0);

async function treeNode(id: string): Promise<HTMLElement> {
  return screen.findByTestId(`org-node-${id}`);
}

describe('organizations register', () => {
  it('shows the demo tree under the ward, each node with its total, the ward with everyone', async () => {
    renderPage(demo.store);
    const root = await treeNode(ward().id);
    expect(root).toHaveTextContent('Đảng bộ phường Phúc Lợi');
    await waitFor(() => expect(within(root).getByText('300')).toBeInTheDocument());
    for (const child of demo.organizations.filter((o) => o.parentId === ward().id)) {
      const node = await treeNode(child.id);
      expect(node).toHaveTextContent(child.name);
    }
    expect(await screen.findByTestId('org-card-title')).toHaveTextContent('Đảng bộ phường Phúc Lợi');
    await waitFor(() => expect(screen.getByTestId('count-subtree-total')).toHaveTextContent('300'));
  });

  it('selecting an organization shows its sheet and its counts by status', async () => {
    const user = userEvent.setup();
    const router = renderPage(demo.store);
    const branch = leaves()[0]!;
    const mine = demo.members.filter((m) => m.organizationId === branch.id);
    await user.click(await screen.findByText(branch.name, { selector: '.org-node-name' }));
    await waitFor(() => expect(screen.getByTestId('org-card-title')).toHaveTextContent(branch.name));
    expect(router.state.location.pathname).toBe(`/to-chuc/${branch.id}`);
    const count = (status: string) => String(mine.filter((m) => m.status === status).length);
    await waitFor(() =>
      expect(screen.getByTestId('count-own-total')).toHaveTextContent(
        String(activeCount(demo.members, branch.id)),
      ),
    );
    expect(screen.getByTestId('count-own-official')).toHaveTextContent(count('official'));
    expect(screen.getByTestId('count-own-probationary')).toHaveTextContent(count('probationary'));
    expect(screen.getByTestId('count-own-exempted')).toHaveTextContent(count('exempted'));
    expect(screen.getByTestId('count-own-temporary')).toHaveTextContent('0');
    const details = screen.getByTestId('org-details');
    expect(details).toHaveTextContent(branch.term!);
    expect(details).toHaveTextContent('Đảng bộ phường Phúc Lợi');
  });

  it('opens the organization named in the address', async () => {
    const branch = leaves()[1]!;
    renderPage(demo.store, `/to-chuc/${branch.id}`);
    await waitFor(() => expect(screen.getByTestId('org-card-title')).toHaveTextContent(branch.name));
  });

  it('searches without diacritics and keeps the path to the matches', async () => {
    const user = userEvent.setup();
    renderPage(demo.store);
    const target = leaves().find((o) => /[^ -~]/.test(o.name))!;
    const words = target.name.split(' ').slice(-2).join(' ');
    const folded = words
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    await user.type(await screen.findByLabelText('Tìm tổ chức — gõ có dấu hoặc không dấu'), folded);
    expect(await treeNode(target.id)).toBeInTheDocument();
    expect(await treeNode(ward().id)).toBeInTheDocument();
    const others = demo.organizations.filter(
      (o) => o.type !== 'ward' && !o.name.includes(words) && o.parentId === ward().id,
    );
    for (const other of others.filter(
      (o) => !demo.organizations.some((c) => c.parentId === o.id && c.name.includes(words)),
    ))
      expect(screen.queryByTestId(`org-node-${other.id}`)).not.toBeInTheDocument();
  });

  it('creates an organization under the selected one; it appears in the tree and opens', async () => {
    const user = userEvent.setup();
    const router = renderPage(demo.store);
    await user.click(await screen.findByRole('button', { name: /Thêm tổ chức/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Tên tổ chức'), 'Chi bộ Tổ dân phố số 99 Phúc Lợi');
    await user.type(within(dialog).getByLabelText('Tên viết tắt'), 'TDP 99');
    await user.type(within(dialog).getByLabelText('Ngày thành lập'), '15/08/2025');
    await user.type(within(dialog).getByLabelText('Quyết định thành lập'), '150-QĐ/ĐU');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByText('Đã thêm Chi bộ Tổ dân phố số 99 Phúc Lợi.')).toBeInTheDocument();
    const created = (await demo.store.db.organizations.toArray()).find(
      (o) => o.name === 'Chi bộ Tổ dân phố số 99 Phúc Lợi',
    )!;
    expect(created).toMatchObject({
      parentId: ward().id,
      type: 'branch',
      isGrassroots: false,
      shortName: 'TDP 99',
      foundedOn: '2025-08-15',
      foundingDecisionNumber: '150-QĐ/ĐU',
      origin: 'founded',
      status: 'active',
      term: '2025–2030',
    });
    expect(await treeNode(created.id)).toHaveTextContent('Chi bộ Tổ dân phố số 99 Phúc Lợi');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/to-chuc/${created.id}`));
    expect(await demo.store.db.journal.where('recordId').equals(created.id).count()).toBe(1);
  });

  it('refuses a new organization without a name and writes nothing', async () => {
    const user = userEvent.setup();
    renderPage(demo.store);
    await user.click(await screen.findByRole('button', { name: /Thêm tổ chức/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Hãy nhập tên tổ chức.')).toBeInTheDocument();
    expect(await demo.store.db.organizations.count()).toBe(demo.organizations.length);
  });

  it('counts as of an earlier date from the members’ histories', async () => {
    const user = userEvent.setup();
    renderPage(demo.store);
    await waitFor(() => expect(screen.getByTestId('count-subtree-total')).toHaveTextContent('300'));
    const joinedBy2000 = demo.members.filter((m) => m.joinedOn <= '2000-01-01').length;
    const picker = screen.getByLabelText('Số liệu tính đến ngày');
    await user.clear(picker);
    await user.type(picker, '01/01/2000{Enter}');
    await waitFor(() =>
      expect(screen.getByTestId('count-subtree-total')).toHaveTextContent(String(joinedBy2000)),
    );
    expect(screen.getByText(/tính đến ngày 01\/01\/2000/)).toBeInTheDocument();
  });
});
