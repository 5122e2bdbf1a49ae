import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { DEFAULT_RELIGIONS } from '@shared/domain/codeLists';
import { formatDateVi, todayIso } from '@shared/domain/dates';
import { SETTINGS } from '@shared/domain/settingDefinitions';
import { AntProviders } from '../../app/App';
import { StoreProvider } from '../../app/StoreContext';
import { openDataStore, type DataStore } from '../../db/store';
import { RulesCard } from './RulesCard';

let store: DataStore;

beforeEach(async () => {
  store = await openDataStore({ name: `rules-${crypto.randomUUID()}` });
});
afterEach(() => store.close());

function renderCard() {
  render(
    <AntProviders>
      <StoreProvider value={store}>
        <RulesCard />
      </StoreProvider>
    </AntProviders>,
  );
}

const PROBATION = SETTINGS.probationMonths;
const RELIGIONS = SETTINGS.religions;

/** The table row of a setting, found by its Vietnamese name once the stored versions are read. */
async function rowOf(label: string): Promise<HTMLElement> {
  const table = await screen.findByTestId('rules-table');
  // Loaded: neither busy nor still under the spinner's blur, which takes no clicks.
  await waitFor(() => expect(table.querySelector('[aria-busy="true"], .ant-spin-blur')).toBeNull());
  const name = await screen.findByText(label, { selector: 'strong, strong *' });
  return name.closest('tr')!;
}

async function openEditor(user: UserEvent, label: string): Promise<HTMLElement> {
  const button = within(await rowOf(label)).getByRole('button', { name: 'Sửa' });
  // A spinner fading out above the table still takes no clicks: wait until nothing above it does.
  const clickable = () => {
    for (let el: HTMLElement | null = button; el; el = el.parentElement)
      if (getComputedStyle(el).pointerEvents === 'none') return false;
    return true;
  };
  await waitFor(() => expect(clickable()).toBe(true));
  await user.click(button);
  return (await screen.findByText(`Sửa quy định: ${label}`)).closest('.ant-drawer') as HTMLElement;
}

async function typeNumber(user: UserEvent, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text) await user.type(input, text);
}

describe('rules card', () => {
  it('lists every setting with the value in force today, its date, source and origin', async () => {
    renderCard();
    const row = await rowOf(PROBATION.label);
    expect(within(row).getByTestId(`value-${PROBATION.key}`)).toHaveTextContent(/^12$/);
    expect(row).toHaveTextContent('19/01/2011');
    expect(row).toHaveTextContent('Điều lệ Đảng (2011), Điều 5');
    expect(within(row).getByText('Mặc định')).toBeInTheDocument();
    expect(screen.getByTestId(`value-${SETTINGS.ethnicGroups.key}`)).toHaveTextContent(
      '56 mục: Kinh, Tày, Thái, …',
    );
    expect(screen.getByTestId(`value-${SETTINGS.ageBands.key}`)).toHaveTextContent(
      '18–30, 31–40, 41–50, 51–60, Trên 60',
    );
    expect(screen.getAllByRole('button', { name: 'Sửa' })).toHaveLength(Object.keys(SETTINGS).length);
  });

  it('saves 18 months from today through the write path, and the table shows it as edited', async () => {
    const user = userEvent.setup();
    renderCard();
    const drawer = await openEditor(user, PROBATION.label);
    expect(within(drawer).getByLabelText('Hiệu lực từ')).toHaveValue(formatDateVi(todayIso()));
    await typeNumber(user, within(drawer).getByLabelText('Giá trị'), '18');
    await user.type(within(drawer).getByLabelText('Căn cứ'), 'Quy định mới 2026');
    await user.click(within(drawer).getByRole('button', { name: 'Lưu quy định' }));

    expect(await screen.findByText('Đã lưu quy định mới.')).toBeInTheDocument();
    const record = await store.db.settings.get(PROBATION.key);
    expect(record?.versions).toEqual([{ effectiveFrom: todayIso(), value: 18, source: 'Quy định mới 2026' }]);
    expect(record?._h).toBeTruthy();
    const journal = await store.db.journal.toArray();
    expect(journal).toMatchObject([{ table: 'settings', recordId: PROBATION.key, kind: 'create' }]);

    await waitFor(() => expect(screen.getByTestId(`value-${PROBATION.key}`)).toHaveTextContent(/^18$/));
    const row = await rowOf(PROBATION.label);
    expect(within(row).getByText('Đã sửa')).toBeInTheDocument();
    expect(row).toHaveTextContent(formatDateVi(todayIso()));
    expect(screen.queryByText(`Sửa quy định: ${PROBATION.label}`)).not.toBeInTheDocument();
  });

  it.each([
    ['0', 'Giá trị không hợp lệ: phải từ 1 trở lên.'],
    ['', 'Giá trị không hợp lệ: chưa nhập giá trị.'],
  ])('refuses "%s" with a Vietnamese sentence and writes nothing', async (typed, sentence) => {
    const user = userEvent.setup();
    renderCard();
    const drawer = await openEditor(user, PROBATION.label);
    await typeNumber(user, within(drawer).getByLabelText('Giá trị'), typed);
    await user.click(within(drawer).getByRole('button', { name: 'Lưu quy định' }));

    expect(await within(drawer).findByText(sentence)).toBeInTheDocument();
    expect(await store.db.settings.count()).toBe(0);
    expect(await store.db.journal.count()).toBe(0);
    expect(screen.getByText(`Sửa quy định: ${PROBATION.label}`)).toBeInTheDocument();
  });

  it('adds a religion with a new code and keeps every old code', async () => {
    const user = userEvent.setup();
    renderCard();
    const drawer = await openEditor(user, RELIGIONS.label);
    const rows = DEFAULT_RELIGIONS.length;
    // Old codes are shown, not editable.
    expect(within(drawer).queryByLabelText('Mã 1')).not.toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: /Thêm mục/ }));
    await user.type(within(drawer).getByLabelText(`Mã ${rows + 1}`), 'minhSuDao');
    await user.type(within(drawer).getByLabelText(`Tên ${rows + 1}`), 'Minh Sư đạo');
    await user.click(within(drawer).getByRole('button', { name: 'Lưu quy định' }));

    expect(await screen.findByText('Đã lưu quy định mới.')).toBeInTheDocument();
    const record = await store.db.settings.get(RELIGIONS.key);
    const saved = (record?.versions as { value: { code: string; label: string }[] }[])[0]!.value;
    expect(saved.map((entry) => entry.code)).toEqual([
      ...DEFAULT_RELIGIONS.map((entry) => entry.code),
      'minhSuDao',
    ]);
    expect(saved.at(-1)).toEqual({ code: 'minhSuDao', label: 'Minh Sư đạo' });
    await waitFor(() =>
      expect(screen.getByTestId(`value-${RELIGIONS.key}`)).toHaveTextContent(
        `${rows + 1} mục: Không, Phật giáo`,
      ),
    );
  });

  it('refuses a new entry that reuses an old code', async () => {
    const user = userEvent.setup();
    renderCard();
    const drawer = await openEditor(user, RELIGIONS.label);
    await user.click(within(drawer).getByRole('button', { name: /Thêm mục/ }));
    const next = DEFAULT_RELIGIONS.length + 1;
    await user.type(within(drawer).getByLabelText(`Mã ${next}`), 'buddhism');
    await user.type(within(drawer).getByLabelText(`Tên ${next}`), 'Phật giáo 2');
    await user.click(within(drawer).getByRole('button', { name: 'Lưu quy định' }));
    expect(
      await within(drawer).findByText('Giá trị không hợp lệ: mỗi mã chỉ được dùng một lần.'),
    ).toBeInTheDocument();
    expect(await store.db.settings.count()).toBe(0);
  });

  it('a version dated in the future does not change today’s value and shows as coming', async () => {
    const user = userEvent.setup();
    renderCard();
    const drawer = await openEditor(user, PROBATION.label);
    const date = within(drawer).getByLabelText('Hiệu lực từ');
    await user.clear(date);
    await user.type(date, '01/01/2099');
    await user.tab();
    expect(date).toHaveValue('01/01/2099');
    await typeNumber(user, within(drawer).getByLabelText('Giá trị'), '24');
    await user.click(within(drawer).getByRole('button', { name: 'Lưu quy định' }));

    expect(await screen.findByText('Đã lưu quy định mới.')).toBeInTheDocument();
    expect((await store.db.settings.get(PROBATION.key))?.versions).toEqual([
      { effectiveFrom: '2099-01-01', value: 24 },
    ]);
    const row = await rowOf(PROBATION.label);
    await waitFor(() => expect(within(row).getByText('Sắp áp dụng từ 01/01/2099')).toBeInTheDocument());
    expect(within(row).getByTestId(`value-${PROBATION.key}`)).toHaveTextContent(/^12$/);
    expect(within(row).getByText('Mặc định')).toBeInTheDocument();

    const history = within(await openEditor(user, PROBATION.label)).getByTestId('version-history');
    expect(within(history).getByText('Sắp áp dụng')).toBeInTheDocument();
    expect(within(history).getByText('Đang áp dụng')).toBeInTheDocument();
    expect(within(history).getByText('01/01/2099')).toBeInTheDocument();
  });

  it('edits a date band and keeps the other bands as they were', async () => {
    const user = userEvent.setup();
    const bands = SETTINGS.admissionPeriodBands;
    renderCard();
    const drawer = await openEditor(user, bands.label);
    expect(within(drawer).getByLabelText('Từ 2')).toHaveValue('01/05/1975');
    const label = within(drawer).getByLabelText('Tên 5');
    await user.clear(label);
    await user.type(label, 'Từ 2011 đến  nay ');
    await user.click(within(drawer).getByRole('button', { name: 'Lưu quy định' }));

    expect(await screen.findByText('Đã lưu quy định mới.')).toBeInTheDocument();
    const expected = bands.defaults[0]!.value.map((band, i) =>
      i === 4 ? { ...band, label: 'Từ 2011 đến nay' } : band,
    );
    expect((await store.db.settings.get(bands.key))?.versions).toEqual([
      { effectiveFrom: todayIso(), value: expected },
    ]);
  });

  it('edits one field of an object setting under its Vietnamese name', async () => {
    const user = userEvent.setup();
    const early = SETTINGS.badgeEarlyAward;
    renderCard();
    const drawer = await openEditor(user, early.label);
    await typeNumber(user, within(drawer).getByLabelText('Mốc cao (năm tuổi Đảng)'), '0');
    await user.click(within(drawer).getByRole('button', { name: 'Lưu quy định' }));
    expect(
      await within(drawer).findByText(
        'Giá trị không hợp lệ: ô "Mốc cao (năm tuổi Đảng)": phải từ 1 trở lên.',
      ),
    ).toBeInTheDocument();

    await typeNumber(user, within(drawer).getByLabelText('Mốc cao (năm tuổi Đảng)'), '75');
    await user.click(within(drawer).getByRole('button', { name: 'Lưu quy định' }));
    expect(await screen.findByText('Đã lưu quy định mới.')).toBeInTheDocument();
    const saved = (await store.db.settings.get(early.key))?.versions as { value: unknown }[];
    expect(saved[0]!.value).toEqual({ ...early.defaults[0]!.value, seniorFromYears: 75 });
  });
});
